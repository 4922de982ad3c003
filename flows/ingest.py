"""Prefect flow ``ingest_url``: one URL (or local file) into the store."""

from __future__ import annotations

from prefect import flow

from extractors.nlp import FactExtractor
from flows import tasks
from flows.settings import resolve_db
from sources.fetch import FetchSettings


@flow(name="ingest-url")
def ingest_url(url: str, db: str | None = None) -> dict[str, object]:
    """Fetch ``url``, extract its article and facts, store them; returns a summary."""
    extractor = FactExtractor()
    page = tasks.fetch_page(url, None, FetchSettings())
    extraction = tasks.extract_facts(page, extractor)
    saved = tasks.store_article_file(resolve_db(db), extraction)
    return {
        "url": url,
        "article_id": saved.article_id,
        "title": extraction.article.title,
        "facts": len(extraction.facts),
        "new_facts": saved.new_facts,
    }
