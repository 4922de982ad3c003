"""Old levels of a changed fee: history, not the fee (issue 3, challenge set). When a text says
a fee changes ("rises from £624 to £1,035", "was raised to £880 from £715", "€90, up from €80",
"down from $500"), only the new level is the fee. A range ("range from £769 to £1,751") has no
verb of change and keeps its low end. No spaCy.
"""

from __future__ import annotations

import re

from extractors.money import Money

# "up from", "down from", "compared with ... before": the amount right after is the old level.
_UP_FROM = re.compile(r"\b(?:up|down|higher|lower|rising|climbing|jumping)\s+from\s*$", re.I)

# A verb or noun of change earlier in the clause.
_CHANGE = re.compile(
    r"\b(?:ris(?:e|es|ing)|rose|risen|rais(?:e|es|ed|ing)|increas(?:e|es|ed|ing)|climb(?:s|ed|ing)?"
    r"|jump(?:s|ed|ing)?|soar(?:s|ed|ing)?|surg(?:e|es|ed|ing)|hik(?:e|es|ed|ing)|doubl(?:e|es|ed|ing)"
    r"|tripl(?:e|es|ed|ing)|lift(?:s|ed|ing)?|go(?:es)?\s+up|went\s+up|gone\s+up|cut(?:s|ting)?"
    r"|lower(?:s|ed|ing)?|reduc(?:e|es|ed|ing)|f(?:a|e)ll(?:s|ing|en)?|drop(?:s|ped|ping)?"
    r"|chang(?:e|es|ed|ing)|mov(?:e|es|ed|ing)|revis(?:e|es|ed|ing)|adjust(?:s|ed|ing)?)\b",
    re.I,
)

# A money-like figure: a currency sign or code or word next to digits.
_FIGURE = r"(?:[A-Z]{0,3}[$£€¥₹]\s?\d|\d[\d.,]*\s*(?:[A-Z]{3}\b|yuan|yen|euros?|pounds?|dollars?|rupees?))"
_TO_FIGURE = re.compile(rf"\s*to\s+(?:about\s+|around\s+|roughly\s+)?{_FIGURE}", re.I)
_TO_BEFORE = re.compile(
    rf"\bto\s+(?:about\s+|around\s+|roughly\s+)?{_FIGURE}[^;:.!?]{{0,40}}?\bfrom\s*$", re.I
)
_FROM = re.compile(r"\bfrom\s*$", re.I)


def old_level(text: str, money: Money, clause_start: int) -> bool:
    """Whether ``money`` is the level a changed fee had before: "up from €80", "rises from £624
    to £1,035" (the £624), "raised to £880 from £715" (the £715)."""
    before = text[max(clause_start, money.start - 80) : money.start]
    if _UP_FROM.search(before):
        return True
    if not _FROM.search(before):
        return False
    head = text[clause_start : money.start]
    if _CHANGE.search(head) is None:
        return False
    return _TO_FIGURE.match(text, money.end) is not None or _TO_BEFORE.search(head) is not None
