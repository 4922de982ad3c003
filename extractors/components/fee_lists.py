"""Fees in a list after a lead-in that names them: "Visa fees at a glance: D7 visa €90; Golden Visa
€5,325 per application; D8 visa €75". The lead-in before the colon speaks of fees (or prices); each
item after it, up to a semicolon, is a name and an amount with no verb, so the lead-in's fee word
is every item's, however far down the list the item stands.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from extractors.components.fee_page import FEE_CUE, FeePage
from extractors.money import Money

# Where an item begins: the lead-in's colon, or the semicolon (or a line's bullet) before it.
_ITEM_START = re.compile(r"[:;•]\s*|\n\s*[-*•]?\s*")
_VERBS = frozenset({"VERB", "AUX"})


def listed_fee(page: FeePage, money: Money, sentence: Span) -> bool:
    """Whether the amount is an item of a list whose lead-in (before a colon) states fees."""
    colon = page.text.find(":", sentence.start_char, money.start)
    if colon < 0 or FEE_CUE.search(page.cue_text, sentence.start_char, colon) is None:
        return False
    start = colon + 1
    for brk in _ITEM_START.finditer(page.text, colon, money.start):
        start = brk.end()
    item = page.doc.char_span(start, money.start, alignment_mode="contract")
    if item is None or len(item) == 0 or len(item) > 8:
        return False
    return not any(t.pos_ in _VERBS for t in item)
