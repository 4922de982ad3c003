"""The publication date of a page: from its metadata, else a date shown on the
page, but never a date the story itself mentions or a bare year."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from extractors.page import to_article
from sources.local import read_local

BODY = (
    "<p>Germany’s Opportunity Card has let jobseekers from outside the European Union look for skilled "
    "work for up to a year since it launched on June 1, 2024, and the Foreign Office says demand is high.</p>"
    "<p>Applicants need points for qualifications, language skills, work experience and age, and must show "
    "that they can support themselves while they search, the ministry said in a note to embassies.</p>"
    "<p>The visa fee is €75. Most applicants book an appointment at a consulate, which can take weeks in "
    "India and Turkey, where demand for the card has been strongest since the scheme opened.</p>"
)


def _page(tmp_path: Path, before_article: str = "", footer: str = "") -> Path:
    html = (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Opportunity Card explained</title>"
        f"</head><body>{before_article}<article><h1>Opportunity Card explained</h1>{BODY}</article>"
        f"<footer>{footer}</footer></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(html, "utf-8")
    return path


def test_a_date_the_story_mentions_is_not_its_publication_date(tmp_path: Path) -> None:
    assert to_article(read_local(_page(tmp_path))).published_at is None


def test_a_bare_year_is_not_a_publication_date(tmp_path: Path) -> None:
    page = _page(tmp_path, footer="© 2023 Policy Notes. All rights reserved.")
    assert to_article(read_local(page)).published_at is None


def test_a_date_shown_outside_the_story_is_its_publication_date(tmp_path: Path) -> None:
    page = _page(tmp_path, before_article="<div class='posted'>Posted on September 29, 2025</div>")
    assert to_article(read_local(page)).published_at == date(2025, 9, 29)
