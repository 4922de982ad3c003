"""Capitalised programme names: a capitalised run ending in a programme noun ("the Destination
Thailand Visa", "Taiwan's Employment Gold Card", "the Home Child Care Provider and Home Support
Worker pilots"), and when such a run is generic, a firm's name or no programme (``programme_names.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.components.programme_codes import is_code
from extractors.components.programme_kind_titles import kind_title, subclass_suffix
from extractors.components.programme_organisations import goes_on_into_organisation
from extractors.components.programme_text import about_migration, opens_sentence, sentence
from extractors.components.programme_words import (
    EACH,
    GENERIC,
    GEOGRAPHIC,
    NOT_PROGRAMME,
    SIGNAL,
    SINGULAR,
    STOP_WORDS,
    VISA_HEADS,
)
from extractors.country_lexicon import country_lexicon

_CAP = r"[A-Z][\w]*(?:[-‐][\w]+)*"
# "and" is no link: "the Home Child Care Provider and Home Support Worker pilots" are two.
_LINK = r"(?:[ \t]+(?:of|in|for|by|&)[ \t]+|[ \t]+)"
_HEAD = (r"[Vv]isas?|Pass(?:es)?|Cards?|[Pp]ermits?|[Ss]chemes?|[Pp]rogrammes?|[Pp]rograms?"
         r"|[Rr]outes?|[Ss]treams?|[Pp]ilots?|[Cc]ategory|[Cc]ategories|[Pp]athways?|Residency"
         r"|Stamps?")  # fmt: skip
CAPITALISED = re.compile(
    rf"(?<![\w'’.(-])(?P<name>{_CAP}(?:{_LINK}{_CAP}){{0,6}})"
    rf"(?:[ \t]+\((?P<acr1>[A-Z][A-Z0-9-]{{1,7}})\))?[ \t]+(?P<head>{_HEAD})(?![\w-])"
    rf"(?:[ \t]+\((?P<acr2>[A-Z][A-Z0-9-]{{1,7}})\))?"
)
# A capitalised name right after one of these is a business's name ("the travel agency Silk Route Visas").
_ORGANISATION_BEFORE = re.compile(
    r"\b(?:agency|agencies|firm|consultancy|consultants|company|business|platform|website|app|startup"
    r"|start-up|provider|operator)\s+(?:called\s+|named\s+)?$"
)
@dataclass(frozen=True)
class Hit:
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


_CONJUNCT = re.compile(rf"(?<![\w'’.(-])(?P<first>{_CAP}(?:{_LINK}{_CAP}){{0,5}})[ \t]+(?:and|or)[ \t]+$")


def each(text: str, hit: Hit, head: str) -> list[Hit]:
    """A plural head after coordinated names names each once: "the Home Child Care Provider and
    Home Support Worker pilots" are a "Home Child Care Provider pilot" and a "Home Support Worker pilot"."""
    singular = EACH.get(head.casefold())
    m = _CONJUNCT.search(text, max(0, hit.start - 80), hit.start) if singular else None
    if m is None or singular is None or " " not in hit.name:
        return [hit]
    noun = singular.capitalize() if head[0].isupper() else singular
    words = [w for w in m["first"].split() if w.casefold() not in STOP_WORDS or w[0].isupper()]
    while words and words[0].casefold() in STOP_WORDS:
        words = words[1:]
    own = Hit(hit.start, hit.end, f"{hit.name.rsplit(' ', 1)[0]} {noun}", hit.acronym, hit.weak)
    remainder = country_lexicon().pattern.sub(" ", " ".join(words)).split()
    generic = len(remainder) <= 1 and all(w.casefold() in GENERIC | STOP_WORDS for w in remainder)
    if not words or generic or any(w.casefold() in NOT_PROGRAMME for w in words):
        return [own]
    first_start = text.index(words[0], m.start("first"))
    return [Hit(first_start, m.end("first"), f"{' '.join(words)} {noun}", None, hit.weak), own]


def capitalised(text: str, m: re.Match[str]) -> Hit | None:
    """The programme a capitalised run names, or None when it is generic or no programme."""
    words = m["name"].split()
    start = m.start("name")
    if _ORGANISATION_BEFORE.search(text, max(0, start - 40), start):
        return None
    # "Applications for Destination Thailand Visa ...": a sentence's first word is
    # capitalised by the sentence, and so is not part of the name before a link word.
    links = [i for i, w in enumerate(words) if w in {"of", "in", "for", "by", "&"}]
    if links and opens_sentence(text, start):
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
    if not words or not words[-1][0].isupper() or goes_on_into_organisation(text, m.end()):
        return None
    # A lone word with digits names a visa only as a category code ("D-10", "E7"; not "G20", "COVID-19").
    if len(words) == 1 and any(c.isdigit() for c in words[0]) and not is_code(words[0]):
        return None
    lowered = [w.casefold() for w in words if w not in {"of", "in", "for", "by", "&"}]
    if any(w in NOT_PROGRAMME for w in lowered):
        return None
    countries = country_lexicon()
    remainder = countries.pattern.sub(" ", " ".join(words)).split()
    generic = all(w.casefold() in GENERIC or w.casefold() in STOP_WORDS for w in remainder)
    kind = False
    if generic and len(remainder) <= 1 and not (titled and remainder):
        if not remainder or not kind_title(text, remainder[0], start, head, m.end()):
            return None
        # "a UK Student visa": the title is the kind word's; the country before is the issuer.
        start, words, kind = text.index(remainder[0], start, m.end()), remainder, True
    # The U.S. "Green Card" is permanent residence, no programme; a "Green Visa" (the UAE's) is one.
    if [w.casefold() for w in remainder] == ["green"] and head.casefold().startswith("card"):
        return None
    if head.casefold().startswith("route") and any(w in GEOGRAPHIC for w in lowered):
        return None
    # A one-word Pass is a product ("Uber Pass", "Rail Pass") unless the word is a migration word.
    if head.casefold().startswith("pass") and len(remainder) == 1 and remainder[0].casefold() not in SIGNAL:
        return None
    if head.casefold() not in VISA_HEADS and not (
        any(w.casefold() in SIGNAL for w in remainder) or about_migration(sentence(text, start, m.end()))
    ):
        return None
    singular = SINGULAR.get(head.casefold())
    noun = singular if singular is None else (singular.capitalize() if head[0].isupper() else singular)
    # A category code is the name alone, as "H-1B" is: "the E-9 visas" are the E-9.
    code = len(words) == 1 and is_code(words[0]) and head.casefold() in VISA_HEADS
    name = words[0] if code else f"{' '.join(words)} {noun or head}"
    # "the Student visa (subclass 500)": a kind title is named with the subclass it carries. One word
    # opening a sentence may be capitalised by the sentence alone ("Existing visa holders ..."): it
    # counts when the article writes it capitalised elsewhere, as a generic name does.
    suffix = subclass_suffix(text, m.end()) if kind else ""
    return Hit(start, m.end() + len(suffix), name + suffix, m["acr1"] or m["acr2"],
               weak=(generic or (len(words) == 1 and not code)) and opens_sentence(text, start))
