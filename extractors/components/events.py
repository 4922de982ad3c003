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

from extractors.components.common import facts_of, programme_spans, published_of, text_of
from extractors.components.date_spans import clock_before, date_spans
from extractors.components.event_kinds import (
    apposed_programme,
    argument_kind,
    counted_programmes,
    record_kind,
    sentence_kind,
)
from extractors.components.event_relative_dates import anchored, same_date_change, untagged_spans
from extractors.components.event_triggers import (
    IMPLEMENTING,
    NOUN_TRIGGERS,
    Trigger,
    as_verb_trigger,
    find_trigger,
    is_authority,
)
from extractors.components.event_verbs import is_rule_change
from extractors.components.programme_context import is_personal, main_topical, nearest_topical, topical_spans
from extractors.components.programme_country import first_line_headline
from extractors.components.programme_owner import noun_owner, subject_owner, within
from extractors.dates import UNRESOLVED_NO_PUBDATE, ResolvedDate, resolve
from extractors.models import EventFact, EventType, FeeFact

# A wire dateline ("WASHINGTON, Sept 20 (Harbour Wire) -") dates the story,
# not an event in it.
_DATELINE = re.compile(
    r"^[A-Z][A-Za-z .'-]+, [A-Z][a-z]{2,4}\.? \d{1,2}(?:, \d{4})? \([^)\n]*\)\s*[-—–]", re.M
)
# What an argument of a trigger may be when the programme is not named in its
# sentence: a word that points back to the programme ("The order takes
# effect", "It launches", "Trump signed the proclamation"), or a part of a
# programme's process ("Applications open on Nov. 1", "suspended draws last
# June"). Anything else ("visa rules that took effect") is about something else.
REFERRING = frozenset(
    "it this order decree ordinance proclamation programme program scheme visa fee charge levy measure "
    "change "
    "changes card category route law bill plan initiative regulation rule rules policy proposal "
    "directive reform surcharge pathway stream applications draws interviews appointments "
    "registration registrations lottery portal intake processing issuance system threshold thresholds "
    "pilot pilots permit pass".split()
    # a change to the programme's rules or prices: "The last rise took effect on April 30, 2024"
    + "rise rises increase increases hike hikes cut cuts reduction reductions overhaul amendment "
    "amendments update revision revisions adjustment adjustments requirement requirements".split()
)
_RELATIVE = frozenset({"which", "that", "who", "whom"})
_ANNOUNCING = frozenset({"announce", "unveil", "say", "propose"})
_PRICE_SETTING = frozenset("raise increase double triple hike cut reduce lower lift impose levy".split())
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
    resolved = (resolve(when.text, published, trigger.direction, tense_known=not trigger.nominal)
                or anchored(when.text, when.start_char, found))
    if resolved is None:
        return []
    if resolved.precision == "year" and is_rule_change(trigger.token):
        return []  # "the EU rules were overhauled in 2021": background, not a dated change
    lo, hi = min(trigger.token.i, when.start), max(trigger.token.i + 1, when.end)
    if trigger.token.lemma_.lower() == "replace" and trigger.anchor.i == trigger.token.i:
        evidence = doc[lo:hi]
        return [_fact(evidence, when.sent, programme, Trigger(trigger.token, kind, trigger.anchor), resolved)
                for programme, kind in _replacement(doc, trigger)]
    return [_fact(doc[lo:hi], when.sent, programme, trigger, resolved)
            for programme in _programmes(doc, trigger, when.sent)]


def _programmes(doc: Doc, trigger: Trigger, sentence: Span) -> list[Span]:
    """Each programme a counted argument names ("the regulations for both
    permits"), else the one programme of :func:`_programme`."""
    counted = counted_programmes(doc, [trigger.anchor, *_arguments(trigger)])
    if counted:
        return counted
    programme = _programme(doc, trigger, sentence)
    return [] if programme is None else [programme]


def _replacement(doc: Doc, trigger: Trigger) -> list[tuple[Span, EventType]]:
    """'The Skills in Demand visa replaced the Temporary Skill Shortage visa
    on Dec. 7, 2024': the subject launched and the object ended that day.
    Only programmes named as the verb's own subject and object count."""
    out: list[tuple[Span, EventType]] = []
    sides: tuple[tuple[str, EventType], ...] = (("nsubj", "launched"), ("dobj", "ended"))
    for dep, kind in sides:
        for arg in (c for c in trigger.anchor.children if c.dep_ == dep):
            if arg.lower_ in _RELATIVE:
                found = _antecedent(trigger.anchor)
                if found is None:
                    continue
                arg = found
            spans = [s for s in topical_spans(doc, doc[arg.left_edge.i : arg.right_edge.i + 1])
                     if s.root.i == arg.i or s.start <= arg.i < s.end]
            if spans and not is_personal(spans[0]):
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
        programme = _programme(doc, Trigger(trigger.token, trigger.event_type, verb), sentence)
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


def _programme(doc: Doc, trigger: Trigger, sentence: Span) -> Span | None:
    """The programme the trigger's arguments name, else the nearest one in
    its sentence that is not a foil, else (when an argument points back) the
    one of the sentence before, else the article's."""
    own = _argument_programme(doc, trigger) or _priced_programme(doc, trigger) or _short_named(doc, trigger)
    if own is not None:
        return None if is_personal(own) else own
    start, end = trigger.token.idx, trigger.token.idx + len(trigger.token)
    span = _parsed_owner(doc, trigger, sentence)
    # "or the talent visa, a nine-month permit introduced in June 2022": a kind the
    # trigger's argument names comes before a programme named elsewhere in the sentence.
    span = span or apposed_programme(doc, _arguments(trigger))
    kind = None if span is not None else argument_kind(doc, _arguments(trigger), trigger.token)
    span = span or (None if kind is not None else nearest_topical(doc, start, end, sentence))
    if span is None and kind is None:
        kind = sentence_kind(doc, sentence, trigger.token)
    if span is None and kind is None:
        span = _price_restated_next(doc, trigger, sentence)
    if kind is not None:
        if is_personal(kind):
            return None
        record_kind(doc, kind, sentence)
        return kind
    if span is not None:
        return None if is_personal(span) else span
    if not _refers_back(trigger):
        return None
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
    if _names_another_visa(doc, previous) and not _instrument_acts(trigger):
        return None
    return main_topical(doc)


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
    for arg in _arguments(trigger):
        # "its two home care worker pilots": the nouns before the head, whatever the parse hangs them on
        words = [c.lower_ for c in arg.children if c.dep_ in {"compound", "amod"}] + [
            t.lower_ for t in doc[arg.left_edge.i : arg.i] if t.pos_ == "NOUN" and t.is_lower]
        if arg.lower_ not in _KIND_NOUNS or not words or arg.ent_type_ == "VISA_PROGRAMME":
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
    for arg in _arguments(trigger):
        if arg.lemma_.lower() not in _PRICE_WORDS:
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
    if not any(a.lemma_.lower() in _PRICE_WORDS for a in _arguments(trigger)) or sentence.end >= len(doc):
        return None
    following = doc[sentence.end].sent
    named = {f.programme for f in facts_of(doc) if isinstance(f, FeeFact) and f.programme
             and following.start_char <= f.start < following.end_char}
    if len(named) != 1:
        return None
    mentions = [m for m in programme_spans(doc) if m.kb_id_ in named]
    inside = [m for m in mentions if following.start <= m.start < following.end]
    return next(iter(inside or mentions), None)


_INSTRUMENTS = frozenset(
    "order decree ordinance proclamation regulation regulations rule rules notice".split()
)


def _instrument_acts(trigger: Trigger) -> bool:
    """The trigger's argument that points back is an instrument of the state,
    not a pronoun or a kind of programme that could stand for another visa;
    or the trigger is what an instrument provides ("an ordinance that lets
    applicants file online from July 1")."""
    return (any(a.lemma_.lower() in _INSTRUMENTS for a in _arguments(trigger))
            or _provided_by_instrument(trigger.anchor) is not None)


def _provided_by_instrument(anchor: Token) -> Token | None:
    """The instrument whose relative clause holds the anchor: "an ordinance
    that lets applicants file entirely online from July 1" -> "ordinance"."""
    token = anchor
    for _ in range(3):
        if token.dep_ in {"relcl", "acl"} and token.head.lemma_.lower() in _INSTRUMENTS:
            return token.head
        if token.dep_ not in {"ccomp", "xcomp", "relcl", "acl"} or token.head.i == token.i:
            return None
        token = token.head
    return None


def _arguments(trigger: Trigger) -> list[Token]:
    """The words the event happens to or is done by: for a verb its objects,
    then its subjects (a coordinated verb's are its head's), and the noun a
    participle or relative clause modifies; for a noun, its owner, compound
    and "of" object ("the K visa's launch", "the launch of the K visa")."""
    anchor = trigger.anchor
    if trigger.nominal:
        return [c for c in anchor.children if c.dep_ in {"poss", "compound", "nmod"}] + [
            g for c in anchor.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"
        ]
    objects = [c for c in anchor.children if c.dep_ in {"dobj", "nsubjpass"}]
    subjects = [c for c in anchor.children if c.dep_ == "nsubj"]
    if not subjects and anchor.dep_ == "conj":
        subjects = [c for c in anchor.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    args = [_antecedent(anchor) if a.lower_ in _RELATIVE else a for a in objects + subjects]
    if anchor.dep_ in {"acl", "relcl", "amod"}:  # "The K visa, announced in August", "Applications open"
        args.append(anchor.head)
    return [a for a in args if a is not None]


def _antecedent(anchor: Token) -> Token | None:
    """The noun a relative pronoun stands for: the head of the relative
    clause the anchor is in ("the card, which the department says will open")."""
    token = anchor
    for _ in range(3):
        if token.dep_ == "relcl":
            return token.head
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _argument_programme(doc: Doc, trigger: Trigger) -> Span | None:
    """A programme mention inside one of the trigger's arguments, nearest the
    trigger; inside the noun a clause modifies, the clause itself does not count."""
    anchor = trigger.anchor
    inner = (anchor.left_edge.i, anchor.right_edge.i)
    for arg in _arguments(trigger):
        spans = topical_spans(doc, doc[arg.left_edge.i : arg.right_edge.i + 1])
        if not inner[0] <= arg.i <= inner[1]:
            spans = [s for s in spans if not (inner[0] <= s.start and s.end - 1 <= inner[1])]
        if spans:
            return min(spans, key=lambda s: abs(s.start - trigger.token.i))
    return None


def _refers_back(trigger: Trigger) -> bool:
    """An argument of the trigger points back to a programme named earlier."""
    anchor = trigger.anchor
    if trigger.nominal:
        # "its launch", "the launch", "Tuesday's announcement": a launch the reader already knows of.
        return any(c.lower_ in {"its", "their", "the", "this"} or (c.dep_ == "poss" and c.ent_type_ == "DATE")
                   for c in anchor.children) or any(_referring(a) for a in _arguments(trigger))
    subjects = [c for c in anchor.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subjects and anchor.dep_ == "xcomp":
        # "The tax break is due to shrink from 2027": an infinitive's subject
        # is its governor's, and a noun that names something else points back to nothing.
        subjects = _controller(anchor)
        if not subjects or any(_points_back(c) for c in subjects):
            return True
    elif not subjects and anchor.dep_ in {"conj", "advcl"}:
        return True
    if _provided_by_instrument(anchor) is not None:
        return True
    if _authority_announces(anchor, subjects):
        return True
    if trigger.token.i != anchor.i and any(s.lemma_.lower() in _PARTIES for s in subjects):
        return True  # "from January 1, applicants also need health insurance": the programme's rule
    pronouns = {"it", "them", "this", "these", "they"}
    if anchor.lemma_.lower() in IMPLEMENTING and any(
            c.dep_ == "dobj" and c.lower_ in pronouns for c in anchor.children):
        return True  # "had until November 2023 to apply them": the rules just named
    return any(_referring(a) for a in _arguments(trigger))


# Who a programme's rules bind: with a start word ("from Jan. 1, applicants
# must ..."), what they must do from then is the programme's rule.
_PARTIES = frozenset(
    "applicant holder sponsor employer visitor traveller traveler candidate entrant nomad foreigner".split()
)


def _controller(verb: Token) -> list[Token]:
    """The subject of an infinitive, read from the clause it completes ("is
    due to shrink", "will need to show"), or from the verb that clause is
    coordinated with."""
    token = verb
    for _ in range(3):
        if token.dep_ not in {"xcomp", "acomp"} or token.head.i == token.i:
            break
        token = token.head
    subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subjects and token.dep_ == "conj":
        subjects = [c for c in token.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return subjects


def _points_back(token: Token) -> bool:
    """A pronoun, a relative pronoun, or a noun phrase that names a programme
    or a part of one ("the fee", "a second phase of the nomination route"),
    its clauses left out: not "the tax break known as the 30% ruling"."""
    if token.pos_ == "PRON" or token.lower_ in _RELATIVE:
        return True
    words = [token] + [t for c in token.children if c.dep_ in {"prep", "compound", "amod", "poss", "nmod"}
                       for t in c.subtree]
    return any(_referring(w) or w.lower_ in REFERRING or w.ent_type_ == "VISA_PROGRAMME" for w in words)


def _authority_announces(anchor: Token, subjects: list[Token]) -> bool:
    """'The department announced last month that it would add a category',
    'the government lifted the threshold on July 1': a government body
    announcing a plan or changing a price, in a story about a programme,
    does so for that programme."""
    lemma = anchor.lemma_.lower()
    # "proposed on Tuesday raising the minimum salary": a gerund complement, parsed as an advcl too.
    announcing = lemma in _ANNOUNCING and any(
        c.dep_ in {"ccomp", "xcomp"} or (c.dep_ == "advcl" and c.tag_ == "VBG") for c in anchor.children)
    # "since the government lifted the Core Skills Income Threshold on July 1":
    # the trigger already found the price it changes.
    if not announcing and lemma not in _PRICE_SETTING:
        return False
    return any(is_authority(s) for s in subjects)


def _referring(token: Token) -> bool:
    """A word that points back; a compound names another thing ("the care
    visa", "the student route"), an adjective does not ("the new visa"), nor
    does a word of the visa process ("the visa application fee", "the
    application portal"). A price named by its compound ("The Immigration
    Skills Charge will rise") is still the programme's price."""
    lemma = token.lemma_.lower()
    if lemma in _PRICE_WORDS and _named_or_plain(token):
        return True
    if _has_own_compound(token):
        return False
    definite = any(c.lower_ in {"the", "this", "that"} for c in token.children)
    return token.lower_ in REFERRING or lemma in REFERRING or (lemma in NOUN_TRIGGERS and definite)


_PRICE_WORDS = frozenset("fee charge levy surcharge threshold".split())


def _named_or_plain(token: Token) -> bool:
    """A price with no compound, or one named by capitalised words ("the Immigration
    Skills Charge"), not "tuition fees" or "legal fees"."""
    compounds = [c for c in token.children if c.dep_ == "compound"]
    return all(c.pos_ == "PROPN" or c.lemma_.lower() in _PROCESS_WORDS for c in compounds)
_PROCESS_WORDS = frozenset(
    "visa application registration filing processing entry online government federal petition"
    # "a five-year visa", "a 10-year visa": a duration, not another visa's name
    " year month day week".split()
)
_KIND_NOUNS = frozenset(
    "visa visas route routes scheme schemes programme programmes program programs card cards category "
    "categories permit permits pass passes pilot pilots".split()
)


def _names_another_visa(doc: Doc, sentence: Span) -> bool:
    """Whether the sentence names a visa that is not in the programme table ("the care visa")."""
    inside = {i for s in topical_spans(doc, sentence) for i in range(s.start, s.end)}
    return any(t.lower_ in _KIND_NOUNS and t.i not in inside and _has_own_compound(t) for t in sentence)


def _has_own_compound(token: Token) -> bool:
    return any(c.dep_ == "compound" and c.lemma_.lower() not in _PROCESS_WORDS for c in token.children)


@Language.factory(
    "newsfacts_events",
    requires=["doc.ents", "doc.spans", "token.dep", "token.lemma", "token.tag"],
    assigns=["doc._.nf_facts"],
)
def make_event_finder(nlp: Language, name: str) -> EventFinder:
    """Factory for the events component."""
    return EventFinder()
