"""Which programme an event happens to.

The programme the trigger's own arguments name (its subject or object, the noun
a participle or relative clause modifies, the owner of a trigger noun), else the
nearest one in the sentence that is not a foil ("unlike the R visa"), else, when
an argument points back ("The proclamation, which Trump signed on Friday",
"Applications open on Nov. 1", "It launches"), the programme of the sentence
before or of the article.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from extractors.components.common import facts_of, programme_spans
from extractors.components.event_arguments import (
    KIND_NOUNS,
    PRICE_WORDS,
    argument_programme,
    arguments,
    instrument_acts,
    names_another_visa,
    refers_back,
)
from extractors.components.event_holders import held_by_one
from extractors.components.event_kinds import (
    apposed_programme,
    argument_kind,
    record_kind,
    sentence_kind,
)
from extractors.components.event_triggers import Trigger
from extractors.components.programme_context import main_topical, nearest_topical, topical_spans
from extractors.components.programme_owner import noun_owner, subject_owner, within
from extractors.models import FeeFact


def event_programme(doc: Doc, trigger: Trigger, sentence: Span) -> Span | None:
    """The programme the trigger's arguments name, else the nearest one in
    its sentence that is not a foil, else (when an argument points back) the
    one of the sentence before, else the article's."""
    own = (argument_programme(doc, trigger) or _described_foil(doc, trigger)
           or _priced_programme(doc, trigger) or _short_named(doc, trigger))
    if own is not None:
        return None if held_by_one(own) else own
    start, end = trigger.token.idx, trigger.token.idx + len(trigger.token)
    span = _parsed_owner(doc, trigger, sentence)
    # "or the talent visa, a nine-month permit introduced in June 2022": a kind the
    # trigger's argument names comes before a programme named elsewhere in the sentence.
    span = span or apposed_programme(doc, arguments(trigger))
    kind = None if span is not None else argument_kind(doc, arguments(trigger), trigger.token)
    if span is None and kind is None and _plain_back_reference(doc, trigger, sentence):
        # "The State Council approved the new category in August, adding it to ..., among
        # them the Z visa": a bare "the category" is the one named before, not a later listed one
        span = _referred_back(doc, start, end, sentence)
    span = span or (None if kind is not None else nearest_topical(doc, start, end, sentence))
    if span is None and kind is None:
        kind = sentence_kind(doc, sentence, trigger.token)
    if span is None and kind is None:
        span = _price_restated_next(doc, trigger, sentence)
    if kind is not None:
        if held_by_one(kind):
            return None
        record_kind(doc, kind, sentence)
        return kind
    if span is not None:
        return None if held_by_one(span) else span
    if not refers_back(trigger) or _separately(sentence):
        return None
    return _referred_back(doc, start, end, sentence, trigger)


def _described_foil(doc: Doc, trigger: Trigger) -> Span | None:
    """'Unlike the Opportunity Card, which launched in June 2024, ...': a relative clause or
    participle on a programme named as a foil says what happened to that programme."""
    anchor = trigger.anchor
    if trigger.nominal or anchor.dep_ not in {"relcl", "acl"}:
        return None
    return next((s for s in programme_spans(doc) if s.start <= anchor.head.i < s.end), None)


def _referred_back(doc: Doc, start: int, end: int, sentence: Span,
                   trigger: Trigger | None = None) -> Span | None:
    """The programme a back-reference in ``sentence`` stands for: the one the sentence before
    names (the story's own of several), else the article's."""
    if sentence.start == 0:
        return main_topical(doc)
    previous = doc[sentence.start - 1].sent
    span = nearest_topical(doc, start, end, previous)
    if span is not None:
        # "... move to an H-1B job after their OPT period. USCIS said it would
        # announce the registration dates in February": of several programmes
        # the sentence before names, the story's own is the one carried on.
        main = main_topical(doc)
        named = {s.kb_id_: s for s in topical_spans(doc, previous)}
        return named[main.kb_id_] if main is not None and main.kb_id_ in named else span
    # "The care visa was introduced in 2022. It was suspended last year":
    # "It" is that other visa, not the article's programme. An instrument
    # ("... the migration card. The ministry published an ordinance last
    # Thursday") is the state's act for the story's programme, not the card's.
    if names_another_visa(doc, previous) and (trigger is None or not instrument_acts(trigger)):
        return None
    return main_topical(doc)


# "Separately, a rule that lets spouses ... took effect": a wire story's turn to another matter.
_SEPARATELY = ("separately", "in a separate move", "in separate news", "in other news", "elsewhere")


def _separately(sentence: Span) -> bool:
    """The sentence opens on another matter, so nothing in it points back to the story's programme."""
    return sentence.text.lstrip().lower().startswith(_SEPARATELY)


def _plain_back_reference(doc: Doc, trigger: Trigger, sentence: Span) -> bool:
    """The trigger's own argument is a bare definite kind ("the new category", "the visa": a
    determiner and adjectives only) and every programme the sentence names comes after it."""
    if trigger.nominal:
        return False
    plain = [a for a in arguments(trigger) if a.dep_ in {"dobj", "nsubj", "nsubjpass"}
             and a.lemma_.lower() in KIND_NOUNS and a.ent_type_ != "VISA_PROGRAMME"
             and any(c.dep_ == "det" and c.lower_ in {"the", "this"} for c in a.children)
             and all(c.dep_ in {"det", "amod"} for c in a.children)]
    if not plain:
        return False
    named = topical_spans(doc, sentence)
    return bool(named) and all(s.start > max(plain[0].i, trigger.token.i) for s in named)


def _parsed_owner(doc: Doc, trigger: Trigger, sentence: Span) -> Span | None:
    """The programme the parse makes the trigger's owner beyond its own
    arguments: the "for"/"on" object of a trigger noun ("the launch date for
    the K visa"), or the subject of the verb a trigger verb complements ("the
    K visa is set to launch on June 1")."""
    span = noun_owner(doc, trigger.anchor) if trigger.nominal else subject_owner(doc, trigger.anchor)
    return within(span, sentence)


def _short_named(doc: Doc, trigger: Trigger) -> Span | None:
    """'The critical skills permit, introduced in 2014, ...': an argument that
    names a programme short, in lower case, by a kind noun and words all of
    which stand in the name of one programme the article names ("Critical
    Skills Employment Permit"), is that programme; its first mention."""
    for arg in arguments(trigger):
        # "its two home care worker pilots": the nouns before the head, whatever the parse hangs them on
        words = [c.lower_ for c in arg.children if c.dep_ in {"compound", "amod"}] + [
            t.lower_ for t in doc[arg.left_edge.i : arg.i] if t.pos_ == "NOUN" and t.is_lower]
        if arg.lower_ not in KIND_NOUNS or not words or arg.ent_type_ == "VISA_PROGRAMME":
            continue
        wanted = {*words, arg.lower_}
        named = {m.kb_id_: m for m in reversed(programme_spans(doc))
                 if wanted <= {w.lower_ for w in m} and m.start != arg.i}
        if len(named) == 1:
            return next(iter(named.values()))
    return None


def _priced_programme(doc: Doc, trigger: Trigger) -> Span | None:
    """'The $100,000 fee took effect on Sept. 21': an argument that is a price
    the fee reader already gave a programme is that programme's price, so the
    event is that programme's (its mention nearest before the trigger)."""
    fees = [f for f in facts_of(doc) if isinstance(f, FeeFact) and f.programme]
    if not fees:
        return None
    for arg in arguments(trigger):
        if arg.lemma_.lower() not in PRICE_WORDS:
            continue
        lo, hi = doc[arg.left_edge.i].idx, doc[arg.right_edge.i].idx + len(doc[arg.right_edge.i])
        named = {f.programme for f in fees if lo <= f.start < hi}
        if len(named) != 1:
            continue
        mentions = [m for m in programme_spans(doc) if m.kb_id_ in named]
        before = [m for m in mentions if m.start < trigger.token.i]
        if before or mentions:
            return (before or mentions)[-1] if before else mentions[0]
    return None


def _price_restated_next(doc: Doc, trigger: Trigger, sentence: Span) -> Span | None:
    """'Britain will raise the levy that employers pay ... from April 6.' then 'The Immigration
    Skills Charge, paid by employers ... for every Skilled Worker, will rise to £1,420': a price
    the event changes, in a sentence that names no programme, is the one the next sentence prices
    (its fees all of one programme), as a lede names a change the next sentence details."""
    if not any(a.lemma_.lower() in PRICE_WORDS for a in arguments(trigger)) or sentence.end >= len(doc):
        return None
    following = doc[sentence.end].sent
    named = {f.programme for f in facts_of(doc) if isinstance(f, FeeFact) and f.programme
             and following.start_char <= f.start < following.end_char}
    if len(named) != 1:
        return None
    mentions = [m for m in programme_spans(doc) if m.kb_id_ in named]
    inside = [m for m in mentions if following.start <= m.start < following.end]
    return next(iter(inside or mentions), None)
