"""Dedup cost per article as the store grows: synthetic articles at 10k and 100k.

Run ``python -m bench.dedup`` (or ``python bench/dedup.py``) from the repository
root. For each size it fills a fresh DuckDB store with that many synthetic
articles, one in ten a lightly edited copy of an earlier one (so stories form
and LSH finds real candidates), and times ``store.stories.update_stories``,
the dedup step of a save: fingerprint storage, candidate lookup through the
persisted LSH keys, the pairwise check, regrouping and the story row. spaCy
and the fact tables are not involved; fingerprints (MinHash over shingles,
pure and independent of the store size) are computed before timing.

It prints the mean time per article over the last ``--window`` articles of
each size (the cost of one more article at that store size) and the ratio of
the two: about 1 when the cost per article does not grow with the store.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from itertools import accumulate
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import duckdb
import numpy as np

from extractors.models import EXTRACTOR_VERSION, Article
from store.db import open_store
from store.dedup import NUM_PERM, Fingerprint, jaccard, story_url_key
from store.stories import StoryInput, story_input, update_stories

VOCABULARY = 5_000
WORDS = 220  # about a short news article
COPY_SHARE = 0.1
EDIT_SHARE = 0.03  # words replaced in a copy (Jaccard about 0.75 with its original)
FETCHED = datetime(2025, 9, 1)


def synthetic_articles(n: int, *, copies_after: int = 0, seed: int = 7) -> Iterator[Article]:
    """``n`` articles, words drawn Zipf-like from one vocabulary; after the first
    ``copies_after``, one in ten is an edited copy of one of the ``copies_after``
    articles just before them (whose signatures are real, see :func:`run`)."""
    rng = random.Random(seed)
    vocab = [f"w{rng.getrandbits(40):x}" for _ in range(VOCABULARY)]
    # Cumulative weights computed once: passing plain weights makes choices() redo the sum per call.
    cumulative = list(accumulate(1.0 / (rank + 1) for rank in range(VOCABULARY)))
    texts: list[list[str]] = []
    for i in range(n):
        if i >= copies_after and texts and rng.random() < COPY_SHARE:
            words = list(rng.choice(texts))
            for _ in range(int(WORDS * EDIT_SHARE)):
                words[rng.randrange(len(words))] = rng.choice(vocab)
        else:
            words = rng.choices(vocab, cum_weights=cumulative, k=WORDS)
            if i >= 2 * copies_after - n:
                texts.append(words)
        text = " ".join(words)
        yield Article(
            url=f"https://outlet{i % 50}.example/{i}", canonical_url=None, site=f"Outlet {i % 50}",
            title=f"Story {i}", author=None, published_at=date(2025, 9, 1), language="en",
            text=text, text_hash=f"{i:032x}",
        )  # fmt: skip


def run(n: int, window: int, folder: Path) -> tuple[float, float]:
    """Seconds per article for the last ``window`` articles of an ``n``-article store; max Jaccard.

    The first ``n - window`` articles are loaded in bulk (their fingerprints,
    keys and one-article stories, as ``update_stories`` would leave them: none
    of them is a copy, so each is its own story); the last ``window`` go
    through ``update_stories`` one transaction each, as saves do, and are timed.
    One in ten of those is an edited copy of an earlier article, so lookups
    find real candidates and merge real stories.

    Computing real MinHash signatures for 100k texts takes longer than the
    rest of the benchmark (about 5 ms each here), so all but the last
    ``2 * window`` articles get random signatures: the MinHash values of
    unrelated texts are independent uniform hashes, which is what a random
    draw is. The copies' originals are among the real ones.
    """
    articles = list(synthetic_articles(n, copies_after=n - window))
    rng = np.random.default_rng(11)
    real_from = n - 2 * window
    items = [
        story_input(f"{i:012d}", art) if i >= real_from else _random_item(f"{i:012d}", art, rng)
        for i, art in enumerate(articles)
    ]
    con = open_store(folder / f"bench-{n}.duckdb")
    try:
        _preload(con, articles[: n - window], items[: n - window], folder)
        spent = 0.0
        for article, item in zip(articles[n - window :], items[n - window :], strict=True):
            con.begin()
            _insert_article(con, item.article_id, article, FETCHED)
            began = time.perf_counter()
            update_stories(con, item)
            spent += time.perf_counter() - began
            con.commit()
        merged = con.execute("SELECT count(*) FROM article_stories WHERE story_id <> article_id").fetchone()
    finally:
        con.close()
    real = [item.fingerprint for item in items[real_from : real_from + 200]]
    unrelated = max(jaccard(real[0], other) for other in real[1:])
    print(f"  ({merged[0] if merged else 0} of the timed articles joined an earlier story)", flush=True)
    return spent / window, unrelated


def _random_item(aid: str, article: Article, rng: np.random.Generator) -> StoryInput:
    """A stand-in fingerprint for an unrelated article: random MinHash values."""
    values = rng.integers(0, 2**63, size=NUM_PERM, dtype=np.uint64).astype("<u8").tobytes()
    fp = Fingerprint(story_url_key(article.url), article.text_hash, None, WORDS - 4, values)
    return StoryInput(aid, article.site or "", fp)


def _preload(
    con: duckdb.DuckDBPyConnection, articles: list[Article], items: list[StoryInput], folder: Path
) -> None:
    """Bulk-load what saving ``items`` one by one would store (each its own story).

    Through CSV files and COPY: binding 100k-element Python lists as query
    parameters took minutes, reading a CSV takes seconds.
    """
    pairs = zip(articles, items, strict=True)
    _csv(
        folder / "articles.csv",
        ((i.article_id, a.url, a.site, a.title, a.text, a.text_hash) for a, i in pairs),
    )
    fps = [(i.article_id, i.fingerprint) for i in items]
    _csv(
        folder / "signatures.csv",
        ((a, f.url_key, f.text_hash, f.n_shingles, f.minhash.hex()) for a, f in fps),
    )
    _csv(folder / "keys.csv", ((key, i.article_id) for i in items for key in i.fingerprint.keys()))
    con.begin()
    con.execute(
        "INSERT INTO articles (article_id, url, site, title, text, text_hash, published_at, fetched_at, "
        "extractor_version) SELECT column0, column1, column2, column3, column4, column5, DATE '2025-09-01', "
        f"TIMESTAMP '2025-09-01', '{EXTRACTOR_VERSION}' FROM read_csv('{folder / 'articles.csv'}', "
        "header = false, all_varchar = true)"
    )
    con.execute(
        "INSERT INTO story_signatures SELECT column0, column1, column2, NULL, CAST(column3 AS INTEGER), "
        f"from_hex(column4) FROM read_csv('{folder / 'signatures.csv'}', header = false, all_varchar = true)"
    )
    con.execute(
        "INSERT INTO story_keys SELECT CAST(column0 AS BIGINT), column1 "
        f"FROM read_csv('{folder / 'keys.csv'}', header = false, all_varchar = true)"
    )
    con.execute("INSERT INTO article_stories SELECT article_id, article_id, site FROM articles")
    con.execute(
        "INSERT INTO stories SELECT a.article_id, a.article_id, a.title, NULL, 1, 1, [a.site], a.fetched_at, "
        "a.published_at FROM articles AS a"
    )
    con.commit()


def _csv(path: Path, rows: Iterable[tuple[object, ...]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)


def _insert_article(con: duckdb.DuckDBPyConnection, aid: str, article: Article, fetched: datetime) -> None:
    con.execute(
        "INSERT INTO articles (article_id, url, site, title, published_at, text, text_hash, fetched_at, "
        "extractor_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [aid, article.url, article.site, article.title, article.published_at, article.text,
         article.text_hash, fetched, EXTRACTOR_VERSION],
    )  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    """Run both sizes and print the per-article times and their ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs=2, default=(10_000, 100_000), metavar=("SMALL", "LARGE"))
    parser.add_argument("--window", type=int, default=300, help="articles timed at the end of each size")
    args = parser.parse_args(argv)
    results = {}
    with tempfile.TemporaryDirectory(prefix="newsfacts-bench-") as tmp:
        for n in args.sizes:
            began = time.perf_counter()
            last, unrelated = run(n, min(args.window, n), Path(tmp))
            results[n] = last
            print(
                f"{n:>7} articles: dedup {last * 1e3:.2f} ms/article over the last {min(args.window, n)}; "
                f"largest Jaccard of one real article vs 199 others {unrelated:.2f}; "
                f"wall {time.perf_counter() - began:.0f} s",
                flush=True,
            )
    small, large = args.sizes
    ratio = results[large] / results[small]
    print(f"ratio {large} / {small}: {ratio:.2f}x ({'within' if ratio <= 1.5 else 'OVER'} 1.5x)")
    return 0 if ratio <= 1.5 else 1


if __name__ == "__main__":
    sys.exit(main())
