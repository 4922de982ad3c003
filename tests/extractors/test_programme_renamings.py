"""A programme's former name given beside its new one is that programme
(components/programme_renamings.py). Every sentence here is invented for these tests."""

from __future__ import annotations

import pytest

from extractors.nlp import FactExtractor
from tests.extractors.conftest import programmes_in


@pytest.mark.parametrize(
    "text",
    [
        "Chile's Global Founder Visa, formerly the Start-up Entrepreneur Visa, opens in May.",
        "Chile's Global Founder Visa (formerly known as the Start-up Entrepreneur Visa) opens in May.",
        # The old name again later is the same programme.
        "Chile's Global Founder Visa, previously called the Start-up Entrepreneur Visa, opens in May. "
        "Holders of a Start-up Entrepreneur Visa may switch.",
    ],
)
def test_a_former_name_is_the_programme_it_became(extractor: FactExtractor, text: str) -> None:
    assert programmes_in(extractor, text) == {("Global Founder Visa", "Chile")}


def test_a_replaced_programme_is_another(extractor: FactExtractor) -> None:
    text = "Chile's Global Founder Visa, which replaced the Start-up Entrepreneur Visa, opens in May."
    assert programmes_in(extractor, text) == {
        ("Global Founder Visa", "Chile"), ("Start-up Entrepreneur Visa", "Chile")}
