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
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from extractors.components.common import SPEECH_LEMMAS, text_of
from extractors.components.event_modality import PLANNED, obliged, unrealised
from extractors.components.event_words import hyphen_parts, trigger_lemma
from extractors.dates import Direction
from extractors.event_lexicon import event_lexicon
from extractors.models import EventType

# The predicate table (extractors/data/event_predicates.json, its note says
# where it comes from): verbs that count alone, verbs that count only with a
# programme, rule or fee as object ("dropped the fee", not "fees dropped"),
# verbs that count only with their particle or complement ("kicks off",
# "rolls out", "takes effect", "goes live", "received royal assent"; alone
# they are too common to mean an event, and the particle may change the kind:
# "kicks in" takes effect), and event nouns, some only of a programme ("the
# withdrawal of the rule", not "a withdrawal on Monday").
_LEXICON = event_lexicon()
VERB_TRIGGERS: dict[str, EventType] = _LEXICON.verbs
OBJECT_VERBS: dict[str, EventType] = _LEXICON.object_verbs
NEEDS_PARTICLE: dict[str, dict[str, EventType]] = _LEXICON.complements
# What a particle must govern for the verb to count: "laid before Parliament",
# not "laid the groundwork before the election".
_PARTICLE_OBJECTS: dict[str, frozenset[str]] = _LEXICON.complement_objects
# Nouns that name an event when the date follows them; the guarded ones only of a programme.
PROGRAMME_NOUNS: dict[str, EventType] = _LEXICON.programme_nouns
NOUN_TRIGGERS: dict[str, EventType] = {**_LEXICON.nouns, **PROGRAMME_NOUNS}
_NOUN_PHRASES: dict[str, dict[str, EventType]] = _LEXICON.noun_phrases
# "an effective date of Oct. 1", "the launch date is Oct. 1": the word that makes "date" an event's.
_DATE_MODIFIERS: dict[str, EventType] = _LEXICON.date_modifiers
# Prepositions between a trigger noun and its date: "the launch on Oct. 1".
_NOUN_DATE_PREPS = frozenset({"on", "in", "at"})
# Words that open the period from which something applies.
_START_WORDS = frozenset({"starting", "beginning"})
_FROM_CLOCK = re.compile(
    r"\b(?:(?:from|starting|beginning|as of)\s+(?:midnight|noon|\d{1,2}(?::\d{2})?\s*[ap]\.?m\.?)"
    r"(?:\s+[A-Z]{2,4}T?|\s+local time)?\s+on|on or after|from and including)$"
)
# Verbs for which "from <date>" is a baseline, not a start: "rose 20% from last June".
_CHANGE_LEMMAS = frozenset(
    "rise raise increase grow jump climb double triple hike surge soar fall drop decline dip slip shrink "
    "plunge cut reduce lower compare change move shift return come arrive differ vary".split()
)
# What a verb of change may change for the change to be an event of the
# programme: its prices and thresholds, not its applications or approvals.
_PRICE_NOUNS = _LEXICON.verb_classes["price_change"].objects
_CHANGE_TRIGGERS = _LEXICON.verb_classes["price_change"].verbs
# Verbs that put a price in place: "the $100,000 fee that the United States imposed last month".
_IMPOSE = _LEXICON.verb_classes["imposing"].verbs
# Verbs that issue a document, and the documents whose stage their modifier
# names: "published a final rule" announces it, "sent a proposed rule to the
# White House" proposes it. An unmarked "rule" or "guidance" says neither.
_ISSUE_VERBS = _LEXICON.verb_classes["issuing"].verbs
_DOCUMENT_NOUNS = _LEXICON.verb_classes["issuing"].objects
_DOCUMENT_STAGES: dict[str, EventType] = {"final": "announced", "proposed": "proposed", "draft": "proposed"}
# An executive's instruments are final once issued: "published an ordinance
# last Thursday", "a decree approved by the Council of Ministers earlier this
# month". Approving or adopting rules makes them final too ("the cabinet
# approved the new regulations on Tuesday"); a bill approved by one chamber is not yet law.
_FINAL_DOCUMENTS = frozenset("decree decrees ordinance ordinances".split())
_APPROVING = frozenset({"approve", "adopt"})
# Verbs of putting rules into practice, after a deadline ("had until November 2023 to apply them").
IMPLEMENTING = frozenset("apply implement transpose adopt enforce introduce".split())
# Who speaks or acts for a programme: a government body or officer, or a country.
AUTHORITIES = frozenset(
    "department ministry office government agency administration authority commission minister "
    "secretary cabinet council embassy consulate parliament congress uscis dhs ircc".split()
)
# Verbs that make a programme, which counts as its launch when what they make is one.
_CREATING = _LEXICON.verb_classes["creating"].verbs
_PROGRAMME_KINDS = _LEXICON.verb_classes["creating"].objects
# "The first K visas were issued on Oct. 1": the first grant of a visa is its launch.
_FIRST_ISSUED = _LEXICON.verb_classes["first_issued"].verbs
_GRANTED = _LEXICON.verb_classes["first_issued"].objects
# "has been in place since June 2024", "in force since", "in effect since".
_IN_PLACE = re.compile(r"\bin (?:place|force|effect)\s*$", re.I)
# "Express Entry draws have been on hold since June".
_ON_HOLD = re.compile(r"\bon hold\s*$", re.I)
# "The K visa has been available since Oct. 1", "applications have been open since June 1".
_AVAILABLE = re.compile(r"\b(?:available|open|on offer)\s*$", re.I)
# "has existed since February 2020": a launch then, when the date names its month. "has existed
# since 2013" is background the gold leaves out (year-only dates are optional at best).
_EXISTED = re.compile(r"\b(?:existed|exists|in existence|been around)\s*$", re.I)
_NAMES_A_MONTH = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.I)
# Verbs of speech whose future complement announces an event: "said last
# month that it would start taking applications".
_SPEECH = frozenset({"say", "tell"})
_FUTURE_AUX = frozenset({"would", "will", "'ll"})
# Verbs of a change to a programme, said of the future: "will raise the minimum
# salary", "will turn its trial visa into a permanent programme", "will reopen".
_PLAN_VERBS = frozenset(
    "raise increase double triple hike cut reduce lower lift turn make extend expand widen tighten "
    "relax ease reopen relaunch scrap replace overhaul cap".split()
)
# Subordinate clauses with their own subject ("after parliament approved the
# charges in June"): a date in one is that clause's.
_SUBORDINATE_MARKS = frozenset("after before since when while because once as".split())
# "from Oct. 1 to Dec. 31", "from 2019 until 2023": a range of time.
_RANGE_WORDS = frozenset({"to", "until", "till", "through", "thru", "-", "–", "—", "and"})
# Hops from the date up the dependency tree to its verb, prepositions not
# counted: "Wednesday" -> "on" -> "launches" is one.
MAX_HOPS = 3


@dataclass(frozen=True)
class Trigger:
    """``token`` names the event; ``anchor`` is the verb or noun whose
    arguments say which programme it happens to; ``nominal`` when the
    trigger is a noun."""

    token: Token
    event_type: EventType
    anchor: Token
    nominal: bool = False

    @property
    def direction(self) -> Direction:
        """Past-tense anchors look back from the publication date; others
        forward. A preposition or a noun takes the tense of the clause it
        stands in ("applications made on or after 22 July" under "will
        apply" lie ahead)."""
        verb = self.anchor
        for _ in range(MAX_HOPS):
            if verb.pos_ in {"VERB", "AUX"} or verb.head.i == verb.i:
                break
            verb = verb.head
        if self.nominal and verb.pos_ not in {"VERB", "AUX"}:
            return "past"  # "Friday's suspension of the fee ...", parsed with no verb: a day gone
        if self.token.i != self.anchor.i and not self.nominal:
            verb = _finite(verb)
        elif verb.tag_ == "VB" and verb.dep_ == "xcomp" and not _scheduled(verb.head):
            verb = _finite(verb.head)  # "declined on Friday to suspend": the tense is the governor's
        if verb.tag_ == "VBN" and _future_passive(verb):
            return "future"  # "will be wound down in March", "is to be scrapped"
        if any(c.dep_ == "aux" and c.lower_ == "did" for c in verb.children):
            return "past"  # "did not take effect until Jan. 5"
        return "past" if verb.tag_ in {"VBD", "VBN"} else "future"


_FUTURE_AUX_WORDS = frozenset("will 'll shall would is are am 's 're be to can must should".split())
_PAST_AUX_WORDS = frozenset("was were had has have 've been".split())


def _future_passive(verb: Token) -> bool:
    """A participle under a present or future auxiliary and none of the past."""
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    return bool(auxiliaries & _FUTURE_AUX_WORDS) and not auxiliaries & _PAST_AUX_WORDS


def _scheduled(word: Token) -> bool:
    """'due', 'set', 'scheduled': a schedule keeps its infinitive's future."""
    return word.lemma_.lower() in PLANNED or word.lower_ in PLANNED


def _finite(verb: Token) -> Token:
    """The verb with a tense that governs a participle or an infinitive: "made"
    in "applications made ..." is under "will apply"."""
    for _ in range(4):
        tensed = verb.tag_ in {"VBD", "VBZ", "VBP", "MD"}
        if tensed or any(c.dep_ in {"aux", "auxpass"} for c in verb.children):
            return verb
        if verb.head.i == verb.i:
            return verb
        verb = verb.head
    return verb


def find_trigger(when: Span) -> Trigger | None:
    """The trigger of a DATE entity, if it has one that names a real event."""
    if _speech_time(when):
        # "China said on Tuesday it had suspended the R visa": the day of the
        # speech, whatever the parse hangs it on, dates only the plan it announces.
        found = _said_plan(when)
    else:
        found = (_start_word(when) or _verb(when) or _start_preposition(when) or _noun(when)
                 or _owned_noun(when) or _event_date_noun(when) or _in_place_since(when) or _said_plan(when)
                 or _deadline(when) or _verb_on_the_left(when))
    if found is None:
        return None
    # "will not take effect until Jan. 1": the event happens then, the negation says not before.
    until = when.root.dep_ == "pobj" and when.root.head.lower_ in {"until", "till"}
    if (_negated(found.token) and not until) or _unreal(found, until) or _private_actor(found):
        return None
    if _end_of_a_pause(found) or _deadline_by(when, found):
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


def as_verb_trigger(token: Token) -> Trigger | None:
    """The token as an event verb, with its particle or object when it needs
    one. A verb of change, not in the past tense, whose subject or object is
    a fee or a threshold ("the fee rises on Dec. 16", "will raise the charge
    in April") is a change that takes effect then; in the past tense ("the
    fee rose to $215 in March 2024") it is the fee's history."""
    lemma = trigger_lemma(token)
    if lemma in _CHANGE_TRIGGERS and token.pos_ == "VERB" and _changes_a_price(token):
        return Trigger(token, "takes_effect", token)
    if lemma in _IMPOSE and token.pos_ == "VERB" and _acts_on_price(token):
        return Trigger(token, "takes_effect", token)
    if lemma in _CREATING and token.pos_ == "VERB" and _makes_a_programme(token):
        return Trigger(token, "launched", token)
    set_up = lemma == "set" and any(c.dep_ == "prt" and c.lower_ == "up" for c in token.children)
    if set_up and token.pos_ == "VERB" and _makes_a_programme(token):
        return Trigger(token, "launched", token)  # "set up the scheme in 2019"
    if lemma in _FIRST_ISSUED and token.pos_ == "VERB" and _first_of_programme(token):
        return Trigger(token, "launched", token)
    if lemma in _ISSUE_VERBS and token.pos_ == "VERB":
        stage = _document_stage(token)
        if stage is not None:
            return Trigger(token, stage, token)
    if lemma in _TABLING and token.pos_ == "VERB" and _objects_in(token, _BILLS):
        return Trigger(token, "proposed", token)  # "introduced a bill", "tabled an amendment"
    if lemma in _OUTLINING and token.pos_ == "VERB" and _objects_in(token, _PLANS, programme=True):
        return Trigger(token, "announced", token)  # "outlined the changes", "revealed plans for"
    kind = _verb_kind(token, lemma)
    if kind is None:
        return None
    if kind in {"launched", "announced"} and _objects_in(token, _INQUIRIES):
        return None  # "launched a consultation on the visa", "announced a review of the programme"
    if kind in {"ended", "suspended"} and (_counted_documents(token) or _ones_own(token)):
        return None
    return Trigger(token, kind, token)


def _verb_kind(token: Token, lemma: str) -> EventType | None:
    """The event type of a table verb, with the object or the particle it needs."""
    if lemma in VERB_TRIGGERS:
        return VERB_TRIGGERS[lemma] if token.pos_ in {"VERB", "AUX", "ADJ"} else None
    if lemma in OBJECT_VERBS:
        # "dropped the fee", "the scheme was retired", "the newly withdrawn rule"
        fits = token.pos_ in {"VERB", "ADJ"} and _objects_in(
            token, _PROGRAMME_OBJECTS, programme=True, own=True)
        return OBJECT_VERBS[lemma] if fits else None
    needed = NEEDS_PARTICLE.get(lemma)
    if needed is None:
        return None
    # "goes into effect": the particle may sit one level down, under "into".
    words = [c for c in token.children] + [g for c in token.children for g in c.children]
    if lemma in {"put", "place"}:  # "put visa interviews on hold": "on hold" may hang on the object
        words += [w for g in words for w in g.children if w.lower_ in {"hold", "ice"} and g.lower_ == "on"]
    hit = next((w for w in words if w.lower_ in needed and _particle_fits(w)), None)
    if hit is None or (lemma == "set" and hit.dep_ != "prt"):
        return None
    if lemma in {"be", "become"} and hit.dep_ not in {"acomp", "attr"}:
        return None  # "is effective Oct. 1", "became law on Sept. 19"
    # The tagger reads "kicks in" as a noun now and then; the particle says it is a verb.
    if token.pos_ in {"VERB", "AUX"} or (token.pos_ == "NOUN" and hit.tag_ == "RP"):
        return needed[hit.lower_]
    return None


# A bill is proposed when it is introduced or tabled, not launched.
_TABLING = _LEXICON.verb_classes["tabling"].verbs
_BILLS = _LEXICON.verb_classes["tabling"].objects
# Verbs that announce what they lay out: "outlined the changes", "revealed plans for the visa".
_OUTLINING = _LEXICON.verb_classes["outlining"].verbs
_PLANS = _LEXICON.verb_classes["outlining"].objects


def _objects_in(verb: Token, nouns: frozenset[str], *, programme: bool = False,
                own: bool = False) -> bool:
    """The verb's object (or the noun its clause modifies) is one of ``nouns``,
    or with ``programme``, names a programme; with ``own``, in its own noun
    phrase ("the K visa scheme", "the rules of the K visa"), not in a clause
    or a phrase about something else ("the agency that runs the K visa")."""
    objects = [c for c in verb.children
               if c.dep_ in {"dobj", "nsubjpass"} and c.lower_ not in {"that", "which"}]
    if verb.dep_ in {"relcl", "acl", "amod"}:  # "the rule DHS published", "the newly launched visa"
        objects.append(verb.head)
    elif verb.tag_ == "VBN" and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children):
        # "The K visa, newly dropped on Sept. 3, drew ...", parsed with "visa" as the
        # participle's subject: a participle with no auxiliary is passive, its subject the patient
        objects += [c for c in verb.children if c.dep_ == "nsubj"]
    if verb.dep_ == "xcomp" and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children) and any(
            c.dep_ == "auxpass" for c in verb.children):
        # "The K visa is due to be withdrawn": the passive infinitive's patient is its controller's subject
        controller = verb.head
        for _ in range(3):
            if controller.dep_ not in {"xcomp", "acomp"} or controller.head.i == controller.i:
                break
            controller = controller.head
        objects += [c for c in controller.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if verb.dep_ in {"advcl", "acomp"} and verb.tag_ == "VBN" and not any(
            c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        # "The K visa, instituted by the ministry on Sept. 3, drew ...", "The K visa
        # was green-lit" read as a copula's complement: the head's subject
        objects += [c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    def names(o: Token) -> bool:
        return any(t.ent_type_ == "VISA_PROGRAMME" for t in (_own_phrase(o) if own else o.subtree))

    return any(o.lemma_.lower() in nouns or o.lower_ in nouns or (programme and names(o)) for o in objects)


def _own_phrase(noun: Token) -> list[Token]:
    """The noun with its compounds, modifiers, appositions and "of" phrase, no clauses."""
    words = [noun]
    for child in noun.children:
        of = child.dep_ == "prep" and child.lower_ == "of"
        if of or child.dep_ in {"compound", "amod", "appos", "nmod", "poss"}:
            words += list(child.subtree)
    return words


# What is launched or announced about a programme without being the programme.
_INQUIRIES = frozenset(
    "consultation consultations review reviews inquiry inquiries investigation investigations probe "
    "campaign campaigns crackdown audit audits study studies survey surveys lawsuit challenge appeal "
    "website app hotline helpline".split()
)
_DOCUMENTS = frozenset("visa visas permit permits card cards passport passports".split())
_MANY = frozenset("thousands hundreds dozens millions scores".split())


_OWNERS_NOT_PEOPLE = frozenset({"GPE", "ORG", "NORP", "LOC", "FAC", "VISA_PROGRAMME"})


def _ones_own(verb: Token) -> bool:
    """'Kumar's H-1B visa was cancelled', 'her visa expired': one holder's
    document ended, named by an owner that is no country or body."""
    for word in (c for c in verb.children if c.dep_ in {"dobj", "nsubjpass", "nsubj"}):
        for owner in (c for c in word.children if c.dep_ == "poss"):
            if owner.lower_ in {"his", "her", "their", "my", "your", "our"}:
                return True
            if owner.pos_ == "PROPN" and owner.ent_type_ not in _OWNERS_NOT_PEOPLE:
                return True
    return False


def _counted_documents(verb: Token) -> bool:
    """'revoked 6,000 student visas', 'cancelled thousands of visas': a number
    of people's documents ended, not the programme."""
    for word in (c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}):
        if word.lower_ in _MANY and any(c.lower_ == "of" for c in word.children):
            return True
        if word.lemma_.lower() in _DOCUMENTS and word.tag_ == "NNS" and any(
                c.dep_ in {"nummod", "quantmod"} or c.lower_ in {"some", "many", "several", "more"}
                for c in word.children):
            return True
    return False


def _particle_fits(word: Token) -> bool:
    wanted = _PARTICLE_OBJECTS.get(word.lower_)
    if wanted is None:
        return True
    return any(c.dep_ == "pobj" and c.lemma_.lower() in wanted for c in word.children)


def _changes_a_price(verb: Token) -> bool:
    """A price or threshold changes: as the subject of a change still to
    come ("the fee rises on Dec. 16"), or as what someone changed or will
    change ("the government lifted the threshold on July 1", "the fees were
    last raised in April 2024"). A price that moved by itself in the past
    ("the fee rose to $215 in March 2024") is its history."""
    past = verb.tag_ in {"VBD", "VBN"}
    deps = {"nsubjpass", "dobj"} if past else {"nsubj", "nsubjpass", "dobj"}
    words = [c for c in verb.children if c.dep_ in deps]
    # "raise the level of the fee", "the right of permanent residence fee": the price across "of"
    words += [g for w in words for c in w.children if c.lower_ == "of"
              for g in c.children if g.dep_ == "pobj"]
    return any(w.lemma_.lower() in _PRICE_NOUNS for w in words)


def _acts_on_price(verb: Token) -> bool:
    """The verb's object is a price, or the price its relative clause modifies."""
    words = [c for c in verb.children
             if c.dep_ in {"nsubjpass", "dobj"} and c.lower_ not in {"that", "which"}]
    if verb.dep_ in {"relcl", "acl"}:
        words.append(verb.head)
    return any(w.lemma_.lower() in _PRICE_NOUNS for w in words)


def _document_stage(verb: Token) -> EventType | None:
    """'published a final rule': announced; 'sent a proposed rule': proposed."""
    documents = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    if verb.dep_ in {"relcl", "acl"}:
        documents.append(verb.head)
    for document in documents:
        noun = document.lemma_.lower()
        if verb.lemma_.lower() in _APPROVING and document.tag_ != "NNS" and (
                document.ent_type_ == "VISA_PROGRAMME" or noun in _PROGRAMME_KINDS):
            return "announced"  # "the State Council approved the K visa in August"
        if noun not in _DOCUMENT_NOUNS:
            continue
        for modifier in document.children:
            if modifier.dep_ in {"amod", "compound"} and modifier.lower_ in _DOCUMENT_STAGES:
                return _DOCUMENT_STAGES[modifier.lower_]
        if noun in _FINAL_DOCUMENTS or (verb.lemma_.lower() in _APPROVING and noun != "bill"):
            return "announced"
    return None


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
            return found
        if token.pos_ == "VERB" and (token.dep_ == "conj" or _subordinate(token)):
            return None
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
    if not _scheduled(token):
        return None
    verbs = [c for c in token.children if c.dep_ == "xcomp" and c.pos_ in {"VERB", "AUX"}]
    return next((t for t in map(as_verb_trigger, verbs) if t is not None), None)


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
        if token.pos_ not in _PHRASE_POS:
            return None
    return None


def _subordinate(verb: Token) -> bool:
    """'after parliament approved higher charges in June': a clause with its own subject and mark."""
    if verb.dep_ != "advcl":
        return False
    children = list(verb.children)
    return any(c.dep_ == "mark" and c.lower_ in _SUBORDINATE_MARKS for c in children) and any(
        c.dep_ in {"nsubj", "nsubjpass"} for c in children)


def is_authority(token: Token) -> bool:
    """'The Commerce Department', 'the Home Office', 'the government', 'China'."""
    return token.lemma_.lower() in AUTHORITIES or token.lower_ in AUTHORITIES or token.ent_type_ == "GPE"


def _deadline(when: Span) -> Trigger | None:
    """'member states had until November 2023 to apply them', 'have until
    June 2026 to transpose the directive': rules take effect by the deadline
    for applying them."""
    until = when.root.head
    if until.lower_ != "until" or when.root.dep_ != "pobj" or until.head.lemma_.lower() != "have":
        return None
    for verb in until.head.children:
        if verb.dep_ in {"advcl", "xcomp"} and verb.lemma_.lower() in IMPLEMENTING:
            return Trigger(verb, "takes_effect", verb)
    return None


def _said_plan(when: Span) -> Trigger | None:
    """'the Commerce Department said last month that it would start taking
    applications': the date of the speech is the announcement of the plan
    its complement states, when the plan has no date of its own. Speech
    about what already is ("said on Tuesday that the visa was part of ...")
    announces nothing."""
    say = when.root.head
    if say.pos_ == "ADP" and say.head.i != say.i:
        say = say.head
    if say.lemma_.lower() not in _SPEECH or say.pos_ != "VERB":
        return None
    # "The company said it would start hiring K visa holders" is a company's plan.
    if not any(c.dep_ == "nsubj" and is_authority(c) for c in say.children):
        return None
    for clause in (c for c in say.children if c.dep_ == "ccomp"):
        if not any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in clause.children):
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
            if _negated(verb):
                continue
            found = as_verb_trigger(verb)
            if found is not None:
                return Trigger(found.token, "announced", say)
            if verb.pos_ == "VERB" and verb.lemma_.lower() in _PLAN_VERBS:
                return Trigger(verb, "announced", say)
    return None


def _start_word(when: Span) -> Trigger | None:
    """'starting Sunday', 'Beginning Oct. 1,': a participle used as a
    preposition, with no subject of its own."""
    head = when.root.head
    if head.pos_ == "ADP" and head.lower_ in {"in", "on", "from", "at"} and head.head.i != head.i:
        head = head.head  # "starting in January", "beginning on Oct. 1"
    if head.lower_ not in _START_WORDS or any(c.dep_ in {"nsubj", "nsubjpass"} for c in head.children):
        return None
    if head.dep_ not in {"prep", "xcomp", "advcl", "acl"}:
        return None
    return Trigger(head, "takes_effect", head.head if head.head.i != head.i else head)


def _start_preposition(when: Span) -> Trigger | None:
    """'applies from Dec. 16', 'as of Jan. 1': the start of what the verb
    says, unless the verb measures a change from then or the date opens a range."""
    prep = when.root.head
    if when.root.dep_ != "pobj":
        return None
    if _FROM_CLOCK.search(text_of(when.doc)[max(0, prep.idx - 40) : prep.idx + len(prep)]):
        # "from midnight on Oct. 1", "from 12:01 a.m. EDT on Sept. 21", "made on or after 22 July"
        verb = prep.head
        for _ in range(2):
            if verb.pos_ in {"VERB", "AUX"} or verb.head.i == verb.i:
                break
            verb = verb.head
        return Trigger(prep, "takes_effect", verb) if verb.pos_ in {"VERB", "AUX"} else None
    if prep.lower_ == "of" and prep.head.lower_ == "as":
        prep = prep.head
    elif prep.lower_ != "from" or (prep.i > 0 and prep.doc[prep.i - 1].lower_ in {"up", "down"}):
        return None
    verb = prep.head
    if verb.pos_ not in {"VERB", "AUX"} or _baseline(verb, when):
        return None
    following = when.doc[when.end : when.end + 1]
    if len(following) and following[0].lower_ in _RANGE_WORDS:
        return None
    if verb.lemma_.lower() in _RECEIVING and _objects_in(verb, _APPLICATIONS):
        return Trigger(prep, "launched", verb)  # "will accept applications from Oct. 1"
    return Trigger(prep, "takes_effect", verb)


_RECEIVING = frozenset({"accept", "take", "receive"})
_APPLICATIONS = frozenset({"application", "applications", "submission", "submissions"})


def _baseline(verb: Token, when: Span) -> bool:
    """'rose 20% from last year': a change measured from a past date. A
    change still to come starts then ("the threshold rises to £41,700 from
    July 22")."""
    if verb.lemma_.lower() not in _CHANGE_LEMMAS:
        return False
    past_date = any(t.lower_ in {"last", "ago", "earlier", "previous", "before"} for t in when)
    return verb.tag_ in {"VBD", "VBN"} or past_date


def _noun(when: Span) -> Trigger | None:
    """A trigger noun right before the date, or with one preposition between."""
    doc = when.doc
    i = when.start - 1
    if i >= 0 and doc[i].lower_ in _NOUN_DATE_PREPS:
        i -= 1
    if i < 0:
        return None
    noun = doc[i]
    kind = _noun_kind(noun)
    if kind is None:
        # "the launch of the K visa on Oct. 1", "the signing of the order on Sept. 19":
        # the date hangs on the noun across its "of" phrase.
        prep = when.root.head
        if when.root.dep_ != "pobj" or prep.lower_ not in _NOUN_DATE_PREPS or prep.head.i == prep.i:
            return None
        noun = prep.head
        kind = _noun_kind(noun)
        if kind is None or not _of_a_programme(noun):
            return None
    return Trigger(noun, kind, noun, nominal=True)


_PROGRAMME_OBJECTS = frozenset(
    "visa visas programme program scheme route card category pathway stream pilot rule rules order "
    "proclamation decree fee levy charge surcharge policy regulation regulations".split()
)


def _of_a_programme(noun: Token) -> bool:
    """'the launch of the K visa', 'the signing of the order': the "of" object
    or the owner names a programme or one of its instruments, not 'the launch
    of a campaign'."""
    parts = hyphen_parts(noun)  # "the phase-in of the rule": "of" may hang on either part
    children = [c for part in parts for c in part.children if c not in parts]
    objects = [g for c in children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    # "the H-1B rule's entry into force"; a gerund's subject: "the K visa's shelving"
    objects += [c for c in children if c.dep_ == "poss" or (noun.tag_ == "VBG" and c.dep_ == "nsubj")]
    return any(t.ent_type_ == "VISA_PROGRAMME" or t.lemma_.lower() in _PROGRAMME_OBJECTS
               for o in objects for t in o.subtree)


def _noun_kind(noun: Token) -> EventType | None:
    """The event a noun names: a trigger noun ("phase-out" across its hyphen),
    or a phrase of a head noun ("entry into force"). A guarded noun ("the
    withdrawal of the rule") counts only of a programme."""
    lemma = noun.lemma_.lower()
    joined = "-".join(t.lower_ for t in hyphen_parts(noun))
    if joined in NOUN_TRIGGERS:
        lemma = joined
    elif noun.tag_ == "VBG" and noun.lower_ in NOUN_TRIGGERS:
        lemma = noun.lower_  # "the K visa's shelving on Sept. 3", parsed as a gerund
    elif noun.pos_ != "NOUN":
        return None
    for rest, kind in _NOUN_PHRASES.get(lemma, {}).items():
        prep, word = rest.split()
        if any(c.lower_ == prep and any(g.lower_ == word for g in c.children) for c in noun.children):
            return kind
    if lemma in PROGRAMME_NOUNS and not _of_a_programme(noun):
        return None
    return NOUN_TRIGGERS.get(lemma)


def _owned_noun(when: Span) -> Trigger | None:
    """'Tuesday's announcement', 'last month's launch': a date that owns a trigger noun."""
    noun = when.root.head
    if when.root.dep_ != "poss":
        return None
    kind = _noun_kind(noun)
    return Trigger(noun, kind, noun, nominal=True) if kind is not None else None


def _event_date_noun(when: Span) -> Trigger | None:
    """'an effective date of Oct. 1', 'The launch date is Oct. 8': the date is
    the event's that the modifier of "date" names."""
    root = when.root
    noun: Token | None = None
    if root.dep_ == "pobj" and root.head.lower_ == "of":
        noun = root.head.head
    elif root.dep_ == "attr" and root.head.lemma_.lower() == "be":
        noun = next((c for c in root.head.children if c.dep_ == "nsubj"), None)
    if noun is None or noun.lemma_.lower() != "date":
        return None
    # "could have an effective date of ...", "Kumar's visa had an expiry date of ...": a
    # guess, or one holder's document, through the verb that has the date
    verb = root.head if root.dep_ == "attr" else noun.head
    if verb.pos_ in {"VERB", "AUX"} and (unrealised(verb) or _ones_own(verb)):
        return None
    for modifier in (c for c in noun.children if c.dep_ in {"amod", "compound"}):
        word = "-".join(t.lower_ for t in hyphen_parts(modifier))
        kind = _DATE_MODIFIERS.get(word) or _DATE_MODIFIERS.get(modifier.lemma_.lower())
        if kind is not None:
            return Trigger(modifier, kind, noun, nominal=True)
    return None


def _in_place_since(when: Span) -> Trigger | None:
    """'The fee has been in place since June 2024': it took effect then; 'the
    visa has been available since Oct. 1': it was launched then."""
    since = when.root.head
    if when.root.dep_ != "pobj" or since.lower_ != "since":
        return None
    before = text_of(when.doc)[max(0, since.idx - 20) : since.idx]
    kind: EventType
    if _IN_PLACE.search(before) is not None:
        kind = "takes_effect"
    elif _AVAILABLE.search(before) is not None or (
            _EXISTED.search(before) is not None and _NAMES_A_MONTH.search(when.text) is not None):
        kind = "launched"
    elif _ON_HOLD.search(before) is not None:
        kind = "suspended"
    else:
        return _state_since(since)
    verb = since.head
    if verb.pos_ == "ADJ" and verb.dep_ in {"amod", "appos", "acl"}:
        return Trigger(since, kind, verb)  # "The K visa, available since Oct. 1, has drawn crowds"
    for _ in range(3):  # "available" under "has been"; "The fee, in effect since Sept. 21, has cut"
        if verb.pos_ in {"VERB", "AUX"} or verb.head.i == verb.i:
            break
        verb = verb.head
    return Trigger(since, kind, verb) if verb.pos_ in {"VERB", "AUX"} else None


# States a rule puts a programme in, read from the copula's complement:
# "Since Aug. 15, 2023, the e-visa has been valid for 90 days".
_RULE_STATES = frozenset(
    "valid mandatory compulsory required free eligible exempt payable capped limited restricted "
    "allowed permitted possible".split()
)
_OPEN_STATES = frozenset({"available", "open"})
# Passives of a rule: "Since July 1, applicants have been required to ...".
_RULE_PASSIVES = frozenset("require oblige allow permit exempt cap limit restrict".split())


def _state_since(since: Token) -> Trigger | None:
    """'Since <date>, X has been valid / open / required to ...' with "since"
    in front of the clause: the state holds from then, so the rule that made
    it took effect then (a programme that has been open since then launched
    then). The verb is in the present perfect."""
    verb = since.head
    if verb.pos_ not in {"VERB", "AUX"} or not any(
            c.dep_ == "aux" and c.lower_ in {"has", "have", "'s", "'ve"} for c in verb.children):
        return None
    if verb.lemma_.lower() == "be":
        for state in (c for c in verb.children if c.dep_ == "acomp"):
            if state.lower_ in _OPEN_STATES:
                return Trigger(since, "launched", verb)
            if state.lower_ in _RULE_STATES:
                return Trigger(since, "takes_effect", verb)
        return None
    if verb.tag_ == "VBN" and verb.lemma_.lower() in _RULE_PASSIVES and any(
            c.dep_ == "auxpass" for c in verb.children):
        return Trigger(since, "takes_effect", verb)
    return None


def _makes_a_programme(verb: Token) -> bool:
    """What the verb creates is a programme: a programme's name, or a kind of
    programme ("Brazil created its digital nomad visa ... in January 2022",
    "the scheme, established in 2019"), not "created confusion in March"."""
    made = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"} and c.lower_ not in {"that", "which"}]
    if verb.dep_ in {"acl", "relcl"}:
        made.append(verb.head)
    # "set up the Express Entry system": a programme's name as the compound of what is made.
    made += [c for m in made for c in m.children if c.dep_ == "compound"]
    return any(m.ent_type_ == "VISA_PROGRAMME" or m.lemma_.lower() in _PROGRAMME_KINDS for m in made)


def _first_of_programme(verb: Token) -> bool:
    """The verb grants the first visas or cards ("the first K visas were issued")."""
    granted = [c for c in verb.children if c.dep_ in {"nsubjpass", "dobj"}]
    return any(g.lemma_.lower() in _GRANTED and any(c.lower_ == "first" for c in g.children)
               for g in granted)


def _negated(token: Token) -> bool:
    """'did not take effect', 'will never launch'."""
    return any(c.dep_ == "neg" for c in token.children)
