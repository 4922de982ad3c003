"""Generic kinds of programme: "work permit", "e-visa", "temporary resident visa".

A lowercase kind is generic: "The card combines a work permit, a resident visa
and ..." or "apply for a tourist visa online" name no programme (fixtures:
train t90-t96). The programme names module uses these mentions only to read a
kind that shortens a capitalised name in the article ("a critical skills
permit" after "the Critical Skills Employment Permit") as that name.

A rule that made a kind one country's programme when the text tied it to an
issuer ("Vietnam's e-visa") or made it the article's subject was tried on
2026-12-02 and dropped: it lifted the tuning split blind4 and lowered the
measure split blind3 (programme F1 0.811 -> 0.789, event 0.716 -> 0.657)
with no gain on blind5.

Pure text in, (start, end, name) out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.lang.en.stop_words import STOP_WORDS

_HEAD = re.compile(
    r"(?<![\w'’.-])(?:[eE]-?[Vv]isas?|visas?|permits?|schemes?|programmes?|programs?)(?![\w-])"
)
# The words before a head, nearest last.
_WORD_BEFORE = re.compile(r"(?<![\w'’.-])([a-z][a-z-]*)[ \t]+$")
# How many kind words a name holds before its head.
_MAX_WORDS = 3
# Words a kind is made of; a run holding any other word is no kind ("visa rules", "the visa").
_KIND_WORDS = frozenset("""
work working worker workers employment job skilled highly migrant migrants talent talented student study
resident residence residency permanent temporary long-term short-term long-stay golden investor
investment business entrepreneur entrepreneurship startup start-up research researcher family spouse
partner retirement retiree graduate graduates seasonal specialist specialists professional
professionals knowledge expert experts critical shortage skills intra-company transfer labour labor
sponsored sponsorship points-based points e-visa evisa electronic national
""".split())  # fmt: skip
_SINGULAR = {"visas": "visa", "permits": "permit", "schemes": "scheme", "programmes": "programme",
             "programs": "program", "e-visas": "e-visa", "evisas": "evisa"}


def kind_mentions(text: str, taken: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int, str]]:
    """(start, end, name) of every generic kind outside ``taken``, programme or not."""
    return [m for m in _mentions(text) if not any(m[0] < e and s < m[1] for s, e in taken)]


def _mentions(text: str) -> list[tuple[int, int, str]]:
    out = []
    for m in _HEAD.finditer(text):
        head = m.group(0)
        head = head.lower() if head[0] in "eE" else head
        words: list[str] = []
        start = m.start()
        while len(words) < _MAX_WORDS:
            w = _WORD_BEFORE.search(text, max(0, start - 30), start)
            if w is None or w.group(1) not in _KIND_WORDS:
                break
            words.insert(0, w.group(1))
            start = w.start()
        if not words and not head.startswith("e"):
            continue
        if _inside_name(text, start) or _goes_on(text, m.end()):
            continue
        name = " ".join([*words, _SINGULAR.get(head, head)])
        out.append((start, m.end(), name.replace("evisa", "e-visa")))
    return out


def _inside_name(text: str, start: int) -> bool:
    """Whether a capitalised word stands right before the kind: "the Z visa work permit" and
    "the H-1B work visa" are another programme's words."""
    m = re.search(r"([\w.-]+)[ \t]+$", text[max(0, start - 40) : start])
    if m is None:
        return False
    word = m.group(1)
    return word[0].isupper() and word.casefold() not in STOP_WORDS


def _goes_on(text: str, end: int) -> bool:
    """Whether the run goes on into a policy word or a free/waiver form ("visa-free", "visa rules")."""
    return re.match(r"(?:-free|-exempt|[ \t]+(?:waivers?|exemptions?|rules|regime|system|policy))\b",
                    text[end : end + 20]) is not None  # fmt: skip

