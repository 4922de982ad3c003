"""A token as an event verb: the lexicon's verbs with the object, particle or
complement they need, and the verb classes whose object decides ("raised the
fee", "published a final rule", "created a visa", "the first K visas were
issued"). A company's own practice or one person's visa is no event.
"""

from __future__ import annotations

from spacy.tokens import Token

from extractors.components.event_holders import a_country
from extractors.components.event_trigger import Trigger
from extractors.components.event_trigger_lexicon import (
    APPROVING,
    AUTHORITIES,
    CHANGE_TRIGGERS,
    CREATING,
    DOCUMENT_NOUNS,
    DOCUMENT_STAGES,
    FINAL_DOCUMENTS,
    FIRST_ISSUED,
    GRANTED,
    IMPOSE,
    ISSUE_VERBS,
    LEXICON,
    NEEDS_PARTICLE,
    OBJECT_VERBS,
    PARTICLE_OBJECTS,
    PRICE_NOUNS,
    PROGRAMME_KINDS,
    VERB_TRIGGERS,
)
from extractors.components.event_words import trigger_lemma
from extractors.models import EventType


def as_verb_trigger(token: Token) -> Trigger | None:
    """The token as an event verb, with its particle or object when it needs
    one. A verb of change, not in the past tense, whose subject or object is
    a fee or a threshold ("the fee rises on Dec. 16", "will raise the charge
    in April") is a change that takes effect then; in the past tense ("the
    fee rose to $215 in March 2024") it is the fee's history."""
    lemma = trigger_lemma(token)
    if lemma in CHANGE_TRIGGERS and token.pos_ == "VERB" and _changes_a_price(token):
        return Trigger(token, "takes_effect", token)
    if lemma in IMPOSE and token.pos_ == "VERB" and _acts_on_price(token):
        return Trigger(token, "takes_effect", token)
    if lemma in CREATING and token.pos_ == "VERB" and _makes_a_programme(token):
        return Trigger(token, "launched", token)
    set_up = lemma == "set" and any(c.dep_ == "prt" and c.lower_ == "up" for c in token.children)
    if set_up and token.pos_ == "VERB" and _makes_a_programme(token):
        return Trigger(token, "launched", token)  # "set up the scheme in 2019"
    if lemma in FIRST_ISSUED and token.pos_ == "VERB" and _first_of_programme(token):
        return Trigger(token, "launched", token)
    if lemma in ISSUE_VERBS and token.pos_ == "VERB":
        stage = _document_stage(token)
        if stage is not None:
            return Trigger(token, stage, token)
    changes_rules = lemma in _RULE_CHANGE and objects_in(token, _CHANGED, programme=True, own=True)
    if changes_rules and token.pos_ == "VERB":
        return Trigger(token, "takes_effect", token)  # "extended the K visa to 90 days"
    if lemma in _QUOTA_CHANGE and token.pos_ == "VERB" and _changes_numbers(token):
        return Trigger(token, "takes_effect", token)  # "the scheme was doubled to 50,000 places in June"
    if lemma in _TABLING and token.pos_ == "VERB" and objects_in(token, _BILLS):
        return Trigger(token, "proposed", token)  # "introduced a bill", "tabled an amendment"
    if lemma in _OUTLINING and token.pos_ == "VERB" and objects_in(token, _PLANS, programme=True):
        return Trigger(token, "announced", token)  # "outlined the changes", "revealed plans for"
    kind = _verb_kind(token, lemma)
    if kind is None:
        return None
    if kind in {"launched", "announced"} and objects_in(token, _INQUIRIES):
        return None  # "launched a consultation on the visa", "announced a review of the programme"
    if objects_in(token, _PREMISES):
        return None  # "the Golden Visa agency opened a new office on Monday": a place, no programme
    if kind in {"ended", "suspended"} and (_counted_documents(token) or ones_own(token)):
        return None
    return Trigger(token, kind, token)


def _verb_kind(token: Token, lemma: str) -> EventType | None:
    """The event type of a table verb, with the object or the particle it needs."""
    if lemma in VERB_TRIGGERS:
        return VERB_TRIGGERS[lemma] if token.pos_ in {"VERB", "AUX", "ADJ"} else None
    if lemma in OBJECT_VERBS:
        # "dropped the fee", "the scheme was retired", "the newly withdrawn rule"
        fits = token.pos_ in {"VERB", "ADJ"} and objects_in(
            token, PROGRAMME_OBJECTS, programme=True, own=True)
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


# Verbs that change a programme's rules or scope, and what they change.
_RULE_CHANGE = LEXICON.verb_classes["rule_change"].verbs
_CHANGED = LEXICON.verb_classes["rule_change"].objects
# Verbs that change a programme's numbers, and the numbers they change.
_QUOTA_CHANGE = LEXICON.verb_classes["quota_change"].verbs
_QUOTAS = LEXICON.verb_classes["quota_change"].objects
# A bill is proposed when it is introduced or tabled, not launched.
_TABLING = LEXICON.verb_classes["tabling"].verbs
_BILLS = LEXICON.verb_classes["tabling"].objects
# Verbs that announce what they lay out: "outlined the changes", "revealed plans for the visa".
_OUTLINING = LEXICON.verb_classes["outlining"].verbs
_PLANS = LEXICON.verb_classes["outlining"].objects


def _changes_numbers(verb: Token) -> bool:
    """What the verb changes (its object, or its passive subject) is a quota or cap ("doubled the
    Golden Visa quota"), or the programme itself ("the regulation was doubled to 50,000 places");
    not one holder's or firm's own count ("we have tripled our filings")."""
    if ones_own(verb):
        return False
    changed = [c for c in verb.children
               if c.dep_ in {"dobj", "nsubjpass"} and c.lower_ not in {"that", "which"}]
    owned = any(o.dep_ == "poss" and o.pos_ == "PRON" and o.lower_ != "its"
                for c in changed for o in c.children)
    return not owned and any(c.lemma_.lower() in _QUOTAS or c.ent_type_ == "VISA_PROGRAMME" for c in changed)


def is_rule_change(token: Token) -> bool:
    """Whether the token is a verb of the rule_change class ("overhauled", "extended")."""
    return trigger_lemma(token) in _RULE_CHANGE


def objects_in(verb: Token, nouns: frozenset[str], *, programme: bool = False,
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
# Places a body opens or closes: its offices and centres are no programme's launch or end.
_PREMISES = frozenset(
    "office offices branch branches centre centres center centers terminal terminals headquarters "
    "lounge lounges counter counters kiosk kiosks desk desks facility facilities building buildings".split()
)
_DOCUMENTS = frozenset("visa visas permit permits card cards passport passports".split())
_MANY = frozenset("thousands hundreds dozens millions scores".split())


_OWNERS_NOT_PEOPLE = frozenset({"GPE", "ORG", "NORP", "LOC", "FAC", "VISA_PROGRAMME"})


def ones_own(verb: Token) -> bool:
    """'Kumar's H-1B visa was cancelled', 'her visa expired': one holder's
    document ended, named by an owner that is no country or body."""
    for word in (c for c in verb.children if c.dep_ in {"dobj", "nsubjpass", "nsubj"}):
        for owner in (c for c in word.children if c.dep_ == "poss"):
            if owner.ent_type_ == "VISA_PROGRAMME":
                continue  # "the Malaysia My Second Home programme": a word of the name, no owner
            if owner.lower_ in {"his", "her", "their", "my", "your", "our", "whose"}:
                return True
            if owner.pos_ == "PROPN" and owner.ent_type_ not in _OWNERS_NOT_PEOPLE and not a_country(owner):
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
    wanted = PARTICLE_OBJECTS.get(word.lower_)
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
    words = [c for c in verb.children if c.dep_ in deps] + _scheduled_subjects(verb)
    # "raise the level of the fee", "the right of permanent residence fee": the price across "of"
    words += [g for w in words for c in w.children if c.lower_ == "of"
              for g in c.children if g.dep_ == "pobj"]
    return any(w.lemma_.lower() in PRICE_NOUNS for w in words)


def _scheduled_subjects(verb: Token) -> list[Token]:
    """'The fee is due to rise on 11 June', 'is set to go up', 'is expected to increase': an
    infinitive with no subject of its own changes what its governor's subject names."""
    token = verb
    for _ in range(3):
        own = any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children)
        if token.dep_ not in {"xcomp", "acomp"} or own:
            break
        token = token.head
    if token.i == verb.i:
        return []
    return [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]


def _acts_on_price(verb: Token) -> bool:
    """The verb's object is a price, or the price its relative clause modifies."""
    words = [c for c in verb.children
             if c.dep_ in {"nsubjpass", "dobj"} and c.lower_ not in {"that", "which"}]
    if verb.dep_ in {"relcl", "acl"}:
        words.append(verb.head)
    return any(w.lemma_.lower() in PRICE_NOUNS for w in words)


def _document_stage(verb: Token) -> EventType | None:
    """'published a final rule': announced; 'sent a proposed rule': proposed."""
    documents = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    if verb.dep_ in {"relcl", "acl"}:
        documents.append(verb.head)
    for document in documents:
        noun = document.lemma_.lower()
        if verb.lemma_.lower() in APPROVING and document.tag_ != "NNS" and (
                document.ent_type_ == "VISA_PROGRAMME" or noun in PROGRAMME_KINDS):
            return "announced"  # "the State Council approved the K visa in August"
        if verb.lemma_.lower() in APPROVING and noun in _APPROVED_PLANS and _by_government(verb):
            return "announced"  # "the cabinet approved the Golden Visa reform on Tuesday"
        if noun not in DOCUMENT_NOUNS:
            continue
        for modifier in document.children:
            if modifier.dep_ in {"amod", "compound"} and modifier.lower_ in DOCUMENT_STAGES:
                return DOCUMENT_STAGES[modifier.lower_]
        if noun in FINAL_DOCUMENTS or (verb.lemma_.lower() in APPROVING and noun != "bill"):
            return "announced"
    return None



# Plans a government body approves, final once approved (a bill is not: it still needs a vote).
_APPROVED_PLANS = frozenset("reform reforms overhaul plan plans proposal proposals measure measures".split())


def _by_government(verb: Token) -> bool:
    """The verb's subject or passive agent is a government body or a country, or it names none
    ("the reform was approved on Tuesday"); not "Shareholders approved the merger plan"."""
    actors = [c for c in verb.children if c.dep_ == "nsubj"] + [
        g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return all(a.lemma_.lower() in AUTHORITIES or a.lower_ in AUTHORITIES or a.ent_type_ == "GPE"
               for a in actors)


PROGRAMME_OBJECTS = frozenset(
    "visa visas programme program scheme route card category pathway stream pilot rule rules order "
    "proclamation decree fee levy charge surcharge policy regulation regulations".split()
)


def _makes_a_programme(verb: Token) -> bool:
    """What the verb creates is a programme: a programme's name, or a kind of
    programme ("Brazil created its digital nomad visa ... in January 2022",
    "the scheme, established in 2019"), not "created confusion in March"."""
    made = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"} and c.lower_ not in {"that", "which"}]
    if verb.dep_ in {"acl", "relcl"}:
        made.append(verb.head)
    # "set up the Express Entry system": a programme's name as the compound of what is made.
    made += [c for m in made for c in m.children if c.dep_ == "compound"]
    return any(m.ent_type_ == "VISA_PROGRAMME" or m.lemma_.lower() in PROGRAMME_KINDS for m in made)


def _first_of_programme(verb: Token) -> bool:
    """The verb grants the first visas or cards ("the first K visas were issued"), or the
    programme itself for the first time ("was first offered in 2019")."""
    granted = [c for c in verb.children if c.dep_ in {"nsubjpass", "dobj"}]
    if any(c.dep_ == "advmod" and c.lower_ == "first" for c in verb.children) and any(
            g.dep_ == "nsubjpass" and g.ent_type_ == "VISA_PROGRAMME" for g in granted):
        return True  # "the Premium Residency was first offered in 2019": the programme itself, first granted
    return any(g.lemma_.lower() in GRANTED and any(c.lower_ == "first" for c in g.children)
               for g in granted)


def negated(token: Token) -> bool:
    """'did not take effect', 'will never launch'."""
    return any(c.dep_ == "neg" for c in token.children)
