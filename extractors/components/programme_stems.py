"""A table programme named by its name without the programme noun: "every Skilled Worker
they sponsor", "other Global Talent holders", "Specified Skilled Worker status".

News drops "visa" or "route" from a programme it has been writing about, and
the name stays capitalised, which the plain words ("skilled workers", "global
talent") are not. A stem counts when it is a whole capitalised run of at
least two words (no capitalised word joins it on either side: "Global Talent
Stream" is Canada's, "Specified Skilled Worker" Japan's), holds no country
(that is the table's own long form), stands in prose (not in a Title Case
line) and does not open a sentence. Pure text in, spans out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractors.components.programme_text import in_heading
from extractors.country_lexicon import country_lexicon

_LINKS = frozenset({"and", "in", "of", "for", "&"})
_HEADS = re.compile(r" (?:visa|Visa|route)$")
_CAPITALISED_BEFORE = re.compile(r"[A-Z][\w'’.-]*[ \t]+$")
_CAPITALISED_AFTER = re.compile(r"[ \t]+(?:[A-Z]|\(|visa|Visa|route|Route)")


def stem_of(name: str) -> str | None:
    """The capitalised stem of a programme name ("Skilled Worker visa" -> "Skilled Worker")."""
    stem = _HEADS.sub("", name)
    words = stem.split()
    if stem == name or len(words) < 2 or not all(w[0].isupper() or w in _LINKS for w in words):
        return None
    return None if country_lexicon().mentions(stem, strong_only=False) else stem


def find_stems(
    text: str, names: Sequence[str], taken: Sequence[tuple[int, int]]
) -> list[tuple[int, int, str]]:
    """(start, end, programme name) of each stem mention outside ``taken``."""
    found: list[tuple[int, int, str]] = []
    for name in names:
        stem = stem_of(name)
        if stem is None or stem not in text:
            continue
        for m in re.finditer(rf"(?<![\w-]){re.escape(stem)}(?![\w-])", text):
            start, end = m.start(), m.end()
            occupied = (*taken, *((s, e) for s, e, _ in found))
            if any(start < t_end and t_start < end for t_start, t_end in occupied):
                continue
            before = text[max(0, start - 40) : start]
            if _CAPITALISED_BEFORE.search(before) or _CAPITALISED_AFTER.match(text, end):
                continue
            if _opens_sentence(before) or in_heading(text, start):
                continue
            found.append((start, end, name))
    return found


def _opens_sentence(before: str) -> bool:
    stripped = before.rstrip(" \t“\"‘'(")
    return not stripped or stripped[-1] in ".!?:\n"
