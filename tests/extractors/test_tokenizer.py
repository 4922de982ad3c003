"""The model's tokenizer read once (extractors/components/tokenizer.py) is the tokenizer
spacy.load gives, with the code full stop among its suffixes."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.util import compile_suffix_regex

from extractors.components.tokenizer import CODE_FULL_STOP, STANDARD, load_model, tokenizer_kind
from extractors.nlp import FactExtractor, model_name
from tests.extractors.test_attributes import _texts


def test_the_tokenizer_is_the_models_own_with_the_code_full_stop(extractor: FactExtractor) -> None:
    theirs = spacy.load(model_name(), exclude=["senter"])
    suffixes = [*(theirs.Defaults.suffixes or []), CODE_FULL_STOP]
    theirs.tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    ours = extractor.nlp.tokenizer
    assert ours.to_bytes(exclude=["vocab"]) == theirs.tokenizer.to_bytes(exclude=["vocab"])
    texts = _texts()
    assert texts
    for text in texts:
        assert [t.text for t in ours(text)] == [t.text for t in theirs.tokenizer(text)]


def test_a_code_before_a_full_stop_ends_the_sentence_in_its_own_token() -> None:
    nlp = load_model(model_name(), exclude=["senter"])
    words = [t.text for t in nlp.tokenizer("than the H-1B. The attorney said")]
    assert words[:6] == ["than", "the", "H-1B", ".", "The", "attorney"]
    assert [t.text for t in nlp.tokenizer("the U.S. said")] == ["the", "U.S.", "said"]


@pytest.mark.parametrize(
    ("config", "kind"),
    [
        ('[nlp]\nlang = "en"\ntokenizer = {"@tokenizers":"spacy.Tokenizer.v1"}\n', STANDARD),
        ('[nlp]\nlang = "zh"\n\n[nlp.tokenizer]\n@tokenizers = "spacy.zh.ChineseTokenizer"\n',
         "spacy.zh.ChineseTokenizer"),
        ('[nlp]\nlang = "en"\n', None),
        ("not a config", None),
    ],
)
def test_the_tokenizer_kind_is_read_from_the_config(tmp_path: Path, config: str, kind: str | None) -> None:
    (tmp_path / "config.cfg").write_text(config, "utf-8")
    assert tokenizer_kind(tmp_path) == kind
