"""The word that makes a date an event's date, and what kind of event it is.

News names an event in three ways around its date:

- a verb above the date ("launches on Wednesday", "was announced in August",
  "took effect at 12:01 a.m. on Sunday", "kicks in on Oct. 1");
- a preposition that starts a period ("applies from Dec. 16", "starting
  Sunday", "as of Jan. 1", "effective Oct. 1"): the thing takes effect then;
- a noun right before the date or across its "of" phrase ("ahead of the
  launch on Oct. 1", "the fee's introduction last month", "the launch of the
  K visa on Oct. 1", "its entry into force on Oct. 1").

The verbs and nouns come in classes by event type (launching, announcing,
taking effect, signing, suspending, proposing, ending), each with the forms
news uses ("discontinued", "phased out", "put on hold", "became effective",
"introduced a bill" = proposed). When the parse hangs a date on no verb, the
event verb just left of it across one noun phrase counts. A trigger whose
clause says the event did not or may not happen (:mod:`event_modality`:
"did not", "could", "would ... if", "urged ... to", "was due to ... but was
delayed") names no event, nor does a company's own practice, a number of
people's visas, an inquiry about a programme or the end of a pause.

The words are in :mod:`event_trigger_lexicon`, the trigger and its tense in
:mod:`event_trigger`, the verbs in :mod:`event_verbs` and the cues read from the
date's side (start words, nouns, "since") in :mod:`event_date_cues`; this module
walks from a date to them and drops the events that did not happen.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from extractors.components.common import SPEECH_LEMMAS
from extractors.components.event_abbreviations import abbreviated_start
from extractors.components.event_date_cues import (
    deadline,
    event_date_noun,
    filed_start,
    in_place_since,
    noun_cue,
    noun_kind,
    owned_noun,
    start_preposition,
    start_word,
)
from extractors.components.event_describing import document_act
from extractors.components.event_mistagged import WINDOW_VERBS, mistagged_change, mistagged_verb
from extractors.components.event_modality import obliged, unrealised
from extractors.components.event_trigger import Trigger, scheduled
from extractors.components.event_trigger_lexicon import (
    AUTHORITIES,
    FUTURE_AUX,
    IMPLEMENTING,
    MAX_HOPS,
    NOUN_TRIGGERS,
    OBJECT_VERBS,
    PLAN_VERBS,
    SPEECH,
    SUBORDINATE_MARKS,
    VERB_TRIGGERS,
)
from extractors.components.event_verbs import as_verb_trigger, negated
from extractors.components.event_words import trigger_lemma

__all__ = ["IMPLEMENTING", "NOUN_TRIGGERS", "Trigger", "as_verb_trigger", "find_trigger", "is_authority"]


def find_trigger(when: Span) -> Trigger | None:
    """The trigger of a DATE entity, if it has one that names a real event."""
    if _speech_time(when):
        # "China said on Tuesday it had suspended the R visa": the day of the
        # speech, whatever the parse hangs it on, dates only the plan it announces.
        found = _said_plan(when)
    else:
        found = (start_word(when) or abbreviated_start(when) or filed_start(when) or _verb(when)
                 or start_preposition(when) or noun_cue(when) or owned_noun(when) or event_date_noun(when)
                 or in_place_since(when)
                 or _said_plan(when) or deadline(when) or _verb_on_the_left(when)
                 or _mistagged_change(when))
    if found is None:
        return None
    # "will not take effect until Jan. 1": the event happens then, the negation says not before.
    until = when.root.dep_ == "pobj" and when.root.head.lower_ in {"until", "till"}
    if until and not negated(found.token) and when.root.head.head.i in {found.token.i, found.anchor.i}:
        # "was suspended until June", "extended the deadline until 31 December": the date
        # the state lasts to, not the day the event happens ("had until November 2023 to
        # apply them" hangs the date on "had": a deadline for the rules to take effect)
        return None
    if (negated(found.token) and not until) or _unreal(found, until) or _private_actor(found):
        return None
    if _end_of_a_pause(found) or _deadline_by(when, found) or _time_passes(found):
        return None
    return _typed_by_subject(found)


def _speech_time(when: Span) -> bool:
    """The date follows a verb of speech: "said on Tuesday", "said Tuesday",
    "told reporters on Monday" (not "said Tuesday's launch")."""
    doc = when.doc
    if when.end < len(doc) and doc[when.end].lower_ == "'s":
        return False
    i = when.start - 1
    if i >= 0 and doc[i].lower_ == "on":
        i -= 1
    if i >= 1 and doc[i].pos_ in {"NOUN", "PROPN", "PRON"} and doc[i - 1].lemma_.lower() == "tell":
        i -= 1  # "told reporters on Monday"
    return i >= 0 and doc[i].pos_ == "VERB" and doc[i].lemma_.lower() in SPEECH_LEMMAS


def _deadline_by(when: Span, trigger: Trigger) -> bool:
    """'Employers must stop using the old form by Oct. 1': "by" a date under
    an obligation is a deadline, not the date of an event."""
    by = when.root.dep_ == "pobj" and when.root.head.lower_ == "by"
    return by and not trigger.nominal and obliged(trigger.anchor)


def _end_of_a_pause(trigger: Trigger) -> bool:
    """'The pause on Express Entry draws ended in July', 'the freeze expired':
    the end of a suspension is the programme resuming, not ending."""
    if trigger.nominal or trigger.event_type != "ended":
        return False
    subjects = [c for c in trigger.token.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if subjects and subjects[0].lower_ in {"that", "which"} and trigger.token.dep_ == "relcl":
        subjects = [trigger.token.head]
    return any(NOUN_TRIGGERS.get(s.lemma_.lower()) == "suspended" for s in subjects)


# Spans of time: "the fiscal year that ended in September" is a calendar, not a programme's end.
_PERIODS = frozenset("year years quarter quarters month months week weeks season semester".split())


def _time_passes(trigger: Trigger) -> bool:
    """'the fiscal year that ended in September', 'the quarter starts on
    Oct. 1': a span of time that begins or ends is no event of a programme."""
    if trigger.nominal or trigger.token.i != trigger.anchor.i:
        return False
    subjects = [c for c in trigger.token.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if trigger.token.dep_ == "relcl" and (not subjects or subjects[0].lower_ in {"that", "which"}):
        subjects = [trigger.token.head]
    return any(s.lemma_.lower() in _PERIODS for s in subjects)


# Who acts for itself, not for a programme: "The company suspended hiring of H-1B workers".
_PRIVATE_ACTORS = frozenset(
    "company companies firm firms employer employers university universities college colleges school "
    "schools business businesses startup startups bank banks hospital hospitals insurer recruiter "
    "recruiters outsourcer outsourcers client clients".split()
)


def _private_actor(trigger: Trigger) -> bool:
    """The verb's subject is a company, a university or an employer: what it
    starts, suspends or ends is its own practice, not the programme."""
    if trigger.nominal or trigger.token.i != trigger.anchor.i:
        return False
    subjects = [c for c in trigger.anchor.children if c.dep_ == "nsubj"]
    return any(s.lemma_.lower() in _PRIVATE_ACTORS or s.lower_ in _PRIVATE_ACTORS for s in subjects)


def _unreal(trigger: Trigger, until: bool = False) -> bool:
    """The trigger's clause says the event did not or may not happen
    (:mod:`event_modality`); a start word's verb only when it is negated,
    guessed at or conditional ("may apply from Oct. 1" permits from then)."""
    if trigger.nominal:
        return False
    if trigger.token.i == trigger.anchor.i:
        return unrealised(trigger.token, until=until)
    if trigger.anchor.pos_ in {"VERB", "AUX"} and trigger.anchor.lemma_.lower() not in SPEECH_LEMMAS:
        return unrealised(trigger.anchor, event_verb=False)
    return False


def _typed_by_subject(trigger: Trigger) -> Trigger:
    """'a pause that began in June', 'The suspension started on Monday': a
    verb of beginning takes the kind of event its subject names."""
    if trigger.nominal:
        return trigger
    if trigger.event_type == "takes_effect" and trigger.token.i == trigger.anchor.i:
        # "The pause took effect at 11:59 p.m.", "the ban comes into force": a
        # suspension or an end that takes effect is that suspension or end.
        subjects = [c for c in trigger.token.children if c.dep_ in {"nsubj", "nsubjpass"}]
        ends = [NOUN_TRIGGERS[s.lemma_.lower()] for s in subjects
                if NOUN_TRIGGERS.get(s.lemma_.lower()) in {"suspended", "ended"}]
        return Trigger(trigger.token, ends[0], trigger.anchor) if ends else trigger
    if trigger.token.lemma_.lower() not in {"begin", "start"}:
        return trigger
    subjects = [c for c in trigger.token.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if subjects and subjects[0].lower_ in {"that", "which"} and trigger.token.dep_ == "relcl":
        subjects = [trigger.token.head]
    kinds = [NOUN_TRIGGERS[s.lemma_.lower()] for s in subjects if s.lemma_.lower() in NOUN_TRIGGERS]
    return Trigger(trigger.token, kinds[0], trigger.anchor) if kinds else trigger

def _verb(when: Span) -> Trigger | None:
    """The event verb above the date, within :data:`MAX_HOPS`. A date under a
    coordinated verb is that verb's ("paused in May and resumed in June":
    June belongs to "resumed", not to "paused")."""
    token, hops = when.root, 0
    while hops < MAX_HOPS:
        if token.head.i == token.i:
            return None
        token = token.head
        # A preposition is no step of its own: "open for applications on Nov. 1";
        # nor is a verb that completes the one above it ("has proposed
        # replacing the lottery ..., in a rule DHS published on Sept. 24").
        hops += token.pos_ != "ADP" and token.dep_ != "xcomp"
        found = as_verb_trigger(token) or _participle_complement(token) or _scheduled_event(token)
        if found is not None:
            # "has proposed replacing the lottery", "proposed ending the route":
            # a proposal or an announcement of the event is what happened.
            governing = as_verb_trigger(token.head) if token.dep_ == "xcomp" else None
            if governing is not None and governing.event_type in {"proposed", "announced"}:
                return governing
            return document_act(token) or found
        if token.pos_ == "VERB" and (token.dep_ in {"conj", "pcomp"} or _subordinate(token)):
            return None  # "paused in May and resumed in June", "suspended in 2022 before resuming in 2023"
        if _reduced_relative(token):
            # "will raise the fee paid by applicants to C$600 on April 30": the
            # parse hangs the date on the participle that describes the object;
            # the date is the clause's, so its verb is the trigger.
            clause = _clause_over(token)
            return as_verb_trigger(clause) if clause is not None else None
    return None


def _scheduled_event(token: Token) -> Trigger | None:
    """'The K visa is set to lapse on Oct. 8' with the date hung on "set": the
    schedule's infinitive is the trigger."""
    if not scheduled(token):
        return None
    verbs = [c for c in token.children if c.dep_ == "xcomp" and c.pos_ in {"VERB", "AUX"}]
    found = next((t for t in map(as_verb_trigger, verbs) if t is not None), None)
    return found if found is not None or verbs else _scheduled_noun(token)


def _scheduled_noun(token: Token) -> Trigger | None:
    """'The K visa launch was set for Oct. 1', 'the rule's entry into force is
    scheduled for Jan. 1', 'The launch is due on Oct. 1': a schedule with no
    infinitive dates the event its subject names."""
    holder = token.head if token.dep_ == "acomp" else token
    subjects = [c for c in holder.children if c.dep_ in {"nsubj", "nsubjpass"}]
    for noun in subjects:
        kind = noun_kind(noun)
        if kind is not None:
            return Trigger(noun, kind, noun, nominal=True)
    return None


def _participle_complement(token: Token) -> Trigger | None:
    """'The K visa was green-lit on Sept. 3': a passive the parse reads as a
    copula with a participle complement; the participle is the trigger."""
    if token.lemma_.lower() != "be":
        return None
    participles = [c for c in token.children if c.dep_ == "acomp" and c.tag_ == "VBN"]
    return next((t for t in map(as_verb_trigger, participles) if t is not None), None)


def _reduced_relative(token: Token) -> bool:
    """A participle with no subject of its own that modifies a noun ("the fee
    paid by applicants", "workers hired abroad")."""
    return (token.pos_ == "VERB" and token.dep_ == "acl" and token.tag_ in {"VBN", "VBG"}
            and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children))


def _clause_over(participle: Token) -> Token | None:
    """The verb whose argument holds the noun a participle modifies, across
    prepositions and nouns only: "raise" in "will raise the right of
    permanent residence fee paid by ..."."""
    token = participle.head
    for _ in range(4):
        if token.pos_ in {"VERB", "AUX"}:
            return token
        if token.pos_ not in {"NOUN", "PROPN", "ADP", "PRON"} or token.head.i == token.i:
            return None
        token = token.head
    return None


# Tokens the left-hand scan may cross: nouns, names, determiners, adjectives,
# numbers and prepositions of one noun phrase ("suspended premium processing
# for H-1B petitions on Monday").
_PHRASE_POS = frozenset({"NOUN", "PROPN", "DET", "ADJ", "NUM", "ADP", "PART"})
MAX_LEFT = 7


def _verb_on_the_left(when: Span) -> Trigger | None:
    """When the parse hangs the date on no verb ("USCIS suspended premium
    processing for H-1B petitions on Monday", read as a noun phrase), the
    event verb that stands just left of it across one noun phrase, in the
    past or the present tense."""
    doc = when.doc
    sentence_start = when.sent.start
    for i in range(when.start - 1, max(sentence_start, when.start - MAX_LEFT) - 1, -1):
        token = doc[i]
        if token.tag_ in {"VBD", "VBZ", "VBP"} or (token.tag_ == "VBN" and token.dep_ == "amod"):
            lemma = trigger_lemma(token)
            if lemma in VERB_TRIGGERS and token.pos_ in {"VERB", "ADJ"}:
                found = as_verb_trigger(token) if token.pos_ == "VERB" else Trigger(
                    token, VERB_TRIGGERS[lemma], token)
                return found
            if lemma in OBJECT_VERBS and token.pos_ == "VERB":
                return as_verb_trigger(token)
            return None
        if mistagged_verb(token):  # "Applications for the H-1B lottery close on Nov. 5"
            return Trigger(token, VERB_TRIGGERS[WINDOW_VERBS[token.lower_]], token)
        if token.pos_ not in _PHRASE_POS:
            return None
    return None


def _mistagged_change(when: Span) -> Trigger | None:
    """'Salary thresholds for the scheme rise again on January 1', parsed with "thresholds" as
    the verb: the price's change word before the date takes effect then."""
    word = mistagged_change(when.doc[when.start])
    return Trigger(word, "takes_effect", word) if word is not None else None


def _subordinate(verb: Token) -> bool:
    """'after parliament approved higher charges in June': a clause with its own subject and mark."""
    if verb.dep_ != "advcl":
        return False
    children = list(verb.children)
    if verb.tag_ == "VBN" and any(c.dep_ == "mark" and c.lower_ == "as" for c in children):
        return True  # "..., as signalled in the budget in February": a comment clause dates itself
    return any(c.dep_ == "mark" and c.lower_ in SUBORDINATE_MARKS for c in children) and any(
        c.dep_ in {"nsubj", "nsubjpass"} for c in children)


def is_authority(token: Token) -> bool:
    """'The Commerce Department', 'the Home Office', 'the government', 'China'."""
    return token.lemma_.lower() in AUTHORITIES or token.lower_ in AUTHORITIES or token.ent_type_ == "GPE"

def _said_plan(when: Span) -> Trigger | None:
    """'the Commerce Department said last month that it would start taking
    applications': the date of the speech is the announcement of the plan
    its complement states, when the plan has no date of its own. Speech
    about what already is ("said on Tuesday that the visa was part of ...")
    announces nothing."""
    say = when.root.head
    if say.pos_ == "ADP" and say.head.i != say.i:
        say = say.head
    if say.lemma_.lower() not in SPEECH or say.pos_ != "VERB":
        return None
    done = _done_by_then(say)
    if done is not None:
        return done
    # "The company said it would start hiring K visa holders" is a company's plan.
    if not any(c.dep_ == "nsubj" and is_authority(c) for c in say.children):
        return None
    for clause in (c for c in say.children if c.dep_ == "ccomp"):
        if not any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in clause.children):
            continue
        # "said on Monday that it would raise the fee from next April": the
        # plan has its own date, and that is the event's.
        if any(t.ent_type_ == "DATE" for t in clause.subtree):
            continue
        # "will turn its trial visa into a permanent programme and cut the
        # income it requires, the ministry said on Monday": a change still to
        # come, said on a day, is announced that day.
        chain = [clause] + [c for c in clause.children if c.dep_ in {"xcomp", "conj"}]
        for verb in chain:
            if negated(verb):
                continue
            found = as_verb_trigger(verb)
            if found is not None:
                return Trigger(found.token, "announced", say)
            if verb.pos_ == "VERB" and verb.lemma_.lower() in PLAN_VERBS:
                return Trigger(verb, "announced", say)
    return None


def _done_by_then(say: Token) -> Trigger | None:
    """'Canada has stopped accepting new applications under its start-up visa, the minister said
    Wednesday': an authority's act in the present perfect, reported on a day, is news of that
    day, so the day of the speech dates it (a rule change's announcement). Not the past
    perfect ("said on Tuesday it had suspended the R visa": an act of some earlier day), nor
    an act of the clause's own date. A duration ("for at least a year") is no date of the act."""
    for clause in (c for c in say.children if c.dep_ == "ccomp" and c.tag_ == "VBN"):
        if not any(c.dep_ == "aux" and c.lower_ in {"has", "have", "'s", "'ve"} for c in clause.children):
            continue
        if not any(c.dep_ == "nsubj" and is_authority(c) for c in clause.children) or negated(clause):
            continue
        dated = [t for t in clause.subtree if t.ent_type_ == "DATE"
                 and not any(a.lower_ == "for" and a.dep_ == "prep" for a in t.ancestors)]
        found = as_verb_trigger(clause)
        if found is None or dated or _unreal(found):
            continue
        # "has widened the Global Talent visa to more prize winners, the Home Office said on
        # Monday": a rule change reported on a day is announced then (it starts when its own
        # date says); a suspension, an end or a launch is itself the news.
        return Trigger(found.token, "announced", say) if found.event_type == "takes_effect" else found
    return None

