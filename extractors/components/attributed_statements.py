"""Statements attributed by the sentence's shape rather than a cue's parse.

"..., according to X", a statement closed by ", <subject> said [when].",
and the answers of an interview written as a transcript ("A: ...").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from extractors.components.common import text_of
from extractors.components.person_index import PeopleIndex
from extractors.components.quote_attribution import in_relative, subject_only
from extractors.components.quote_cues import (
    FINITE,
    INDIRECT_LEMMAS,
    MAX_SUBJECT_WORDS,
    MIN_INDIRECT_TOKENS,
    NEAR_CUE_WORDS,
)
from extractors.components.reported_clauses import story_start
from extractors.components.speakers import (
    UNNAMED,
    Source,
    Speakers,
    is_group,
    organisation,
    words_of,
)
from extractors.models import QuoteFact

_ACCORDING = re.compile(
    r"^(?P<clause>[^“”\"]{20,}?),? according to (?P<who>[^,.;]+)[.,;]"
    r"|^According to (?P<who2>[^,;]+), (?P<clause2>[^“”\"]{20,}?)[.!]?$"
)


def according_to(doc: Doc, people: PeopleIndex, direct: list[tuple[int, int]]) -> list[QuoteFact]:
    """'..., according to Shenzhen-based lawyer Zhou Min.': an indirect quote
    when the source is a person of the article."""
    text = text_of(doc)
    found = []
    for sent in doc.sents:
        match = _ACCORDING.search(sent.text)
        if match is None or any(s <= sent.start_char < e for s, e in direct):
            continue
        group = "clause" if match["clause"] else "clause2"
        who = "who" if match["who"] else "who2"
        person = people.resolve(words_of(match[who]), before=sent.end_char)
        # '..., according to an analysis by the law firm Desai Moreau': the
        # person is named there, not a firm that shares a surname.
        named = people.mentioned_in(sent.start_char + match.start(who), sent.start_char + match.end(who))
        # "according to Das": a phrase of the name's words alone names the person.
        source: Source | None = None
        if person is not None and (person in named or set(words_of(match[who])) <= set(person.parts)):
            source = person.name, None
        else:
            source = _body_source(doc, sent.start_char + match.start(who), sent.start_char + match.end(who))
        if source is None:
            continue
        start, end = sent.start_char + match.start(group), sent.start_char + match.end(group)
        if group == "clause2":
            start = _past_appositive(doc, start, end)
        found.append(QuoteFact(sentence=sent.text.strip(), start=start, end=end, text=text[start:end],
                               speaker=source[0], speaker_org=source[1], direct=False, cue="according to"))
    return found


# Heads of an "according to" phrase that name a document or figures, not a
# source that speaks ("according to department figures", "according to a cable").
DOCUMENT_NOUNS = frozenset(
    "figures figure data report reports table tables statistics analysis cable guidance website websites "
    "estimate estimates survey projections projection document documents notice filing filings study "
    "records record count tally list schedule memo letter poll census research numbers".split()
)


def _body_source(doc: Doc, start: int, end: int) -> Source | None:
    """'According to the Chinese Embassy in New Delhi, ...': an organisation,
    one body that speaks as one (no person, the body's name), is the source
    of an unnamed quote; a document ("according to department figures") or
    a group in the plural ("according to visa agents") is none."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    head = span.root
    while head.dep_ == "pobj" and head.head.i >= span.start and head.head.head.i >= span.start:
        head = head.head.head  # "the Embassy in New Delhi" -> "Embassy"
    if head.lemma_.lower() in DOCUMENT_NOUNS or head.lower_ in DOCUMENT_NOUNS \
            or head.tag_ in {"NNS", "NNPS"} or any(t.ent_type_ == "PERSON" for t in span):
        return None
    body = head.lower_ in UNNAMED or (head.ent_type_ == "ORG" and not any(
        t.lower_ in DOCUMENT_NOUNS for t in span))
    return (None, organisation(span)) if body else None


def final_attribution(doc: Doc, speakers: Speakers, direct: list[tuple[int, int]],
                      found: list[QuoteFact]) -> list[QuoteFact]:
    """'Canada will open its pilots on March 31, the immigration department
    said on Wednesday.': a statement closed by a comma and its attribution
    ("<subject> said [when]."). Read from the sentence's shape, for the parses
    that miss it: the parser splits a dateline off the sentence, or hangs the
    cue inside the subject ("a visa agent there said" as a relative clause)."""
    taken = [(s, e) for s, e in direct] + [(f.start, f.end) for f in found]
    facts = []
    for sent in doc.sents:
        verbs = [t for t in sent if t.lemma_ in INDIRECT_LEMMAS and t.tag_ in FINITE and t.pos_ == "VERB"]
        if not verbs or any(sent.start_char <= s < sent.end_char or s <= sent.start_char < e
                            for s, e in taken):
            continue
        for verb in verbs:
            fact = _attributed_before(doc, sent, verb, speakers)
            if fact is not None:
                facts.append(fact)
                break
    return facts


def _attributed_before(doc: Doc, sent: Span, verb: Token, speakers: Speakers) -> QuoteFact | None:
    """The statement before '..., <subject> <verb> [when]', or None."""
    commas = [t for t in sent if t.text == "," and t.i < verb.i]
    if not commas or any(c.dep_ == "neg" for c in verb.children) or not _plain_tail(verb):
        return None
    comma = commas[-1]
    if not 0 < verb.i - comma.i - 1 <= MAX_SUBJECT_WORDS \
            or not subject_only(doc, comma.idx + 1, verb.idx, near=0):
        return None
    subject = _phrase_head(doc[comma.i + 1 : verb.i])
    clause = doc[story_start(doc, sent) : comma.i]
    if subject is None or len(clause) < MIN_INDIRECT_TOKENS or any(m in clause.text for m in "“”\"") \
            or not any(t.pos_ in {"VERB", "AUX"} and t.tag_ in FINITE | {"MD"} for t in clause):
        return None
    source = speakers.of_subject(verb, subject)
    if source is None or is_group(subject):
        return None
    return QuoteFact(sentence=sent.text.strip(), start=clause.start_char, end=clause.end_char,
                     text=clause.text, speaker=source[0], speaker_org=source[1], direct=False, cue=verb.text)


def _plain_tail(verb: Token) -> bool:
    """After the cue only when and how it was said ("said on Tuesday.", "said
    in a statement."), up to the sentence's end or a comma (", a shift that
    ..." comments on the statement): no clause of its own."""
    tail = verb.doc[verb.i + 1 : verb.sent.end]
    comma = next((t.i for t in tail if t.text == ","), None)
    if comma is not None:
        if any(t.text in {"“", '"'} for t in verb.doc[comma : verb.sent.end]):
            return False
        tail = verb.doc[verb.i + 1 : comma]
    words = [t for t in tail if not t.is_punct and not t.is_space]
    return len(words) <= NEAR_CUE_WORDS and not any(
        t.pos_ in {"VERB", "AUX"} or t.lower_ == "that" or t.text in {"“", '"', ":"} for t in tail)


def _phrase_head(phrase: Span) -> Token | None:
    """The noun a subject phrase is about: the last noun whose head lies
    outside the phrase (the parse may attach it anywhere), outside brackets."""
    inside = range(phrase.start, phrase.end)
    depth, nouns, pronouns = 0, [], []
    for t in phrase:
        depth += t.text == "("
        depth -= t.text == ")"
        if depth == 0 and t.head.i not in inside:
            if t.pos_ in {"NOUN", "PROPN"}:
                nouns.append(t)
            elif t.tag_ == "PRP":  # "..., he said"; never the "there" of "a visa agent there said"
                pronouns.append(t)
    found = nouns or pronouns
    return found[-1] if found else None


def _past_appositive(doc: Doc, start: int, end: int) -> int:
    """'According to Priya Sharma, a recruiter in Pune, demand has doubled':
    the clause starts after the source's appositive (a phrase that opens with
    an article and has no verb, or a "who" clause, closed by a comma)."""
    text = text_of(doc)
    comma = text.find(", ", start, end)
    first = text[start:end].split(" ", 1)[0].lower()
    if comma < 0 or first not in {"a", "an", "the", "who"}:
        return start
    span = doc.char_span(start, comma, alignment_mode="expand")
    # "who advises South African students," is a relative clause, with its
    # verb; so may the appositive hold one ("a recruiter in Kochi who places nurses").
    if span is None or (first != "who" and any(
            t.pos_ in {"VERB", "AUX"} and not in_relative(t) for t in span)):
        return start
    return comma + 2


# 'Q: Why did you leave?' / 'A: The fee ...' / 'Lopez: We will hire ...': an
# interview written as a transcript.
_TURN = re.compile(
    r"^(?P<who>Q|A|[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}):[^\S\n]+(?P<said>\S[^\n]{10,})$", re.M)


# A transcript has at least this many turns; one "Note: ..." line is none.
MIN_TURNS = 2


def transcript(doc: Doc, people: PeopleIndex, direct: list[tuple[int, int]]) -> list[QuoteFact]:
    """An interview's answers: 'A:' turns are the interviewee's (the person
    the introduction names most), a turn labelled with a person's name is
    theirs; questions are no quotes."""
    text = text_of(doc)
    turns = list(_TURN.finditer(text))
    if len([t for t in turns if t["who"] in {"Q", "A"} or people.resolve(words_of(t["who"]))]) < MIN_TURNS:
        return []
    intro_end = turns[0].start()
    introduced = people.mentioned_in(0, intro_end)
    interviewee = max(introduced, key=lambda r: len(r.mentions)).name if introduced else None
    found = []
    for turn in turns:
        if turn["who"] == "Q" or any(s <= turn.start("said") < e for s, e in direct):
            continue
        person = people.resolve(words_of(turn["who"])) if turn["who"] != "A" else None
        speaker = interviewee if turn["who"] == "A" else (person.name if person else None)
        if speaker is None:
            continue
        start, end = turn.start("said"), turn.end("said")
        found.append(QuoteFact(sentence=turn.group(0).strip(), start=start, end=end,
                               text=text[start:end].strip(), speaker=speaker, direct=False, cue=None))
    return found
