"""Benchmark input: the fixtures' pages plus real news pages from ../shared/corpus.

The corpus pages are read at bench time from where they lie (never copied
into the project); without the folder the fixtures alone are used. A fixed
sample (every k-th file of each collection) keeps a run short and repeatable.
"""

from __future__ import annotations

import gzip
import os
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
CORPUS_ENV = "NEWSFACTS_BENCH_CORPUS"
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"

# The collections with whole news pages, and the files that are the pages.
COLLECTIONS = (
    ("l3s-gn1-google-news", "original/*.html.gz"),
    ("scrapinghub-article-extraction-benchmark", "html/*.html.gz"),
    ("mozilla-readability-test-pages", "pages/*/source.html.gz"),
)


@dataclass(frozen=True)
class BenchPage:
    """One HTML page to serve and extract: a path under the loopback server, and its bytes."""

    path: str
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


def corpus_root() -> Path:
    """``$NEWSFACTS_BENCH_CORPUS`` or ``../shared/corpus`` beside the checkout."""
    return Path(os.environ.get(CORPUS_ENV) or DEFAULT_CORPUS)


def fixture_pages() -> list[BenchPage]:
    """Every HTML page under fixtures/ (site, syndication, gold, unseen, conflict)."""
    files = sorted(p for p in FIXTURES.rglob("*.html") if "golden" not in p.parts)
    return [BenchPage(f"/fixtures/{p.relative_to(FIXTURES)}", p.read_bytes()) for p in files]


def corpus_pages(n: int) -> list[BenchPage]:
    """About ``n`` corpus pages, spread evenly over the collections (none if absent)."""
    root = corpus_root()
    found = [sorted((root / name).glob(pattern)) for name, pattern in COLLECTIONS if (root / name).is_dir()]
    found = [files for files in found if files]
    if not found or n <= 0:
        return []
    per = max(1, n // len(found))
    chosen = [f for files in found for f in files[:: max(1, len(files) // per)][:per]]
    return [BenchPage(f"/corpus/{p.relative_to(root)}", gzip.decompress(p.read_bytes())) for p in chosen]


def bench_pages(n_corpus: int) -> list[BenchPage]:
    """The fixtures plus ``n_corpus`` corpus pages."""
    return fixture_pages() + corpus_pages(n_corpus)
