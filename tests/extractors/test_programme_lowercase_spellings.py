"""A lowercase compound keeps the spelling its article writes first
(components/programme_candidates.py). Every sentence here is invented for these tests."""

from __future__ import annotations

import pytest

from extractors.components.programme_names import find_named_programmes


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Chile offers a startup visa to founders.", {"startup visa"}),
        ("Chile offers a start-up visa to founders.", {"start-up visa"}),
        # Two spellings in one article are one programme, under the first.
        ("Chile offers a startup visa to founders. The start-up visa costs 90 dollars.", {"startup visa"}),
        ("Chile offers a start-up visa to founders. The startup visa costs 90 dollars.", {"start-up visa"}),
        # Hyphens between other words still give way to spaces.
        ("Chile's new digital-nomad visa opened in May.", {"digital nomad visa"}),
    ],
)
def test_a_lowercase_name_is_spelled_as_the_article_first_writes_it(text: str, names: set[str]) -> None:
    assert {f.name for f in find_named_programmes(text)} == names
