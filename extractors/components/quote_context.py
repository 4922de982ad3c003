"""Direct quotes with no cue of their own, attributed by their context.

A quote that goes on after its speaker's quote, one in the paragraph after a
speaker's statement, one whose speaker the next sentence names, one a
sentence introduces ("Chen disagreed. “...”"), and the paragraphs of a
quotation that runs over several.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span

from extractors.components.common import SPEECH_LEMMAS, text_of
from extractors.components.person_index import PeopleIndex
from extractors.components.quote_attribution import speaker_of
from extractors.components.quote_cues import (
    CUE,
    CUE_WORDS,
    MAX_ATTRIBUTION_WORDS,
    MIN_QUOTE_WORDS,
    Attribution,
    Found,
)
from extractors.components.speakers import (
    Speakers,
)
from extractors.models import QuoteFact

# What the sentence after a cue-less quote says when it names the speaker:
# "That was how X described ...", "The warning came from X", "Those were the
# words of X".
NAMED_NEXT_CUES = ("described|describes|put it|puts it|came from|comes from|words of|view of|verdict of"
                   "|assessment of|so said|so says")


# ... and the opening of the paragraph after a quoted paragraph that does.
_NAMED_NEXT_PARAGRAPH = (rf"^(?:That|This|Those|These|Such) (?:was|were|is|are) (?:how|the)\b.*"
                         rf"\b(?P<cue>{NAMED_NEXT_CUES})\b|^So (?P<so>said|says)\b")


def continuation(text: str, match: re.Match[str], earlier: list[QuoteFact]) -> Found | None:
    """'“...,” Menon said. “If the U.S. closes one ...”': a quote with no cue
    right after a quote in the same paragraph continues that speaker."""
    if not earlier:
        return None
    last = earlier[-1]
    between = text[last.end + 1 : match.start()]
    # Between them only the attribution of the first ("Menon said.") fits.
    if "\n" in between or last.end > match.start():
        return None
    if re.search(r"\b(?:the|a|an)\s*$", between, re.I):
        return None  # '“...,” she said. The law, called the “...”': an article makes it a name
    if len(between.split()) > MAX_ATTRIBUTION_WORDS and not CUE.search(between):
        return None
    return last.speaker, last.cue


def next_paragraph(doc: Doc, match: re.Match[str], speakers: Speakers,
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


def named_next(doc: Doc, match: re.Match[str], people: PeopleIndex) -> Found | None:
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


def introduced(doc: Doc, match: re.Match[str], speakers: Speakers) -> Found | None:
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


def carried_over(doc: Doc, match: re.Match[str], speakers: Speakers,
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
    cues = list(CUE.finditer(head))
    if not cues and head.rstrip().endswith((".", ":")):
        return _introduced_at(doc, previous_start + len(head.rstrip()) - 1, speakers)
    if not cues or not re.search(r"[:,]\s*$", head) or head[cues[-1].end():].strip(" :,"):
        return None
    attribution = Attribution(head[: cues[-1].end()], cues[-1].group(0), previous_start,
                              previous_start + cues[-1].start())
    return speaker_of(doc, attribution, speakers, match)[0], attribution.cue


def _colon_cue(doc: Doc, intro: str, speakers: Speakers, match: re.Match[str]) -> Found | None:
    """'Kapoor said:' closing the text before a quotation: its speaker."""
    line_start = intro.rfind("\n") + 1
    paragraph = intro[line_start:]
    cues = list(CUE.finditer(paragraph))
    if not cues or paragraph[cues[-1].end():].strip() != ":":
        return None
    attribution = Attribution(paragraph[: cues[-1].end()], cues[-1].group(0), line_start,
                              line_start + cues[-1].start())
    return speaker_of(doc, attribution, speakers, match)[0], attribution.cue


def _open_straight_mark(paragraph: str) -> int:
    """Where a paragraph leaves a straight-marked quotation open (an odd
    number of marks: the last opens), or -1."""
    marks = [i for i, c in enumerate(paragraph) if c == '"']
    return marks[-1] if len(marks) % 2 == 1 else -1


def opening_paragraphs(doc: Doc, direct: list[QuoteFact]) -> list[QuoteFact]:
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
