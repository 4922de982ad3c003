"""The words an event trigger acts on, and whether they point back.

The trigger's arguments (its objects and subjects, the noun a participle or
relative clause modifies, the owner of a trigger noun), the programme one of
them names, and whether an argument points back to a programme named earlier
("It launches", "The order takes effect", "Applications open on Nov. 1").
Moved out of :mod:`event_programmes` unchanged.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from extractors.components.event_triggers import IMPLEMENTING, NOUN_TRIGGERS, Trigger, is_authority
from extractors.components.programme_context import topical_spans

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
RELATIVE = frozenset({"which", "that", "who", "whom"})
_ANNOUNCING = frozenset({"announce", "unveil", "say", "propose"})
_PRICE_SETTING = frozenset("raise increase double triple hike cut reduce lower lift impose levy".split())


_INSTRUMENTS = frozenset(
    "order decree ordinance proclamation regulation regulations rule rules notice".split()
)


def instrument_acts(trigger: Trigger) -> bool:
    """The trigger's argument that points back is an instrument of the state,
    not a pronoun or a kind of programme that could stand for another visa;
    or the trigger is what an instrument provides ("an ordinance that lets
    applicants file online from July 1")."""
    return (any(a.lemma_.lower() in _INSTRUMENTS for a in arguments(trigger))
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


def arguments(trigger: Trigger) -> list[Token]:
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
    if not subjects and not objects:
        subjects = _run_in_subjects(anchor)
    args = [antecedent(anchor) if a.lower_ in RELATIVE else a for a in objects + subjects]
    if anchor.dep_ in {"acl", "relcl", "amod"}:  # "The K visa, announced in August", "Applications open"
        args.append(anchor.head)
    return [a for a in args if a is not None]


def _run_in_subjects(anchor: Token) -> list[Token]:
    """'From 1 January paper applications will be refused': the parse runs the date into
    the subject and hangs both on "from"; that noun, a date among its modifiers, is the
    subject the verb otherwise lacks."""
    return [g for c in anchor.children if c.dep_ == "prep" and c.lower_ == "from" and c.i < anchor.i
            for g in c.children if g.dep_ == "pobj"
            and any(m.ent_type_ == "DATE" and m.dep_ in {"compound", "nummod", "nmod"} for m in g.children)]


def antecedent(anchor: Token) -> Token | None:
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


def argument_programme(doc: Doc, trigger: Trigger) -> Span | None:
    """A programme mention inside one of the trigger's arguments, nearest the
    trigger; inside the noun a clause modifies, the clause itself does not count."""
    anchor = trigger.anchor
    inner = (anchor.left_edge.i, anchor.right_edge.i)
    for arg in arguments(trigger):
        spans = topical_spans(doc, doc[arg.left_edge.i : arg.right_edge.i + 1])
        if not inner[0] <= arg.i <= inner[1]:
            spans = [s for s in spans if not (inner[0] <= s.start and s.end - 1 <= inner[1])]
        if spans:
            return min(spans, key=lambda s: abs(s.start - trigger.token.i))
    return None


def refers_back(trigger: Trigger) -> bool:
    """An argument of the trigger points back to a programme named earlier."""
    anchor = trigger.anchor
    if trigger.nominal:
        # "its launch", "the launch", "Tuesday's announcement": a launch the reader already knows of.
        return any(c.lower_ in {"its", "their", "the", "this"} or (c.dep_ == "poss" and c.ent_type_ == "DATE")
                   for c in anchor.children) or any(_referring(a) for a in arguments(trigger))
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
    return any(_referring(a) for a in arguments(trigger) if not _agent_pronoun(a, anchor))


def _agent_pronoun(argument: Token, verb: Token) -> bool:
    """'The department said it would introduce a points-based work visa': a pronoun subject of
    a verb whose object is another visa, named by its own compound or new ("a ... visa"), is
    who acts, not the programme ("It launches", "it would simplify the points test" still
    point back); the event happens to that other visa."""
    return (argument.dep_ == "nsubj" and argument.head.i == verb.i and argument.pos_ == "PRON"
            and any(c.dep_ == "dobj" and c.lemma_.lower() in KIND_NOUNS
                    and (_has_own_compound(c) or any(d.lower_ in {"a", "an"} for d in c.children))
                    for c in verb.children))


# Who a programme's rules bind: with a start word ("from Jan. 1, applicants
# must ..."), what they must do from then is the programme's rule.
_PARTIES = frozenset(
    "applicant holder sponsor employer visitor traveller traveler candidate entrant nomad foreigner".split()
    # "From 6 April, graduates of more universities will be able to apply": those a programme admits
    + "graduate student worker dependant dependent spouse migrant investor winner".split()
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
    if token.pos_ == "PRON" or token.lower_ in RELATIVE:
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
    if lemma in PRICE_WORDS and _named_or_plain(token):
        return True
    if _has_own_compound(token):
        return False
    definite = any(c.lower_ in {"the", "this", "that"} for c in token.children)
    return token.lower_ in REFERRING or lemma in REFERRING or (lemma in NOUN_TRIGGERS and definite)


PRICE_WORDS = frozenset("fee charge levy surcharge threshold".split())


def _named_or_plain(token: Token) -> bool:
    """A price with no compound, or one named by capitalised words ("the Immigration
    Skills Charge"), not "tuition fees" or "legal fees"."""
    compounds = [c for c in token.children if c.dep_ == "compound"]
    return all(c.pos_ == "PROPN" or c.lemma_.lower() in _PROCESS_WORDS for c in compounds)
_PROCESS_WORDS = frozenset(
    "visa application registration filing processing entry online government federal petition"
    # "paper applications will no longer be accepted": the medium of filing, not another visa
    " paper"
    # "a five-year visa", "a 10-year visa": a duration, not another visa's name
    " year month day week".split()
)
KIND_NOUNS = frozenset(
    "visa visas route routes scheme schemes programme programmes program programs card cards category "
    "categories permit permits pass passes pilot pilots".split()
)


def names_another_visa(doc: Doc, sentence: Span) -> bool:
    """Whether the sentence names a visa that is not in the programme table ("the care visa")."""
    inside = {i for s in topical_spans(doc, sentence) for i in range(s.start, s.end)}
    return any(t.lower_ in KIND_NOUNS and t.i not in inside and _has_own_compound(t) for t in sentence)


def _has_own_compound(token: Token) -> bool:
    return any(c.dep_ == "compound" and c.lemma_.lower() not in _PROCESS_WORDS and c.ent_type_ != "DATE"
               for c in token.children)
