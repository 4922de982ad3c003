"""The publication date of a page: from its metadata, else a date shown on the
page, but never a date the story itself mentions or a bare year."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

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


PROSE = ("Germany’s Opportunity Card has let jobseekers from outside the European Union look for "
         "skilled work for up to a year since it launched on June 1, 2024, and the Foreign Office "
         "says demand from India and Turkey is high.")


def _dump(tmp_path: Path, lines: list[str], after: str = "") -> Path:
    path = tmp_path / "dump.txt"
    path.write_text("\n".join([*lines, PROSE, after, "The visa fee is €75."]) + "\n", "utf-8")
    return path


def test_a_text_dump_takes_the_date_line_before_its_first_paragraph(tmp_path: Path) -> None:
    lines = ["Subscribe", "Monday, January 12, 2026", "Menu", "Opportunity Card explained",
             "The points-based card draws jobseekers from India and Turkey.", "By Policy Notes staff",
             "Published 29 Sept 2025, 10:42 BST", "Updated 30 September 2025", "in Visas"]
    assert to_article(read_local(_dump(tmp_path, lines))).published_at == date(2025, 9, 29)


@pytest.mark.parametrize(
    "lines",
    [
        ["Opportunity Card explained"],
        ["Monday, January 12, 2026", "Opportunity Card explained"],  # the site's "today" bar
        ["Opportunity Card explained", "The card was launched in 2024 and costs 75 euros."],
    ],
)
def test_a_text_dump_without_a_date_line_has_no_date(tmp_path: Path, lines: list[str]) -> None:
    # A date line after the first paragraph belongs to the story (a list of related stories, an event).
    assert to_article(read_local(_dump(tmp_path, lines, after="October 3, 2025"))).published_at is None
