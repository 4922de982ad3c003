"""Generic kinds of programme: "work permit", "e-visa", "temporary resident visa".

A lowercase kind is generic when the article names it in passing: "The card
combines a work permit, a resident visa and ..." or "apply for a tourist visa
online" name no programme (fixtures: train t90-t96). It is one country's
programme when the article makes it its subject (lead decision on issue 3):

- a country possesses or modifies it ("Sweden's work permits", "the Swedish
  work permit", "a temporary resident visa to Mexico"; "work permits in Canada
  and Britain" names no one issuer, a weak form such as "Georgia" none);
- the headline names it ("Sweden proposes tying work permits to ...").

Either way the body must name it too, outside other names: a headline's "US
student visa bill" over a story whose body says only "the F-1 student visa"
describes the F-1.

Every mention of such a kind is then the programme, named as written,
lowercase and singular (``subject_kinds``). A kind with a fee or an event of
its own is a programme too; the fee and event components decide that
(``kind_mentions`` gives them the candidates). The programme names module also
reads a kind that shortens a capitalised name in the article ("a critical
skills permit" after "the Critical Skills Employment Permit") as that name.

Pure text in, (start, end, name) out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from extractors.components.programme_country import country_before, first_line_headline
from extractors.components.programme_subject_country import clause_subject_country
from extractors.country_lexicon import CountryLexicon, country_lexicon

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
sponsored sponsorship points-based points e-visa evisa electronic national tourist visitor humanitarian
citizenship-by-investment residence-by-investment
""".split())  # fmt: skip
_SINGULAR = {"visas": "visa", "permits": "permit", "schemes": "scheme", "programmes": "programme",
             "programs": "program", "e-visas": "e-visa", "evisas": "evisa"}


# Kinds too broad to be one programme even as an article's subject ("a visa", "the national visa").
_TOO_BROAD = frozenset({"visa", "permit", "scheme", "programme", "program", "national visa"})


def subject_kinds(
    text: str, taken: Sequence[tuple[int, int]] = (), lexicon: CountryLexicon | None = None
) -> list[tuple[int, int, str, str | None]]:
    """(start, end, name, country or None) of every mention of a kind the article makes its
    subject: one a country possesses or modifies, or one its headline names."""
    lex = lexicon or country_lexicon()
    mentions = [m for m in kind_mentions(text, taken) if m[2] not in _TOO_BROAD]
    headline = _headline_end(text)
    subjects: dict[str, str | None] = {}
    for start, end, name in mentions:
        country = _anchor(text, start, end, lex)
        if country is not None and subjects.get(name) is None:
            subjects[name] = country
        elif start < headline:
            subjects.setdefault(name, None)
    # A kind only the headline names, or that the body names only inside other names ("the F-1
    # student visa"), describes another programme: "US student visa bill rises" over an F-1 story.
    body = {n for s, _, n in mentions if s > headline}
    return [(s, e, n, subjects[n]) for s, e, n in mentions if n in subjects and n in body]


def _anchor(text: str, start: int, end: int, lex: CountryLexicon) -> str | None:
    """The one country the kind's noun phrase names as its issuer: a possessive or an adjective after
    an article before it ("Vietnam's", "the Swedish"), or a destination or place after it that no
    second country joins ("to Mexico"; not "in Canada and Britain")."""
    found = country_before(text, start, lex)
    # "Brazil extended its humanitarian visa": "its" is the clause's subject country's.
    if re.search(r"(?<![\w'’])its[ \t]+$", text[max(0, start - 6) : start]):
        subject = clause_subject_country(text, start, lex)
        if subject is not None:
            return subject
    if found is not None and found[1] and found[0] not in lex.weak and lex.country_of(found[0]):
        return lex.country_of(found[0])
    after = re.match(rf"[ \t]+(?:to|in|of)[ \t]+(?:the[ \t]+)?(?P<c>{lex.pattern.pattern})"
                     rf"(?![\w'’])(?![ \t]*(?:,|and|or)[ \t]+(?:the[ \t]+)?[A-Z])",
                     text[end : end + 80])  # fmt: skip
    if after and after["c"] not in lex.weak and lex.country_of(after["c"]):
        return lex.country_of(after["c"])
    return None


def _headline_end(text: str) -> int:
    """Where the first line ends when it reads as a headline (no closing full stop), else 0."""
    found = first_line_headline(text)
    return found[0] if found else 0


def owning_kind(
    text: str, lo: int, hi: int, near: tuple[int, int], taken: Sequence[tuple[int, int]] = ()
) -> tuple[int, int, str] | None:
    """The kind in ``text[lo:hi]`` nearest the characters ``near``: a fee's sentence that names no
    programme but a kind ("A work permit costs 900 crowns") gives the fee to that kind."""
    found = [m for m in kind_mentions(text, taken) if lo <= m[0] and m[1] <= hi and m[2] not in _TOO_BROAD]
    found = [m for m in found if not _describes_a_name(text, m[2], taken) and not _a_class(text, m[0], m[1])]
    return min(found, key=lambda m: max(m[0] - near[1], near[0] - m[1], 0), default=None)


# "the same as for most long-stay visas", "like all work permits": a quantifier before a plural kind
# speaks of visas of that kind in general, not of one programme.
_QUANTIFIER = re.compile(r"(?<![\w-])(?:most|all|many|other|some|several|such|these|those|few|both)[ \t]+$",
                         re.IGNORECASE)


def _a_class(text: str, start: int, end: int) -> bool:
    """Whether the kind at ``start:end`` is plural after a quantifier ("most long-stay visas")."""
    return text[end - 1 : end] == "s" and _QUANTIFIER.search(text, max(0, start - 12), start) is not None


def _describes_a_name(text: str, kind: str, taken: Sequence[tuple[int, int]]) -> bool:
    """Whether the article writes the kind right after a programme's name ("the F-1 student visa"):
    the kind then describes that programme."""
    ends = {e for _, e in taken}
    words = r"[ \t]+".join(map(re.escape, kind.split()))
    pattern = re.compile(rf"[ \t]+{words}s?\b", re.IGNORECASE)
    return any(pattern.match(text, end) for end in ends)


def kind_mentions(text: str, taken: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int, str]]:
    """(start, end, name) of every generic kind outside ``taken``, programme or not."""
    return [m for m in _mentions(text) if not any(m[0] < e and s < m[1] for s, e in taken)]


# One article's text is read for kinds by the programme names, the fees' kinds and the events'
# kinds, once per fee or event argument: the scan is kept for the last few texts.
@lru_cache(maxsize=4)
def _mentions(text: str) -> tuple[tuple[int, int, str], ...]:
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
        if not words and not head.startswith("e") and not _ON_ARRIVAL.match(text, m.end()):
            continue
        if _inside_name(text, start) or _goes_on(text, m.end()):
            continue
        # "a visa on arrival": the one kind news writes with its modifier after the head.
        end, head = _on_arrival(text, m.end(), head)
        if not words and not head.startswith("e") and end == m.end():
            continue
        name = " ".join([*words, _SINGULAR.get(head, head)])
        out.append((start, end, name.replace("evisa", "e-visa")))
    return tuple(out)


_ON_ARRIVAL = re.compile(r"[ \t]+on[ \t]+arrival(?![\w-])")


def _on_arrival(text: str, end: int, head: str) -> tuple[int, str]:
    """Where a visa head's kind ends and its head: "visas on arrival" is the kind "visa on arrival"."""
    m = _ON_ARRIVAL.match(text, end) if head in {"visa", "visas"} else None
    return (m.end(), "visa on arrival") if m else (end, head)


def _inside_name(text: str, start: int) -> bool:
    """Whether a capitalised word other than a country's stands right before the kind: "the Z visa
    work permit" and "the H-1B work visa" are another programme's words."""
    m = re.search(r"([\w.-]+)[ \t]+$", text[max(0, start - 40) : start])
    if m is None:
        return False
    word = m.group(1)
    # A country or its adjective modifies the kind ("the Swedish work permit"); it names no programme.
    if country_lexicon().country_of(word) is not None:
        return False
    return word[0].isupper() and word.casefold() not in STOP_WORDS


def _goes_on(text: str, end: int) -> bool:
    """Whether the run goes on into a policy word or a free/waiver form ("visa-free", "visa rules")."""
    return re.match(r"(?:-free|-exempt|[ \t]+(?:waivers?|exemptions?|rules|regime|system|policy))\b",
                    text[end : end + 20]) is not None  # fmt: skip

