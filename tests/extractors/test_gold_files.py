"""The gold set's files are consistent with themselves (no extractor involved).

Every annotation file of every split loads, names a split and a page that
exists; every page parses with balanced tags and is what ``render.py`` makes
of its ``source``; every ``text_contains``, ``evidence`` and ``text`` string
occurs in the article text; skip pages have no facts.
"""

from __future__ import annotations

import importlib.util
import json
from html.parser import HTMLParser
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from extractors.evaluate import SPLITS
from extractors.models import normalise

GOLD = Path(__file__).resolve().parents[2] / "fixtures" / "gold"
FILES = sorted(GOLD.glob("*/*.json"))
# Splits written blind, to be checked alike.
BLIND_SPLITS = ("blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9",
                "blind10", "blind11", "blind12", "blind13", "blind14", "blind15")
# Elements with no end tag in HTML.
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
                   "track", "wbr"})


class _Balance(HTMLParser):
    """Records end tags that close nothing and start tags left open."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.stray: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        if self.open and self.open[-1] == tag:
            self.open.pop()
        else:
            self.stray.append(tag)


def _render_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gold_render", GOLD / "render.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _load(path: Path) -> dict[str, Any]:
    gold: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return gold


def test_every_split_has_files() -> None:
    assert {_load(p)["split"] for p in FILES} == set(SPLITS)


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_annotation_file_names_its_split_and_an_existing_page(path: Path) -> None:
    gold = _load(path)
    assert gold["split"] in set(SPLITS) and path.parent.name == gold["split"]
    assert (GOLD.parent / gold["page"]).is_file()
    if gold.get("skip"):
        assert gold["facts"] == []


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_page_parses_with_balanced_tags(path: Path) -> None:
    parser = _Balance()
    parser.feed((GOLD.parent / _load(path)["page"]).read_text("utf-8"))
    parser.close()
    assert (parser.stray, parser.open) == ([], [])


@pytest.mark.parametrize("path", [p for p in FILES if "source" in _load(p)], ids=lambda p: p.stem)
def test_page_is_what_render_makes_of_the_source(path: Path) -> None:
    gold = _load(path)
    html = _render_module().TEMPLATES[gold["source"]["template"]](gold["source"])
    assert (GOLD.parent / gold["page"]).read_text("utf-8") == html


@pytest.mark.parametrize("path", [p for p in FILES if "source" in _load(p)], ids=lambda p: p.stem)
def test_quoted_and_evidence_strings_occur_in_the_text(path: Path) -> None:
    gold = _load(path)
    text = normalise(" ".join(gold["source"]["paragraphs"]))
    entries = [*gold["facts"], *gold.get("optional", []), *gold.get("not_facts", [])]
    absent = [(key, entry[key]) for entry in entries for key in ("text_contains", "evidence", "text")
              if key in entry and normalise(entry[key]) not in text]
    assert absent == []


@pytest.mark.parametrize("split", BLIND_SPLITS)
def test_blind_split_covers_templates_undated_pages_and_a_skip(split: str) -> None:
    blind = [_load(p) for p in FILES if p.parent.name == split]
    articles = [g for g in blind if not g.get("skip")]
    assert len(articles) >= 16 and any(g.get("skip") for g in blind)
    assert {g["source"]["template"] for g in articles} == set(_render_module().TEMPLATES)
    assert sum(g["source"]["published"] is None for g in articles) >= 2
    assert sum(sum(len(p.split()) for p in g["source"]["paragraphs"]) >= 700 for g in articles) >= 4


@pytest.mark.parametrize("path", [p for p in FILES if p.parent.name in BLIND_SPLITS], ids=lambda p: p.stem)
def test_blind_fees_and_events_carry_evidence_and_every_kind_is_exhaustive(path: Path) -> None:
    gold = _load(path)
    assert {e["kind"] for e in gold["exhaustive"]} == {"visa_programme", "fee", "quote", "person", "event"}
    assert [f for f in gold["facts"] if f["kind"] in ("fee", "event") and not f.get("evidence")] == []
