"""Merge the facts one article states several times into one fact each."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from extractors.models import AnyFact, Fact, FeeFact


def merge_facts(facts: Sequence[Fact]) -> list[AnyFact]:
    """One fact per identity, in text order; fee mentions are merged first."""
    fees = _merge_fees([f for f in facts if isinstance(f, FeeFact)])
    others = [f for f in facts if not isinstance(f, FeeFact)]
    unique: dict[tuple[str, ...], AnyFact] = {}
    for fact in [*others, *fees]:
        unique.setdefault(fact.identity(), fact)  # type: ignore[arg-type]
    return sorted(unique.values(), key=lambda f: (f.start, f.kind))


def _merge_fees(fees: list[FeeFact]) -> list[FeeFact]:
    """Fee mentions with the same programme, amount and currency are one claim.

    "pay $100,000 per year for H-1B visas" and later "the new $100,000 fee"
    state one fee; the period and what it applies to come from whichever
    mention says them. Two mentions that state different periods stay two
    claims (the article contradicts itself, and both are kept).
    """
    merged: list[FeeFact] = []
    for fee in sorted(fees, key=lambda f: (f.period is None, f.applies_to is None, f.start)):
        target = next((m for m in merged if _compatible(m, fee)), None)
        if target is None:
            merged.append(fee)
            continue
        index = merged.index(target)
        merged[index] = replace(
            target,
            applies_to=target.applies_to or fee.applies_to,
            amount_usd=target.amount_usd if target.amount_usd is not None else fee.amount_usd,
        )
    return merged


def _compatible(a: FeeFact, b: FeeFact) -> bool:
    same_claim = (a.programme, a.amount, a.currency) == (b.programme, b.amount, b.currency)
    return same_claim and (a.period == b.period or b.period is None)
