"""Quotes and who said them.

Direct quotes are the words between quotation marks with a speech cue next to
them ("..., said Feller" / "Feller said: ..."); a quoted phrase with no cue
("vague “age, educational background” requirements") is not a quote. The
speaker phrase is resolved against the article's people: a surname or a
possessive ("Sichuan University's Das") becomes the full name, a pronoun the
person the sentences before were about (:mod:`extractors.components.speakers`)
— or nobody, when that is an unnamed source or the source declined to be
named. Indirect quotes come from the parse: a person subject of a cue verb
with a clausal complement ("Barbara Kelemen ... commented that ...").
Articles that quote with single marks only ('...,' she said) are read with
those.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from extractors.components.common import SPEECH_LEMMAS, facts_of, sentence_of, text_of
from extractors.components.people import PeopleIndex, people_of
from extractors.components.speakers import (
    PRONOUNS,
    UNNAMED,
    Source,
    Speakers,
    is_group,
    organisation,
    words_of,
)
from extractors.models import QuoteFact

CUE_WORDS = (
    "said|says|say|told|tells|added|adds|noted|notes|explained|explains|asked|asks|wrote|writes"
    "|argued|argues|warned|warns|stated|insisted|recalled|continued|commented|observed"
    "|remarked|stressed|emphasised|emphasized|acknowledged|conceded|predicted|replied|declared"
    "|countered|counters|cautioned|admitted|posted|tweeted|wondered"
    "|recounted|recounts|testified|testifies|shouted|yelled|complained|complains|joked|jokes"
    "|quipped|boasted|reiterated|reported|saying|weighed in|quoted as saying|confirmed|confirms"
)
_CUE = re.compile(rf"\b(?:{CUE_WORDS})\b")
_ACCORDING_AFTER = re.compile(r"[^\S\n]*according to\b")
# '“...,” read a statement from the ministry' / '“...,” the statement read'.
_READ = re.compile(r"\bread\b(?= (?:a|the|its|their) (?:\w+ )?(?:statement|notice|letter|message|post))"
                   r"|(?<=statement )read\b")
# "Quoted" text must look like speech: at least this many words. Shorter
# quoted strings in news are titles, scare quotes or coined terms.
MIN_QUOTE_WORDS = 4
# ... unless it is a whole utterance with its cue after it ("“They always
# do,” Shah said."): then two words are speech.
MIN_SHORT_QUOTE_WORDS = 2
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
# Curly marks, straight marks, or (sloppy copy) one of each.
_QUOTE = re.compile(r"“(?P<a>[^“”\n]+)”|\"(?P<b>[^\"\n]+)\"|[“\"](?P<c>[^“”\"\n]+)[”\"]")
# Single marks, for articles that quote with nothing else: an apostrophe
# between letters ("don't", "Georgia's") stays inside.
_SINGLE = re.compile(
    r"(?<![\w'’])['‘](?P<a>(?=\S)(?:[^'‘’\n]|(?<=\w)['’](?=\w))+?(?<=\S))['’](?![\w'’])"
)
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
# What the sentence after a cue-less quote says when it names the speaker:
# "That was how X described ...", "The warning came from X", "Those were the
# words of X".
NAMED_NEXT_CUES = "described|put it|came from|words of|view of|verdict of|assessment of|so said|so says"
# ... and the opening of the paragraph after a quoted paragraph that does.
_NAMED_NEXT_PARAGRAPH = (rf"^(?:That|This|Those|These|Such) (?:was|were|is|are) (?:how|the)\b.*"
                         rf"\b(?P<cue>{NAMED_NEXT_CUES})\b|^So (?P<so>said|says)\b")
_ACCORDING = re.compile(
    r"^(?P<clause>[^“”\"]{20,}?),? according to (?P<who>[^,.;]+)[.,;]"
    r"|^According to (?P<who2>[^,;]+), (?P<clause2>[^“”\"]{20,}?)[.!]?$"
)
INDIRECT_LEMMAS = SPEECH_LEMMAS
# Cue verbs that with a direct object mean something else ("added five
# categories", "posted a loss"); "told reporters" keeps its object.
OBJECT_SENSE_LEMMAS = frozenset({"add", "post"})
# Parts of speech before a quoted phrase that make it a name ("the “Starts
# with one” campaign", "South Dakota’s viral “Meth. We’re on it.” campaign").
_NAMING_POS = frozenset({"DET", "ADJ", "PART"})


@dataclass(frozen=True)
class Attribution:
    """Who a quote is attributed to, as written, and the cue verb.

    ``phrase`` runs from ``start`` (a character offset) and holds the cue,
    which starts at ``cue_start``."""

    phrase: str
    cue: str
    start: int
    cue_start: int


class QuoteFinder:
    """Emits direct and indirect quotes with resolved speakers."""

    def __call__(self, doc: Doc) -> Doc:
        people = people_of(doc)
        speakers = Speakers.of(doc, people)
        direct: list[QuoteFact] = []
        for match in _quote_marks(text_of(doc)):
            fact = self._direct(doc, match, speakers, direct)
            if fact is not None:
                direct.append(fact)
        direct += _opening_paragraphs(doc, direct)
        ranges = [(f.start - 1, f.end + 1) for f in direct]
        # Only a verb is a speech cue (_indirect's first test): the other tokens are not tried.
        verbs = (token for token in doc if token.pos_ == "VERB")
        indirect = [f for token in verbs if (f := self._indirect(doc, token, speakers, ranges)) is not None]
        indirect += according_to(doc, people, ranges)
        indirect += final_attribution(doc, speakers, ranges, indirect)
        indirect += transcript(doc, people, ranges)
        text = text_of(doc)
        found = [*_outside_indirect(direct, indirect), *indirect]
        found = [f for f in found if not _in_heading(text, f.start)]
        facts_of(doc).extend(found)
        return doc

    def _direct(
        self, doc: Doc, match: re.Match[str], speakers: Speakers, earlier: list[QuoteFact]
    ) -> QuoteFact | None:
        words = _body(match).strip()
        if len(words.split()) < MIN_QUOTE_WORDS:
            return self._short(doc, match, words, speakers) or _second_half(doc, match, words, earlier)
        if _names_a_thing(doc, match):
            return None
        attribution = _after(doc, match) or _before(doc, match)
        source: Source
        cue: str | None
        if attribution is not None:
            source, cue = _speaker(doc, attribution, speakers, match), attribution.cue
        else:
            found = (_continuation(text_of(doc), match, earlier) or _named_next(doc, match, speakers.people)
                     or _introduced(doc, match, speakers) or _carried_over(doc, match, speakers, earlier)
                     or _next_paragraph(doc, match, speakers, earlier))
            if found is None:
                return None
            source, cue = (found[0], None), found[1]
        return QuoteFact(
            sentence=sentence_of(doc, match.start(), match.end()).text.strip(),
            start=match.start() + 1,
            end=match.end() - 1,
            text=words.rstrip(","),
            speaker=source[0],
            speaker_org=source[1],
            direct=True,
            cue=cue,
        )

    def _short(self, doc: Doc, match: re.Match[str], words: str, speakers: Speakers) -> QuoteFact | None:
        """'“They always do,” Shah said.': a short quote is speech only as a
        whole utterance closed inside the marks and followed by its cue; a
        scare quote or a coined term never is."""
        attribution = _after(doc, match)
        if len(words.split()) < MIN_SHORT_QUOTE_WORDS or not words.endswith((",", "?", "!")) \
                or attribution is None or not _opens_utterance(text_of(doc), match):
            return None
        source = _speaker(doc, attribution, speakers, match)
        return QuoteFact(
            sentence=sentence_of(doc, match.start(), match.end()).text.strip(),
            start=match.start() + 1,
            end=match.end() - 1,
            text=words.rstrip(","),
            speaker=source[0],
            speaker_org=source[1],
            direct=True,
            cue=attribution.cue,
        )

    def _indirect(
        self, doc: Doc, verb: Token, speakers: Speakers, direct: list[tuple[int, int]]
    ) -> QuoteFact | None:
        if verb.lemma_ == "call" and verb.pos_ == "VERB":
            return _called_for(verb, speakers, direct)
        if verb.lemma_ not in INDIRECT_LEMMAS or verb.pos_ != "VERB":
            return None
        if any(c.dep_ == "neg" for c in verb.children):  # "did not say how many"
            return None
        if verb.lemma_ in OBJECT_SENSE_LEMMAS and any(c.dep_ == "dobj" for c in verb.children):
            return None  # "the authority added five categories": no speech
        outer = coordinated_cue(verb)
        if outer is None and _reported_within(verb):
            return None
        own = [c for c in verb.children if c.dep_ == "nsubj"]
        # The subject before the cue: the parser may read the report after it
        # as a second subject ("said the bigger problem ... was processing times").
        own = [c for c in own if c.i < verb.i] or own
        shared = [] if outer is None else [c for c in outer.children if c.dep_ == "nsubj" and c.i < outer.i]
        subjects = own or shared or _misparsed_subject(verb) or _shared_subject(verb, speakers)
        clause = _reported_clause(verb, bool(subjects) and subjects[-1].i < verb.i and not any(
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
        clause = _without_mark(clause)
        if len(clause) < MIN_INDIRECT_TOKENS:
            return None
        return QuoteFact(
            sentence=verb.sent.text.strip(),
            start=clause.start_char,
            end=clause.end_char,
            text=_without_cue(clause, verb).rstrip(" ,."),
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
    # with the speech.
    if verb.dep_ != "conj" and not (verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.lemma_ in
                                    INDIRECT_LEMMAS and verb.head.i < verb.i):
        return []
    subject = speakers.subject_of(verb)
    return [subject] if subject is not None and subject.i < verb.i else []


def _second_half(doc: Doc, match: re.Match[str], words: str, earlier: list[QuoteFact]) -> QuoteFact | None:
    """'“Companies will pay once,” Lutnick said, “not every year.”': the words
    after a cue that splits one quotation are that quotation, however short."""
    if not earlier or len(words.split()) < MIN_SHORT_QUOTE_WORDS:
        return None
    last = earlier[-1]
    between = text_of(doc)[last.end + 1 : match.start()]
    if "\n" in between or not between.rstrip().endswith(",") or not _CUE.search(between) \
            or len(between.split()) > MAX_ATTRIBUTION_WORDS:
        return None
    return QuoteFact(sentence=last.sentence, start=match.start() + 1, end=match.end() - 1, text=words,
                     speaker=last.speaker, speaker_org=last.speaker_org, direct=True, cue=last.cue)


def _opens_utterance(text: str, match: re.Match[str]) -> bool:
    """The quote starts its sentence: 'The O-1 is for people with
    “extraordinary ability,” a bar that lawyers say ...' quotes a phrase
    inside another sentence, not an utterance."""
    head = text[text.rfind("\n", 0, match.start()) + 1 : match.start()].rstrip()
    return not head or head.endswith((".", "!", "?", ":", "”", '"'))


def _body(match: re.Match[str]) -> str:
    """The words between the marks, whichever alternative matched."""
    return next(g for g in match.groups() if g is not None)


def _outside_indirect(direct: list[QuoteFact], indirect: list[QuoteFact]) -> list[QuoteFact]:
    """'Prasad said the president’s “mercurial temperament” had complicated
    ...': a partial quote inside a speaker's indirect quote is that one quote."""
    return [d for d in direct if not any(
        i.start <= d.start - 1 and d.end - len(d.text) + len(d.text.rstrip(".,!?")) <= i.end
        for i in indirect)]


# Headlines and standfirsts end without a full stop; what they claim someone
# said is the article's summary, not a quote (the body quotes it).
MAX_HEADING_CHARS = 250


def _in_heading(text: str, at: int) -> bool:
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = text[start : end if end >= 0 else len(text)].strip()
    return len(line) <= MAX_HEADING_CHARS and line[-1:].isalnum()


def _quote_marks(text: str) -> list[re.Match[str]]:
    """The quoted passages: in double marks, or in single marks when the
    article quotes no speech in double marks."""
    double = list(_QUOTE.finditer(text))
    if any(len(_body(m).split()) >= MIN_QUOTE_WORDS for m in double):
        return double
    return double + list(_SINGLE.finditer(text))


def _names_a_thing(doc: Doc, match: re.Match[str]) -> bool:
    """'the “Starts with one” campaign': quoted words between a determiner or
    adjective and the noun they name are a title, not speech."""
    span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
    if span is None or span.start == 0 or span.end >= len(doc):
        return False
    left, right = doc[span.start - 1], doc[span.end]
    return left.pos_ in _NAMING_POS and right.pos_ == "NOUN" and right.text.islower()


def _reported_within(verb: Token) -> bool:
    """'he said the call made him realize Giuliani still believed Ukraine
    needed ...': a cue inside another cue's reported clause reports nothing
    of its own."""
    child = verb
    for ancestor in verb.ancestors:
        if ancestor.lemma_ in INDIRECT_LEMMAS and child.dep_ == "ccomp" and ancestor.i < verb.i:
            return True
        child = ancestor
    return False


def _inside_marks(doc: Doc, clause: Span, quote_end: int) -> bool:
    """The clause stops inside a quotation, before its last words: 'said the
    K visa was "a signal, not a system."' ends at the full stop within the
    marks, which is the end of the quotation too."""
    return bool(text_of(doc)[clause.end_char : quote_end - 1].strip(" .,;!?\"”’"))


def _misparsed_subject(verb: Token) -> list[Token]:
    """'R.K. Sharma, co-founder of the payments startup Ledgerwise, said ...':
    the parser may read "startup" as a verb with the speaker as its subject."""
    return [s for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i
            for s in c.children if s.dep_ == "nsubj" and s.ent_type_ == "PERSON" and s.i < c.i
            and "," in {verb.doc[c.right_edge.i].text, verb.doc[c.right_edge.i + 1].text}]


def _reported_clause(verb: Token, subject_before: bool = False) -> Span | None:
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
        span = doc[max(before[0].left_edge.i, _story_start(doc, verb.sent)) : before[0].right_edge.i + 1]
        if "“" not in span.text and '"' not in span.text:
            return span
    if after:
        # 'added that nurses recruited from ... often waited months': the parser
        # may split one report into two clauses; the report runs over both.
        end = max(c.right_edge.i for c in after)
        return doc[_clause_start(verb, after[0]) : _before_coordinated_cue(verb, after, end) + 1]
    return _interrupted(verb) or _split_after_cue(verb) or _subject_read_as_clause(verb)


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
        finite = [t for t in child.subtree if t.pos_ in {"VERB", "AUX"} and t.tag_ in _FINITE | {"MD"}
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


def _without_cue(clause: Span, verb: Token) -> str:
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
    ministry said, would rise': one set off inside it."""
    doc = verb.doc
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    if verb.dep_ != "parataxis" or not subjects:
        return None
    if verb.head.i > verb.i:
        return _set_inside(verb, subjects[-1])
    comma = subjects[-1].left_edge.i - 1
    first = verb.sent.start
    if comma <= first or doc[comma].text != "," or not _opens_sentence(doc[first]):
        return None
    span = doc[first:comma]
    if "“" in span.text or '"' in span.text or not any(t.pos_ in {"VERB", "AUX"} for t in span):
        return None
    return span


def _set_inside(verb: Token, subject: Token) -> Span | None:
    """The sentence a cue stands inside between commas, when the words on
    either side make a statement (a subject before, a verb after)."""
    doc, sent = verb.doc, verb.sent
    left, right = subject.left_edge.i - 1, _closing_comma(verb)
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
    """Only a comma (and the subject) stand between the clause and its cue."""
    between = verb.doc[clause.right_edge.i + 1 : verb.i]
    return len(between) > 0 and between[0].text == "," and all(
        t.dep_ in {"nsubj", "compound", "punct", "det", "amod", "poss", "case", "aux"} for t in between)


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


def _speaker_after(doc: Doc, verb: Token, people: PeopleIndex) -> Source | None:
    """'..., said Nikhil Varma, co-founder of ...': the parser may miss the
    subject after the verb; a person named right after it is the speaker."""
    tail = doc[verb.i + 1 : min(verb.i + 4, verb.sent.end)]
    if not len(tail):
        return None
    named = people.mentioned_in(tail.start_char, tail.end_char)
    return (named[0].name, None) if named else None


Found = tuple[str | None, str | None]
"""(speaker, cue) of a quote attributed by its context."""


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


def _next_paragraph(doc: Doc, match: re.Match[str], speakers: Speakers,
                    earlier: list[QuoteFact]) -> Found | None:
    """'“...,” Bush said.¶“Because ultimately ...”': a paragraph that is a
    quote and nothing else, after a paragraph that ends with a speaker's
    quote or statement ("Erekat said it was ..."), goes on with that speaker."""
    text = text_of(doc)
    line_start = text.rfind("\n", 0, match.start()) + 1
    line_end = text.find("\n", match.end())
    rest = text[match.end() : line_end if line_end >= 0 else len(text)]
    if line_start == 0 or text[line_start : match.start()].strip():
        return None
    if rest.strip() and rest.lstrip()[:1] not in "“\"":
        return None
    previous_start = text.rfind("\n", 0, line_start - 1) + 1
    previous = text[previous_start : line_start - 1].rstrip()
    for _ in range(2):
        # '“...,” she said.¶“Someone would have heard ... (left open)¶“Have it
        # in your heart ...”': a paragraph inside the open quotation is hers too.
        if not (previous.startswith(("“", '"')) and "”" not in previous and previous.count('"') < 2) \
                or previous_start == 0:
            break
        line_start = previous_start
        previous_start = text.rfind("\n", 0, line_start - 1) + 1
        previous = text[previous_start : line_start - 1].rstrip()
    if not previous.endswith((".", "!", "?", "”", '"')):
        return None
    quoted = [f for f in earlier if previous_start <= f.start < line_start]
    tail = text[quoted[-1].end + 1 : line_start - 1] if quoted else ""
    if quoted and len(tail.split()) <= MAX_ATTRIBUTION_WORDS:
        last = quoted[-1]
        return (last.speaker, last.cue) if last.speaker else None
    last_sentence = doc.char_span(line_start - 2, line_start - 1, alignment_mode="expand")
    if last_sentence is None:
        return None
    sentence = last_sentence.sent
    if speakers.inside_quote(sentence.start_char) or "“" in sentence.text or '"' in sentence.text:
        return None
    verbs = [t for t in sentence if t.lemma_ in SPEECH_LEMMAS and t.pos_ == "VERB" and t.dep_ == "ROOT"]
    if not verbs:
        # 'Ana Silva, a baker in Porto, is not convinced.¶“I will believe it
        # when I see it.”': the paragraph before is about its subject, a person.
        return _introduced_at(doc, line_start - 2, speakers)
    source = speakers.of_verb(verbs[0])
    return (source[0], verbs[0].text) if source is not None and source[0] else None


def _named_next(doc: Doc, match: re.Match[str], people: PeopleIndex) -> Found | None:
    """'“...” That was how Bikram Thapa described the mood.': the speaker is
    named, with a speech verb, in the sentence right after the quote."""
    text = text_of(doc)
    if not match.group(0)[:-1].rstrip().endswith((".", "!", "?")):
        return None  # '“...,” the report found, and X said': the sentence goes on
    line_end = text.find("\n", match.end())
    rest = text[match.end() : line_end if line_end >= 0 else len(text)]
    cues = rf"\b(?:{CUE_WORDS}|{NAMED_NEXT_CUES})\b"
    start = match.end()
    if not rest.strip() and line_end >= 0 and not text[text.rfind("\n", 0, match.start()) + 1 :
                                                         match.start()].strip():
        # '“...”¶That was the view of Samuel Osei, ...': a quoted paragraph and
        # the next one's opening sentence, which names the speaker.
        start = line_end + 1
        next_end = text.find("\n", start)
        rest = text[start : next_end if next_end >= 0 else len(text)]
        cues = _NAMED_NEXT_PARAGRAPH
    sentence = re.split(r"(?<=[.!?])\s", rest.strip(), maxsplit=1)[0]
    cue = re.search(cues, sentence)
    if cue is None:
        return None
    named = people.mentioned_in(start, start + len(sentence) + 1)
    found = cue.groupdict()
    return (named[0].name, found.get("cue") or found.get("so") or cue.group(0)) if named else None


def _introduced(doc: Doc, match: re.Match[str], speakers: Speakers) -> Found | None:
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
    fronted = _fronted_for(before, speakers.people)
    if fronted is not None:
        return fronted, None
    subjects = [t for t in before if t.dep_ in {"nsubj", "nsubjpass"}
                and t.head.pos_ in {"VERB", "AUX"} and t.head.i < last.end]
    if not subjects:
        return None
    found = speakers.of_subject(subjects[-1].head, subjects[-1])
    return (found[0], None) if found is not None and (found[0] or found[1]) else None


def _introduced_at(doc: Doc, head_end: int, speakers: Speakers) -> Found | None:
    """'Ruth Adler, a lawyer in Toronto, was blunt. “... (left open)¶“...”':
    the sentence before a quotation that runs over paragraphs introduces it
    when its subject is a person."""
    last = doc.char_span(head_end, head_end + 1, alignment_mode="expand")
    if last is None:
        return None
    before = doc[last.sent.start : last.end]
    subjects = [t for t in before if t.dep_ in {"nsubj", "nsubjpass"} and t.head.dep_ == "ROOT"
                and t.head.pos_ in {"VERB", "AUX"}]
    if not subjects:
        return None
    found = speakers.of_subject(subjects[-1].head, subjects[-1])
    return (found[0], None) if found is not None and found[0] else None


def _fronted_for(sentence: Span, people: PeopleIndex) -> str | None:
    """'For Lopez, the answer is simple: “...”': the person a sentence opens
    with ("For X, ...") introduces X's own words."""
    first = next((t for t in sentence if not t.is_space and t.text not in {"“", '"'}), None)
    if first is None or first.lower_ != "for":
        return None
    comma = next((t for t in sentence if t.text == "," and t.i > first.i), None)
    if comma is None or comma.i - first.i > 4:
        return None
    named = people.mentioned_in(first.idx, comma.idx)
    return named[0].name if named else None


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


def _carried_over(doc: Doc, match: re.Match[str], speakers: Speakers,
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
        opened = _open_straight_mark(text[previous_start:line_start])
        if opened < 0:
            return None
        opened += previous_start
    before = [f for f in earlier if previous_start <= f.start < opened]
    if before:
        return before[-1].speaker, before[-1].cue
    head = text[previous_start:opened]
    if not head.strip() and previous_start > 0:
        # 'He put it plainly:¶“The fee changed the maths. ...¶“We send them ...”':
        # the quotation opens its own paragraph; the paragraph before it,
        # ending in a colon, introduces it.
        intro = text[: previous_start - 1].rstrip()
        return (_introduced_at(doc, len(intro) - 1, speakers) or _colon_cue(doc, intro, speakers, match)) \
            if intro.endswith(":") else None
    cues = list(_CUE.finditer(head))
    if not cues and head.rstrip().endswith((".", ":")):
        return _introduced_at(doc, previous_start + len(head.rstrip()) - 1, speakers)
    if not cues or not re.search(r"[:,]\s*$", head) or head[cues[-1].end():].strip(" :,"):
        return None
    attribution = Attribution(head[: cues[-1].end()], cues[-1].group(0), previous_start,
                              previous_start + cues[-1].start())
    return _speaker(doc, attribution, speakers, match)[0], attribution.cue


def _colon_cue(doc: Doc, intro: str, speakers: Speakers, match: re.Match[str]) -> Found | None:
    """'Kapoor said:' closing the text before a quotation: its speaker."""
    line_start = intro.rfind("\n") + 1
    paragraph = intro[line_start:]
    cues = list(_CUE.finditer(paragraph))
    if not cues or paragraph[cues[-1].end():].strip() != ":":
        return None
    attribution = Attribution(paragraph[: cues[-1].end()], cues[-1].group(0), line_start,
                              line_start + cues[-1].start())
    return _speaker(doc, attribution, speakers, match)[0], attribution.cue


def _open_straight_mark(paragraph: str) -> int:
    """Where a paragraph leaves a straight-marked quotation open (an odd
    number of marks: the last opens), or -1."""
    marks = [i for i, c in enumerate(paragraph) if c == '"']
    return marks[-1] if len(marks) % 2 == 1 else -1


def _opening_paragraphs(doc: Doc, direct: list[QuoteFact]) -> list[QuoteFact]:
    """A quote that runs over paragraphs opens each with “ (or ") and closes
    only the last: the open paragraphs take the speaker of the quote that
    follows."""
    text = text_of(doc)
    found = []
    for opened, newline in _open_paragraph_ends(text):
        words = text[opened + 1 : newline].strip()
        following = next((f for f in direct if f.start == newline + 2), None)
        if following is None or len(words.split()) < MIN_QUOTE_WORDS:
            continue
        found.append(replace(following, start=opened + 1, end=newline, text=words, sentence=words))
    return found


def _open_paragraph_ends(text: str) -> list[tuple[int, int]]:
    """(where the mark opens, where the paragraph ends) of each paragraph left
    inside an open quotation whose next paragraph opens with a mark."""
    found = []
    start = 0
    while (newline := text.find("\n", start)) >= 0:
        line = text[start:newline]
        following = text[newline + 1 : newline + 2]
        curly = line.rfind("“")
        if following == "“" and curly >= 0 and line.rfind("”") < curly:
            found.append((start + curly, newline))
        elif following == '"' and (straight := _open_straight_mark(line)) >= 0:
            found.append((start + straight, newline))
        start = newline + 1
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


# A dateline before a story's first sentence: "OTTAWA, March 5 (Harbour Wire) - ",
# "MUMBAI/NEW YORK, Sept 30 (Reuters) - ", "WELLINGTON — ".
_DATELINE = re.compile(r"[A-Z][A-Z.'’/ -]*[A-Z.](?:,[^\n—–]{1,40}?)?\s*(?:-|—|–)\s+")
_FINITE = frozenset({"VBD", "VBZ", "VBP"})


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
        verbs = [t for t in sent if t.lemma_ in INDIRECT_LEMMAS and t.tag_ in _FINITE and t.pos_ == "VERB"]
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
            or not _subject_only(doc, comma.idx + 1, verb.idx, near=0):
        return None
    subject = _phrase_head(doc[comma.i + 1 : verb.i])
    clause = doc[_story_start(doc, sent) : comma.i]
    if subject is None or len(clause) < MIN_INDIRECT_TOKENS or any(m in clause.text for m in "“”\"") \
            or not any(t.pos_ in {"VERB", "AUX"} and t.tag_ in _FINITE | {"MD"} for t in clause):
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


def _story_start(doc: Doc, sent: Span) -> int:
    """The sentence's first token, or the first after the dateline that opens
    its paragraph (the parser may start the sentence inside the dateline)."""
    text = text_of(doc)
    line_start = text.rfind("\n", 0, sent.start_char) + 1
    dateline = _DATELINE.match(text, line_start)
    if dateline is None or not sent.start_char <= dateline.end() < sent.end_char:
        return sent.start
    span = doc.char_span(dateline.end(), dateline.end() + 1, alignment_mode="expand")
    return span.start if span is not None else sent.start


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
            t.pos_ in {"VERB", "AUX"} and not _in_relative(t) for t in span)):
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


def _after(doc: Doc, match: re.Match[str]) -> Attribution | None:
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
    cue = _CUE.search(segment) or _ACCORDING_AFTER.match(segment) or _READ.search(segment)
    base = clause.start("clause")
    if cue is None:
        # '“...,” Lopez, 52, said': the cue after an age or an appositive.
        cue = _CUE.search(clause["clause"])
        if cue is None or not _subject_only(doc, base, base + cue.start(), near=0):
            return None
        return Attribution(clause["clause"][: cue.end()], cue.group(0), base, base + cue.start())
    if not _subject_only(doc, base, base + cue.start()):
        return None
    return Attribution(segment, cue.group(0).strip(), base, base + cue.start() + len(cue.group(0)) -
                       len(cue.group(0).lstrip()))


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


# 'X told the Intelligence Committee, “...”': a cue, up to five words (whom
# it was said to, when) and a comma or colon before the quote.
_CUE_BEFORE = re.compile(rf"\b(?:{CUE_WORDS})\b(?:\s+[\w’'.-]+){{0,5}}?\s*[:,]?\s*$")


def _before(doc: Doc, match: re.Match[str]) -> Attribution | None:
    """'X said: “...”' / 'X said, “...”' / 'X told reporters, “...”' — the cue
    right before the quote; 'X said the plan would “...”' — a partial quote a
    few words after it; 'X said:' closing the paragraph before a quoted
    paragraph."""
    text = text_of(doc)
    line_start = text.rfind("\n", 0, match.start()) + 1
    head = text[line_start : match.start()]
    if not head.strip() and line_start > 0:
        previous_start = text.rfind("\n", 0, line_start - 1) + 1
        previous = text[previous_start : line_start - 1]
        if re.search(rf"\b(?:{CUE_WORDS})\b\s*:\s*$", previous):
            cue = list(_CUE.finditer(previous))[-1]
            return Attribution(previous, cue.group(0), previous_start, previous_start + cue.start())
        return None
    clause = re.split(r"[.!?;”\"]\s", head)[-1]
    offset = line_start + len(head) - len(clause)
    told = _CUE_BEFORE.search(clause)
    right_after = re.search(rf"\b(?:{CUE_WORDS})\b\s*[:,]?\s*$", clause)
    if not (((told and re.search(r"[:,]\s*$", clause)) or right_after)
            or _PARTIAL.search(clause)):
        return None
    cue = list(_CUE.finditer(clause))[-1]
    return Attribution(clause[: cue.end()], cue.group(0), offset, offset + cue.start())


# Where the subject after a cue ends ("said Hill at a news conference").
_FUNCTION_WORD = re.compile(r"\b(?:at|in|on|during|after|before|with|to|from|about|of)\b")


def _speaker(doc: Doc, attribution: Attribution, speakers: Speakers, match: re.Match[str]) -> Source:
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
