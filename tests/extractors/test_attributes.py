"""The attribute table sets what the model's attribute ruler sets, token for token."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from extractors.components.attributes import TableAttributes, replaceable
from extractors.nlp import model_name
from extractors.page import to_article
from sources.errors import NewsfactsError
from sources.local import read_local

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
PAGES = ("gold/train/*.html", "site/*/*.html", "unseen/*.html")
# Words the ruler's exceptions are about: "ai n't", "gon na", "let 's", "but" as
# an adverb, pronouns by case, "there is", a stray "_SP" tag, blank lines.
TRICKY = (
    "I ai n't gon na say it. Let's go, but it was good. Me and you saw him; there is\n\n"
    "a line, and   they said it's theirs. What do you do? He had had it. 'd they?"
)


@pytest.fixture(scope="module")
def model() -> Language:
    return spacy.load(model_name(), exclude=["senter"])


def _texts() -> list[str]:
    texts = [TRICKY]
    for path in sorted(p for pattern in PAGES for p in FIXTURES.glob(pattern)):
        try:
            texts.append(to_article(read_local(path)).text)
        except NewsfactsError:
            continue
    return texts


def _annotations(doc: Doc) -> list[tuple[object, ...]]:
    return [(t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for t in doc]


def test_the_table_sets_every_attribute_as_the_ruler_does(model: Language) -> None:
    ruler = model.get_pipe("attribute_ruler")
    table = TableAttributes(ruler)  # type: ignore[arg-type]
    assert replaceable(ruler)  # type: ignore[arg-type]
    assert len(table.checks) > 150 and table.matcher  # most patterns are looked up, a few matched
    lemmatizer = model.get_pipe("lemmatizer")
    before = ["attribute_ruler", "lemmatizer", "ner"]
    docs = list(model.pipe(_texts(), disable=before))
    twins = list(model.pipe(_texts(), disable=before))
    tokens = 0
    for ours, theirs in zip(docs, twins, strict=True):
        lemmatizer(table(ours))
        lemmatizer(ruler(theirs))
        assert _annotations(ours) == _annotations(theirs)
        tokens += len(ours)
    assert tokens > 5_000


def test_the_pipeline_runs_the_table_in_the_ruler_place(extractor: object) -> None:
    from extractors.nlp import FactExtractor

    assert isinstance(extractor, FactExtractor)
    names = extractor.nlp.pipe_names
    assert "newsfacts_attributes" in names and "attribute_ruler" not in names
    assert names.index("parser") < names.index("newsfacts_attributes") < names.index("newsfacts_lemmas")
