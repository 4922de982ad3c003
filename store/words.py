"""The words of a text as dedup and quote merging compare them: ``\\w+`` runs of its normalised form.

``extractors.models.normalise`` is NFKC, quotes and dashes unified, casefold,
then every character outside words and a few punctuation marks replaced by a
space and whitespace collapsed. Only the first and the casefold can change a
word character; the rest map non-word characters to non-word characters, so
the runs of word characters are the same without them. Skipping those steps
halves the cost on an article's text (a save computes its shingles and the
words of every quote it regroups); ``tests/store/test_words.py`` checks the
two agree, so a change to ``normalise`` that breaks this shows there.
"""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """``re.findall(r"\\w+", normalise(text))``, computed with the steps that can change a word."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())
