"""Every well-formed programme name in a text (``programme_names.py``): capitalised runs
(``programme_capitalised.py``), the lowercase compounds news treats as names ("digital nomad visa"),
category codes (``programme_codes.py``), quoted names ("the “Golden” visa") and Irish Stamps.
"""

from __future__ import annotations

import re
from dataclasses import replace

from extractors.components.programme_capitalised import CAPITALISED, Hit, capitalised, each
from extractors.components.programme_codes import code_programmes
from extractors.components.programme_coordination import coordinated_codes
from extractors.components.programme_text import about_migration, sentence
from extractors.components.programme_words import (
    EACH,
    GENERIC,
    MIGRATION,
    NOT_PROGRAMME,
    STOP_WORDS,
    VISA_HEADS,
)

_LOWERCASE = re.compile(
    r"(?<![\w'’-])[“\"‘]?(?P<name>digital[- ]nomad|nomad|golden|workation|working[- ]holiday"
    r"|(?:remote|virtual)[- ]work(?:er|ing)?|freelancer?|start[- ]?up|job[- ]seekers?|non-lucrative"
    r"|elective[- ]residence|super)[”\"’]?"
    r"[ \t]+(?P<head>visas?)(?![\w-])"
)
# The compounds news uses as names with another programme noun ("Croatia's digital nomad permit").
_LOWERCASE_OTHER = re.compile(
    r"(?<![\w'’-])[“\"‘]?(?P<name>digital[- ]nomad|nomad|workation|working[- ]holiday"
    r"|(?:remote|virtual)[- ]work(?:er|ing)?)[”\"’]?"
    r"[ \t]+(?P<head>permits?|pass(?:es)?|programmes?|programs?|schemes?)(?![\w-])"
)
_STAMP = re.compile(r"(?<![\w-])Stamp (?:[1-6][A-Z]?)(?![\w-])")


def candidates(text: str) -> list[Hit]:
    """Every well-formed name, longest first on overlap."""
    hits: list[Hit] = []
    for m in CAPITALISED.finditer(text):
        hit = capitalised(text, m)
        if hit is not None:
            hits.extend(each(text, hit, m["head"]))
    for m in _LOWERCASE.finditer(text):
        hits.append(Hit(m.start(), m.end(), f"{_lowercase_name(m['name'])} visa", None, lowercase=True))
    for m in _LOWERCASE_OTHER.finditer(text):
        head = EACH.get(m["head"], m["head"])
        hits.append(Hit(m.start(), m.end(), f"{_lowercase_name(m['name'])} {head}", None, lowercase=True))
    for start, end, name in [*code_programmes(text), *coordinated_codes(text)]:
        hits.append(Hit(start, end, name, None))
    for m in _QUOTED.finditer(text):
        hit = _quoted(text, m)
        if hit is not None:
            hits.append(hit)
    for m in _STAMP.finditer(text):
        if MIGRATION.search(sentence(text, m.start(), m.end())):
            hits.append(Hit(m.start(), m.end(), m.group(0), None))
    hits.sort(key=lambda h: (h.start, h.weak, h.start - h.end))
    kept: list[Hit] = []
    for hit in hits:
        if not kept or hit.start >= kept[-1].end:
            kept.append(hit)
    # "a startup visa ... the start-up visa": one programme, in the spelling the article writes first.
    first: dict[str, str] = {}
    for hit in kept:
        if hit.lowercase:
            first.setdefault(hit.name.replace("-", ""), hit.name)
    return [replace(h, name=first[h.name.replace("-", "")]) if h.lowercase else h for h in kept]


# A name in quotation marks before a programme noun: "the “Golden” visa", "a “second home” visa".
_QUOTED = re.compile(
    r"(?<![\w])[“\"‘](?P<name>[A-Za-z][\w'’-]*(?:[ \t]+[\w'’-]+){0,3})[”\"’]"
    r"[ \t]+(?P<head>visas?|permits?|schemes?|programmes?|programs?|pass(?:es)?|cards?|residency)(?![\w-])"
)


_LABELLED = re.compile(
    r"\b(?:call(?:s|ed|ing)?|dub(?:s|bed)?|brand(?:s|ed)?|label(?:s|led|ed)?|described\s+as|likened\s+to)"
    r"(?:[ \t]+(?:it|them|this|that))?[ \t]+(?:an?|the)?[ \t]*$"
)


def _quoted(text: str, m: re.Match[str]) -> Hit | None:
    """The programme a quoted name before a programme noun names, unless its words are generic."""
    words = m["name"].split()
    lowered = [w.casefold() for w in words]
    if any(w in NOT_PROGRAMME for w in lowered) or all(w in GENERIC | STOP_WORDS for w in lowered):
        return None
    # One lowercase word in quotation marks is a scare quote ("a “lifetime” visa").
    if len(words) == 1 and words[0].islower():
        return None
    # "Critics call it a “cash for residence” scheme": a label the text quotes, not the name.
    if _LABELLED.search(text, max(0, m.start() - 40), m.start()):
        return None
    head = m["head"].casefold()
    if head not in VISA_HEADS and not about_migration(sentence(text, m.start(), m.end())):
        return None
    noun = EACH.get(head, head)
    return Hit(m.start(), m.end(), f"{m['name']} {noun}", None, quoted=m["name"].casefold())


def _lowercase_name(words: str) -> str:
    """One spelling of a lowercase compound: "digital-nomad" -> "digital nomad", "start up" ->
    "start-up"; "startup" and "start-up" stay as the text writes them (gold names a programme as
    its text spells it: blind8's "startup visa")."""
    words = re.sub(r"^start[- ]up$", "start-up", words)
    return words if words in {"start-up", "startup", "non-lucrative"} else words.replace("-", " ")
