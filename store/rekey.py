"""Migration steps in Python: new ids for rows whose identity key changed.

A fact's id is a hash of its identity key (``store.ids.fact_id``), which SQL
cannot recompute (the key is normalised in Python). When a kind's key
changes, a step here gives the stored rows the ids the new key gives them,
so facts saved before and after the change stay one row each.
"""

from __future__ import annotations

import duckdb

from extractors.models import VisaProgrammeFact
from store.bulk import registered
from store.ids import fact_id

MOVES = "programme_id_moves"


def programme_ids_hold_country(con: duckdb.DuckDBPyConnection) -> None:
    """Extractors 0.9.0: a programme's identity holds its country (Spain's and Greece's golden
    visa are two programmes). Each stored programme row held one country, so each old id maps
    to one new id: the programme's row, its sources and the alerts' references move to it."""
    stored = con.execute("SELECT fact_id, name, country FROM visa_programmes").fetchall()
    moves = [(old, _new_id(name, country)) for old, name, country in stored]
    moves = [(old, new) for old, new in moves if old != new]
    if not moves:
        return
    columns = {"old_id": [old for old, _ in moves], "new_id": [new for _, new in moves]}
    with registered(con, MOVES, columns, {"old_id": "string", "new_id": "string"}):
        # New rows first, then the old ones deleted: no key is deleted and inserted again.
        con.execute(f"""
            INSERT INTO visa_programmes
            SELECT p.* REPLACE (m.new_id AS fact_id) FROM visa_programmes AS p JOIN {MOVES} AS m
            ON p.fact_id = m.old_id""")
        con.execute(f"DELETE FROM visa_programmes WHERE fact_id IN (SELECT old_id FROM {MOVES})")
        con.execute(f"""
            INSERT INTO fact_sources
            SELECT s.* REPLACE (m.new_id AS fact_id) FROM fact_sources AS s JOIN {MOVES} AS m
            ON s.fact_id = m.old_id""")
        con.execute(f"DELETE FROM fact_sources WHERE fact_id IN (SELECT old_id FROM {MOVES})")
        con.execute(f"""
            UPDATE alert_seen_sources SET fact_id = m.new_id FROM {MOVES} AS m
            WHERE alert_seen_sources.fact_id = m.old_id""")
    renamed = dict(moves)
    alerts = con.execute("SELECT alert_id, fact_ids FROM alerts").fetchall()
    for alert_id, ids in alerts:
        moved = sorted(renamed.get(fid, fid) for fid in ids)
        if moved != sorted(ids):
            con.execute("UPDATE alerts SET fact_ids = ? WHERE alert_id = ?", [moved, alert_id])


def _new_id(name: str, country: str | None) -> str:
    return fact_id(VisaProgrammeFact(sentence="", start=0, end=0, name=name, country=country))
