"""The money-purpose lexicon, entry by entry: each fee noun makes an amount
a programme's fee, each not-a-fee noun makes it none, in invented sentences."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from extractors.money_purposes import MoneyPurposes, PurposeLexiconError, load, money_purposes
from extractors.nlp import FactExtractor
from tests.extractors.conftest import article, facts_of_kind

_LEXICON = money_purposes()
# A word for each stem of the table, to write it in a sentence.
_STEM_WORDS = {"invest": "investment", "subsid": "subsidy", "donat": "donation", "budget": "budget",
               "penalt": "penalty"}


def _word(entry: str) -> str:
    return _STEM_WORDS[entry.rstrip("*")] if entry.endswith("*") else entry


def _fees(extractor: FactExtractor, text: str) -> list[tuple[object, object]]:
    facts = facts_of_kind(extractor.extract(article(text)), "fee")
    return [(f["programme"], f["amount"]) for f in facts]


_FEE_NOUNS = sorted({*_LEXICON.fee_nouns(*_LEXICON.fee), *_LEXICON.examples})
_BEFORE = sorted({_word(e) for e in _LEXICON.not_fee_nouns(after=False)})
_AFTER = sorted({_word(e) for e in _LEXICON.not_fee_nouns(after=True)})


@pytest.mark.parametrize("noun", _FEE_NOUNS)
def test_a_fee_noun_makes_the_amount_a_fee(extractor: FactExtractor, noun: str) -> None:
    assert _fees(extractor, f"The H-1B visa now carries a {noun} of $500.") == [("H-1B", 500)]


# The frame is a fee with a fee noun in it: the noun alone decides.
_PAYS_A = "Under the H-1B visa, applicants pay a {} of $50,000."
_PAYS_IN = "Under the H-1B visa, applicants pay $50,000 in {}."


def test_the_frames_are_fees_with_a_fee_noun(extractor: FactExtractor) -> None:
    assert _fees(extractor, _PAYS_A.format("fee")) == [("H-1B", 50000)]
    assert _fees(extractor, _PAYS_IN.format("fees")) == [("H-1B", 50000)]


@pytest.mark.parametrize("noun", _BEFORE)
def test_a_not_fee_noun_before_the_amount_makes_it_no_fee(extractor: FactExtractor, noun: str) -> None:
    assert _fees(extractor, _PAYS_A.format(noun)) == []


@pytest.mark.parametrize("noun", _AFTER)
def test_a_not_fee_noun_after_the_amount_makes_it_no_fee(extractor: FactExtractor, noun: str) -> None:
    assert _fees(extractor, _PAYS_IN.format(noun)) == []


@pytest.mark.parametrize("payee", ["lawyers'", "agent's", "legal", "recruiter", "university", "notary"])
def test_a_private_payees_fee_is_not_the_programmes(extractor: FactExtractor, payee: str) -> None:
    text = f"F-1 students often pay $3,000 in {payee} fees and the $185 F-1 visa fee."
    assert _fees(extractor, text) == [("F-1", 185)]


@pytest.mark.parametrize(
    ("text", "amounts"),
    [
        # A fine is the state's, but for breaking a rule, not for a visa.
        ("Employers face a $5,000 fine for each worker hired without an H-1B visa.", []),
        ("Employers who break H-1B rules pay a $5,000 fine, and the H-1B filing fee is $780.", [780]),
        ("The Skilled Worker visa sets a salary threshold of £41,700, and its fee is £769.", [769]),
        ("The H-1B visa costs $780 to file, but the median pay of H-1B workers is $118,000.", [780]),
        ("Applicants for the F-1 visa must show a bank balance of $40,000 and pay a $185 visa fee.", [185]),
        ("The H-1B fee of $100,000 could cost the economy $14 billion, and exports of $2 billion.", [100000]),
    ],
)
def test_tricky_sentences(extractor: FactExtractor, text: str, amounts: list[int]) -> None:
    assert [amount for _, amount in _fees(extractor, text)] == amounts


def _raw() -> dict[str, object]:
    text = resources.files("extractors").joinpath("data/money_purposes.json").read_text(encoding="utf-8")
    raw: dict[str, object] = json.loads(text)
    return raw


def test_the_table_has_a_note_and_every_class() -> None:
    raw = _raw()
    assert isinstance(raw["note"], str) and "fine" in raw["note"]
    assert set(_LEXICON.fee) == {"charge", "payment", "price"}
    assert set(_LEXICON.not_fee) == {"pay", "reward", "capital", "means", "paid_to_others", "aggregate",
                                     "penalty", "economy", "threshold"}


def test_a_noun_both_fee_and_not_fee_is_refused() -> None:
    raw = json.loads(json.dumps(_raw()))
    raw["not_fee"]["pay"].append("levy")
    with pytest.raises(PurposeLexiconError, match="levy"):
        load(raw)


def test_forms_add_the_regular_plural_once() -> None:
    lexicon: MoneyPurposes = _LEXICON
    assert lexicon.forms("levy") == ["levy", "levies"]
    assert lexicon.forms("bonus") == ["bonus", "bonuses"]
    assert lexicon.forms("living costs") == ["living costs"]
    assert lexicon.forms("bank account") == ["bank account", "bank accounts"]
