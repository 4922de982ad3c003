"""``newsfacts timeline --html``: one self-contained page per programme.

Inline CSS and an inline SVG chart, no script, no fonts, no images: the page
opens offline. Links to the sources are plain anchors (followed only on click).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from html import escape

from store.queries import TimelineRow
from store.report import ConflictRow, ProgrammeReport, QuoteRow, StoryRow

CHART_WIDTH = 960
ROW_HEIGHT = 34
LABEL_CHAR_WIDTH = 6.6  # px per character of a 12px sans-serif label, measured on the screenshot
MARGIN_LEFT = 120
MARGIN_RIGHT = 40
AXIS_HEIGHT = 34
PALETTE = ("#2f6fb3", "#c2571a", "#2e8b57", "#8a4fb4", "#b8860b", "#c0392b", "#4a6572")

_CSS = """
:root { color-scheme: light; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0;
       background: #f4f5f7; color: #1d2330; }
main { max-width: 1000px; margin: 0 auto; padding: 24px 20px 48px; }
header h1 { margin: 0 0 4px; font-size: 28px; }
header p { margin: 0; color: #566074; }
section { background: #fff; border: 1px solid #dde1e8; border-radius: 8px; padding: 16px 20px;
          margin-top: 18px; }
h2 { font-size: 18px; margin: 0 0 12px; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid #eceef2; vertical-align: top; }
th { color: #566074; font-weight: 600; }
.num { text-align: right; white-space: nowrap; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px;
         background: #e8eef7; color: #2f4b73; margin-right: 4px; }
.badge.warn { background: #fdecea; color: #a3261b; }
.conflict { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; margin-bottom: 14px;
            align-items: start; }
.claim { border: 2px solid #f0c7c2; border-radius: 8px; padding: 10px 12px; background: #fffafa; }
.claim b { font-size: 16px; }
.claim ul, .story ul { margin: 6px 0 0; padding-left: 18px; font-size: 13px; word-break: break-all; }
blockquote { margin: 0 0 12px; padding: 8px 14px; border-left: 4px solid #2f6fb3; background: #f7f9fc; }
blockquote p { margin: 0 0 4px; font-size: 15px; }
blockquote footer { color: #566074; font-size: 13px; }
.empty { color: #566074; font-style: italic; }
svg text { font-family: system-ui, sans-serif; }
"""


def render_page(report: ProgrammeReport) -> str:
    """The whole HTML document for ``report``."""
    stories = len(report.stories)
    outlets = len({o for s in report.stories for o in s.outlets})
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Timeline: {escape(report.programme)}</title><style>{_CSS}</style></head><body><main>",
        f"<header><h1>{escape(report.programme)}</h1><p>{len(report.timeline)} dated entries from "
        f"{stories} {_plural(stories, 'story', 'stories')} in {outlets} {_plural(outlets, 'outlet')}; "
        f"{len(report.conflicts)} {_plural(len(report.conflicts), 'conflict')}.</p></header>",
        _section("Events over time", chart(report.timeline)),
        _section("Timeline", _timeline_table(report.timeline)),
        _section("Conflicts", _conflicts(report.conflicts)),
        _section("Quotes", _quotes(report.quotes)),
        _section("Stories", _stories(report.stories)),
        "</main></body></html>",
    ]
    return "\n".join(parts) + "\n"


def _section(title: str, body: str) -> str:
    return f"<section><h2>{escape(title)}</h2>{body}</section>"


def _plural(n: int, one: str, many: str | None = None) -> str:
    return one if n == 1 else (many or one + "s")


def date_span(value: str | None, precision: str | None) -> tuple[dt.date, dt.date] | None:
    """First and last day a date of ``precision`` covers ("2025-08", month: Aug 1-31)."""
    if not value:
        return None
    try:
        parts = [int(p) for p in value.split("-")]
    except ValueError:
        return None
    year = parts[0]
    if precision == "year" or len(parts) == 1:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    month = parts[1]
    if precision == "month" or len(parts) == 2:
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    day = dt.date(year, month, parts[2])
    return day, day


def chart(rows: Sequence[TimelineRow]) -> str:
    """An SVG with one line per dated entry, its type on the left, each at its date.

    A day is a dot sized by its outlets; a month or year is a bar over the
    whole period it may be in, so a vague date does not look exact.
    """
    dated = [(row, span) for row in rows if (span := date_span(row.date, row.precision))]
    if not dated:
        return '<p class="empty">No dated events or fees.</p>'
    types: list[str] = list(dict.fromkeys(row.event_type or row.kind for row, _ in dated))
    start = min(s for _, (s, _) in dated) - dt.timedelta(days=10)
    end = max(e for _, (_, e) in dated) + dt.timedelta(days=10)
    days = max((end - start).days, 1)
    height = AXIS_HEIGHT + ROW_HEIGHT * len(dated) + 10

    def x(day: dt.date) -> float:
        return MARGIN_LEFT + (CHART_WIDTH - MARGIN_LEFT - MARGIN_RIGHT) * (day - start).days / days

    out = [
        f'<svg role="img" aria-label="Events over time" viewBox="0 0 {CHART_WIDTH} {height}" '
        f'width="100%" xmlns="http://www.w3.org/2000/svg">'
    ]
    for i, (row, _) in enumerate(dated):
        out.append(_row_label(row, i, PALETTE[types.index(row.event_type or row.kind) % len(PALETTE)]))
    out.extend(_month_ticks(start, end, x, height))
    for i, (row, (first, last)) in enumerate(dated):
        colour = PALETTE[types.index(row.event_type or row.kind) % len(PALETTE)]
        out.append(_mark(row, x(first), x(last + dt.timedelta(days=1)), i, colour))
    out.append("</svg>")
    return "".join(out)


def _row_label(row: TimelineRow, index: int, colour: str) -> str:
    y = AXIS_HEIGHT + index * ROW_HEIGHT
    fill = "#f7f9fc" if index % 2 == 0 else "#ffffff"
    what = (row.event_type or row.kind).replace("_", " ")
    return (
        f'<rect x="0" y="{y}" width="{CHART_WIDTH}" height="{ROW_HEIGHT}" fill="{fill}"/>'
        f'<text x="10" y="{y + ROW_HEIGHT / 2 + 5}" font-size="14" font-weight="600" '
        f'fill="{colour}">{escape(what)}</text>'
    )


def _month_ticks(
    start: dt.date, end: dt.date, x: Callable[[dt.date], float], height: int
) -> Iterable[str]:
    month = dt.date(start.year, start.month, 1)
    while month <= end:
        if month >= start:
            pos = x(month)
            yield (
                f'<line x1="{pos:.1f}" y1="{AXIS_HEIGHT - 6}" x2="{pos:.1f}" y2="{height - 10}" '
                'stroke="#d5dae3"/>'
            )
            yield (
                f'<text x="{pos + 4:.1f}" y="{AXIS_HEIGHT - 12}" font-size="12" fill="#566074">'
                f"{month.strftime('%b %Y')}</text>"
            )
        month = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)


def _mark(row: TimelineRow, x0: float, x1: float, index: int, colour: str) -> str:
    mid = AXIS_HEIGHT + index * ROW_HEIGHT + ROW_HEIGHT / 2
    what = row.detail if row.kind == "fee" else f"{row.date} ({row.precision})"
    label = (
        f"{_short(what)} · {row.n_stories} {_plural(row.n_stories, 'story', 'stories')}, "
        f"{row.n_outlets} {_plural(row.n_outlets, 'outlet')}"
    )
    title = f"<title>{escape(row.detail)}</title>"
    if row.precision == "day":
        radius = 4 + min(row.n_outlets, 6)
        shape = (
            f'<circle cx="{x0:.1f}" cy="{mid:.1f}" r="{radius}" fill="{colour}" fill-opacity="0.85">'
            f"{title}</circle>"
        )
        left, right = x0 - radius - 6, x0 + radius + 6
    else:
        shape = (
            f'<rect x="{x0:.1f}" y="{mid - 7:.1f}" width="{max(x1 - x0, 4):.1f}" height="14" rx="7" '
            f'fill="{colour}" fill-opacity="0.55">{title}</rect>'
        )
        left, right = x0 - 6, x1 + 6
    # Right of the mark if the label fits there, else left of it if it fits
    # there without covering the row's type, else right (clipped at the edge).
    width = len(label) * LABEL_CHAR_WIDTH
    if right + width <= CHART_WIDTH or left - width < MARGIN_LEFT:
        text = f'<text x="{right:.1f}" y="{mid + 4:.1f}" font-size="12" fill="#1d2330">{escape(label)}</text>'
    else:
        text = (
            f'<text x="{left:.1f}" y="{mid + 4:.1f}" font-size="12" fill="#1d2330" '
            f'text-anchor="end">{escape(label)}</text>'
        )
    return shape + text


def _short(text: str, limit: int = 44) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _timeline_table(rows: Sequence[TimelineRow]) -> str:
    if not rows:
        return '<p class="empty">Nothing stored for this programme.</p>'
    head = (
        "<tr><th>Date</th><th>Precision</th><th>What</th><th>Detail</th><th class=num>Stories</th>"
        "<th class=num>Outlets</th><th>First reported</th></tr>"
    )
    body = "".join(
        f"<tr><td>{escape(r.date or 'undated')}</td><td>{escape(r.precision or '')}</td>"
        f"<td>{escape((r.event_type or r.kind).replace('_', ' '))}</td><td>{escape(r.detail)}</td>"
        f"<td class=num>{r.n_stories}</td><td class=num>{r.n_outlets}</td>"
        f"<td>{escape(r.first_reported_at.isoformat() if r.first_reported_at else '')}</td></tr>"
        for r in rows
    )
    return f"<table>{head}{body}</table>"


def _conflicts(rows: Sequence[ConflictRow]) -> str:
    if not rows:
        return '<p class="empty">No disagreeing claims.</p>'
    return "".join(
        f'<p><span class="badge warn">{escape(c.kind)}</span><b>{escape(c.subject)}</b></p>'
        f'<div class="conflict">{_claim(c.claim_a, c.sources_a, c.stories_a, c.outlets_a)}'
        f"{_claim(c.claim_b, c.sources_b, c.stories_b, c.outlets_b)}</div>"
        for c in rows
    )


def _claim(claim: str, sources: Sequence[str], stories: int, outlets: int) -> str:
    links = "".join(f'<li><a href="{escape(u)}">{escape(u)}</a></li>' for u in sources)
    return (
        f'<div class="claim"><b>{escape(claim.replace("_", " "))}</b><br>'
        f'<span class="badge">{stories} {_plural(stories, "story", "stories")}</span>'
        f'<span class="badge">{outlets} {_plural(outlets, "outlet")}</span><ul>{links}</ul></div>'
    )


def _quotes(rows: Sequence[QuoteRow]) -> str:
    if not rows:
        return '<p class="empty">No quotes.</p>'
    return "".join(
        f"<blockquote><p>{'“' + escape(q.text) + '”' if q.direct else escape(q.text)}</p>"
        f"<footer>{escape(q.speaker or 'unnamed')} · {q.n_stories} "
        f"{_plural(q.n_stories, 'story', 'stories')}, {q.n_outlets} {_plural(q.n_outlets, 'outlet')}"
        f"{'' if q.direct else ' · paraphrased'}</footer></blockquote>"
        for q in rows
    )


def _stories(rows: Sequence[StoryRow]) -> str:
    if not rows:
        return '<p class="empty">No stories.</p>'
    return "".join(
        f'<div class="story"><b>{escape(s.title or s.story_id)}</b> '
        f'<span class="badge">{escape(s.wire or "no wire credit")}</span>'
        f'<span class="badge">{s.n_outlets} {_plural(s.n_outlets, "outlet")}</span>'
        f"<ul><li>{escape(', '.join(s.outlets))}</li></ul></div>"
        for s in rows
    )
