"""One-line messages from DuckDB's multi-line errors."""

from __future__ import annotations


def first_line(exc: BaseException) -> str:
    """The first line of ``exc``'s message (DuckDB appends hints and context below it)."""
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__
