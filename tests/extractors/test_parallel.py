"""Batched and multi-process extraction give what one page at a time gives."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from extractors.nlp import FactExtractor
from extractors.page import to_article
from extractors.parallel import Outcome, extract_pages
from extractors.relevance import compile_topics
from sources.errors import NewsfactsError, OffTopic, SkippedPage
from sources.local import read_local
from sources.page import Page
from sources.topics import Topic

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


@pytest.fixture(scope="module")
def pages() -> list[Page]:
    files = sorted(FIXTURES.glob("site/*/*.html")) + sorted(FIXTURES.glob("gold/*/*.html"))
    return [read_local(path) for path in files]


def _one_at_a_time(pages: list[Page], extractor: FactExtractor) -> list[object]:
    results: list[object] = []
    for page in pages:
        try:
            article = to_article(page)
        except NewsfactsError as exc:
            results.append((type(exc), str(exc)))
            continue
        results.append((article, extractor.extract(article), ()))  # no watchlist: no topic decisions
    return results


def _comparable(outcomes: list[Outcome]) -> list[object]:
    return [(type(o), str(o)) if isinstance(o, NewsfactsError) else o for o in outcomes]


@pytest.mark.parametrize("n_process", [1, 2])
def test_batches_on_workers_equal_one_page_at_a_time(
    pages: list[Page], extractor: FactExtractor, n_process: int
) -> None:
    outcomes = list(extract_pages(pages, extractor, n_process=n_process, batch_size=4))
    assert _comparable(outcomes) == _one_at_a_time(pages, extractor)
    assert any(isinstance(o, SkippedPage) for o in outcomes)  # errors come back whole
    assert all(o.url for o in outcomes if isinstance(o, SkippedPage))


@pytest.mark.parametrize("n_process", [1, 2])
def test_the_relevance_gate_runs_before_spacy_in_the_workers(
    pages: list[Page], extractor: FactExtractor, n_process: int
) -> None:
    watchlist = compile_topics([Topic("eu", programmes=("EU Blue Card",))])
    outcomes = list(extract_pages(pages, extractor, n_process=n_process, batch_size=4, watchlist=watchlist))
    kept = [o for o in outcomes if not isinstance(o, NewsfactsError)]
    skipped = [o for o in outcomes if isinstance(o, OffTopic)]
    assert kept and skipped
    assert all(topics[0].relevant and "programme:EU Blue Card" in topics[0].matched for _, _, topics in kept)
    assert all(s.article.text and s.reason.startswith("off-topic") for s in skipped)


def test_a_long_batch_does_not_hold_back_the_other_workers(
    pages: list[Page], extractor: FactExtractor
) -> None:
    """While the oldest batch (one long article) runs, the other worker goes on with new
    batches: more than a window's worth is taken from the stream before its outcome."""
    from dataclasses import replace

    from extractors.parallel import LOOKAHEAD, WINDOW

    sentences = [
        f"Officials in district {i} said on Monday that {i} people applied for the K visa."
        for i in range(1200)
    ]
    long = replace(pages[0], text="\n".join(sentences), kind="text")
    short = replace(pages[0], text="Officials said the K visa opened to applicants on Monday.", kind="text")
    taken: list[int] = []

    def batches() -> Iterator[list[Page]]:
        yield [long]
        for i in range(60):
            taken.append(i)
            yield [short]

    pool = extractor.workers(2)
    outcomes = pool.run(batches())
    first = next(outcomes)
    assert not isinstance(first, NewsfactsError) and first[0].text.startswith("Officials in district 0")
    assert pool.size * WINDOW < len(taken) + 1 <= pool.size * WINDOW * LOOKAHEAD
    assert len(list(outcomes)) == 60
