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

Pure text in, spans out: the programme ruler calls this after the table. This module puts the
steps together; the candidate names come from ``programme_candidates.py`` (capitalised runs in
``programme_capitalised.py``), their words from ``programme_words.py``, one spelling per programme
from ``programme_spellings.py``, the issuing country from ``programme_name_countries.py``, and a
mention's sentence and heading line from ``programme_text.py``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractors.components.programme_aliases import aliases
from extractors.components.programme_candidates import candidates
from extractors.components.programme_category_visas import with_category_visa
from extractors.components.programme_country import noun_phrase_country
from extractors.components.programme_kinds import kind_mentions, subject_kinds
from extractors.components.programme_name_countries import NamedProgramme, resolve, strip_country
from extractors.components.programme_spellings import (
    describes,
    extends,
    kind_name,
    known_tail,
    merge_names,
    short_forms,
)
from extractors.components.programme_text import in_heading, mask
from extractors.country_lexicon import country_lexicon

__all__ = ["NamedProgramme", "find_named_programmes"]


def find_named_programmes(
    text: str, taken: Sequence[tuple[int, int]] = (), taken_countries: Sequence[str | None] = ()
) -> list[NamedProgramme]:
    """Programme mentions in ``text`` by the form of their name, outside the ``taken`` spans
    (whose programmes' countries ``taken_countries`` gives, when known)."""
    countries = country_lexicon()
    found: list[tuple[int, int, str, str | None]] = []
    acronyms: dict[str, tuple[str, str | None]] = {}
    # A quoted name the table names elsewhere ("a ‘gold card’ visa" beside "the “gold card”") is the table's.
    table_text = " ".join(text[s:e] for s, e in taken).casefold()
    hits = [(h, in_heading(text, h.start)) for h in candidates(text)
            if h.quoted is None or h.quoted not in table_text]
    strong = {h.name.casefold(): h.name for h, heading in hits if not h.weak and not heading}
    for hit, heading in hits:
        start, end, name, acronym = hit.start, hit.end, hit.name, hit.acronym
        if heading:
            # A Title Case headline capitalises every word: only a name the text also
            # writes as one counts ("Thailand Extends Long-Term Resident Visa").
            start, name = known_tail(text, hit, strong)
            if not name:
                continue
        elif hit.weak and name.casefold() not in strong:
            continue
        if hit.lowercase and describes(text, start, [*taken, *((s, e) for s, e, _, _ in found)]):
            continue
        overlapping = [t for t in taken if start < t[1] and t[0] < end]
        if overlapping and (len(overlapping) > 1 or not extends(text, start, end, overlapping[0])):
            continue
        # "the Parent Category residence visa": a category's name with the visa it grants.
        end, name = with_category_visa(text, end, name)
        name, inner = strip_country(name, countries)
        # The noun phrase before names the issuer over a country inside the name: "Britain's India
        # Young Professionals Scheme" is British.
        country = noun_phrase_country(text, start, end, countries) or inner
        found.append((start, end, name, country))
        if acronym and acronym not in countries.forms:
            acronyms.setdefault(acronym, (name, country))
    found = _with_aliases(text, taken, found)
    occupied = [*taken, *((s, e) for s, e, _, _ in found)]
    # A kind the article makes its subject ("Sweden's work permits") is a programme, unless it
    # shortens a name the article gives (then it is that name).
    subjects = subject_kinds(text, occupied, countries)
    # A kind the article also writes as a title ("a student visa ... the Student visa fee") is that name.
    titles = {n.casefold() for _, _, n, _ in found}
    kind_names = {n for _, _, n, _ in subjects if n.casefold() not in titles}
    found += short_forms(text, subjects, taken, found)
    occupied += [(s, e) for s, e, _, _ in subjects]
    # A lowercase kind of two words or more before its head that shortens a name ("a critical skills
    # permit costs ...") is that name; "a work visa" beside "Accredited Employer Work Visa" stays a kind.
    kinds: list[tuple[int, int, str, str | None]] = [
        (s, e, n, None) for s, e, n in kind_mentions(text, occupied) if len(n.split()) > 2
    ]
    found += [hit for hit in short_forms(text, kinds, taken, found) if hit[2] != kind_name(hit, kinds)]
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
    masked = mask(text, [*taken, *((s, e) for s, e, _, _ in found)])
    return without_described_kinds(resolve(masked, merge_names(found), countries), kind_names,
                                   taken_countries)


def _with_aliases(
    text: str, taken: Sequence[tuple[int, int]], found: list[tuple[int, int, str, str | None]]
) -> list[tuple[int, int, str, str | None]]:
    """Add the names "known as" and "called" give; a lowercase mention the name follows ("its remote
    worker visa, known as the E33G") is that name. After a name the table or a capitalised run
    gives, the alias is a nickname, and the name stands."""
    for start, end, name, noun_end in aliases(text):
        spans = [*taken, *((s, e) for s, e, _, _ in found)]
        if any(start < e and s < end for s, e in spans) or any(e == noun_end for _, e in taken) \
                or any(e == noun_end and n[:1].isupper() for _, e, n, _ in found):  # fmt: skip
            continue
        owner = next((c for _, e, _, c in found if e == noun_end), None)
        found = [(s, e, name if e == noun_end else n, c) for s, e, n, c in found]
        found.append((start, end, name, owner or noun_phrase_country(text, start, end)))
    return found


def without_described_kinds(
    found: list[NamedProgramme], kinds: set[str], taken_countries: Sequence[str | None]
) -> list[NamedProgramme]:
    """A kind is no programme of its own when the article names another programme of its country:
    "Britain's work visa" in a story on the Skilled Worker visa describes that visa."""
    named = {c for c in taken_countries if c}
    named |= {f.country for f in found if f.name not in kinds and f.country}
    return [f for f in found if f.name not in kinds or f.country not in named]
