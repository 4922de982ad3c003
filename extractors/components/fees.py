"""Fees: money a visa programme charges, with period and who pays.

An amount is a fee when its clause speaks of a fee or a payment and no word
about that amount makes it something else: a bonus, a salary or wage, an
investment minimum (EB-5's $800,000 is invested in a business, not paid to
the programme), funds to show, tuition, living costs, money paid to people or
to private providers. A not-a-fee word is about the amount next to it, so
"a $1 million gift ... and a $15,000 processing fee" keeps the fee, and an
amount that modifies a fee noun ("the $350 SEVIS fee") is a fee. The
programme is the nearest programme mention in the sentence, else in the
sentence before ("The H-1B visa requires ... The new $100,000 fee ..."), else in
an earlier sentence of its paragraph.
The period is read by ``fee_periods``: from the amount's clause, from an
amount it is linked to ("from £1,000 to £1,320 per year", "$20,000, or
$1,000"), or from a later sentence about "the fee". The USD amount comes only
from the article itself: the amount in dollars, a conversion right after it
("($702,000)", ", about $20,"), or a stated rate note; else the user's table.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractors.components.common import facts_of, sentence_of, text_of
from extractors.components.fee_aliases import usual_names
from extractors.components.fee_change_by import change_by
from extractors.components.fee_compared import compared_at
from extractors.components.fee_coordinated import coordinated, respective
from extractors.components.fee_denials import denied, wrong_figure
from extractors.components.fee_exclusions import RATE_AFTER, is_sum, is_total, not_fee
from extractors.components.fee_lists import listed_fee
from extractors.components.fee_other_payers import paid_by_the_state_or_to_a_private_party
from extractors.components.fee_page import (
    FEE_CUE,
    WINDOW,
    FeePage,
    clause_bounds,
    governing_verb,
    without_programmes,
)
from extractors.components.fee_period_links import fee_period, repeats, restated_price
from extractors.components.fee_periods import quantities
from extractors.components.fee_programme import fee_context, fee_programme, kind_programme
from extractors.components.fee_sponsorship import sponsored_owner
from extractors.models import FeeFact
from extractors.money import Money, find_money, find_rates

# Who pays: nouns of payers, and the words that may modify them.
_PAYER_NOUNS = (
    r"applicants?|applications|petitions|renewals|employers|compan(?:y|ies)|firms|businesses|charities"
    r"|sponsors|investors|students|workers|visa holders|holders|candidates|cent(?:er|re)s|families"
    r"|universities|startups|nonprofits"
)
_APPLIES = re.compile(
    r"\b(?:for|to|on|from)\s+(?P<who>(?:(?:new|first-time|existing|current|all|future|foreign|small"
    r"|medium|large|big|initial|and)\s+){0,4}"
    r"(?:[A-Z][\w-]*\d[\w-]*\s+)?"  # a programme name in between: "new H1B applications"
    rf"(?:{_PAYER_NOUNS}))\b",
    re.I,
)
_PAYER = re.compile(rf"(?:{_PAYER_NOUNS}|employer|company|firm|business|sponsor|investor|student|worker"
                    r"|candidate|applicant|center|centre|family|university|startup)", re.I)
# The verb whose subject pays ("Employers already pay ...", "Workers themselves
# face a fee of ...") or whose object pays ("costs companies 1,000 yuan").
_SUBJECT_PAYS = frozenset({"pay", "face", "owe"})
_OBJECT_PAYS = frozenset({"cost", "charge"})
# "140 yuan, about $20", "5 million yuan (roughly $702,000)", "Rs 88 lakh, or about $100,000".
# Also after a verb of equality: "the $100,000 fee is about Rs 88 lakh", "equals ₹8.8 million".
_HEDGE = r"(?:about|around|roughly|approximately|nearly|almost|some|equivalent to|the equivalent of)"
_HEDGED = re.compile(
    rf"\s*[(,—–-]?\s*(?:or\s+)?{_HEDGE}\s*"
    # "the $100,000 H-1B fee equals ₹8.8 million": a verb of equality after the amount's own noun.
    rf"|\s*(?:(?!(?:and|or|but|while|whereas|against|compared|than)\b)[\w’'-]+\s+){{0,3}}?"
    rf"(?:is|was|equals|works out to|amounts to|translates to|comes to)\s+(?:{_HEDGE}\s*)?",
    re.I,
)
# "a double-entry visa is CNY 345", "the card will be $1 million": a price
# stated of the visa itself.
_PRICE_COPULA = re.compile(
    r"\b(?:visas?|permits?|cards?|applications?|petitions?|renewals?|extensions?)\b[^.;:!?]{0,40}?"
    r"\b(?:is|are|was|were|will be|would be|becomes?|became|remains?|stands? at)\s+"
    r"(?:(?:now|about|around|roughly|just|only|set at|priced at)\s+)?$",
    re.I,
)
# "SAR 800,000 for a permanent permit, or SAR 100,000 a year for a renewable one": an amount
# right before what it buys, a visa or a permit, is its price.
_PRICE_FOR = re.compile(
    r"(?:[\s-]+(?:a|per|each)[\s-]+year)?\s+for\s+(?:a|an|the|each|every|one)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:visas?|permits?|cards?|residency|residence|licen[cs]es?|pass(?:es)?|one)\b",
    re.I,
)


class FeeFinder:
    """Emits fee facts; ``rates`` is the user's table (units of a currency per
    1 USD), used only where the article states no rate of its own."""

    def __init__(self, rates: dict[str, float] | None = None) -> None:
        self.rates = {k.upper(): float(v) for k, v in (rates or {}).items() if float(v) > 0}

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        rates = {**self.rates, **find_rates(text)}
        # "raised by C$85 to C$1,525" is a change to the second amount, not a range.
        amounts = [change_by(text, m, sentence_of(doc, m.start, m.end).start_char) for m in find_money(text)]
        kept = [m for i, m in enumerate(amounts) if not _is_conversion(text, amounts, i)]
        # A conversion is part of the amount it restates: "280 yuan ($39)".
        spans = [(m.start, (_converted(text, amounts, amounts.index(m)) or m).end) for m in kept]
        page = FeePage(doc, text, kept, quantities(text, spans), cue_text=without_programmes(doc, text))
        usual = usual_names(doc)
        for money in kept:
            fact = _fee(page, money, _converted(text, amounts, amounts.index(money)), rates)
            if fact is not None:
                if fact.programme in usual:
                    fact = replace(fact, programme=usual[fact.programme])
                facts_of(doc).append(fact)
                sentence = sentence_of(doc, money.start, money.end)
                for other in coordinated(page, money, sentence, fact.programme):
                    facts_of(doc).append(replace(fact, programme=usual.get(other, other)))
        return doc


def _fee(page: FeePage, money: Money, converted: Money | None, rates: dict[str, float]) -> FeeFact | None:
    doc, text = page.doc, page.text
    sentence = sentence_of(doc, money.start, money.end)
    lo = max(sentence.start_char, money.start - WINDOW)
    hi = min(sentence.end_char, money.end + WINDOW)
    c_lo, c_hi = clause_bounds(text, sentence.start_char, sentence.end_char, money)
    # The fee word may stand anywhere in the amount's clause ("The processing
    # fee for ..., including ..., rises to C$950") or just around it.
    # An elliptical clause (", and from £364 to £480") repeats the fee word of
    # the clause before it.
    # A clause with no verb of its own (", and the Netherlands €380 per
    # application") borrows the verb of the clause before it.
    cue_lo = sentence.start_char if repeats(page, sentence, c_lo, money) else c_lo
    restated = restated_price(page, sentence, money)
    cued = (FEE_CUE.search(page.cue_text[lo:hi]) or FEE_CUE.search(page.cue_text[cue_lo:c_hi])
            or _PRICE_COPULA.search(text, c_lo, money.start) or _price_for(page, money)
            or _obtained_for(page, money) or _priced_at(text, money) or restated is not None
            or _applied_for(page, money, sentence, c_lo) or listed_fee(page, money, sentence)
            or compared_at(page, money, sentence))
    if not cued or not_fee(page, money, max(lo, c_lo)) or is_total(money) or denied(text, money):
        return None
    if is_sum(text, money, c_lo) or RATE_AFTER.match(text, money.end):
        return None
    if wrong_figure(text, money) or paid_by_the_state_or_to_a_private_party(text, money, sentence.start_char):
        return None
    programme, nearby = fee_programme(doc, money, sentence, page.named, page.amounts)
    programme, nearby = (respective(page, money, sentence), True) if respective(page, money, sentence) \
        else (programme, nearby)
    programme = sponsored_owner(doc, money, sentence, programme) or programme
    if not nearby:
        programme, nearby = kind_programme(page, money, sentence) or (programme, nearby)
    # Money in a sentence that names no programme is a fee only when the
    # sentence (or the one before it in the paragraph: "The visa itself is
    # cheap. Applicants pay 140 yuan") speaks of a fee or a visa; "a $2
    # million settlement" is not.
    if not nearby and restated is None and not fee_context(doc, text, sentence):
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
        period=fee_period(page, money, sentence) or (restated[1] if restated else None),
        applies_to=_applies_to(doc, money, after),
        amount_text=money.text,
    )


# Verbs whose amount before "for a permit" is its price: "it was ...: SAR 800,000 for a permanent
# permit"; not "Investors put $500,000 for a golden visa into property".
_PRICE_FOR_VERBS = frozenset({"be", "cost", "pay", "charge", "remain", "stay", "rise", "fall", "go", "jump"})


def _price_for(page: FeePage, money: Money) -> bool:
    """Whether the amount stands right before what it buys, a visa or a permit, as a price."""
    if _PRICE_FOR.match(page.text, money.end) is None:
        return False
    found = governing_verb(page.doc, money)
    return found is None or found[1].pos_ not in ("VERB", "AUX") or found[1].lemma_ in _PRICE_FOR_VERBS


# "At 10,000 baht it is cheaper", "At €75, the visa is the dearest in the bloc": a price fronted by
# "at", then what it prices compared by its price.
_AT_BEFORE = re.compile(r"(?:^|[.;:!?]\s+|\n)At\s*$")
_COMPARED_AFTER = re.compile(
    r",?\s+(?:it|this|that|(?:the|this|that)\s+(?:[\w-]+\s+){0,2}?(?:visa|permit|card|pass|route|scheme))"
    r"\s+(?:is|was|will be|would be|comes in|works out)\s+(?:(?:far|much|a lot|slightly|still|a bit|the)\s+)?"
    r"(?:cheap(?:er|est)?|(?:more|less|most|least)\s+expensive|pric(?:ey|ier|iest)|costl(?:y|ier|iest)"
    r"|dear(?:er|est)?|affordable)\b",
    re.I,
)


def _priced_at(text: str, money: Money) -> bool:
    """Whether the amount is a fronted "At ..." price of what the clause then compares by price."""
    return (_AT_BEFORE.search(text, max(0, money.start - 6), money.start) is not None
            and _COMPARED_AFTER.match(text, money.end) is not None)


# Verbs of getting a visa or a permit; their "for <amount>" is its price: "can extend the visa at
# a local bureau for 400 yuan", "renew their permits online for €120".
_OBTAINING = frozenset({"extend", "renew", "obtain", "get", "buy", "issue", "replace", "upgrade"})
_OBTAINED = re.compile(r"(?:visa|permit|card|pass|residency|residence|licen[cs]e|status|stay)s?", re.I)


def _obtained_for(page: FeePage, money: Money) -> bool:
    """Whether the amount is the "for" of a verb of getting a visa or a permit, which it prices."""
    found = governing_verb(page.doc, money)
    if found is None or found[1].lemma_.lower() not in _OBTAINING:
        return False
    span, verb = found
    prep = span.root.head
    # The parse may hang the "for" on the place between: "extend the visa at a bureau for 400 yuan".
    place = prep.head
    if place.i != verb.i and place.dep_ == "pobj" and place.head.dep_ == "prep":
        place = place.head.head
    if prep.lower_ != "for" or place.i != verb.i:
        return False
    return any(c.dep_ in ("dobj", "nsubjpass") and _OBTAINED.fullmatch(c.text) for c in verb.children)


# "It costs NZ$3,000 per applicant, and couples apply together for NZ$3,800": the price of
# applying, after a clause of the same sentence that states a fee.
_APPLY_FOR = re.compile(
    r"\b(?:apply|applies|applying|file|files|filing)\s+(?:(?:together|jointly|separately|online"
    r"|as\s+a\s+(?:couple|family))\s+)?for\s+(?:(?:about|around|just|only)\s+)?$",
    re.I,
)


def _applied_for(page: FeePage, money: Money, sentence: Span, clause_start: int) -> bool:
    """Whether the amount is what applying costs, in a clause after one that states a fee."""
    if _APPLY_FOR.search(page.text, clause_start, money.start) is None:
        return False
    return FEE_CUE.search(page.cue_text, sentence.start_char, clause_start) is not None


def _applies_to(doc: Doc, money: Money, after: str) -> str | None:
    """Who the fee applies to: "for new petitions" after the amount, else the
    payer the parse names as the subject of "pay"/"face" or the object of
    "cost"/"charge"."""
    match = _APPLIES.search(after)
    if match is not None:
        who = re.sub(r"\b[A-Za-z][\w-]*\d[\w-]*\s+", "", match["who"])  # "new H1B applications"
        return " ".join(who.lower().split())
    return _payer(doc, money)


def _payer(doc: Doc, money: Money) -> str | None:
    found = governing_verb(doc, money)
    if found is None:
        return None
    span, verb = found
    for child in verb.children:
        subject = child.dep_ in ("nsubj", "nsubjpass") and verb.lemma_ in _SUBJECT_PAYS
        payer = subject or (child.dep_ in ("dative", "dobj") and verb.lemma_ in _OBJECT_PAYS)
        if payer and child.i != span.root.i and _PAYER.fullmatch(child.text):
            # A programme name is not who pays: "H-1B sponsors" -> "sponsors".
            words = [t for t in child.lefts if t.dep_ in ("amod", "compound") and not t.like_num
                     and not any(c.isdigit() for c in t.text)] + [child]
            return " ".join(t.text.lower() for t in words)
    return None


def _is_conversion(text: str, amounts: list[Money], index: int) -> bool:
    """'5 million yuan ($702,200)', '140 yuan, about $20,': an amount in
    another currency right after the one before restates it."""
    if index == 0:
        return False
    previous, money = amounts[index - 1], amounts[index]
    between = text[previous.end : money.start]
    if between.strip() == "(" and text[money.end : money.end + 1] == ")":
        return True
    return money.currency != previous.currency and _HEDGED.fullmatch(between) is not None


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
