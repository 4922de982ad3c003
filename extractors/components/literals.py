"""The text every match of a regular expression must contain, to skip it cheaply.

Ninety-odd programme patterns scanned a whole article each, a sixth of the
fact components' time on the bench pages, though an article names a few
programmes at most. A pattern such as ``\\bSkilled Worker (?:visas?|route)\\b``
cannot match a text without "Skilled Worker ", and ``str.__contains__`` tells
that in a fraction of the time ``finditer`` takes to find nothing.

:func:`required_literal` reads the pattern's parse (the standard library's
own parser) and takes the longest run of plain characters that every match
contains: literals in sequence at the top level or in a group without flags
of its own. Anything else (a class, an optional or repeated part, an
alternation, a zero-width test) ends a run, which only ever makes the
literal shorter, never wrong. A pattern it cannot read, or a case-insensitive
one, has no literal and is always scanned.
"""

from __future__ import annotations

import re
from importlib import import_module
from typing import Any

# The standard library's own regex parser (``sre_parse`` before Python 3.11),
# which the typeshed stubs do not describe.
_sre: Any = import_module("re._constants")
_sre_parse: Any = import_module("re._parser")


def required_literal(pattern: re.Pattern[str]) -> str | None:
    """The longest text every match of ``pattern`` contains, or None when there is none to rely on."""
    if pattern.flags & re.IGNORECASE:
        return None
    try:
        items = list(_sre_parse.parse(pattern.pattern, pattern.flags))
    except (re.error, TypeError, ValueError):
        return None
    best, run = "", ""
    for op, arg in _flattened(items):
        if op is _sre.LITERAL:
            run += chr(arg)
            best = max(best, run, key=len)
        else:
            run = ""
    return best or None


def _flattened(items: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """The sequence with plain groups opened in place (a group with flags of its own stays closed)."""
    out: list[tuple[Any, Any]] = []
    for op, arg in items:
        if op is _sre.SUBPATTERN and not arg[1] and not arg[2]:
            out.extend(_flattened(list(arg[3])))
        else:
            out.append((op, arg))
    return out
