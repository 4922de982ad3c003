"""``newsfacts alerts`` and ``newsfacts digest`` as users run them, and the digest page in Chromium."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from sources.alert_config import AlertRule
from store.alerts import evaluate
from store.db import open_store
from tests.browser import assert_rendered, screenshot
from tests.flows.conftest import newsfacts
from tests.store.factories import article, fee, programme, quote, save

DAY = dt.datetime(2025, 10, 1, 9, 30, tzinfo=dt.UTC)
RULES = [
    AlertRule("fee_changed", topic="Fees"),
    AlertRule("new_conflict"),
    AlertRule("new_programme", topic="Programmes"),
    AlertRule("person_quoted", people=("Michael Feller",), topic="People"),
]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two evaluations on 2025-10-01 (a new fee and programme, then the one-time claim), one the day after."""
    db = tmp_path_factory.mktemp("digest") / "facts.duckdb"
    con = open_store(db)
    try:
        save(con, article("https://a.example/fee", site="Outlet A"), [programme(), fee(period="per_year")])
        evaluate(con, RULES, now=DAY)
        save(con, article("https://b.example/fee", site="Outlet B"), [fee(period="one_time"), quote()])
        evaluate(con, RULES, now=DAY + dt.timedelta(hours=2))
        save(con, article("https://c.example/k", site="Outlet C"), [programme("K visa", "China")])
        evaluate(con, RULES, now=DAY + dt.timedelta(days=1))
    finally:
        con.close()
    return db


@pytest.fixture(scope="module")
def digest(store: Path) -> tuple[str, str]:
    folder = store.parent
    md, html = folder / "digest.md", folder / "digest.html"
    run = newsfacts("digest", "--day", "2025-10-01", "--md", str(md), "--html", str(html), "--db", str(store))
    assert run.code == 0, run.stderr
    assert run.stdout.startswith(f"wrote {md} and {html} (4 alerts, 2025-10-01)")
    return md.read_text("utf-8"), html.read_text("utf-8")


def test_alerts_lists_every_alert_and_json_has_facts_and_sources(store: Path) -> None:
    run = newsfacts("alerts", "--db", str(store))
    assert run.code == 0, run.stderr
    assert "(5 rows)" in run.stdout and "fee_changed + new_conflict" in run.stdout
    run = newsfacts("alerts", "--since", "2025-10-02", "--json", "--db", str(store))
    [alert] = json.loads(run.stdout)
    assert alert["title"] == "New programme: K visa (China)"
    assert alert["sources"][0]["url"] == "https://c.example/k"
    assert alert["facts"][0]["kind"] == "visa_programme"
    assert (alert["delivered_at"], alert["attempts"]) == (None, 0)


def test_digest_groups_by_topic_with_sources(digest: tuple[str, str]) -> None:
    md, _ = digest
    assert md.startswith("# newsfacts digest: 2025-10-01\n")
    headings = [line for line in md.splitlines() if line.startswith("## ")]
    assert headings == ["## Fees (2)", "## People (1)", "## Programmes (1)"]
    assert "### H-1B fee changed / conflict: fee 100000 USD one time, was per year" in md
    assert "- fee: H-1B fee 100000 USD one time" in md
    assert "- [Outlet A](https://a.example/fee)" in md and "- [Outlet B](https://b.example/fee)" in md
    assert "New programme: K visa" not in md  # the next day's alert


def test_digest_page_is_self_contained(digest: tuple[str, str]) -> None:
    _, html = digest
    for needle in ("<script", "<link", " src=", "@import", "url("):
        assert needle not in html
    assert "<style>" in html and "Fees" in html and "Outlet B" in html


@pytest.mark.usefixtures("digest")
def test_digest_page_renders_in_headless_chromium(store: Path, tmp_path: Path) -> None:
    shot = tmp_path / "digest.png"
    width, height, pixels = screenshot(store.parent / "digest.html", shot, tmp_path / "profile", (1000, 1200))
    assert (width, height) == (1000, 1200)
    assert_rendered(pixels)


def test_empty_window_and_bad_arguments(store: Path) -> None:
    run = newsfacts("digest", "--day", "2024-01-01", "--db", str(store))
    assert run.code == 0 and "Nothing changed" in run.stdout
    for args in (("digest", "--since", "last week"), ("alerts", "--day", "2025-13-01")):
        run = newsfacts(*args, "--db", str(store))
        assert run.code == 1 and run.stderr.startswith("newsfacts: error: ") and run.stderr.count("\n") == 1
    run = newsfacts("alerts", "--db", str(store.parent / "missing.duckdb"))
    assert run.code == 1 and "no store at" in run.stderr
