"""extractors.models.normalise: its ASCII shortcut gives what the full steps give."""

from __future__ import annotations

import re
import string
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.models import _PUNCT_MAP, normalise


def _full_steps(text: str) -> str:
    """normalise as it was written before the ASCII shortcut: every step on every text."""
    text = unicodedata.normalize("NFKC", text).translate(_PUNCT_MAP).casefold()
    return " ".join(re.sub(r"[^\w$€£¥%.,:;!?'\- ]+", " ", text).split())


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(string.printable), max_size=80))
def test_ascii_text_normalises_as_the_full_steps_do(text: str) -> None:
    assert normalise(text) == _full_steps(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters() | st.sampled_from("“”„‘’–—\u00a0ﬁ１Ａİß$€%'-"), max_size=60))
def test_any_text_normalises_as_the_full_steps_do(text: str) -> None:
    assert normalise(text) == _full_steps(text)


def test_an_ascii_key_is_lowered_and_its_symbols_kept() -> None:
    assert normalise("  H-1B  Visa:\tFEE $100,000 (new)!") == "h-1b visa: fee $100,000 new !"
