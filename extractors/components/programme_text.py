"""Where a programme mention sits: its sentence, whether it opens one, a Title Case heading line,
and whether its sentence is about migration (``programme_names.py``). No parser: plain text in.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractors.components.programme_words import MIGRATION
from extractors.country_lexicon import country_lexicon


def in_heading(text: str, start: int) -> bool:
    """Whether ``start`` lies in a Title Case line (a headline or subheading), not in prose."""
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", start)
    line = text[left : right if right >= 0 else len(text)].strip()
    words = [str(w) for w in re.findall(r"[A-Za-z][\w'’-]*", line) if len(w) > 3]
    if len(words) < 3 or line[-1:] in ".!?”\"":
        return False
    return sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def about_migration(sentence: str) -> bool:
    """Whether a sentence is about migration: its words, or a government body that runs visas."""
    return bool(MIGRATION.search(sentence) or country_lexicon().body_pattern.search(sentence))


def opens_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` is capitalised because it opens a sentence or a line."""
    before = text[:start].rstrip(" \t“\"‘'(")
    return not before or before[-1] in ".!?:\n"


def sentence(text: str, start: int, end: int) -> str:
    """The sentence around a character range, approximately (no parser here)."""
    left = max(text.rfind("\n", 0, start), *(text.rfind(p, 0, start) for p in (". ", "! ", "? ")))
    stops = [i for i in (text.find(p, end) for p in ("\n", ". ", "! ", "? ")) if i >= 0]
    return text[left + 1 : min(stops) if stops else len(text)]


def mask(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """``text`` with the ``spans`` blanked out, positions kept."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)
