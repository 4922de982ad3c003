"""``newsfacts alerts`` and ``newsfacts digest``: stored alerts listed, or a day of them as a digest.

The digest is what changed in a window (a UTC day, or since a time), grouped
by the topic label of the rule that raised each alert, with the facts and
sources behind every alert: as Markdown, and as a self-contained HTML page
(inline CSS, no script, no fonts, no images: it opens offline and in mail).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from flows.settings import resolve_db
from sources.errors import UsageError
from store.alerts import Alert, list_alerts
from store.db import open_store

NO_TOPIC = "Other"
_DURATION = re.compile(r"^\s*(\d+)\s*([mhdw])\s*$")
_UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


@dataclass(frozen=True)
class Window:
    """``[start, end)`` in UTC (naive, as the store keeps times)."""

    start: dt.datetime
    end: dt.datetime

    def label(self) -> str:
        """``2025-10-01`` for a whole UTC day, else ``from ... to ... UTC``."""
        if self.end - self.start == dt.timedelta(days=1) and self.start.time() == dt.time(0):
            return self.start.date().isoformat()
        return f"{self.start:%Y-%m-%d %H:%M} to {self.end:%Y-%m-%d %H:%M} UTC"


def parse_since(text: str, now: dt.datetime) -> dt.datetime:
    """``2025-10-01``, ``2025-10-01T12:00`` (UTC unless it says) or a duration back from ``now``:
    ``30m``, ``24h``, ``7d``, ``2w``."""
    match = _DURATION.match(text)
    if match:
        return now - dt.timedelta(**{_UNITS[match[2]]: int(match[1])})
    try:
        moment = dt.datetime.fromisoformat(text.strip())
    except ValueError as exc:
        expected = "expected a date (2025-10-01), a time or a duration (24h, 7d)"
        raise UsageError(f"--since {text!r}: {expected}") from exc
    return moment.astimezone(dt.UTC).replace(tzinfo=None) if moment.tzinfo else moment


def day_window(text: str) -> Window:
    """The UTC day ``YYYY-MM-DD``."""
    try:
        day = dt.date.fromisoformat(text.strip())
    except ValueError as exc:
        raise UsageError(f"--day {text!r}: expected YYYY-MM-DD") from exc
    start = dt.datetime.combine(day, dt.time(0))
    return Window(start, start + dt.timedelta(days=1))


def window(since: str | None, day: str | None, now: dt.datetime | None = None) -> Window:
    """The window a command asks for: ``--day``, else ``--since`` up to now, else the last 24 hours."""
    current = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(tzinfo=None)
    if day:
        return day_window(day)
    return Window(parse_since(since or "24h", current), current + dt.timedelta(microseconds=1))


def load_alerts(db: str | None, span: Window | None) -> list[Alert]:
    """The store's alerts in ``span`` (all if None), oldest first."""
    con = open_store(resolve_db(db), read_only=True)
    try:
        if span is None:
            return list_alerts(con)
        return list_alerts(con, since=span.start, until=span.end)
    finally:
        con.close()


def by_topic(alerts: Sequence[Alert]) -> list[tuple[str, list[Alert]]]:
    """Alerts grouped by topic: named topics alphabetically, then those without one."""
    groups: dict[str, list[Alert]] = {}
    for alert in alerts:
        groups.setdefault(alert.topic or NO_TOPIC, []).append(alert)
    return sorted(groups.items(), key=lambda item: (item[0] == NO_TOPIC, item[0].casefold()))


def fact_summary(fact: dict[str, str]) -> str:
    """The store's one-line summary of a fact; a fee's period reads as words ("per year")."""
    summary = fact.get("summary") or fact["fact_id"]
    return summary.replace("_", " ") if fact.get("kind") == "fee" else summary


def _rule_names(alert: Alert) -> str:
    return " + ".join(r.replace("_", " ") for r in alert.rules)


def _counts(alerts: Sequence[Alert]) -> str:
    rules = Counter(alert.rule.replace("_", " ") for alert in alerts)
    return ", ".join(f"{n} {rule}" for rule, n in sorted(rules.items()))


# --- Markdown -----------------------------------------------------------------


def render_markdown(span: Window, alerts: Sequence[Alert]) -> str:
    """The digest as Markdown."""
    groups = by_topic(alerts)
    lines = [f"# newsfacts digest: {span.label()}", ""]
    if not alerts:
        return "\n".join([*lines, "Nothing changed: no alerts in this window.", ""])
    lines += [f"{len(alerts)} {_plural(len(alerts), 'alert')} in {len(groups)} "
              f"{_plural(len(groups), 'topic')} ({_counts(alerts)}).", ""]  # fmt: skip
    for topic, members in groups:
        lines += [f"## {_md(topic)} ({len(members)})", ""]
        for alert in members:
            lines += _markdown_alert(alert)
    return "\n".join(lines)


def _markdown_alert(alert: Alert) -> list[str]:
    meta = [_rule_names(alert), alert.programme, f"{alert.created_at:%Y-%m-%d %H:%M} UTC"]
    lines = [f"### {_md(alert.title)}", "", f"*{' · '.join(_md(m) for m in meta if m)}*", ""]
    lines += [f"- {_md(f['kind'].replace('_', ' '))}: {_md(fact_summary(f))}" for f in alert.facts]
    if alert.facts:
        lines.append("")
    lines.append("Sources:")
    for source in alert.source_details:
        line = f"- [{_md(source.get('site') or source['url'])}]({source['url']}) {_md(_source_note(source))}"
        said = [fact_summary(f) for f in alert.facts if f["fact_id"] in source.get("fact_ids", [])]
        says = f" — says: {_md('; '.join(said))}" if len(alert.facts) > 1 and said else ""
        lines.append(line.rstrip() + says)
    return [*lines, ""]


def _source_note(source: dict[str, object]) -> str:
    """``(2025-09-29, “Title”)`` from what the source has, plain text."""
    parts = [str(source["published_at"]) if source.get("published_at") else None,
             f"“{source['title']}”" if source.get("title") else None]  # fmt: skip
    kept = [p for p in parts if p]
    return f"({', '.join(kept)})" if kept else ""


def _md(text: str) -> str:
    """One line, with Markdown's link and emphasis characters escaped."""
    return re.sub(r"([\\`*_\[\]<>#|])", r"\\\1", " ".join(str(text).split()))


# --- HTML ---------------------------------------------------------------------

_CSS = """
:root { color-scheme: light; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0;
       background: #f4f5f7; color: #1d2330; }
main { max-width: 960px; margin: 0 auto; padding: 24px 20px 48px; }
header h1 { margin: 0 0 4px; font-size: 26px; }
header p { margin: 0; color: #566074; }
section { margin-top: 22px; }
h2 { font-size: 19px; margin: 0 0 10px; padding-bottom: 4px; border-bottom: 2px solid #dde1e8; }
h2 small { color: #566074; font-weight: 500; }
article { background: #fff; border: 1px solid #dde1e8; border-left: 5px solid #2f6fb3;
          border-radius: 8px; padding: 12px 16px; margin-bottom: 12px; }
article.conflict { border-left-color: #c0392b; }
article h3 { font-size: 16px; margin: 0 0 6px; }
.meta { color: #566074; font-size: 13px; margin: 0 0 8px; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px;
         background: #e8eef7; color: #2f4b73; margin-right: 4px; }
.badge.warn { background: #fdecea; color: #a3261b; }
.cols { display: grid; grid-template-columns: 1fr 1fr; gap: 14px; }
.cols h4 { margin: 0 0 4px; font-size: 12px; text-transform: uppercase; letter-spacing: .04em;
           color: #566074; }
ul { margin: 0; padding-left: 18px; font-size: 14px; }
li { margin-bottom: 3px; }
a { color: #1f5fa8; word-break: break-all; }
.note { color: #566074; font-size: 13px; }
.says { font-size: 13px; color: #a3261b; }
.empty { color: #566074; font-style: italic; }
@media (max-width: 640px) { .cols { grid-template-columns: 1fr; } }
"""


def render_html(span: Window, alerts: Sequence[Alert]) -> str:
    """The digest as one self-contained HTML document."""
    groups = by_topic(alerts)
    summary = (
        f"{len(alerts)} {_plural(len(alerts), 'alert')} in {len(groups)} {_plural(len(groups), 'topic')}"
        f" ({escape(_counts(alerts))})." if alerts else "Nothing changed: no alerts in this window."
    )
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>newsfacts digest: {escape(span.label())}</title><style>{_CSS}</style></head><body><main>",
        f"<header><h1>What changed: {escape(span.label())}</h1><p>{summary}</p></header>",
        *(_html_topic(topic, members) for topic, members in groups),
        "</main></body></html>",
    ]
    return "\n".join(parts) + "\n"


def _html_topic(topic: str, alerts: Sequence[Alert]) -> str:
    cards = "".join(_html_alert(alert) for alert in alerts)
    return f"<section><h2>{escape(topic)} <small>· {len(alerts)}</small></h2>{cards}</section>"


def _html_alert(alert: Alert) -> str:
    conflict = bool({"new_conflict", "event_moved"} & set(alert.rules)) or "conflict" in alert.title
    badges = "".join(
        f'<span class="badge{" warn" if r in ("new_conflict", "event_moved") else ""}">'
        f"{escape(r.replace('_', ' '))}</span>"
        for r in alert.rules
    )
    meta = " · ".join(
        escape(part) for part in (alert.programme, f"{alert.created_at:%Y-%m-%d %H:%M} UTC") if part
    )
    facts = "".join(
        f"<li><b>{escape(f['kind'].replace('_', ' '))}</b>: {escape(fact_summary(f))}</li>"
        for f in alert.facts
    ) or '<li class="empty">no single fact: the story itself</li>'
    sources = "".join(
        f'<li><a href="{escape(s["url"])}">{escape(s.get("site") or s["url"])}</a>'
        f'<span class="note"> {escape(_source_note(s))}</span>{_states(alert, s)}</li>'
        for s in alert.source_details
    )
    return (
        f'<article class="{"conflict" if conflict else "change"}"><h3>{escape(alert.title)}</h3>'
        f'<p class="meta">{badges} {meta}</p>'
        f'<div class="cols"><div><h4>Facts</h4><ul>{facts}</ul></div>'
        f"<div><h4>Sources</h4><ul>{sources}</ul></div></div></article>"
    )


def _states(alert: Alert, source: dict[str, Any]) -> str:
    """Which of the alert's facts this source states, when the alert has several (a conflict's sides)."""
    if len(alert.facts) < 2:
        return ""
    summaries = {f["fact_id"]: fact_summary(f) for f in alert.facts}
    said = [summaries[fid] for fid in source.get("fact_ids", []) if fid in summaries]
    return f'<br><span class="says">says: {escape("; ".join(said))}</span>' if said else ""


def _plural(n: int, one: str) -> str:
    return one if n == 1 else one + "s"


# --- the commands --------------------------------------------------------------


def write_digest(
    db: str | None, since: str | None, day: str | None, *, md: str | None, html: str | None
) -> str:
    """Render the digest of the window; write the files asked for, else return the Markdown."""
    span = window(since, day)
    alerts = load_alerts(db, span)
    if not md and not html:
        return render_markdown(span, alerts).rstrip("\n")
    written = []
    for target, text in ((md, render_markdown), (html, render_html)):
        if target:
            written.append(str(_write(target, text(span, alerts))))
    return f"wrote {' and '.join(written)} ({len(alerts)} {_plural(len(alerts), 'alert')}, {span.label()})"


def _write(target: str, text: str) -> Path:
    path = Path(target).expanduser()
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from exc
    return path


# --- the commands' text output -------------------------------------------------


def alert_rows(alerts: Sequence[Alert]) -> tuple[list[str], list[tuple[object, ...]]]:
    """Columns and rows for ``newsfacts alerts``."""
    columns = ["created_at", "rule", "topic", "title", "sites", "delivered"]
    rows: list[tuple[object, ...]] = [
        (f"{a.created_at:%Y-%m-%d %H:%M}", " + ".join(a.rules), a.topic or "", a.title, ", ".join(a.sites),
         "yes" if a.delivered_at else (f"no ({a.attempts} tries)" if a.attempts else "no"))
        for a in alerts
    ]  # fmt: skip
    return columns, rows
