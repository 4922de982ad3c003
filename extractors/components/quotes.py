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
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from extractors.components.common import facts_of, sentence_of, text_of
from extractors.components.gender import PRONOUN_GENDER
from extractors.components.people import PeopleIndex, PersonRecord, people_of
from extractors.models import QuoteFact

CUE_WORDS = (
    "said|says|say|told|tells|added|adds|noted|notes|explained|explains|asked|asks|wrote|writes"
    "|argued|argues|warned|warns|stated|insisted|recalled|continued|commented|observed"
    "|remarked|stressed|emphasised|emphasized|acknowledged|conceded|predicted|replied|declared"
    "|countered|counters|cautioned|admitted|posted|tweeted|wondered"
)
_CUE = re.compile(rf"\b(?:{CUE_WORDS})\b")
_ACCORDING_AFTER = re.compile(r"[^\S\n]*according to\b")
# "Quoted" text must look like speech: at least this many words. Shorter
# quoted strings in news are titles, scare quotes or coined terms.
MIN_QUOTE_WORDS = 4
# ... unless it is a whole utterance with its cue after it ("“They always
# do,” Shah said."): then two words are speech.
MIN_SHORT_QUOTE_WORDS = 2
# How far back (characters) a pronoun may reach for its person when the
# sentence before names nobody: about two short news paragraphs.
PRONOUN_REACH = 600
# A reported clause shorter than this ("it is", "so") is no statement;
# "costs would rise" is.
MIN_INDIRECT_TOKENS = 3
# Words between two quotes of one speaker with no cue: "Menon said." and the
# like; the gold set's longest with a cue is an appositive of 12 words.
MAX_ATTRIBUTION_WORDS = 8
# A cue this close after a quote is its cue whatever stands between ("Lang
# said on Tuesday"); farther, only a verbless subject phrase may stand there,
# up to MAX_SUBJECT_WORDS ("a spokesperson for the National Immigration
# Administration said" is 7).
NEAR_CUE_WORDS = 6
MAX_SUBJECT_WORDS = 14
_QUOTE = re.compile(r"“(?P<a>[^“”\n]+)”|\"(?P<b>[^\"\n]+)\"")
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
_PRONOUNS = frozenset({"he", "she", "they"})
# Subjects that speak for an organisation or stay unnamed: quoted with no speaker.
_UNNAMED = frozenset(
    "ministry department spokesperson spokesman spokeswoman official officials embassy council "
    "government agency administration office commission statement body company group".split()
)
# "said the changes would “...”": a partial quote at most 8 words after its
# cue, with no comma between (the train split's one stands 3 words after it;
# 8 leaves room for a longer subject before the quoted verb).
_PARTIAL = re.compile(rf"\b(?:{CUE_WORDS})\b(?:\s+(?:that\s+)?[\w’'-]+){{1,8}}\s*$")
# What the sentence after a cue-less quote says when it names the speaker:
# "That was how X described ...", "The warning came from X", "Those were the
# words of X".
NAMED_NEXT_CUES = "described|put it|came from|words of"
_OPEN_PARAGRAPH = re.compile(r"“(?P<a>[^“”\n]+)\n(?=“)")
_ACCORDING = re.compile(
    r"^(?P<clause>[^“”\"]{20,}?),? according to (?P<who>[^,.;]+)[.,;]"
    r"|^According to (?P<who2>[^,;]+), (?P<clause2>[^“”\"]{20,}?)[.!]?$"
)
INDIRECT_LEMMAS = frozenset(
    "say note comment observe tell add argue explain warn state claim stress insist "
    "predict acknowledge suggest emphasise emphasize believe contend write counter caution "
    "concede admit post tweet".split()
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
        direct: list[QuoteFact] = []
        for match in _QUOTE.finditer(text_of(doc)):
            fact = self._direct(doc, match, people, direct)
            if fact is not None:
                direct.append(fact)
        direct += _opening_paragraphs(doc, direct)
        facts_of(doc).extend(direct)
        ranges = [(f.start - 1, f.end + 1) for f in direct]
        for token in doc:
            fact = self._indirect(doc, token, people, ranges)
            if fact is not None:
                facts_of(doc).append(fact)
        facts_of(doc).extend(according_to(doc, people, ranges))
        return doc

    def _direct(
        self, doc: Doc, match: re.Match[str], people: PeopleIndex, earlier: list[QuoteFact]
    ) -> QuoteFact | None:
        words = (match["a"] or match["b"]).strip()
        if len(words.split()) < MIN_QUOTE_WORDS:
            return self._short(doc, match, words, people)
        attribution = _after(doc, match) or _before(doc, match)
        speaker: str | None
        cue: str | None
        if attribution is not None:
            speaker, cue = _speaker(doc, attribution, people, match.start()), attribution.cue
        else:
            found = (_continuation(text_of(doc), match, earlier) or _named_next(doc, match, people)
                     or _introduced(doc, match, people) or _carried_over(doc, match, people, earlier))
            if found is None:
                return None
            speaker, cue = found
        return QuoteFact(
            sentence=sentence_of(doc, match.start(), match.end()).text.strip(),
            start=match.start() + 1,
            end=match.end() - 1,
            text=words.rstrip(","),
            speaker=speaker,
            direct=True,
            cue=cue,
        )

    def _short(self, doc: Doc, match: re.Match[str], words: str, people: PeopleIndex) -> QuoteFact | None:
        """'“They always do,” Shah said.': a short quote is speech only as a
        whole utterance closed inside the marks and followed by its cue; a
        scare quote or a coined term never is."""
        attribution = _after(doc, match)
        if len(words.split()) < MIN_SHORT_QUOTE_WORDS or not words.endswith((",", "?", "!")) \
                or attribution is None:
            return None
        return QuoteFact(
            sentence=sentence_of(doc, match.start(), match.end()).text.strip(),
            start=match.start() + 1,
            end=match.end() - 1,
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
        if any(c.dep_ == "neg" for c in verb.children):  # "did not say how many"
            return None
        clause = _reported_clause(verb)
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if clause is None:
            return None
        if any(s <= clause.start_char < e or s < clause.end_char <= e for s, e in direct):
            return None
        if subjects:
            # The subject nearest the verb: a dateline ("NEW DELHI — X told")
            # may parse as a second subject before it.
            found = _subject_speaker(doc, verb, subjects[-1], people)
        elif clause.start < verb.i:
            found = _speaker_after(doc, verb, people)
        else:
            found = None
        if found is None:
            return None
        clause = _without_mark(clause)
        if len(clause) < MIN_INDIRECT_TOKENS:
            return None
        return QuoteFact(
            sentence=verb.sent.text.strip(),
            start=clause.start_char,
            end=clause.end_char,
            text=clause.text.rstrip(" ,."),
            speaker=found[0],
            speaker_org=found[1],
            direct=False,
            cue=verb.text,
        )


def _reported_clause(verb: Token) -> Span | None:
    """The clause a cue verb reports: before it when the sentence opens with it
    ("Large firms can absorb it, said X"), else after it ("said that ...")."""
    doc = verb.doc
    before = [c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i]
    if before and before[0].left_edge.i == verb.sent.start:
        span = doc[before[0].left_edge.i : before[0].right_edge.i + 1]
        if "“" not in span.text and '"' not in span.text:
            return span
    after = [c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i] or _clause_under_prep(verb)
    if after:
        return doc[after[0].left_edge.i : after[0].right_edge.i + 1]
    return None


def _clause_under_prep(verb: Token) -> list[Token]:
    """'said in a statement that ...', 'told reporters on Tuesday that ...': the
    parser hangs the that-clause on the noun of the phrase between."""
    return [
        clause
        for prep in verb.children if prep.dep_ == "prep" and prep.i > verb.i
        for noun in prep.children if noun.dep_ == "pobj"
        for clause in noun.children
        if clause.dep_ in {"acl", "relcl", "ccomp"}
        and any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children)
    ]


Source = tuple[str | None, str | None]
"""(speaker, speaker_org): a person's canonical name, or the organisation a
nameless source speaks for."""


def _speaker_after(doc: Doc, verb: Token, people: PeopleIndex) -> Source | None:
    """'..., said Nikhil Varma, co-founder of ...': the parser may miss the
    subject after the verb; a person named right after it is the speaker."""
    tail = doc[verb.i + 1 : min(verb.i + 4, verb.sent.end)]
    if not len(tail):
        return None
    named = people.mentioned_in(tail.start_char, tail.end_char)
    return (named[0].name, None) if named else None


def _subject_speaker(doc: Doc, verb: Token, subject: Token, people: PeopleIndex) -> Source | None:
    """The source of a cue verb's subject: a person, a pronoun resolved to one,
    or no person for an organisation or an unnamed source ("the ministry
    said", "a Home Office spokesperson said"); None when it cannot speak."""
    if subject.lower_ in _PRONOUNS:
        return _antecedent(doc, verb.sent, people, subject.lower_, before=verb.idx), None
    if subject.lower_ == "who" and verb.dep_ == "relcl":
        subject = verb.head  # "Anita Desai, a lawyer, who said ...": the relative's antecedent
    phrase = doc[subject.left_edge.i : subject.i + 1]
    person = people.resolve(_words(phrase.text), before=verb.idx + 1)
    if person is not None and _names_subject(subject, person.parts):
        return person.name, None
    for appos in (c for c in subject.children if c.dep_ == "appos"):
        # "NEW DELHI — Arjun Mehta, ..., told": a dateline parsed as the subject.
        named = people.resolve(_words(doc[appos.left_edge.i : appos.i + 1].text), before=verb.idx + 1)
        if named is not None and _names_subject(appos, named.parts):
            return named.name, None
    titled = people.by_role(_words(phrase.text), before=verb.idx)
    if titled is not None and subject.pos_ == "NOUN" and subject.lower_ not in _UNNAMED:
        return titled.name, None
    if subject.ent_type_ in {"ORG", "NORP", "GPE"} or subject.lower_ in _UNNAMED:
        return None, _organisation(doc[subject.left_edge.i : subject.right_edge.i + 1])
    return None


def _organisation(phrase: Span) -> str | None:
    """The organisation named in a subject phrase ("the Ministry of Foreign Affairs")."""
    for ent in phrase.ents:
        if ent.label_ == "ORG":
            words = ent.text.split()
            return " ".join(words[1:]) if words and words[0].lower() == "the" else ent.text
    return None


Found = tuple[str | None, str | None]


def _continuation(text: str, match: re.Match[str], earlier: list[QuoteFact]) -> Found | None:
    """'“...,” Menon said. “If the U.S. closes one ...”': a quote with no cue
    right after a quote in the same paragraph continues that speaker."""
    if not earlier:
        return None
    last = earlier[-1]
    between = text[last.end + 1 : match.start()]
    # Between them only the attribution of the first ("Menon said.") fits.
    if "\n" in between or last.end > match.start():
        return None
    if len(between.split()) > MAX_ATTRIBUTION_WORDS and not _CUE.search(between):
        return None
    return last.speaker, last.cue


def _named_next(doc: Doc, match: re.Match[str], people: PeopleIndex) -> Found | None:
    """'“...” That was how Bikram Thapa described the mood.': the speaker is
    named, with a speech verb, in the sentence right after the quote."""
    text = text_of(doc)
    if not match.group(0)[:-1].rstrip().endswith((".", "!", "?")):
        return None  # '“...,” the report found, and X said': the sentence goes on
    line_end = text.find("\n", match.end())
    rest = text[match.end() : line_end if line_end >= 0 else len(text)]
    sentence = re.split(r"(?<=[.!?])\s", rest.strip(), maxsplit=1)[0]
    cue = re.search(rf"\b(?:{CUE_WORDS}|{NAMED_NEXT_CUES})\b", sentence)
    if cue is None:
        return None
    named = people.mentioned_in(match.end(), match.end() + len(rest))
    return (named[0].name, cue.group(0)) if named else None


def _introduced(doc: Doc, match: re.Match[str], people: PeopleIndex) -> Found | None:
    """'Chen disagreed. “...”', 'Lopez put it bluntly: “...”': a quote that is a
    sentence of its own, right after a sentence (or a paragraph ending in a
    colon) whose subject is the speaker. No cue verb: the cue stays None."""
    head_end = _intro_end(text_of(doc), match)
    if head_end is None:
        return None
    last = doc.char_span(head_end, head_end + 1, alignment_mode="expand")
    if last is None:
        return None
    before = doc[last.sent.start : last.end]
    subjects = [t for t in before if t.dep_ in {"nsubj", "nsubjpass"}
                and t.head.pos_ in {"VERB", "AUX"} and t.head.i < last.end]
    if not subjects:
        return None
    found = _subject_speaker(doc, subjects[-1].head, subjects[-1], people)
    return (found[0], None) if found is not None and (found[0] or found[1]) else None


def _intro_end(text: str, match: re.Match[str]) -> int | None:
    """Where the introducing sentence ends (its last character), if the quote
    has one: a colon before it, or a full stop before a quote that is a whole
    sentence."""
    line_start = text.rfind("\n", 0, match.start()) + 1
    head = text[line_start : match.start()].rstrip()
    if head:
        whole = match.group(0)[:-1].rstrip().endswith((".", "!", "?"))
        if head.endswith(":") or (head.endswith((".", "!", "?")) and whole):
            return line_start + len(head) - 1
        return None
    previous = text[: max(line_start - 1, 0)].rstrip()
    return len(previous) - 1 if previous.endswith(":") else None


def _carried_over(doc: Doc, match: re.Match[str], people: PeopleIndex,
                  earlier: list[QuoteFact]) -> Found | None:
    """'Ong said: “Two years ago ...¶“Now every engineer ...”': a paragraph
    that opens with “ after a paragraph left inside an open quotation
    continues the quote, and its speaker is the open quote's."""
    text = text_of(doc)
    line_start = text.rfind("\n", 0, match.start()) + 1
    if line_start == 0 or text[line_start : match.start()].strip():
        return None
    previous_start = text.rfind("\n", 0, line_start - 1) + 1
    opened = text.rfind("“", previous_start, line_start)
    if opened < 0 or text.rfind("”", opened, line_start) >= 0:
        return None
    before = [f for f in earlier if previous_start <= f.start < opened]
    if before:
        return before[-1].speaker, before[-1].cue
    head = text[previous_start:opened]
    cues = list(_CUE.finditer(head))
    if not cues or not re.search(r"[:,]\s*$", head) or head[cues[-1].end():].strip(" :,"):
        return None
    attribution = Attribution(head[: cues[-1].end()], cues[-1].group(0), previous_start)
    return _speaker(doc, attribution, people, opened), attribution.cue


def _opening_paragraphs(doc: Doc, direct: list[QuoteFact]) -> list[QuoteFact]:
    """A quote that runs over paragraphs opens each with “ and closes only the
    last: the open paragraphs take the speaker of the quote that follows."""
    text = text_of(doc)
    found = []
    for match in _OPEN_PARAGRAPH.finditer(text):
        following = next((f for f in direct if f.start == match.end() + 1), None)
        if following is None or len(match["a"].split()) < MIN_QUOTE_WORDS:
            continue
        found.append(replace(following, start=match.start() + 1, end=match.end() - 1,
                             text=match["a"].strip(), sentence=match["a"].strip()))
    return found


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
        person = people.resolve(_words(match["who"] or match["who2"]), before=sent.end_char)
        if person is None:
            continue
        start, end = sent.start_char + match.start(group), sent.start_char + match.end(group)
        found.append(QuoteFact(sentence=sent.text.strip(), start=start, end=end, text=text[start:end],
                               speaker=person.name, direct=False, cue="according to"))
    return found


def _after(doc: Doc, match: re.Match[str]) -> Attribution | None:
    """'“...,” said X' / '“...,” X said' — the cue right after the quote."""
    clause = _AFTER.match(text_of(doc), match.end())
    if clause is None:
        return None
    segment = clause["clause"].split(",")[0]
    # '“...,” according to X.' attributes like a cue verb, but only right
    # after the quote: elsewhere "according to" introduces a paraphrase.
    cue = _CUE.search(segment) or _ACCORDING_AFTER.match(segment)
    base = clause.start("clause")
    if cue is None:
        # '“...,” Lopez, 52, said': the cue after an age or an appositive.
        cue = _CUE.search(clause["clause"])
        if cue is None or not _subject_only(doc, base, base + cue.start(), near=0):
            return None
        return Attribution(clause["clause"][: cue.end()], cue.group(0), match.end())
    if not _subject_only(doc, base, base + cue.start()):
        return None
    return Attribution(segment, cue.group(0).strip(), match.end())


def _subject_only(doc: Doc, start: int, end: int, near: int = NEAR_CUE_WORDS) -> bool:
    """Between a quote and its cue stands the speaker's noun phrase ("a
    spokesperson for the National Immigration Administration said"); a cue
    after another verb belongs to another clause of the sentence. Up to
    ``near`` words, anything may stand there ("Lang said on Tuesday")."""
    words = len(text_of(doc)[start:end].split())
    if words <= near:
        return True
    span = doc.char_span(start, end, alignment_mode="expand")
    return words <= MAX_SUBJECT_WORDS and span is not None and not any(
        t.pos_ in {"VERB", "AUX"} and not _in_relative(t) for t in span
    )


def _in_relative(token: Token) -> bool:
    """'Chen, who advises several governments, told ...': a verb of a relative
    clause belongs to the subject phrase."""
    who = [t for t in token.sent if t.lower_ in {"who", "whose"} and t.i < token.i]
    return bool(who) and any(a.dep_ == "relcl" for a in [token, *token.ancestors]) \
        and token.i - who[-1].i <= MAX_SUBJECT_WORDS


def _before(doc: Doc, match: re.Match[str]) -> Attribution | None:
    """'X said: “...”' / 'X said, “...”' — the cue right before the quote;
    'X said the plan would “...”' — a partial quote a few words after it;
    'X said:' closing the paragraph before a quoted paragraph."""
    text = text_of(doc)
    line_start = text.rfind("\n", 0, match.start()) + 1
    head = text[line_start : match.start()]
    if not head.strip() and line_start > 0:
        previous_start = text.rfind("\n", 0, line_start - 1) + 1
        previous = text[previous_start : line_start - 1]
        if re.search(rf"\b(?:{CUE_WORDS})\b\s*:\s*$", previous):
            return Attribution(previous, list(_CUE.finditer(previous))[-1].group(0), previous_start)
        return None
    clause = re.split(r"[.!?;”\"]\s", head)[-1]
    if not (re.search(rf"\b(?:{CUE_WORDS})\b\s*[:,]?\s*$", clause) or _PARTIAL.search(clause)):
        return None
    cue = list(_CUE.finditer(clause))[-1]
    return Attribution(clause[: cue.end()], cue.group(0), line_start)


def _speaker(doc: Doc, attribution: Attribution, people: PeopleIndex, at: int) -> str | None:
    sentence = sentence_of(doc, at, at + 1)
    if _ANONYMOUS.search(attribution.phrase) or _ANONYMOUS.search(sentence.text):
        return None
    words = _words(attribution.phrase.replace(attribution.cue, " "))
    pronouns = [w.lower() for w in words if w.lower() in _PRONOUNS]
    if pronouns:
        return _antecedent(doc, sentence, people, pronouns[0])
    person = people.resolve(words, before=at) or people.by_role(words, before=at)
    return person.name if person else None


def _antecedent(doc: Doc, sentence: Span, people: PeopleIndex, pronoun: str,
                before: int | None = None) -> str | None:
    """The person a pronoun points to: the last one named earlier in the
    sentence, else in the sentence before, else in the sentence itself, else
    within :data:`PRONOUN_REACH` — the first of these that agrees with the
    pronoun ("she" is never a man named in between)."""
    for named in _antecedent_candidates(doc, sentence, people, before):
        fitting = [r for r in named if people.agrees(r, pronoun)]
        if fitting:
            return fitting[-1].name
    # Farther back, only a person the article gives the pronoun's gender.
    wanted = PRONOUN_GENDER.get(pronoun.lower())
    far = [r for r in people.mentioned_in(0, sentence.start_char) if wanted and r.gender == wanted]
    return far[-1].name if far else None


def _antecedent_candidates(doc: Doc, sentence: Span, people: PeopleIndex,
                           before: int | None) -> list[list[PersonRecord]]:
    stages = [people.mentioned_in(sentence.start_char, before)] if before is not None else []
    if sentence.start > 0:
        previous = doc[sentence.start - 1].sent
        stages.append(people.mentioned_in(previous.start_char, previous.end_char))
    stages.append(people.mentioned_in(sentence.start_char, sentence.end_char))
    # News style: "he said" refers to the last person named before it.
    stages.append(people.mentioned_in(max(0, sentence.start_char - PRONOUN_REACH), sentence.start_char))
    return stages


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
