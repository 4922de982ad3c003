"""A programme the text puts right next to an amount, as its own: "€90 for the D7 visa and €75 for
the D8 visa" (the amount, perhaps its period, then "for" and the programme), and a gapped item
"The D7 visa costs €90; the Golden Visa, €5,325" (a clause that is only a programme and an amount,
the verb left out). The nearest mention in the sentence would give both amounts to one programme.
No spaCy parse.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from extractors.components.common import programme_spans, text_of
from extractors.money import Money

# After the amount: its period or payer, then "for" + a determiner, up to the programme.
_FOR_AFTER = re.compile(
    r"(?:\s+(?:a|per|each|every)\s+(?:year|application|applicant|person|petition))?"
    r"\s+for\s+(?:(?:the|a|an|each|every|its|their|one|new|main|single)\s+){0,2}$",
    re.I,
)
# Before the amount, from the clause break: "; the Golden Visa, " / ", and the D8 visa ".
_GAPPED_BEFORE = re.compile(
    r"(?:[;:]|,\s*(?:and|while|whereas)|\s(?:and|while|whereas))\s+(?:the\s+)?$", re.I
)
_GAPPED_BETWEEN = re.compile(r"\s*(?:,|:|—|–)?\s*(?:(?:at|just|only|about|around)\s+)?")


def named_after(doc: Doc, money: Money) -> Span | None:
    """The programme right after the amount and "for": "€75 for the D8 visa"."""
    text = text_of(doc)
    for span in programme_spans(doc):
        near = money.end <= span.start_char <= money.end + 40
        if near and _FOR_AFTER.fullmatch(text, money.end, span.start_char):
            return span
    return None


def gapped_before(doc: Doc, money: Money) -> Span | None:
    """The programme of a verbless item right before the amount: "; the Golden Visa, €5,325"."""
    text = text_of(doc)
    for span in programme_spans(doc):
        if span.end_char > money.start or money.start - span.end_char > 12:
            continue
        if not _GAPPED_BETWEEN.fullmatch(text, span.end_char, money.start):
            continue
        if _GAPPED_BEFORE.search(text[max(0, span.start_char - 20) : span.start_char]):
            return span
    return None
