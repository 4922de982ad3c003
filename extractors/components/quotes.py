"""Quotes and who said them.

Direct quotes are the words between quotation marks with a speech cue next to
them ("..., said Feller" / "Feller said: ..."); a quoted phrase with no cue
("vague “age, educational background” requirements") is not a quote. The
speaker phrase is resolved against the article's people: a surname or a
possessive ("Sichuan University's Das") becomes the full name, a pronoun
becomes the person named in the sentence before — or nobody, when that
sentence names nobody or the source declined to be named. Indirect quotes
come from the parse: a person subject of a cue verb with a clausal
complement ("Barbara Kelemen ... commented that ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from extractors.components.common import facts_of, sentence_of, text_of
from extractors.components.people import PeopleIndex, people_of
from extractors.models import QuoteFact

CUE_WORDS = (
    "said|says|say|told|tells|added|adds|noted|notes|explained|explains|asked|wrote|writes"
    "|argued|argues|warned|warns|stated|insisted|recalled|continued|commented|observed"
    "|remarked|stressed|emphasised|emphasized|acknowledged|conceded|predicted|replied|declared"
)
_CUE = re.compile(rf"\b(?:{CUE_WORDS})\b")
# "Quoted" text must look like speech: at least this many words. Shorter
# quoted strings in news are titles, scare quotes or coined terms.
MIN_QUOTE_WORDS = 4
_QUOTE = re.compile(r"“(?P<a>[^“”\n]+)”|\"(?P<b>[^\"\n]+)\"")
_AFTER = re.compile(r"\s*(?P<clause>[^.!?;:“\"\n]*)")
_ANONYMOUS = re.compile(
    r"declin\w+ to be (?:named|identified)|asked not to be (?:named|identified)|"
    r"on condition of anonymity|requested anonymity|spoke anonymously"
)
_PRONOUNS = frozenset({"he", "she", "they"})
INDIRECT_LEMMAS = frozenset(
    "say note comment observe tell add argue explain warn state claim stress insist "
    "predict acknowledge suggest emphasise emphasize believe contend".split()
)
_WORD = re.compile(r"[A-Za-z][\w'’.-]*")


@dataclass(frozen=True)
class Attribution:
    """Who a quote is attributed to, as written, and the cue verb."""

    phrase: str
    cue: str
    sentence_start: int


class QuoteFinder:
    """Emits direct and indirect quotes with resolved speakers."""

    def __call__(self, doc: Doc) -> Doc:
        people = people_of(doc)
        direct_ranges: list[tuple[int, int]] = []
        for match in _QUOTE.finditer(text_of(doc)):
            fact = self._direct(doc, match, people)
            if fact is not None:
                facts_of(doc).append(fact)
                direct_ranges.append((match.start(), match.end()))
        for token in doc:
            fact = self._indirect(doc, token, people, direct_ranges)
            if fact is not None:
                facts_of(doc).append(fact)
        return doc

    def _direct(self, doc: Doc, match: re.Match[str], people: PeopleIndex) -> QuoteFact | None:
        words = (match["a"] or match["b"]).strip()
        if len(words.split()) < MIN_QUOTE_WORDS:
            return None
        attribution = _after(doc, match) or _before(doc, match)
        if attribution is None:
            return None
        start = match.start() + 1
        end = match.end() - 1
        return QuoteFact(
            sentence=sentence_of(doc, match.start(), match.end()).text.strip(),
            start=start,
            end=end,
            text=words.rstrip(","),
            speaker=_speaker(doc, attribution, people, match.start()),
            direct=True,
            cue=attribution.cue,
        )

    def _indirect(
        self, doc: Doc, verb: Token, people: PeopleIndex, direct: list[tuple[int, int]]
    ) -> QuoteFact | None:
        if verb.lemma_ not in INDIRECT_LEMMAS or verb.pos_ != "VERB":
            return None
        clauses = [c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i]
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
        if not clauses or not subjects:
            return None
        clause = doc[clauses[0].left_edge.i : clauses[0].right_edge.i + 1]
        if any(s <= clause.start_char < e for s, e in direct) or "“" in clause.text:
            return None
        subject = doc[subjects[0].left_edge.i : subjects[0].i + 1]
        person = people.resolve(_words(subject.text), before=verb.idx)
        if person is None or not _names_subject(subjects[0], person.parts):
            return None
        clause = _without_mark(clause)
        return QuoteFact(
            sentence=verb.sent.text.strip(),
            start=clause.start_char,
            end=clause.end_char,
            text=clause.text.rstrip(" ,."),
            speaker=person.name,
            direct=False,
            cue=verb.text,
        )


def _after(doc: Doc, match: re.Match[str]) -> Attribution | None:
    """'“...,” said X' / '“...,” X said' — the cue right after the quote."""
    clause = _AFTER.match(text_of(doc), match.end())
    if clause is None:
        return None
    segment = clause["clause"].split(",")[0]
    cue = _CUE.search(segment)
    # A cue far from the quote belongs to another clause of the sentence.
    if cue is None or len(segment[: cue.start()].split()) > 6:
        return None
    return Attribution(segment, cue.group(0), match.end())


def _before(doc: Doc, match: re.Match[str]) -> Attribution | None:
    """'X said: “...”' / 'X said, “...”' — the cue right before the quote."""
    line_start = text_of(doc).rfind("\n", 0, match.start()) + 1
    head = text_of(doc)[line_start : match.start()]
    clause = re.split(r"[.!?;”\"]\s", head)[-1]
    if not re.search(rf"\b(?:{CUE_WORDS})\b\s*[:,]?\s*$", clause):
        return None
    cue = list(_CUE.finditer(clause))[-1]
    return Attribution(clause, cue.group(0), line_start)


def _speaker(doc: Doc, attribution: Attribution, people: PeopleIndex, at: int) -> str | None:
    sentence = sentence_of(doc, at, at + 1)
    if _ANONYMOUS.search(attribution.phrase) or _ANONYMOUS.search(sentence.text):
        return None
    words = _words(attribution.phrase.replace(attribution.cue, " "))
    if {w.lower() for w in words} & _PRONOUNS:
        return _antecedent(doc, sentence, people)
    person = people.resolve(words, before=at)
    return person.name if person else None


def _antecedent(doc: Doc, sentence: Span, people: PeopleIndex) -> str | None:
    """The person named in the sentence before, if that sentence names one."""
    if sentence.start == 0:
        return None
    previous = doc[sentence.start - 1].sent
    named = people.mentioned_in(previous.start_char, previous.end_char)
    if not named:
        named = people.mentioned_in(sentence.start_char, sentence.end_char)
    return named[-1].name if named else None


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _names_subject(subject: Token, parts: list[str]) -> bool:
    """The subject itself (not a noun inside its appositive) is the person."""
    head_words = {t.text for t in subject.subtree if t.dep_ in {"compound", "nsubj", "poss"} or t == subject}
    return bool(head_words & set(parts))


def _without_mark(clause: Span) -> Span:
    start = clause.start
    if clause.doc[start].lower_ == "that":
        start += 1
    end = clause.end
    while end > start and clause.doc[end - 1].is_punct:
        end -= 1
    return clause.doc[start:end]


@Language.factory(
    "newsfacts_quotes",
    requires=["doc._.nf_people", "token.dep", "token.lemma"],
    assigns=["doc._.nf_facts"],
)
def make_quote_finder(nlp: Language, name: str) -> QuoteFinder:
    """Factory for the quotes component; place it after ``newsfacts_people``."""
    return QuoteFinder()
