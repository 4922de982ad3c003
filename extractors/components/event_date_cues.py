"""Event cues read from the date's side: a start word or preposition
("starting Sunday", "applies from Dec. 16", "as of Jan. 1"), a trigger noun
before the date or owned by it ("the launch on Oct. 1", "Tuesday's
announcement"), an event's date noun ("an effective date of Oct. 1"), a
state that holds since the date ("in force since June 2024"), and a deadline
for applying rules ("had until November 2023 to apply them").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from extractors.components.common import text_of
from extractors.components.event_modality import unrealised
from extractors.components.event_trigger import Trigger
from extractors.components.event_trigger_lexicon import (
    AVAILABLE,
    CHANGE_LEMMAS,
    DATE_MODIFIERS,
    EXISTED,
    FROM_CLOCK,
    IMPLEMENTING,
    IN_PLACE,
    NAMES_A_MONTH,
    NOUN_DATE_PREPS,
    NOUN_PHRASES,
    NOUN_TRIGGERS,
    ON_HOLD,
    PLAN_VERBS,
    PROGRAMME_NOUNS,
    RANGE_WORDS,
    START_WORDS,
)
from extractors.components.event_verbs import PROGRAMME_OBJECTS, as_verb_trigger, objects_in, ones_own
from extractors.components.event_words import hyphen_parts
from extractors.models import EventType


def deadline(when: Span) -> Trigger | None:
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



def start_word(when: Span) -> Trigger | None:
    """'starting Sunday', 'Beginning Oct. 1,': a participle used as a
    preposition, with no subject of its own."""
    head = when.root.head
    if head.pos_ == "ADP" and head.lower_ in {"in", "on", "from", "at"} and head.head.i != head.i:
        head = head.head  # "starting in January", "beginning on Oct. 1"
    if head.lower_ not in START_WORDS or any(c.dep_ in {"nsubj", "nsubjpass"} for c in head.children):
        return None
    if head.dep_ not in {"prep", "xcomp", "advcl", "acl"}:
        return None
    return Trigger(head, "takes_effect", head.head if head.head.i != head.i else head)


def start_preposition(when: Span) -> Trigger | None:
    """'applies from Dec. 16', 'as of Jan. 1': the start of what the verb
    says, unless the verb measures a change from then or the date opens a range."""
    prep = _run_in_from(when) or when.root.head
    if when.root.dep_ != "pobj" and prep is when.root.head:
        return None
    if FROM_CLOCK.search(text_of(when.doc)[max(0, prep.idx - 40) : prep.idx + len(prep)]):
        # "from midnight on Oct. 1", "from 12:01 a.m. EDT on Sept. 21", "made on or after 22 July"
        verb = prep.head
        for _ in range(2):
            if verb.pos_ in {"VERB", "AUX"} or verb.head.i == verb.i:
                break
            verb = verb.head
        return Trigger(prep, "takes_effect", verb) if verb.pos_ in {"VERB", "AUX"} else None
    if prep.lower_ == "of" and prep.head.lower_ == "as":
        prep = prep.head
    elif _rule_after(prep):
        return Trigger(prep, "takes_effect", _filed_application(prep.head) or prep.head)
    elif prep.lower_ != "from" or (prep.i > 0 and prep.doc[prep.i - 1].lower_ in {"up", "down"}):
        return None
    clause = prep.head if prep.head.pos_ in {"VERB", "AUX"} else _clause_trigger(prep)
    if clause is not None and clause.dep_ == "relcl" and as_verb_trigger(clause) is None:
        # "will raise the levy that employers pay for each worker they sponsor from April 6": the
        # start hung on a relative clause's verb is the change's of the clause above it
        clause = _clause_trigger(prep) or clause
    if clause is None or _baseline(clause, when):
        return None
    verb = clause
    following = when.doc[when.end : when.end + 1]
    if len(following) and following[0].lower_ in RANGE_WORDS:
        return None
    if verb.lemma_.lower() in _RECEIVING and objects_in(verb, _APPLICATIONS):
        return Trigger(prep, "launched", verb)  # "will accept applications from Oct. 1"
    return Trigger(prep, "takes_effect", verb)


def _run_in_from(when: Span) -> Token | None:
    """'From 1 January paper applications will be refused': with no comma the parse runs a
    day-first date into the noun after it ("1 January paper applications") and hangs the
    noun, not the date, on "from"; the "from" that heads that noun still starts the date."""
    root = when.root
    if root.dep_ not in {"compound", "nmod", "nummod"} or when.start == 0:
        return None
    prep, noun = when.doc[when.start - 1], root.head
    if prep.lower_ != "from" or noun.dep_ != "pobj" or noun.head.i != prep.i or noun.i < when.end:
        return None
    return prep


# Steps from a start word hung on a noun up to its clause's verb.
_MAX_CLIMB = 8


def _clause_trigger(prep: Token) -> Token | None:
    """'will raise the salary floor for its two main visas from Jan. 1', 'will
    raise the levy that employers pay ... by almost a third from April 6': the
    parse hangs the start on a noun of the object; the start is the clause's
    when the clause's verb, across nouns, prepositions and relative clauses,
    is an event or a change of a price."""
    token, subject = prep.head, False
    for _ in range(_MAX_CLIMB):
        if token.pos_ in {"VERB", "AUX"} and token.dep_ not in {"relcl", "acl"}:
            change = token.lemma_.lower() in PLAN_VERBS and token.tag_ not in {"VBD", "VBN"}
            if change or as_verb_trigger(token) is not None:
                return token
            # "will let holders stay for five years on a single entry from Feb. 1": a rule still to
            # come starts then whatever its verb, as when the start hangs on the verb itself; not
            # "data from January will show", where the start dates the clause's subject.
            return token if not subject and _to_come(token) else None
        if token.pos_ not in {"NOUN", "PROPN", "NUM", "ADP", "ADJ", "VERB", "AUX"} or token.head.i == token.i:
            return None
        subject = subject or token.dep_ in {"nsubj", "nsubjpass"}
        token = token.head
    return None


def _to_come(verb: Token) -> bool:
    """The verb, or the verb whose complement it is ("will let holders stay"), has "will" or "shall"."""
    token = verb
    for _ in range(3):
        if any(c.dep_ == "aux" and c.lower_ in {"will", "shall", "'ll"} for c in token.children):
            return True
        if token.dep_ not in {"ccomp", "xcomp"} or token.head.i == token.i:
            return False
        token = token.head
    return False


def _rule_after(prep: Token) -> bool:
    """'After Oct. 1, applicants must show a job offer': "after" opening its
    sentence before a rule still in force or to come (a modal or a present
    verb) starts the rule; 'After Oct. 1, the agency received ...' is a story.
    So does "after" under the filing of an application the rule covers ("will
    apply to petitions filed after Sept. 21")."""
    verb = prep.head
    if prep.lower_ != "after" or verb.pos_ not in {"VERB", "AUX"}:
        return False
    if prep.i != prep.sent.start:
        filed = _filed_application(verb)
        if filed is None:
            return False
        verb = filed
    modal = any(c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ != "would" for c in verb.children)
    return modal or verb.tag_ in {"VBZ", "VBP"}


_FILED = frozenset("file submit make lodge receive register sign".split())
_FILINGS = frozenset("application applications petition petitions registration registrations "
                     "submission submissions request requests claim claims"
                     # "starting with contracts signed after Feb. 1": the papers a rule covers
                     " contract contracts agreement agreements".split())


def filed_start(when: Span) -> Trigger | None:
    """'will be extended, starting with contracts signed after Feb. 1': a date under the
    filing or signing of the papers a rule covers starts the rule; the signing itself is
    no event of the programme. Read before the participle as an event verb."""
    prep = when.root.head
    if when.root.dep_ != "pobj" or prep.lower_ != "after" or prep.i == prep.sent.start:
        return None
    if _filed_application(prep.head) is None or prep.head.lemma_.lower() != "sign":
        return None
    return start_preposition(when)


def _filed_application(participle: Token) -> Token | None:
    """'petitions filed after ...', 'applications submitted after ...': the verb whose rule covers
    the filings, across the noun the participle modifies and its preposition."""
    if participle.dep_ != "acl" or participle.tag_ != "VBN" or participle.lemma_.lower() not in _FILED:
        return None
    if participle.head.lower_ not in _FILINGS:
        return None
    token = participle.head.head
    if token.pos_ == "ADP":
        token = token.head
    if token.lower_ in START_WORDS and token.dep_ in {"advcl", "prep", "xcomp"}:
        token = token.head  # "will be extended ..., starting with contracts signed after Feb. 1"
    return token if token.pos_ in {"VERB", "AUX"} else None


_RECEIVING = frozenset({"accept", "take", "receive"})
_APPLICATIONS = frozenset({"application", "applications", "submission", "submissions"})


def _baseline(verb: Token, when: Span) -> bool:
    """'rose 20% from last year': a change measured from a past date. A
    change still to come starts then ("the threshold rises to £41,700 from
    July 22")."""
    if verb.lemma_.lower() not in CHANGE_LEMMAS:
        return False
    if when.start < verb.i:
        return False  # "From 1 January the salary threshold rose to ...": a fronted start, not a baseline
    past_date = any(t.lower_ in {"last", "ago", "earlier", "previous", "before"} for t in when)
    # "will be cut to 18 months for students who apply from 1 January 2027": a passive
    # participle under "will" is a change still to come, not a past one
    to_come = verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in {"will", "shall", "'ll"}
                                         for c in verb.children)
    return (verb.tag_ in {"VBD", "VBN"} and not to_come) or past_date


def noun_cue(when: Span) -> Trigger | None:
    """A trigger noun right before the date, or with one preposition between."""
    doc = when.doc
    i = when.start - 1
    if i >= 0 and doc[i].lower_ in NOUN_DATE_PREPS:
        i -= 1
    if i < 0:
        return None
    noun = doc[i]
    kind = noun_kind(noun)
    if kind is None:
        # "the launch of the K visa on Oct. 1", "the signing of the order on Sept. 19":
        # the date hangs on the noun across its "of" phrase.
        prep = when.root.head
        if when.root.dep_ != "pobj" or prep.lower_ not in NOUN_DATE_PREPS or prep.head.i == prep.i:
            return None
        noun = prep.head
        kind = noun_kind(noun)
        if kind is None or not of_a_programme(noun):
            return None
    return Trigger(noun, kind, noun, nominal=True)


def of_a_programme(noun: Token) -> bool:
    """'the launch of the K visa', 'the signing of the order': the "of" object
    or the owner names a programme or one of its instruments, not 'the launch
    of a campaign'."""
    parts = hyphen_parts(noun)  # "the phase-in of the rule": "of" may hang on either part
    children = [c for part in parts for c in part.children if c not in parts]
    objects = [g for c in children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    # "the H-1B rule's entry into force"; a gerund's subject: "the K visa's shelving"
    objects += [c for c in children if c.dep_ == "poss" or (noun.tag_ == "VBG" and c.dep_ == "nsubj")]
    return any(t.ent_type_ == "VISA_PROGRAMME" or t.lemma_.lower() in PROGRAMME_OBJECTS
               for o in objects for t in o.subtree)


def noun_kind(noun: Token) -> EventType | None:
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
    for rest, kind in NOUN_PHRASES.get(lemma, {}).items():
        prep, word = rest.split()
        if any(c.lower_ == prep and any(g.lower_ == word for g in c.children) for c in noun.children):
            return kind
    if lemma in PROGRAMME_NOUNS and not of_a_programme(noun):
        return None
    return NOUN_TRIGGERS.get(lemma)


def owned_noun(when: Span) -> Trigger | None:
    """'Tuesday's announcement', 'last month's launch': a date that owns a trigger noun."""
    noun = when.root.head
    if when.root.dep_ != "poss":
        return None
    kind = noun_kind(noun)
    return Trigger(noun, kind, noun, nominal=True) if kind is not None else None


def event_date_noun(when: Span) -> Trigger | None:
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
    if verb.pos_ in {"VERB", "AUX"} and (unrealised(verb) or ones_own(verb)):
        return None
    for modifier in (c for c in noun.children if c.dep_ in {"amod", "compound"}):
        word = "-".join(t.lower_ for t in hyphen_parts(modifier))
        kind = DATE_MODIFIERS.get(word) or DATE_MODIFIERS.get(modifier.lemma_.lower())
        if kind is not None:
            return Trigger(modifier, kind, noun, nominal=True)
    return None


def in_place_since(when: Span) -> Trigger | None:
    """'The fee has been in place since June 2024': it took effect then; 'the
    visa has been available since Oct. 1': it was launched then."""
    since = when.root.head
    if when.root.dep_ != "pobj" or since.lower_ != "since":
        return None
    before = text_of(when.doc)[max(0, since.idx - 20) : since.idx]
    kind: EventType
    if IN_PLACE.search(before) is not None:
        kind = "takes_effect"
    elif AVAILABLE.search(before) is not None or (
            EXISTED.search(before) is not None and NAMES_A_MONTH.search(when.text) is not None):
        kind = "launched"
    elif ON_HOLD.search(before) is not None:
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
    "allowed permitted possible"
    # "Since July 1, holders have been able to sponsor their parents": a right the rule gave then
    " able entitled".split()
)
_OPEN_STATES = frozenset({"available", "open"})
# What a rule does, in the active: "Since 1 January, the Blue Card has required a salary of ...".
_RULE_VERBS = frozenset("require allow permit exempt cap limit restrict cost charge oblige".split())
# Passives of a rule: "Since July 1, applicants have been required to ...".
_RULE_PASSIVES = frozenset("require oblige allow permit exempt cap limit restrict entitle".split())


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
    if verb.tag_ == "VBN" and verb.lemma_.lower() == "have" and any(
            c.dep_ == "xcomp" and any(g.lower_ == "to" for g in c.children) for c in verb.children):
        return Trigger(since, "takes_effect", verb)  # "Since January, applicants have had to show ..."
    if verb.tag_ == "VBN" and verb.lemma_.lower() in _RULE_PASSIVES and any(
            c.dep_ == "auxpass" for c in verb.children):
        return Trigger(since, "takes_effect", verb)
    if verb.tag_ == "VBN" and verb.lemma_.lower() in _RULE_VERBS and not any(
            c.dep_ == "auxpass" for c in verb.children):
        return Trigger(since, "takes_effect", verb)  # "Since 1 January, the card has required a salary of"
    return None

