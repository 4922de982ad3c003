"""Programmes named together in one argument of an event trigger.

"The H-1B and L-1 fee increases take effect on Oct. 1", "the new rules for
H-1B and L-1 visas take effect on Oct. 1": when the trigger's argument names two or more
programmes joined by "and" (or commas), the event happens to each of them,
not only to the one nearest the trigger.
"""

from __future__ import annotations

from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from extractors.components.event_holders import held_by_one
from extractors.components.programme_context import topical_spans

# What may stand between two programmes of one coordination: "and", "or", commas,
# "&", "both", and a determiner ("the H-1B and the L-1").
_JOINERS = frozenset({"and", "or", ",", "&", "the", "both", "as", "well"})


def coordinated_programmes(doc: Doc, arguments: list[Token]) -> list[Span]:
    """Each programme of the first argument that names two or more programmes joined only by
    joiners, in text order; [] when none does."""
    # "the new rules for H-1B and L-1 visas": the argument's "for"/"of" object too
    nouns = [*arguments, *(g for a in arguments for c in a.children if c.dep_ == "prep"
                           and c.lower_ in {"for", "of"} for g in c.children if g.dep_ == "pobj")]
    for arg in nouns:
        conjuncts = [c for c in arg.conjuncts if c.i > arg.i]
        # "the Golden Visa, the Opportunity Card and the K visa", parsed as an apposition whose
        # last member is a conjunct: the argument's whole extent, joiners only between its names
        end = max([arg.i, arg.right_edge.i] + [c.i for c in conjuncts]) + 1
        spans = sorted(topical_spans(doc, doc[arg.left_edge.i : end]), key=lambda s: s.start)
        distinct = list({s.kb_id_: s for s in reversed(spans)}.values())[::-1]
        if len(distinct) < 2 or any(held_by_one(s) for s in distinct):
            continue
        gaps = [doc[a.end : b.start] for a, b in pairwise(spans)]
        if all(len(g) and all(t.lower_ in _JOINERS for t in g) for g in gaps):
            return sorted(distinct, key=lambda s: s.start)
    return []
