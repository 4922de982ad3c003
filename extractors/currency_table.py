"""The currency table (``extractors/data/currencies.json``), loaded once.

Every current ISO 4217 currency with the forms news writes it in: signs
before an amount ("US$", "R$", "zł"), signs after it ("1.500 €", "500 kr"),
English names (with their plurals) and the country forms that tell which
currency a shared form means. A form is *strong* when it names one currency
wherever it stands ("HK$", "baht", "Swiss francs"), *local* when several
currencies share it ("$", "dollars", "kr", "Rs", "pesos") or when it is money
only where the article speaks of its country ("R", "QR", "Ft"). Local forms
are resolved by ``extractors.currency_context``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from extractors.bundled import read_bundled

_Node = dict[str, "_Node"]


@dataclass(frozen=True)
class Currency:
    """One currency: its code, country forms and strong forms."""

    code: str
    countries: tuple[str, ...]
    names: tuple[str, ...]  # singular and plural, as written
    signs: tuple[str, ...]
    decimals: int


@dataclass(frozen=True)
class CurrencyTable:
    """Surface form -> currency, per place in the amount.

    ``*_strong`` map a form to its one code; ``*_local`` map a form to the key
    under which ``local_codes`` lists the currencies sharing it. Names are
    keyed casefolded; signs and codes exactly.
    """

    currencies: dict[str, Currency]
    codes: frozenset[str]  # codes read before or after any amount
    signs_strong: dict[str, str]
    after_strong: dict[str, str]
    names_strong: dict[str, str]
    signs_local: dict[str, str]
    after_local: dict[str, str]
    names_local: dict[str, str]
    local_codes: dict[str, tuple[str, ...]]
    defaults: dict[str, str]
    minor: dict[str, int]  # local key -> minor units per major unit ("cent": 100)
    singulars: frozenset[str]  # names in the singular, casefolded ("dollar", "swiss franc")
    total_units: dict[str, float]  # code -> the amount from which it is a total, not a fee

    def signs(self) -> list[str]:
        return [*self.signs_strong, *self.signs_local, *self.codes]

    def afters(self) -> list[str]:
        return [*self.after_strong, *self.after_local]

    def names(self) -> list[str]:
        return [*self.names_strong, *self.names_local]


def plural_forms(name: str, plurals: dict[str, list[str]]) -> list[str]:
    """A name and its plurals: the last word's plural from the table, else with an s."""
    head, _, last = name.rpartition(" ")
    forms = plurals.get(last, plurals.get(last.casefold(), [last + "s"]))
    return [name, *(f"{head} {form}".strip() for form in forms)]


@cache
def currency_table() -> CurrencyTable:
    raw = read_bundled("currencies.json")
    plurals: dict[str, list[str]] = raw["plurals"]
    word_codes = set(raw["word_codes"])
    currencies: dict[str, Currency] = {}
    signs_strong: dict[str, str] = {}
    after_strong: dict[str, str] = {}
    names_strong: dict[str, str] = {}
    signs_local: dict[str, str] = {}
    after_local: dict[str, str] = {}
    names_local: dict[str, str] = {}
    local: dict[str, list[str]] = {}
    singulars: set[str] = set()
    for entry in raw["currencies"]:
        code = entry["code"]
        names = [form for name in entry["names"] for form in plural_forms(name, plurals)]
        currencies[code] = Currency(code, tuple(entry["countries"]), tuple(names),
                                    tuple(entry["signs"]), int(entry.get("decimals", 2)))
        for sign in entry["signs"]:
            signs_strong[sign] = code
        for sign in entry["after"]:
            after_strong[sign] = code
        for name in names:
            names_strong[name.casefold()] = code
        singulars.update(name.casefold() for name in entry["names"])
        shared = entry["local"]
        for sign in shared["signs"] + ([code] if code in word_codes else []):
            signs_local[sign] = sign
            local.setdefault(sign, []).append(code)
        for sign in shared["after"] + ([code] if code in word_codes else []):
            after_local[sign] = sign
            local.setdefault(sign, []).append(code)
        for name in shared["names"]:
            for form in plural_forms(name, plurals):
                names_local[form.casefold()] = name
            local.setdefault(name, []).append(code)
            singulars.add(name.casefold())
    for form, code in _country_names(raw, plurals).items():
        if form not in names_strong and form not in names_local:
            names_strong[form] = code
    codes = frozenset(code for code in currencies if code not in word_codes)
    return CurrencyTable(
        currencies=currencies,
        codes=codes,
        signs_strong=signs_strong,
        after_strong=after_strong,
        names_strong=names_strong,
        signs_local={k: v for k, v in signs_local.items() if k not in signs_strong},
        after_local={k: v for k, v in after_local.items() if k not in after_strong},
        names_local={k: v for k, v in names_local.items() if k not in names_strong},
        local_codes={key: tuple(dict.fromkeys(codes_)) for key, codes_ in local.items()},
        defaults=dict(raw["defaults"]),
        minor={key: int(per) for key, per in raw["minor"].items()},
        singulars=frozenset(singulars),
        total_units={code: float(units) for code, units in raw["total_units"].items()},
    )


# Currency nouns that are also common verbs or nouns ("in 2026 Bosnia marks
# the date", "Korea won"), and minor units: never joined to a country form.
_NOT_JOINED = frozenset({"won", "mark", "pound", "crown", "real", "sol", "gold", "dram", "cent", "penny",
                         "pence", "sterling", "quid", "buck"})


def _country_names(raw: dict[str, Any], plurals: dict[str, list[str]]) -> dict[str, str]:
    """Names news builds from a country form and the currency's noun ("Mexico
    pesos", "Zimbabwean dollar" is not one: the noun must be the currency's):
    every country form of a currency before the last word of each of its
    names and each of its shared names, casefolded; a form two currencies
    could build is left out."""
    built: dict[str, set[str]] = {}
    for entry in raw["currencies"]:
        nouns = {name.split()[-1] for name in [*entry["names"], *entry["local"]["names"]]}
        nouns = {n for n in nouns if n.casefold() not in _NOT_JOINED and n not in raw["minor"]}
        for country in entry["countries"]:
            for noun in nouns:
                for form in plural_forms(f"{country} {noun}", plurals):
                    built.setdefault(form.casefold(), set()).add(entry["code"])
    return {form: codes.pop() for form, codes in built.items() if len(codes) == 1}


def trie_pattern(words: list[str]) -> str:
    """One regular expression for a set of literal strings, as a trie: the
    engine tries a prefix once instead of once per word, and a longer word
    before its prefix ("HK$" before "H", "Chinese yuan" before "Chinese")."""
    trie: _Node = {}
    for word in set(words):
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: _Node) -> str:
    ends = "" in node
    branches = [re.escape(char) + _trie_regex(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return f"(?:{body})?"
    return body


# Case folding under which two texts a case-insensitive ``re`` pattern finds
# alike are equal: ``str.lower``, one character for one once "İ" is mapped
# (the only character it lowers to two), plus the pairs ``re`` adds of its
# own ("ı" is "i", "ſ" is "s").
_FOLD = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})


def fold(text: str) -> str:
    """``text`` case-folded as a case-insensitive pattern compares it, one character for one."""
    return (text.translate(_FOLD) if "İ" in text or "ı" in text or "ſ" in text else text).lower()


MoreRuns = Callable[[set[str], str], set[str]]


class FormIndex:
    """Which of a set of literal forms a text holds, found by set look-ups, with no pattern.

    A pattern that embeds every form (as :func:`trie_pattern` does) costs a
    compile of some 20 KB of regular expression; built over the forms one
    text holds instead, it is a few hundred bytes, and it matches in that text
    exactly as the whole one would: a form the text does not hold matches
    nowhere in it, and the smaller trie tries the others in the same order.

    ``run`` is the class of the characters of a word (letters, or ``\\w``).
    With ``word_end``, the patterns try a form only where no run character
    comes before or after it, so a form that ends in one is found by its last
    run, which must be a whole run of the text; any other form by its last
    character. :meth:`present` returns a superset of the forms a pattern can
    match in the text, never less.
    """

    def __init__(self, forms: Iterable[str], run: str, *, ignore_case: bool, word_end: bool) -> None:
        self._runs = re.compile(f"{run}+")
        last_run = re.compile(f"{run}+$")
        self._ignore_case = ignore_case
        self._by_run: dict[str, list[tuple[str, str]]] = {}
        self._by_char: dict[str, list[tuple[str, str]]] = {}
        for form in set(forms):
            key = fold(form) if ignore_case else form
            tail = last_run.search(key) if word_end else None
            if tail is not None:
                self._by_run.setdefault(tail.group(), []).append((key, form))
            else:
                self._by_char.setdefault(key[-1], []).append((key, form))

    def present(self, text: str, more_runs: MoreRuns | None = None) -> frozenset[str]:
        """The forms that ``text`` holds; ``more_runs`` gives, from the text's runs
        (folded) and the text, more strings that count as whole runs."""
        folded = fold(text) if self._ignore_case else text
        runs = set(self._runs.findall(folded))
        if more_runs is not None:
            runs |= more_runs(runs, text)
        found = [form for run in runs.intersection(self._by_run) for key, form in self._by_run[run]
                 if key == run or key in folded]
        found += [form for char, forms in self._by_char.items() if char in folded
                  for key, form in forms if key in folded]
        return frozenset(found)


def alternatives(forms: list[str]) -> str:
    """:func:`trie_pattern` of ``forms``, or a pattern that never matches when there are none."""
    return trie_pattern(forms) if forms else "(?!)"
