"""Programmes named by a category code the table lacks: "the D-10 visa", "an E-9 visa",
"the subclass 482 visa", "Subclass 491 visas".

Many countries name their visas by a letter-and-number code (South Korea's
D-2, E-9, F-4; Australia's subclasses) and news writes the code before
"visa". A code the programme table holds (H-1B, F-1, E-7, ...) is the
table's; any other code before "visa" is a programme of its own, whose
country the context gives. A bare number is a code only after "subclass"
("the 2026 visa" is a year). Pure text in, (start, end, name) out.
"""

from __future__ import annotations

import re

_CODE = re.compile(
    r"(?<![\w.$£€¥-])(?:(?P<sub>[Ss]ubclass)[ \t]+(?P<number>\d{3})"
    r"|(?P<code>[A-Z]{1,2}-\d{1,2}(?:-[A-Z0-9]{1,2})?))"
    r"[ \t]+(?P<head>visas?)(?![\w-])"
)


def code_programmes(text: str) -> list[tuple[int, int, str]]:
    """(start, end, canonical name) of each code-named visa: "D-10 visa", "subclass 482 visa"."""
    found = []
    for m in _CODE.finditer(text):
        code = f"subclass {m['number']}" if m["sub"] else m["code"]
        found.append((m.start(), m.end(), f"{code} visa"))
    return found
