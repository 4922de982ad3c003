"""The alert rules: what a run added (a :class:`Delta`) to candidate alerts, in SQL over the store.

Each rule looks only at facts and articles the rules have not seen before
(``alert_seen_sources`` / ``alert_seen_articles``, 0004) and yields
:class:`Candidate` alerts, each with a normalised ``key`` naming its subject:

- ``new_programme``: a visa programme fact never seen before. Key: the name.
- ``fee_changed``: a new fee claim for a programme. No earlier claim: "new
  fee". An amount or currency no earlier claim has: "fee changed". The same
  amount with another stated period than an earlier claim: that is a
  conflict (the ``conflicts`` view pairs them), so the alert is keyed as the
  conflict and titled "fee changed / conflict". A claim that agrees with an
  earlier one (same amount, no period or the same) is corroboration: none.
- ``new_conflict``: a ``conflicts`` row (fee periods or event dates that
  disagree) with a new fact on one side, that did not hold before the run
  (not both sides already seen). Key: kind, programme, subject and the two
  claims — not the fact ids, so a third outlet repeating one side is not a
  new conflict.
- ``event_moved``: an event conflict whose one side was seen before and
  whose other side is new: the date moved. Keyed as the conflict.
- ``person_quoted``: a new quote (a quote group with no fact seen before)
  by a watched person (full name, any case). Key: the quote group.
- ``story_outlets``: a story with a new article, now in ``min_outlets`` or
  more outlets, that had fewer among the articles seen before. Key: the
  story and the threshold.

So a fee that changed and the conflict it makes are one alert (one key),
raised by both ``fee_changed`` and ``new_conflict`` when both are configured.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import duckdb

from sources.alert_config import AlertRule, RuleName
from sources.errors import StoreError
from store.messages import first_line, reraise_ctrl_c

_OLD_FACTS = "(SELECT fact_id FROM alert_seen_sources)"
_NEW_PROGRAMMES = """
SELECT fact_id, name, country FROM visa_programmes
WHERE fact_id IN (SELECT unnest($new::VARCHAR[])) ORDER BY name
"""
_NEW_FEES = """
SELECT fact_id, programme, amount, currency, period FROM fees
WHERE programme IS NOT NULL AND fact_id IN (SELECT unnest($new::VARCHAR[]))
ORDER BY programme, amount, fact_id
"""
_OLD_FEES = f"""
SELECT amount, currency, period FROM fees
WHERE lower(programme) = lower($programme) AND fact_id IN {_OLD_FACTS}
ORDER BY amount, currency
"""
# The "seen before" flags look only at the fact ids of the conflicts in
# question, not at every seen fact (millions on a big store).
_CONFLICTS = """
WITH touched AS (
    SELECT * FROM conflicts WHERE list_has_any(list_concat(fact_ids_a, fact_ids_b), $new::VARCHAR[])
),
seen AS (
    SELECT coalesce(list(DISTINCT fact_id), []::VARCHAR[]) AS ids FROM alert_seen_sources
    WHERE fact_id IN (SELECT unnest(list_concat(fact_ids_a, fact_ids_b)) FROM touched)
)
SELECT kind, programme, subject, claim_a, claim_b, fact_ids_a, fact_ids_b, outlets_a, outlets_b,
       list_has_any(fact_ids_a, (SELECT ids FROM seen)) AS old_a,
       list_has_any(fact_ids_b, (SELECT ids FROM seen)) AS old_b
FROM touched
ORDER BY kind, programme, subject, claim_a, claim_b
"""
_QUOTES = f"""
SELECT g.quote_id, q.fact_id, q.speaker, q.text, q.direct
FROM quotes AS q JOIN quote_groups AS g USING (fact_id)
WHERE q.fact_id IN (SELECT unnest($new::VARCHAR[]))
  AND lower(q.speaker) IN (SELECT lower(unnest($people::VARCHAR[])))
  AND NOT EXISTS (SELECT 1 FROM quote_groups AS o WHERE o.quote_id = g.quote_id AND o.fact_id IN {_OLD_FACTS})
ORDER BY g.quote_id, length(q.text) DESC, q.fact_id
"""
_STORIES = """
SELECT s.story_id, s.title, s.n_outlets, list_sort(list(m.article_id)) AS articles,
       count(DISTINCT m.outlet) FILTER (
           WHERE m.article_id IN (SELECT article_id FROM alert_seen_articles)) AS old_outlets
FROM stories AS s JOIN article_stories AS m USING (story_id)
WHERE s.n_outlets >= $n AND s.story_id IN (
    SELECT story_id FROM article_stories WHERE article_id IN (SELECT unnest($articles::VARCHAR[])))
GROUP BY s.story_id, s.title, s.n_outlets
ORDER BY s.story_id
"""


@dataclass(frozen=True)
class Delta:
    """What the rules have not looked at: new facts (no source seen) and new articles."""

    new_facts: tuple[str, ...]
    new_articles: tuple[str, ...]


@dataclass(frozen=True)
class Candidate:
    """One alert a rule would raise; candidates with one ``key`` are one alert.

    ``priority`` orders the rules' wordings of one subject: the lowest titles it
    ("fee changed / conflict" before the plain "conflict").
    """

    key: tuple[str, ...]
    rule: RuleName
    title: str
    programme: str | None
    fact_ids: tuple[str, ...]
    article_ids: tuple[str, ...] = ()
    priority: int = 1


def candidates(con: duckdb.DuckDBPyConnection, rule: AlertRule, delta: Delta) -> list[Candidate]:
    """The candidates ``rule`` raises on ``delta``, before the programme filter."""
    if rule.rule == "new_programme":
        return _new_programmes(con, delta)
    if rule.rule == "fee_changed":
        return _fee_changes(con, delta)
    if rule.rule in ("new_conflict", "event_moved"):
        return _conflicts(con, delta, rule.rule)
    if rule.rule == "person_quoted":
        return _quotes(con, delta, rule.people)
    return _stories(con, delta, rule.min_outlets)


def _new_programmes(con: duckdb.DuckDBPyConnection, delta: Delta) -> list[Candidate]:
    rows = _rows(con, _NEW_PROGRAMMES, {"new": list(delta.new_facts)})
    found = []
    for fid, name, country in rows:
        title = f"New programme: {name}" + (f" ({country})" if country else "")
        found.append(Candidate(("new_programme", name.casefold()), "new_programme", title, name, (fid,)))
    return found


def _fee_changes(con: duckdb.DuckDBPyConnection, delta: Delta) -> list[Candidate]:
    """Conflicts a new fee is in, then new amounts; agreeing claims raise nothing."""
    found = _conflicts(con, delta, "fee_changed")
    in_conflict = {fid for c in found for fid in c.fact_ids}
    for fid, programme, amount, currency, period in _rows(con, _NEW_FEES, {"new": list(delta.new_facts)}):
        if fid in in_conflict:
            continue
        earlier = _rows(con, _OLD_FEES, {"programme": programme})
        if any(a == amount and c == currency for a, c, _ in earlier):
            continue  # corroboration, or a period the earlier claim did not state
        claim = _fee_text(amount, currency, period)
        if earlier:
            was = ", ".join(dict.fromkeys(_fee_text(a, c, p) for a, c, p in earlier))
            title = f"{programme} fee changed: {claim} (was {was})"
        else:
            title = f"New fee: {programme} {claim}"
        key = ("fee", programme.casefold(), amount_key(amount), currency)
        found.append(Candidate(key, "fee_changed", title, programme, (fid,)))
    return found


def _conflicts(con: duckdb.DuckDBPyConnection, delta: Delta, rule: RuleName) -> list[Candidate]:
    """Conflict rows that are new: a new fact on a side, not both sides seen before."""
    found = []
    for row in _rows(con, _CONFLICTS, {"new": list(delta.new_facts)}):
        kind, programme, subject, claim_a, claim_b, facts_a, facts_b, outlets_a, outlets_b, old_a, old_b = row
        if (old_a and old_b) or (rule == "fee_changed" and kind != "fee"):
            continue
        moved = old_a != old_b
        if rule == "event_moved" and (kind != "event" or not moved):
            continue
        before, after = (claim_a, claim_b) if old_a else (claim_b, claim_a)
        if rule == "new_conflict":
            side_a = f"{_claim(claim_a)} ({outlets_a} {_plural(outlets_a, 'outlet')})"
            side_b = f"{_claim(claim_b)} ({outlets_b} {_plural(outlets_b, 'outlet')})"
            title = f"Conflict: {programme} {_subject(subject)}: {side_a} vs {side_b}"
        elif kind == "fee":
            change = "changed" if moved else "new"
            title = f"{programme} fee {change} / conflict: {_subject(subject)} {_claim(after)}"
            title += f", was {_claim(before)}" if moved else f" vs {_claim(before)}"
        else:
            title = f"{programme} {_subject(subject)} date moved / conflict: {before} → {after}"
        key = ("conflict", kind, programme.casefold(), subject, claim_a, claim_b)
        fact_ids = tuple(sorted({*facts_a, *facts_b}))
        priority = 2 if rule == "new_conflict" else 1
        found.append(Candidate(key, rule, title, programme, fact_ids, priority=priority))
    return found


def _quotes(con: duckdb.DuckDBPyConnection, delta: Delta, people: Sequence[str]) -> list[Candidate]:
    params: dict[str, object] = {"new": list(delta.new_facts), "people": list(people)}
    found = []
    for quote_id, fid, speaker, text, direct in _rows(con, _QUOTES, params):
        said = f"“{_short(text)}”" if direct else _short(text)
        title = f"{speaker} quoted: {said}"
        found.append(Candidate(("quote", quote_id), "person_quoted", title, None, (fid,)))
    return found


def _stories(con: duckdb.DuckDBPyConnection, delta: Delta, min_outlets: int) -> list[Candidate]:
    params = {"n": min_outlets, "articles": list(delta.new_articles)}
    found = []
    for story_id, title, n_outlets, articles, old_outlets in _rows(con, _STORIES, params):
        if old_outlets < min_outlets:
            key = ("story_outlets", story_id, str(min_outlets))
            what = f"Story in {n_outlets} outlets: {title or story_id}"
            found.append(Candidate(key, "story_outlets", what, None, (), tuple(articles)))
    return found


def amount_key(amount: float) -> str:
    """An amount as the views print it: whole amounts without ".0"."""
    return str(int(amount)) if amount == int(amount) and abs(amount) < 1e15 else repr(amount)


def _fee_text(amount: float, currency: str, period: str | None) -> str:
    return " ".join(part for part in (amount_key(amount), currency, _claim(period or "")) if part)


def _claim(claim: str) -> str:
    return claim.replace("_", " ")


def _subject(subject: str) -> str:
    """``fee 100000 USD`` reads as it is; an event type loses its underscore."""
    return _claim(subject)


def _short(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _plural(n: int, one: str) -> str:
    return one if n == 1 else one + "s"


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: dict[str, object]) -> list[tuple[Any, ...]]:
    try:
        return con.execute(sql, params).fetchall()
    except duckdb.Error as exc:
        reraise_ctrl_c(exc)
        raise StoreError(f"cannot evaluate the alert rules: {first_line(exc)}") from exc


def canonical_programmes(names: Iterable[str]) -> frozenset[str]:
    """Configured programme names, canonical where the programme table knows them, casefolded."""
    from extractors.components.programmes import canonical_programme, programme_table

    table = programme_table()
    out = set()
    for name in names:
        known = canonical_programme(name, table)
        out.add((known.name if known else name).casefold())
    return frozenset(out)
