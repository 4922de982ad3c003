"""The issuing country of a programme mention, read from the text around it.

Nearest first:

1. the mention's own noun phrase: a country or its adjective just before it
   ("Malaysia's", "the Chilean new"), a government body's or capital's
   possessive ("the Home Office's", "Seoul's"), or "in/of <country>" just
   after it;
2. the one country its sentence names (a government body acting on it counts:
   "the Home Office said", "IRCC opened");
3. the one country its paragraph names;
4. the one country the headline names;
5. the dateline's city or country ("TORONTO, March 5 (Wire) -", "NEW DELHI:").

A country named as where applicants come from ("workers from India",
"Brazilian nomads", "U.S. citizens") or for comparison ("Unlike Serbia, ...",
"longer than Spain's") is not the issuer and does not count at steps 2-4.
Weak forms ("Georgia", "Jordan") count only at step 1. A government body
placed in a city ("the Department of Home Affairs in Pretoria") counts as the
city's country. Pure text in, a country name out; ``None`` when the text
gives none.
"""

from __future__ import annotations

import functools
import re

from extractors.country_lexicon import CountryLexicon, country_lexicon

# Words between a country and the programme it issues ("Brazil's new digital nomad visa").
BETWEEN = (r"(?:(?:the|a|an|new|newly|own|popular|so-called|planned|proposed|revamped|existing|current"
           r"|latest|first|long-awaited|flagship|special|official|main|premium|pilot|[\w]+-year|[\w]+-month"
           # adverbs, participles and hyphenated adjectives ("recently launched", "much-criticised")
           r"|[a-z]+ly|[a-z]{3,}ed|[a-z]+-[a-z]+(?:-[a-z]+)*)"
           r"\s+){0,3}")  # fmt: skip
# People a country describes as applicants, not as issuer ("Indian engineers", "U.S. citizens").
_PEOPLE = re.compile(
    r"[ \t]+(?:(?:skilled|young|wealthy|rich|remote|digital|tech|IT|software|foreign|would-be|prospective"
    r"|retired|medical|care|health|farm|construction|domestic|low-skilled|high-skilled|highly[ \t]+skilled)"
    r"[ \t]+)?"
    r"(?:nationals?|citizens?|workers?|students?|applicants?|professionals?|engineers?"
    r"|nurses?|doctors?|families|family|retirees?|investors?|nomads?|visitors?|tourists?|travell?ers?"
    r"|passport[ \t]+holders?|passports?|migrants?|immigrants?|expats?|employees?|staff|graduates?"
    r"|researchers?|teachers?|freelancers?|entrepreneurs?|founders?|techies|talent|people|residents?"
    r"|clients?|applications?|firms?|companies|employers?)\b"
)
# A government body placed in a city ("the Department of Home Affairs in Pretoria", "officials in
# Ottawa") acts for the city's country; an embassy or consulate in a city does not.
_SEAT = re.compile(
    r"\b(?:[Mm]inistry|[Dd]epartment|[Gg]overnment|officials|authorities|[Aa]gency|lawmakers|[Pp]arliament"
    r"|[Cc]abinet|regulators?)(?:[ \t]+(?:of|and|for|the|[A-Z][\w-]*)){0,8}?[ \t]+in[ \t]+"
    r"(?P<city>[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,2})"
)
# A country named for comparison is no issuer ("Unlike Serbia, Montenegro lets ...").
_COMPARED = re.compile(
    r"(?:\b[Uu]nlike|\bthan|\bversus|\bvs\.?|\b[Cc]ompared (?:with|to)|\b[Ll]ike|\b[Ss]imilar to|\b[Aa]s in"
    r"|\b[Aa]s opposed to|\b[Ii]n contrast to|\b[Rr]ather than|\b[Ff]ollowing)[ \t]+(?:the[ \t]+)?"
    r"(?:those[ \t]+of[ \t]+)?$"
)
_FROM = re.compile(r"(?:\bfrom|\bnationals of|\bcitizens of|\bborn in|\bpeople of)[ \t]+(?:the[ \t]+)?$")
_DATELINE = re.compile(
    r"[ \t]*(?P<place>[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3})"
    r"(?:,[ \t]*(?P<region>[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,2}))?"
    r"(?:,?[ \t]+[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2})?[ \t]*(?:\([^)\n]{1,40}\))?[ \t]*(?P<sep>[-—–:])[ \t]"
)


def noun_phrase_country(text: str, start: int, end: int, lexicon: CountryLexicon | None = None) -> str | None:
    """The country the mention's own noun phrase names, before it or ("in Portugal") after it."""
    lex = lexicon or country_lexicon()
    before = text[max(0, start - 80) : start]
    m = re.search(rf"(?<![\w.])(?P<c>{lex.pattern.pattern})(?:['’]s?)?\s+{BETWEEN}$", before)
    if m and lex.country_of(m["c"]):
        return lex.country_of(m["c"])
    m = re.search(rf"(?<![\w.])(?P<b>{lex.body_pattern.pattern})['’]s\s+{BETWEEN}$", before)
    if m:
        return lex.bodies[m["b"]]
    # A capital or large city in the possessive stands for its government ("Seoul's F-4 visa").
    m = re.search(rf"(?<![\w.])(?P<city>{lex.city_pattern.pattern})['’]s\s+{BETWEEN}$", before, re.IGNORECASE)
    if m and m["city"][0].isupper():
        return lex.city_country(m["city"])
    after = text[end : end + 60]
    m = re.match(rf"[ \t]+(?:in|of)[ \t]+(?:the[ \t]+)?(?P<c>{lex.pattern.pattern})", after)
    return lex.country_of(m["c"]) if m else its_country(text, start, lex)


_ITS = re.compile(rf"(?<![\w'’])[Ii]ts\s+{BETWEEN}$")


def its_country(text: str, start: int, lexicon: CountryLexicon | None = None) -> str | None:
    """The country an "its" before the mention stands for: the last issuer its sentence names
    before it ("Indonesia launched its own golden visa"), or, when "Its" opens the sentence, the
    first the sentence before names ("The UAE leads. Its 10-year Golden Visa ...")."""
    m = _ITS.search(text, max(0, start - 80), start)
    if m is None:
        return None
    lex = lexicon or country_lexicon()
    left, _ = _sentence(text, m.start(), m.start())
    named = issuers_in_order(text[left : m.start()], lex)
    if named:
        return named[-1]
    if text[left : m.start()].strip(" \t“\"‘'(") or left < 2 or text[left - 1] == "\n":
        return None
    before, _ = _sentence(text, left - 2, left - 2)
    named = issuers_in_order(text[before : left - 1], lex)
    return named[0] if named else None


def issuer_of_noun_phrase(
    text: str, start: int, end: int, lexicon: CountryLexicon | None = None
) -> str | None:
    """The country the noun phrase names as the programme's owner, in forms that cannot describe
    its holders: a possessive ("Malaysia's"), an adjective after an article ("the Australian"),
    a body's possessive, or "in/of <country>" after it ("Indian Employment Pass holders" gives none)."""
    lex = lexicon or country_lexicon()
    found = country_before(text, start, lex)
    if found is None:
        return noun_phrase_country(text, start, end, lex)
    form, owner = found
    if owner and lex.country_of(form):
        return lex.country_of(form)
    after = text[end : end + 60]
    m = re.match(rf"[ \t]+(?:in|of)[ \t]+(?:the[ \t]+)?(?P<c>{lex.pattern.pattern})", after)
    return lex.country_of(m["c"]) if m else None


def country_before(text: str, start: int, lexicon: CountryLexicon | None = None) -> tuple[str, bool] | None:
    """The country form that ends the words before ``start`` (``BETWEEN`` words apart), and whether
    it stands in an owner's form: a possessive ("Malaysia's") or an adjective after an article
    ("the Australian"); None when no country form stands there."""
    lex = lexicon or country_lexicon()
    before = text[max(0, start - 80) : start]
    m = re.search(rf"(?<![\w.])(?P<c>{lex.pattern.pattern})(?P<s>['’]s?)?\s+{BETWEEN}$", before)
    if m is None:
        return None
    return m["c"], bool(m["s"] or re.search(r"(?i)\b(?:the|a|an)\s+$", before[: m.start()]))


def context_country(text: str, start: int, end: int, lexicon: CountryLexicon | None = None) -> str | None:
    """The country of the mention's sentence, then paragraph, headline and dateline."""
    lex = lexicon or country_lexicon()
    for left, right in (_sentence(text, start, end), _paragraph(text, start, end), _headline(text)):
        found = issuers(text, left, right, lex)
        if len(found) == 1:
            return found.pop()
    return dateline_country(text, lex)


def issuers(text: str, left: int, right: int, lexicon: CountryLexicon | None = None) -> set[str]:
    """The countries ``text[left:right]`` names as possible issuers: countries and government
    bodies, without weak forms and without countries named as where applicants come from."""
    lex = lexicon or country_lexicon()
    part = text[left:right]
    found = {c for s, e, c in lex.mentions(part) if not _applicants(part, s, e, lex)}
    found |= {c for _, _, c in lex.body_mentions(part)}
    found |= {c for c in (_city(m["city"], lex) for m in _SEAT.finditer(part)) if c}
    found |= _city_subjects(part, lex)
    return found


def _city_subjects(part: str, lex: CountryLexicon) -> set[str]:
    """A city opening a sentence before a lowercase verb stands for its government ("Lisbon has
    ended the golden visa", "Canberra will replace ...")."""
    found = set()
    for m in _city_opening(lex.city_pattern.pattern).finditer(part):
        if m["city"][0].isupper() and part[m.end() - 1].islower():
            country = lex.city_country(m["city"])
            if country:
                found.add(country)
    return found


@functools.lru_cache(maxsize=4)
def _city_opening(cities: str) -> re.Pattern[str]:
    return re.compile(rf"(?:^|(?<=[.!?][ \t])|(?<=\n))[ \t]*(?P<city>{cities})[ \t]+[a-z]", re.IGNORECASE)


def issuers_in_order(text: str, lexicon: CountryLexicon | None = None) -> list[str]:
    """Every country ``text`` names as a possible issuer, in order, once per mention of it or
    of one of its government bodies (no weak forms, no countries of applicants)."""
    lex = lexicon or country_lexicon()
    countries = [(s, c) for s, e, c in lex.mentions(text) if not _applicants(text, s, e, lex)]
    return [c for _, c in sorted(countries + [(s, c) for s, _, c in lex.body_mentions(text)])]


def dateline_country(text: str, lexicon: CountryLexicon | None = None) -> str | None:
    """The country of the dateline opening one of the first body lines ("BANGKOK, Thailand -")."""
    lex = lexicon or country_lexicon()
    for line in text[:3000].split("\n")[:3]:
        m = _DATELINE.match(line)
        # "NEW DELHI: ..." takes a colon only after a place in capitals ("Officials: ..." is no place).
        if m is None or (m["sep"] == ":" and not m["place"].isupper()):
            continue
        for place in (m["region"], m["place"]):
            if place:
                country = lex.country_of(place) or lex.city_country(place) or lex.country_of(place.title())
                if country:
                    return country
    return None


def _city(words: str, lex: CountryLexicon) -> str | None:
    """The country of the longest city the capitalised words open with ("New Delhi On" -> India)."""
    parts = words.rstrip(".").split()
    for k in range(len(parts), 0, -1):
        country = lex.city_country(" ".join(parts[:k]))
        if country:
            return country
    return None


def _applicants(part: str, start: int, end: int, lex: CountryLexicon | None = None) -> bool:
    """Whether the country at ``part[start:end]`` says where people come from ("from India",
    "Indian nurses", "Indian and Nigerian nurses") or is named as a comparison ("Unlike Serbia,")."""
    if _FROM.search(part[max(0, start - 20) : start]) or _COMPARED.search(part[max(0, start - 30) : start]):
        return True
    lex = lex or country_lexicon()
    position = end
    for _ in range(4):
        if _PEOPLE.match(part, position):
            return True
        link = _AND.match(part, position)
        form = lex.pattern.match(part, link.end()) if link else None
        if form is None:
            return False
        position = form.end()
    return False


_AND = re.compile(r"(?:,|[ \t]+(?:and|or))[ \t]+")


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around a character range, approximately (no parser here)."""
    left = max(text.rfind("\n", 0, start), *(text.rfind(p, 0, start) for p in (". ", "! ", "? ")))
    stops = [i for i in (text.find(p, end) for p in ("\n", ". ", "! ", "? ")) if i >= 0]
    return left + 1, min(stops) if stops else len(text)


def _paragraph(text: str, start: int, end: int) -> tuple[int, int]:
    right = text.find("\n", end)
    return text.rfind("\n", 0, start) + 1, right if right >= 0 else len(text)


def _headline(text: str) -> tuple[int, int]:
    """The first line when it reads as a headline (short, no closing full stop), else nothing."""
    found = first_line_headline(text)
    if found is None or len(found[1]) > 160:
        return 0, 0
    return 0, len(found[1])


def first_line_headline(text: str) -> tuple[int, str] | None:
    """(where it ends, its text) of the first line when more lines follow it and it has no closing
    full stop, the form of a headline; else None."""
    first = text.find("\n")
    line = text[: first if first >= 0 else len(text)].rstrip()
    if first < 0 or line[-1:] in ".!?”\"":
        return None
    return first, line
