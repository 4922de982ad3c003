"""Category codes coordinated before one plural head: "the X2 and R visas", "Z, X1 and R visas",
"E-9 and H-2 visas" (``programmes.py``, ``programme_candidates.py``).

News shares the head noun among coordinated codes, and names each code's visa so: the codes before
"and"/"or" are visas as much as the last one, which the table or the code finder reads already.
A coordinated code counts when "<code> visa" is a table programme's spelling (China's letters),
or when it has the shape of a category code ("E-9", "D7"; ``programme_codes.py``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TypeVar

from extractors.components.programme_codes import is_code

T = TypeVar("T")

_ONE = r"(?:[A-Z]{1,2}-?\d{1,2}[A-Z]?|[A-Z])"
_COORDINATED = re.compile(
    rf"(?<![\w.$£€¥'’-])(?P<list>{_ONE}(?:,[ \t]+{_ONE})*,?[ \t]+(?:and|or)[ \t]+){_ONE}[ \t]+visas(?![\w-])"
)
_CODE = re.compile(_ONE)


def coordinated(text: str) -> list[tuple[int, int, str]]:
    """(start, end, code) of each code coordinated before another code's plural "visas"."""
    out = []
    for m in _COORDINATED.finditer(text):
        for c in _CODE.finditer(m["list"]):
            out.append((m.start("list") + c.start(), m.start("list") + c.end(), c.group(0)))
    return out


def coordinated_codes(text: str) -> list[tuple[int, int, str]]:
    """The coordinated codes of the shape of a category code ("E-9"), named by the code alone."""
    return [(s, e, code) for s, e, code in coordinated(text) if is_code(code)]


def coordinated_table_hits(
    text: str, table: Sequence[T], patterns: Callable[[T], Sequence[re.Pattern[str]]]
) -> list[tuple[int, int, T]]:
    """(start, end, programme) of each coordinated code whose "<code> visa" a table pattern spells."""
    out = []
    for start, end, code in coordinated(text):
        probe = f"{code} visa"
        programme = next((p for p in table if any(x.fullmatch(probe) for x in patterns(p))), None)
        if programme is not None:
            out.append((start, end, programme))
    return out
