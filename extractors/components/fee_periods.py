"""Fee periods: which period phrase of a clause belongs to which amount.

English news states a fee's period in two places. After what it measures, as
a rate or an adverb ("$100,000 a year", "£1,035 for each year of the visa",
"$780 per petition", "... and is paid once"): the phrase belongs to the
nearest quantity before it, which may be a count ("85,000 visas each year")
rather than money; with no quantity before it, it is fronted ("Each year,
employers pay $250") and belongs to the next amount. Before a noun, as an
adjective ("an annual integrity fee of $20,000", "a one-off charge of 1,200
yuan"): it belongs to the next amount of its noun phrase, or, as an apposition
or a predicate ("the $100,000 fee is a one-time payment"), to the amount
before. A negated phrase ("not an annual charge", "rather than yearly") states
no period, and a second fee noun between the phrase and an amount ("the
$100,000 fee with a levy paid every year") means the phrase is about the other
fee. Durations ("valid for a year", "up to a year") and counts of entries
("single-entry") are not periods: the patterns below never match them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.models import FeePeriod

# Rates and adverbs that follow what they measure.
POST_CUES: tuple[tuple[str, FeePeriod], ...] = (
    (r"\bonce (?:a|per|every|each) year\b", "per_year"),
    (r"\b(?:per|each|every) (?:calendar |financial )?year\b|\bper annum\b|\bannually\b"
     r"|\bevery (?:12|twelve) months\b", "per_year"),
    (r"\byearly\b(?=\s*(?:[,.;:)]|and\b|or\b|$))", "per_year"),
    (r"\b(?:per|each|every) (?:[\w-]+ ){0,2}?(?:petition|application|filing)\b", "per_petition"),
    (
        r"\b(?:paid|charged|levied|collected|payable|due|pay|pays|paying|charge|charges)\s+"
        r"(?:it\s+|only\s+|just\s+)?once\b(?!\s+(?:a|per|every|each)\s+year)|\bonly once\b|\bonce only\b",
        "one_time",
    ),
)
# Adjectives before the noun they modify.
PRE_CUES: tuple[tuple[str, FeePeriod], ...] = (
    (r"\b(?:annual|yearly)\b", "per_year"),
    (r"\b(?:one-time|one time|one-off|once-off|lump-sum|lump sum|non-?recurring)\b", "one_time"),
    (r"\bsingle\b(?=\s+(?:up-?front\s+)?(?:payments?|fees?|charges?|sums?|levy)\b)", "one_time"),
    (r"\bper-(?:petition|application)\b", "per_petition"),
)
_POST = tuple((re.compile(p, re.I), period) for p, period in POST_CUES)
_PRE = tuple((re.compile(p, re.I), period) for p, period in PRE_CUES)
# "a year" is a rate only right after an amount: "$100,000 a year", "£1,000 a
# year per worker", "$1,000 per worker a year", "$100,000-a-year".
_RATE_A = re.compile(
    r"(?:\s*(?:per|for each|a) (?:worker|employee|person|head|applicant|hire))?[\s-]+a[\s-]"
    r"(?P<unit>year|petition|application)\b",
    re.I,
)
_UNIT_PERIOD: dict[str, FeePeriod] = {
    "year": "per_year", "petition": "per_petition", "application": "per_petition",
}
FEE_HEAD = re.compile(
    r"\b(?:fees?|charges?|levy|levies|surcharges?|payments?|costs?|prices?|premiums?|sums?|bills?"
    r"|contributions?|one)\b",
    re.I,
)
# The amount's own noun: "$100,000 H-1B fee", "£525 certificate fee".
# The amount's own noun, the last fee word of a compound before any
# preposition: "$100,000 H-1B fee", "USD 2,805 premium processing fees".
_OWN_HEAD = re.compile(
    rf"[\s-]*(?:(?!(?:for|of|on|to|with|from|and|or|in|at|by)\b)[\w’'.-]+\s+){{0,3}}{FEE_HEAD.pattern}",
    re.I,
)
# Up to two words before the fee noun, or two pairs joined by "and": "$500 fraud prevention and
# detection fee".
_MODIFIER_WORD = r"(?!(?:a|an|the|and|or|to|for|of|on|in|per|would|will|is|was)\b)[\w’'.-]+ +"
_FEE_MODIFIER = re.compile(
    rf"[ -]*(?:{_MODIFIER_WORD}){{0,2}}(?:and +(?:{_MODIFIER_WORD}){{1,2}})?"
    r"(?:fees?|charges?|levy|levies|surcharges?|payments?)\b",
    re.I,
)
# An adjective before a word that is not a fee noun modifies that word: "the
# annual lottery", "a one-time exemption" state no period of a fee.
_ATTRIBUTIVE = re.compile(
    r"[ -]+(?!(?:and|or|but|not|rather|instead|than|for|to|in|on|at|of)\b)[A-Za-z]", re.I
)
_NP_GAP = re.compile(r"[\s-]*(?:[\w’'.-]+[\s-]+){0,3}", re.I)
_NEGATED = re.compile(
    r"\b(?:not|n[’']t|rather than|instead of|no longer|never|nor)\s+(?:[\w-]+\s+){0,2}$", re.I
)
# Bare numbers that are not money ("85,000 visas", "5,000 visa holders"); not
# years, not parts of names such as "L-1" or "I-526E".
_COUNT = re.compile(r"(?<![\w.,$€£¥₹-])(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w-])")
_YEAR = re.compile(r"(?:19|20)\d\d")
_MONTH_BEFORE = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+$")
_DAY_AFTER = re.compile(r"(?:st|nd|rd|th)\b")


@dataclass(frozen=True)
class Quantity:
    """A number in the text; ``money`` is False for counts."""

    start: int
    end: int
    money: bool


@dataclass(frozen=True)
class PeriodCue:
    """A period phrase; ``after`` is True for a rate or adverb after what it
    measures, False for an adjective before its noun."""

    start: int
    end: int
    period: FeePeriod
    after: bool


def quantities(text: str, money_spans: list[tuple[int, int]]) -> list[Quantity]:
    """Money amounts and counts, in text order."""
    found = [Quantity(s, e, True) for s, e in money_spans]
    for m in _COUNT.finditer(text):
        inside = any(s <= m.start() < e for s, e in money_spans)
        if not inside and not _YEAR.fullmatch(m.group(0)) and not _is_date_or_time(text, m.start(), m.end()):
            found.append(Quantity(m.start(), m.end(), False))
    return sorted(found, key=lambda q: q.start)


def _is_date_or_time(text: str, start: int, end: int) -> bool:
    """"Sept. 21", "21st", "12:01 a.m.": a day or a time, not a count."""
    return bool(_MONTH_BEFORE.search(text, max(0, start - 12), start) or _DAY_AFTER.match(text, end)
                or text[end : end + 1] == ":" or text[start - 1 : start] == ":")


def period_cues(text: str, lo: int, hi: int, amounts: list[Quantity]) -> list[PeriodCue]:
    """The period phrases of ``text[lo:hi]`` that are not negated."""
    cues = [PeriodCue(m.start(), m.end(), period, True)
            for pattern, period in _POST for m in pattern.finditer(text, lo, hi)]
    for pattern, period in _PRE:
        for m in pattern.finditer(text, lo, hi):
            if _modifies(text, m.end(), hi, amounts):
                cues.append(PeriodCue(m.start(), m.end(), period, False))
            elif not _ATTRIBUTIVE.match(text, m.end(), hi):
                # Predicative ("the fee is annual"): it measures what came before.
                cues.append(PeriodCue(m.start(), m.end(), period, True))
    for amount in amounts:
        rate = _RATE_A.match(text, amount.end, hi) if lo <= amount.start < hi else None
        if rate is not None:
            period = _UNIT_PERIOD[rate["unit"].lower()]
            cues.append(PeriodCue(rate.start("unit") - 2, rate.end(), period, True))
    return [c for c in cues if not _NEGATED.search(text, max(lo, c.start - 30), c.start)]


def _modifies(text: str, end: int, hi: int, amounts: list[Quantity]) -> bool:
    """Whether the adjective ending at ``end`` has a fee noun or an amount within three words."""
    following = text[end : min(hi, end + 60)]
    if _OWN_HEAD.match(following) is not None:
        return True
    nxt = next((a for a in amounts if a.start >= end), None)
    return nxt is not None and nxt.start < hi and _NP_GAP.fullmatch(text, end, nxt.start) is not None


def target(text: str, cue: PeriodCue, lo: int, hi: int, found: list[Quantity]) -> Quantity | None:
    """The money amount a cue belongs to within the clause ``[lo, hi)``, if any."""
    inside = [q for q in found if lo <= q.start and q.end <= hi]
    before = [q for q in inside if q.end <= cue.start]
    after = [q for q in inside if q.start >= cue.end]
    if cue.after:
        if before:
            nearest = before[-1]
            return nearest if nearest.money and not _blocked(text, nearest.end, cue.start) else None
        return after[0] if after and after[0].money and not _blocked(text, cue.end, after[0].start) else None
    if after and after[0].money and not _blocked(text, cue.end, after[0].start):
        return after[0]
    if before and before[-1].money and not _blocked(text, before[-1].end, cue.start):
        return before[-1]
    return None


def own_fee_noun(text: str, start: int, end: int) -> bool:
    """Whether the amount ending at ``start`` is the modifier of a fee noun ("$350 SEVIS fee")."""
    return _FEE_MODIFIER.match(text, start, end) is not None


def _blocked(text: str, start: int, end: int) -> bool:
    """A second fee noun between an amount and a phrase: the phrase is about that one."""
    own = _OWN_HEAD.match(text, start, end)
    rest_start = own.end() if own is not None else start
    return FEE_HEAD.search(text, rest_start, end) is not None


def clause_period(text: str, lo: int, hi: int, money_start: int, found: list[Quantity]) -> FeePeriod | None:
    """The period the clause ``[lo, hi)`` gives the amount starting at ``money_start``."""
    amounts = [q for q in found if q.money]
    best: tuple[int, FeePeriod] | None = None
    for cue in period_cues(text, lo, hi, amounts):
        hit = target(text, cue, lo, hi, found)
        if hit is None or hit.start != money_start:
            continue
        distance = abs(cue.start - hit.start)
        if best is None or distance < best[0]:
            best = (distance, cue.period)
    return best[1] if best else None


def stated_period(text: str, lo: int, hi: int) -> FeePeriod | None:
    """The first period phrase of a sentence that has no amount ("The fee will
    be charged each year"), for the fee of the sentence before."""
    cues = sorted(period_cues(text, lo, hi, []), key=lambda c: c.start)
    return cues[0].period if cues else None
