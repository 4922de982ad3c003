"""Programmes named by a generic kind that the text ties to one issuer or makes its subject.

A lowercase kind ("work permit", "e-visa", "talent visa", "temporary resident
visa", "highly skilled migrant scheme") is usually generic: "The card combines
a work permit, a resident visa and ..." or "apply for a tourist visa online"
name no programme (fixtures: train t90-t96). News also uses such a kind as the
name of one country's programme, and then the text says so in one of these
ways:

- a country's possessive opens its noun phrase ("Vietnam's e-visa", "the
  Netherlands' highly skilled migrant scheme");
- a country follows it as destination or place, alone ("a temporary resident
  visa to Mexico"; "work permits in Canada and Britain" names no one issuer);
- a description classes it as a permit or visa of its own ("the talent visa,
  a nine-month permit introduced in June 2022");
- the article is about it: its headline names it and its body does again in
  two sentences or more ("work permits" in a story on raising the salary
  floor for them).

Every mention of such a kind in the article is then the programme. Its name is
the kind as written, lowercase, singular. Pure text in, (start, end, name,
country or None) out; the programme names module resolves the country.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from spacy.lang.en.stop_words import STOP_WORDS

from extractors.components.programme_country import BETWEEN
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
sponsored sponsorship points-based points e-visa evisa electronic national
""".split())  # fmt: skip
# Kinds too broad to name one programme even as an article's subject.
_TOO_BROAD = frozenset({"visa", "permit", "national visa", "residence permit", "work visa", "student visa",
                        "business visa", "family visa", "resident visa"})
# A kind the headline names and the body names in this many sentences is the article's subject
# (blind4 b4_11: a headline and five sentences on work permits; a China guide's three mentions of
# "a work permit" beside the Z visa, with none in its headline, are a document: blind b13).
_SUBJECT_SENTENCES = 2
_SINGULAR = {"visas": "visa", "permits": "permit", "schemes": "scheme", "programmes": "programme",
             "programs": "program", "e-visas": "e-visa", "evisas": "evisa"}
_DESCRIBED = re.compile(
    r",[ \t]+(?:a|an)[ \t]+(?:[\w-]+[ \t]+){0,3}(?:permit|visa|scheme|programme|program|residence|pass)\b"
)


def find_kind_programmes(
    text: str, taken: Sequence[tuple[int, int]] = (), lexicon: CountryLexicon | None = None
) -> list[tuple[int, int, str, str | None]]:
    """Mentions of each generic kind the text makes a programme, outside the ``taken`` spans."""
    lex = lexicon or country_lexicon()
    mentions = kind_mentions(text, taken)
    anchored: dict[str, str | None] = {}
    sentences: Counter[str] = Counter()
    seen: set[tuple[str, int]] = set()
    for start, end, name in mentions:
        country = _anchor(text, start, end, lex)
        if country is not None or _described(text, start, end):
            anchored.setdefault(name, country)
            if country is not None and anchored[name] is None:
                anchored[name] = country
        key = (name, _sentence_start(text, start))
        if key not in seen:
            seen.add(key)
            sentences[name] += 1
    headline = _headline_end(text)
    titled = {n for s, _, n in mentions if s < headline}
    for name, count in sentences.items():
        body = count - (name in titled)
        if name in titled and body >= _SUBJECT_SENTENCES and name not in _TOO_BROAD:
            anchored.setdefault(name, None)
    return [(s, e, n, anchored[n]) for s, e, n in mentions if n in anchored]


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


def _anchor(text: str, start: int, end: int, lex: CountryLexicon) -> str | None:
    """The one country the kind's noun phrase names as its issuer: a possessive before it, or a
    destination or place after it that no second country joins."""
    before = text[max(0, start - 80) : start]
    m = re.search(rf"(?<![\w.])(?P<c>{lex.pattern.pattern})['’]s?\s+{BETWEEN}$", before)
    if m and lex.country_of(m["c"]) and m["c"] not in lex.weak:
        return lex.country_of(m["c"])
    after = re.match(rf"[ \t]+(?:to|in|for)[ \t]+(?:the[ \t]+)?(?P<c>{lex.pattern.pattern})"
                     rf"(?![ \t]*(?:,|and|or)[ \t]+(?:the[ \t]+)?[A-Z])", text[end : end + 80])  # fmt: skip
    if after and lex.country_of(after["c"]) and after["c"] not in lex.weak:
        return lex.country_of(after["c"])
    return None


def _described(text: str, start: int, end: int) -> bool:
    """"the talent visa, a nine-month permit ...": a definite kind the text goes on to class."""
    return (re.search(r"\bthe[ \t]+$", text[max(0, start - 6) : start]) is not None
            and _DESCRIBED.match(text, end) is not None)  # fmt: skip


def _sentence_start(text: str, start: int) -> int:
    return max(text.rfind("\n", 0, start), *(text.rfind(p, 0, start) for p in (". ", "! ", "? ")))


def _headline_end(text: str) -> int:
    """Where the first line ends when it reads as a headline (no closing full stop), else 0."""
    first = text.find("\n")
    line = text[: first if first >= 0 else len(text)].rstrip()
    return 0 if first < 0 or line[-1:] in ".!?”\"" else first
