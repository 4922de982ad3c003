"""What a save needs of one article that the extraction worker computes beside its facts.

Pure per-article work, handed to ``extractors.parallel`` as its ``prepare``
(``flows.pipeline.extract_fetched``): the dedup fingerprint (MinHash over the
text) and the facts' rows (``store.fact_rows``). The one process that saves
then only checks each is this article's and writes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from extractors.models import Article, Fact
from sources.errors import StoreError
from store.dedup import Fingerprint
from store.fact_rows import FactRows, fact_rows
from store.stories import article_fingerprint


@dataclass(frozen=True)
class Prepared:
    """An article's fingerprint and fact rows (None when its facts cannot be stored:
    the save then raises why, for this article alone)."""

    fingerprint: Fingerprint
    rows: FactRows | None


def prepare_save(article: Article, facts: Sequence[Fact]) -> Prepared:
    """The fingerprint and fact rows of ``article`` and its ``facts``."""
    try:
        rows: FactRows | None = fact_rows(article, facts)
    except StoreError:
        rows = None
    return Prepared(article_fingerprint(article), rows)
