"""The model's rule lemmatizer, applied through a table: the same lemma on
every token, a tenth of the time.

en_core_web_sm's ``lemmatizer`` looks each token up in its own cache (by
text, POS and morphology) and sets ``token.lemma_`` one token at a time in
Python: 0.3-0.6 s over the 154 bench articles, as much as two of the fact
components. This component reads the three keys of every token in one
``Doc.to_array``, asks the model's lemmatizer only for a combination it has
not seen, and writes every lemma back in one ``Doc.from_array``. A token that
already has a lemma (the attribute ruler sets a few) keeps it, as the
lemmatizer leaves it; ``tests/extractors/test_lemmas.py`` compares every
lemma with the lemmatizer's on real pages.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

# (text, POS, morphology) hashes, as the lemmatizer's own cache keys a token.
Key = tuple[int, int, int]


class TableLemmas:
    """Sets each token's lemma from the model's lemmatizer, once per distinct key."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self._lemmas: dict[Key, int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows: Any = doc.to_array(["ORTH", "POS", "MORPH", "LEMMA"])  # uint64 hashes, one row a token
        lemmas = rows[:, 3].copy()
        strings = doc.vocab.strings
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma:
                continue
            found = self._lemmas.get((orth, pos, morph))
            if found is None:
                found = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
                self._lemmas[(orth, pos, morph)] = found
            lemmas[i] = found
        doc.from_array(["LEMMA"], lemmas.reshape(-1, 1))
        return doc


def replaceable(lemmatizer: object) -> bool:
    """A rule lemmatizer that fills only the lemmas not set yet: its output
    depends on nothing but the three keys."""
    return isinstance(lemmatizer, Lemmatizer) and lemmatizer.mode == "rule" and not lemmatizer.overwrite


@Language.factory("newsfacts_lemmas", requires=["token.pos", "token.morph"], assigns=["token.lemma"])
def make_table_lemmas(nlp: Language, name: str) -> TableLemmas:
    """Factory: the model's ``lemmatizer`` as a table; add it right after the
    lemmatizer, then remove that (:func:`use_table_lemmas`)."""
    lemmatizer = nlp.get_pipe("lemmatizer")
    assert isinstance(lemmatizer, Lemmatizer)
    return TableLemmas(lemmatizer)


def use_table_lemmas(nlp: Language) -> None:
    """Put :class:`TableLemmas` in place of the model's ``lemmatizer``."""
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    if not replaceable(lemmatizer):
        return  # a lookup or trainable lemmatizer, or none: keep it as it is
    nlp.add_pipe("newsfacts_lemmas", after="lemmatizer")
    nlp.remove_pipe("lemmatizer")
