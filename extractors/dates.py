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

from extractors.models import DatePrecision

Direction = Literal["past", "future"]

_LEADING = re.compile(r"^(?:on|in|by|since|from|until|as of|at|during|starting|beginning)\s+", re.I)
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
    r"|\b(?:days|months|years)\b|\b(?:day|month|year)\s+(?:later|earlier|before|after)\b",
    re.I,
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")
_LAST_MONTH_NAMED = re.compile(rf"^(?:last|this past) ({'|'.join(_MONTHS)})$", re.I)
_NEXT_MONTH_NAMED = re.compile(rf"^(?:next|this coming) ({'|'.join(_MONTHS)})$", re.I)
# "Sept. 21", "12:01 a.m. on Sept. 21", "Oct 1st": a day of a month, no year.
_MONTH_DAY = re.compile(
    r"^(?:\d{1,2}(?::\d{2})?\s*[ap]\.?m\.?\s*(?:on\s+)?)?"
    r"(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?$",
    re.I,
)
# Days a month-day date may lie on the "wrong" side of the publication date
# for its tense: reports of a change that just took effect keep the future
# tense (the seed stories and the gold set have gaps of 1 to 13 days).
TENSE_SLACK_DAYS = 45
# The last day of the month that every month has.
SAME_DAY_EVERY_MONTH = 28
_PRECISIONS: dict[str, DatePrecision] = {"day": "day", "month": "month", "year": "year"}


@dataclass(frozen=True)
class ResolvedDate:
    """A calendar value as text ('YYYY-MM-DD', 'YYYY-MM', 'YYYY') and its precision."""

    value: str | None
    precision: DatePrecision | None
    note: str | None = None


UNRESOLVED_NO_PUBDATE = ResolvedDate(None, None, "relative date; the article has no publication date")


def resolve(expression: str, published: date | None, direction: Direction) -> ResolvedDate | None:
    """Resolve ``expression``; None when it is not a calendar point at all."""
    text = _LEADING.sub("", " ".join(expression.split())).strip(" ,.")
    if not text or _NOT_A_POINT.search(text):
        return None
    relative = _YEAR.search(text) is None
    if relative and published is None:
        return UNRESOLVED_NO_PUBDATE
    anchor = published or date(1970, 1, 1)
    if _THIS_MONTH.match(text):
        return ResolvedDate(f"{anchor:%Y-%m}", "month")
    if _THIS_YEAR.match(text):
        return ResolvedDate(f"{anchor:%Y}", "year")
    return (
        _weekday(text, anchor, direction)
        or _month_named(text, anchor)
        or _month_day(text, anchor, direction)
        or _bare_month(text, anchor, direction)
        or _parse(text, anchor, direction)
    )


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


def _month_named(text: str, anchor: date) -> ResolvedDate | None:
    """'last June': the latest June before the publication month; 'next
    April': the first April after it."""
    last, upcoming = _LAST_MONTH_NAMED.match(text), _NEXT_MONTH_NAMED.match(text)
    if last is not None:
        month = _MONTHS.index(last[1].lower()) + 1
        year = anchor.year if month < anchor.month else anchor.year - 1
    elif upcoming is not None:
        month = _MONTHS.index(upcoming[1].lower()) + 1
        year = anchor.year if month > anchor.month else anchor.year + 1
    else:
        return None
    return ResolvedDate(f"{year:04d}-{month:02d}", "month")


def _month_day(text: str, anchor: date, direction: Direction) -> ResolvedDate | None:
    """A month and day with no year, on the side of the publication date the
    verb's tense points to; but a date within :data:`TENSE_SLACK_DAYS` on the
    other side wins ("takes effect at 12:01 a.m. on Sept. 21" in a story of
    Sept. 22 is that Sept. 21, not next year's)."""
    match = _MONTH_DAY.match(text)
    if match is None:
        return None
    month = [m[:3] for m in _MONTHS].index(match["mon"].lower()[:3]) + 1
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates.append(date(year, month, int(match["day"])))
        except ValueError:
            continue
    if not candidates:
        return None
    near = min(candidates, key=lambda d: abs((d - anchor).days))
    sided = [d for d in candidates if (d <= anchor if direction == "past" else d >= anchor)]
    best = near if abs((near - anchor).days) <= TENSE_SLACK_DAYS or not sided else min(
        sided, key=lambda d: abs((d - anchor).days)
    )
    return ResolvedDate(best.isoformat(), "day")


def _bare_month(text: str, anchor: date, direction: Direction) -> ResolvedDate | None:
    """'announced in August': what dateparser gives for a month name alone
    (the publication month itself counts as past, not as future), without
    its start-up, about a second of regex building in a fresh process. Not
    "February" after the 28th: dateparser keeps the day and moves to a leap
    year's February. ``tests/extractors/test_dates.py`` compares the two on
    every day a month may end on."""
    name = text.lower()
    if name not in _MONTHS or (name == "february" and anchor.day > SAME_DAY_EVERY_MONTH):
        return None
    month = _MONTHS.index(name) + 1
    if direction == "past":
        year = anchor.year if month <= anchor.month else anchor.year - 1
    else:
        year = anchor.year if month > anchor.month else anchor.year + 1
    return ResolvedDate(f"{year:04d}-{month:02d}", "month")


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
