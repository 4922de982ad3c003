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
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from extractors.components.common import (
    facts_of,
    programme_spans,
    sentence_of,
    text_of,
)
from extractors.components.fee_periods import (
    Quantity,
    clause_period,
    own_fee_noun,
    quantities,
    stated_period,
)
from extractors.components.programme_context import inside_quotation, main_topical, nearest_topical
from extractors.components.programme_country import context_country
from extractors.components.programme_kinds import owning_kind
from extractors.components.programme_owner import amount_owner, quantified_noun, within
from extractors.country_lexicon import country_lexicon
from extractors.currency_table import currency_table
from extractors.models import FeeFact, FeePeriod, VisaProgrammeFact
from extractors.money import Money, find_money, find_rates
from extractors.money_purposes import money_purposes

# The nouns of the money-purpose table (extractors/data/money_purposes.json).
_LEXICON = money_purposes()
_CHARGE_NOUNS = _LEXICON.alternation(_LEXICON.fee_nouns("charge"))
_FEE_WORDS = _LEXICON.alternation(_LEXICON.fee_nouns("charge", "payment", "price"))
_NOT_FEE_NOUNS = _LEXICON.alternation(_LEXICON.not_fee_nouns(after=False))
_NOT_FEE_AFTER_NOUNS = _LEXICON.alternation(_LEXICON.not_fee_nouns(after=True))

_FEE_CUE = re.compile(
    rf"\b(?:{_FEE_WORDS}|levied|charged|charging|cost|costs|costing|pay|pays"
    r"|paying|paid|payable|priced|shell out|fork out"
    r"|(?:sells?|sold|selling|buy|bought) for"
    # "is far cheaper at ฿10,000", "comes in pricier at $500": a price by comparison.
    r"|(?:cheap(?:er|est)?|(?:more|less|most|least) expensive|pric(?:ey|ier|iest)|costl(?:y|ier|iest)"
    r"|dear(?:er|est)?)(?:\s+(?:still|too|by far))?\s+at)\b",
    re.I,
)
# A not-a-fee noun of the table, or a verb of money that is not a fee ("earned", "valued").
_NOT_FEE = re.compile(
    rf"\b(?:{_NOT_FEE_NOUNS}|earn\w*|valued"
    r"|raised(?!\s+(?:to|from|by)\b)|saved|set aside|(?:is|are|was|were|gets?) paid"
    # "the company spent $4 million on H-1B fees": an outlay, a sum of many fees.
    r"|spen(?:d|ds|t|ding)"
    # "investors who put in $1.05 million": money put into a business.
    r"|put(?:s|ting)? (?:in|up)|(?:plough|plow|pour)(?:s|ed|ing)? in|inject(?:s|ed|ing)?|sank|sunk"
    # "if the job pays at least €45,300": a wage.
    r"|(?:jobs?|roles?|positions?|posts?|offers?)\s+(?:that\s+|which\s+)?pays?)\b",
    re.I,
)
# The noun right after an amount: "$800,000 investment", "Rs 18 lakh salary".
_NOT_FEE_AFTER = re.compile(
    r"[\s-]*(?:(?:a|per|each) (?:year|month)\s+)?(?:(?:minimum|annual|initial|total|required|starting"
    r"|average|base)\s+)?(?:(?:in|on|for|towards?)\s+(?:(?:the|their|a|an|his|her)\s+)?"
    # "$500 million a year in H-1B fee revenue"; no function word between: the turnover of
    # "A$1,200 a year for businesses with turnover under A$10 million" is the businesses'.
    r"(?:(?!(?:with|without|under|over|above|below|of|from|by|at|and|or|but|than|whose|that|which)\b)"
    r"[\w-]+\s+){0,2}?)?"
    rf"(?:{_NOT_FEE_AFTER_NOUNS})\b",
    re.I,
)
# "pays up to 3 million yuan to top scientists": money paid to people, not
# by them; "2,000 yuan, paid to clinics and agencies": not to the state. A
# payee with a capital is a named body ("€170 to the Agency for Integration,
# Migration and Asylum", "to the Bank of Thailand"): the state's, not a private one.
_PAID_TO_PEOPLE = re.compile(
    r"[\s,-]*(?:(?:a|per) (?:year|month)\s+)?(?:(?:paid|payable|going)\s+)?to\s+(?:(?:the|each|every"
    r"|top|foreign|young|new|eligible|selected|overseas|private|local)\s+)*(?P<who>talent|recruits?"
    r"|scientists?|researchers?|workers?|graduates?|engineers?|experts?|professionals?|students?"
    r"|winners?|hires?|clinics?|hospitals?|agenc(?:y|ies)|lawyers?|attorneys?|consultants?"
    r"|landlords?|banks?|recruiters?|brokers?)\b",
    re.I,
)
# Fees paid to universities, lawyers, agents or test centres, not to a visa
# programme: "University application fees alone run to ₹1.5 lakh", "$3,000
# in legal fees", "a $250 English test fee".
_PRIVATE_PAYEE = rf"(?:{_LEXICON.alternation(_LEXICON.private_payees)})"
_PRIVATE_FEE = re.compile(
    rf"\b{_PRIVATE_PAYEE}\s+(?:(?:application|admission|processing|service|sitting)\s+)?fees?\b", re.I
)
_PRIVATE_AFTER = re.compile(
    rf"[\s-]*(?:(?:in|on)\s+)?(?:(?!(?:and|or|but|for|of|to|on)\b)[\w’'-]+\s+){{0,2}}?{_PRIVATE_FEE.pattern}",
    re.I,
)
_PRIVATE_CHARGER = re.compile(
    rf"\b(?:{_PRIVATE_PAYEE}|firms?|compan(?:y|ies)|providers?|intermediar(?:y|ies)|middlem[ae]n"
    r"|(?:web)?sites|touts?|fixers?|scammers?)"
    r"\s+(?:\w+ly\s+)?charg(?:e|es|ed|ing)\b[^.;:]*$",
    re.I,
)
# At most two words, none of them a function word: "$800,000 minimum investment".
_HEAD_GAP = re.compile(
    r"[\s-]*(?:(?!(?:and|or|but|the|a|an|to|of|for|in|on|while|is|are|was|were)\b)[\w’'-]+\s+){0,2}",
    re.I,
)
# "pay Skilled Worker visa holders at least £41,700": a wage, paid to people.
_WAGE = re.compile(
    r"\bpa(?:y|ys|id|ying)\s+(?:[\w-]+\s+){0,3}?(?:workers?|holders?|employees?|staff|researchers?"
    r"|nurses?|engineers?|graduates?|recruits?|postdocs?|scientists?|doctors?|teachers?|professors?|hires?"
    r"|them|him|her)\s+(?:at least|a minimum of|an average of"
    r"|about|around|up to|more than|salaries of|wages of)?\s*$",
    re.I,
)
_FEE_WORD = re.compile(rf"\b(?:{_FEE_WORDS})\b", re.I)
_FEE_NOUN = re.compile(rf"\b(?:{_CHARGE_NOUNS})\b", re.I)
# Words of a visa office's services: "Biometrics cost C$85 per person",
# "Premium processing ... costs another $2,805".
_VISA_CONTEXT = re.compile(
    r"\b(?:visas?|permits?|petitions?|applications?|applicants?|biometrics?|processing)\b", re.I
)
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
# The dearest price of one visa in the news is the $5 million "platinum
# card" (about ₹44 crore, ¥750 million): an amount at or above these bounds
# (units of its currency) is a total ("would cost them close to ₹8,000
# crore", "$14 billion a year"), never one applicant's fee.
# Currencies of many units to the dollar have their bounds in the table
# ("total_units": ₹ and ¥ 1e9, won 1e10, rupiah and dong 1e11).
DEFAULT_TOTAL_UNITS = 1e8
# Where one clause of a sentence ends and the next begins, for the period
# and the "not a fee" words.
_CLAUSE_BREAK = re.compile(r";|,\s+(?:and|while|but|whereas|plus)\b|\bwhile\b|:\s")
# How far (characters) around an amount its "not a fee" words may stand:
# about one clause in the seed articles and the news pages tried.
WINDOW = 60
# Amounts linked as a change or an alternative share a period: "from £1,000
# to £1,320 per worker per year", "$20,000, or $1,000 for small centers".
_LINK = re.compile(r"\s*(?:to|from|,?\s*(?:up|down) from|,?\s*or)\s*", re.I)
# ", and from £364 to £480": a clause without a verb of its own repeats the
# clause before, period included.
_ELLIPSIS = re.compile(r"\s*(?:from|to|for|at|of|on)\b", re.I)
# How many sentences after an amount one about "the fee" may state its
# period: a lede, the court or the signing, then "The fee is a one-time payment".
NEXT_SENTENCES = 5
# "It currently stands at £1,000 and £364": a pronoun and a verb of being, then the amount
# (or the first of a list).
_RESTATED = re.compile(
    r"\s*[“\"]?(?:It|This|That)\s+(?:(?:currently|now|still|already)\s+)?"
    r"(?:stands?|stood|is|was|remains?|sits?)\s+(?:at\s+)?(?:(?:currently|now|just|only|about|around)\s+)?"
    r"(?:[^.;:!?]{0,20}?\s+and\s+)?$"
)
# A sentence about "the fee" that states its period: "The fee will be charged
# each year that a sponsored worker stays on the payroll."
_ANAPHOR = re.compile(
    r"\s*[“\"]?(?:(?P<noun>(?:The|This|That|Such|Its|The new|The same)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:fee|charge|levy|payment|surcharge)s?\b)|(?:It|This|That)\b)"
)

# A correction note ("(This story has been corrected to fix the rate to £480
# from £408 in paragraph 2)", "An earlier version of this story gave ..."):
# only the figure it corrects to is a fee; the others are the wrong figures.
_CORRECTION = re.compile(
    r"\W*(?:(?:This|The) (?:story|article|report|item)\b[^.\n]{0,30}?"
    r"\b(?:corrected|amended|updated|clarified)"
    r"|(?:An|The) (?:earlier|previous) (?:version|edition) of this\b"
    r"|Corrects?\b|Correction\b|Clarification\b)",
    re.I,
)


@dataclass(frozen=True)
class _Page:
    """One doc's text, its amounts (conversions left out) and every number in
    it; ``named`` maps an amount to the programme its sentence names, as the
    amounts are read."""

    doc: Doc
    text: str
    amounts: list[Money]
    found: list[Quantity]
    named: dict[tuple[float, str], str] = field(default_factory=dict)
    # The text with programme names blanked: a name's own words are no fee cue ("the Pay Limit
    # Scheme to 375,000 Danish crowns", "Premium Residency").
    cue_text: str = ""


class FeeFinder:
    """Emits fee facts; ``rates`` is the user's table (units of a currency per
    1 USD), used only where the article states no rate of its own."""

    def __init__(self, rates: dict[str, float] | None = None) -> None:
        self.rates = {k.upper(): float(v) for k, v in (rates or {}).items() if float(v) > 0}

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        rates = {**self.rates, **find_rates(text)}
        amounts = find_money(text)
        kept = [m for i, m in enumerate(amounts) if not _is_conversion(text, amounts, i)]
        # A conversion is part of the amount it restates: "280 yuan ($39)".
        spans = [(m.start, (_converted(text, amounts, amounts.index(m)) or m).end) for m in kept]
        page = _Page(doc, text, kept, quantities(text, spans), cue_text=_without_programmes(doc, text))
        for money in kept:
            fact = _fee(page, money, _converted(text, amounts, amounts.index(money)), rates)
            if fact is not None:
                facts_of(doc).append(fact)
        return doc


def _without_programmes(doc: Doc, text: str) -> str:
    """``text`` with every programme mention blanked, length kept."""
    chars = list(text)
    for span in programme_spans(doc):
        chars[span.start_char : span.end_char] = " " * (span.end_char - span.start_char)
    return "".join(chars)


def _fee(page: _Page, money: Money, converted: Money | None, rates: dict[str, float]) -> FeeFact | None:
    doc, text = page.doc, page.text
    sentence = sentence_of(doc, money.start, money.end)
    lo = max(sentence.start_char, money.start - WINDOW)
    hi = min(sentence.end_char, money.end + WINDOW)
    c_lo, c_hi = _clause(text, sentence.start_char, sentence.end_char, money)
    # The fee word may stand anywhere in the amount's clause ("The processing
    # fee for ..., including ..., rises to C$950") or just around it.
    # An elliptical clause (", and from £364 to £480") repeats the fee word of
    # the clause before it.
    # A clause with no verb of its own (", and the Netherlands €380 per
    # application") borrows the verb of the clause before it.
    cue_lo = sentence.start_char if _repeats(page, sentence, c_lo, money) else c_lo
    restated = _restated_price(page, sentence, money)
    cued = (_FEE_CUE.search(page.cue_text[lo:hi]) or _FEE_CUE.search(page.cue_text[cue_lo:c_hi])
            or _PRICE_COPULA.search(text, c_lo, money.start) or restated is not None)
    if not cued or _not_fee(page, money, max(lo, c_lo)) or _is_total(money) or _denied(text, money):
        return None
    if _is_sum(text, money, c_lo) or _RATE_AFTER.match(text, money.end):
        return None
    if _wrong_figure(text, money):
        return None
    programme, nearby = _programme(doc, money, sentence, page.named)
    if not nearby:
        programme, nearby = _kind_programme(page, money, sentence) or (programme, nearby)
    # Money in a sentence that names no programme is a fee only when the
    # sentence (or the one before it in the paragraph: "The visa itself is
    # cheap. Applicants pay 140 yuan") speaks of a fee or a visa; "a $2
    # million settlement" is not.
    if not nearby and restated is None and not _fee_context(doc, text, sentence):
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
        period=_period(page, money, sentence) or (restated[1] if restated else None),
        applies_to=_applies_to(doc, money, after),
        amount_text=money.text,
    )


def _kind_programme(page: _Page, money: Money, sentence: Span) -> tuple[str, bool] | None:
    """A generic kind the fee's sentence names when it and the one before name no programme ("A work
    permit costs 900 crowns"): the fee makes the kind a programme (lead decision, issue 3), emitted
    once, with the country its context gives."""
    taken = [(s.start_char, s.end_char) for s in programme_spans(page.doc)]
    kind = owning_kind(page.text, sentence.start_char, sentence.end_char, (money.start, money.end), taken)
    if kind is None:
        return None
    start, end, name = kind
    facts = facts_of(page.doc)
    if not any(isinstance(f, VisaProgrammeFact) and f.name == name for f in facts):
        facts.append(VisaProgrammeFact(sentence=sentence.text.strip(), start=start, end=end, name=name,
                                       country=context_country(page.text, start, end)))
    return name, True


def _restated_price(page: _Page, sentence: Span, money: Money) -> tuple[Span, FeePeriod | None] | None:
    """'The Immigration Skills Charge ... will rise to £1,320 a year ... It
    currently stands at £1,000 and £364': a pronoun for the fee of the
    sentence before, with its price now; the fee's period is that sentence's
    (when its amounts agree on one)."""
    if _RESTATED.match(page.text, sentence.start_char, money.start) is None:
        previous = None
    else:
        previous = _previous_in_paragraph(page.doc, page.text, sentence)
    if previous is None or not _FEE_NOUN.search(previous.text):
        return None
    periods = {_own_period(page, m, previous) for m in page.amounts
               if previous.start_char <= m.start < previous.end_char}
    return previous, (periods.pop() if len(periods) == 1 else None)


def _wrong_figure(text: str, money: Money) -> bool:
    """An amount of a correction note other than the one it corrects to
    ("... to £480 from £408": £408; "An earlier version ... said the fee was $260")."""
    if _CORRECTION.match(text, text.rfind("\n", 0, money.start) + 1) is None:
        return False
    return re.search(r"\bto\s*$", text[max(0, money.start - 5) : money.start]) is None


def _denied(text: str, money: Money) -> bool:
    """'will rise to £480, not £408': the amount the text denies. 'Will now
    pay well over £12,000', 'quoted more than £15,000 for a family': a lower
    bound is a sum of costs, never the price a fee table states."""
    return re.search(r"\b(?:not|rather than|more than|well over|upwards of|in excess of)\s*$",
                     text[max(0, money.start - 15) : money.start]) is not None


def _fee_context(doc: Doc, text: str, sentence: Span) -> bool:
    if _FEE_NOUN.search(sentence.text) or _VISA_CONTEXT.search(sentence.text):
        return True
    previous = _previous_in_paragraph(doc, text, sentence)
    return previous is not None and _VISA_CONTEXT.search(previous.text) is not None


def _previous_in_paragraph(doc: Doc, text: str, sentence: Span) -> Span | None:
    if sentence.start == 0:
        return None
    previous = doc[sentence.start - 1].sent
    return None if "\n" in text[previous.start_char : sentence.start_char] else previous


def _period(page: _Page, money: Money, sentence: Span) -> FeePeriod | None:
    """The amount's period: from its clause, else from an amount it is linked
    to, else from the clause its elliptical clause repeats, else from the next
    sentence of the paragraph when that sentence is about the fee."""
    own = _own_period(page, money, sentence)
    if own is not None:
        return own
    index = page.amounts.index(money)
    for other in page.amounts[max(0, index - 1) : index + 2]:
        first, second = sorted((other, money), key=lambda m: m.start)
        if other is not money and _LINK.fullmatch(page.text, first.end, second.start):
            linked = _own_period(page, other, sentence)
            if linked is not None:
                return linked
    return _elliptical_period(page, money, sentence) or _next_sentence_period(page, money, sentence)


def _own_period(page: _Page, money: Money, sentence: Span) -> FeePeriod | None:
    lo, hi = _clause(page.text, sentence.start_char, sentence.end_char, money)
    return clause_period(page.text, lo, hi, money.start, page.found)


def _elliptical_period(page: _Page, money: Money, sentence: Span) -> FeePeriod | None:
    text = page.text
    lo, _ = _clause(text, sentence.start_char, sentence.end_char, money)
    # "the $350 SEVIS fee, paid once ..., and the $185 visa application fee":
    # an amount with a fee noun of its own is a new item, not a repeat.
    if not _repeats(page, sentence, lo, money) or own_fee_noun(text, money.end, sentence.end_char):
        return None
    earlier = [m for m in page.amounts if sentence.start_char <= m.start < lo]
    return _own_period(page, earlier[-1], sentence) if earlier else None


def _repeats(page: _Page, sentence: Span, clause_start: int, money: Money) -> bool:
    """Whether the amount's clause repeats the clause before it: elliptical
    (", and from £364 to £480") or gapped (", and the Netherlands €380")."""
    return (_elliptical(page.text, sentence.start_char, clause_start)
            or _gapped(page, sentence.start_char, clause_start, money))


def _gapped(page: _Page, sentence_start: int, clause_start: int, money: Money) -> bool:
    """Whether the clause at ``clause_start`` is ", and" + a noun phrase and the
    amount with no verb between them ("charges €100, ..., and the Netherlands €380"),
    or the amount right after ", and" ("is A$3,210 for the main applicant, and
    A$805 for each child"). A clause with a fee noun of its own (", and, at
    larger companies, an asylum program fee of $600") is a new item. An aside
    set off by commas after ", and" (", and, if more than half of their staff
    are on H-1B visas, an extra $4,500") has its own verb, not the amount's."""
    if clause_start <= sentence_start or not re.search(r"\b(?:and|plus)\s*$", page.text[:clause_start]):
        return False
    aside = _ASIDE.match(page.text, clause_start, money.start)
    start = aside.end() if aside is not None else clause_start
    if not page.text[start : money.start].strip():
        return any(sentence_start <= m.end <= clause_start for m in page.amounts)
    words = page.doc.char_span(start, money.start, alignment_mode="contract")
    if words is None or _FEE_NOUN.search(words.text):
        return False
    return len(words) > 0 and not any(t.pos_ in {"VERB", "AUX"} for t in words)


# ", if more than half of their staff are on H-1B visas,": a fronted condition,
# place or time between ", and" and what it qualifies.
_ASIDE = re.compile(
    r"\s*,\s*(?:if|when|where|unless|once|for|at|in|with|after|before)\b[^,;:]*,\s*", re.I
)


# A sum of several fees: "the three charges together come to ₹67,000", "that adds up to about
# $12.8 million", "A couple ... will pay C$3,440 in government fees" (blind4 b4_07, b4_08, b4_12). "The visa
# costs £766 in total" is one visa's fee (holdout h11, blind b03).
_SUM_BEFORE = re.compile(
    r"\b(?:add(?:s|ed|ing)?\s+up\s+to|(?:together|combined|altogether)\s+(?:\w+\s+)?(?:to|at)"
    r"|com(?:e|es|ing)\s+to|total(?:s|led|ling|ed|ing)|(?:for|of)\s+a\s+(?:combined\s+)?total\s+of)"
    r"\s+(?:(?:about|around|roughly|nearly|almost|some|over|more\s+than|up\s+to)\s+)?$",
    re.I,
)
_SUM_AFTER = re.compile(r"\s+in\s+(?:[a-z-]+\s+)?fees\b")
_HOUSEHOLD = re.compile(r"\b(?:couples?|famil(?:y|ies)|households?)\b", re.I)
# An exchange rate, not a price: "At ₹85.20 to the dollar".
_RATE_AFTER = re.compile(
    r"\s+(?:to|per|for|against)\s+(?:the|one|each|a|1)\s+(?:U\.?S\.?\s+)?(?:dollar|euro|pound|yen|yuan)\b"
)


def _is_sum(text: str, money: Money, clause_start: int) -> bool:
    """Whether the amount sums several fees rather than being one."""
    if _SUM_BEFORE.search(text, clause_start, money.start):
        return True
    # "$185 in consular fees" is one applicant's fee; a household's "in ... fees" adds several up.
    return bool(_SUM_AFTER.match(text, money.end) and _HOUSEHOLD.search(text, clause_start, money.start))


def _is_total(money: Money) -> bool:
    """An amount too large to be one applicant's fee: a total (an industry's
    bill, a year's revenue)."""
    return money.amount >= currency_table().total_units.get(money.currency, DEFAULT_TOTAL_UNITS)


def _elliptical(text: str, sentence_start: int, clause_start: int) -> bool:
    """Whether the clause at ``clause_start`` is ", and" + a preposition phrase."""
    return (clause_start > sentence_start and _ELLIPSIS.match(text, clause_start) is not None
            and text[:clause_start].rstrip().endswith("and"))


def _next_sentence_period(page: _Page, money: Money, sentence: Span) -> FeePeriod | None:
    """A period stated by one of the next five sentences about "the fee"
    ("The fee will be charged each year"), before any sentence with an amount
    of its own; "It ..." counts only within the paragraph."""
    doc, text = page.doc, page.text
    if sum(1 for m in page.amounts if sentence.start_char <= m.start < sentence.end_char) != 1:
        return None
    previous, new_paragraph = sentence, False
    for _ in range(NEXT_SENTENCES):
        if previous.end >= len(doc):
            return None
        following = doc[previous.end].sent
        new_paragraph = new_paragraph or "\n" in text[previous.start_char : following.start_char]
        if any(following.start_char <= m.start < following.end_char for m in page.amounts):
            return None
        subject = _ANAPHOR.match(following.text)
        period = stated_period(text, following.start_char, following.end_char) if subject else None
        if subject and period and (subject["noun"] or not new_paragraph):
            return period
        previous = following
    return None


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


def _not_fee(page: _Page, money: Money, lo: int) -> bool:
    """A "not a fee" word about this amount. Before it with no fee noun after
    ("signing bonuses of up to", but not "an annual integrity fund fee of"),
    and with no other amount in between ("raised $5 million ... the $100,000
    fee") unless that one is an alternative ("an investment of $800,000 ...,
    or $1,050,000"), nor the word the noun of an earlier amount ("a $1 million
    gift to the Treasury and a $15,000 processing fee"); or right after it
    ("an $800,000 investment", "$40,000 in tuition"); or a wage ("pay workers
    at least £41,700")."""
    text = page.text
    if _paid_to_a_private_party(page, money, _after_other_amounts(page, money, lo)):
        return True
    if own_fee_noun(text, money.end, min(len(text), money.end + WINDOW)):
        return False  # "the $350 F-1 SEVIS fee" is a fee whatever stands before it
    lo = _after_other_amounts(page, money, lo)
    last_not = max((m.end() for m in _NOT_FEE.finditer(text, lo, money.start)
                    if not _heads_an_amount(page, lo, m.start())), default=-1)
    # A fee word after it outweighs it, but not a verb right after it: in
    # "tuition costs $40,000" the verb states the price of the tuition.
    subjects = {m.end() for m in _NOT_FEE.finditer(text, lo, money.start)}
    last_cue = max((m.end() for m in _FEE_CUE.finditer(text, lo, money.start)
                    if _FEE_WORD.fullmatch(m.group(0)) or not _follows(text, subjects, m.start())),
                   default=-1)
    if last_not >= 0 and last_not >= last_cue:
        return True
    return bool(_NOT_FEE_AFTER.match(text, money.end) or _paid_to_people(text, money.end)
                or _WAGE.search(text, lo, money.start)
                or _priced_subject_is_not_a_fee(page.doc, money))


def _paid_to_people(text: str, end: int) -> bool:
    """'3 million yuan to top scientists', '2,000 yuan, paid to clinics': not
    'a further €170 to the Agency for Integration'."""
    found = _PAID_TO_PEOPLE.match(text, end)
    return found is not None and not found["who"][0].isupper()


def _paid_to_a_private_party(page: _Page, money: Money, lo: int) -> bool:
    """The amount's fee is a university's, a lawyer's or an agent's: named
    right after it ("$3,000 in legal fees"), or as the subject whose price
    it is ("University application fees alone run to ₹1.5 lakh")."""
    if _PRIVATE_AFTER.match(page.text, money.end) is not None:
        return True
    if any(_PRIVATE_FEE.search(words) for words in _priced_subjects(page.doc, money)):
        return True
    # "her agency charges clients 3,000 rupees": the one who charges is a private party.
    charger = _PRIVATE_CHARGER.search(page.text, lo, money.start)
    if charger is not None and _government_body(page.text, charger.start()):
        charger = None  # "The Swedish Migration Agency charges": the state, no private party
    return charger is not None or _reported_charger(page.doc, money)


def _government_body(text: str, start: int) -> bool:
    """Whether the word at ``start`` ends a government body's name ("Migration Agency")."""
    before = text[max(0, start - 60) : start + 40]
    offset = start - max(0, start - 60)
    return any(m.start() <= offset < m.end() for m in country_lexicon().body_pattern.finditer(before))


_CHARGING = frozenset({"charge", "bill"})
_REPORTING = frozenset("say tell add note estimate report explain".split())
_PRIVATE_NOUN = re.compile(
    rf"(?:{_PRIVATE_PAYEE}|firms?|compan(?:y|ies)|providers?|intermediar(?:y|ies)|middlem[ae]n)", re.I
)


def _reported_charger(doc: Doc, money: Money) -> bool:
    """'lawyers in Mumbai ... said they charged around 3 lakh rupees': by the
    parse, the one who charges is a pronoun for the speaker, a private party."""
    found = _governing_verb(doc, money)
    if found is None or found[1].lemma_.lower() not in _CHARGING:
        return False
    verb = found[1]
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    reported = verb.dep_ == "ccomp" and verb.head.lemma_.lower() in _REPORTING
    if reported and all(s.pos_ == "PRON" for s in subjects):
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
    text = text_of(doc)
    return any(_PRIVATE_NOUN.fullmatch(s.text) and not _government_body(text, s.idx) for s in subjects)


# Verbs that state a price of their subject: "health insurance costs $2,000".
_PRICE_VERBS = frozenset({"cost", "be", "run", "total", "come", "amount", "range", "vary", "start"})


def _priced_subject_is_not_a_fee(doc: Doc, money: Money) -> bool:
    """Whether the amount is the price of a subject that is not a fee ("a
    one-way flight to New York costs Rs 60,000"), by the parse."""
    return any(_NOT_FEE.search(words) and not _FEE_WORD.search(words)
               for words in _priced_subjects(doc, money))


def _priced_subjects(doc: Doc, money: Money) -> list[str]:
    """The subjects of the price verb the amount hangs from, as text."""
    found = _governing_verb(doc, money)
    if found is None or found[1].lemma_ not in _PRICE_VERBS:
        return []
    text = text_of(doc)
    verb = found[1]
    subjects = [t for t in verb.children if t.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and verb.dep_ in ("conj", "ccomp"):
        # "Salaries offered to K visa holders ... range from 25,000 to 40,000 yuan",
        # parsed as a verb under "offered" with no subject: its subject is the head's.
        subjects = [t for t in verb.head.children if t.dep_ in ("nsubj", "nsubjpass")]
    return [text[t.left_edge.idx : t.right_edge.idx + len(t.right_edge.text)] for t in subjects]


def _follows(text: str, ends: set[int], start: int) -> bool:
    """Whether ``start`` comes right after one of ``ends`` (one word between at most)."""
    return any(re.fullmatch(r"\s+(?:[\w’'-]+\s+)?", text[end:start]) for end in ends if end <= start)


def _after_other_amounts(page: _Page, money: Money, lo: int) -> int:
    """Where the words about ``money`` may begin: after the last other amount
    before it, unless the two are alternatives joined by "or"."""
    for other in reversed(page.amounts):
        if lo <= other.end <= money.start:
            between = page.text[other.end : money.start]
            if re.search(r"\bor\b", between) and not _FEE_WORD.search(between):
                return lo
            return other.end
    return lo


def _heads_an_amount(page: _Page, lo: int, start: int) -> bool:
    """Whether the word at ``start`` follows an earlier amount within two words, or is what that
    amount is ("asks for US$60,000 in annual income and costs IDR 12.5 million")."""
    return any(lo <= m.end <= start and (_HEAD_GAP.fullmatch(page.text, m.end, start)
                                         or _is_what_it_is(page.text, m.end, start))
               for m in page.amounts)


def _is_what_it_is(text: str, end: int, start: int) -> bool:
    found = _NOT_FEE_AFTER.match(text, end)
    return found is not None and end <= start < found.end()


def _programme(doc: Doc, money: Money, sentence: Span,
               known: dict[tuple[float, str], str]) -> tuple[str | None, bool]:
    """The fee's programme, and whether it is named in this sentence or the one
    before: the one inside the fee's own noun phrase ("the $100,000 fee that
    the United States imposed on new H-1B petitions"), else the nearest in the
    amount's clause ("Filing an O-1 petition costs $1,055, and an L-1 petition
    $1,385"), else the nearest in the sentence. A programme named only as a
    comparison ("next to the Skilled Worker route") is not the fee's."""
    span = _relative_programme(doc, money) or _phrase_programme(doc, money) \
        or within(amount_owner(doc, money.start, money.end), sentence) \
        or _clause_programme(doc, money, sentence) or nearest_topical(doc, money.start, money.end, sentence)
    if span is not None:
        known.setdefault((money.amount, money.currency), span.kb_id_)
        return span.kb_id_, True
    # "“Nobody is paying $100,000 for a junior developer,” Raman said": an
    # amount already named as a programme's fee, repeated without a programme
    # of its own, is that fee.
    if (money.amount, money.currency) in known:
        return known[(money.amount, money.currency)], True
    # The sentence before, then the earlier sentences of the paragraph: "The
    # EB-5 programme requires an investment of $800,000. The investor can get
    # the money back. Filing Form I-526E costs $11,160."
    text = text_of(doc)
    previous: Span | None = sentence
    while span is None and previous is not None and previous.start > 0:
        earlier = doc[previous.start - 1].sent
        if previous is not sentence and "\n" in text[earlier.start_char : sentence.start_char]:
            break
        previous = earlier
        span = nearest_topical(doc, money.start, money.end, previous)
        if span is not None and inside_quotation(doc, span) and not _quoted(doc, money):
            span = None
    if span is not None:
        # Known like an amount whose own sentence names the programme: a correction line's
        # "to £480 from £408" restates this fee.
        known.setdefault((money.amount, money.currency), span.kb_id_)
        return span.kb_id_, True
    span = main_topical(doc)
    return (span.kb_id_ if span is not None else None), False


_FEE_HEADS = frozenset("fee charge levy surcharge payment price premium".split())


def _phrase_programme(doc: Doc, money: Money) -> Span | None:
    """A programme inside the noun phrase of the fee noun the amount modifies
    ("the $100,000 fee ... on new H-1B petitions", "a fee of $600 for ...")."""
    span = doc.char_span(money.start, money.end, alignment_mode="expand")
    if span is None:
        return None
    head = quantified_noun(span)
    if head.lemma_.lower() not in _FEE_HEADS:
        return None
    phrase = doc[head.left_edge.i : head.right_edge.i + 1]
    return nearest_topical(doc, money.start, money.end, phrase)


def _relative_programme(doc: Doc, money: Money) -> Span | None:
    """The programme a relative clause holding the amount describes, even one named as a
    comparison: "Compared with Indonesia's E33G visa, which costs IDR 12.5 million, ..."."""
    span = doc.char_span(money.start, money.end, alignment_mode="expand")
    if span is None:
        return None
    clause = next((t for t in span.root.ancestors if t.dep_ == "relcl"), None)
    if clause is None:
        return None
    return next((s for s in programme_spans(doc) if s.start <= clause.head.i < s.end), None)


def _clause_programme(doc: Doc, money: Money, sentence: Span) -> Span | None:
    lo, hi = _clause(text_of(doc), sentence.start_char, sentence.end_char, money)
    clause = doc.char_span(lo, hi, alignment_mode="contract")
    return nearest_topical(doc, money.start, money.end, clause) if clause is not None else None


def _quoted(doc: Doc, money: Money) -> bool:
    span = doc.char_span(money.start, money.end, alignment_mode="expand")
    return span is not None and inside_quotation(doc, span)


def _applies_to(doc: Doc, money: Money, after: str) -> str | None:
    """Who the fee applies to: "for new petitions" after the amount, else the
    payer the parse names as the subject of "pay"/"face" or the object of
    "cost"/"charge"."""
    match = _APPLIES.search(after)
    if match is not None:
        who = re.sub(r"\b[A-Za-z][\w-]*\d[\w-]*\s+", "", match["who"])  # "new H1B applications"
        return " ".join(who.lower().split())
    return _payer(doc, money)


def _governing_verb(doc: Doc, money: Money) -> tuple[Span, Token] | None:
    """The amount's tokens and the verb its phrase hangs from (the root when none)."""
    span = doc.char_span(money.start, money.end, alignment_mode="expand")
    if span is None:
        return None
    verb = span.root
    while verb.head.i != verb.i and verb.pos_ not in ("VERB", "AUX"):
        verb = verb.head
    return span, verb


def _payer(doc: Doc, money: Money) -> str | None:
    found = _governing_verb(doc, money)
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
