"""Programmes an event's argument names without naming one programme.

Two forms (issue 3):

- a plural kind noun counted by "both" or a number ("signed the regulations
  for both permits on Wednesday", "will raise the salaries for its two main
  work permits from Jan. 1"): the event happens to each programme of that
  kind the article names, when the article names exactly that many;
- a generic kind ("the talent visa, a nine-month permit introduced in June
  2022", "will raise the fee for student visas from Jan. 1"): the event is
  the kind's, which becomes a programme, as a fee does (lead decision of
  2026-12-03, ``fixtures/README.md``, generic visa kinds;
  :mod:`programme_kinds` finds the kinds).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from extractors.components.common import facts_of, programme_spans, text_of
from extractors.components.programme_country import context_country
from extractors.components.programme_kinds import owning_kind
from extractors.models import VisaProgrammeFact

# The head nouns a programme's name ends with, singular.
_HEADS = frozenset("visa permit pass card scheme programme program route pilot category".split())
_COUNTS = {"both": 2, "two": 2, "three": 3, "four": 4}


def counted_programmes(doc: Doc, arguments: list[Token]) -> list[Span]:
    """'both permits', 'its two main work permits', also across the argument's
    or the verb's "for" or "of" phrase ("the regulations for both permits",
    "will raise the floor for its two main visas"): the first
    mention of each programme whose name ends with that noun, when the
    article names as many as the number says."""
    for noun in (n for arg in arguments for n in _with_objects(arg)):
        count = _count(noun)
        if count is None or noun.lemma_.lower() not in _HEADS:
            continue
        named = _programmes_ending_with(doc, noun.lemma_.lower())
        if len(named) == count:
            return named
    return []


def _with_objects(arg: Token) -> list[Token]:
    return [arg] + [g for c in arg.children if c.dep_ == "prep" and c.lower_ in {"for", "of"}
                    for g in c.children if g.dep_ == "pobj"]


def _count(noun: Token) -> int | None:
    if noun.tag_ != "NNS":
        return None
    for child in noun.children:
        if child.dep_ in {"det", "predet", "nummod"} and child.lower_ in _COUNTS:
            return _COUNTS[child.lower_]
    return None


def _programmes_ending_with(doc: Doc, head: str) -> list[Span]:
    """First mentions of the programmes whose name's last word is ``head``; a
    name whose words all stand in a longer one's ("Critical Skills permit" beside
    "Critical Skills Employment Permit") is that one, not another."""
    first: dict[str, Span] = {}
    for span in programme_spans(doc):
        words = span.kb_id_.lower().split()
        if words and words[-1].rstrip("s") == head.rstrip("s"):
            first.setdefault(span.kb_id_, span)
    names = {k: set(k.lower().split()) for k in first}
    kept = [k for k in first if not any(o != k and names[k] < names[o] for o in names)]
    return [first[k] for k in kept]


def argument_kind(doc: Doc, arguments: list[Token], near: Token) -> Span | None:
    """A generic kind inside an argument's noun phrase, or in the noun phrase an
    appositive argument describes ("the talent visa, a nine-month permit
    introduced in ..."): a span over the kind, its ``kb_id_`` the kind's name."""
    taken = [(s.start_char, s.end_char) for s in programme_spans(doc)]
    text = text_of(doc)
    at = (near.idx, near.idx + len(near))
    for arg in arguments:
        found = owning_kind(text, arg.left_edge.idx, arg.right_edge.idx + len(arg.right_edge), at, taken)
        if found is None and arg.dep_ == "appos":
            found = _kind_before_comma(text, arg.left_edge.idx, taken)
        if found is not None:
            return _kind_span(doc, found)
    return None


def apposed_programme(doc: Doc, arguments: list[Token]) -> Span | None:
    """'the Talent Passport, a multi-year residence permit introduced in 2016': an
    argument in apposition to a programme's name (read from the text: the name, a
    comma, the argument) is that programme, whatever kind the appositive names."""
    text = text_of(doc)
    for arg in arguments:
        start = arg.left_edge.idx
        before = re.search(r",\s*$", text[max(0, start - 4) : start])
        if before is None:
            continue
        end = max(0, start - 4) + before.start()
        found = [s for s in programme_spans(doc) if s.end_char == end]
        if found:
            return found[0]
    return None


def _kind_before_comma(text: str, start: int, taken: list[tuple[int, int]]) -> tuple[int, int, str] | None:
    """The kind written right before an appositive, across its comma: read from the text, as the
    parse often hangs the appositive on another noun of the sentence."""
    comma = re.search(r",\s*$", text[max(0, start - 4) : start])
    if comma is None:
        return None
    end = start - (len(text[max(0, start - 4) : start]) - comma.start())
    line = text.rfind("\n", 0, end) + 1
    return owning_kind(text, max(line, end - 60), end, (end, end), taken)


def sentence_kind(doc: Doc, sentence: Span, near: Token) -> Span | None:
    """The kind a sentence names nearest the trigger, when neither it nor the
    sentence before names a programme (the fees' rule: "A work permit costs
    900 crowns")."""
    previous = doc[sentence.start - 1].sent if sentence.start > 0 else sentence
    lo = previous.start_char
    if any(lo <= s.start_char < sentence.end_char for s in programme_spans(doc)):
        return None
    taken = [(s.start_char, s.end_char) for s in programme_spans(doc)]
    found = owning_kind(text_of(doc), sentence.start_char, sentence.end_char,
                        (near.idx, near.idx + len(near)), taken)
    return _kind_span(doc, found) if found is not None else None


# One holder's document: "whose post-graduation work permit expires in May", "her work permit".
_HOLDERS = frozenset({"his", "her", "their", "my", "your", "our", "whose"})


def _kind_span(doc: Doc, found: tuple[int, int, str]) -> Span | None:
    start, end, name = found
    words = doc.char_span(start, end, alignment_mode="expand")
    if words is None or _umbrella(doc, name) or _cut_short(doc, words):
        return None
    root = words.root
    phrase = [root, *(c for c in root.children if c.dep_ in {"compound", "amod"})]
    if any(c.dep_ == "poss" and (c.lower_ in _HOLDERS or c.ent_type_ == "PERSON")
           for w in phrase for c in w.children):
        return None
    return Span(doc, words.start, words.end, label="VISA_PROGRAMME", kb_id=name)


def _cut_short(doc: Doc, words: Span) -> bool:
    """'the care worker visa': a noun before the kind modifies it, so the kind's words
    (``programme_kinds`` reads "worker visa") are only the end of another name."""
    if words.start == 0:
        return False
    before = doc[words.start - 1]
    inside = words.start <= before.head.i < words.end
    return before.dep_ == "compound" and before.pos_ in {"NOUN", "PROPN"} and inside


def _umbrella(doc: Doc, kind: str) -> bool:
    """'salary floors for work permits' in an article that names the Critical Skills
    Employment Permit and the General Employment Permit: a kind whose head noun ends
    the names of programmes the article names is their umbrella or their short form,
    no programme of its own (as :mod:`programme_kinds` leaves a kind alone when the
    article names another programme of its country)."""
    head = kind.split()[-1].rstrip("s")
    return any(s.kb_id_ != kind and s.kb_id_.lower().split()[-1].rstrip("s") == head
               for s in programme_spans(doc) if s.kb_id_)


def record_kind(doc: Doc, kind: Span, sentence: Span) -> None:
    """The kind an event made a programme, once, with the country its context gives."""
    facts = facts_of(doc)
    if any(isinstance(f, VisaProgrammeFact) and f.name == kind.kb_id_ for f in facts):
        return
    # A country inside another programme's name ("the EU Blue Card ... or the talent visa") is that
    # programme's issuer, not the kind's: the names are blanked before the context is read.
    text = text_of(doc)
    for span in programme_spans(doc):
        text = text[: span.start_char] + " " * (span.end_char - span.start_char) + text[span.end_char :]
    facts.append(VisaProgrammeFact(
        sentence=sentence.text.strip(), start=kind.start_char, end=kind.end_char, name=kind.kb_id_,
        country=context_country(text, kind.start_char, kind.end_char)))
