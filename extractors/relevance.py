"""The relevance gate: is an article about any watched topic? Decided before spaCy runs.

Cheap by design: regular expressions over the title and text, compiled once
per run (:func:`compile_topics`) and applied per article (:func:`relevance`).
A topic's ``programmes`` use the programme ruler's own alias patterns
(``extractors/programme_data.py``), so "H-1B", "H1B visas" and "the “K” visa"
count exactly when the ruler would mark them. Keywords match in any case as
whole words (an optional plural "s"/"es"); people, organisations and countries
are proper nouns and match as written, so "Home Office" is not "home office"
and "China" is not "china" (porcelain). Words inside an ``exclude`` phrase
never count: with ``exclude = ["visa-free"]`` "visa-free travel" is no hit for
the keyword "visa", while the same article's "work visa" still is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from extractors.models import Article
from extractors.programme_data import ProgrammePatterns, programme_patterns
from sources.errors import OffTopic
from sources.page import Page
from sources.topics import Topic

# Between the words of a phrase: spaces, line breaks or a hyphen ("work-permit").
_GAP = r"[\s\-‐‑]+"
_APOSTROPHE = "['’]"


@dataclass(frozen=True)
class TopicDecision:
    """One topic's verdict on one article, with the terms that decided it."""

    topic: str
    relevant: bool
    matched: tuple[str, ...]  # "programme:H-1B", "keyword:work permit", ...
    reason: str

    def to_dict(self) -> dict[str, object]:
        """JSON-ready form."""
        return {"topic": self.topic, "relevant": self.relevant, "matched": list(self.matched),
                "reason": self.reason}  # fmt: skip


@dataclass(frozen=True)
class _Term:
    label: str
    patterns: tuple[re.Pattern[str], ...]


@dataclass(frozen=True)
class TopicMatcher:
    """One topic, compiled."""

    name: str
    terms: tuple[_Term, ...]
    exclude: tuple[re.Pattern[str], ...]
    min_hits: int

    def decide(self, text: str) -> TopicDecision:
        """The decision on ``text`` (title and body already joined)."""
        masked = _excluded_spans(text, self.exclude)
        matched = tuple(t.label for t in self.terms if _hits(text, t.patterns, masked))
        relevant = len(matched) >= self.min_hits
        return TopicDecision(self.name, relevant, matched, _reason(relevant, matched, self.min_hits))


@dataclass(frozen=True)
class Watchlist:
    """Every configured topic, compiled once per run; empty means no gate."""

    matchers: tuple[TopicMatcher, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.matchers)

    def names(self) -> tuple[str, ...]:
        """The topic names, in config order."""
        return tuple(m.name for m in self.matchers)

    def only(self, name: str) -> Watchlist:
        """The watchlist of one topic (name in any case); empty when there is none."""
        return Watchlist(tuple(m for m in self.matchers if m.name.casefold() == name.casefold()))


def compile_topics(topics: Sequence[Topic], table: Sequence[ProgrammePatterns] | None = None) -> Watchlist:
    """Compile ``topics`` once; ``table`` defaults to the bundled programme table."""
    if not topics:
        return Watchlist()
    programmes = {p.name: p for p in (table if table is not None else programme_patterns())}
    return Watchlist(tuple(_compile(topic, programmes) for topic in topics))


def relevance(title: str | None, text: str, watchlist: Watchlist) -> tuple[TopicDecision, ...]:
    """Each topic's decision on an article, in config order (empty with no topics)."""
    joined = f"{title}\n{text}" if title else text
    return tuple(matcher.decide(joined) for matcher in watchlist.matchers)


def off_topic_reason(decisions: Sequence[TopicDecision]) -> str | None:
    """Why an article is skipped ("off-topic: no match for topics visas, tariffs"), or None.

    None when any topic matched, or when no topic is configured.
    """
    if not decisions or any(d.relevant for d in decisions):
        return None
    misses = [d.topic for d in decisions if not d.matched]
    partial = [f"{d.topic} {d.reason}" for d in decisions if d.matched]
    parts = [f"no match for topic{'s' if len(misses) > 1 else ''} {', '.join(misses)}"] if misses else []
    return "off-topic: " + "; ".join([*parts, *partial])


def screen(
    page: Page, article: Article, watchlist: Watchlist | None
) -> tuple[tuple[TopicDecision, ...], OffTopic | None]:
    """The gate on one extracted article: its topic decisions, and the skip when none matched."""
    topics = relevance(article.title, article.text, watchlist) if watchlist else ()
    reason = off_topic_reason(topics)
    if reason is None:
        return topics, None
    return topics, OffTopic(f"skipped {page.final_url}: {reason}", reason=reason, article=article, page=page)


def _compile(topic: Topic, programmes: dict[str, ProgrammePatterns]) -> TopicMatcher:
    terms = [
        *(_Term(f"programme:{name}", tuple(re.compile(p) for p in programmes[name].patterns))
          for name in topic.programmes),
        *(_Term(f"keyword:{k}", (_phrase(k, ignore_case=True, plural=True),)) for k in topic.keywords),
        *(_Term(f"person:{p}", (_phrase(p),)) for p in topic.people),
        *(_Term(f"organisation:{o}", (_phrase(o),)) for o in topic.organisations),
        *(_Term(f"country:{c}", (_phrase(c),)) for c in topic.countries),
    ]  # fmt: skip
    exclude = tuple(_phrase(x, ignore_case=True) for x in topic.exclude)
    return TopicMatcher(topic.name, tuple(terms), exclude, topic.min_hits)


def _phrase(term: str, *, ignore_case: bool = False, plural: bool = False) -> re.Pattern[str]:
    """A phrase as whole words: flexible gaps and apostrophes, optional plural ending."""
    words = [_APOSTROPHE.join(re.escape(part) for part in re.split(_APOSTROPHE, w)) for w in term.split()]
    body = _GAP.join(words)
    if plural and term[-1:].isalpha():
        body += "(?:e?s)?"
    return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE if ignore_case else 0)


def _excluded_spans(text: str, exclude: tuple[re.Pattern[str], ...]) -> list[tuple[int, int]]:
    return [m.span() for pattern in exclude for m in pattern.finditer(text)]


def _hits(text: str, patterns: tuple[re.Pattern[str], ...], masked: list[tuple[int, int]]) -> bool:
    """Whether any pattern matches outside every excluded span."""
    for pattern in patterns:
        for m in pattern.finditer(text):
            if not any(m.start() < end and start < m.end() for start, end in masked):
                return True
    return False


def _reason(relevant: bool, matched: tuple[str, ...], min_hits: int) -> str:
    if not matched:
        return "no match"
    verb = "matched" if relevant else f"only {len(matched)} of {min_hits} required hits:"
    return f"{verb} {', '.join(matched)}"
