"""Compare extracted facts with hand-annotated golden facts.

A golden fact names only the fields it pins down; ``text_contains`` and
``evidence`` match by substring (of the quote text and of the fact's sentence
or evidence span), ``roles`` and ``affiliations`` by inclusion, numbers by
value. Used by the golden tests and by evaluation over a gold set.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

_IGNORED = frozenset({"kind", "why", "note", "notes"})
_LISTS = frozenset({"roles", "affiliations"})


def matches(expected: Mapping[str, Any], actual: Mapping[str, Any]) -> bool:
    """True when ``actual`` has every field ``expected`` pins down."""
    if expected.get("kind") != actual.get("kind"):
        return False
    return all(_field(key, want, actual) for key, want in expected.items() if key not in _IGNORED)


def _field(key: str, want: Any, actual: Mapping[str, Any]) -> bool:
    if key == "text_contains":
        return str(want) in str(actual.get("text", ""))
    if key == "evidence":
        return str(want) in str(actual.get("sentence", "")) or str(want) in str(actual.get("description", ""))
    if key in _LISTS:
        return set(want) <= set(actual.get(key) or ())
    got = actual.get(key)
    if isinstance(want, int | float) and isinstance(got, int | float) and not isinstance(want, bool):
        return math.isclose(float(want), float(got), rel_tol=1e-9)
    return bool(got == want)


@dataclass
class Comparison:
    """How one article's facts compare with its golden facts."""

    missed: list[Mapping[str, Any]] = field(default_factory=list)
    spurious: list[Mapping[str, Any]] = field(default_factory=list)
    forbidden: list[Mapping[str, Any]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.missed or self.spurious or self.forbidden)


def compare(
    expected: Sequence[Mapping[str, Any]],
    actual: Sequence[Mapping[str, Any]],
    not_facts: Sequence[Mapping[str, Any]] = (),
) -> Comparison:
    """Missed golden facts, extracted facts no golden fact accounts for, and
    extracted facts the golden file names as not facts."""
    result = Comparison()
    result.missed = [e for e in expected if not any(matches(e, a) for a in actual)]
    result.spurious = [a for a in actual if not any(matches(e, a) for e in expected)]
    result.forbidden = [a for a in actual if any(matches(n, a) for n in not_facts)]
    return result
