"""Programmes the table does not hold, recognised by the form of their name.

News names far more programmes than ``data/programmes.json`` can list:
"Thailand's Long-Term Resident (LTR) visa", "the Destination Thailand Visa",
"Taiwan's Employment Gold Card", "New Zealand's Skilled Migrant Category",
"Brazil's digital nomad visa". Two forms count as a name:

- a capitalised name ending in a programme noun (visa, Pass, Card, Permit,
  Scheme, Programme, Program, Route, Stream, Pilot(s), Category, Pathway,
  Residency), with an
  optional acronym in parentheses that then names the same programme within
  the article ("the LTR visa", "the DTV");
- a few lowercase compounds news treats as names ("digital nomad visa",
  "golden visa", "workation visa", "working holiday visa", "remote work visa",
  "freelance visa", "start-up visa", "job-seeker visa", "non-lucrative visa",
  "super visa"; "digital nomad permit", "working holiday programme").

Generic kinds stay generic: a name made only of words like "work", "student",
"tourist", "business", "residence" or a country ("a Work Visa", "the Chinese
visa", "Work Permit") is no programme, nor is anything with "Waiver" or
"Free" in it, nor an office's name ("Home Office visa"). A name ending in
Card, Pass, Permit, Scheme, Programme, Program, Route, Stream, Pilot or
Category is a programme only when its sentence is about migration (a
"Student Loan Scheme" is not).

A name in quotation marks before a programme noun ("the “Golden” visa") is a
name too. A generic kind ("work permit", "e-visa") is a programme only when
the article makes it its subject ("Vietnam's e-visa", a headline's "work
permits"), and a lowercase kind that shortens a capitalised name in the
article ("a critical skills permit") is that name (``programme_kinds.py``).

Other shapes (``programme_codes.py``): a category code before "visa" ("the
E-9 visa", "Portugal's D8 visa", "the subclass 482 visa"). A plural head after
coordinated names names each ("the Skilled Worker and Graduate visas"). A
capitalised run that goes on into a firm's word ("Gulf Residency Partners") and
a lowercase kind in apposition to a programme just named ("the Opportunity
Card, the points-based job-seeker visa") are no programme.

The issuing country comes from the mention's own noun phrase ("Taiwan's",
"Thai", "Brazil's recently launched", "in Portugal"), then a country inside the
name ("Destination Thailand Visa"), then its sentence, the same name elsewhere
in the article, its paragraph, the headline, the dateline, and the country the
article names most (``programme_country.py``; countries of applicants do not
count); when the text names none it is ``None``.

Pure text in, spans out: the programme ruler calls this after the table.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS as _ALL_STOP_WORDS

from extractors.components.common import first_most_common
from extractors.components.programme_codes import code_programmes, is_code
from extractors.components.programme_country import (
    context_country,
    issuers,
    issuers_in_order,
    noun_phrase_country,
)
from extractors.components.programme_kinds import kind_mentions, subject_kinds
from extractors.country_lexicon import CountryLexicon, country_lexicon


@dataclass(frozen=True)
class NamedProgramme:
    """One mention of a programme found by its form: where, canonical name, country."""

    start: int
    end: int
    name: str
    country: str | None


def _countries() -> CountryLexicon:
    return country_lexicon()


# Function words a sentence capitalises ("The", "Under"); spaCy's list less the words that
# open real names ("Top Talent Pass", "First Home Visa", "Whole of Government").
STOP_WORDS = _ALL_STOP_WORDS - frozenset("""
top first last next front back full whole bottom side main former latter third fifteen fifty forty sixty
twenty hundred move name part well serious various several due call give show see keep made make put take
get go done empty fill find fire alone along across beyond elsewhere
""".split())  # fmt: skip
_CAP = r"[A-Z][\w]*(?:[-‐][\w]+)*"
# "and" is no link: "the Home Child Care Provider and Home Support Worker pilots" are two.
_LINK = r"(?:[ \t]+(?:of|in|for|by|&)[ \t]+|[ \t]+)"
_HEAD = (r"[Vv]isas?|Pass(?:es)?|Cards?|[Pp]ermits?|[Ss]chemes?|[Pp]rogrammes?|[Pp]rograms?"
         r"|[Rr]outes?|[Ss]treams?|[Pp]ilots?|[Cc]ategory|[Cc]ategories|[Pp]athways?|Residency")  # fmt: skip
_CAPITALISED = re.compile(
    rf"(?<![\w'’.(-])(?P<name>{_CAP}(?:{_LINK}{_CAP}){{0,6}})"
    rf"(?:[ \t]+\((?P<acr1>[A-Z][A-Z0-9-]{{1,7}})\))?[ \t]+(?P<head>{_HEAD})(?![\w-])"
    rf"(?:[ \t]+\((?P<acr2>[A-Z][A-Z0-9-]{{1,7}})\))?"
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

# Modifiers that only say what kind of visa it is: a name made of these (and
# countries) is a generic kind, not a programme ("a Work Visa", "Chinese visa").
_GENERIC = frozenset("""
work working worker workers employment job jobs student students study tourist tourism tourists visitor
visitors visit business transit family spouse spousal partner marriage dependant dependent dependants
residence residency resident permanent temporary long-term short-term long-stay short-stay single-entry
multiple-entry double-entry entry exit re-entry travel e-visa electronic online investor investment
retirement medical religious journalist diplomatic official humanitarian refugee asylum new current
special national federal government immigration migration visa visas pass permit card program programme
scheme route stream pilot pilots category talent skilled seasonal exchange general standard trump
""".split())  # fmt: skip
# Words that make a capitalised run something other than a programme.
_NOT_PROGRAMME = frozenset("""
waiver waivers free office department ministry agency service services council commission embassy
consulate bureau authority court house university college company inc corp group bank party force
police id identity credit debit health insurance loyalty sim boarding library rail metro bus transport
oyster gift rewards lottery bulletin tax report desk helpline hotline clinic
january february march april may june july august september
october november december monday tuesday wednesday thursday friday saturday sunday
""".split())  # fmt: skip
# A Route over land or sea is a path migrants take ("the Balkan Route", "the Darien Gap Route").
_GEOGRAPHIC = frozenset("""
mediterranean balkan balkans atlantic pacific channel gap sea desert sahara sahel darien corridor coast
land northern southern eastern western central
""".split())  # fmt: skip
# A capitalised name right after one of these is a business's name ("the travel agency Silk Route Visas").
_ORGANISATION_BEFORE = re.compile(
    r"\b(?:agency|agencies|firm|consultancy|consultants|company|business|platform|website|app|startup"
    r"|start-up|provider|operator)\s+(?:called\s+|named\s+)?$"
)
# A capitalised run going on into one of these is a firm's or an office's name ("Gulf Residency Partners").
_ORGANISATION_AFTER = re.compile(
    r"[ \t]+(?:Partners|Group|Services|Consultants?|Consultancy|Advisers|Advisors|Ltd|LLC|LLP|Inc|Solutions"
    r"|Agency|Centre|Center|Office|Holdings|Associates|Network|Company|Council|Board|Authority|Department"
    r"|Unit|Team|Club|Forum|Alliance|Association|Fund|Foundation|Law|Legal|Capital|Tribunal|Hub)\b"
)
# Heads that name other things too (a "Loan Scheme", a "Boarding Pass"): they need a migration sentence.
_VISA_HEADS = frozenset({"visa", "visas"})
_MIGRATION = re.compile(
    r"(?i)\b(?:visas?|immigra\w*|migra\w*|residen\w*|permits?|citizenship|nomads?|expats?"
    r"|foreign (?:workers|nationals|talent|professionals|students|staff|employees|hires|labour|labor))\b"
)
_HEAD_WORDS = frozenset("""
visa visas pass passes card cards permit permits scheme schemes programme programmes program programs
route routes stream streams pilot pilots category categories
""".split())
# Words that make a name a migration programme whatever its sentence says.
_SIGNAL = frozenset("""
visa visas immigration migrant migrants migration worker workers talent nominee skilled residence resident
residency nomad investor entry mobility pathway caregiver caregivers start-up startup citizenship settlement
permit work employment sponsorship
""".split())  # fmt: skip
_SINGULAR = {"visas": "visa", "passes": "pass", "cards": "card", "permits": "permit"}
# A plural head shared by coordinated names is one head each ("the X and Y pilots": X pilot, Y pilot).
_EACH = {**_SINGULAR, "pilots": "pilot", "routes": "route", "streams": "stream", "schemes": "scheme",
         "programmes": "programme", "programs": "program", "categories": "category", "pathways": "pathway"}

def find_named_programmes(
    text: str, taken: Sequence[tuple[int, int]] = (), taken_countries: Sequence[str | None] = ()
) -> list[NamedProgramme]:
    """Programme mentions in ``text`` by the form of their name, outside the ``taken`` spans
    (whose programmes' countries ``taken_countries`` gives, when known)."""
    countries = _countries()
    found: list[tuple[int, int, str, str | None]] = []
    acronyms: dict[str, tuple[str, str | None]] = {}
    # A quoted name the table names elsewhere ("a ‘gold card’ visa" beside "the “gold card”") is the table's.
    table_text = " ".join(text[s:e] for s, e in taken).casefold()
    hits = [(h, in_heading(text, h.start)) for h in _candidates(text)
            if h.quoted is None or h.quoted not in table_text]
    strong = {h.name.casefold(): h.name for h, heading in hits if not h.weak and not heading}
    for hit, heading in hits:
        start, end, name, acronym = hit.start, hit.end, hit.name, hit.acronym
        if heading:
            # A Title Case headline capitalises every word: only a name the text also
            # writes as one counts ("Thailand Extends Long-Term Resident Visa").
            start, name = _known_tail(text, hit, strong)
            if not name:
                continue
        elif hit.weak and name.casefold() not in strong:
            continue
        if hit.lowercase and _describes(text, start, [*taken, *((s, e) for s, e, _, _ in found)]):
            continue
        overlapping = [t for t in taken if start < t[1] and t[0] < end]
        if overlapping and (len(overlapping) > 1 or not _extends(text, start, end, overlapping[0])):
            continue
        name, inner = _strip_country(name, countries)
        # The noun phrase before names the issuer over a country inside the name: "Britain's India
        # Young Professionals Scheme" is British.
        country = noun_phrase_country(text, start, end, countries) or inner
        found.append((start, end, name, country))
        if acronym and acronym not in countries.forms:
            acronyms.setdefault(acronym, (name, country))
    occupied = [*taken, *((s, e) for s, e, _, _ in found)]
    # A kind the article makes its subject ("Sweden's work permits") is a programme, unless it
    # shortens a name the article gives (then it is that name).
    subjects = subject_kinds(text, occupied, countries)
    kind_names = {n for _, _, n, _ in subjects}
    found += _short_forms(text, subjects, taken, found)
    occupied += [(s, e) for s, e, _, _ in subjects]
    # A lowercase kind of two words or more before its head that shortens a name ("a critical skills
    # permit costs ...") is that name; "a work visa" beside "Accredited Employer Work Visa" stays a kind.
    kinds: list[tuple[int, int, str, str | None]] = [
        (s, e, n, None) for s, e, n in kind_mentions(text, occupied) if len(n.split()) > 2
    ]
    found += [hit for hit in _short_forms(text, kinds, taken, found) if hit[2] != _kind_name(hit, kinds)]
    # "The LTR visa" read as a name of its own before the acronym was known.
    spelled = {f"{a} visa".casefold(): a for a in acronyms}
    found = [(s, e, acronyms[spelled[n.casefold()]][0], c or acronyms[spelled[n.casefold()]][1])
             if n.casefold() in spelled else (s, e, n, c) for s, e, n, c in found]  # fmt: skip
    occupied = [*taken, *((s, e) for s, e, _, _ in found)]
    for acronym, (name, country) in acronyms.items():
        for m in re.finditer(rf"(?<![\w-]){re.escape(acronym)}(?:[ \t]+[Vv]isas?)?(?![\w-])", text):
            if not any(m.start() < o_end and o_start < m.end() for o_start, o_end in occupied):
                found.append((m.start(), m.end(), name, country))
    found.sort()
    # A country inside another programme's name ("the EU Blue Card ... or the talent visa") is no
    # issuer for the mentions around it.
    masked = _mask(text, [*taken, *((s, e) for s, e, _, _ in found)])
    return _without_described_kinds(_resolve(masked, _merge_names(found), countries), kind_names,
                                    taken_countries)


def _without_described_kinds(
    found: list[NamedProgramme], kinds: set[str], taken_countries: Sequence[str | None]
) -> list[NamedProgramme]:
    """A kind is no programme of its own when the article names another programme of its country:
    "Britain's work visa" in a story on the Skilled Worker visa describes that visa."""
    named = {c for c in taken_countries if c}
    named |= {f.country for f in found if f.name not in kinds and f.country}
    return [f for f in found if f.name not in kinds or f.country not in named]


def _mask(text: str, spans: Sequence[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _short_forms(
    text: str, kinds: list[tuple[int, int, str, str | None]], taken: Sequence[tuple[int, int]],
    found: list[tuple[int, int, str, str | None]],
) -> list[tuple[int, int, str, str | None]]:
    """A lowercase kind whose words the article's capitalised name holds, with the same head, is that
    name's short form ("the critical skills permit" after "the Critical Skills Employment Permit"):
    the named programme, or nothing when the name is the table's (the table's spans stand)."""
    # Written form -> the programme's name ("" for a table programme's mention).
    written = {**{text[s:e]: "" for s, e in taken}, **{n: n for _, _, n, _ in found}}
    out = []
    for start, end, kind, country in kinds:
        longer = next((full for form, full in written.items() if shortens(kind, form)), None)
        if longer is None:
            out.append((start, end, kind, country))
        elif longer:
            out.append((start, end, longer, None))
    return out


def _kind_name(hit: tuple[int, int, str, str | None], kinds: list[tuple[int, int, str, str | None]]) -> str:
    return next(n for s, e, n, _ in kinds if (s, e) == hit[:2])


def shortens(kind: str, name: str) -> bool:
    """Whether ``kind`` shortens ``name``: fewer words, the same head, every word before it in ``name``."""
    words, other = kind.casefold().split(), re.sub(r"[“”\"‘’']", "", name).casefold().split()
    head = _SINGULAR.get(other[-1], other[-1]) if other else ""
    return len(other) > len(words) and words[-1] == head and set(words[:-1]) <= set(other[:-1])


# "Germany's Opportunity Card, the points-based job-seeker visa": a description of the name before it.
_APPOSITION = re.compile(r"[ \t]*[,(—–][ \t]*(?:the|a|an|its)[ \t]+(?:[\w-]+[ \t]+){0,3}$")


def _describes(text: str, start: int, mentions: Sequence[tuple[int, int]]) -> bool:
    """Whether a lowercase compound at ``start`` stands in apposition to a programme just named."""
    m = _APPOSITION.search(text, max(0, start - 60), start)
    return m is not None and any(end == m.start() for _, end in mentions)


def in_heading(text: str, start: int) -> bool:
    """Whether ``start`` lies in a Title Case line (a headline or subheading), not in prose."""
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", start)
    line = text[left : right if right >= 0 else len(text)].strip()
    words = [str(w) for w in re.findall(r"[A-Za-z][\w'’-]*", line) if len(w) > 3]
    if len(words) < 3 or line[-1:] in ".!?”\"":
        return False
    return sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def _known_tail(text: str, hit: _Hit, strong: dict[str, str]) -> tuple[int, str]:
    """The longest tail of a headline's capitalised run that the prose names, as the prose
    spells it (start, name); (0, "") when the prose names none."""
    words = hit.name.split()
    position = hit.start
    for k in range(len(words) - 1):
        tail = " ".join(words[k:])
        if k > 0:
            position = text.find(words[k], position, hit.end)
            if position < 0:
                break
        if tail.casefold() in strong:
            return position, strong[tail.casefold()]
        if any(n.endswith(" " + tail.casefold()) for n in strong):
            return position, tail
        position += len(words[k])
    return 0, ""


def _extends(text: str, start: int, end: int, table_span: tuple[int, int]) -> bool:
    """Whether a name strictly around a table programme's mention names another programme:
    "Employment Gold Card" is Taiwan's, "Trump Gold Card visa" and "German EU Blue Card" are the table's."""
    t_start, t_end = table_span
    if not (start <= t_start and t_end <= end) or (start, end) == table_span:
        return False
    left = _countries().pattern.sub(" ", text[start:t_start]).split()
    right = text[t_end:end].split()
    return (bool(left) and all(w[0].isupper() and w.casefold() not in STOP_WORDS | {"trump"} for w in left)
            and all(w.casefold() in _HEAD_WORDS for w in right))  # fmt: skip


@dataclass(frozen=True)
class _Hit:
    """A well-formed name; ``weak`` when it counts only if the article also names it where it is
    clearly a name ("Long-Term Resident visas are ..." opening a sentence)."""

    start: int
    end: int
    name: str
    acronym: str | None
    weak: bool = False
    # A lowercase compound ("job-seeker visa"): a description when it stands in apposition.
    lowercase: bool = False
    # The words a quoted name holds ("gold card" in "a ‘gold card’ visa").
    quoted: str | None = None


def _candidates(text: str) -> list[_Hit]:
    """Every well-formed name, longest first on overlap."""
    hits: list[_Hit] = []
    for m in _CAPITALISED.finditer(text):
        hit = _capitalised(text, m)
        if hit is not None:
            hits.extend(_each(text, hit, m["head"]))
    for m in _LOWERCASE.finditer(text):
        hits.append(_Hit(m.start(), m.end(), f"{_lowercase_name(m['name'])} visa", None, lowercase=True))
    for m in _LOWERCASE_OTHER.finditer(text):
        head = _EACH.get(m["head"], m["head"])
        hits.append(_Hit(m.start(), m.end(), f"{_lowercase_name(m['name'])} {head}", None, lowercase=True))
    for start, end, name in code_programmes(text):
        hits.append(_Hit(start, end, name, None))
    for m in _QUOTED.finditer(text):
        hit = _quoted(text, m)
        if hit is not None:
            hits.append(hit)
    for m in _STAMP.finditer(text):
        if _MIGRATION.search(_sentence(text, m.start(), m.end())):
            hits.append(_Hit(m.start(), m.end(), m.group(0), None))
    hits.sort(key=lambda h: (h.start, h.weak, h.start - h.end))
    kept: list[_Hit] = []
    for hit in hits:
        if not kept or hit.start >= kept[-1].end:
            kept.append(hit)
    return kept


# A name in quotation marks before a programme noun: "the “Golden” visa", "a “second home” visa".
_QUOTED = re.compile(
    r"(?<![\w])[“\"‘](?P<name>[A-Za-z][\w'’-]*(?:[ \t]+[\w'’-]+){0,3})[”\"’]"
    r"[ \t]+(?P<head>visas?|permits?|schemes?|programmes?|programs?|pass(?:es)?|cards?|residency)(?![\w-])"
)


_LABELLED = re.compile(
    r"\b(?:call(?:s|ed|ing)?|dub(?:s|bed)?|brand(?:s|ed)?|label(?:s|led|ed)?|described\s+as|likened\s+to)"
    r"(?:[ \t]+(?:it|them|this|that))?[ \t]+(?:an?|the)?[ \t]*$"
)


def _quoted(text: str, m: re.Match[str]) -> _Hit | None:
    """The programme a quoted name before a programme noun names, unless its words are generic."""
    words = m["name"].split()
    lowered = [w.casefold() for w in words]
    if any(w in _NOT_PROGRAMME for w in lowered) or all(w in _GENERIC | STOP_WORDS for w in lowered):
        return None
    # One lowercase word in quotation marks is a scare quote ("a “lifetime” visa").
    if len(words) == 1 and words[0].islower():
        return None
    # "Critics call it a “cash for residence” scheme": a label the text quotes, not the name.
    if _LABELLED.search(text, max(0, m.start() - 40), m.start()):
        return None
    head = m["head"].casefold()
    if head not in _VISA_HEADS and not _about_migration(_sentence(text, m.start(), m.end())):
        return None
    noun = _EACH.get(head, head)
    return _Hit(m.start(), m.end(), f"{m['name']} {noun}", None, quoted=m["name"].casefold())


def _lowercase_name(words: str) -> str:
    """One spelling of a lowercase compound: "digital-nomad" -> "digital nomad", "startup" -> "start-up"."""
    words = re.sub(r"^start[- ]?up$", "start-up", words)
    return words if words in {"start-up", "non-lucrative"} else words.replace("-", " ")


_CONJUNCT = re.compile(rf"(?<![\w'’.(-])(?P<first>{_CAP}(?:{_LINK}{_CAP}){{0,5}})[ \t]+(?:and|or)[ \t]+$")


def _each(text: str, hit: _Hit, head: str) -> list[_Hit]:
    """A plural head after coordinated names names each once: "the Home Child Care Provider and
    Home Support Worker pilots" are a "Home Child Care Provider pilot" and a "Home Support Worker pilot"."""
    singular = _EACH.get(head.casefold())
    m = _CONJUNCT.search(text, max(0, hit.start - 80), hit.start) if singular else None
    if m is None or singular is None or " " not in hit.name:
        return [hit]
    noun = singular.capitalize() if head[0].isupper() else singular
    words = [w for w in m["first"].split() if w.casefold() not in STOP_WORDS or w[0].isupper()]
    while words and words[0].casefold() in STOP_WORDS:
        words = words[1:]
    own = _Hit(hit.start, hit.end, f"{hit.name.rsplit(' ', 1)[0]} {noun}", hit.acronym, hit.weak)
    remainder = _countries().pattern.sub(" ", " ".join(words)).split()
    generic = len(remainder) <= 1 and all(w.casefold() in _GENERIC | STOP_WORDS for w in remainder)
    if not words or generic or any(w.casefold() in _NOT_PROGRAMME for w in words):
        return [own]
    first_start = text.index(words[0], m.start("first"))
    return [_Hit(first_start, m.end("first"), f"{' '.join(words)} {noun}", None, hit.weak), own]


def _capitalised(text: str, m: re.Match[str]) -> _Hit | None:
    """The programme a capitalised run names, or None when it is generic or no programme."""
    words = m["name"].split()
    start = m.start("name")
    if _ORGANISATION_BEFORE.search(text, max(0, start - 40), start):
        return None
    # "Applications for Destination Thailand Visa ...": a sentence's first word is
    # capitalised by the sentence, and so is not part of the name before a link word.
    links = [i for i, w in enumerate(words) if w in {"of", "in", "for", "by", "&"}]
    if links and _opens_sentence(text, start):
        cut = links[-1] + 1
        start = text.index(words[cut], start + len(" ".join(words[:cut])))
        words = words[cut:]
    # Leading function words are capitalised by the sentence, not by the name ("The", "Under").
    while words and words[0].casefold() in STOP_WORDS:
        start = text.index(words[1], start + len(words[0])) if len(words) > 1 else m.start("head")
        words = words[1:]
    head = m["head"]
    # "the Employment Gold Card programme": the name ends at the first programme noun. A capitalised
    # Scheme or Program after it is the official title's last word ("the Top Talent Pass Scheme", as
    # blind5 and blind6 name the programmes written so).
    # A capitalised programme noun with a lowercase one after it is a title even of generic words
    # ("Oman's Investor Residency programme"; "a Work Visa" alone is a kind).
    titled = False
    if words and head.casefold() in {"programme", "programmes", "program", "programs", "scheme"} \
            and head[0].islower() \
            and re.fullmatch(r"Visas?|Pass(?:es)?|Cards?|Permits?|Residency", words[-1]):  # fmt: skip
        titled = len(words) > 1 and not re.search(r"\b(?:an?|any)\s+$", text[:start])
        head, words = words[-1], words[:-1]
    if not words or not words[-1][0].isupper() or _ORGANISATION_AFTER.match(text, m.end()):
        return None
    # A lone word with digits names a visa only as a category code ("D-10", "E7"; not "G20", "COVID-19").
    if len(words) == 1 and any(c.isdigit() for c in words[0]) and not is_code(words[0]):
        return None
    lowered = [w.casefold() for w in words if w not in {"of", "in", "for", "by", "&"}]
    if any(w in _NOT_PROGRAMME for w in lowered):
        return None
    countries = _countries()
    remainder = countries.pattern.sub(" ", " ".join(words)).split()
    generic = all(w.casefold() in _GENERIC or w.casefold() in STOP_WORDS for w in remainder)
    if generic and len(remainder) <= 1 and not (titled and remainder):
        return None
    # The U.S. "Green Card" is permanent residence, no programme; a "Green Visa" (the UAE's) is one.
    if [w.casefold() for w in remainder] == ["green"] and head.casefold().startswith("card"):
        return None
    if head.casefold().startswith("route") and any(w in _GEOGRAPHIC for w in lowered):
        return None
    # A one-word Pass is a product ("Uber Pass", "Rail Pass") unless the word is a migration word.
    if head.casefold().startswith("pass") and len(remainder) == 1 and remainder[0].casefold() not in _SIGNAL:
        return None
    if head.casefold() not in _VISA_HEADS and not (
        any(w.casefold() in _SIGNAL for w in remainder) or _about_migration(_sentence(text, start, m.end()))
    ):
        return None
    singular = _SINGULAR.get(head.casefold())
    noun = singular if singular is None else (singular.capitalize() if head[0].isupper() else singular)
    # A category code is the name alone, as "H-1B" is: "the E-9 visas" are the E-9.
    code = len(words) == 1 and is_code(words[0]) and head.casefold() in _VISA_HEADS
    name = words[0] if code else f"{' '.join(words)} {noun or head}"
    return _Hit(start, m.end(), name, m["acr1"] or m["acr2"], weak=generic and _opens_sentence(text, start))


def _about_migration(sentence: str) -> bool:
    """Whether a sentence is about migration: its words, or a government body that runs visas."""
    return bool(_MIGRATION.search(sentence) or _countries().body_pattern.search(sentence))


def _opens_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` is capitalised because it opens a sentence or a line."""
    before = text[:start].rstrip(" \t“\"‘'(")
    return not before or before[-1] in ".!?:\n"


def _strip_country(name: str, countries: CountryLexicon) -> tuple[str, str | None]:
    """A leading country ("Taiwan Employment Gold Card") moves to the country; one inside stays."""
    m = countries.pattern.match(name)
    leading = countries.country_of(m.group(0)) if m else None
    if m and leading and name[m.end() :].strip() and not _is_generic_rest(name[m.end() :]):
        return name[m.end() :].strip(), leading
    inner = [c for _, _, c in countries.mentions(name, strong_only=False)]
    return name, inner[0] if inner else None


def _is_generic_rest(rest: str) -> bool:
    """Too little is left without the country to be the name ("Thailand Elite Visa" stays whole)."""
    return len(rest.split()) <= 2


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around a character range, approximately (no parser here)."""
    left = max(text.rfind("\n", 0, start), *(text.rfind(p, 0, start) for p in (". ", "! ", "? ")))
    stops = [i for i in (text.find(p, end) for p in ("\n", ". ", "! ", "? ")) if i >= 0]
    return text[left + 1 : min(stops) if stops else len(text)]


def _merge_names(found: list[tuple[int, int, str, str | None]]) -> list[tuple[int, int, str, str | None]]:
    """One spelling per programme: the first one written; a shorter name that ends
    a longer one ("the nomad visa" after "digital nomad visa"), or that a title's Scheme or
    Program follows ("Top Talent Pass" beside "Top Talent Pass Scheme"), is the longer one."""
    first: dict[str, str] = {}
    for _, _, name, _ in found:
        first.setdefault(name.casefold(), name)
    keys = sorted(first, key=len, reverse=True)
    pattern = _countries().pattern
    merged = []
    for start, end, name, country in found:
        key = name.casefold()
        # "the Taiwan Gold Card" beside "Employment Gold Card": the country is no part of the name.
        bare = pattern.sub("", name, count=1).strip().casefold() if pattern.match(name) else key
        longer = next((k for k in keys if len(k) > len(bare) and k != key and k.endswith(" " + bare)), key)
        # "Top Talent Pass" beside "Top Talent Pass Scheme": one programme, under its written title.
        titled = next((first[k] for k in (f"{longer} {s}" for s in _TITLE_SUFFIXES) if k in first), None)
        merged.append((start, end, titled or first[longer], country))
    return merged


_TITLE_SUFFIXES = ("scheme", "programme", "program")


def _resolve(
    text: str, found: list[tuple[int, int, str, str | None]], countries: CountryLexicon
) -> list[NamedProgramme]:
    """Fill in the country a mention's own words did not give. A programme has one country: that
    of its mention with the nearest evidence (its own words, then its sentence, then its paragraph,
    headline or dateline, then the article's), the first such mention on a tie; a headline's "nomad
    visas" does not outweigh "Costa Rica's ... Digital Nomad Visa" further down."""
    best: dict[str, tuple[int, int, str]] = {}  # name -> (strength, position, country)
    for start, end, name, country in found:
        strength = 0
        if country is None:
            strength, country = 1, _sentence_country(text, start, end, countries)
        if country is None:
            strength, country = 2, context_country(text, start, end, countries)
        key = name.casefold()
        if country is not None and (key not in best or (strength, start) < best[key][:2]):
            best[key] = (strength, start, country)
    chosen = {key: country for key, (_, _, country) in best.items()}
    unresolved = {n.casefold() for _, _, n, _ in found} - set(chosen)
    dominant = _dominant(text, countries) if unresolved else None
    return [NamedProgramme(s, e, name, chosen.get(name.casefold(), dominant)) for s, e, name, _ in found]


def _sentence_country(text: str, start: int, end: int, countries: CountryLexicon) -> str | None:
    """The one country the mention's sentence names as issuer, if it names exactly one."""
    left = max(text.rfind("\n", 0, start), *(text.rfind(p, 0, start) for p in (". ", "! ", "? "))) + 1
    right = left + len(_sentence(text, start, end))
    found = issuers(text, left, right, countries)
    return found.pop() if len(found) == 1 else None


def _dominant(text: str, countries: CountryLexicon) -> str | None:
    """The country the article names most (first named on a tie), if it names any."""
    return first_most_common(c for c in issuers_in_order(text, countries))
