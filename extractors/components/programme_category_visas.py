"""A category name with the visa it grants after it: "the Parent Category residence visa", "the
Skilled Migrant Category Resident Visa".

Governments that sort residence applicants into categories (New Zealand's "Skilled Migrant
Category", "Parent Category") name the visa a category grants by the category and the visa's
kind, and news writes that whole phrase as the programme's name, in either casing of the kind.
Only "residence" and "resident" visas count: "the Provincial Nominee Program work permit" is a
permit obtained through a programme, not the programme's name.
"""

from __future__ import annotations

import re

_VISA = re.compile(r"[ \t]+(?:[Rr]esidence|[Rr]esident)[ \t]+[Vv]isa(?![\w-])")


def with_category_visa(text: str, end: int, name: str) -> tuple[int, str]:
    """The name ending at ``end`` extended by the residence visa written after it when the name
    ends in "Category"; else ``end`` and ``name`` unchanged."""
    if not name.endswith("Category"):
        return end, name
    m = _VISA.match(text, end)
    if m is None:
        return end, name
    return m.end(), name + " " + " ".join(m.group(0).split())
