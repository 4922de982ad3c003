"""A programme named by "known as" or "called" (``programme_names.py``): "its remote worker visa,
known as the E33G", "a new system called Employment for Skill Development".

The capitalised name after the phrase names the programme the noun before it stands for, whatever
its form (a code, a name without a programme noun). It is the name only when it ends the phrase
(a comma, a full stop, or a clause going on: "known as J-Find and launched in 2023"); "known
officially as the Business Manager status of residence" names no shorter "Business Manager". A
migration sentence, or one after a sentence naming a programme noun, is needed for the vaguer
nouns ("system").
"""

from __future__ import annotations

import re

from extractors.components.programme_text import about_migration, sentence
from extractors.components.programme_words import HEAD_WORDS, NOT_PROGRAMME, STOP_WORDS
from extractors.country_lexicon import country_lexicon

_CAP = r"[A-Z][\w]*(?:[-‐][\w]+)*"
_LINK = r"(?:[ \t]+(?:of|in|for|by|&)[ \t]+|[ \t]+)"
_KNOWN_AS = re.compile(
    r"\b(?P<noun>visas?|schemes?|programmes?|programs?|permits?|pass|card|route|pathway|category|stream"
    r"|pilot|residency|system)"
    r",?[ \t]+(?:(?:officially|formally|popularly|widely|also|commonly|locally)[ \t]+)?"
    r"(?:known[ \t]+as|called|named)[ \t]+(?:the[ \t]+)?[“\"‘]?"
    rf"(?P<name>{_CAP}(?:{_LINK}{_CAP}){{0,6}})[”\"’]?"
    r"(?=[ \t]*(?:[,.;:!?)—–]|$)|[ \t]+(?:and|or|which|that|who|was|is|were|are|will|would|has|had|in|on"
    r"|for|since|from|to)\b)"
)
_VAGUE = frozenset({"system"})


def aliases(text: str) -> list[tuple[int, int, str, int]]:
    """(start, end, name, noun_end) of each name given by "known as"/"called" after a programme
    noun that ends at ``noun_end``."""
    countries = country_lexicon()
    out = []
    for m in _KNOWN_AS.finditer(text):
        name = m["name"]
        words = [w.casefold() for w in name.split()]
        if all(w in STOP_WORDS for w in words) or any(w in NOT_PROGRAMME for w in words) \
                or countries.country_of(name):  # fmt: skip
            continue
        if m["noun"] in _VAGUE and not _in_context(text, m.start(), m.end()):
            continue
        out.append((m.start("name"), m.end("name"), name, m.end("noun")))
    return out


def _in_context(text: str, start: int, end: int) -> bool:
    """Whether the sentence is about migration, or it or the one before names a programme noun."""
    here = sentence(text, start, end)
    left = max(text.rfind("\n", 0, start), *(text.rfind(p, 0, start) for p in (". ", "! ", "? "))) + 1
    before = sentence(text, left - 2, left - 2) if left >= 2 else ""
    nouns = {w.casefold() for w in re.findall(r"[A-Za-z]+", before + " " + here)}
    return about_migration(here) or bool(nouns & HEAD_WORDS)
