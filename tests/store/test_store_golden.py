"""The store a fixed sequence of saves leaves is the one recorded before the save path was sped up.

``fixtures/store/saves.json`` is a frozen sequence of saves of the fixture
pages (re-saves, deleted and restored facts, topic decisions included);
``fixtures/store/golden.json`` every table and view it left when saved in
batches by the code of main at 03f3bce (``tests/store/golden_store.py`` writes
both). Any change to a fact row, a source, a story, a link, a signature, a
quote group or a timeline entry shows here as the table that differs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from store.writer import ArticleSave
from tests.store.golden_store import Dump, load_saves, read_golden, store_of


@pytest.fixture(scope="module")
def saves() -> list[ArticleSave]:
    return load_saves()


@pytest.fixture(scope="module")
def golden() -> tuple[Dump, list[list[Any]]]:
    return read_golden()


def test_the_golden_store_holds_what_the_rules_make(golden: tuple[Dump, list[list[Any]]]) -> None:
    tables, results = golden
    assert any(row[4] > 1 for row in tables["stories"])  # a story of several articles
    assert tables["story_links"] and tables["conflicts"] and tables["article_topics"]
    assert len({row[1] for row in tables["quote_groups"]}) < len(tables["quote_groups"])  # merged variants
    assert any(row[1] < row[2] for row in results)  # saves that found stored facts


@pytest.mark.parametrize("size", [200, 7, 1])
def test_saves_leave_the_golden_store(
    size: int, saves: list[ArticleSave], golden: tuple[Dump, list[list[Any]]], tmp_path: Path
) -> None:
    tables, results = store_of(tmp_path / "facts.duckdb", saves, size)
    expected_tables, expected_results = golden
    assert {t: len(r) for t, r in tables.items()} == {t: len(r) for t, r in expected_tables.items()}
    for name, rows in expected_tables.items():
        assert tables[name] == rows, name
    assert results == expected_results
