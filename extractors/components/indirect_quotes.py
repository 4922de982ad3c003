"""Indirect quotes from the parse: a person subject of a cue verb with a clause.

"Barbara Kelemen ... commented that ...": the speaker is the verb's subject
(or the subject it shares with another verb), the words its reported clause
(:mod:`extractors.components.reported_clauses`); a group's view, a negated
cue and a cue with an object of another sense are none.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from extractors.components.common import text_of
from extractors.components.person_index import PeopleIndex
from extractors.components.quote_cues import (
    ANNOUNCING_LEMMAS,
    INDIRECT_LEMMAS,
    MIN_INDIRECT_TOKENS,
    OBJECT_SENSE_LEMMAS,
)
from extractors.components.reported_clauses import (
    coordinated_cue,
    misparsed_subject,
    reported_clause,
    reported_within,
    without_cue,
    without_mark,
)
from extractors.components.speakers import (
    Source,
    Speakers,
    is_group,
)
from extractors.models import QuoteFact


def indirect_quote(doc: Doc, verb: Token, speakers: Speakers,
                   direct: list[tuple[int, int]]) -> QuoteFact | None:
    """The indirect quote a cue verb makes, or None."""
    if verb.lemma_ == "call" and verb.pos_ == "VERB":
        return _called_for(verb, speakers, direct)
    if verb.lemma_ not in INDIRECT_LEMMAS or verb.pos_ != "VERB":
        return None
    if any(c.dep_ == "neg" for c in verb.children):  # "did not say how many"
        return None
    if verb.lemma_ in OBJECT_SENSE_LEMMAS and any(c.dep_ == "dobj" for c in verb.children):
        return None  # "the authority added five categories": no speech
    outer = coordinated_cue(verb)
    if outer is None and reported_within(verb):
        return None
    own = [c for c in verb.children if c.dep_ == "nsubj"]
    # The subject before the cue: the parser may read the report after it
    # as a second subject ("said the bigger problem ... was processing times").
    own = [c for c in own if c.i < verb.i] or own
    shared = [] if outer is None else [c for c in outer.children if c.dep_ == "nsubj" and c.i < outer.i]
    subjects = own or shared or misparsed_subject(verb) or _shared_subject(verb, speakers)
    clause = reported_clause(verb, bool(subjects) and subjects[-1].i < verb.i and not any(
        c.dep_ == "nsubj" for c in verb.children))
    if clause is None:
        return None
    if any(s <= clause.start_char < e or (s < clause.end_char < e - 1 and _inside_marks(doc, clause, e))
           for s, e in direct):
        return None
    if subjects and is_group(subjects[-1]):
        return None  # "Immigration lawyers said ...": a group's view is no one's quote
    if subjects:
        # The subject nearest the verb: a dateline ("NEW DELHI — X told")
        # may parse as a second subject before it.
        found = speakers.of_subject(verb, subjects[-1])
    elif clause.start < verb.i:
        found = _speaker_after(doc, verb, speakers.people)
    else:
        found = None
    if found is None:
        return None
    if verb.dep_ == "relcl" and not _relative_word(verb, clause) and not any(
            c.dep_ in {"nsubj", "nsubjpass", "expl", "csubj"} for c in clause.root.children):
        # "occupations the government says are in short supply": with no
        # relative word, the clause describes a noun; "..., which USCIS
        # said would run from March 18" reports what USCIS said of it.
        return None
    clause = without_mark(clause)
    if len(clause) < MIN_INDIRECT_TOKENS:
        return None
    return QuoteFact(
        sentence=verb.sent.text.strip(),
        start=clause.start_char,
        end=clause.end_char,
        text=without_cue(clause, verb).rstrip(" ,."),
        speaker=found[0],
        speaker_org=found[1],
        direct=False,
        cue=verb.text,
    )


def _relative_word(verb: Token, clause: Span) -> bool:
    """A relative pronoun opens the cue's clause ("which", "that", "who")."""
    words = [*verb.children, *clause.root.children]
    return any(w.lower_ in {"which", "that", "who", "whom"} and w.i < verb.i for w in words)


def _called_for(verb: Token, speakers: Speakers, direct: list[tuple[int, int]]) -> QuoteFact | None:
    """'Their spokesman, Edward Fane, called for a cap on work visas': a
    demand reported in the speaker's own verb; the words are the demand with
    its verb, as no clause stands apart from it."""
    demand = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "for" and c.i == verb.i + 1),
                  None)
    if demand is None or any(c.dep_ == "neg" for c in verb.children) or speakers.inside_quote(verb.idx) \
            or any(s <= verb.idx < e for s, e in direct):
        return None
    subject = speakers.subject_of(verb)
    found = speakers.of_subject(verb, subject) if subject is not None and subject.i < verb.i else None
    if found is None or not (found[0] or found[1]):
        return None
    words = verb.doc[verb.i : demand.right_edge.i + 1]
    if len(words) < MIN_INDIRECT_TOKENS + 1:
        return None
    return QuoteFact(sentence=verb.sent.text.strip(), start=words.start_char, end=words.end_char,
                     text=words.text, speaker=found[0], speaker_org=found[1], direct=False,
                     cue=f"{verb.text} for")


def _shared_subject(verb: Token, speakers: Speakers) -> list[Token]:
    """'IRCC held a draw on Tuesday and said it would ...': a cue joined to
    another verb shares that verb's subject. A participle after a cue
    ("said, adding that ...") does too; after another verb ("signed the
    order, saying ...") it paraphrases what was done, and is no one's quote."""
    # '“...,” Verma said, adding that ...': a participle after a cue goes on
    # with the speech; so does one after an announcement ("announced a new
    # category, saying it wants ...").
    if verb.dep_ != "conj" and not (verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.lemma_ in
                                    INDIRECT_LEMMAS | ANNOUNCING_LEMMAS and verb.head.i < verb.i):
        return []
    subject = speakers.subject_of(verb)
    return [subject] if subject is not None and subject.i < verb.i else []


def _inside_marks(doc: Doc, clause: Span, quote_end: int) -> bool:
    """The clause stops inside a quotation, before its last words: 'said the
    K visa was "a signal, not a system."' ends at the full stop within the
    marks, which is the end of the quotation too."""
    return bool(text_of(doc)[clause.end_char : quote_end - 1].strip(" .,;!?\"”’"))


def _speaker_after(doc: Doc, verb: Token, people: PeopleIndex) -> Source | None:
    """'..., said Nikhil Varma, co-founder of ...': the parser may miss the
    subject after the verb; a person named right after it is the speaker."""
    tail = doc[verb.i + 1 : min(verb.i + 4, verb.sent.end)]
    if not len(tail):
        return None
    named = people.mentioned_in(tail.start_char, tail.end_char)
    return (named[0].name, None) if named else None
