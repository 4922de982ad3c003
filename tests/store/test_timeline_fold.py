"""An event reported at a coarser date by one outlet is one timeline row with the finer date."""

from __future__ import annotations

from datetime import date

import duckdb

from extractors.models import Article
from store.ids import fact_id
from store.queries import timeline
from tests.store.factories import article, event, rows, save

DAY = event("K visa", "launched", "2025-10-01", "day", description="launches on Wednesday")
MONTH = event("K visa", "launched", "2025-10", "month", description="launched last month")
YEAR = event("K visa", "launched", "2025", "year", description="launched this year")


def _articles() -> list[Article]:
    texts = [
        f"Report {n}: " + " ".join(f"w{n}x{i} story {n} sentence {i}." for i in range(40)) for n in range(3)
    ]
    return [
        article(
            f"https://{site}.example/k", site=site.upper(), published_at=date(2025, 10 + n, 1 + n), text=text
        )
        for n, (site, text) in enumerate(zip(("a", "b", "c"), texts, strict=True))
    ]


def test_a_month_and_a_year_fold_into_the_one_day_with_every_source(con: duckdb.DuckDBPyConnection) -> None:
    a, b, c = _articles()
    save(con, a, [DAY])
    save(con, b, [MONTH])
    save(con, c, [YEAR])
    assert rows(con, "SELECT count(*) FROM timeline")[0] == (3,)  # the view keeps one row a fact
    [row] = [r for r in timeline(con, "k visa") if r.kind == "event"]
    assert (row.date, row.precision, row.detail, row.fact_id) == (
        "2025-10-01",
        "day",
        DAY.description,
        fact_id(DAY),
    )
    assert set(row.folded) == {fact_id(MONTH), fact_id(YEAR)}
    assert row.sources == ("https://a.example/k", "https://b.example/k", "https://c.example/k")
    assert row.sites == ("A", "B", "C")
    assert (row.n_sources, row.n_stories, row.n_outlets) == (3, 3, 3)
    assert row.first_reported_at == date(2025, 10, 1)
    assert row.to_dict()["folded"] == list(row.folded)


def test_a_source_of_both_dates_counts_once(con: duckdb.DuckDBPyConnection) -> None:
    a, b, _ = _articles()
    save(con, a, [DAY, MONTH])
    save(con, b, [MONTH])
    [row] = timeline(con, "K visa")
    assert (row.n_sources, row.n_stories) == (2, 2)
    assert row.sources == ("https://a.example/k", "https://b.example/k")


def test_nothing_folds_when_the_month_holds_two_days_or_another_type(con: duckdb.DuckDBPyConnection) -> None:
    a, b, c = _articles()
    other_day = event("K visa", "launched", "2025-10-20", "day", description="launched on Oct. 20")
    announced = event("K visa", "announced", "2025-11", "month", description="announced last month")
    save(con, a, [DAY, other_day])
    save(con, b, [MONTH])
    save(con, c, [announced, event("K visa", "launched", "2025-11", "month", description="in November")])
    found = {(r.event_type, r.date) for r in timeline(con, "K visa")}
    assert found == {
        ("launched", "2025-10-01"),
        ("launched", "2025-10-20"),
        ("launched", "2025-10"),
        ("announced", "2025-11"),
        ("launched", "2025-11"),
    }
    assert all(not r.folded for r in timeline(con, "K visa"))
