"""Amounts stated for several coordinated programmes. One amount for them all is a fee of each:
"The D7 visa and the D8 visa cost €90 each", "Filing for either the O-1 or the L-1 visa costs
$1,055" (fixtures/README.md: a fee "for either" of two programmes is one fee of each). As many
amounts as programmes, "respectively", go to them in order: "The O-1 and L-1 visas cost $1,055
and $1,385 respectively". Programmes are coordinated when only a comma, "and", "or" or "as well
as" stands between them, the last join being a word ("A, B and C"; "Unlike A and B, C costs" does
not join C). No spaCy parse.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from extractors.components.common import programme_spans
from extractors.components.fee_page import FeePage, clause_bounds
from extractors.money import Money

_JOIN = re.compile(
    r"\s*(?:,\s*(?P<word>(?:and|or)\s+)?|(?P<plain>and|or|&|as well as|plus)\s+)"
    r"(?:(?:the|its|either|both)\s+)?",
    re.I,
)
# From the last coordinated mention to the amount: the group is what costs it ("The O-1 and L-1
# visas now cost $1,055", "for either the O-1 or the L-1 visa costs $1,055"), not a payer's or a
# condition's modifier ("large H-1B and L-1 employers pay", "staff on H-1B or L-1 visas, pay").
_PRICED = re.compile(
    r"(?:\s+(?:visas?|permits?|petitions?|applications?|routes?|schemes?|programmes?|programs?|cards?"
    r"|pass(?:es)?))?\s+(?:(?:now|all|both|each|also|still|currently|will|would|then)\s+){0,2}"
    r"(?:cost|costs|carry|carries|are|is|be|charge|charges|require a fee of|rise to|rises to|go up to)"
    r"\s+(?:(?:a\s+fee\s+of|about|around|roughly|just|only|an?)\s+)?",
    re.I,
)
_RESPECTIVELY = re.compile(r"\b(?:respectively|in that order)\b", re.I)


def _groups(page: FeePage, sentence: Span) -> list[list[Span]]:
    """Runs of coordinated programme mentions in the sentence, two or more names each."""
    text = page.text
    spans = sorted((s for s in programme_spans(page.doc)
                    if sentence.start_char <= s.start_char and s.end_char <= sentence.end_char),
                   key=lambda s: s.start_char)
    runs: list[list[tuple[Span, bool]]] = []  # (mention, joined to the one before by a word)
    for span in spans:
        join = _JOIN.fullmatch(text, runs[-1][-1][0].end_char, span.start_char) if runs else None
        if join is not None:
            runs[-1].append((span, bool(join["word"] or join["plain"])))
        else:
            runs.append([(span, False)])
    groups = []
    for run in runs:
        # Up to the last mention joined by a word: "A, B and C"; a comma alone after it is no join.
        last = max((i for i, (_, word) in enumerate(run) if word), default=0)
        group = [s for s, _ in run[: last + 1]]
        if len({s.kb_id_ for s in group}) >= 2:
            groups.append(group)
    return groups


def _names(group: list[Span]) -> list[str]:
    return list(dict.fromkeys(s.kb_id_ for s in group))


def coordinated(page: FeePage, money: Money, sentence: Span, programme: str | None) -> list[str]:
    """The other programmes coordinated with ``programme`` in the amount's clause, one amount for all."""
    if programme is None or _RESPECTIVELY.search(sentence.text):
        return []
    lo, _ = clause_bounds(page.text, sentence.start_char, sentence.end_char, money)
    for group in _groups(page, sentence):
        names = _names(group)
        if programme not in names or group[-1].start_char < lo:
            continue
        if not _PRICED.fullmatch(page.text, group[-1].end_char, money.start):
            continue
        start, end = min(group[0].start_char, money.start), max(group[-1].end_char, money.end)
        if any(start <= m.start and m.end <= end and m is not money for m in page.amounts):
            continue
        return [n for n in names if n != programme]
    return []


def respective(page: FeePage, money: Money, sentence: Span) -> str | None:
    """The programme the amount goes to in a "respectively" sentence, by order."""
    if not _RESPECTIVELY.search(sentence.text):
        return None
    amounts = [m for m in page.amounts if sentence.start_char <= m.start and m.end <= sentence.end_char]
    for group in _groups(page, sentence):
        names = _names(group)
        after = [m for m in amounts if m.start > group[-1].end_char]
        if len(after) == len(names) and money in after:
            return names[after.index(money)]
    return None
