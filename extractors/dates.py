"""Resolve a time expression against the article's publication date.

Dates carry their precision: "on Wednesday" in an article of 2025-09-29 is
2025-10-01 (day); "announced in August" is 2025-08 (month). A relative
expression in an article with no publication date is left unresolved rather
than anchored to today.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from extractors.date_forms import core, is_year_span
from extractors.models import DatePrecision

Direction = Literal["past", "future"]

_YEAR = re.compile(r"\b(19|20)\d{2}\b")
_THIS_MONTH = re.compile(r"^(?:earlier|later|early|late|mid-?)?\s*this month$", re.I)
_THIS_YEAR = re.compile(r"^(?:earlier|later|early|late)?\s*this year$", re.I)
# Expressions that name a span of time rather than a point ("this week",
# "decades", "2 days ago" in related-story lists): weeks have no precision
# level in our schema, durations are not dates.
_NOT_A_POINT = re.compile(
    r"\b(week|weeks|decade|decades|hours?|minutes?|annually|daily|monthly|yearly|ago)\b"
    # "two days later", "90 days", "six months": a duration, or a point
    # relative to another event, not to the publication date.
    r"|\b(?:days|months|years)\b|\b(?:day|month|year)\s+(?:later|earlier|before|after)\b"
    # "expires in a year": a duration from now.
    r"|^(?:a|an|one|another)\s+(?:day|month|year)$"
    # "a 10-year visa", "the five-year permit": a duration that modifies a noun, no point.
    r"|\b(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty"
    r"|forty|fifty|hundred)-(?:day|month|year)\b",
    re.I,
)
# "four years ago", "a month ago": a point that far before the publication
# date, at the unit's precision. Days, hours and weeks "ago" stay no point
# (related-story lists say "2 days ago"; weeks have no precision level).
_AGO = re.compile(r"^(?P<n>an?|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+"
                  r"(?P<unit>months?|years?)\s+ago$", re.I)
_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10}  # fmt: skip
_TODAY = re.compile(
    r"^(?:earlier |later )?today$|^(?:early |late |earlier |later )in the day$"
    r"|^this (?:morning|afternoon|evening)$",
    re.I,
)
# A part of a month or year names that month or year ("early December",
# "late 2006", "the end of last year", "mid-2024"): the point keeps the
# precision of what follows.
_PART_OF = re.compile(
    r"^(?:(?:early|late|mid)\b-?|the (?:start|beginning|middle|end) of(?: the)?|(?:the )?(?:start|end) of)\s*"
    r"(?=\S)(?!-)",
    re.I,
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")
# "this past Friday", "this coming Friday": the weekday on the side the words name.
_SIDED_WEEKDAY = re.compile(rf"^this (?P<side>past|coming) (?P<day>{'|'.join(_WEEKDAYS)})$", re.I)
# "the 15th", "the 1st": a day with no month names no point we can place.
_BARE_ORDINAL = re.compile(r"^(?:the )?\d{1,2}(?:st|nd|rd|th)$", re.I)
_LAST_MONTH_NAMED = re.compile(rf"^(?:last|this past) ({'|'.join(_MONTHS)})$", re.I)
_NEXT_MONTH_NAMED = re.compile(rf"^(?:next|this coming) ({'|'.join(_MONTHS)})$", re.I)
# "this October": that month of the publication year.
_THIS_MONTH_NAMED = re.compile(rf"^this ({'|'.join(_MONTHS)})$", re.I)
# A clock time with its zone, before or after the day: "12:01 a.m. EDT on",
# "at midnight local time", "noon GMT".
_TIME = (
    r"(?:\d{1,2}(?::\d{2})?\s*[ap]\.?m\.?|\d{1,2}:\d{2}|midnight|noon)"
    r"(?:\s*\(?(?:[A-Z]{2,4}T|UTC|GMT|ET|PT|CT|local time|Beijing time)\)?)?"
)
_MONTH = r"(?P<mon{n}>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DAY = r"(?P<day{n}>\d{{1,2}})(?:st|nd|rd|th)?"
# "Sept. 21", "12:01 a.m. EDT on Sept. 21", "Oct 1st", "16 December", "the
# 16th of December", "Monday, Sept. 21": a day of a month, no year.
_MONTH_DAY = re.compile(
    rf"^(?:{_TIME}\s*(?:on\s+)?)?(?:(?P<wday>mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    rf"(?:{_MONTH.format(n=1)}\s+{_DAY.format(n=1)}|(?:the\s+)?{_DAY.format(n=2)}\s+(?:of\s+)?{_MONTH.format(n=2)})"
    rf"(?:,?\s+(?:at\s+)?{_TIME})?$",
    re.I,
)
# "October", "Sept.", "early October", "mid-December", "the end of
# September": a month with no year.
_BARE_MONTH = re.compile(
    r"^(?:(?:early|mid|late)[- ]?|(?:the )?(?:start|beginning|middle|end) of )?"
    r"(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)(?:[a-z]*|\.)$",
    re.I,
)
# Months a bare month may lie before the publication month under a
# present or future verb ("takes effect in August" in a story of early
# September is that August): the month-level twin of TENSE_SLACK_DAYS.
TENSE_SLACK_MONTHS = 1
# Days a month-day date may lie on the "wrong" side of the publication date
# for its tense: reports of a change that just took effect keep the future
# tense (the seed stories and the gold set have gaps of 1 to 13 days).
TENSE_SLACK_DAYS = 45
# Days a month-day date may lie after the publication date under a past
# verb: a story dated a day or two early (a wire time zone, a stale date
# field). A past event further ahead is last year's ("announced on Jan. 5"
# in a December story).
PAST_SLACK_DAYS = 3
# "June 1 last year", "in March next year", "April 1 this year": a day or a
# month with its year named relative to the publication year.
_RELATIVE_YEAR = re.compile(r"^(?P<point>.+?),?\s+(?P<which>last|next|this) year$", re.I)
_YEAR_SHIFT = {"last": -1, "this": 0, "next": 1}
_PRECISIONS: dict[str, DatePrecision] = {"day": "day", "month": "month", "year": "year"}


@dataclass(frozen=True)
class ResolvedDate:
    """A calendar value as text ('YYYY-MM-DD', 'YYYY-MM', 'YYYY') and its precision."""

    value: str | None
    precision: DatePrecision | None
    note: str | None = None


UNRESOLVED_NO_PUBDATE = ResolvedDate(None, None, "relative date; the article has no publication date")


def resolve(expression: str, published: date | None, direction: Direction,
            *, tense_known: bool = True) -> ResolvedDate | None:
    """Resolve ``expression``; None when it is not a calendar point at all.
    ``tense_known`` is False when the direction is only the tense of a clause
    the date's noun stands in ("drew crowds ahead of the launch on Oct. 15"):
    a day near the publication date then wins on either side."""
    text = core(expression)
    if _NOT_A_POINT.search(text) and "," in text and not _AGO.match(text):
        # "Sept. 21, two days after ...": the tagger ran a date into a duration.
        text = text.split(",")[0].strip()
    if (not text or (_NOT_A_POINT.search(text) and not _AGO.match(text)) or _BARE_ORDINAL.match(text)
            or is_year_span(text)):
        return None
    part = None if _TODAY.match(text) else _PART_OF.match(text)
    if part is not None and part.end() < len(text):
        rest = text[part.end():].strip()
        if rest.lower() in ("year", "month"):  # "the end of the year": this year, this month
            rest = f"this {rest.lower()}"
        return resolve(rest, published, direction, tense_known=tense_known)  # "early Monday" is that Monday
    relative = _YEAR.search(text) is None
    if relative and published is None:
        return UNRESOLVED_NO_PUBDATE
    anchor = published or date(1970, 1, 1)
    if _TODAY.match(text):
        return ResolvedDate(anchor.isoformat(), "day")
    ago = _AGO.match(text)
    if ago is not None:
        return _ago(ago, anchor)
    if _THIS_MONTH.match(text):
        return ResolvedDate(f"{anchor:%Y-%m}", "month")
    if _THIS_YEAR.match(text):
        return ResolvedDate(f"{anchor:%Y}", "year")
    sided = _SIDED_WEEKDAY.match(text)
    if sided is not None:
        return _weekday(sided["day"], anchor, "past" if sided["side"].lower() == "past" else "future")
    found = (
        _dotted(text)
        or _weekday(text, anchor, direction)
        or _relative_year(text, anchor)
        or _month_named(text, anchor)
        or _bare_month(text, anchor, direction)
        or _month_day(text, anchor, direction, tense_known)
        or _parse(text, anchor, direction)
    )
    if found is None and "," in text:
        # "March 31, the end of the fiscal year": a date and an appositive that names it again.
        return resolve(text.split(",")[0], published, direction, tense_known=tense_known)
    return found


# "15.01.2026", "3.4.2026": a dotted numeric date is written day first (Europe, India).
_DOTTED = re.compile(r"^(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>(?:19|20)\d{2})$")


def _dotted(text: str) -> ResolvedDate | None:
    found = _DOTTED.match(text)
    if found is None:
        return None
    try:
        value = date(int(found["y"]), int(found["m"]), int(found["d"]))
    except ValueError:
        return None
    return ResolvedDate(value.isoformat(), "day")


def _ago(match: re.Match[str], anchor: date) -> ResolvedDate:
    count = _COUNTS.get(match["n"].lower()) or int(match["n"])
    if match["unit"].lower().startswith("year"):
        return ResolvedDate(f"{anchor.year - count:04d}", "year")
    months = anchor.year * 12 + anchor.month - 1 - count
    return ResolvedDate(f"{months // 12:04d}-{months % 12 + 1:02d}", "month")


def _weekday(text: str, anchor: date, direction: Direction) -> ResolvedDate | None:
    """A bare weekday is within the week around the publication date, and the
    publication day itself when it is that weekday ("China on Wednesday
    launched" in a Wednesday story); dateparser would move a week."""
    if text.lower() not in _WEEKDAYS:
        return None
    wanted = _WEEKDAYS.index(text.lower())
    if direction == "past":
        day = anchor.toordinal() - (anchor.weekday() - wanted) % 7
    else:
        day = anchor.toordinal() + (wanted - anchor.weekday()) % 7
    return ResolvedDate(date.fromordinal(day).isoformat(), "day")


def _relative_year(text: str, anchor: date) -> ResolvedDate | None:
    """'June 1 last year': that day of the year before the publication year;
    'March next year': that month of the year after it."""
    match = _RELATIVE_YEAR.match(text)
    if match is None:
        return None
    point = match["point"].strip()
    day, month = _MONTH_DAY.match(point), _BARE_MONTH.match(point)
    if day is None and month is None:
        return None
    year = anchor.year + _YEAR_SHIFT[match["which"].lower()]
    if day is not None:
        number = [m[:3] for m in _MONTHS].index((day["mon1"] or day["mon2"]).lower()[:3]) + 1
        try:
            return ResolvedDate(date(year, number, int(day["day1"] or day["day2"])).isoformat(), "day")
        except ValueError:
            return None
    assert month is not None
    number = [m[:3] for m in _MONTHS].index(month["mon"].lower()) + 1
    return ResolvedDate(f"{year:04d}-{number:02d}", "month")


def _month_named(text: str, anchor: date) -> ResolvedDate | None:
    """'last June': the latest June before the publication month; 'next
    April': the first April after it."""
    last, upcoming = _LAST_MONTH_NAMED.match(text), _NEXT_MONTH_NAMED.match(text)
    this = _THIS_MONTH_NAMED.match(text)
    if this is not None:
        month, year = _MONTHS.index(this[1].lower()) + 1, anchor.year
    elif last is not None:
        month = _MONTHS.index(last[1].lower()) + 1
        year = anchor.year if month < anchor.month else anchor.year - 1
    elif upcoming is not None:
        month = _MONTHS.index(upcoming[1].lower()) + 1
        year = anchor.year if month > anchor.month else anchor.year + 1
    else:
        return None
    return ResolvedDate(f"{year:04d}-{month:02d}", "month")


def _bare_month(text: str, anchor: date, direction: Direction) -> ResolvedDate | None:
    """A month with no year: the publication month is this year's; past
    tense looks back to the latest such month, other tenses forward to the
    next, allowing :data:`TENSE_SLACK_MONTHS` back."""
    match = _BARE_MONTH.match(text)
    if match is None:
        return None
    month = [m[:3] for m in _MONTHS].index(match["mon"].lower()) + 1
    behind = (anchor.month - month) % 12  # months from that month to the publication month
    if direction == "past" or behind <= TENSE_SLACK_MONTHS:
        year = anchor.year if month <= anchor.month else anchor.year - 1
    else:
        year = anchor.year if month > anchor.month else anchor.year + 1
    return ResolvedDate(f"{year:04d}-{month:02d}", "month")


def _month_day(
    text: str, anchor: date, direction: Direction, tense_known: bool = True
) -> ResolvedDate | None:
    """A month and day with no year, on the side of the publication date the
    verb's tense points to; but a date within :data:`TENSE_SLACK_DAYS` on the
    other side wins ("takes effect at 12:01 a.m. on Sept. 21" in a story of
    Sept. 22 is that Sept. 21, not next year's). A weekday named with it
    ("Monday, Sept. 21") picks the year in which the day is that weekday."""
    match = _MONTH_DAY.match(text)
    if match is None:
        return None
    month = [m[:3] for m in _MONTHS].index((match["mon1"] or match["mon2"]).lower()[:3]) + 1
    day = int(match["day1"] or match["day2"])
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    if match["wday"]:
        wanted = [w[:3] for w in _WEEKDAYS].index(match["wday"].lower()[:3])
        candidates = [d for d in candidates if d.weekday() == wanted] or candidates
    if not candidates:
        return None
    near = min(candidates, key=lambda d: abs((d - anchor).days))
    sided = [d for d in candidates if (d <= anchor if direction == "past" else d >= anchor)]
    slack = PAST_SLACK_DAYS if direction == "past" and tense_known else TENSE_SLACK_DAYS
    best = near if abs((near - anchor).days) <= slack or not sided else min(
        sided, key=lambda d: abs((d - anchor).days)
    )
    return ResolvedDate(best.isoformat(), "day")


def _parse(text: str, anchor: date, direction: Direction) -> ResolvedDate | None:
    from dateparser.date import DateDataParser  # imported on first use: a second in a fresh process

    base = datetime(anchor.year, anchor.month, anchor.day, 12, 0)
    parser = DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": base,
            "PREFER_DATES_FROM": direction,
            "RETURN_TIME_AS_PERIOD": False,
        },
    )
    data = parser.get_date_data(text)
    if data.date_obj is None:
        return None
    precision = _PRECISIONS.get(data.period or "")
    if precision is None:
        return None
    value = data.date_obj.date()
    return ResolvedDate(_format(value, precision), precision)


def _format(value: date, precision: DatePrecision) -> str:
    if precision == "day":
        return value.isoformat()
    if precision == "month":
        return f"{value:%Y-%m}"
    return f"{value:%Y}"
