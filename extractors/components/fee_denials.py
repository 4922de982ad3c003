"""Amounts the text itself sets aside: the figures a correction note replaces, an amount it
denies ("will rise to £480, not £408"), one it says is no fee ("the $1 million is not a fee",
"a levy ..., which is not part of any visa"), and a lower bound, which sums several costs
("will now pay well over £12,000") unless a fee noun heads it ("a permit fee of more than
€6,000"). No spaCy.
"""

from __future__ import annotations

import re

from extractors.money import Money

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


def wrong_figure(text: str, money: Money) -> bool:
    """An amount of a correction note other than the one it corrects to
    ("... to £480 from £408": £408; "An earlier version ... said the fee was $260")."""
    if _CORRECTION.match(text, text.rfind("\n", 0, money.start) + 1) is None:
        return False
    return re.search(r"\bto\s*$", text[max(0, money.start - 5) : money.start]) is None


# "The $1 million is not a fee in the usual sense": the text says the amount is no fee.
_NOT_A_FEE = re.compile(
    r"[\s-]+(?:(?!(?:and|or|but|to|of|for)\b)[\w’'-]+\s+){0,2}?(?:is|was|are|were|would\s+be|will\s+be)"
    r"\s*(?:not|n[’']t|never)\s+(?:(?:a|an|the|really|strictly|technically)\s+){0,2}(?:[\w-]+\s+)?"
    r"(?:fee|charge|levy|payment|price|cost)s?\b",
    re.I,
)


_FEE_OF_BOUND = re.compile(
    r"\b(?:fee|charge|levy|surcharge)s?\s+of\s+(?:more than|well over|upwards of|in excess of)\s*$", re.I
)


# "a levy of 150,000 rupiah on arrival, which is not part of any visa": the clause says the charge
# belongs to no visa.
_NO_VISA_PART = re.compile(
    r"[^.;:!?\n]{0,40}?,\s*which\s+(?:is|was|are|were)\s+(?:not|n[’']t)\s+(?:part\s+of|tied\s+to"
    r"|linked\s+to|related\s+to|a\s+condition\s+of)\s+(?:any|a|the|their)\s+(?:visas?|permits?)\b",
    re.I,
)


def denied(text: str, money: Money) -> bool:
    """'will rise to £480, not £408': the amount the text denies; 'the $1 million is not a fee',
    'a levy of 150,000 rupiah, which is not part of any visa': the amount the text says is none.
    'Will now pay well over £12,000', 'quoted more than £15,000 for a family': a lower bound is a
    sum of costs, never the price a fee table states."""
    if _NOT_A_FEE.match(text, money.end) is not None or _NO_VISA_PART.match(text, money.end) is not None:
        return True
    if _FEE_OF_BOUND.search(text, max(0, money.start - 40), money.start) is not None:
        return False  # "a permit fee of more than €6,000": one fee, stated by its lower bound
    return re.search(r"\b(?:not|rather than|more than|well over|upwards of|in excess of)\s*$",
                     text[max(0, money.start - 15) : money.start]) is not None
