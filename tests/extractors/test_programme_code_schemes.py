"""A category code before a programme noun other than "visa" (components/programme_codes.py).
Every sentence here is invented for these tests."""

from __future__ import annotations

import pytest

from extractors.components.programme_codes import code_programmes


def _codes(text: str) -> set[str]:
    return {name for _, _, name in code_programmes(text)}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Ruritania will double its Q-7 scheme for migrant farm workers.", "Q-7"),
        ("The C-4 programme brings 3,000 foreign nurses a year, the immigration office said.", "C-4"),
        ("Employers want a bigger R-12 quota for migrant workers.", "R-12"),
    ],
)
def test_a_code_before_a_scheme_in_migration_news_is_a_programme(text: str, code: str) -> None:
    assert code in _codes(text)


@pytest.mark.parametrize(
    "text",
    [
        # Not about migration: a jet, a road.
        "The F-35 programme ran over budget again, the defence ministry said.",
        "Work on the A-14 scheme will close the road until June.",
    ],
)
def test_a_code_before_a_scheme_elsewhere_is_none(text: str) -> None:
    assert _codes(text) == set()
