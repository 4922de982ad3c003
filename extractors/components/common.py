"""Helpers the fact components share: doc extensions and sentence lookup."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date

from spacy.tokens import Doc, Span

from extractors.models import Fact

PROGRAMME_LABEL = "VISA_PROGRAMME"
# Lemmas of the verbs that report speech: for the indirect quotes, for finding
# who spoke last, and for telling a name that speaks from one that does not.
SPEECH_LEMMAS = frozenset(
    "say note comment observe tell add argue explain warn state claim stress insist "
    "predict acknowledge suggest emphasise emphasize contend write counter caution "
    "concede admit post tweet testify reiterate recount complain assert confirm".split()
)
PROGRAMMES_KEY = "nf_programmes"


def ensure_extensions() -> None:
    """Register the ``doc._`` attributes the components read and write."""
    if not Doc.has_extension("nf_published"):
        Doc.set_extension("nf_published", default=None)
    if not Doc.has_extension("nf_facts"):
        # A getter-free default would be one list shared by every Doc, so the
        # components create the list on first use through ``facts_of``.
        Doc.set_extension("nf_facts", default=None)
    if not Doc.has_extension("nf_people"):
        Doc.set_extension("nf_people", default=None)
    if not Doc.has_extension("nf_text"):
        Doc.set_extension("nf_text", default=None)


def text_of(doc: Doc) -> str:
    """``doc.text``, joined once per doc: spaCy rebuilds the string on every
    access, which made a 200,000-character article take minutes."""
    text: str | None = doc._.nf_text
    if text is None:
        text = doc.text
        doc._.nf_text = text
    return text


def facts_of(doc: Doc) -> list[Fact]:
    """The doc's fact list, created on first use."""
    facts: list[Fact] | None = doc._.nf_facts
    if facts is None:
        facts = []
        doc._.nf_facts = facts
    return facts


def published_of(doc: Doc) -> date | None:
    """The article's publication date set by the caller, if any."""
    value = doc._.nf_published
    return value if isinstance(value, date) else None


def sentence_of(doc: Doc, start_char: int, end_char: int) -> Span:
    """The sentence(s) covering the character range, as one span."""
    first = doc.char_span(start_char, start_char + 1, alignment_mode="expand")
    last = doc.char_span(max(end_char - 1, start_char), end_char, alignment_mode="expand")
    if first is None or last is None:
        return doc[:]
    return doc[first.sent.start : last.sent.end]


def sentence_text(doc: Doc, start_char: int, end_char: int) -> str:
    """Text of the covering sentence(s), trimmed."""
    return sentence_of(doc, start_char, end_char).text.strip()


def main_programme(doc: Doc) -> Span | None:
    """The programme the article mentions most (first mention on a tie), if any."""
    return most_mentioned(programme_spans(doc))


def first_most_common(keys: Iterable[str]) -> str | None:
    """The key given most often (the first given, on a tie), if any."""
    counts = Counter(keys)
    if not counts:
        return None
    best = max(counts.values())
    return next(key for key in counts if counts[key] == best)


def most_mentioned(spans: list[Span]) -> Span | None:
    """The first mention of the programme ``spans`` name most often (first on a tie), if any."""
    key = first_most_common(span.kb_id_ for span in spans)
    return None if key is None else next(span for span in spans if span.kb_id_ == key)


def programme_spans(doc: Doc) -> list[Span]:
    """Visa-programme mentions found by the programmes component."""
    return list(doc.spans.get(PROGRAMMES_KEY, []))


def nearest_programme(doc: Doc, start_char: int, end_char: int, window: Span) -> Span | None:
    """The programme mention inside ``window`` closest to the character range."""
    best: tuple[int, Span] | None = None
    for span in programme_spans(doc):
        if span.start < window.start or span.end > window.end:
            continue
        distance = max(span.start_char - end_char, start_char - span.end_char, 0)
        if best is None or distance < best[0]:
            best = (distance, span)
    return best[1] if best else None


def is_heading(span: Span) -> bool:
    """A short title-case line with no final punctuation: a subheading, not prose."""
    words = [t for t in span if t.is_alpha]
    if not words or len(words) > 12 or span.text.rstrip()[-1:] in ".!?”\"":
        return False
    capitalised = sum(1 for t in words if t.text[0].isupper() or t.is_stop)
    return capitalised == len(words)
