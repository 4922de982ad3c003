"""Plain-text rendering for the CLI: tables, summaries, timelines."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from flows.pipeline import Extraction
from store.queries import TimelineRow
from store.writer import SaveResult

MAX_CELL = 60


def table(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """A fixed-width text table; long cells are cut with an ellipsis."""
    cells = [[_cell(v) for v in row] for row in rows]
    widths = [max([len(c), *(len(r[i]) for r in cells)]) for i, c in enumerate(columns)]
    lines = [
        "  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)),
        "  ".join("-" * w for w in widths),
        *("  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)) for r in cells),
    ]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(line.rstrip() for line in lines)


def _cell(value: Any) -> str:
    text = "NULL" if value is None else " ".join(str(value).split())
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def ingest_summary(extraction: Extraction, saved: SaveResult) -> str:
    """Two lines: what was stored, and the facts by kind."""
    article = extraction.article
    kinds = Counter(f.kind for f in extraction.facts)
    by_kind = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())) or "no facts"
    date = article.published_at.isoformat() if article.published_at else "undated"
    return (
        f"stored {article.title or article.url!s} ({article.site or 'unknown site'}, {date}) "
        f"as {saved.article_id}\n"
        f"{len(extraction.facts)} facts ({saved.new_facts} new): {by_kind}"
    )


def monitor_summary(summary: dict[str, Any]) -> str:
    """The run summary, one line plus one line per failed item."""
    failed: dict[str, str] = summary.get("failed", {})
    head = (
        f"monitor: {summary['discovered']} items, {summary['skipped_known']} already stored, "
        f"{summary['ingested']} ingested, {summary['new_facts']} new facts, {len(failed)} failed"
    )
    lines = [head, *(f"  failed: {reason}" for reason in failed.values())]
    alerts: list[str] = summary.get("alerts", [])
    if alerts or summary.get("alerts_pending"):
        lines.append(f"alerts: {len(alerts)} new, {summary.get('alerts_pending', 0)} not delivered yet")
        lines.extend(f"  alert: {title}" for title in alerts)
    return "\n".join(lines)


def timeline_text(programme: str, rows: Sequence[TimelineRow]) -> str:
    """A programme's timeline, one entry per line with its sources beneath."""
    if not rows:
        return f"{programme}: no dated events or fees stored"
    lines = [f"Timeline: {programme}"]
    for row in rows:
        what = row.event_type or row.kind
        lines.append(f"  {row.date or 'undated':<10}  {row.precision or '':<5}  {what:<12}  {row.detail}")
        sites = ", ".join(row.sites) if row.sites else ""
        lines.append(f"  {'':<31}{row.n_sources} source(s): {sites}")
        lines.extend(f"  {'':<33}{url}" for url in row.sources)
    return "\n".join(lines)
