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

This module finds the quoted passages and puts the readers together: a
direct quote's cue (:mod:`~extractors.components.quote_attribution`) or its
context (:mod:`~extractors.components.quote_context`), indirect quotes
(:mod:`~extractors.components.indirect_quotes`, over
:mod:`~extractors.components.reported_clauses`) and statements attributed
by their shape (:mod:`~extractors.components.attributed_statements`).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from extractors.components.attributed_statements import according_to, final_attribution, transcript
from extractors.components.common import facts_of, sentence_of, text_of
from extractors.components.indirect_quotes import indirect_quote
from extractors.components.person_index import people_of
from extractors.components.quote_attribution import NAMING_CUES, cue_after, cue_before, speaker_of
from extractors.components.quote_context import (
    carried_over,
    continuation,
    introduced,
    named_next,
    next_paragraph,
    opening_paragraphs,
)
from extractors.components.quote_cues import (
    CUE,
    MAX_ATTRIBUTION_WORDS,
    MIN_QUOTE_WORDS,
    MIN_SHORT_QUOTE_WORDS,
)
from extractors.components.speakers import (
    Source,
    Speakers,
)
from extractors.models import QuoteFact

# Curly marks, straight marks, or (sloppy copy) one of each.
_QUOTE = re.compile(r"“(?P<a>[^“”\n]+)”|\"(?P<b>[^\"\n]+)\"|[“\"](?P<c>[^“”\"\n]+)[”\"]")


# Single marks, for articles that quote with nothing else: an apostrophe
# between letters ("don't", "Georgia's") stays inside.
_SINGLE = re.compile(
    r"(?<![\w'’])['‘](?P<a>(?=\S)(?:[^'‘’\n]|(?<=\w)['’](?=\w))+?(?<=\S))['’](?![\w'’])"
)


# Parts of speech before a quoted phrase that make it a name ("the “Starts
# with one” campaign", "South Dakota’s viral “Meth. We’re on it.” campaign").
_NAMING_POS = frozenset({"DET", "ADJ", "PART"})


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
        direct += opening_paragraphs(doc, direct)
        ranges = [(f.start - 1, f.end + 1) for f in direct]
        # Only a verb is a speech cue (indirect_quote's first test): the other tokens are not tried.
        verbs = (token for token in doc if token.pos_ == "VERB")
        indirect = [f for token in verbs if (f := indirect_quote(doc, token, speakers, ranges)) is not None]
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
        attribution = cue_after(doc, match) or cue_before(doc, match)
        source: Source
        cue: str | None
        if attribution is not None:
            source, cue = speaker_of(doc, attribution, speakers, match), attribution.cue
            if source == (None, None) and re.fullmatch(NAMING_CUES, cue):
                return None  # "a bill critics called “...”": a name the speaker gave needs a speaker
        else:
            found = (continuation(text_of(doc), match, earlier) or named_next(doc, match, speakers.people)
                     or introduced(doc, match, speakers) or carried_over(doc, match, speakers, earlier)
                     or next_paragraph(doc, match, speakers, earlier))
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
        attribution = cue_after(doc, match)
        if len(words.split()) < MIN_SHORT_QUOTE_WORDS or not words.endswith((",", "?", "!")) \
                or attribution is None or not _opens_utterance(text_of(doc), match):
            return None
        source = speaker_of(doc, attribution, speakers, match)
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


def _second_half(doc: Doc, match: re.Match[str], words: str, earlier: list[QuoteFact]) -> QuoteFact | None:
    """'“Companies will pay once,” Lutnick said, “not every year.”': the words
    after a cue that splits one quotation are that quotation, however short."""
    if not earlier or len(words.split()) < MIN_SHORT_QUOTE_WORDS:
        return None
    last = earlier[-1]
    between = text_of(doc)[last.end + 1 : match.start()]
    if "\n" in between or not between.rstrip().endswith(",") or not CUE.search(between) \
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
    # The quote's words end before the punctuation inside its marks ('would
    # “hand ... Australia,” and urged'): the indirect clause may stop there.
    return [d for d in direct if not any(
        i.start <= d.start - 1 and d.start + len(d.text.rstrip(".,!?")) <= i.end for i in indirect)]


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


@Language.factory(
    "newsfacts_quotes",
    requires=["doc._.nf_people", "token.dep", "token.lemma"],
    assigns=["doc._.nf_facts"],
)
def make_quote_finder(nlp: Language, name: str) -> QuoteFinder:
    """Factory for the quotes component; place it after ``newsfacts_people``."""
    return QuoteFinder()
