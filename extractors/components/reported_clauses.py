"""The clause a cue verb reports, read from the parse and its known misreadings.

"X said that ...", "..., X said", "The fee, the ministry said, would rise":
where the reported words start and end, including the parses that split a
report, hang it on a noun or read its verb as a noun.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from extractors.components.common import text_of
from extractors.components.quote_cues import FINITE, INDIRECT_LEMMAS


def reported_within(verb: Token) -> bool:
    """'he said the call made him realize Giuliani still believed Ukraine
    needed ...': a cue inside another cue's reported clause reports nothing
    of its own."""
    child = verb
    for ancestor in verb.ancestors:
        if ancestor.lemma_ in INDIRECT_LEMMAS and child.dep_ == "ccomp" and ancestor.i < verb.i:
            return True
        child = ancestor
    return False


def misparsed_subject(verb: Token) -> list[Token]:
    """'R.K. Sharma, co-founder of the payments startup Ledgerwise, said ...':
    the parser may read "startup" as a verb with the speaker as its subject."""
    return [s for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i
            for s in c.children if s.dep_ == "nsubj" and s.ent_type_ == "PERSON" and s.i < c.i
            and "," in {verb.doc[c.right_edge.i].text, verb.doc[c.right_edge.i + 1].text}]


def reported_clause(verb: Token, subject_before: bool = False) -> Span | None:
    """The clause a cue verb reports: before it when the sentence opens with
    it and a comma sets the cue off ("Large firms can absorb it, said X", "...,
    X said"), else after it ("said that ...", "told a conference that ...").
    ``subject_before``: the speaker stands in the clause before the verb (a
    misparse), so that clause is no report."""
    doc = verb.doc
    before = [] if subject_before else [c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i]
    after = [c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i and _is_clause(c)]
    marked = _clause_under_prep(verb)
    if marked and (not after or marked[0].i < after[0].i):
        after = marked
    if before and before[0].left_edge.i == verb.sent.start and _opens_sentence(before[0].left_edge) \
            and (_set_off(verb, before[0]) or not after):
        # Without the dateline the parse may fold into the clause.
        span = doc[max(before[0].left_edge.i, story_start(doc, verb.sent)) : before[0].right_edge.i + 1]
        if "“" not in span.text and '"' not in span.text:
            return span
    if after:
        # 'added that nurses recruited from ... often waited months': the parser
        # may split one report into two clauses; the report runs over both.
        end = _modal_conjunct_end(verb, max(c.right_edge.i for c in after))
        return doc[_clause_start(verb, after[0]) : _before_coordinated_cue(verb, after, end) + 1]
    return _interrupted(verb) or _split_after_cue(verb) or _subject_read_as_clause(verb)


# Modals of a reported clause ("said it would ..., and would seek ...").
_MODALS = frozenset("would could should might will can may must".split())


def _modal_conjunct_end(verb: Token, end: int) -> int:
    """'said it was studying the guidance and would seek clarity': the parser
    may join a second verb of the report to the cue; a verb with a modal and
    no subject of its own, right after the report, goes on with it (the
    speaker did not "would seek")."""
    doc = verb.doc
    for conj in (c for c in verb.children if c.dep_ == "conj" and c.i > end):
        between = doc[end + 1 : conj.left_edge.i]
        if any(c.dep_ in {"nsubj", "nsubjpass"} for c in conj.children) or conj.lemma_ in INDIRECT_LEMMAS \
                or not any(c.dep_ == "aux" and c.lower_ in _MODALS for c in conj.children) \
                or not all(t.is_punct or t.dep_ == "cc" for t in between):
            break
        end = conj.right_edge.i
    return end


def _before_coordinated_cue(verb: Token, clauses: list[Token], end: int) -> int:
    """'Botha says the first applications have gone smoothly, but warns that
    banks ...': a second cue the parser joins to the first report ends it."""
    doc = verb.doc
    cues = [c for clause in clauses for c in clause.children if coordinated_cue(c) is verb]
    if not cues:
        return end
    end = min(c.i for c in cues) - 1
    while end > verb.i and (doc[end].dep_ == "cc" or doc[end].is_punct):
        end -= 1
    return end


def coordinated_cue(verb: Token) -> Token | None:
    """The cue a second cue shares its subject with ('says ..., but warns that
    ...'), when the parser hung the second on the first one's report; or None."""
    clause = verb.head
    if verb.dep_ != "conj" or verb.lemma_ not in INDIRECT_LEMMAS or verb.pos_ != "VERB" \
            or any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        return None
    cue = clause.head
    if clause.dep_ != "ccomp" or cue.lemma_ not in INDIRECT_LEMMAS or cue.i > clause.i \
            or cue.tag_ != verb.tag_:
        return None
    return cue if any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children) else None


# Relations the parser gives a report's words when it misses the clause
# ("said the biggest worry ... was processing times": "times" as nsubj, dobj
# or npadvmod of "said").
_MISREAD_REPORT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "npadvmod", "attr", "oprd", "dep"})


def _subject_read_as_clause(verb: Token) -> Span | None:
    """'Rao ... said the bigger problem for applicants was processing times':
    the parser may read the report's words as a second subject (or an object)
    of the cue; words after the cue with a finite verb of their own, outside
    a relative clause, are the report."""
    doc = verb.doc
    if not any(c.dep_ == "nsubj" and c.i < verb.i for c in verb.children):
        return None
    for child in (c for c in verb.children if c.i > verb.i and c.dep_ in _MISREAD_REPORT_DEPS):
        start = child.left_edge.i
        if start != verb.i + 1 and not (start == verb.i + 2 and doc[verb.i + 1].lower_ == "that"):
            continue
        finite = [t for t in child.subtree if t.pos_ in {"VERB", "AUX"} and t.tag_ in FINITE | {"MD"}
                  and not any(a.dep_ in {"relcl", "acl"} for a in _up_to(t, child))]
        if finite or _verb_read_as_noun(child):
            return doc[start : child.right_edge.i + 1]
    return None


def _verb_read_as_noun(head: Token) -> bool:
    """'Sethi said her firm charges between $8,000 and ...': the parser may read the report's verb
    as a plural noun with its subject for a modifier; a possessive, a modifier word and a
    phrase after it make a clause of it."""
    if head.tag_ != "NNS" or head.dep_ != "dobj":
        return False
    before = [c for c in head.children if c.i < head.i]
    return (any(c.dep_ == "poss" for c in before) and head.doc[head.i - 1].dep_ in {"amod", "compound"}
            and any(c.dep_ == "prep" and c.i > head.i for c in head.children))


def _up_to(token: Token, top: Token) -> list[Token]:
    """The token and its ancestors below ``top``."""
    chain = [token]
    while chain[-1].i != top.i and chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    return chain[:-1] if chain[-1].i == top.i else chain


def _split_after_cue(verb: Token) -> Span | None:
    """'Dhar ... said EB-5 investors were more cautious': the parser may read a
    visa's name as punctuation and end the sentence inside the reported
    clause; the clause runs on to the end of the next "sentence", which
    opens in lower case."""
    doc = verb.doc
    sent = verb.sent
    glued = doc[verb.i + 1 : sent.end]
    words = [t for t in glued if not t.is_space]
    if not words or len(words) > 2 or sent.end >= len(doc) or words[0].dep_ != "punct" \
            or not any(c.isalnum() for c in words[0].text):
        return None
    following = doc[sent.end].sent
    if not following.text[:1].islower() or following.root.pos_ not in {"VERB", "AUX"}:
        return None
    end = following.end
    while end > following.start and doc[end - 1].is_space:
        end -= 1
    return doc[verb.i + 1 : end]


# Words that open a reported clause's subject but that the parser hangs on the
# cue verb ("said about a fifth of her clients had asked").
_QUANTIFIERS = frozenset("about nearly almost around roughly some more fewer less over under".split())


def _clause_start(verb: Token, clause: Token) -> int:
    """Where the clause after a cue starts: its left edge, or the quantifier
    right after the verb that the parser read as the verb's own phrase."""
    doc = verb.doc
    start = clause.left_edge.i
    gap = doc[verb.i + 1 : start]
    if len(gap) and gap[0].lower_ in _QUANTIFIERS and not any(
            t.text in {",", "“", '"'} or t.ent_type_ in {"DATE", "TIME"} for t in gap):
        return verb.i + 1
    return start


def without_cue(clause: Span, verb: Token) -> str:
    """The reported words of a clause the cue stands inside ("The fee, the
    ministry said, would rise" -> "The fee would rise")."""
    if not clause.start <= verb.i < clause.end:
        return clause.text
    doc = verb.doc
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    start, end = (subjects[-1].left_edge.i if subjects else verb.i) - 1, _closing_comma(verb)
    if doc[start].text != "," or end >= len(doc) or doc[end].text != ",":
        return clause.text
    return f"{doc[clause.start : start].text} {doc[end + 1 : clause.end].text}".strip()


def _closing_comma(verb: Token) -> int:
    """Where a cue set off by commas ends: the comma after its phrase (the
    parser may hang that comma on the cue itself)."""
    right = verb.right_edge.i
    return right if verb.doc[right].text == "," else right + 1


def _interrupted(verb: Token) -> Span | None:
    """'Salaries ... range from 25,000 to 40,000 yuan a month, he said, well
    below U.S. pay': a cue set off by commas after the statement it reports,
    which the parser hangs on the statement as a parenthetical; 'The fee, the
    ministry said, would rise': one set off inside it, the subject before or
    after the cue ('In practice, says one lawyer, few people use it').
    'His offer fell through, he said, because ...': a clause of the
    statement after the cue runs on with it."""
    doc = verb.doc
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    if verb.dep_ != "parataxis":
        return None
    if verb.head.i > verb.i:
        inverted = [c for c in verb.children if c.dep_ == "nsubj" and c.i > verb.i]
        return _set_inside(verb, (subjects or inverted)[-1]) if subjects or inverted else None
    if not subjects:
        return None
    comma = subjects[-1].left_edge.i - 1
    first = verb.sent.start
    if comma <= first or doc[comma].text != "," or not _opens_sentence(doc[first]):
        return None
    if _statement_goes_on(verb):
        return _set_inside(verb, subjects[-1])
    span = doc[first:comma]
    if "“" in span.text or '"' in span.text or not any(t.pos_ in {"VERB", "AUX"} for t in span):
        return None
    return span


def _statement_goes_on(verb: Token) -> bool:
    """After the cue's closing comma, a subordinate clause of the statement
    before it ('fell through, he said, because the firm ...'): a conjunction
    that marks a clause hung on the statement's verb."""
    doc, right = verb.doc, _closing_comma(verb)
    if right + 1 >= verb.sent.end or doc[right].text != ",":
        return False
    mark = doc[right + 1]
    return mark.dep_ == "mark" and mark.head.dep_ == "advcl" and mark.head.head.i == verb.head.i


def _set_inside(verb: Token, subject: Token) -> Span | None:
    """The sentence a cue stands inside between commas, when the words on
    either side make a statement (a subject before, a verb after)."""
    doc, sent = verb.doc, verb.sent
    left, right = min(subject.left_edge.i, verb.i) - 1, _closing_comma(verb)
    if left <= sent.start or right >= sent.end - 1 or doc[left].text != "," or doc[right].text != "," \
            or not _opens_sentence(doc[sent.start]):
        return None
    span = doc[sent.start : sent.end]
    if "“" in span.text or '"' in span.text or not any(
            t.pos_ in {"VERB", "AUX"} for t in doc[right : sent.end]):
        return None
    return span


def _opens_sentence(token: Token) -> bool:
    """A real sentence start: the text's, a paragraph's, or after a full stop.
    The parser also starts sentences after a closing quotation mark inside
    one ('While the “Meth. We’re on it.” campaign did not appeal ...')."""
    doc = token.doc
    i = token.i - 1
    while i >= 0 and doc[i].is_space:
        if "\n" in doc[i].text:
            return True
        i -= 1
    # After a dateline's dash ("OTTAWA, Oct 14 (Harbour Wire) - Canada will ...") too.
    return i < 0 or "\n" in doc[i].whitespace_ or doc[i].text in {".", "!", "?", ":", "-", "—", "–"}


def _is_clause(head: Token) -> bool:
    """A clause has a verb or a subject ("it is cost effective" parses "cost"
    as its head)."""
    return head.pos_ in {"VERB", "AUX", "ADJ"} or any(c.dep_ in {"nsubj", "nsubjpass"} for c in head.children)


def _set_off(verb: Token, clause: Token) -> bool:
    """Only a comma (and the subject) stand between the clause and its cue;
    the subject's own phrase counts whole ("the Department of Labour said")."""
    between = verb.doc[clause.right_edge.i + 1 : verb.i]
    subject = {t.i for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i for t in c.subtree}
    return len(between) > 0 and between[0].text == "," and all(
        t.dep_ in {"nsubj", "compound", "punct", "det", "amod", "poss", "case", "aux"} or t.i in subject
        for t in between)


def _clause_under_prep(verb: Token) -> list[Token]:
    """'said in a statement that ...', 'told reporters on Tuesday that ...',
    'told a startup conference that ...': the parser hangs the that-clause on
    the noun between."""
    nouns = [noun for prep in verb.children if prep.dep_ == "prep" and prep.i > verb.i
             for noun in prep.children if noun.dep_ == "pobj"]
    nouns += [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
    return sorted((
        clause
        for noun in nouns
        for clause in noun.children
        if clause.dep_ in {"acl", "relcl", "ccomp"}
        and (any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children)
             or _misread_as_relative(noun, clause))
    ), key=lambda t: t.i)


# Where words are said: 'said in an email that ...' is a report, however parsed.
_MEDIA_NOUNS = frozenset(
    "email statement interview letter post note filing call briefing conference message speech "
    "tweet release memo video podcast".split())


def _misread_as_relative(noun: Token, clause: Token) -> bool:
    """'said in an email that employers were scrambling': the parser may read
    the "that" opening the report as a relative pronoun of the medium noun;
    the clause has a subject of its own, so it is no relative clause."""
    if noun.lower_ not in _MEDIA_NOUNS or clause.dep_ != "relcl":
        return False
    first = clause.doc[clause.left_edge.i]
    return first.lower_ == "that" and first.i == noun.i + 1 and any(
        c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ != "that" for c in clause.children)


def without_mark(clause: Span) -> Span:
    """The clause without the "that" opening it and the punctuation closing it;
    a "that" that is the clause's subject ("says that could change quickly")
    is a word of the report."""
    start = clause.start
    if clause.doc[start].lower_ == "that" and clause.doc[start].dep_ not in {"nsubj", "nsubjpass"}:
        start += 1
    end = clause.end
    while end > start and clause.doc[end - 1].is_punct:
        end -= 1
    return clause.doc[start:end]


# A dateline before a story's first sentence: "OTTAWA, March 5 (Harbour Wire) - ",
# "MUMBAI/NEW YORK, Sept 30 (Reuters) - ", "WELLINGTON — ".
_DATELINE = re.compile(r"[A-Z][A-Z.'’/ -]*[A-Z.](?:,[^\n—–]{1,40}?)?\s*(?:-|—|–)\s+")


def story_start(doc: Doc, sent: Span) -> int:
    """The sentence's first token, or the first after the dateline that opens
    its paragraph (the parser may start the sentence inside the dateline)."""
    text = text_of(doc)
    line_start = text.rfind("\n", 0, sent.start_char) + 1
    dateline = _DATELINE.match(text, line_start)
    if dateline is None or not sent.start_char <= dateline.end() < sent.end_char:
        return sent.start
    span = doc.char_span(dateline.end(), dateline.end() + 1, alignment_mode="expand")
    return span.start if span is not None else sent.start
