"""Articles per second, stage by stage and end to end, beside their floors.

Stages, over the same pages (bench.corpus):

- fetch: every page from a loopback server through the polite client (8 threads);
- trafilatura: ``extractors.page.to_article`` (metadata, language, skip rules)
  against ``trafilatura.extract`` alone, one process each;
- spaCy: ``FactExtractor.extract_many`` (the model plus the fact components)
  against bare ``nlp.pipe`` of the model with all its components, on the
  texts of the pages that are articles, one process each;
- store: every extraction saved as the monitor saves it (``flows.save_buffer``:
  ``pipeline.save_many``, a batch of up to ``SAVE_BATCH`` per transaction,
  stories and merged quotes included) against a raw insert of the same
  article, fact and source rows from Arrow tables (the target's floor), and
  against a raw insert of every row the store ends with (for information);
- end to end on ``processes`` processes: fetch, extract, store, against
  ``trafilatura.extract`` feeding bare ``nlp.pipe(n_process=processes)``.

Every pair is timed alternately in the same run; each figure is a median.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

import duckdb
import pyarrow as pa
import spacy
import trafilatura
from spacy.language import Language

from bench.corpus import BenchPage
from bench.measure import Row, Target, paired_medians, rate
from extractors.models import EXTRACTOR_VERSION, Article
from extractors.nlp import FactExtractor, model_name
from extractors.page import to_article
from flows import pipeline
from flows.save_buffer import SaveBuffer
from flows.site_server import SiteServer
from sources.errors import NewsfactsError
from sources.fetch import DEFAULT_SETTINGS, FetchSettings, make_client
from sources.page import Page
from sources.polite import PoliteClient
from store.db import open_store
from store.ids import article_id, fact_id
from store.tables import FACT_TABLES
from store.writer import Saved, utc_naive

FETCH_THREADS = 8
BATCH_SIZE = 16
LOOPBACK = replace(DEFAULT_SETTINGS, min_interval=0.0, per_host_concurrency=FETCH_THREADS, retries=0)


@dataclass
class Inputs:
    """What the stages share: the served pages, their fetched form, the models."""

    server: SiteServer
    urls: list[str]
    pages: list[Page]
    extractor: FactExtractor
    bare: Language
    folder: Path


def serve(pages: list[BenchPage]) -> SiteServer:
    """A loopback server answering each page's path with its bytes."""
    body_of = {page.path: page.body for page in pages}

    def route(handler: object) -> None:
        from flows.site_server import SiteRequestHandler

        assert isinstance(handler, SiteRequestHandler)
        handler.send_body(body_of[handler.route_path], "text/html; charset=utf-8")

    return SiteServer(tempfile.mkdtemp(prefix="newsfacts-bench-site-"), routes={p: route for p in body_of})


def fetch_all(urls: list[str], settings: FetchSettings = LOOPBACK) -> Iterator[tuple[str, pipeline.Fetched]]:
    """Every URL through one polite client and a thread pool, in order."""
    with make_client(settings) as client, ThreadPoolExecutor(FETCH_THREADS) as pool:
        http = PoliteClient(client, settings)

        def one(url: str) -> tuple[str, pipeline.Fetched]:
            try:
                return url, http.fetch(url, settings=settings)
            except NewsfactsError as exc:
                return url, exc

        yield from pool.map(one, urls)


class FreshStores:
    """A new, migrated store file per run, made before the clock starts (``paired_medians``'s
    ``before``): the rows time what a run writes into a store, open and close included,
    not the creation of the store, which a monitor does once."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.paths: dict[str, Path] = {}

    def make(self) -> None:
        for name in ("ours", "floor"):
            path = Path(tempfile.mkstemp(prefix=f"{name}-", suffix=".duckdb", dir=self.folder)[1])
            path.unlink()
            open_store(path).close()
            self.paths[name] = path

    def take(self, name: str) -> Path:
        return self.paths.pop(name)


def fetch_row(inputs: Inputs, runs: int) -> Row:
    seconds, _ = paired_medians(lambda: list(fetch_all(inputs.urls)), lambda: None, runs)
    return Row("fetch, loopback, 8 threads", rate(len(inputs.urls), seconds))


def trafilatura_row(inputs: Inputs, runs: int) -> Row:
    def ours() -> None:
        for page in inputs.pages:
            try:
                to_article(page)
            except NewsfactsError:
                pass

    def floor() -> None:
        for page in inputs.pages:
            trafilatura.extract(page.text)

    a, b = paired_medians(ours, floor, runs)
    n = len(inputs.pages)
    return Row("trafilatura stage (1 process)", rate(n, a), f"trafilatura.extract {rate(n, b)}", b / a)


def _articles(inputs: Inputs) -> list[Article]:
    found = []
    for page in inputs.pages:
        try:
            found.append(to_article(page))
        except NewsfactsError:
            continue
    return found


def spacy_row(inputs: Inputs, runs: int) -> Row:
    articles = _articles(inputs)
    texts = [a.text for a in articles]
    a, b = paired_medians(
        lambda: list(inputs.extractor.extract_many(articles, batch_size=BATCH_SIZE)),
        lambda: list(inputs.bare.pipe(texts, batch_size=BATCH_SIZE)),
        runs,
    )
    n = len(articles)
    return Row(f"spaCy stage (1 process, {n} articles)", rate(n, a), f"bare nlp.pipe {rate(n, b)}", b / a)


def _extractions(inputs: Inputs) -> list[pipeline.Extraction]:
    return [
        e for _, e in pipeline.extract_fetched(((p.url, p) for p in inputs.pages), inputs.extractor)
        if isinstance(e, pipeline.Extraction)
    ]  # fmt: skip


def store_row(inputs: Inputs, runs: int) -> tuple[Row, list[pipeline.Extraction]]:
    extractions = _extractions(inputs)
    a, b = _against_raw_insert(inputs, runs, extractions, _arrow_rows(extractions))
    n = len(extractions)
    row = Row(
        f"store writes ({n} articles)", rate(n, a), f"raw Arrow insert {rate(n, b)}", b / a,
        Target(0.5, "min", ">= 0.5x"),
    )  # fmt: skip
    return row, extractions


def final_rows_row(inputs: Inputs, runs: int, extractions: list[pipeline.Extraction]) -> Row:
    """The store writes again, against a raw Arrow insert of every row the store ends
    with (stories, story keys, merged quotes and timeline entries too): what the dedup
    and merge work costs over writing its result. Beside the target row, not instead."""
    stores = FreshStores(inputs.folder)
    stores.make()
    con = open_store(stores.take("ours"))
    try:
        _save_all(con, extractions)
        names = [row[0] for row in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()]
        final = {name: con.execute(f'SELECT * FROM "{name}"').arrow().read_all() for name in names}
    finally:
        con.close()
    final = {name: table for name, table in final.items() if table.num_rows and name != "schema_migrations"}
    a, b = _against_raw_insert(inputs, runs, extractions, final)
    n = len(extractions)
    floor_rate = f"raw Arrow insert {rate(n, b)}"
    return Row(f"  same, against every final row ({n} articles)", rate(n, a), floor_rate, b / a)


def _against_raw_insert(
    inputs: Inputs, runs: int, extractions: list[pipeline.Extraction], tables: dict[str, pa.Table]
) -> tuple[float, float]:
    """Median seconds of saving ``extractions`` as the monitor does, and of one raw insert
    of ``tables`` (table name -> its rows), each into a fresh store, alternately."""
    stores = FreshStores(inputs.folder)

    def ours() -> None:
        con = open_store(stores.take("ours"))
        try:
            _save_all(con, extractions)
        finally:
            con.close()

    def floor() -> None:
        con = open_store(stores.take("floor"))
        try:
            con.begin()
            for name, table in tables.items():
                con.register("rows", table)
                con.execute(f'INSERT INTO "{name}" BY NAME SELECT * FROM rows')
                con.unregister("rows")
            con.commit()
        finally:
            con.close()

    return paired_medians(ours, floor, runs, before=stores.make)


def _save_all(con: duckdb.DuckDBPyConnection, extractions: list[pipeline.Extraction]) -> None:
    """Save ``extractions`` as the monitor saves them (``_save_buffer``)."""
    with _save_buffer(con) as buffer:
        for extraction in extractions:
            buffer.add(extraction.page.url, extraction)


def _save_buffer(con: duckdb.DuckDBPyConnection) -> SaveBuffer[pipeline.Extraction]:
    """What the monitor saves through (its batch size and flush interval), minus the Prefect task."""
    return SaveBuffer[pipeline.Extraction](lambda batch: pipeline.save_many(con, batch), _ignore)


def _ignore(url: str, saved: Saved) -> None:
    """The bench records no outcome (the monitor marks each item in seen_urls)."""


def _arrow_rows(extractions: list[pipeline.Extraction]) -> dict[str, pa.Table]:
    """The article, fact and source rows a save writes, as Arrow tables (first sighting wins)."""
    articles, sources, facts = {}, {}, {t.table: {} for t in FACT_TABLES.values()}  # type: ignore[var-annotated]
    for e in extractions:
        aid, art = article_id(e.article), e.article
        articles[aid] = {
            "article_id": aid, "url": art.url, "final_url": e.page.final_url,
            "canonical_url": art.canonical_url, "site": art.site, "title": art.title,
            "author": art.author, "published_at": art.published_at, "language": art.language,
            "text": art.text, "text_hash": art.text_hash, "fetched_at": utc_naive(e.page.fetched_at),
            "extractor_version": EXTRACTOR_VERSION,
        }  # fmt: skip
        for fact in e.facts:
            table = FACT_TABLES[fact.kind]
            fid = fact_id(fact)
            names = ["fact_id", *(c.name for c in table.columns)]
            facts[table.table].setdefault(fid, dict(zip(names, table.row(fid, fact), strict=True)))
            sources.setdefault((fid, aid), {
                "fact_id": fid, "article_id": aid, "kind": fact.kind, "sentence": fact.sentence,
                "char_start": fact.start, "char_end": fact.end, "extractor_version": EXTRACTOR_VERSION,
            })  # fmt: skip
    out = {"articles": pa.Table.from_pylist(list(articles.values()))}
    out |= {name: pa.Table.from_pylist(list(rows.values())) for name, rows in facts.items() if rows}
    out["fact_sources"] = pa.Table.from_pylist(list(sources.values()))
    return out


def end_to_end_row(inputs: Inputs, runs: int, processes: int) -> Row:
    stores = FreshStores(inputs.folder)

    def ours() -> None:
        con = open_store(stores.take("ours"))
        try:
            with _save_buffer(con) as buffer:
                outcomes = pipeline.extract_fetched(
                    fetch_all(inputs.urls), inputs.extractor, n_process=processes, on_wait=buffer.flush
                )
                for url, extraction in outcomes:
                    buffer.add(url, extraction)
        finally:
            con.close()

    def floor() -> None:
        texts = (t for t in (trafilatura.extract(p.text) for p in inputs.pages) if t)
        list(inputs.bare.pipe(texts, n_process=processes, batch_size=BATCH_SIZE))

    a, b = paired_medians(ours, floor, runs, before=stores.make)
    n = len(inputs.urls)
    return Row(
        f"end to end, {processes} processes ({n} pages: fetch+extract+store)", rate(n, a),
        f"trafilatura.extract + bare nlp.pipe {rate(n, b)}", b / a, Target(1.0, "min", ">= 1.0x"),
    )  # fmt: skip


def inputs_for(pages: list[BenchPage], folder: Path) -> Inputs:
    """Start the server, fetch every page once, load both pipelines (none of it timed)."""
    server = serve(pages).start()
    urls = [server.url(page.path.lstrip("/")) for page in pages]
    fetched = [p for _, p in fetch_all(urls) if isinstance(p, Page)]
    if len(fetched) != len(urls):
        raise RuntimeError("the loopback server did not serve every bench page")
    return Inputs(server, urls, fetched, FactExtractor(), spacy.load(model_name()), folder)


def rows(pages: list[BenchPage], runs: int, processes: int, folder: Path) -> list[Row]:
    """Every throughput row, in table order."""
    inputs = inputs_for(pages, folder)
    try:
        out = [fetch_row(inputs, runs), trafilatura_row(inputs, runs), spacy_row(inputs, runs)]
        store, extractions = store_row(inputs, runs)
        out += [store, final_rows_row(inputs, runs, extractions)]
        out.append(end_to_end_row(inputs, runs, processes))
        return out
    finally:
        inputs.server.stop()
