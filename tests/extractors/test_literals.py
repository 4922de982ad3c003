from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.components.literals import required_literal
from extractors.components.programmes import Programme, find_programmes, programme_table

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


@pytest.mark.parametrize(
    ("pattern", "literal"),
    [
        (r"\bSkilled Worker (?:visas?|route)\b", "Skilled Worker "),
        (r"\b[“\"]?K[”\"]?[- ]visas?\b", "visa"),
        (r"\b(?:EU )?Blue Cards?\b", "Blue Card"),
        (r"(?<!Planet )\bPGWPs?\b", "PGWP"),  # a look-behind's text is not in the match
        (r"(?i:gold )card", "card"),  # a group with flags of its own is not relied on
        (r"(?i)gold card", None),
        (r"visa|permit", None),
        (r"[A-Z]\d", None),
    ],
)
def test_the_literal_is_the_longest_run_every_match_contains(pattern: str, literal: str | None) -> None:
    assert required_literal(re.compile(pattern)) == literal


def _table_texts() -> list[str]:
    texts = []
    for path in sorted((FIXTURES / "gold" / "train").glob("*.json")):
        source = json.loads(path.read_text("utf-8")).get("source")
        if source:
            texts.append("\n".join(source["paragraphs"]))
    return texts


def _unfiltered(table: list[Programme]) -> list[Programme]:
    return [Programme(p.name, p.country, p.patterns, (None,) * len(p.patterns)) for p in table]


def test_skipping_patterns_by_their_literal_finds_exactly_what_a_full_scan_finds() -> None:
    table = programme_table()
    assert sum(literal is not None for p in table for literal in p.literals) > len(table)
    texts = _table_texts()
    assert len(texts) > 50

    def hits(text: str, table: list[Programme]) -> list[tuple[int, int, str]]:
        return [(start, end, programme.name) for start, end, programme in find_programmes(text, table)]

    found = [hits(text, table) for text in texts]
    assert sum(map(len, found)) > 100
    assert found == [hits(text, _unfiltered(table)) for text in texts]


PATTERNS = [p for programme in programme_table() for p in programme.patterns]
WORDS = ["K", "visa", "H-1B", "Blue", "Card", "Skilled", "Worker", "route", "gold", "card", "EB-5", "“", "-"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS) | st.text(max_size=3), max_size=12), st.sampled_from(PATTERNS))
def test_every_match_of_a_table_pattern_contains_its_literal(
    parts: list[str],
    pattern: re.Pattern[str],
) -> None:
    text = " ".join(parts)
    literal = required_literal(pattern)
    for match in pattern.finditer(text):
        assert literal is None or literal in match.group()
