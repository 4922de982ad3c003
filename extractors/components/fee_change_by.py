"""A change by an amount to a new level is no range: in "raised the fee by C$85 to C$1,525" or
"rises by £50 to £766" the first amount is the size of the change and the second the fee, where
a range ("C$85 to C$1,525") would keep the low end. No spaCy.
"""

from __future__ import annotations

import dataclasses
import re

from extractors.money import Money

_BY = re.compile(
    r"\b(?:ris(?:e|es|ing)|rose|risen|rais(?:e|es|ed|ing)|increas(?:e|es|ed|ing)|climb(?:s|ed|ing)?"
    r"|jump(?:s|ed|ing)?|hik(?:e|es|ed|ing)|lift(?:s|ed|ing)?|go(?:es)?\s+up|went\s+up|gone\s+up"
    r"|cut(?:s|ting)?|lower(?:s|ed|ing)?|reduc(?:e|es|ed|ing)|f(?:a|e)ll(?:s|ing|en)?|drop(?:s|ped|ping)?"
    r"|up|down)\b[^.;:!?\n]{0,60}?\bby\s*$",
    re.I,
)
_TO = re.compile(r"\s+to\s+", re.I)


def change_by(text: str, money: Money, sentence_start: int) -> Money:
    """The new level when ``money`` reads as a range but is "by X to Y" after a verb of change;
    else ``money`` itself."""
    if money.high is None or _BY.search(text, max(sentence_start, money.start - 80), money.start) is None:
        return money
    to = _TO.search(money.text)
    if to is None:
        return money
    return dataclasses.replace(money, amount=money.high, high=None, start=money.start + to.end(),
                               text=money.text[to.end():])
