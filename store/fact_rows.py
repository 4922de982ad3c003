"""What a save writes of one article's facts: their rows, their ``fact_sources`` rows,
the speaker keys of its quotes and their words (what ``store.quote_merge`` compares).

Pure: it depends on the article and its facts alone, not on the store. So the
extraction workers compute it beside the facts (``flows.pipeline.extract_fetched``)
and the one process that saves does not: on the bench pages (314 articles,
5,012 facts) it was 88 ms of a 400 ms batch save, hashing each fact's
normalised identity and building its row; the quotes' words were another 12 ms.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from extractors.models import EXTRACTOR_VERSION, Article, Fact
from sources.errors import StoreError
from store.ids import article_id, fact_id
from store.quote_merge import quote_words
from store.quote_pairs import Words
from store.speaker_keys import SpeakerKeys
from store.tables import FACT_TABLES, FactTable, Row


@dataclass(frozen=True)
class FactRows:
    """One article's fact rows by table (fact id -> row; one row per fact, its
    sightings in the article merged), its ``fact_sources`` rows (fact id -> the
    earliest evidence), the speaker keys of its quotes, and their words by text."""

    article_id: str
    facts: Mapping[str, Mapping[str, Row]]  # table name -> fact id -> row
    sources: Mapping[str, Row]
    quote_keys: frozenset[str | None]
    quote_words: Mapping[str, Words] = field(default_factory=dict)  # quote text -> quote_words(text)
    extractor_version: str = EXTRACTOR_VERSION
    # The URL of the article they were made for: the saver takes ``article_id`` when its
    # article has this URL, without hashing the normalised URL again.
    url: str = ""

    def by_table(self) -> dict[FactTable, Mapping[str, Row]]:
        """The fact rows keyed by their table (``store.tables.FACT_TABLES``)."""
        return {_TABLES[name]: rows for name, rows in self.facts.items()}


_TABLES = {table.table: table for table in FACT_TABLES.values()}


def fact_rows(article: Article, facts: Sequence[Fact], speaker_keys: SpeakerKeys | None = None) -> FactRows:
    """The rows saving ``facts`` of ``article`` writes (``speaker_keys``: a batch's shared cache)."""
    keys = SpeakerKeys() if speaker_keys is None else speaker_keys
    aid = article_id(article)
    rows: dict[str, dict[str, Row]] = {}
    sources: dict[str, Row] = {}
    quote_keys: set[str | None] = set()
    words: dict[str, Words] = {}
    # Earliest evidence first: it becomes the article's one fact_sources row for a fact.
    for fact in sorted(facts, key=lambda f: (f.start, f.end)):
        table = _table_for(fact, article.url)
        fid = fact_id(fact)
        row = table.row(fid, fact)
        found = rows.setdefault(table.table, {})
        found[fid] = table.merge(found[fid], row) if fid in found else row
        sources.setdefault(fid, (fid, aid, fact.kind, fact.sentence, fact.start, fact.end, EXTRACTOR_VERSION))
        if table.kind == "quote":
            quote_keys.add(keys[getattr(fact, "speaker", None)])
            text = str(getattr(fact, "text", ""))
            if text not in words:
                words[text] = tuple(quote_words(text))
    return FactRows(aid, rows, sources, frozenset(quote_keys), words, url=article.url)


def _table_for(fact: Fact, url: str) -> FactTable:
    kind = getattr(type(fact), "kind", None)
    table = FACT_TABLES.get(str(kind))
    if table is None:
        raise StoreError(
            f"cannot store {type(fact).__name__} (kind {kind!r}) from {url}: the store has no table for it",
            url=url,
        )
    return table
