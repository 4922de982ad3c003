"""One-line messages from DuckDB's errors, and the Ctrl-C that DuckDB turns into one."""

from __future__ import annotations

import duckdb


def first_line(exc: BaseException) -> str:
    """The first line of ``exc``'s message (DuckDB appends hints and context below it)."""
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


def is_ctrl_c(exc: BaseException) -> bool:
    """Whether ``exc`` is how DuckDB reports a Ctrl-C that landed while it ran a statement.

    Its Python client gives one of three: an ``InterruptException`` (an
    ordinary ``duckdb.Error``); when the signal is seen while it waits on a
    pending query, a plain ``RuntimeError("Query interrupted")``; and when the
    ``KeyboardInterrupt`` was raised in Python code it called (reading a
    registered Arrow table), an error that names it ("KeyboardInterrupt:
    <EMPTY MESSAGE>").
    """
    if isinstance(exc, duckdb.InterruptException):
        return True
    if type(exc) is RuntimeError and str(exc) == "Query interrupted":
        return True
    return isinstance(exc, duckdb.Error | RuntimeError) and "KeyboardInterrupt" in first_line(exc)


def reraise_ctrl_c(exc: BaseException) -> None:
    """Raise :class:`KeyboardInterrupt` from ``exc`` when it is a Ctrl-C (:func:`is_ctrl_c`).

    Translated into a :class:`~sources.errors.StoreError` like any other DuckDB
    error, the Ctrl-C would be one failed article, and ``monitor`` would save
    the rest of the batch one by one and go on: the Ctrl-C would be lost.
    Every translation of a DuckDB error calls this first (after its
    rollback), so the interrupt stops the command as Ctrl-C does.
    """
    if is_ctrl_c(exc):
        raise KeyboardInterrupt from exc
