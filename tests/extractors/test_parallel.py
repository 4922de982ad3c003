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
        results.append((article, extractor.extract(article), (), None))  # no watchlist, no prepare
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
    assert all(o[2][0].relevant and "programme:EU Blue Card" in o[2][0].matched for o in kept)
    assert all(s.article.text and s.reason.startswith("off-topic") for s in skipped)


def test_a_long_batch_does_not_hold_back_the_other_workers(
    pages: list[Page], extractor: FactExtractor
) -> None:
    """While the oldest batch (one long article) runs, the other worker goes on with new
    batches: more than a window's worth is taken from the stream before its outcome,
    and no more than the pages a pool may hold."""
    from dataclasses import replace

    from extractors.parallel import HOLD, WINDOW

    sentences = [
        f"Officials in district {i} said on Monday that {i} people applied for the K visa."
        for i in range(1200)
    ]
    long = replace(pages[0], text="\n".join(sentences), kind="text")
    short = replace(pages[0], text="Officials said the K visa opened to applicants on Monday.", kind="text")
    taken: list[int] = []

    def stream() -> Iterator[Page]:
        yield long
        for i in range(300):
            taken.append(i)
            yield short

    pool = extractor.workers(2)
    outcomes = pool.run(stream(), batch_size=2)
    first = next(outcomes)
    assert not isinstance(first, NewsfactsError) and first[0].text.startswith("Officials in district 0")
    assert pool.size * WINDOW * 2 < len(taken) + 1 <= pool.size * HOLD
    assert len(list(outcomes)) == 300


def test_after_the_stream_ends_the_longest_pages_go_first(
    pages: list[Page], extractor: FactExtractor
) -> None:
    """Once the stream has ended, what was read ahead goes out longest first (the long
    last page does not start after every short one), and outcomes still come in order."""
    from dataclasses import replace

    from extractors.parallel import HOLD

    base = replace(pages[0], kind="text")
    texts = [f"Officials said {i} people applied for the K visa on Monday." for i in range(40)]
    texts.append("\n".join(f"Officials in district {i} said the K visa opened." for i in range(400)))
    stream = [replace(base, text=t, url=f"{base.url}?n={i}") for i, t in enumerate(texts)]
    assert len(stream) < 2 * HOLD  # the whole stream is read ahead before it has all gone out

    pool = extractor.workers(2)
    order: list[list[int]] = []
    submit = pool.submit

    def recording(batch: list[Page], *args: object) -> object:
        order.append([stream.index(p) for p in batch])
        return submit(batch, *args)  # type: ignore[arg-type]

    pool.submit = recording  # type: ignore[method-assign,assignment]
    try:
        outcomes = list(pool.run(iter(stream), batch_size=4))
    finally:
        del pool.submit
    assert [o[0].url for o in outcomes if not isinstance(o, NewsfactsError)] == [p.url for p in stream]
    sent = [i for batch in order for i in batch]
    assert sorted(sent) == list(range(len(stream)))
    # The long page (the last of the stream) goes out before the short ones still waiting.
    assert sent.index(len(stream) - 1) < sent.index(len(stream) - 2)


@pytest.mark.parametrize("n_process", [1, 2])
def test_prepare_runs_beside_the_facts_and_comes_back_with_each_article(
    pages: list[Page], extractor: FactExtractor, n_process: int
) -> None:
    """The pipeline's ``prepare`` (the store's dedup fingerprint and fact rows) is computed
    where the article was read, worker or not, and comes back equal to one computed here."""
    from store.prepared import Prepared, prepare_save

    outcomes = list(extract_pages(pages[:12], extractor, n_process=n_process, prepare=prepare_save))
    kept = [o for o in outcomes if not isinstance(o, NewsfactsError)]
    assert len(kept) >= 8
    assert all(isinstance(o[3], Prepared) and o[3].rows is not None for o in kept)
    assert all(o[3] == prepare_save(o[0], o[1]) for o in kept)
