"""The CLI as users run it: a child process, real loopback HTTP, a real DuckDB file."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from extractors.evaluate import SPLITS
from flows.cli import _COMMANDS, build_parser
from flows.site_server import SiteServer
from tests.flows.conftest import AP_PAGE, SEED_PAGE, newsfacts

TABLES = ("articles", "visa_programmes", "fees", "quotes", "people", "events", "fact_sources")


def counts(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}  # type: ignore[index]
    finally:
        con.close()


@pytest.mark.parametrize("command", [None, *_COMMANDS])
def test_every_command_has_help(command: str | None) -> None:
    run = newsfacts(*([command] if command else []), "--help")
    assert run.code == 0
    assert "usage: newsfacts" in run.stdout
    if command:
        assert "--db" in run.stdout


@pytest.fixture(scope="module")
def ingested(
    http_server: SiteServer, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, dict[str, object]]:
    db = tmp_path_factory.mktemp("cli") / "facts.duckdb"
    run = newsfacts("ingest", http_server.url(SEED_PAGE), "--json", "--db", str(db))
    assert run.code == 0, run.stderr
    return db, json.loads(run.stdout)


def test_ingest_json_contract(ingested: tuple[Path, dict[str, object]]) -> None:
    _, record = ingested
    article = record["article"]
    assert isinstance(article, dict)
    assert {"url", "title", "author", "published_at", "site", "text"} <= article.keys()
    assert article["published_at"] == "2025-09-29"
    facts = record["facts"]
    assert isinstance(facts, list) and facts
    required = {
        "visa_programme": {"name", "country"},
        "fee": {"programme", "amount", "currency", "period", "applies_to"},
        "quote": {"text", "speaker", "direct"},
        "person": {"name", "roles", "affiliations"},
        "event": {"programme", "date", "precision", "description"},
    }
    for fact in facts:
        assert {"kind", "sentence", "start", "end"} <= fact.keys()
        assert required[fact["kind"]] <= fact.keys()
        assert fact["sentence"] in article["text"]  # type: ignore[operator]
    assert {f["kind"] for f in facts} == set(required)


def test_ingesting_twice_changes_no_count(
    ingested: tuple[Path, dict[str, object]], http_server: SiteServer
) -> None:
    db, _ = ingested
    before = counts(db)
    run = newsfacts("ingest", http_server.url(SEED_PAGE), "--db", str(db))
    assert run.code == 0, run.stderr
    assert counts(db) == before


def test_query_table_and_json(ingested: tuple[Path, dict[str, object]]) -> None:
    db, _ = ingested
    table = newsfacts(
        "query", "SELECT kind, count(*) AS n FROM facts GROUP BY kind ORDER BY kind", "--db", str(db)
    )
    assert table.code == 0 and "visa_programme" in table.stdout and "rows)" in table.stdout
    as_json = newsfacts(
        "query", "SELECT name, country FROM visa_programmes ORDER BY name", "--json", "--db", str(db)
    )
    assert json.loads(as_json.stdout) == [
        {"name": "H-1B", "country": "United States"},
        {"name": "K visa", "country": "China"},
    ]


def test_query_that_writes_is_refused(ingested: tuple[Path, dict[str, object]]) -> None:
    db, _ = ingested
    before = counts(db)
    run = newsfacts("query", "DELETE FROM articles", "--db", str(db))
    assert run.code != 0
    assert len(run.stderr.strip().splitlines()) == 1 and "refused" in run.stderr
    assert counts(db) == before


def test_timeline_text_and_json(ingested: tuple[Path, dict[str, object]], http_server: SiteServer) -> None:
    db, _ = ingested
    text = newsfacts("timeline", "k-visa", "--db", str(db))
    assert text.code == 0, text.stderr
    assert text.stdout.index("2025-08") < text.stdout.index("2025-10-01")
    assert http_server.url(SEED_PAGE) in text.stdout
    rows = json.loads(newsfacts("timeline", "H-1B", "--json", "--db", str(db)).stdout)
    assert [(r["kind"], r["date"]) for r in rows] == [("fee", "2025-09-29")]


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/notfound", "404"),
        ("/pdf", "application/pdf"),
        ("/empty", "no article text"),
    ],
)
def test_bad_pages_fail_in_one_line_and_write_nothing(
    http_server: SiteServer, tmp_path: Path, path: str, message: str
) -> None:
    db = tmp_path / "facts.duckdb"
    run = newsfacts("ingest", http_server.url(path), "--db", str(db))
    assert run.code != 0
    assert len(run.stderr.strip().splitlines()) == 1, run.stderr
    assert message in run.stderr and "Traceback" not in run.stderr
    assert not db.exists()


def test_unreachable_host_fails_in_one_line(tmp_path: Path) -> None:
    db = tmp_path / "facts.duckdb"
    # Port 9 (discard) on loopback: nothing listens there, the connection is refused.
    run = newsfacts("ingest", "http://127.0.0.1:9/story.html", "--db", str(db))
    assert run.code != 0
    assert len(run.stderr.strip().splitlines()) == 1 and "Traceback" not in run.stderr
    assert not db.exists()


def test_local_files_html_and_text(tmp_path: Path) -> None:
    db = tmp_path / "facts.duckdb"
    text = tmp_path / "story.txt"
    text.write_text("K visa news\nThe K visa, announced in August, launches on Wednesday, officials said.\n")
    run = newsfacts("ingest", str(text), "--json", "--db", str(db))
    assert run.code == 0, run.stderr
    record = json.loads(run.stdout)
    assert record["article"]["title"] == "K visa news"
    assert "visa_programme" in {f["kind"] for f in record["facts"]}


def test_ap_page_people_and_indirect_quotes(http_server: SiteServer, tmp_path: Path) -> None:
    run = newsfacts("ingest", http_server.url(AP_PAGE), "--json", "--db", str(tmp_path / "f.duckdb"))
    facts = json.loads(run.stdout)["facts"]
    people = {f["name"] for f in facts if f["kind"] == "person"}
    assert {"Bikash Kali Das", "Barbara Kelemen", "Alfred Wu", "Fei Su", "Ming Zhou"} <= people
    assert not {"Altair", "Intel"} & people
    indirect = {f["speaker"] for f in facts if f["kind"] == "quote" and not f["direct"]}
    assert indirect == {"Bikash Kali Das", "Barbara Kelemen", "Alfred Wu"}


@pytest.mark.parametrize("target", ["file:///etc/passwd", "ftp://127.0.0.1/story.html", "/no/such/file.html"])
def test_refused_targets_fail_in_one_line(tmp_path: Path, target: str) -> None:
    db = tmp_path / "facts.duckdb"
    run = newsfacts("ingest", target, "--db", str(db))
    assert run.code != 0
    assert len(run.stderr.strip().splitlines()) == 1 and "Traceback" not in run.stderr
    assert target in run.stderr
    assert not db.exists()


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254"),
        ("file:///etc/passwd", "only http and https"),
        ("/redirect-private", "10.0.0.1"),
    ],
)
def test_dangerous_targets_refused_in_one_line(
    http_server: SiteServer, tmp_path: Path, target: str, message: str
) -> None:
    if target.startswith("/"):
        target = http_server.url(target)
    # The loopback test server stays allowed; the refused addresses are not in the list.
    allow = {"NEWSFACTS_ALLOW_PRIVATE": "127.0.0.1"}
    run = newsfacts("ingest", target, "--db", str(tmp_path / "f.duckdb"), env=allow)
    assert run.code == 1
    assert len(run.stderr.strip().splitlines()) == 1 and "Traceback" not in run.stderr
    assert (message in run.stderr and "refused" in run.stderr) or "only http" in run.stderr
    assert not (tmp_path / "f.duckdb").exists()


@pytest.mark.parametrize("split", [*SPLITS, "all"])
def test_eval_accepts_every_gold_split(split: str) -> None:
    assert build_parser().parse_args(["eval", "--split", split]).split == split
