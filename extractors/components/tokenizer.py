"""The model's tokenizer, read from its files once, with one suffix rule of ours.

A full stop after a digit and a capital ends the sentence ("... than the
H-1B. The attorney said"): the model's suffix rules keep a full stop after a
capital (for "U.S."), which glues a visa code to it and runs two sentences
into one, so :data:`CODE_FULL_STOP` is added to the model's suffixes.

``spacy.load`` builds the language's default tokenizer from the config, then
reads the model's over it, and a changed suffix rule builds its 1,347
special cases again: three builds of about 40 ms each. :func:`load_model`
builds it once: a tokenizer with no rules stands in while the model loads
(the model's own tokenizer files are not read), then the model's files are
read with the suffix pattern already extended. A model whose tokenizer is not
spaCy's standard one is loaded as spaCy loads it.
"""

from __future__ import annotations

import configparser
import json
from collections.abc import Callable
from pathlib import Path

import spacy
import srsly
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_suffix_regex, registry
from spacy.vocab import Vocab

CODE_FULL_STOP = r"(?<=[0-9][A-Z])\."
STANDARD = "spacy.Tokenizer.v1"
STAND_IN = "newsfacts.StandInTokenizer.v1"


def stand_in_tokenizer() -> Callable[[Language], Tokenizer]:
    """A tokenizer with no rules, replaced by the model's own once it has loaded."""

    def make(nlp: Language) -> Tokenizer:
        return Tokenizer(nlp.vocab)

    return make


registry.tokenizers.register(STAND_IN, func=stand_in_tokenizer)


def load_model(name: str, exclude: list[str]) -> Language:
    """``spacy.load(name, exclude=exclude)``, with :data:`CODE_FULL_STOP` among the tokenizer's suffixes."""
    stand_in = {"nlp": {"tokenizer": {"@tokenizers": STAND_IN}}}
    nlp = spacy.load(name, exclude=[*exclude, "tokenizer"], config=stand_in)
    if nlp.path is not None and tokenizer_kind(nlp.path) == STANDARD and (nlp.path / "tokenizer").is_file():
        nlp.tokenizer = model_tokenizer(nlp.vocab, nlp.path / "tokenizer")
        return nlp
    nlp = spacy.load(name, exclude=exclude)  # a tokenizer of the model's own kind
    tokenizer = nlp.tokenizer
    if isinstance(tokenizer, Tokenizer):
        suffixes = [*(nlp.Defaults.suffixes or []), CODE_FULL_STOP]
        tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    return nlp


def tokenizer_kind(folder: Path) -> str | None:
    """The registered name of the tokenizer in the model's ``config.cfg`` (None when it cannot be read)."""
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(folder / "config.cfg", encoding="utf-8")
        if parser.has_option("nlp.tokenizer", "@tokenizers"):
            value = json.loads(parser.get("nlp.tokenizer", "@tokenizers"))
        else:
            value = json.loads(parser.get("nlp", "tokenizer")).get("@tokenizers")
    except (configparser.Error, ValueError, AttributeError):
        return None
    return value if isinstance(value, str) else None


def model_tokenizer(vocab: Vocab, file: Path) -> Tokenizer:
    """The standard tokenizer saved in ``file``, read as spaCy reads it, plus :data:`CODE_FULL_STOP`."""
    fields = srsly.msgpack_loads(file.read_bytes())
    suffixes = fields.get("suffix_search")
    # compile_suffix_regex's form: each suffix + "$", joined by "|".
    fields["suffix_search"] = f"{suffixes}|{CODE_FULL_STOP}$" if suffixes else f"{CODE_FULL_STOP}$"
    return Tokenizer(vocab).from_bytes(srsly.msgpack_dumps(fields), exclude=["vocab"])
