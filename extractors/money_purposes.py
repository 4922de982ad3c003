"""The money-purpose lexicon as plain data: which nouns name a fee a
government charges for a visa, a permit or a status, and which name money
that is no such fee (pay, rewards, capital, means, costs paid to others,
aggregates, penalties, economy figures). No spaCy.

``extractors/data/money_purposes.json`` holds the table (its ``note`` says
what each class is and what it leaves out); :mod:`extractors.components.fee_page`
and :mod:`extractors.components.fee_exclusions` build their patterns from
:func:`money_purposes`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any, cast

from extractors.bundled import read_bundled


class PurposeLexiconError(ValueError):
    """The money-purpose table contradicts itself."""


@dataclass(frozen=True)
class MoneyPurposes:
    """The table by class. ``fee``: class (charge, payment, price) -> entries;
    ``not_fee``: class -> entries, counting before or after an amount;
    ``after_only``: not-fee entries that count only right after an amount;
    ``private_payees``: words of a payee other than the state ("legal",
    "university"); ``examples``: fee compounds, for the tests. ``plurals``
    and ``exceptions`` say how an entry is written as a pattern."""

    fee: dict[str, tuple[str, ...]]
    not_fee: dict[str, tuple[str, ...]]
    after_only: tuple[str, ...]
    private_payees: tuple[str, ...]
    examples: tuple[str, ...]
    plurals: dict[str, tuple[str, ...]]
    exceptions: dict[str, tuple[str, ...]]

    def forms(self, entry: str) -> list[str]:
        """An entry and its plurals, as written ("levy" -> "levy", "levies")."""
        if entry.endswith("*"):
            return [entry]
        if entry in self.plurals:
            return [entry, *self.plurals[entry]]
        head, _, last = entry.rpartition(" ")
        prefix = f"{head} " if head else ""
        if last.endswith(("'", "’")) or (last.endswith("s") and not last.endswith(("ss", "us", "is"))):
            return [entry]  # a possessive, or a plural already: "lawyers'", "living costs"
        if re.search(r"[^aeiou]y$", last):
            plural = last[:-1] + "ies"
        elif last.endswith(("s", "x", "ch", "sh")):
            plural = last + "es"
        else:
            plural = last + "s"
        return [entry, prefix + plural]

    def alternation(self, entries: list[str] | tuple[str, ...]) -> str:
        """A regex alternation (no group, no word bounds) of every form of ``entries``,
        longest first; spaces match a space or a hyphen, apostrophes either quote."""
        parts: dict[str, None] = {}
        for entry in entries:
            for form in self.forms(entry):
                parts[_pattern(form, self.exceptions.get(form.rstrip("*"), ()))] = None
        return "|".join(sorted(parts, key=lambda p: (-len(p), p)))

    def fee_nouns(self, *classes: str) -> list[str]:
        return [e for c in classes for e in self.fee[c]]

    def not_fee_nouns(self, *, after: bool) -> list[str]:
        """Every not-a-fee entry; ``after`` adds those that count only after an amount."""
        found = [e for entries in self.not_fee.values() for e in entries]
        return found + list(self.after_only) if after else found


def _pattern(form: str, exceptions: tuple[str, ...]) -> str:
    stem = form.endswith("*")
    text = form.rstrip("*")
    words = [re.sub("['’]", "['’]", re.escape(w)) for w in re.split(r"[\s-]+", text)]
    body = r"[\s-]+".join(words)
    if stem:
        body += r"\w*"
    if exceptions:
        body = rf"(?!(?:{'|'.join(re.escape(x) for x in exceptions)})\b){body}"
    return body


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v == v.lower() for v in value):
        raise PurposeLexiconError(f"{where}: a list of lower-case strings expected")
    return tuple(cast(list[str], value))


def load(raw: dict[str, Any]) -> MoneyPurposes:
    """Checks and builds the table: no entry both a fee and a not-fee noun."""
    fee_raw = dict(raw["fee"])
    examples = _strings(fee_raw.pop("examples"), "fee.examples")
    fee = {k: _strings(v, f"fee.{k}") for k, v in fee_raw.items()}
    not_fee = {k: _strings(v, f"not_fee.{k}") for k, v in raw["not_fee"].items()}
    fee_words = {e for entries in fee.values() for e in entries}
    for name, entries in not_fee.items():
        both = fee_words.intersection(entries)
        if both:
            raise PurposeLexiconError(f"not_fee.{name} repeats fee nouns: {sorted(both)}")
    return MoneyPurposes(
        fee=fee,
        not_fee=not_fee,
        after_only=_strings(raw["after_only"], "after_only"),
        private_payees=_strings(raw["private_payees"], "private_payees"),
        examples=examples,
        plurals={k: _strings(v, f"plurals.{k}") for k, v in raw["plurals"].items()},
        exceptions={k.rstrip("*"): _strings(v, f"exceptions.{k}") for k, v in raw["exceptions"].items()},
    )


@cache
def money_purposes() -> MoneyPurposes:
    """The table from ``extractors/data/money_purposes.json``."""
    return load(read_bundled("money_purposes.json"))
