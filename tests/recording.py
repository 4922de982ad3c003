"""The real extractor, recording one line per article it is handed.

The monitor may extract on worker processes, so the record is a file every
process appends to, not a list in one of them; each instance keeps the path
(read from its class when it is made), which travels with its copy to the
workers. A subclass says what the line is.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from extractors.models import AnyFact, Article
from extractors.nlp import FactExtractor


class RecordingExtractor(FactExtractor):
    """:class:`FactExtractor` appending :meth:`line` of each article to ``record``."""

    record: Path | None = None  # set on the subclass by the test

    def __init__(self) -> None:
        super().__init__()
        self.record = type(self).record

    def line(self, article: Article) -> str:
        """What is recorded for one extracted article."""
        raise NotImplementedError

    def extract_many(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[list[AnyFact]]:
        batch = list(articles)
        assert self.record is not None
        with self.record.open("a", encoding="utf-8") as out:
            out.writelines(f"{self.line(article)}\n" for article in batch)
        return super().extract_many(batch, batch_size)
