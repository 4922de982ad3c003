"""Soft 404s: a "page not found" page served with status 200 is skipped, not stored."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from extractors.page import to_article
from extractors.skip import skip_reason
from sources.errors import SkippedPage
from sources.page import Page

# Invented pages in the shape news sites use: the site around a short notice.
_NOTICE = """<html lang="en"><head><title>{title} | Harbour Daily</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></nav>
<main><h1>{heading}</h1><p>{line}</p>
<form action="/search"><input name="q"><button>Search</button></form>
<h2>Latest stories</h2><ul>
<li><a href="/a">Port workers vote on a new contract</a></li>
<li><a href="/b">City council delays the bus lane plan</a></li>
<li><a href="/c">Rain expected across the coast this weekend</a></li></ul></main>
<footer>Harbour Daily, all rights reserved</footer></body></html>"""


def _page(html: str) -> Page:
    url = "https://harbour.example/news/2025/missing-story"
    body = html.encode("utf-8")
    fetched = datetime(2025, 10, 2, tzinfo=UTC)
    return Page(url, url, 200, {"content-type": "text/html"}, body, html, "utf-8", "html", fetched)


@pytest.mark.parametrize(
    ("title", "heading", "line"),
    [
        ("Page not found", "Sorry, we couldn't find that page", "It may have moved, or the link is wrong."),
        ("404", "Error 404", "The page you were looking for has been removed or never existed."),
        ("Harbour Daily", "Oops!", "We can't find the page you asked for. Try a search instead."),
    ],
)
def test_a_not_found_page_served_as_a_page_is_an_error_page(title: str, heading: str, line: str) -> None:
    with pytest.raises(SkippedPage) as raised:
        to_article(_page(_NOTICE.format(title=title, heading=heading, line=line)))
    assert raised.value.reason == "error page"


def test_a_story_about_a_page_that_cannot_be_found_is_not_an_error_page() -> None:
    story = (
        "The ministry's visa page could not be found for most of Tuesday, applicants said, after the "
        "department moved its forms to a new portal. " * 8
    )
    assert len(story.split()) > 150
    assert skip_reason(story) is None
    # Short, but the missing page is news it reports after its opening line.
    brief = (
        "Applicants for the seasonal work visa were turned away online on Tuesday.\n"
        "The ministry blamed a failed update of its servers.\n"
        "Its application page could not be found for six hours, a spokesperson said."
    )
    assert skip_reason(brief, "<html><title>Visa portal outage</title></html>") is None


def test_a_short_news_brief_is_not_an_error_page() -> None:
    brief = (
        "The port authority said on Monday that the new ferry terminal will open in March, two months "
        "later than planned, because of a shortage of steel."
    )
    assert skip_reason(brief, "<html><title>Ferry terminal delayed</title></html>") is None
