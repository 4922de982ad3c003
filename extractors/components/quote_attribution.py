"""A direct quote's cue and its speaker: the attribution written next to it.

'“...,” said X' and '“...,” X said' after the quote, 'X said: “...”' and
'X said the plan would “...”' before it; the speaker is the cue's subject in
the parse, else the words of the attribution, resolved against the article's
people (:mod:`extractors.components.speakers`).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from extractors.components.common import sentence_of, text_of
from extractors.components.quote_cues import CUE, CUE_WORDS, MAX_SUBJECT_WORDS, NEAR_CUE_WORDS, Attribution
from extractors.components.speakers import (
    PRONOUNS,
    Source,
    Speakers,
    words_of,
)

_ACCORDING_AFTER = re.compile(r"[^\S\n]*according to\b")


# '“...,” read a statement from the ministry' / '“...,” the statement read'.
_READ = re.compile(r"\bread\b(?= (?:a|the|its|their) (?:\w+ )?(?:statement|notice|letter|message|post))"
                   r"|(?<=statement )read\b")


# The attribution after a quote runs to the end of its clause; the full stop
# of "Mr." or "U.S." does not end it ("said Mr. Daniel Brooks").
_AFTER = re.compile(
    # Not across a paragraph end: the next paragraph's "Officials said" is
    # another statement.
    r"[^\S\n]*(?P<clause>(?:(?:Mrs|Mr|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Jr|Sr|St)\.|U\.S\.|[^.!?;:“\"\n])*)"
)


_ANONYMOUS = re.compile(
    r"declin\w+ to be (?:named|identified)|asked not to be (?:named|identified)|"
    r"on condition of anonymity|requested anonymity|spoke anonymously"
)


# "said the changes would “...”": a partial quote at most 8 words after its
# cue, with no comma between (the train split's one stands 3 words after it;
# 8 leaves room for a longer subject before the quoted verb).
_PARTIAL = re.compile(rf"\b(?:{CUE_WORDS})\b(?:\s+(?:that\s+)?[\w’'-]+){{1,8}}\s*$")


def cue_after(doc: Doc, match: re.Match[str]) -> Attribution | None:
    """'“...,” said X' / '“...,” X said' — the cue right after the quote. A
    quote closed by a full stop and followed by a capital has ended its
    sentence ('“...popular.” But he added, “...”'): what follows is not its
    attribution."""
    text = text_of(doc)
    clause = _AFTER.match(text, match.end())
    if clause is None:
        return None
    if match.group(0)[:-1].rstrip().endswith(".") and clause["clause"][:1].isupper():
        return None
    segment = clause["clause"].split(",")[0]
    # '“...,” according to X.' attributes like a cue verb, but only right
    # after the quote: elsewhere "according to" introduces a paraphrase.
    cue = CUE.search(segment) or _ACCORDING_AFTER.match(segment) or _READ.search(segment)
    base = clause.start("clause")
    if cue is None:
        # '“...,” Lopez, 52, said': the cue after an age or an appositive.
        cue = CUE.search(clause["clause"])
        if cue is None or not subject_only(doc, base, base + cue.start(), near=0):
            return None
        return Attribution(clause["clause"][: cue.end()], cue.group(0), base, base + cue.start())
    if not subject_only(doc, base, base + cue.start()):
        return None
    return Attribution(segment, cue.group(0).strip(), base, base + cue.start() + len(cue.group(0)) -
                       len(cue.group(0).lstrip()))


def subject_only(doc: Doc, start: int, end: int, near: int = NEAR_CUE_WORDS) -> bool:
    """Between a quote and its cue stands the speaker's noun phrase ("a
    spokesperson for the National Immigration Administration said"); a cue
    after another verb belongs to another clause of the sentence. Up to
    ``near`` words, anything may stand there ("Lang said on Tuesday")."""
    words = len(text_of(doc)[start:end].split())
    if words <= near:
        return True
    span = doc.char_span(start, end, alignment_mode="expand")
    return words <= MAX_SUBJECT_WORDS and span is not None and not any(
        t.pos_ in {"VERB", "AUX"} and not in_relative(t) for t in span
    )


def in_relative(token: Token) -> bool:
    """'Chen, who advises several governments, told ...': a verb of a relative
    clause belongs to the subject phrase."""
    who = [t for t in token.sent if t.lower_ in {"who", "whose"} and t.i < token.i]
    return bool(who) and token.i - who[-1].i <= MAX_SUBJECT_WORDS and (
        any(a.dep_ == "relcl" for a in [token, *token.ancestors]) or _between_commas(who[-1], token))


def _between_commas(who: Token, token: Token) -> bool:
    """'Petrescu, who co-founded a start-up, told ...': a "who" clause opened
    by a comma holds every word up to the next comma, whatever the parser
    made of them (it reads "co-founded" as three tokens, one a preposition)."""
    doc = token.doc
    return who.i > 0 and doc[who.i - 1].text == "," and not any(t.text == "," for t in doc[who.i : token.i])


# 'X told the Intelligence Committee, “...”': a cue, up to five words (whom
# it was said to, when) and a comma or colon before the quote.
_CUE_BEFORE = re.compile(rf"\b(?:{CUE_WORDS})\b(?:\s+[\w’'.-]+){{0,5}}?\s*[:,]?\s*$")


# 'X called the proposal “a good first step”', 'X described it as “...”': a
# verb of naming, its object (up to four words, not ending in an article) and
# the quoted words the speaker gave it. Not "so-called".
NAMING_CUES = "called|calls|dubbed|described|describes|labelled|labeled|branded"
_NAMING = re.compile(rf"(?<![\w-])(?P<verb>{NAMING_CUES})(?:\s+[\w’'-]+){{0,3}}\s+"
                     rf"(?!(?:the|a|an)\s*$)[\w’'-]+(?:\s+as)?\s*$")


def cue_before(doc: Doc, match: re.Match[str]) -> Attribution | None:
    """'X said: “...”' / 'X said, “...”' / 'X told reporters, “...”' — the cue
    right before the quote; 'X said the plan would “...”' — a partial quote a
    few words after it; 'X said:' closing the paragraph before a quoted
    paragraph; 'X called the plan “...”' — the words a speaker named a thing
    with."""
    text = text_of(doc)
    line_start = text.rfind("\n", 0, match.start()) + 1
    head = text[line_start : match.start()]
    if not head.strip() and line_start > 0:
        previous_start = text.rfind("\n", 0, line_start - 1) + 1
        previous = text[previous_start : line_start - 1]
        if re.search(rf"\b(?:{CUE_WORDS})\b\s*:\s*$", previous):
            cue = list(CUE.finditer(previous))[-1]
            return Attribution(previous, cue.group(0), previous_start, previous_start + cue.start())
        return None
    clause = re.split(r"[.!?;”\"]\s", head)[-1]
    offset = line_start + len(head) - len(clause)
    told = _CUE_BEFORE.search(clause)
    right_after = re.search(rf"\b(?:{CUE_WORDS})\b\s*[:,]?\s*$", clause)
    if not (((told and re.search(r"[:,]\s*$", clause)) or right_after)
            or _PARTIAL.search(clause)):
        naming = _NAMING.search(clause)
        if naming is None:
            return None
        verb_at = offset + naming.start("verb")
        return Attribution(clause[: naming.end("verb")], naming["verb"], offset, verb_at)
    cue = list(CUE.finditer(clause))[-1]
    return Attribution(clause[: cue.end()], cue.group(0), offset, offset + cue.start())


# Where the subject after a cue ends ("said Hill at a news conference").
_FUNCTION_WORD = re.compile(r"\b(?:at|in|on|during|after|before|with|to|from|about|of)\b")


def speaker_of(doc: Doc, attribution: Attribution, speakers: Speakers, match: re.Match[str]) -> Source:
    """The source of a direct quote: the cue verb's subject in the parse, else
    the words of the attribution that name the subject — those before the cue
    ("Bush said at a news conference with Olmert") or, when nothing stands
    before it, those right after it ("said Hill, who ...")."""
    at = match.start()
    sentence = sentence_of(doc, at, at + 1)
    if _ANONYMOUS.search(attribution.phrase) or _ANONYMOUS.search(sentence.text):
        return None, None
    verb = doc.char_span(attribution.cue_start, attribution.cue_start + 1, alignment_mode="expand")
    if verb is not None:
        subject = speakers.subject_of(verb[0])
        if subject is not None and not (match.start() <= subject.idx < match.end()):
            found = speakers.of_subject(verb[0], subject)
            if found is not None:
                return found
    cue_at = attribution.cue_start - attribution.start
    before = attribution.phrase[:cue_at]
    after = _FUNCTION_WORD.split(attribution.phrase[cue_at + len(attribution.cue) :])[0]
    words = words_of(before) or words_of(after)
    pronoun = next((w.lower() for w in words if w.lower() in PRONOUNS), None)
    if pronoun is not None:
        token = _token_at(doc, attribution, pronoun)
        return (speakers.pronoun(token) if token is not None else None), None
    # "said one recruiter", "a lawyer said": someone new, never a back-reference by role.
    indefinite = bool(words) and words[0].lower() in {"a", "an", "one", "another", "some"}
    person = speakers.people.resolve(words, before=at) or (
        None if indefinite else speakers.people.by_role(words, before=at))
    age = _AGED.search(before)
    if person is None and age is not None:
        person = speakers.by_age(age["age"], at)
        if person is None:
            # '“...,” the 22-year-old said' with no age given before: like a
            # pronoun, the person the sentences before were about.
            token = _token_at(doc, attribution, "old")
            return (speakers.pronoun(token) if token is not None else None), None
    return (person.name if person else None), None


# "the 34-year-old said": a speaker described by the age the article gave.
_AGED = re.compile(r"\bthe (?P<age>\d{1,3})-year-old\s*$")


def _token_at(doc: Doc, attribution: Attribution, word: str) -> Token | None:
    end = attribution.start + len(attribution.phrase)
    span = doc.char_span(attribution.start, end, alignment_mode="expand")
    return next((t for t in span if t.lower_ == word), None) if span is not None else None
