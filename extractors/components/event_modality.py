"""Whether an event verb says the event happened or is scheduled to.

News states an event as fact ("launched on Oct. 1"), as a schedule ("will
launch", "is due to launch", "is set to take effect") or, just as often, as
something that did not or may not happen. Those name no event (fixtures/README:
plans that did not happen and conditional plans are not events):

- negated: "did not take effect", "will never launch", "is not expected to
  start", "has yet to launch", "is unlikely to", "there are no plans to end";
- speculative: "could launch", "might be suspended", "may end";
- conditional or hypothetical: "would take effect if Congress approves it",
  "If approved, the fee would rise", "The bill would scrap the lottery" (a
  "would" that no one is reported to have said);
- wanted, asked for or refused, not done: "urged the government to suspend",
  "declined to block", "failed to launch", "called for the fee to be
  suspended", "a bid to scrap";
- planned, then derailed: "had been due to expire", "was due to launch on
  Oct. 1 but was delayed", "originally set to take effect on Oct. 1".
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from extractors.components.common import SPEECH_LEMMAS

# Words of a schedule: "due to", "set to", "scheduled to", "expected to".
PLANNED = frozenset({"due", "schedule", "set", "slate", "suppose", "expect", "plan", "intend", "mean"})
_SPECULATIVE = frozenset({"could", "might"})
_PERMISSIVE = frozenset({"may"})
# "unless a court blocks it" leaves the schedule standing: no condition here.
_CONDITIONS = frozenset({"if", "provided", "providing", "assuming"})
# Verbs whose infinitive complement did not (or not yet) happen.
_UNREALISED_VERBS = frozenset(
    "urge ask call press push lobby demand seek want hope try attempt fail decline refuse threaten "
    "consider weigh mull debate petition sue oppose resist wish need aim".split()
)
# Nouns whose infinitive complement did not (or not yet) happen: "a bid to scrap".
_UNREALISED_NOUNS = frozenset(
    "bid effort attempt call calls push campaign lawsuit suit motion petition request demand threat "
    "pressure appeal".split()
)
# Verbs that undo a schedule: "was due to launch but was delayed".
_DERAILING = frozenset(
    "postpone delay defer shelve withdraw cancel scrap abandon drop halt block suspend pause freeze "
    "reverse rescind revoke".split()
)
_ONCE = frozenset({"originally", "initially", "previously", "once", "first"})
MAX_CHAIN = 3


def chain(verb: Token) -> list[Token]:
    """The verb and the verbs and adjectives it completes: "launch" in "is due
    to launch" gives launch, due, is."""
    out = [verb]
    current = verb
    for _ in range(MAX_CHAIN):
        if current.dep_ not in {"xcomp", "acomp"} or current.head.i == current.i:
            break
        current = current.head
        out.append(current)
    return out


def unrealised(verb: Token, *, event_verb: bool = True, until: bool = False) -> bool:
    """The clause of ``verb`` says its event did not, or may not, happen.
    ``event_verb`` is False when the verb only carries a start word ("may
    apply from Oct. 1" is a permission from then, not a guess); ``until``
    when the date follows "until" ("will not take effect until Jan. 1" says
    it takes effect then)."""
    words = chain(verb)
    return (
        (not until and any(_negated(w) for w in words))
        or _yet_to(words)
        or _speculative(words, event_verb)
        or _conditional(words)
        or _hypothetical(words)
        or any(_unrealising(w, event_verb) for w in words[1:])
        or _wanted_not_done(words[-1])
        or derailed(words, verb.sent)
    )


# "will need to show higher incomes from next month": a requirement that
# applies from a date is the rule, not a wish (a start word's verb only).
_REQUIRING = frozenset({"need"})


def _unrealising(word: Token, event_verb: bool) -> bool:
    lemma = word.lemma_.lower()
    if not event_verb and lemma in _REQUIRING:
        return False
    return lemma in _UNREALISED_VERBS or word.lower_ == "unlikely"


def obliged(verb: Token) -> bool:
    """'must stop using the old form', 'have to close the route', 'need to
    end the scheme': an obligation, which with "by <date>" sets a deadline."""
    words = chain(verb)
    return "must" in _auxiliaries(words) or any(
        w.lemma_.lower() in {"have", "need", "require", "oblige", "order", "tell"} for w in words[1:])


def _negated(token: Token) -> bool:
    return any(c.dep_ == "neg" for c in token.children)


def _yet_to(words: list[Token]) -> bool:
    """'has yet to launch', 'is yet to take effect'."""
    return any(c.dep_ == "advmod" and c.lower_ == "yet" for w in words[1:] for c in w.children)


def _auxiliaries(words: list[Token]) -> set[str]:
    """The auxiliaries of the chain, and theirs: "may be rubber-stamped" may hang "may" on "be"."""
    auxiliaries = [c for w in words for c in w.children if c.dep_ in {"aux", "auxpass"}]
    return {a.lower_ for a in auxiliaries} | {
        c.lower_ for a in auxiliaries for c in a.children if c.dep_ in {"aux", "auxpass"}}


def _speculative(words: list[Token], event_verb: bool) -> bool:
    modals = _SPECULATIVE | (_PERMISSIVE if event_verb else frozenset())
    return bool(_auxiliaries(words) & modals)


def _conditional(words: list[Token]) -> bool:
    """'would take effect if Congress approves it', 'If approved, ...'."""
    return any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _CONDITIONS for m in c.children)
        for w in words for c in w.children
    )


def _hypothetical(words: list[Token]) -> bool:
    """A 'would' nobody is reported to say: 'The bill would scrap the lottery',
    'a rule that would take effect'. 'said it would launch' reports a plan."""
    if "would" not in _auxiliaries(words):
        return False
    top = words[-1]
    if top.dep_ in {"ccomp", "parataxis"} or (top.dep_ == "conj" and top.head.dep_ in {"ccomp", "parataxis"}):
        return False
    # "The route would close on July 22, the Home Office said": a speech verb heads the sentence;
    # "The fee would rise from April, according to the notice": a source is named.
    root = top.sent.root
    if "according to" in top.sent.text.lower():
        return False
    return root.lemma_.lower() not in SPEECH_LEMMAS | {"announce", "confirm"}


def _wanted_not_done(top: Token) -> bool:
    """An infinitive asked for, wanted, tried or refused: 'urged the
    government to suspend', 'called for the fee to be suspended', 'a bid to
    scrap'."""
    if not any(c.dep_ in {"aux", "mark"} and c.lower_ == "to" for c in top.children):
        return False
    token = top
    for _ in range(4):
        if token.dep_ not in {"xcomp", "ccomp", "relcl", "acl", "pobj", "prep", "advcl"}:
            return False
        token = token.head
        lemma = token.lemma_.lower()
        if token.pos_ in {"VERB", "AUX"}:
            return lemma in _UNREALISED_VERBS
        if token.pos_ == "NOUN" and (lemma in _UNREALISED_NOUNS
                                     or any(c.dep_ == "det" and c.lower_ == "no" for c in token.children)):
            return True  # "a bid to scrap", "there are no plans to end"
    return False


def derailed(words: list[Token], sentence: Span) -> bool:
    """'had been due to expire', 'was due to launch on Oct. 1 but was
    delayed', 'originally set to take effect': a schedule the past undid."""
    if not any(w.lemma_.lower() in PLANNED or w.lower_ in PLANNED for w in words[1:]):
        return False
    auxiliaries = _auxiliaries(words) | {w.lower_ for w in words}
    if "had" in auxiliaries and "been" in auxiliaries:
        return True
    if any(c.dep_ == "advmod" and c.lower_ in _ONCE for w in words for c in w.children):
        return True
    past = bool(auxiliaries & {"was", "were"}) or any(w.tag_ in {"VBD", "VBN"} for w in words[1:])
    if past and any(w.lemma_.lower() == "suppose" or w.lower_ == "supposed" for w in words[1:]):
        return True  # "was supposed to launch on Oct. 1": it did not
    # the event verb itself is no derailing ("is set to suspend the visa")
    return past and any(t.lemma_.lower() in _DERAILING and t.pos_ == "VERB" and t.i != words[0].i
                        for t in sentence)
