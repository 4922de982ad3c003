"""Category codes coordinated before one plural head (components/programme_coordination.py).

Every sentence here is invented for these tests.
"""

from __future__ import annotations

import pytest

from extractors.nlp import FactExtractor
from tests.extractors.conftest import programmes_in


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Table letters: a sub-category code alone is a programme of its own name.
        ("Beijing will waive fees on the X2 and R visas for a year.",
         {("X2 visa", "China"), ("R visa", "China")}),
        ("Holders of Z, X1 and R visas may now renew online in Shanghai.",
         {("Z visa", "China"), ("X1 visa", "China"), ("R visa", "China")}),
        # Codes the table lacks, named by the code alone as "H-1B" is.
        ("Seoul will admit more workers on E-9 or H-2 visas next year.",
         {("E-9", "South Korea"), ("H-2", "South Korea")}),
    ],
)
def test_each_code_before_a_shared_plural_head_is_a_programme(
    extractor: FactExtractor, text: str, expected: set[tuple[str, str]]
) -> None:
    assert programmes_in(extractor, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # A letter that names no table visa, and has no code shape.
        "Plans A and R visas aside, the ministry said nothing.",
        # No shared plural head.
        "The Q and A session on visas ran late.",
    ],
)
def test_no_code_without_a_shared_head_or_a_visa_of_that_code(extractor: FactExtractor, text: str) -> None:
    assert not {n for n, _ in programmes_in(extractor, text) if str(n).startswith(("A", "Q"))}
