"""Rewrite a date expression as news writes it into the point it names.

News wraps a calendar point in words that say nothing about which point it
is: a preposition or a start word ("effective Oct. 1", "on or after 22
July", "no later than March 1"), a clock time ("12:01 a.m. Eastern time on
Sunday", "Oct. 1 at noon"), a part of the day ("Monday night"), a range
whose start is the point ("from March 1 to 31", "March 1-31", "between Oct.
1 and Dec. 31, 2026"), a relative year joined by "of" ("October of last
year"), an ordinal in words ("the first of October"), a part of a month
("the first week of May", "the second half of March", "earlier in
September"), a season of a year ("the summer of 2021"). :func:`core` strips
the wrapping and leaves the point, in a form :mod:`extractors.dates` resolves.
"""

from __future__ import annotations

import re

_LEAD = re.compile(
    r"^(?:(?:on or (?:after|before)|no later than|not later than|with effect from|as from|as of"
    r"|effective(?: from| on)?|starting(?: on| from)?|beginning(?: on| from)?|from and including"
    r"|as early as|as soon as|no earlier than|not before|some ?time in|in or around|around"
    r"|on|in|by|since|from|until|till|at|during|between)\s+)+",
    re.I,
)
_ZONE = (
    r"(?-i:[A-Z]{1,3}T\b|UTC|GMT|BST|CEST|IST|JST|SGT|AEST|AEDT|KST|local time"
    r"|(?:Eastern|Pacific|Central|Mountain|Beijing|Tokyo|London|Singapore|Seoul|Sydney|Delhi|Berlin|Paris)"
    r"(?: (?:[Ss]tandard |[Dd]aylight )?[Tt]ime)?)"
)
_CLOCK = (
    r"(?:\d{1,2}(?:[:.]\d{2})?\s*[ap]\.?\s?m\.?|\d{1,2}:\d{2}(?:\s*hours?)?|midnight|noon|midday)"
    rf"(?:\s*\(?{_ZONE}\)?)?"
)
# "from April onwards", "March 2026 at the latest": the point stays.
_TRAIL = re.compile(r"(?:,?\s+(?:onwards?|and beyond|at the (?:latest|earliest)))+$", re.I)
# "year-end", "month-end": the end of this year or month.
_PERIOD_END = re.compile(r"^(?P<unit>year|month)[- ]end$", re.I)
# "the summer of 2021", "spring 2024", "late autumn 2019": a season of a named year names
# that year (winter, which spans two years, is left alone).
_SEASON = re.compile(
    r"^(?:the\s+)?(?:(?:early|late|mid)[- ]?)?(?:spring|summer|autumn|fall)"
    r"(?:\s+of)?\s+(?P<year>(?:19|20)\d{2})$",
    re.I,
)
# "2024-25", "2025/26": a fiscal or academic year, which no calendar point names.
_YEAR_SPAN = re.compile(r"^(?:the\s+)?(?:19|20)(?P<a>\d{2})\s*[-–/]\s*(?P<b>\d{2})\b(?![-–/]\d)")
_TIME_FIRST = re.compile(rf"^{_CLOCK}\s*,?\s*(?:(?:on|of)\s+)?(?=\S)", re.I)
_TIME_LAST = re.compile(rf"(?:,?\s+(?:at|from|by)\s+|,?\s+){_CLOCK}$", re.I)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
_DAY_PART = re.compile(
    rf"^(?P<day>(?:(?:last|next|this(?: past| coming)?)\s+)?{_WEEKDAY})"
    r"\s+(?:morning|afternoon|evening|night|midday|lunchtime)$",
    re.I,
)
# "Oct. 1 (Wednesday)", "Wednesday (Oct. 1)": the day named twice; the calendar day stays.
_PAREN_WEEKDAY = re.compile(rf"\s*\(\s*{_WEEKDAY}\s*\)$", re.I)
_WEEKDAY_PAREN = re.compile(rf"^{_WEEKDAY}\s*\((?P<day>[^()]+)\)$", re.I)
# "the morning of Oct. 1": that day.
# "the last day of March" has no day we can name without its year's calendar: that month.
_PART_OF_DAY = re.compile(r"^the\s+(?:(?:morning|afternoon|evening|night)|last\s+day)\s+of\s+(?=\S)", re.I)
# "the first day of October": its first day.
_FIRST_DAY = re.compile(rf"^the\s+first\s+day\s+of\s+(?P<rest>{_MONTH}.*)$", re.I)
_YEAR = r"(?:19|20)\d{2}"
# "March 1-31", "March 1 - 31, 2026": the range's start, with the range's year.
_DAY_RANGE_MONTH_FIRST = re.compile(
    rf"^(?P<mon>{_MONTH})\s+(?P<a>\d{{1,2}})(?:st|nd|rd|th)?\s*[-–—]\s*\d{{1,2}}(?:st|nd|rd|th)?"
    rf"(?P<year>,?\s+{_YEAR})?$",
    re.I,
)
# "1-31 March", "1–3 October 2026".
_DAY_RANGE_DAY_FIRST = re.compile(
    rf"^(?P<a>\d{{1,2}})(?:st|nd|rd|th)?\s*[-–—]\s*\d{{1,2}}(?:st|nd|rd|th)?\s+(?P<mon>{_MONTH})"
    rf"(?P<year>,?\s+{_YEAR})?$",
    re.I,
)
# "Oct. 1 to Dec. 31", "March 1 through 31", "Oct. 1 and Dec. 31, 2026", "Oct. 1-Dec. 31".
_RANGE = re.compile(
    r"^(?P<a>.+?)\s*(?:\s(?:to|until|till|through|thru|and)\s|\s?[–—]\s?|(?<=\d)-(?=[A-Za-z])|(?-i:(?<=[a-z.])[-–](?=[A-Z])))"
    r"\s*(?P<b>.+)$",
    re.I,
)
_HAS_YEAR = re.compile(rf"\b{_YEAR}\b")
# "October of last year", "Oct. 1 of this year"; not "the end of last year".
_OF_RELATIVE_YEAR = re.compile(
    rf"^(?P<point>(?!the\b).*\b{_MONTH}.*?)\s+of\s+(?P<year>(?:last|next|this) year)$", re.I
)
_ORDINALS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
             "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth").split()
_ORDINAL_WORD = (
    r"(?P<ord>(?:twenty|thirty)-?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)?"
    rf"|{'|'.join(_ORDINALS)})"
)
# "the first of October", "the twenty-first of May 2026".
_ORDINAL_OF_MONTH = re.compile(rf"^(?:the\s+)?{_ORDINAL_WORD}\s+of\s+(?P<rest>{_MONTH}.*)$", re.I)
# "the first week of May", "the second half of March", "the last days of 2025", "the first
# months of next year": a part of a month or a year is in that month or year.
_PART_OF_SPAN = re.compile(
    r"^the\s+(?:first|second|third|fourth|last|final|closing|opening|early|later)\s+(?:few\s+)?"
    r"(?:weeks?|fortnight|half|quarter|days|months?)\s+of\s+(?:the\s+)?(?=\S)",
    re.I,
)
# "earlier in September", "later in the month", "earlier in the year".
_EARLIER_IN = re.compile(r"^(?:earlier|later)\s+in\s+(?:the\s+)?(?=\S)", re.I)


def core(expression: str) -> str:
    """The point ``expression`` names, its wrapping stripped; the text itself
    when nothing wraps it."""
    text = " ".join(expression.split()).strip(" ,.;:")
    for _ in range(3):
        before = text
        text = _LEAD.sub("", text)
        text = _TIME_FIRST.sub("", text)
        text = _TIME_LAST.sub("", text).strip(" ,")
        text = _TRAIL.sub("", text)
        if text == before:
            break
    text = _PAREN_WEEKDAY.sub("", text)
    text = _WEEKDAY_PAREN.sub(lambda m: m["day"].strip(), text)
    text = _DAY_PART.sub(lambda m: m["day"], text)
    text = _PERIOD_END.sub(lambda m: f"this {m['unit'].lower()}", text)
    text = _OF_RELATIVE_YEAR.sub(lambda m: f"{m['point']} {m['year']}", text)
    text = _range_start(text)
    text = _PART_OF_DAY.sub("", text)
    first = _FIRST_DAY.match(text)
    if first is not None:
        month, _, rest = first["rest"].partition(" ")
        text = f"{month} 1" + (f" {rest}" if rest else "")
    ordinal = _ORDINAL_OF_MONTH.match(text)
    if ordinal is not None:
        text = f"{ordinal['rest'].split(' ', 1)[0]} {_ordinal_number(ordinal['ord'])}" + (
            f" {ordinal['rest'].split(' ', 1)[1]}" if " " in ordinal["rest"] else "")
    for part in (_PART_OF_SPAN, _EARLIER_IN):
        match = part.match(text)
        if match is not None:
            rest = text[match.end():]
            text = f"this {rest.lower()}" if rest.lower() in ("month", "year") else rest
    season = _SEASON.match(text)
    return season["year"] if season is not None else text


def is_year_span(text: str) -> bool:
    """'2024-25', 'the 2025/26 academic year': a fiscal or academic year."""
    match = _YEAR_SPAN.match(text)  # "2024-25" spans two years; "2025-10" is a month
    return match is not None and (int(match["a"]) + 1) % 100 == int(match["b"])


def _ordinal_number(word: str) -> int:
    word = word.lower().replace("-", "")
    tens = 0
    for prefix, value in (("twenty", 20), ("thirty", 30)):
        if word.startswith(prefix):
            tens, word = value, word[len(prefix):]
    return tens + (_ORDINALS.index(word) + 1 if word else 0)


def _range_start(text: str) -> str:
    """The start of a range of days, carrying the range's year to it."""
    for pattern in (_DAY_RANGE_MONTH_FIRST, _DAY_RANGE_DAY_FIRST):
        match = pattern.match(text)
        if match is not None:
            year = (match["year"] or "").strip(" ,")
            month_first = pattern is _DAY_RANGE_MONTH_FIRST
            day = f"{match['mon']} {match['a']}" if month_first else f"{match['a']} {match['mon']}"
            return f"{day}, {year}" if year else day
    match = _RANGE.match(text)
    if match is None or not re.search(r"\d|" + _MONTH, match["a"], re.I):
        return text
    start, end = match["a"].strip(" ,"), match["b"].strip(" ,")
    if not re.search(_MONTH, start, re.I):
        # "1 to 31 March": the start day takes the end's month.
        month = re.search(rf"{_MONTH}", end, re.I)
        if month is None or not start.isdigit():
            return text
        start = f"{start} {month.group(0)}"
    year = _HAS_YEAR.search(end)
    if year is not None and _HAS_YEAR.search(start) is None:
        start = f"{start}, {year.group(0)}"
    return start
