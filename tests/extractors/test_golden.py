"""Golden files: one case per fixture page, facts compared with hand annotation.

Each golden file (``fixtures/golden/*.json``) names its page and the pages of
the same article in templates the extractor was not tuned on
(``fixtures/unseen/``); every page must give the same article text and facts.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from extractors.golden import compare, matches
from extractors.nlp import FactExtractor
from extractors.page import to_article
from sources.local import read_local

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
GOLDEN = sorted((FIXTURES / "golden").glob("*.json"))


def _cases() -> list[Any]:
    cases = []
    for path in GOLDEN:
        gold = json.loads(path.read_text("utf-8"))
        for page in [gold["page"], *gold.get("also_pages", [])]:
            cases.append(pytest.param(gold, page, id=f"{path.stem}:{Path(page).name}"))
    return cases


def test_there_are_golden_files() -> None:
    assert len(GOLDEN) >= 2


@pytest.mark.parametrize(("gold", "page"), _cases())
def test_article_text_and_metadata(gold: dict[str, Any], page: str) -> None:
    article = to_article(read_local(FIXTURES / page))
    expected = {**gold["article"], **gold["article"].get("page_overrides", {}).get(page, {})}
    assert article.title == expected["title"]
    assert article.published_at is not None
    assert article.published_at.isoformat() == expected["published_at"]
    assert article.site == expected["site"]
    missing = [s for s in expected["must_contain"] if s not in article.text]
    assert missing == []
    leaked = [s for s in expected["must_not_contain"] if s in article.text]
    assert leaked == []


@pytest.mark.parametrize(("gold", "page"), _cases())
def test_facts_match_the_golden_file(gold: dict[str, Any], page: str, extractor: FactExtractor) -> None:
    article = to_article(read_local(FIXTURES / page))
    actual = [f.to_dict() for f in extractor.extract(article)]
    result = compare(gold["facts"], actual, gold.get("not_facts", []))
    assert result.missed == []
    assert result.forbidden == []
    exhaustive = gold.get("exhaustive", [])
    extra = [f for f in result.spurious if any(matches(e, f) for e in exhaustive)]
    assert extra == []
