"""A category's name with the residence visa it grants (components/programme_category_visas.py).
Every sentence here is invented for these tests."""

from __future__ import annotations

import pytest

from extractors.components.programme_names import find_named_programmes


def _names(text: str) -> set[str]:
    return {f.name for f in find_named_programmes(text)}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ruritania will reopen the Retiree Category residence visa in May.",
         "Retiree Category residence visa"),
        ("Its Trades Category Resident Visa drew 900 migrants last year.", "Trades Category Resident Visa"),
    ],
)
def test_a_category_takes_the_residence_visa_after_it(text: str, name: str) -> None:
    assert name in _names(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # Another kind of visa after the category is a visa it leads to, not its name.
        ("Migrants in the Trades Category work visa queue waited a year.", "Trades Category"),
        # Another head before the residence visa is left as it was.
        ("The Ruritania Investor Scheme residence visa costs 500 dollars.", "Ruritania Investor Scheme"),
    ],
)
def test_other_heads_and_kinds_stay_apart(text: str, name: str) -> None:
    names = _names(text)
    assert name in names or name.removeprefix("Ruritania ") in names
    assert not any(n.endswith("residence visa") or n.endswith("work visa") for n in names)
