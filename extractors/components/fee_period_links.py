"""A fee's period where its own clause states none: from an amount it is
linked to ("from £1,000 to £1,320 per year", "$20,000, or $1,000"), from the
clause an elliptical or gapped clause repeats (", and from £364 to £480"), from
a later sentence about "the fee" (or one that reports what "the fee" is, or an "It ..." right
after a sentence about "the payment"), or from the fee a pronoun restates ("It
currently stands at £1,000").
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from extractors.components.fee_page import (
    FEE_NOUN,
    FeePage,
    clause_bounds,
    previous_in_paragraph,
)
from extractors.components.fee_periods import clause_period, own_fee_noun, stated_period
from extractors.models import FeePeriod
from extractors.money import Money

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

# "The White House said on Sunday that the charge is a one-time payment": a sentence that reports
# what "the fee" is.
_REPORTED_ANAPHOR = re.compile(
    r"[^.;:!?\n]{0,80}?\b(?:said|says|clarified|confirmed|added|stressed|explained|noted|stated)\s+"
    r"(?:(?:on|in|last|this)\s+\w+\s+)?that\s+"
    r"(?P<noun>(?:the|this|that|such|its|the new)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:fee|charge|levy|payment|surcharge)s?\b)",
    re.I,
)


def restated_price(page: FeePage, sentence: Span, money: Money) -> tuple[Span, FeePeriod | None] | None:
    """'The Immigration Skills Charge ... will rise to £1,320 a year ... It
    currently stands at £1,000 and £364': a pronoun for the fee of the
    sentence before, with its price now; the fee's period is that sentence's
    (when its amounts agree on one)."""
    if _RESTATED.match(page.text, sentence.start_char, money.start) is None:
        previous = None
    else:
        previous = previous_in_paragraph(page.doc, page.text, sentence)
    if previous is None or not FEE_NOUN.search(previous.text):
        return None
    periods = {_own_period(page, m, previous) for m in page.amounts
               if previous.start_char <= m.start < previous.end_char}
    return previous, (periods.pop() if len(periods) == 1 else None)


def fee_period(page: FeePage, money: Money, sentence: Span) -> FeePeriod | None:
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


def _own_period(page: FeePage, money: Money, sentence: Span) -> FeePeriod | None:
    lo, hi = clause_bounds(page.text, sentence.start_char, sentence.end_char, money)
    return clause_period(page.text, lo, hi, money.start, page.found)


def _elliptical_period(page: FeePage, money: Money, sentence: Span) -> FeePeriod | None:
    text = page.text
    lo, _ = clause_bounds(text, sentence.start_char, sentence.end_char, money)
    # "the $350 SEVIS fee, paid once ..., and the $185 visa application fee":
    # an amount with a fee noun of its own is a new item, not a repeat.
    if not repeats(page, sentence, lo, money) or own_fee_noun(text, money.end, sentence.end_char):
        return None
    earlier = [m for m in page.amounts if sentence.start_char <= m.start < lo]
    if not earlier:
        return None
    last = earlier[-1]
    own = _own_period(page, last, sentence)
    # The clause repeated may end on an old level linked to the new one ("will pay £1,320 per worker
    # for each year of the visa, up from £1,000, and small firms £480"): the new level's period; an
    # item of a list (", a $300 anti-fraud fee, and ... $2,500") lends none.
    if own is None and len(earlier) > 1 and _OLD_LEVEL.search(page.text, earlier[-2].end, last.start):
        own = _own_period(page, earlier[-2], sentence)
    return own


# ", up from £1,000": the amount before is the old level of the one before it.
_OLD_LEVEL = re.compile(r",\s*(?:up|down)\s+from\s*$", re.I)


def repeats(page: FeePage, sentence: Span, clause_start: int, money: Money) -> bool:
    """Whether the amount's clause repeats the clause before it: elliptical
    (", and from £364 to £480") or gapped (", and the Netherlands €380")."""
    return (_elliptical(page.text, sentence.start_char, clause_start)
            or _gapped(page, sentence.start_char, clause_start, money))


def _gapped(page: FeePage, sentence_start: int, clause_start: int, money: Money) -> bool:
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
    if words is None or FEE_NOUN.search(words.text) or _subject_of_a_verb(page, money):
        return False
    return len(words) > 0 and not any(t.pos_ in {"VERB", "AUX"} for t in words)


def _subject_of_a_verb(page: FeePage, money: Money) -> bool:
    """Whether the amount is the subject of a verb after it (", and about €900 a month has to be
    shown"): the clause has a verb of its own, and repeats none."""
    span = page.doc.char_span(money.start, money.end, alignment_mode="expand")
    if span is None:
        return False
    if any(t.dep_ in ("nsubj", "nsubjpass") and t.head.i > t.i for t in span):
        return True
    # The parse may hang the amount elsewhere; a finite verb right after it, past its period ("a
    # month"), still makes it a subject.
    after = _PERIOD_AFTER.match(page.text, money.end)
    following = page.doc.char_span(after.end(), after.end() + 1, alignment_mode="expand") if after else None
    return following is not None and following[0].tag_ in _FINITE


_PERIOD_AFTER = re.compile(r"(?:[\s-]+(?:a|an|per|each)[\s-]+\w+)?\s+")
_FINITE = frozenset({"VBZ", "VBP", "VBD", "MD"})


# ", if more than half of their staff are on H-1B visas,": a fronted condition,
# place or time between ", and" and what it qualifies.
_ASIDE = re.compile(
    r"\s*,\s*(?:if|when|where|unless|once|for|at|in|with|after|before)\b[^,;:]*,\s*", re.I
)


def _elliptical(text: str, sentence_start: int, clause_start: int) -> bool:
    """Whether the clause at ``clause_start`` is ", and" + a preposition phrase."""
    return (clause_start > sentence_start and _ELLIPSIS.match(text, clause_start) is not None
            and text[:clause_start].rstrip().endswith("and"))


def _next_sentence_period(page: FeePage, money: Money, sentence: Span) -> FeePeriod | None:
    """A period stated by one of the next five sentences about "the fee"
    ("The fee will be charged each year"), before any sentence with an amount
    of its own; "It ..." counts only within the paragraph. A sentence of several
    amounts takes it only when none of them states a period."""
    doc, text = page.doc, page.text
    # Several amounts share a later sentence's period only when none states its own
    # ("... Rp 7.5 million, and the card Rp 12 million. The fee is charged once."); this
    # amount's own is known to be none (:func:`fee_period` asked first).
    lo, hi = sentence.start_char, sentence.end_char
    others = (m for m in page.amounts if m is not money and lo <= m.start < hi)
    if any(_own_period(page, m, sentence) is not None for m in others):
        return None
    previous, new_paragraph, chained = sentence, False, True
    for _ in range(NEXT_SENTENCES):
        if previous.end >= len(doc):
            return None
        following = doc[previous.end].sent
        paragraph_break = "\n" in text[previous.start_char : following.start_char]
        new_paragraph = new_paragraph or paragraph_break
        if any(following.start_char <= m.start < following.end_char for m in page.amounts):
            return None
        subject = _ANAPHOR.match(following.text) or _REPORTED_ANAPHOR.match(following.text)
        period = stated_period(text, following.start_char, following.end_char) if subject else None
        # "It ..." is the fee in the fee's paragraph, or right after a sentence about "the payment"
        # in its own paragraph ("The payment was created by ... It applies to ..., and it is a
        # one-time charge").
        pronoun_ok = not new_paragraph or (chained and not paragraph_break)
        if subject and period and (subject["noun"] or pronoun_ok):
            return period
        chained = bool(subject and subject["noun"])
        previous = following
    return None
