"""Extraction parts scored on real news that other people annotated.

``newsfacts eval`` scores the pipeline on our own gold set; this scores two of
its parts on public annotated news in ``../shared/corpus/`` (CATALOG.md),
read at run time and never copied into the project:

- **dates**: every DATE expression of TempEval-3 platinum (20 wire stories of
  March 2013) and of NewsReader MEANTIME (120 Wikinews stories) whose gold
  value is a calendar day, month or year, resolved by ``extractors.dates``
  against the story's creation time. Tense is not annotated on the
  expression, so it is resolved both ways: "past" (what a past-tense verb
  asks for) and "either" (the gold value is one of the two resolutions).
  Expressions we decline as not a point ("this week") count as unresolved.
- **people**: recall of the PER entities MEANTIME names (``syntactic_type``
  NAM) by the person facts of the whole pipeline on the same story. A gold
  person is found when a fact's name is one of its mentions or is inside one
  ("Sandy Angers" in "Spokeswoman Sandy Angers"), with at least two words
  unless the mention is one word. MEANTIME annotates only the entities of its
  cross-document events, not every person in a story, so precision is not
  measured here (most person facts name people it does not annotate).

``PYTHONPATH=. .venv/bin/python -m bench.realtext`` prints one table.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from bench.corpus import corpus_root
from extractors.dates import resolve
from extractors.models import Article, PersonFact
from extractors.nlp import FactExtractor

TEMPEVAL = "tempeval3-platinum-timex/te3-platinum"
MEANTIME = "meantime-newsreader-english/meantime_docs_derived.jsonl.gz"
_CALENDAR = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_TIMEX = re.compile(r"<TIMEX3([^>]*)>(.*?)</TIMEX3>", re.S)
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Expression:
    """One annotated date: its text, the story's creation date, the gold value."""

    source: str
    text: str
    dct: date
    value: str


def detokenise(text: str) -> str:
    """MEANTIME's tokenised text back to prose spacing ("March 01 , 2008" -> "March 01, 2008")."""
    text = re.sub(r" ([,.;:!?%)\]])", r"\1", text)
    text = re.sub(r"([(\[$]) ", r"\1", text)
    text = re.sub(r" ('s|n't|'re|'ve|'ll|'d)\b", r"\1", text)
    return text.replace(" ' ", "' ").replace('`` ', '"').replace(" ''", '"')


def tempeval_dates(root: Path) -> list[Expression]:
    found = []
    for path in sorted((root / TEMPEVAL).glob("*.tml")):
        xml = path.read_text("utf-8")
        dct: date | None = None
        for attrs, inner in _TIMEX.findall(xml):
            a = dict(_ATTR.findall(attrs))
            if a.get("functionInDocument") == "CREATION_TIME":
                dct = date.fromisoformat(a["value"][:10])
                continue
            if dct and a.get("type") == "DATE" and _CALENDAR.match(a.get("value", "")):
                found.append(Expression("TempEval-3", _TAG.sub("", inner), dct, a["value"]))
    return found


def _dct(doc: dict[str, object]) -> date | None:
    """The story's creation date: its CREATION_TIME expression's value (the
    ``dct`` field is written in more than one format)."""
    for t in doc["timex3"]:  # type: ignore[attr-defined]
        if t["functionInDocument"] == "CREATION_TIME" and re.match(r"^\d{4}-\d{2}-\d{2}", t["value"]):
            return date.fromisoformat(t["value"][:10])
    return None


def meantime_docs(root: Path) -> list[dict[str, object]]:
    with gzip.open(root / MEANTIME, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def meantime_dates(docs: list[dict[str, object]]) -> list[Expression]:
    found = []
    for doc in docs:
        dct = _dct(doc)
        if dct is None:
            continue
        for t in doc["timex3"]:  # type: ignore[attr-defined]
            dated = t["type"] == "DATE" and _CALENDAR.match(t["value"])
            if dated and t["functionInDocument"] != "CREATION_TIME":
                found.append(Expression("MEANTIME", detokenise(t["text"]), dct, t["value"]))
    return found


def score_dates(expressions: list[Expression]) -> dict[str, Counter[str]]:
    """Per source: how many, right resolved as past, right either way, wrong, unresolved."""
    out: dict[str, Counter[str]] = {}
    for e in expressions:
        c = out.setdefault(e.source, Counter())
        past, future = resolve(e.text, e.dct, "past"), resolve(e.text, e.dct, "future")
        values = {r.value for r in (past, future) if r is not None}
        c["n"] += 1
        c["past"] += past is not None and past.value == e.value
        c["either"] += e.value in values
        c["unresolved"] += not values
    return out


def score_people(docs: list[dict[str, object]], extractor: FactExtractor) -> Counter[str]:
    """MEANTIME's named PER entities, and how many of them a person fact names, story by story."""
    c: Counter[str] = Counter()
    for doc in docs:
        text = detokenise(str(doc["text_tokenized"]))
        dct = _dct(doc)
        title, _, body = text.partition("\n")
        article = Article(url=str(doc.get("url") or doc["doc"]), canonical_url=None, site=None, title=title,
                          author=None, published_at=dct, language="en", text=body,
                          text_hash=str(doc["doc_id"]))  # fmt: skip
        entities: dict[str, set[str]] = {}
        for m in doc["entity_mentions"]:  # type: ignore[attr-defined]
            if m.get("entity", {}).get("ent_type") == "PER" and m.get("syntactic_type") == "NAM":
                entities.setdefault(m["entity"]["instance_id"], set()).add(detokenise(m["text"]))
        people = {f.name for f in extractor.extract(article) if isinstance(f, PersonFact)}
        c["gold"] += len(entities)
        c["found"] += sum(1 for names in entities.values() if any(_names(p, names) for p in people))
    return c


def _names(person: str, mentions: set[str]) -> bool:
    """Whether a person fact's name is one of an entity's name mentions."""
    if person in mentions:
        return True
    return len(person.split()) >= 2 and any(re.search(rf"\b{re.escape(person)}\b", m) for m in mentions)


def _pct(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "-"


def main() -> None:
    argparse.ArgumentParser(prog="python -m bench.realtext", description=__doc__.splitlines()[0]).parse_args()
    root = corpus_root()
    docs = meantime_docs(root)
    print("| data | measure | n | score |\n|---|---|---|---|")
    for source, c in score_dates(tempeval_dates(root) + meantime_dates(docs)).items():
        print(f"| {source} | date value, resolved as past | {c['n']} | {_pct(c['past'], c['n'])} |")
        print(f"| {source} | date value, either tense | {c['n']} | {_pct(c['either'], c['n'])} |")
        print(f"| {source} | dates left unresolved | {c['n']} | {_pct(c['unresolved'], c['n'])} |")
    people = score_people(docs, FactExtractor())
    found = _pct(people["found"], people["gold"])
    print(f"| MEANTIME | named people found (recall) | {people['gold']} | {found} |")


if __name__ == "__main__":
    main()
