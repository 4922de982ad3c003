"""No input makes an extractor raise: edge cases and random text (hypothesis)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors.dates import resolve
from extractors.money import find_money, find_rates
from extractors.nlp import FactExtractor
from extractors.skip import skip_reason
from tests.extractors.conftest import article

EDGE_CASES = {
    "empty": "",
    "whitespace": " \n\n\t ",
    "unbalanced quotes": "“The K visa is open, said Feller. He said “ and then “nothing",
    "no sentences": "visa visa H-1B $ € ¥ 100 , , ; ; “ ” \" '",
    "mixed scripts": "中国 K字签证 launched on Wednesday, said 李明. “Это цитата,” he said. ٢٠٢٥ $100K",
    "lone cue": "said",
    "money only": "$100,000-a-year 5 million yuan RMB 400 ₹ 1 crore US$ USD",
    "dates only": "on Wednesday last month Sept. 21 12:01 a.m. earlier this month",
}


@pytest.mark.parametrize("text", EDGE_CASES.values(), ids=EDGE_CASES.keys())
@pytest.mark.parametrize("published", [date(2025, 9, 29), None])
def test_edge_cases_do_not_raise(extractor: FactExtractor, text: str, published: date | None) -> None:
    extractor.extract(article(text, published))


def test_two_megabyte_article_does_not_raise(extractor: FactExtractor) -> None:
    paragraph = (
        "China launched the K visa on Wednesday. “It is a big step,” said Michael Feller, "
        "chief strategist at Geopolitical Strategy. The H-1B fee is $100,000 per year.\n"
    )
    text = paragraph * (2_000_000 // len(paragraph))
    facts = extractor.extract(article(text))
    assert any(f.kind == "fee" for f in facts)


# Random text mixes the characters the components react to (quotes, currency
# signs, digits, capitals, newlines) with any unicode.
_ALPHABET = st.one_of(
    st.sampled_from(list("“”\"'‘’$€£¥₹,.;:-–—()\n KRZXHB1-visa")),
    st.characters(codec="utf-8", exclude_categories=["Cs"]),
)
_WORDS = st.sampled_from(
    ["said", "Feller", "Michael", "the", "K", "visa", "H-1B", "fee", "$100,000", "yuan", "per",
     "year", "on", "Wednesday", "announced", "launched", "“", "”", ",", ".", "\n", "he", "ministry"]
)
RANDOM_TEXT = st.one_of(
    st.text(_ALPHABET, max_size=300),
    st.lists(_WORDS, max_size=60).map(" ".join),
)


# Kept fast on a 2-core machine: each example runs the full pipeline (a few
# milliseconds on short text), 40 examples, no per-example deadline because
# the first call warms spaCy's caches.
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=RANDOM_TEXT, published=st.sampled_from([date(2025, 9, 29), None]))
def test_random_text_through_every_component(
    extractor: FactExtractor, text: str, published: date | None
) -> None:
    extractor.extract(article(text, published))
    find_money(text)
    find_rates(text)
    skip_reason(text, text)
    resolve(text[:40], published, "past")


def test_a_date_under_a_root_preposition_does_not_loop() -> None:
    """A parse whose root is a preposition ("In short, on Monday."): the climb
    from the date stops at the root. ``token.head is token`` is never true in
    spaCy (each access builds a new Token), so the loops compare indices."""
    from spacy.tokens import Doc, Span
    from spacy.vocab import Vocab

    from extractors.components.event_triggers import _verb

    words = ["In", "short", ",", "on", "Monday", "."]
    deps = ["ROOT", "pobj", "punct", "prep", "pobj", "punct"]
    pos = ["ADP", "NOUN", "PUNCT", "ADP", "PROPN", "PUNCT"]
    lemmas = [w.lower() for w in words]
    doc = Doc(Vocab(), words=words, heads=[0, 0, 0, 0, 3, 0], deps=deps, pos=pos, lemmas=lemmas)
    assert doc[0].head.i == 0 and doc[0].head is not doc[0]
    assert _verb(Span(doc, 4, 5, label="DATE")) is None
