"""Alerts: the rules run on what the store gained since they last ran, each alert stored once.

:func:`evaluate` is called after each monitor run. In one transaction it
reads what the rules have not seen (:class:`~store.alert_rules.Delta`), runs
every configured rule on it, merges the candidates that share a key (one
subject, several rules), stores the alerts whose id is new, and marks the
delta as seen. The id is a hash of the normalised key, so an alert is never
stored twice, however often the rules see its facts again; a run that adds
nothing raises nothing.

Delivery state (``delivered_at``, ``attempts``, ``last_error``) is kept per
alert: :func:`pending` is what the webhook has not yet acknowledged.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any, TypeVar

import duckdb

from sources.alert_config import AlertRule
from sources.errors import StoreError
from store.alert_rules import Candidate, Delta, candidates, canonical_programmes
from store.db import rollback_quietly
from store.ids import ID_LENGTH, KEY_SEPARATOR
from store.messages import first_line, reraise_ctrl_c
from store.writer import utc_naive

T = TypeVar("T")

_COLUMNS = (
    "alert_id", "alert_key", "rule", "rules", "topic", "programme", "title", "fact_ids", "article_ids",
    "sources", "sites", "detail", "created_at", "delivered_at", "attempts", "last_error",
)  # fmt: skip
_SELECT = f"SELECT {', '.join(_COLUMNS)} FROM alerts"
_NEW_FACTS = """
SELECT DISTINCT s.fact_id FROM fact_sources AS s
WHERE NOT EXISTS (SELECT 1 FROM alert_seen_sources AS m WHERE m.fact_id = s.fact_id)
ORDER BY s.fact_id
"""
_NEW_ARTICLES = """
SELECT article_id FROM articles
WHERE article_id NOT IN (SELECT article_id FROM alert_seen_articles) ORDER BY article_id
"""
_MARK_SOURCES = """
INSERT INTO alert_seen_sources
SELECT DISTINCT s.fact_id, s.article_id FROM fact_sources AS s
WHERE NOT EXISTS (
    SELECT 1 FROM alert_seen_sources AS m WHERE m.fact_id = s.fact_id AND m.article_id = s.article_id)
"""
_MARK_ARTICLES = f"INSERT INTO alert_seen_articles {_NEW_ARTICLES.replace('ORDER BY article_id', '')}"
_ARTICLES_OF = """
SELECT DISTINCT article_id FROM fact_sources WHERE fact_id IN (SELECT unnest($ids::VARCHAR[]))
"""
# The [[topics]] watchlists an alert's articles matched (issue 7, part 1), alphabetically.
_WATCHED = """
SELECT DISTINCT topic FROM article_topics WHERE article_id IN (SELECT unnest($ids::VARCHAR[])) ORDER BY topic
"""
_NAMING = """
SELECT DISTINCT article_id FROM fact_sources
WHERE article_id IN (SELECT unnest($articles::VARCHAR[])) AND fact_id IN (
    SELECT fact_id FROM visa_programmes WHERE lower(name) IN (SELECT unnest($p::VARCHAR[]))
    UNION SELECT fact_id FROM events WHERE lower(programme) IN (SELECT unnest($p::VARCHAR[]))
    UNION SELECT fact_id FROM fees WHERE lower(programme) IN (SELECT unnest($p::VARCHAR[])))
"""
_FACTS = """
SELECT fact_id, kind, summary FROM facts
WHERE fact_id IN (SELECT unnest($ids::VARCHAR[])) ORDER BY kind, fact_id
"""
# Each source with the alert's facts it states (a conflict's two sides say different things).
_SOURCES = """
SELECT a.article_id, coalesce(a.final_url, a.url), a.site, a.title, a.published_at,
       coalesce((SELECT list_sort(list(s.fact_id)) FROM fact_sources AS s
                 WHERE s.article_id = a.article_id AND s.fact_id IN (SELECT unnest($facts::VARCHAR[]))),
                []::VARCHAR[])
FROM articles AS a
WHERE a.article_id IN (SELECT unnest($ids::VARCHAR[])) ORDER BY a.published_at NULLS LAST, a.article_id
"""


@dataclass(frozen=True)
class Alert:
    """One stored alert: what changed, the facts and sources behind it, its delivery state."""

    alert_id: str
    alert_key: str
    rule: str
    rules: tuple[str, ...]
    topic: str | None
    programme: str | None
    title: str
    fact_ids: tuple[str, ...]
    article_ids: tuple[str, ...]
    sources: tuple[str, ...]
    sites: tuple[str, ...]
    facts: tuple[dict[str, Any], ...]
    source_details: tuple[dict[str, Any], ...]
    created_at: dt.datetime
    delivered_at: dt.datetime | None = None
    attempts: int = 0
    last_error: str | None = None

    def payload(self) -> dict[str, Any]:
        """What the webhook receives: the alert without its delivery state (JSON-ready)."""
        return {
            "alert_id": self.alert_id,
            "rule": self.rule,
            "rules": list(self.rules),
            "topic": self.topic,
            "programme": self.programme,
            "title": self.title,
            "created_at": self.created_at.isoformat() + "Z",
            "facts": list(self.facts),
            "sources": list(self.source_details),
        }

    def to_dict(self) -> dict[str, Any]:
        """The payload plus the delivery state (``newsfacts alerts --json``)."""
        delivered = self.delivered_at.isoformat() + "Z" if self.delivered_at else None
        return {**self.payload(), "delivered_at": delivered, "attempts": self.attempts,
                "last_error": self.last_error}  # fmt: skip


def alert_id(key: Sequence[str]) -> str:
    """The id of the alert with normalised key ``key``."""
    return hashlib.sha256(KEY_SEPARATOR.join(key).encode("utf-8")).hexdigest()[:ID_LENGTH]


def evaluate(
    con: duckdb.DuckDBPyConnection, rules: Sequence[AlertRule], *, now: dt.datetime | None = None
) -> list[Alert]:
    """Run ``rules`` on what the store gained since the last evaluation; the new alerts.

    One transaction: the alerts and the marks that the delta was seen are
    stored together, or neither.
    """
    created = utc_naive(now or dt.datetime.now(dt.UTC))

    def work() -> list[Alert]:
        delta = Delta(_column(con, _NEW_FACTS, {}), _column(con, _NEW_ARTICLES, {}))
        found: list[Alert] = []
        if rules and (delta.new_facts or delta.new_articles):
            found = _store_new(con, _merge(con, rules, delta, created))
        con.execute(_MARK_SOURCES)
        con.execute(_MARK_ARTICLES)
        return found

    return _in_transaction(con, "cannot store alerts", work)


def _merge(
    con: duckdb.DuckDBPyConnection, rules: Sequence[AlertRule], delta: Delta, created: dt.datetime
) -> list[Alert]:
    """Every rule's candidates, filtered by its programmes, merged by key (config order wins ties)."""
    groups: dict[tuple[str, ...], list[tuple[int, Candidate]]] = {}
    for index, rule in enumerate(rules):
        wanted = canonical_programmes(rule.programmes) if rule.programmes else None
        for found in candidates(con, rule, delta):
            found = replace(found, article_ids=_articles(con, found))
            if wanted is None or _about(con, wanted, found):
                groups.setdefault(found.key, []).append((index, found))
    return [_alert(con, rules, group, created) for group in groups.values()]


def _articles(con: duckdb.DuckDBPyConnection, found: Candidate) -> tuple[str, ...]:
    stating = _column(con, _ARTICLES_OF, {"ids": list(found.fact_ids)}) if found.fact_ids else ()
    return tuple(sorted({*stating, *found.article_ids}))


def _about(con: duckdb.DuckDBPyConnection, wanted: frozenset[str], found: Candidate) -> bool:
    """The candidate's programme is wanted; without one (quotes, stories), an article naming one."""
    if found.programme is not None:
        return found.programme.casefold() in wanted
    return bool(_column(con, _NAMING, {"articles": list(found.article_ids), "p": sorted(wanted)}))


def _alert(
    con: duckdb.DuckDBPyConnection,
    rules: Sequence[AlertRule],
    group: list[tuple[int, Candidate]],
    created: dt.datetime,
) -> Alert:
    _, lead = min(group, key=lambda item: (item[1].priority, item[0], item[1].title))
    labels = [rules[i].topic for i, _ in sorted(group, key=lambda item: item[0]) if rules[i].topic]
    fact_ids = tuple(sorted({fid for _, c in group for fid in c.fact_ids}))
    article_ids = tuple(sorted({aid for _, c in group for aid in c.article_ids}))
    topic = labels[0] if labels else _watched(con, article_ids)
    facts = [dict(zip(("fact_id", "kind", "summary"), r, strict=True)) for r in _rows(con, _FACTS, fact_ids)]
    stated = _query(con, _SOURCES, {"ids": list(article_ids), "facts": list(fact_ids)}) if article_ids else []
    sources = [_source(r) for r in stated]
    return Alert(
        alert_id=alert_id(lead.key), alert_key=KEY_SEPARATOR.join(lead.key), rule=lead.rule,
        rules=tuple(sorted({c.rule for _, c in group})), topic=topic,
        programme=lead.programme, title=lead.title, fact_ids=fact_ids, article_ids=article_ids,
        sources=tuple(sorted({s["url"] for s in sources})),
        sites=tuple(sorted({s["site"] for s in sources if s["site"]})),
        facts=tuple(facts), source_details=tuple(sources), created_at=created,
    )  # fmt: skip


def _watched(con: duckdb.DuckDBPyConnection, article_ids: tuple[str, ...]) -> str | None:
    """With no ``topic`` label on its rules, the first ``[[topics]]`` watchlist its articles matched."""
    found = _column(con, _WATCHED, {"ids": list(article_ids)}) if article_ids else ()
    return found[0] if found else None


def _source(row: tuple[Any, ...]) -> dict[str, Any]:
    article_id, url, site, title, published, states = row
    published_at = published.isoformat() if published else None
    return {
        "article_id": article_id, "url": url, "site": site, "title": title, "published_at": published_at,
        "fact_ids": list(states),
    }  # fmt: skip


def _store_new(con: duckdb.DuckDBPyConnection, alerts: list[Alert]) -> list[Alert]:
    """Insert the alerts whose id is not stored yet; those, in a stable order."""
    known = set(_column(con, "SELECT alert_id FROM alerts WHERE alert_id IN (SELECT unnest($ids::VARCHAR[]))",
                        {"ids": [a.alert_id for a in alerts]}))  # fmt: skip
    new = sorted((a for a in alerts if a.alert_id not in known), key=lambda a: (a.rule, a.title, a.alert_id))
    placeholders = ", ".join("?" for _ in _COLUMNS)
    sql = f"INSERT INTO alerts ({', '.join(_COLUMNS)}) VALUES ({placeholders}) ON CONFLICT DO NOTHING"
    for alert in new:
        con.execute(sql, _row(alert))
    return new


def _row(alert: Alert) -> list[object]:
    detail = {"facts": list(alert.facts), "sources": list(alert.source_details)}
    text = json.dumps(detail, ensure_ascii=False)
    return [
        alert.alert_id, alert.alert_key, alert.rule, list(alert.rules), alert.topic, alert.programme,
        alert.title, list(alert.fact_ids), list(alert.article_ids), list(alert.sources), list(alert.sites),
        text, alert.created_at, alert.delivered_at, alert.attempts, alert.last_error,
    ]  # fmt: skip


def list_alerts(
    con: duckdb.DuckDBPyConnection, *, since: dt.datetime | None = None, until: dt.datetime | None = None
) -> list[Alert]:
    """Stored alerts created in ``[since, until)`` (UTC), oldest first."""
    sql = f"{_SELECT} WHERE created_at >= coalesce(?::TIMESTAMP, created_at) "
    sql += "AND created_at < coalesce(?::TIMESTAMP, 'infinity'::TIMESTAMP)"
    params = [utc_naive(since) if since else None, utc_naive(until) if until else None]
    return [_from_row(r) for r in _query(con, sql + " ORDER BY created_at, rule, title, alert_id", params)]


def pending(con: duckdb.DuckDBPyConnection) -> list[Alert]:
    """Alerts the webhook has not acknowledged yet, oldest first."""
    sql = f"{_SELECT} WHERE delivered_at IS NULL ORDER BY created_at, rule, title, alert_id"
    return [_from_row(r) for r in _query(con, sql, [])]


def record_delivery(
    con: duckdb.DuckDBPyConnection,
    alert: str,
    *,
    attempts: int,
    delivered_at: dt.datetime | None,
    error: str | None,
) -> None:
    """Add ``attempts`` POSTs to the alert's count; delivered (with the time) or the last error."""
    sql = (
        "UPDATE alerts SET attempts = attempts + ?, delivered_at = coalesce(?, delivered_at), "
        "last_error = ? WHERE alert_id = ?"
    )
    when = utc_naive(delivered_at) if delivered_at else None
    _in_transaction(con, f"cannot record the delivery of alert {alert}",
                    lambda: con.execute(sql, [attempts, when, error, alert]))  # fmt: skip


def _from_row(row: tuple[Any, ...]) -> Alert:
    aid, key, rule, rules, topic, programme, title, fact_ids, article_ids, sources, sites, *rest = row
    detail, created_at, delivered_at, attempts, last_error = rest
    parsed = json.loads(detail)
    return Alert(
        aid, key, rule, tuple(rules), topic, programme, title, tuple(fact_ids), tuple(article_ids),
        tuple(sources), tuple(sites), tuple(parsed["facts"]), tuple(parsed["sources"]), created_at,
        delivered_at, attempts, last_error,
    )  # fmt: skip


def _column(con: duckdb.DuckDBPyConnection, sql: str, params: dict[str, object]) -> tuple[str, ...]:
    return tuple(row[0] for row in _query(con, sql, params))


def _rows(con: duckdb.DuckDBPyConnection, sql: str, ids: Sequence[str]) -> list[tuple[Any, ...]]:
    return _query(con, sql, {"ids": list(ids)}) if ids else []


def _query(con: duckdb.DuckDBPyConnection, sql: str, params: object) -> list[tuple[Any, ...]]:
    try:
        return con.execute(sql, params).fetchall()
    except duckdb.Error as exc:
        reraise_ctrl_c(exc)
        raise StoreError(f"cannot read alerts: {first_line(exc)}") from exc


def _in_transaction(con: duckdb.DuckDBPyConnection, what: str, work: Callable[[], T]) -> T:
    try:
        con.begin()
        result = work()
        con.commit()
    except BaseException as exc:
        rollback_quietly(con)
        if isinstance(exc, duckdb.Error):
            raise StoreError(f"{what}: {first_line(exc)}") from exc
        raise  # a NewsfactsError from a rule, or an interrupt: as it is
    return result
