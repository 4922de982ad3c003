"""The money patterns built over the currency forms one text holds match as those over the whole table.

``extractors.money`` and ``extractors.currency_context`` compile their name
patterns over the forms ``FormIndex.present`` finds in the text; a form it
missed would be an amount (or a country mention) lost. These tests hold every
name of the table against the index, and the patterns over one text's forms
against the patterns over every form.
"""

from __future__ import annotations

import re

import pytest

from extractors import currency_context, money
from extractors.currency_table import FormIndex

_ALL_NAMES = sorted({*money._NAMES, *money._SINGULARS})


def _sentences(name: str) -> list[str]:
    """Where a pattern tries the name: after a number, glued to a scale, after a hyphen, before a number."""
    return [
        f"It costs 5,000 {name} a year.",
        f"It costs 5,000 {name.upper()}, they said.",
        f"{name.title()} 2,500 is the fee.",
        f"a 52-{name} fee",
        f"Rupees 5 million{name} were paid",
        f"five million {name.capitalize()}",
    ]


def test_the_index_finds_every_name_where_a_pattern_would_try_it() -> None:
    missed = [(name, s) for name in _ALL_NAMES for s in _sentences(name)
              if name not in money._NAME_INDEX.present(s, money._glued)]
    assert missed == []


def test_the_index_skips_a_name_inside_a_word() -> None:
    assert "rand" not in money._NAME_INDEX.present("a grand total of 500 randomly", money._glued)
    assert "ore" not in money._NAME_INDEX.present("500 more people", money._glued)


def test_the_index_finds_a_name_written_with_a_letter_that_folds_to_it() -> None:
    # "ſ" (long s) is "s" to a case-insensitive pattern, and "İ" is "i".
    assert "swiss francs" in money._NAME_INDEX.present("5,000 ſwiss francs", money._glued)
    assert "indian rupees" in money._NAME_INDEX.present("İNDIAN RUPEES 500", money._glued)


@pytest.fixture(scope="module")
def whole_table() -> money._NamePatterns:
    """The patterns over every name (the whole trie, as before the index)."""
    return money._patterns_over(tuple(name for name in _ALL_NAMES if name not in money._COMMON_NAMES))


_TEXTS = [
    " ".join(s for name in _ALL_NAMES[i::40] for s in _sentences(name)) for i in range(40)
] + ["It costs 5,000 Swiss francs, or $100,000 per year and two million yuan "
     "($1 = 7.12 Chinese yuan renminbi); between 200 yuan and 400 yuan; Kenyan shillings 2,500."]


@pytest.mark.parametrize("text", _TEXTS)
def test_the_patterns_over_a_texts_names_match_as_the_whole_tables(
    whole_table: money._NamePatterns, text: str
) -> None:
    own = money._name_patterns(text)
    for field in money._NamePatterns.__dataclass_fields__:
        ours: re.Pattern[str] = getattr(own, field)
        whole: re.Pattern[str] = getattr(whole_table, field)
        assert [(m.span(), m.groupdict()) for m in ours.finditer(text)] == [
            (m.span(), m.groupdict()) for m in whole.finditer(text)
        ], field


def test_the_mention_index_finds_every_form_of_every_currency() -> None:
    mentions = currency_context._mentions()
    missed = [form for form in mentions.exact
              if form not in mentions.exact_index.present(f"In {form} prices rose.")]
    missed += [name for name in mentions.names
               if name not in mentions.name_index.present(f"It was 5 {name.upper()}.")]
    assert missed == []


def test_an_index_of_signs_finds_them_anywhere() -> None:
    index = FormIndex(["US$", "$", "kr"], r"\w", ignore_case=False, word_end=True)
    assert index.present("paid US$5 and 10kr") == {"US$", "$"}
    assert index.present("paid 10 kr.") == {"kr"}
