"""The fact tables as data: which columns each kind has and how two sightings merge.

One fact (one id) can be stated by many articles, which may differ in the
fields outside its identity key: one outlet names a role another omits, one
quotes directly and another paraphrases. Each column says how two values
merge, and the rules are chosen so the stored row does not depend on the
order articles arrive in:

- ``least``: the non-null value; of two different ones the smaller (sort order);
- ``any``: true if any sighting says true (a quote quoted directly anywhere);
- ``union``: the sorted distinct union of two lists (roles, affiliations).

The same rules run in Python (several sightings inside one article) and in
SQL (``ON CONFLICT``), generated here from one definition.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from extractors.models import Fact, FactKind

MergeRule = Literal["least", "any", "union"]
Row = tuple[object, ...]


@dataclass(frozen=True)
class Column:
    """A fact table column, named as the fact attribute it stores."""

    name: str
    merge: MergeRule = "least"


@dataclass(frozen=True)
class FactTable:
    """One fact kind's table: ``fact_id`` plus ``columns``."""

    kind: FactKind
    table: str
    columns: tuple[Column, ...]

    def __hash__(self) -> int:
        # By table name: a save keys its rows by table, and the generated hash walked
        # every column each time (8% of planning the bench batch's 2,451 facts).
        return hash(self.table)

    def row(self, fact_id: str, fact: Fact) -> Row:
        """The row for ``fact``: its id, then each column's value from the fact."""
        return (fact_id, *(_stored(column, getattr(fact, column.name)) for column in self.columns))

    def merge(self, old: Row, new: Row) -> Row:
        """Two rows of one fact merged column by column (the Python side of the rules)."""
        if old[1:] == new[1:]:
            # Each rule leaves equal stored values as they are (lists are stored sorted and
            # distinct, flags as bools): one fact seen twice, the usual case, merges to itself.
            return old
        merged = (_merge_value(c.merge, a, b) for c, a, b in zip(self.columns, old[1:], new[1:], strict=True))
        return (old[0], *merged)

    @property
    def names(self) -> list[str]:
        """The table's columns, ``fact_id`` first, in row order."""
        return ["fact_id", *(c.name for c in self.columns)]

    def insert_sql(self, source: str) -> str:
        """``INSERT ... SELECT * FROM source`` of rows not stored (no merge)."""
        names = ", ".join(self.names)
        return f"INSERT INTO {self.table} ({names}) SELECT {names} FROM {source}"

    def upsert_sql(self, source: str) -> str:
        """``INSERT ... SELECT * FROM source ON CONFLICT`` applying the merge rules (the
        SQL side); ``source`` names a relation with :attr:`names` as its columns."""
        updates = ", ".join(f"{c.name} = {_merge_sql(self.table, c)}" for c in self.columns)
        names = ", ".join(self.names)
        # Table and column names are the constants below, never user input.
        return (
            f"INSERT INTO {self.table} ({names}) SELECT {names} FROM {source} "
            f"ON CONFLICT (fact_id) DO UPDATE SET {updates}"
        )


def _stored(column: Column, value: object) -> object:
    """Lists are stored sorted and distinct, flags as bools, so merging equal values is a no-op."""
    if column.merge == "union":
        return sorted(set(_strings(value)))
    if column.merge == "any":
        return bool(value)
    return value


def _strings(value: object) -> Sequence[str]:
    if not isinstance(value, (list, tuple)):
        raise TypeError(f"expected a list of strings, got {type(value).__name__}")
    return [str(item) for item in value]


def _merge_value(rule: MergeRule, old: object, new: object) -> object:
    if rule == "union":
        return sorted(set(_strings(old)) | set(_strings(new)))
    if rule == "any":
        return bool(old) or bool(new)
    present = [value for value in (old, new) if value is not None]
    return min(present) if present else None  # type: ignore[type-var]


def _merge_sql(table: str, column: Column) -> str:
    old, new = f"{table}.{column.name}", f"excluded.{column.name}"
    if column.merge == "union":
        return f"list_sort(list_distinct(list_concat({old}, {new})))"
    if column.merge == "any":
        return f"({old} OR {new})"
    return f"least({old}, {new})"  # DuckDB's least skips NULLs, like the Python side


def _columns(*names: str) -> tuple[Column, ...]:
    return tuple(Column(name) for name in names)


FACT_TABLES: dict[str, FactTable] = {
    table.kind: table
    for table in (
        FactTable("visa_programme", "visa_programmes", _columns("name", "country")),
        FactTable(
            "fee",
            "fees",
            _columns("programme", "amount", "currency", "amount_usd", "period", "applies_to", "amount_text"),
        ),
        FactTable("quote", "quotes", (*_columns("text", "speaker"), Column("direct", "any"), Column("cue"))),
        FactTable(
            "person", "people", (Column("name"), Column("roles", "union"), Column("affiliations", "union"))
        ),
        FactTable("event", "events", _columns("programme", "event_type", "date", "precision", "description")),
    )
}
"""Every kind the store keeps, by ``Fact.kind``."""
