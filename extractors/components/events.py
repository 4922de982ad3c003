"""Dated events that happen to a programme.

A date expression (a DATE entity, or one the tagger missed that
:mod:`date_spans` finds by shape) with an event trigger (``event_triggers``: "launches on
Wednesday", "announced in August", "applies from Dec. 16", "the launch on
Oct. 1") becomes an event of a programme: the one the trigger's own arguments
name (its subject or object, the noun a participle or relative clause
modifies, the owner of a trigger noun), else the nearest one in the sentence
that is not a foil ("unlike the R visa"), else, when an argument points back
("The proclamation, which Trump signed on Friday", "Applications open on
Nov. 1", "It launches"), the programme of the sentence before or of the
article. The date is resolved against the publication date; the tense says
whether a bare weekday or month lies before or after it. "Effective
immediately" dates the event by the sentence's own date or the publication
date.
"""

from __future__ import annotations

import re
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from extractors.components.common import facts_of, published_of, text_of
from extractors.components.date_spans import clock_before, date_spans
from extractors.components.event_arguments import RELATIVE, antecedent, arguments
from extractors.components.event_coordination import coordinated_programmes
from extractors.components.event_gapping import gapped_programme
from extractors.components.event_holders import held_by_one
from extractors.components.event_kinds import counted_programmes
from extractors.components.event_price_lists import priced_after
from extractors.components.event_programmes import event_programme
from extractors.components.event_relative_dates import anchored, same_date_change, untagged_spans
from extractors.components.event_trigger_lexicon import CHANGE_TRIGGERS
from extractors.components.event_triggers import Trigger, as_verb_trigger, find_trigger
from extractors.components.event_undated import undated_lede_events
from extractors.components.event_verbs import is_rule_change
from extractors.components.event_words import trigger_lemma
from extractors.components.programme_context import topical_spans
from extractors.components.programme_country import first_line_headline
from extractors.dates import UNRESOLVED_NO_PUBDATE, ResolvedDate, resolve
from extractors.models import EventFact, EventType

# A wire dateline ("WASHINGTON, Sept 20 (Harbour Wire) -") dates the story,
# not an event in it.
_DATELINE = re.compile(
    r"^[A-Z][A-Za-z .'-]+, [A-Z][a-z]{2,4}\.? \d{1,2}(?:, \d{4})? \([^)\n]*\)\s*[-—–]", re.M
)
_POSSESSIVE = re.compile(r"\s*['’]s$")
_IMMEDIATE = re.compile(
    r"\b(?:effective immediately|with immediate effect|immediately effective"
    r"|(?:takes?|taking|took|taken|go(?:es)?|went|come|comes|came) (?:into )?(?:effect|force) immediately)\b",
    re.I,
)


class EventFinder:
    """Emits event facts."""

    def __call__(self, doc: Doc) -> Doc:
        published = published_of(doc)
        datelines = [m.span() for m in _DATELINE.finditer(text_of(doc))]
        found: list[EventFact] = []
        dates = date_spans(doc)
        for ent in sorted(dates + untagged_spans(doc, dates), key=lambda s: s.start):
            if any(s <= ent.start_char < e for s, e in datelines):
                continue
            if _denied(doc, ent) or _range_end(doc, ent):
                continue
            found.extend(_events(doc, ent, published, found))
        found.extend(_immediate_events(doc, published, found))
        if published is None:
            found.extend(undated_lede_events(doc, found))
        headline = first_line_headline(text_of(doc))
        end = headline[0] if headline else 0
        facts_of(doc).extend(f for f in found if not _coarser_twin(f, found, end))
        return doc


def _coarser_twin(fact: EventFact, found: list[EventFact], headline_end: int = 0) -> bool:
    """'launched on June 1, 2024' read twice, as the day and as '2024', or a
    headline's "from January" beside the lede's "from Jan. 1": the coarser
    reading of an event the article dates more finely elsewhere goes. A
    headline names the body's event in short, so its coarser reading goes
    whichever programme the short words gave it ("salary floors for work
    permits from January" over the lede's two permits "from 1 January")."""
    return any(
        other is not fact and (other.programme == fact.programme or fact.start < headline_end)
        and other.event_type == fact.event_type and fact.date is not None and other.date is not None
        and other.date.startswith(fact.date) and len(other.date) > len(fact.date)
        for other in found
    )


def _denied(doc: Doc, when: Span) -> bool:
    """'introduced in October, not September': the date the text denies."""
    before = doc[max(0, when.start - 2) : when.start]
    if not len(before):
        return False
    return before[-1].lower_ == "not" or before.text.lower() == "rather than"


_RANGE_WORDS = frozenset({"to", "until", "till", "through", "thru", "-", "–", "—", "and"})


def _range_end(doc: Doc, when: Span) -> bool:
    """'paused draws from March to May', 'between Oct. 1 and Dec. 31': the end
    of a range of dates is no event date of its own; its start is."""
    if when.start < 2 or doc[when.start - 1].lower_ not in _RANGE_WORDS:
        return False
    before = doc[when.start - 2]
    if before.ent_type_ != "DATE" and not before.like_num:
        return False
    return doc[when.start - 1].lower_ != "and" or any(
        t.lower_ == "between" for t in doc[max(0, when.start - 8) : when.start - 1])


def _events(doc: Doc, when: Span, published: date | None, found: list[EventFact]) -> list[EventFact]:
    trigger = find_trigger(when)
    if trigger is None:
        clock = clock_before(when)
        trigger = find_trigger(clock) if clock is not None else None
    if trigger is None:
        trigger = same_date_change(when, found)
    if trigger is None:
        return []
    # "took effect the same day", "two days later": the day of the event dated just before
    # "in last May's white paper", "Tuesday's notice": the date of what the possessive owns
    expression = _POSSESSIVE.sub("", when.text)
    resolved = (resolve(expression, published, trigger.direction, tense_known=not trigger.nominal)
                or anchored(when.text, when.start_char, found))
    if resolved is None:
        return []
    if resolved.precision == "year" and (is_rule_change(trigger.token) or _past_price_change(trigger)):
        # "the EU rules were overhauled in 2021", "Greece doubled its property threshold last
        # year": background, not a dated change
        return []
    lo, hi = min(trigger.token.i, when.start), max(trigger.token.i + 1, when.end)
    if trigger.token.lemma_.lower() == "replace" and trigger.anchor.i == trigger.token.i:
        evidence = doc[lo:hi]
        return [_fact(evidence, when.sent, programme, Trigger(trigger.token, kind, trigger.anchor), resolved)
                for programme, kind in _replacement(doc, trigger)]
    gapped = gapped_programme(when)
    programmes = [gapped] if gapped is not None else _programmes(doc, trigger, when.sent)
    return [_fact(doc[lo:hi], when.sent, programme, trigger, resolved) for programme in programmes]


def _past_price_change(trigger: Trigger) -> bool:
    """A price changed in the past: the trigger is a verb of price change in the past tense,
    not under "will" (only a year for it makes it the price's history)."""
    verb = trigger.anchor
    return (not trigger.nominal and trigger.event_type == "takes_effect" and verb.tag_ in {"VBD", "VBN"}
            and trigger_lemma(verb) in CHANGE_TRIGGERS
            and not any(c.dep_ == "aux" and c.lower_ in {"will", "shall", "'ll"} for c in verb.children))


def _programmes(doc: Doc, trigger: Trigger, sentence: Span) -> list[Span]:
    """Each programme a counted argument names ("the regulations for both
    permits"), each one the text prices after a plural price change ("Several
    other charges will rise on the same date."), else the one programme of
    :func:`event_programme`."""
    counted = counted_programmes(doc, [trigger.anchor, *arguments(trigger)])
    if counted:
        return counted
    together = coordinated_programmes(doc, arguments(trigger))
    if together:
        return together
    listed = priced_after(doc, trigger.anchor, arguments(trigger), sentence)
    if listed:
        return listed
    programme = event_programme(doc, trigger, sentence)
    return [] if programme is None else [programme]


def _replacement(doc: Doc, trigger: Trigger) -> list[tuple[Span, EventType]]:
    """'The Skills in Demand visa replaced the Temporary Skill Shortage visa
    on Dec. 7, 2024': the subject launched and the object ended that day; in the
    passive ("the Temporary Skill Shortage visa was replaced by the Skills in Demand
    visa on Dec. 7"), the subject ended and the agent launched. Only programmes named
    as the verb's own subject, object or agent count."""
    out: list[tuple[Span, EventType]] = []
    sides: tuple[tuple[str, EventType], ...] = (("nsubj", "launched"), ("dobj", "ended"),
                                                ("nsubjpass", "ended"), ("agent", "launched"))
    for dep, kind in sides:
        args = [c for c in trigger.anchor.children if c.dep_ == dep]
        if dep == "agent":  # "by the Skills in Demand visa": the agent's object
            args = [g for a in args for g in a.children if g.dep_ == "pobj"]
        for arg in args:
            if arg.lower_ in RELATIVE:
                found = antecedent(trigger.anchor)
                if found is None:
                    continue
                arg = found
            spans = [s for s in topical_spans(doc, doc[arg.left_edge.i : arg.right_edge.i + 1])
                     if s.root.i == arg.i or s.start <= arg.i < s.end]
            if spans and not held_by_one(spans[0]):
                out.append((spans[0], kind))
    return out


def _fact(evidence: Span, sentence: Span, programme: Span, trigger: Trigger,
          resolved: ResolvedDate) -> EventFact:
    description = evidence.text if resolved.note is None else f"{evidence.text} ({resolved.note})"
    return EventFact(
        sentence=sentence.text.strip(),
        start=evidence.start_char,
        end=evidence.end_char,
        programme=programme.kb_id_,
        event_type=trigger.event_type,
        date=resolved.value,
        precision=resolved.precision,
        description=description,
    )


def _immediate_events(doc: Doc, published: date | None, found: list[EventFact]) -> list[EventFact]:
    """'effective immediately', 'with immediate effect': the event is dated by
    the other event of its sentence, else by its sentence's one date (the
    order's: "The cable, dated Tuesday, ... effective immediately"), else by
    the publication date."""
    out: list[EventFact] = []
    for match in _IMMEDIATE.finditer(text_of(doc)):
        words = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if words is None:
            continue
        verb = _clause_verb(words.root)
        trigger = _trigger_at_or_below(verb) or Trigger(verb, "takes_effect", verb)
        sentence = words.sent
        programme = event_programme(doc, Trigger(trigger.token, trigger.event_type, verb), sentence)
        if programme is None:
            continue
        resolved = _immediate_date(doc, sentence, published, found)
        twin = any(f.sentence == sentence.text.strip() and f.programme == programme.kb_id_
                   and f.date == resolved.value for f in found)
        if not twin:
            out.append(_fact(words, sentence, programme, trigger, resolved))
    return out


def _trigger_at_or_below(verb: Token) -> Trigger | None:
    """The verb as a trigger, else the verb it completes ("to stop scheduling
    interviews with immediate effect"), else the trigger it orders or states
    ("ordered consulates to stop adding appointments")."""
    head = verb
    for _ in range(2):
        if head.dep_ not in {"xcomp", "ccomp"} or head.head.i == head.i:
            break
        head = head.head
        found = as_verb_trigger(head)
        if found is not None:
            return found
    level = [verb]
    for _ in range(3):
        for token in level:
            found = as_verb_trigger(token)
            if found is not None:
                return found
        level = [c for t in level for c in t.children if c.dep_ in {"xcomp", "ccomp"}]
    return None


def _clause_verb(token: Token) -> Token:
    for _ in range(4):
        if (token.pos_ in {"VERB", "AUX"} and token.lower_ != "effective") or token.head.i == token.i:
            return token
        token = token.head
    return token


def _immediate_date(doc: Doc, sentence: Span, published: date | None,
                    found: list[EventFact]) -> ResolvedDate:
    same = [f for f in found if f.sentence == sentence.text.strip() and f.date is not None]
    if same:
        return ResolvedDate(same[0].date, same[0].precision)
    dates = [e for e in sentence.ents if e.label_ == "DATE"]
    if len(dates) == 1:
        resolved = resolve(dates[0].text, published, "past")
        if resolved is not None:
            return resolved
    if published is None:
        return UNRESOLVED_NO_PUBDATE
    return ResolvedDate(published.isoformat(), "day")


@Language.factory(
    "newsfacts_events",
    requires=["doc.ents", "doc.spans", "token.dep", "token.lemma", "token.tag"],
    assigns=["doc._.nf_facts"],
)
def make_event_finder(nlp: Language, name: str) -> EventFinder:
    """Factory for the events component."""
    return EventFinder()
