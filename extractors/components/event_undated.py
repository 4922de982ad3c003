"""The news event of an undated article's lede.

"Malaysia has reopened its Malaysia My Second Home programme to new applicants", "Canada has
stopped taking new applications under its Start-up Visa Program": a lede reports its news in
the present perfect, with no date, because the news happened just before publication. With a
publication date that would be the article's day; without one the event is still a fact, and
the fact says its date is unknown (the note of :data:`dates.UNRESOLVED_NO_PUBDATE`) instead of
inventing one. Only the lede (the first sentence after any headline), only a trigger verb in
the present perfect, and only when nothing in the verb's clause is a date.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from extractors.components.common import text_of
from extractors.components.date_spans import date_spans
from extractors.components.event_holders import held_by_one
from extractors.components.event_modality import unrealised
from extractors.components.event_programmes import event_programme
from extractors.components.event_triggers import as_verb_trigger
from extractors.components.event_verbs import negated
from extractors.components.programme_country import first_line_headline
from extractors.dates import UNRESOLVED_NO_PUBDATE
from extractors.models import EventFact


def undated_lede_events(doc: Doc, found: list[EventFact]) -> list[EventFact]:
    """The present-perfect events of the lede of an article with no publication date."""
    lede = _lede(doc)
    if lede is None:
        return []
    dated = {t.i for s in date_spans(doc) for t in s}
    out: list[EventFact] = []
    for verb in lede:
        if not _present_perfect(verb) or negated(verb) or unrealised(verb):
            continue
        trigger = as_verb_trigger(verb)
        if trigger is None or any(t.i in dated for t in verb.subtree):
            continue
        programme = event_programme(doc, trigger, lede)
        if programme is None or held_by_one(programme):
            continue
        if any(f.programme == programme.kb_id_ and lede.start_char <= f.start < lede.end_char
               for f in [*found, *out]):
            continue
        out.append(EventFact(
            sentence=lede.text.strip(), start=verb.idx, end=verb.idx + len(verb),
            programme=programme.kb_id_, event_type=trigger.event_type, date=None, precision=None,
            description=f"{verb.text} ({UNRESOLVED_NO_PUBDATE.note})",
        ))
    return out


def _lede(doc: Doc) -> Span | None:
    headline = first_line_headline(text_of(doc))
    start = headline[0] + 1 if headline else 0
    # the parse may end the headline's sentence on its line break: the lede starts after it
    return next((s for s in doc.sents
                 if s.text.strip() and s.start_char + len(s.text) - len(s.text.lstrip()) >= start), None)


def _present_perfect(verb: Token) -> bool:
    """'has reopened', 'have stopped taking'."""
    return verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lemma_.lower() == "have" and c.tag_ in {"VBZ", "VBP"} for c in verb.children)
