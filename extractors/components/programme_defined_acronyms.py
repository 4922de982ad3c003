"""An acronym the article defines in parentheses after a name it gives: "an Electronic Travel
Authorisation (eTA)" in a story on Kenya is Kenya's, not the programme the table knows by the
same letters (Canada's eTA). The table's reading of the parenthesised letters is dropped, and the
name before them stands for the programme.
"""

from __future__ import annotations

import re
from typing import TypeVar

H = TypeVar("H", bound=tuple[int, int, object])

# A capitalised name ending in a programme noun, right before the opening parenthesis.
_NAME_BEFORE = re.compile(
    r"[A-Z][\w-]*[ \t]+(?:Visas?|Pass|Cards?|Permits?|Authori[sz]ations?|Schemes?|Programmes?"
    r"|Programs?|Residency|Stamp)[ \t]*\($"
)


def defined_here(text: str, hits: list[H]) -> list[H]:
    """The table hits, where letters in parentheses right after a name are that name's acronym
    here: after another table programme's name they are a mention of it (dropped, the name stands
    for both; "Optional Practical Training (OPT)" is one programme and stays), after a capitalised
    name the table lacks they are that name's (dropped, the name finder reads it)."""
    ends = {e: p for _, e, p in hits}
    out = []
    for hit in hits:
        start, end = hit[0], hit[1]
        opening = text.rfind("(", max(0, start - 2), start + 1)
        if opening >= 0 and text[end : end + 1] == ")" and text[opening + 1 : start].strip() == "" \
                and (any(opening - 2 <= e <= opening and p is not hit[2] for e, p in ends.items())
                     or _NAME_BEFORE.search(text, max(0, opening - 80), opening + 1)):  # fmt: skip
            continue
        out.append(hit)
    return out
