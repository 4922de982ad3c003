"""Scoring of the gold set: the rows that score fees and events without their programme."""

from __future__ import annotations

from pathlib import Path

from extractors.evaluate import (
    FIELD_KEYS,
    ArticleResult,
    GoldArticle,
    Score,
    SplitReport,
    _score_article,
    format_report,
)

GOLD_FEE = {"kind": "fee", "programme": "Skilled Worker visa", "amount": 1420, "currency": "GBP",
            "period": "per_year"}
GOLD_EVENT = {"kind": "event", "programme": "Skilled Worker visa", "event_type": "takes_effect",
              "date": "2026-04-06", "precision": "day"}


def _scored(predicted: list[dict[str, object]]) -> SplitReport:
    gold = GoldArticle(Path("g.json"), "train", Path("g.html"), [GOLD_FEE, GOLD_EVENT], [], None)
    result = ArticleResult(gold, predicted, None)
    kinds = {k: Score() for k in ("visa_programme", "fee", "quote", "person", "event", "role")}
    fields = {f: Score() for f in FIELD_KEYS}
    _score_article(result, kinds, fields, Score())
    return SplitReport("train", kinds, fields, Score(), [result])


def test_a_fee_and_an_event_of_the_wrong_programme_still_pair_without_programme() -> None:
    report = _scored([{**GOLD_FEE, "programme": "Global Talent visa", "amount": 1420.0},
                      {**GOLD_EVENT, "programme": "Global Talent visa"}])
    assert (report.kinds["fee"].tp, report.kinds["event"].tp) == (0, 0)
    assert (report.fields["fee_no_programme"].tp, report.fields["fee_no_programme"].predicted) == (1, 1)
    assert (report.fields["event_no_programme"].tp, report.fields["event_no_programme"].gold) == (1, 1)
    assert "field fee_no_programme" in format_report(report, misses=False)


def test_without_programme_the_amount_period_date_and_precision_must_still_agree() -> None:
    report = _scored([{**GOLD_FEE, "period": None}, {**GOLD_EVENT, "date": "2026-04", "precision": "month"}])
    assert report.fields["fee_no_programme"].tp == 0
    assert report.fields["event_no_programme"].tp == 0
    assert report.fields["amount"].tp == 1  # the amount alone still agrees


def test_an_optional_entry_matches_after_normalising_as_pairs_do() -> None:
    gold = GoldArticle(Path("g.json"), "train", Path("g.html"), [GOLD_FEE],
                       [{"kind": "fee", "programme": "gold card", "amount": 1000000}], None)
    predicted = [{**GOLD_FEE, "amount": 1420.0},
                 {"kind": "fee", "programme": "Gold Card", "amount": 1000000.0, "currency": "USD"}]
    kinds = {k: Score() for k in ("visa_programme", "fee", "quote", "person", "event", "role")}
    fields = {f: Score() for f in FIELD_KEYS}
    _score_article(ArticleResult(gold, predicted, None), kinds, fields, Score())
    assert (kinds["fee"].tp, kinds["fee"].predicted) == (1, 1)
