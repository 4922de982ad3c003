"""A programme's former name is that programme: "the Thailand Privilege Card, formerly the
Thailand Elite Visa", "the Skills in Demand visa (formerly known as the Temporary Skill Shortage
visa)".

News gives a renamed programme's old name beside the new one, after "formerly" or "previously"
("known as", "called"), in commas or parentheses. The old name is found as a name of its own, and
would count as a second programme; it is the same programme, under the name it has now, in every
mention of the article. "which
replaced the X" names another programme, and stays two.
"""

from __future__ import annotations

import re

_FORMERLY = re.compile(
    r"[ \t]*[,(][ \t]*(?:formerly|previously|once)(?:[ \t]+(?:known[ \t]+as|called|named))?"
    r"[ \t]+(?:the[ \t]+)?$"
)


def renamed(text: str, hits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """``hits`` (start, end, name) with each name that follows another after "formerly" named, in
    every mention, as the one before it."""
    ordered = sorted(hits)
    new_names: dict[str, str] = {}
    for i, (start, _, name) in enumerate(ordered):
        before = [h for h in ordered[:i] if h[1] <= start and _FORMERLY.fullmatch(text, h[1], start)]
        if before and before[-1][2] != name:
            new_names.setdefault(name, before[-1][2])
    return [(s, e, new_names.get(n, n)) for s, e, n in ordered]
