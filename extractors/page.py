"""Page -> Article: keep the article, drop the site around it (trafilatura)."""

from __future__ import annotations

import hashlib
import re
from datetime import date
from html import unescape
from typing import Any

import trafilatura
from htmldate import find_date

from extractors.boilerplate import clean_text
from extractors.language import guess_language
from extractors.models import Article, normalise
from extractors.skip import skip_reason
from sources.errors import EmptyArticle, SkippedPage
from sources.page import Page

# A plain-text file's first line is its headline when it is short and does
# not end like a sentence.
MAX_TITLE_CHARS = 200


def to_article(page: Page) -> Article:
    """The article a page holds; raises EmptyArticle when there is no text and
    SkippedPage when the page is not an English news article."""
    article = _from_text(page) if page.kind == "text" else _from_html(page)
    reason = skip_reason(article.text, page.text if page.kind != "text" else "")
    if reason is not None:
        raise SkippedPage(f"skipped {page.final_url}: {reason}", url=page.final_url, reason=reason)
    return article


def _from_html(page: Page) -> Article:
    document = trafilatura.bare_extraction(
        page.text,
        url=page.final_url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    meta: dict[str, Any] = {}
    if isinstance(document, dict):
        meta = document
    elif document is not None:
        meta = document.as_dict()
    text = clean_text(meta.get("text") or "")
    if not text:
        raise EmptyArticle(f"no article text found in {page.final_url}", url=page.final_url)
    return Article(
        url=page.url,
        canonical_url=meta.get("url") or None,
        site=meta.get("sitename") or _site_from_title(page.text, meta.get("title")) or meta.get("hostname"),
        title=meta.get("title") or None,
        author=meta.get("author") or None,
        published_at=_date(meta.get("date")) or _visible_date(page, text),
        language=guess_language(text, meta.get("language")),
        text=text,
        text_hash=text_hash(text),
    )


_TITLE_TAG = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_TITLE_SEPARATORS = re.compile(r"\s+[|·•–—:-]\s+")


def _site_from_title(html: str, title: str | None) -> str | None:
    """'Headline · Site Name' in <title>: the part that is not the headline."""
    match = _TITLE_TAG.search(html[:50000])
    if match is None or not title:
        return None
    parts = [p.strip() for p in _TITLE_SEPARATORS.split(unescape(" ".join(match[1].split())))]
    if len(parts) < 2 or title not in parts:
        return None
    rest = [p for p in parts if p != title]
    return rest[-1] if len(rest) == 1 else None


def _from_text(page: Page) -> Article:
    text = clean_text(page.text)
    if not text:
        raise EmptyArticle(f"no article text found in {page.final_url}", url=page.final_url)
    first, _, rest = text.partition("\n")
    title = None
    if rest and len(first) <= MAX_TITLE_CHARS and first[-1:] not in ".!?\"”":
        title, text = first, rest
    return Article(
        url=page.url,
        canonical_url=None,
        site=None,
        title=title,
        author=None,
        published_at=_text_dateline(text),
        language=guess_language(text),
        text=text,
        text_hash=text_hash(text),
    )


# A line that is only a date: "September 29, 2025", "Published 29 Sept 2025,
# 10:42 BST", "Sunday, January 11, 2026", "2025-09-29".
_DATE_LINE = re.compile(
    r"^(?P<label>(?:published|posted|updated|last updated)(?:\s+on)?:?\s+)?"
    r"(?P<weekday>(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
    r"(?:(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})"
    r"|(?P<day2>\d{1,2})\s+(?P<mon2>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(?P<year2>\d{4})"
    r"|(?P<iso>\d{4}-\d{2}-\d{2}))"
    r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?\s*$",
    re.I,
)
# The first line this long is the story's first paragraph; a dateline stands before it.
BODY_LINE_CHARS = 200
# A weekday date in the first lines of a page dump is the site's "today" bar
# (the seed 001 dump opens with the day it was saved), not the story's date.
TODAY_BAR_LINES = 3


def _text_dateline(text: str) -> date | None:
    """The date line a plain-text page dump shows before the story's first
    paragraph (the last one there; "Updated ..." only when nothing else is)."""
    found: list[tuple[bool, date]] = []
    for number, line in enumerate(text.splitlines()[:120]):
        line = line.strip()
        if len(line) >= BODY_LINE_CHARS:
            break
        match = _DATE_LINE.match(line)
        day = _line_date(match) if match is not None else None
        if day is None or (match is not None and match["weekday"] and number < TODAY_BAR_LINES):
            continue
        updated = match is not None and (match["label"] or "").lower().startswith(("updated", "last"))
        found.append((updated, day))
    published = [d for updated, d in found if not updated] or [d for _, d in found]
    return published[-1] if published else None


def _line_date(match: re.Match[str]) -> date | None:
    if match["iso"]:
        return _date(match["iso"])
    month = (match["mon"] or match["mon2"]).lower()
    number = [m[:3].lower() for m in _MONTH_NAMES].index(month) + 1
    try:
        return date(int(match["year"] or match["year2"]), number, int(match["day"] or match["day2"]))
    except ValueError:
        return None


_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December")


def _visible_date(page: Page, text: str) -> date | None:
    """A date shown on the page but not in its metadata (a dateline, "Posted
    Sept. 29, 2025"), from htmldate's search of the whole page. Its guesses
    from a bare year ("© 2023" reads as 2023-01-01) and dates the story itself
    mentions ("since it launched on June 1, 2024") are not the publication date:
    an article without one says so rather than taking an event's date."""
    found = _date(find_date(page.text, extensive_search=True, original_date=True, url=page.final_url))
    if found is None or (found.month, found.day) == (1, 1) or _mentions(text, found):
        return None
    return found


def _mentions(text: str, day: date) -> bool:
    """Whether the article text names the day ("June 1, 2024", "1 June 2024", "Sept. 1, 2024", ISO)."""
    month = _MONTH_NAMES[day.month - 1]
    name = rf"(?:{month}|{month[:3]}\.?|{month[:4]}\.?)"
    patterns = (rf"\b{name}\s+{day.day}(?:st|nd|rd|th)?,?\s+{day.year}\b",
                rf"\b{day.day}(?:st|nd|rd|th)?\s+(?:of\s+)?{name},?\s+{day.year}\b",
                rf"\b{day.isoformat()}\b")
    return any(re.search(p, text) for p in patterns)


def _date(value: object) -> date | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def text_hash(text: str) -> str:
    """sha256 of the normalised text: equal for the same story with other spacing or quotes."""
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()
