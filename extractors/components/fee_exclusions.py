"""Amounts that are not a fee: money of another purpose (a bonus, a salary or
wage, an investment minimum, funds to show, tuition, living costs, insurance
cover, a salary bar and the old level it rises from), money paid to people or
to private providers (universities, lawyers, agents, brokers), a total or a
sum of several fees, and an exchange rate (figures the text itself sets aside,
a correction note's or a denial's, are ``fee_denials``'s). A not-a-fee word is
about the amount next to it, so "a $1 million gift ... and a $15,000
processing fee" keeps the fee, and an amount that modifies a fee noun ("the
$350 SEVIS fee") is a fee.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from extractors.components.common import sentence_of, text_of
from extractors.components.fee_page import (
    FEE_CUE,
    FEE_WORD,
    LEXICON,
    WINDOW,
    FeePage,
    clause_bounds,
    governing_verb,
)
from extractors.components.fee_periods import own_fee_noun
from extractors.country_lexicon import country_lexicon
from extractors.currency_table import currency_table
from extractors.money import Money

_NOT_FEE_NOUNS = LEXICON.alternation(LEXICON.not_fee_nouns(after=False))
_NOT_FEE_AFTER_NOUNS = LEXICON.alternation(LEXICON.not_fee_nouns(after=True))


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
_PRIVATE_PAYEE = rf"(?:{LEXICON.alternation(LEXICON.private_payees)})"
_PRIVATE_FEE = re.compile(
    rf"\b{_PRIVATE_PAYEE}\s+(?:(?:application|admission|processing|service|sitting)\s+)?fees?\b", re.I
)
_PRIVATE_AFTER = re.compile(
    rf"[\s-]*(?:(?:in|on)\s+)?(?:(?!(?:and|or|but|for|of|to|on)\b)[\w’'-]+\s+){{0,2}}?{_PRIVATE_FEE.pattern}",
    re.I,
)
# "brokers in the sending countries have charged workers": a place after the charger, and
# auxiliaries or adverbs before the verb; not a passive ("firms are charged" pay).
_PRIVATE_CHARGER = re.compile(
    rf"\b(?:{_PRIVATE_PAYEE}|firms?|compan(?:y|ies)|providers?|intermediar(?:y|ies)|middlem[ae]n"
    r"|(?:web)?sites|touts?|fixers?|scammers?)"
    r"(?:\s+(?:in|from|at|across|abroad|overseas)(?:\s+(?!(?:and|or|but|who|which|that|is|are|was|were|be|been|get|got)\b)[\w’'-]+){0,3})?"
    r"(?:\s+(?:have|has|had|can|may|might|often|typically|usually|routinely|still|also|now|\w+ly))*"
    r"\s+charg(?:e|es|ed|ing)\b[^.;:]*$",
    re.I,
)
# At most two words, none of them a function word: "$800,000 minimum investment".
_HEAD_GAP = re.compile(
    r"[\s-]*(?:(?!(?:and|or|but|the|a|an|to|of|for|in|on|while|is|are|was|were)\b)[\w’'-]+\s+){0,2}",
    re.I,
)
# "about €1,100 a month has to be shown as proof of funds": money an applicant shows, not pays.
_MEANS_SHOWN = re.compile(
    r"(?:[\s-]+(?:a|per|each)[\s-]+(?:year|month|week))?\s+(?:(?:has|have|had|must|needs?|will\s+need)\s+to\s+be"
    r"|must\s+be|should\s+be)\s+(?:shown|proven|proved|demonstrated|evidenced|held|kept|deposited|set\s+aside)\b",
    re.I,
)
# "NZ$11,000 for two years of cover", "$900 in medical coverage": insurance bought, not a fee.
_COVER = re.compile(
    r"[\s-]+(?:(?:a|per|each)\s+(?:year|month)\s+)?(?:for|of|in|on)\s+(?:(?:a|an|one|two|three|four|five"
    r"|\d+|several|their|his|her)\s+)?(?:(?:years?|months?|weeks?)\s+of\s+)?(?:(?:health|medical|hospital"
    r"|private|full|insurance)\s+)?(?:cover|coverage)\b",
    re.I,
)
# "pay Skilled Worker visa holders at least £41,700": a wage, paid to people.
_WAGE = re.compile(
    r"\bpa(?:y|ys|id|ying)\s+(?:[\w-]+\s+){0,3}?(?:workers?|holders?|employees?|staff|researchers?"
    r"|nurses?|engineers?|graduates?|recruits?|postdocs?|scientists?|doctors?|teachers?|professors?|hires?"
    r"|physicians?|surgeons?|developers?|programmers?|interns?|analysts?|drivers?|carers?|welders?"
    r"|them|him|her)\s+(?:at least|a minimum of|an average of|between"
    r"|about|around|up to|more than|salaries of|wages of)?\s*$",
    re.I,
)


# The dearest price of one visa in the news is the $5 million "platinum
# card" (about ₹44 crore, ¥750 million): an amount at or above these bounds
# (units of its currency) is a total ("would cost them close to ₹8,000
# crore", "$14 billion a year"), never one applicant's fee.
# Currencies of many units to the dollar have their bounds in the table
# ("total_units": ₹ and ¥ 1e9, won 1e10, rupiah and dong 1e11).
DEFAULT_TOTAL_UNITS = 1e8


# A sum of several fees: "the three charges together come to ₹67,000", "that adds up to about
# $12.8 million", "A couple ... will pay C$3,440 in government fees" (blind4 b4_07, b4_08, b4_12). "The visa
# costs £766 in total" is one visa's fee (holdout h11, blind b03).
_SUM_BEFORE = re.compile(
    r"\b(?:add(?:s|ed|ing)?\s+up\s+to|(?:together|combined|altogether)\s+(?:\w+\s+)?(?:to|at)"
    r"|(?P<verb>com(?:e|es|ing)\s+to)|total(?:s|led|ling|ed|ing)|(?:for|of)\s+a\s+(?:combined\s+)?total\s+of)"
    r"\s+(?:(?:about|around|roughly|nearly|almost|some|over|more\s+than|up\s+to)\s+)?$",
    re.I,
)
_SUM_AFTER = re.compile(r"\s+in\s+(?:[a-z-]+\s+)?fees\b")
_ALONE_AFTER = re.compile(
    r"\s+in\s+(?:[\w-]+\s+){0,2}?(?:fees|charges?|levy|levies|surcharges?)\s+alone\b", re.I
)
_HOUSEHOLD = re.compile(r"\b(?:couples?|famil(?:y|ies)|households?)\b", re.I)
# An exchange rate, not a price: "At ₹85.20 to the dollar".
RATE_AFTER = re.compile(
    r"\s+(?:to|per|for|against)\s+(?:the|one|each|a|1)\s+(?:U\.?S\.?\s+)?(?:dollar|euro|pound|yen|yuan)\b"
)


def is_sum(text: str, money: Money, clause_start: int) -> bool:
    """Whether the amount sums several fees rather than being one."""
    summed = _SUM_BEFORE.search(text, clause_start, money.start)
    # "Government charges for the Green Visa come to around Dh3,500 to Dh4,500": a range is the
    # price one visa may cost, never a sum worked out to one figure.
    if summed is not None and not (summed["verb"] and money.high is not None):
        return True
    # "£2,400 in skills charge alone", "$9,000 in fees alone": a running total of one charge or
    # of several.
    if _ALONE_AFTER.match(text, money.end):
        return True
    # "$185 in consular fees" is one applicant's fee; a household's "in ... fees" adds several up.
    return bool(_SUM_AFTER.match(text, money.end) and _HOUSEHOLD.search(text, clause_start, money.start))


def is_total(money: Money) -> bool:
    """An amount too large to be one applicant's fee: a total (an industry's
    bill, a year's revenue)."""
    return money.amount >= currency_table().total_units.get(money.currency, DEFAULT_TOTAL_UNITS)


def not_fee(page: FeePage, money: Money, lo: int) -> bool:
    """A "not a fee" word about this amount. Before it with no fee noun after
    ("signing bonuses of up to", but not "an annual integrity fund fee of"),
    and with no other amount in between ("raised $5 million ... the $100,000
    fee") unless that one is an alternative ("an investment of $800,000 ...,
    or $1,050,000"), nor the word the noun of an earlier amount ("a $1 million
    gift to the Treasury and a $15,000 processing fee"); or right after it
    ("an $800,000 investment", "$40,000 in tuition"); or a wage ("pay workers
    at least £41,700")."""
    text = page.text
    # Who charges may stand further back in the clause than the other words: "brokers in the
    # sending countries have charged workers as much as 10 million won".
    sentence = sentence_of(page.doc, money.start, money.end)
    clause_lo = clause_bounds(text, sentence.start_char, sentence.end_char, money)[0]
    if _paid_to_a_private_party(page, money, _after_other_amounts(page, money, min(lo, clause_lo))):
        return True
    if own_fee_noun(text, money.end, min(len(text), money.end + WINDOW)):
        return False  # "the $350 F-1 SEVIS fee" is a fee whatever stands before it
    if _linked_to_not_fee(page, money, sentence, clause_lo):
        return True
    lo = _after_other_amounts(page, money, lo)
    last_not = max((m.end() for m in _NOT_FEE.finditer(text, lo, money.start)
                    if not _heads_an_amount(page, lo, m.start())), default=-1)
    # A fee word after it outweighs it, but not a verb right after it: in
    # "tuition costs $40,000" the verb states the price of the tuition.
    subjects = {m.end() for m in _NOT_FEE.finditer(text, lo, money.start)}
    last_cue = max((m.end() for m in FEE_CUE.finditer(text, lo, money.start)
                    if FEE_WORD.fullmatch(m.group(0)) or not _follows(text, subjects, m.start())),
                   default=-1)
    if last_not >= 0 and last_not >= last_cue:
        return True
    return bool(_NOT_FEE_AFTER.match(text, money.end) or _MEANS_SHOWN.match(text, money.end)
                or _COVER.match(text, money.end)
                or _paid_to_people(text, money.end)
                or _WAGE.search(text, lo, money.start)
                or _priced_subject_is_not_a_fee(page.doc, money))


# "the bar rises to S$6,800 from S$6,200": amounts linked as a change are the same kind of money.
_CHANGE_LINK = re.compile(r"\s*(?:to|from|,?\s*(?:up|down)\s+from)\s*", re.I)


def _linked_to_not_fee(page: FeePage, money: Money, sentence: Span, clause_lo: int) -> bool:
    """Whether the amount is the other level of a change whose amount before it is no fee."""
    index = page.amounts.index(money)
    if index == 0:
        return False
    before = page.amounts[index - 1]
    if before.start < clause_lo or not _CHANGE_LINK.fullmatch(page.text, before.end, money.start):
        return False
    lo = max(sentence.start_char, before.start - WINDOW, clause_lo)
    return not_fee(page, before, lo)


def _paid_to_people(text: str, end: int) -> bool:
    """'3 million yuan to top scientists', '2,000 yuan, paid to clinics': not
    'a further €170 to the Agency for Integration'."""
    found = _PAID_TO_PEOPLE.match(text, end)
    return found is not None and not found["who"][0].isupper()


def _paid_to_a_private_party(page: FeePage, money: Money, lo: int) -> bool:
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
    parse, the one who charges is a pronoun for the speaker, a private party, or a named person."""
    found = governing_verb(doc, money)
    if found is None or found[1].lemma_.lower() not in _CHARGING:
        return False
    verb = found[1]
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects and verb.dep_ == "conj":
        # "his firm had cut staff and now charges clients": the subject of the first verb.
        verb = verb.head
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    reported = verb.dep_ == "ccomp" and verb.head.lemma_.lower() in _REPORTING
    if reported and all(s.pos_ == "PRON" for s in subjects):
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
    text = text_of(doc)
    # A named person who charges ("Siddiqui charges $3,500 for a file") is an adviser with a
    # practice: states charge through their offices, not through people.
    # "Nadia Osei, an adviser in Accra, said she charges": the apposition says who the person is.
    named = [*subjects, *(c for s in subjects for c in s.children if c.dep_ == "appos")]
    return any((_PRIVATE_NOUN.fullmatch(s.text) and not _government_body(text, s.idx))
               or _is_person(doc, s) for s in named)


def _is_person(doc: Doc, token: Token) -> bool:
    """A person's name, or the surname of a person the article names in full ("Siddiqui")."""
    if token.ent_type_ == "PERSON":
        return True
    return token.text[:1].isupper() and any(e.label_ == "PERSON" and len(e) > 1 and e[-1].text == token.text
                                            for e in doc.ents)


# Verbs that state a price of their subject: "health insurance costs $2,000".
_PRICE_VERBS = frozenset({"cost", "be", "run", "total", "come", "amount", "range", "vary", "start"})


def _priced_subject_is_not_a_fee(doc: Doc, money: Money) -> bool:
    """Whether the amount is the price of a subject that is not a fee ("a
    one-way flight to New York costs Rs 60,000"), by the parse."""
    return any(_NOT_FEE.search(words) and not FEE_WORD.search(words)
               for words in _priced_subjects(doc, money))


def _priced_subjects(doc: Doc, money: Money) -> list[str]:
    """The subjects of the price verb the amount hangs from, as text."""
    found = governing_verb(doc, money)
    if found is None or found[1].lemma_ not in _PRICE_VERBS:
        return []
    text = text_of(doc)
    verb = found[1]
    subjects = [t for t in verb.children if t.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and verb.dep_ in ("conj", "ccomp"):
        # "Salaries offered to K visa holders ... range from 25,000 to 40,000 yuan",
        # parsed as a verb under "offered" with no subject: its subject is the head's.
        subjects = [t for t in verb.head.children if t.dep_ in ("nsubj", "nsubjpass")]
    return [_own_words(text, t) for t in subjects]


# Parts of a subject that say something else about it: "The General Permit, which covers jobs with a
# lower salary floor, costs €1,000" prices the permit, not the salary.
_ASIDE_DEPS = frozenset({"relcl", "appos", "acl", "advcl"})


def _own_words(text: str, subject: Token) -> str:
    """The subject's phrase as text, without its relative clauses and appositives."""
    left = [t for t in subject.lefts if t.dep_ not in _ASIDE_DEPS]
    right = []
    for t in subject.rights:
        if t.dep_ in _ASIDE_DEPS or t.is_punct:
            break
        right.append(t)
    lo = left[0].left_edge if left else subject
    hi = right[-1].right_edge if right else subject
    return text[lo.idx : hi.idx + len(hi.text)]


def _follows(text: str, ends: set[int], start: int) -> bool:
    """Whether ``start`` comes right after one of ``ends`` (one word between at most)."""
    return any(re.fullmatch(r"\s+(?:[\w’'-]+\s+)?", text[end:start]) for end in ends if end <= start)


def _after_other_amounts(page: FeePage, money: Money, lo: int) -> int:
    """Where the words about ``money`` may begin: after the last other amount
    before it, unless the two are alternatives joined by "or"."""
    for other in reversed(page.amounts):
        if lo <= other.end <= money.start:
            between = page.text[other.end : money.start]
            if re.search(r"\bor\b", between) and not FEE_WORD.search(between):
                return lo
            return other.end
    return lo


def _heads_an_amount(page: FeePage, lo: int, start: int) -> bool:
    """Whether the word at ``start`` follows an earlier amount within two words, or is what that
    amount is ("asks for US$60,000 in annual income and costs IDR 12.5 million")."""
    return any(lo <= m.end <= start and (_HEAD_GAP.fullmatch(page.text, m.end, start)
                                         or _is_what_it_is(page.text, m.end, start))
               for m in page.amounts)


def _is_what_it_is(text: str, end: int, start: int) -> bool:
    found = _NOT_FEE_AFTER.match(text, end)
    return found is not None and end <= start < found.end()
