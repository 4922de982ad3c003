"""store.words: the words of a text equal the word runs of its normalised form."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.models import normalise
from store.words import words

# Characters normalise treats specially, plus ligatures, full-width forms and letters casefold changes.
SPECIAL = "“”„‘’–—\u00a0\u2009ﬁﬀ１２Ａ$€£¥%.,:;!?'-_ßİΣσς\u0301é\t\n"


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.characters() | st.sampled_from(SPECIAL), max_size=80))
def test_words_are_the_word_runs_of_the_normalised_text(text: str) -> None:
    assert words(text) == re.findall(r"\w+", normalise(text))


def test_words_of_a_news_sentence() -> None:
    text = "“It’s a talent magnet,” said Michael Feller — ﬁrst in 2025."
    expected = ["it", "s", "a", "talent", "magnet", "said", "michael", "feller", "first", "in", "2025"]
    assert words(text) == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["visa", "K", "Fee", "ﬁrst", "“fee”", "$100,000", "—", "h-1b"]), max_size=12))
def test_the_hashed_shingles_are_the_word_shingles_in_utf8(parts: list[str]) -> None:
    from store.dedup import _shingle_bytes, word_shingles

    text = " ".join(parts)
    assert _shingle_bytes(text) == {s.encode("utf-8") for s in word_shingles(text)}
