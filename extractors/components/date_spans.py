"""The date expressions of a doc: the tagger's DATE entities, completed by shape.

The small English model tags most dates, but not all the ways news writes
them: a three-letter month without its full stop ("Sep 3", "Feb 1", "Mar 3")
comes out as a law, a product or a person; a weekday with a part of the day
("Monday night") as a time; an ordinal in words ("the first of October")
as an ordinal beside a month; a dotted numeric date ("15.01.2026") as a
number. :func:`date_spans` finds these by the shape of a calendar expression
and returns them with the DATE entities, a shape that overlaps an entity
widening it to the whole expression.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from extractors.components.common import text_of

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# A month ending a date: no full stop, which would be the sentence's ("on 1 January.").
_MONTH_LAST = _MONTH.removesuffix(r"\.?")
_WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?:19|20)\d{2})?"
_ORDINAL_WORD = (
    r"(?:(?:twenty|thirty)-?)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
    r"|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth"
    r"|nineteenth|twentieth|thirtieth"
)
_SHAPES = re.compile(
    "|".join(
        (
            # "Tuesday, Sep 3, 2025", "Sep 3"
            rf"\b(?:{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAY}\b{_YEAR}",
            # "3 Sep 2025", "the 3rd of Sep"
            rf"\b(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH_LAST}(?![a-z]){_YEAR}",
            # "the first of October"
            rf"\b(?:the\s+)?(?i:{_ORDINAL_WORD})\s+of\s+{_MONTH_LAST}(?![a-z]){_YEAR}",
            # "15.01.2026": a dotted numeric date, day first as Europe writes it
            r"\b(?:[12]\d|3[01]|0?[1-9])\.(?:1[0-2]|0?[1-9])\.(?:19|20)\d{2}\b",
            # "Monday night"
            r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+(?:morning|afternoon|evening|night)\b",
        )
    )
)
_DATE_LABELS = frozenset({"DATE"})
# Entities a date shape is never read out of: "$5 May" is money.
_NOT_DATES = frozenset({"MONEY", "PERCENT", "QUANTITY", "VISA_PROGRAMME"})


def date_spans(doc: Doc) -> list[Span]:
    """DATE entities and the date expressions the tagger missed, in text order."""
    dates = [e for e in doc.ents if e.label_ in _DATE_LABELS]
    text = text_of(doc)
    for match in _SHAPES.finditer(text):
        words = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if words is None or not _only_mislabelled(words):
            continue
        overlapping = [d for d in dates if d.start < words.end and words.start < d.end]
        if any(d.start <= words.start and words.end <= d.end for d in overlapping):
            continue  # the tagger already has the whole expression
        start = min([words.start] + [d.start for d in overlapping])
        end = max([words.end] + [d.end for d in overlapping])
        dates = [d for d in dates if d not in overlapping]
        dates.append(Span(doc, start, end, label="DATE"))
    return sorted(dates, key=lambda s: s.start)


def _only_mislabelled(words: Span) -> bool:
    """The words carry no entity, or one the tagger gives dates it misreads."""
    return not any(t.ent_type_ in _NOT_DATES for t in words)


# Tokens at most between a clock time and its day.
CLOCK_GAP = 4
# What may stand between a clock time and its day: "12:01 a.m. Eastern time on Sunday".
_BETWEEN_CLOCK_AND_DAY = re.compile(r"^\s*(?:\(?[A-Z][A-Za-z]*\)?\s+)?(?:time\s+)?(?:on\s+)?,?\s*$")


def clock_before(when: Span) -> Span | None:
    """The clock time written just before a date ("at 12:01 a.m. Eastern time on
    Sunday"): the parser sometimes hangs the date on the time's words and the
    time on the verb, so the verb is found from the time."""
    doc = when.doc
    # A TIME entity ending at most CLOCK_GAP tokens before the date has its last token
    # among the CLOCK_GAP + 1 before it: without one there, doc.ents (every entity's
    # span, built anew on each read) is not read (1,159 reads over the bench articles).
    if not any(doc[i].ent_type_ == "TIME" for i in range(max(0, when.start - CLOCK_GAP - 1), when.start)):
        return None
    text = text_of(doc)
    for ent in doc.ents:
        if ent.label_ != "TIME" or not 0 <= when.start - ent.end <= CLOCK_GAP:
            continue
        if _BETWEEN_CLOCK_AND_DAY.match(text[ent.end_char : when.start_char]):
            return ent
    return None
