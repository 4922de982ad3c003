"""``newsfacts timeline --html``: a self-contained page, rendered by headless Chromium.

Chromium (tests/browser.py) is the Debian package ``chromium`` (``make browser``,
which ``make test`` runs first, installs it); without it the browser test fails with that hint.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from store.db import open_store
from tests.browser import assert_rendered, screenshot
from tests.flows.conftest import newsfacts
from tests.store.factories import article, event, fee, person, quote, save


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with one story in two outlets, a second story, a fee conflict; its K visa page."""
    folder = tmp_path_factory.mktemp("page")
    db = folder / "facts.duckdb"
    wire = "Beijing launched its K visa for young science graduates this week. " * 4
    con = open_store(db)
    try:
        for url, site in (("https://a.example/k", "Outlet A"), ("https://b.example/k", "Outlet B")):
            facts = [
                event(),
                event("K visa", "announced", "2025-08", "month", description="announced in August"),
                fee("K visa", period="per_year"),
                quote(),
                person("Michael Feller", ["chief strategist"], ["Geopolitical Strategy"]),
            ]
            save(con, article(url, site=site, text=wire), facts)
        save(
            con,
            article("https://c.example/fee", site="Outlet C", text="A one-time $100,000 fee for the K visa."),
            [fee("K visa", period="one_time"), event(description="K visa launched")],
        )
    finally:
        con.close()
    out = folder / "k-visa.html"
    run = newsfacts("timeline", "K visa", "--html", str(out), "--db", str(db))
    assert run.code == 0, run.stderr
    assert "wrote" in run.stdout
    return out


def test_page_is_self_contained(page: Path) -> None:
    html = page.read_text("utf-8")
    for needle in ("<script", "<link", " src=", "@import", "url("):
        assert needle not in html
    assert "<svg" in html and "<style>" in html


def test_page_shows_chart_quotes_and_conflict(page: Path) -> None:
    html = page.read_text("utf-8")
    assert "It is a talent magnet" in html
    assert "one time" in html and "per year" in html  # the conflict, side by side
    assert "2025-10-01 (day) · 2 stories, 3 outlets" in html
    assert "2025-08 (month) · 1 story, 2 outlets" in html


def test_page_renders_in_headless_chromium(page: Path, tmp_path: Path) -> None:
    width, height, pixels = screenshot(page, tmp_path / "page.png", tmp_path / "profile")
    assert (width, height) == (1000, 1000)
    assert_rendered(pixels)
