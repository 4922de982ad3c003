"""Fees: money a visa programme charges, with period and who pays.

An amount is a fee when its clause speaks of a fee or a payment and no word
nearby makes it something else (a bonus, a salary, an investment). The
programme is the nearest programme mention in the sentence, else in the
sentence before ("The H-1B visa requires ... The new $100,000 fee ...").
The USD amount comes only from the article itself: the amount in dollars, a
conversion in brackets right after it, or a stated rate note.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractors.components.common import (
    facts_of,
    main_programme,
    nearest_programme,
    sentence_of,
    text_of,
)
from extractors.models import FeeFact, FeePeriod
from extractors.money import Money, find_money, find_rates

_FEE_CUE = re.compile(
    r"\b(?:fees?|levy|levies|surcharges?|charges?|charged|charging|cost|costs|pay|pays|paying|paid"
    r"|payment|price|priced|premium)\b",
    re.I,
)
_NOT_FEE = re.compile(
    r"\b(?:bonus(?:es)?|salar(?:y|ies)|wages?|pay(?:check|roll)|subsid\w*|invest\w*|grants?"
    r"|income|revenue|funding|funds?|loans?|budget|prizes?|awards?|earn\w*|worth|valued"
    r"|raised|fines?|donat\w*|stipend|scholarships?|gifts?|settlements?|penalt(?:y|ies)|damages"
    r"|(?:is|are|was|were|gets?) paid)\b",
    re.I,
)
# Nouns that, right after an amount, say what it is when it is no fee.
_OTHER_MONEY = re.compile(
    r"\b(?:bonus(?:es)?|salar(?:y|ies)|wages?|invest\w*|grants?|income|revenue|funding|funds?"
    r"|loans?|budget|prizes?|awards?|stipend|scholarships?|gifts?|settlements?|savings|assets)\b",
    re.I,
)
_FEE_NOUN = re.compile(r"\b(?:fees?|levy|levies|surcharges?|charges?)\b", re.I)
_VISA_CONTEXT = re.compile(r"\b(?:visas?|permits?|petitions?|applications?)\b", re.I)
_PERIODS: tuple[tuple[re.Pattern[str], FeePeriod], ...] = (
    (re.compile(r"\b(?:one-time|one time|one-off|once|single)\b", re.I), "one_time"),
    (re.compile(r"\b(?:per|a|each|every)[- ]year\b|\bannual(?:ly)?\b|\byearly\b", re.I), "per_year"),
    (re.compile(r"\b(?:per|each|every|a) (?:[\w-]+ ){0,2}?(?:petition|application)\b", re.I), "per_petition"),
)
_APPLIES = re.compile(
    r"\b(?:for|to|on|from)\s+(?P<who>(?:new|first-time|existing|current|all|future|foreign)?\s*"
    r"(?:[A-Z][\w-]*\d[\w-]*\s+)?"  # a programme name in between: "new H1B applications"
    r"(?:applicants?|applications|petitions|renewals|employers|companies|visa holders|holders|workers))\b",
    re.I,
)
# Where one clause of a sentence ends and the next begins, for the period
# and the "not a fee" words.
_CLAUSE_BREAK = re.compile(r";|,\s+(?:and|while|but|whereas|plus)\b|\bwhile\b|:\s")
# How far (characters) around an amount its period and "not a fee" words may
# stand: about one clause in the seed articles and the news pages tried.
WINDOW = 60
# Words after an amount that still name it ("€1,091 a month in funds"): a
# few words, not the next noun phrase of the clause.
AFTER_WINDOW = 25


class FeeFinder:
    """Emits fee facts; ``rates`` is the user's table (units of a currency per
    1 USD), used only where the article states no rate of its own."""

    def __init__(self, rates: dict[str, float] | None = None) -> None:
        self.rates = {k.upper(): float(v) for k, v in (rates or {}).items() if float(v) > 0}

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        rates = {**self.rates, **find_rates(text)}
        amounts = find_money(text)
        for index, money in enumerate(amounts):
            if _is_conversion(text, amounts, index):
                continue
            fact = _fee(doc, money, _converted(text, amounts, index), rates)
            if fact is not None:
                facts_of(doc).append(fact)
        return doc


def _fee(doc: Doc, money: Money, converted: Money | None, rates: dict[str, float]) -> FeeFact | None:
    text = text_of(doc)
    sentence = sentence_of(doc, money.start, money.end)
    lo = max(sentence.start_char, money.start - WINDOW)
    hi = min(sentence.end_char, money.end + WINDOW)
    c_lo, c_hi = _clause(text, sentence.start_char, sentence.end_char, money)
    clause = text[max(lo, c_lo) : min(hi, c_hi)]
    # The fee word may stand anywhere in the amount's clause ("The processing
    # fee for ..., including ..., rises to C$950") or just around it.
    cued = _FEE_CUE.search(text[lo:hi]) or _FEE_CUE.search(text[c_lo:c_hi])
    if _not_fee(text[max(lo, c_lo) : money.start]) or not cued:
        return None
    if _names_other_money(text[money.end : min(c_hi, money.end + AFTER_WINDOW)]):
        return None
    programme, nearby = _programme(doc, money, sentence)
    # Money in a sentence that names no programme is a fee only when the
    # sentence speaks of a fee or a visa ("a $2 million settlement" is not).
    if not nearby and not (_FEE_NOUN.search(text[c_lo:c_hi]) or _VISA_CONTEXT.search(sentence.text)):
        return None
    after = text[money.end : min(sentence.end_char, money.end + WINDOW)]
    return FeeFact(
        sentence=sentence.text.strip(),
        start=money.start,
        end=money.end,
        programme=programme,
        amount=money.amount,
        currency=money.currency,
        amount_usd=_usd(money, converted, rates),
        period=_period(clause),
        applies_to=_applies_to(after),
        amount_text=money.text,
    )


def _clause(text: str, start: int, end: int, money: Money) -> tuple[int, int]:
    """Character bounds of the clause of the sentence that holds the amount."""
    lo, hi = start, end
    for brk in _CLAUSE_BREAK.finditer(text, start, end):
        if brk.end() <= money.start:
            lo = brk.end()
        elif brk.start() >= money.end:
            hi = brk.start()
            break
    return lo, hi


def _not_fee(before: str) -> bool:
    """A "not a fee" word after the last fee word: "signing bonuses of up to",
    but not "an annual integrity fund fee of"."""
    last_not = max((m.end() for m in _NOT_FEE.finditer(before)), default=-1)
    last_cue = max((m.end() for m in _FEE_CUE.finditer(before)), default=-1)
    return last_not >= 0 and last_not >= last_cue


def _names_other_money(after: str) -> bool:
    """'€1,091 a month in funds', '$800,000 investment': the words right after
    the amount name something other than a fee before any fee word."""
    other = _OTHER_MONEY.search(after)
    cue = _FEE_CUE.search(after)
    return other is not None and (cue is None or other.start() < cue.start())


def _programme(doc: Doc, money: Money, sentence: Span) -> tuple[str | None, bool]:
    """The fee's programme, and whether it is named in this sentence or the one
    before. A programme the sentence before names only inside a quotation
    ("“... the gold card,” the attorney said.") is the speaker's aside; the
    story's programme carries on past it."""
    span = nearest_programme(doc, money.start, money.end, sentence)
    if span is None and sentence.start > 0:
        previous = doc[sentence.start - 1].sent
        span = nearest_programme(doc, money.start, money.end, previous, unquoted=True)
    if span is not None:
        return span.kb_id_, True
    span = main_programme(doc)
    return (span.kb_id_ if span is not None else None), False


def _period(text: str) -> FeePeriod | None:
    for pattern, period in _PERIODS:
        if pattern.search(text):
            return period
    return None


def _applies_to(text: str) -> str | None:
    match = _APPLIES.search(text)
    if match is None:
        return None
    who = re.sub(r"\b[A-Za-z][\w-]*\d[\w-]*\s+", "", match["who"])  # "new H1B applications"
    return " ".join(who.lower().split())


def _is_conversion(text: str, amounts: list[Money], index: int) -> bool:
    """'5 million yuan ($702,200)': the bracketed dollars restate the amount before."""
    if index == 0:
        return False
    previous = amounts[index - 1]
    between = text[previous.end : amounts[index].start]
    return between.strip() == "(" and text[amounts[index].end : amounts[index].end + 1] == ")"


def _converted(text: str, amounts: list[Money], index: int) -> Money | None:
    if index + 1 < len(amounts) and _is_conversion(text, amounts, index + 1):
        return amounts[index + 1]
    return None


def _usd(money: Money, converted: Money | None, rates: dict[str, float]) -> float | None:
    if money.currency == "USD":
        return money.amount
    if converted is not None and converted.currency == "USD":
        return converted.amount
    rate = rates.get(money.currency)
    return round(money.amount / rate, 2) if rate else None


@Language.factory(
    "newsfacts_fees",
    default_config={"rates": {}},
    requires=["doc.spans", "token.is_sent_start"],
    assigns=["doc._.nf_facts"],
)
def make_fee_finder(nlp: Language, name: str, rates: dict[str, float]) -> FeeFinder:
    """Factory for the fees component; ``rates`` maps ISO 4217 codes to units per USD."""
    return FeeFinder(rates)
