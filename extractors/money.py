"""Find amounts of money in text and read them as (amount, ISO 4217 currency).

Regular expressions rather than the statistical NER: the small English model
tags "$100,000" as MONEY but drops the currency sign from the span, splits
"$100K", and misses "RMB 5 million". Exchange-rate notes such as
"($1 = 7.1201 Chinese yuan renminbi)" are read as rates, never as amounts.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from pathlib import Path

_CURRENCIES = json.loads((Path(__file__).parent / "data" / "currencies.json").read_text("utf-8"))
"""One entry per currency (``extractors/data/currencies.json``): its ISO 4217 code,
the signs written before an amount ("HK$", "₩") and the names written after it
("baht", "Swiss francs"). Every code is read before or after an amount alike.
Names that several currencies share ("pesos", "kroner", "francs", "riyals")
are listed only with their country; "$", "dollars" and "rupees" alone are the
US dollar and the Indian rupee, and "¥" the yuan (the yen in an article about Japan)."""
_SYMBOLS: dict[str, str] = {
    word.casefold(): entry["code"]
    for entry in _CURRENCIES
    for word in (entry["code"], *entry["prefixes"], *entry["names"])
}
_CODES = [entry["code"] for entry in _CURRENCIES]
_SIGNS = [sign for entry in _CURRENCIES for sign in entry["prefixes"]]
_NAMES = [name for entry in _CURRENCIES for name in entry["names"]]


def _alternation(words: list[str]) -> str:
    """Longest first, so "HK$" is tried before "$" and "Chinese yuan" before "yuan"."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_SCALES: dict[str, float] = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9,
    "bn": 1e9, "b": 1e9, "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
}
# Western grouping, and Indian grouping in lakhs and crores ("Rs 1,50,000").
_NUM = r"\d{1,3}(?:,\d{2})+,\d{3}(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"(?:thousand|million|billion|lakhs?|crores?|bn|mn|[kKmMbB](?![a-zA-Z]))"
# "HK$1,000" is not "$1,000", nor "FORM 5" ringgit: a sign or code may not
# follow a letter or digit. A code is followed by a space ("SAR 1,200"), so
# "COP28" is no amount; signs may touch the number ("RM500", "RMB5,000").
_PREFIX = rf"(?:(?<!\w)(?:{_alternation(_SIGNS)}|(?:{_alternation(_CODES)})(?=\s)))"
_SUFFIX = rf"(?:{_alternation([*_NAMES, *_CODES])})"
# A sign of one character before a number: that number is no amount of its own.
_SIGN_CHARS = "".join(sorted({sign[-1] for sign in _SIGNS if not sign[-1].isalnum() and sign[-1] != "."}))
_PREFIXED = re.compile(
    rf"(?P<cur>{_PREFIX})\s?(?P<num>{_NUM})(?:\s?-?\s?(?P<scale>{_SCALE}))?"
    rf"(?:\s?(?:-|to|–)\s?(?P<cur2>{_PREFIX})?\s?(?P<num2>{_NUM})(?:\s?(?P<scale2>{_SCALE}))?)?"
)
_SUFFIXED = re.compile(
    rf"(?<![\w{re.escape(_SIGN_CHARS)}])(?P<num>{_NUM})(?:\s?(?P<scale>{_SCALE}))?\s(?P<cur>{_SUFFIX})\b"
)
# "1,000 to 2,000 yuan", "between 200 yuan and 400 yuan": the currency after
# the second number names both ("and" only after "between", as below).
_SUFFIXED_RANGE = re.compile(
    rf"(?<![\w{re.escape(_SIGN_CHARS)}.,])(?P<between>between\s)?(?P<num>{_NUM})(?:\s?(?P<scale>{_SCALE}))?"
    rf"(?:\s(?P<cur1>{_SUFFIX}))?\s?(?P<join>-|–|to|and)\s?"
    rf"(?P<cur2>)(?P<num2>{_NUM})(?:\s?(?P<scale2>{_SCALE}))?\s(?P<cur>{_SUFFIX})\b"
)
# "60,000 won", "70 million won": "won" alone is also a verb ("in 2020 won the
# state"), so it is the Korean won only after a number grouped in thousands or
# scaled, never after a bare number.
_WON = re.compile(
    rf"(?<![\w{re.escape(_SIGN_CHARS)}.,])(?:(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?)"
    rf"|(?P<scaled>\d+(?:\.\d+)?)\s?(?P<scale>{_SCALE}))\s(?P<cur>won)\b"
)
# "a 52-dollar study fee", "a 100-euro charge", "a 60,000-won fee": an amount
# as a compound adjective, the currency's name in the singular. Not "pound",
# which weighs as often as it pays ("a 10-pound bag").
_SINGULARS = {name[:-1]: name for name in _NAMES if name.endswith("s") and name[:-1] != "pound"}
_SINGULARS |= {name: name for name in _NAMES if not name.endswith("s")} | {"won": "won"}
_HYPHENATED = re.compile(
    rf"(?<![\w{re.escape(_SIGN_CHARS)}.,-])(?P<num>{_NUM})(?:-(?P<scale>{_SCALE}))?"
    rf"-(?P<cur>{_alternation(list(_SINGULARS))})\b"
)
# "between $2,000 and $5,000": "and" joins a range only after "between".
_BETWEEN = re.compile(
    rf"between (?P<cur>{_PREFIX})\s?(?P<num>{_NUM})(?:\s?(?P<scale>{_SCALE}))?"
    rf" and (?:{_PREFIX})?\s?(?P<num2>{_NUM})(?:\s?(?P<scale2>{_SCALE}))?"
)
# "rises from £1,000 to £1,320" is a change between two amounts, not a range:
# "from" in a sentence whose verb is a verb of change (", and from £364 to
# £480" repeats the verb of the clause before), or right after "up"/"down".
_CHANGE_VERB = re.compile(
    r"\b(?:ris(?:e|es|ing)|rose|raised?|raising|increas(?:e|es|ed|ing)|hik(?:e|es|ed|ing)"
    r"|jump(?:s|ed|ing)?|climb(?:s|ed|ing)?|doubl(?:e|es|ed|ing)|tripl(?:e|es|ed|ing)"
    r"|cut(?:s|ting)?|lower(?:s|ed|ing)?|reduc(?:e|es|ed|ing)|fall(?:s|ing)?|fell"
    r"|drop(?:s|ped|ping)?|go(?:es)? up|went up|go(?:es)? down|went down"
    r"|chang(?:e|es|ed|ing)|mov(?:e|es|ed|ing))\b",
    re.I,
)
_RANGE_WORD = re.compile(r"\b(?:rang(?:e|es|ed|ing)|var(?:y|ies|ied|ying)|between|anywhere)\b", re.I)
_FROM = re.compile(r"(?:\b(?:up|down)\s+)?\bfrom\s*$", re.I)
# "¥" is the sign of the yuan and of the yen: an article about Japan that
# speaks of yen more than of yuan reads it as yen.
_YEN_WORDS = re.compile(r"\b(?:yen|JPY|Japan|Japanese|Tokyo|Osaka)\b")
_YUAN_WORDS = re.compile(r"\b(?:yuan|renminbi|RMB|CNY|China|Chinese|Beijing|Shanghai)\b")
_RATE = re.compile(
    rf"\(\s*(?:US)?\$\s?1\s*=\s*(?P<rate>{_NUM})\s+(?P<cur>{_SUFFIX})\s*\)"
)


@dataclass(frozen=True)
class Money:
    """An amount found in text; ``high`` is set for ranges ("$2,000 to $5,000")."""

    amount: float
    currency: str
    start: int
    end: int
    text: str
    high: float | None = None


def _number(num: str, scale: str | None) -> float:
    value = float(num.replace(",", ""))
    if scale:
        value *= _SCALES[scale.casefold()]
    return value


def _currency(token: str) -> str:
    word = token.casefold().rstrip()
    if word == "won":
        return "KRW"
    return _SYMBOLS.get(word) or _SYMBOLS[_SINGULARS[token.rstrip()].casefold()]


def find_money(text: str) -> list[Money]:
    """Every amount of money in ``text``, in order, rate notes excluded."""
    rates = [m.span() for m in _RATE.finditer(text)]
    found: list[Money] = []
    for pattern in (_BETWEEN, _PREFIXED, _SUFFIXED, _SUFFIXED_RANGE, _WON, _HYPHENATED):
        for m in pattern.finditer(text):
            if any(s <= m.start() < e for s, e in rates) or not _valid_range(m):
                continue
            found.extend(_money(m, text))
    found.sort(key=lambda money: money.start)
    found = _drop_overlaps(found)
    if any(m.text.startswith("¥") for m in found) and _yen_article(text):
        found = [replace(m, currency="JPY") if m.text.startswith("¥") else m for m in found]
    return found


def _yen_article(text: str) -> bool:
    """Whether the article is about Japan rather than China, by the words it uses."""
    return len(_YEN_WORDS.findall(text)) > len(_YUAN_WORDS.findall(text))


def _valid_range(m: re.Match[str]) -> bool:
    """A suffixed range joins with "and" only after "between", and names one currency."""
    groups = m.groupdict()
    if "join" not in groups:
        return True
    if (groups["join"] == "and") != bool(groups["between"]):
        return False
    if groups["cur1"] and _currency(groups["cur1"]) != _currency(groups["cur"]):
        return False
    # "from 2024 to 300 yuan": a year, not the low end of a range.
    return _number(groups["num"], groups["scale"]) <= _number(groups["num2"], groups["scale2"])


def _money(m: re.Match[str], text: str) -> list[Money]:
    """One amount, a range, or the two amounts of a change ("from $460 to $780")."""
    groups = m.groupdict()
    amount = _number(groups.get("num") or groups["scaled"], groups.get("scale"))
    currency = _currency(groups["cur"])
    if not groups.get("num2"):
        return [Money(amount, currency, m.start(), m.end(), m.group(0))]
    high = _number(groups["num2"], groups.get("scale2") or groups.get("scale"))
    if groups.get("scale2") and not groups.get("scale"):
        amount = _number(groups["num"], groups["scale2"])
    if _is_change(text, m.start()):
        second = m.start("cur2") if groups.get("cur2") else m.start("num2")
        first_end = m.end("scale") if groups.get("scale") else m.end("num")
        first_end = max(first_end, m.end("cur1")) if groups.get("cur1") else first_end
        return [Money(amount, currency, m.start(), first_end, text[m.start() : first_end]),
                Money(high, currency, second, m.end(), text[second : m.end()])]
    return [Money(amount, currency, m.start(), m.end(), m.group(0), high)]


def _drop_overlaps(found: list[Money]) -> list[Money]:
    kept: list[Money] = []
    for money in found:
        if kept and money.start < kept[-1].end:
            if money.end - money.start > kept[-1].end - kept[-1].start:
                kept[-1] = money
            continue
        kept.append(money)
    return kept


def _is_change(text: str, start: int) -> bool:
    """Whether "from" before ``start`` opens a change ("rises from A to B")."""
    before = re.split(r"[.!?\n]", text[max(0, start - 200) : start])[-1]
    found = _FROM.search(before)
    if found is None:
        return False
    if found.group(0).lower().startswith(("up", "down")):
        return True
    verbs = list(_CHANGE_VERB.finditer(before))
    return bool(verbs) and _RANGE_WORD.search(before, verbs[-1].end()) is None


def find_rates(text: str) -> dict[str, float]:
    """Exchange rates the article states, as units of currency per 1 USD."""
    return {_currency(m["cur"]): float(m["rate"].replace(",", "")) for m in _RATE.finditer(text)}
