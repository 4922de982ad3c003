"""The lemma table sets what the model's lemmatizer sets, token for token."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.pipeline import Lemmatizer

from extractors.components.lemmas import TableLemmas, replaceable
from extractors.nlp import FactExtractor, model_name
from tests.extractors.test_attributes import _texts


@pytest.fixture(scope="module")
def model() -> Language:
    return spacy.load(model_name(), exclude=["senter"])


def test_the_table_sets_every_lemma_as_the_lemmatizer_does(model: Language) -> None:
    lemmatizer = model.get_pipe("lemmatizer")
    assert isinstance(lemmatizer, Lemmatizer) and replaceable(lemmatizer)
    table = TableLemmas(lemmatizer)
    texts = _texts()
    ours = list(model.pipe(texts, disable=["lemmatizer", "ner"]))
    theirs = list(model.pipe(texts, disable=["ner"]))
    tokens = 0
    for doc, twin in zip(ours, theirs, strict=True):
        table(doc)
        assert [t.lemma_ for t in doc] == [t.lemma_ for t in twin]
        tokens += len(doc)
    assert tokens > 5_000
    assert len(table._lemmas) < tokens / 2  # looked up once per distinct word form, not per token


def test_a_lemma_set_before_it_is_kept(model: Language) -> None:
    lemmatizer = model.get_pipe("lemmatizer")
    assert isinstance(lemmatizer, Lemmatizer)
    doc = model("They were running late.", disable=["lemmatizer", "ner"])
    doc[1].lemma_ = "BE-SET-EARLIER"
    TableLemmas(lemmatizer)(doc)
    assert [t.lemma_ for t in doc] == ["they", "BE-SET-EARLIER", "run", "late", "."]
    assert TableLemmas(lemmatizer)(model.make_doc("")).text == ""


def test_the_pipeline_runs_the_table_in_the_lemmatizer_place(extractor: FactExtractor) -> None:
    names = extractor.nlp.pipe_names
    assert "newsfacts_lemmas" in names and "lemmatizer" not in names
    assert names.index("newsfacts_attributes") < names.index("newsfacts_lemmas") < names.index("ner")
