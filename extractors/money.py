"""Find amounts of money in text and read them as (amount, ISO 4217 currency).

Regular expressions rather than the statistical NER: the small English model
tags "$100,000" as MONEY but drops the currency sign from the span, splits
"$100K", and misses "RMB 5 million". Exchange-rate notes such as
"($1 = 7.1201 Chinese yuan renminbi)" are read as rates, never as amounts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SYMBOLS: dict[str, str] = {
    "us$": "USD", "usd": "USD", "$": "USD", "€": "EUR", "eur": "EUR", "£": "GBP",
    "gbp": "GBP", "¥": "CNY", "rmb": "CNY", "cny": "CNY", "yuan": "CNY", "renminbi": "CNY",
    "inr": "INR", "rs": "INR", "rs.": "INR", "₹": "INR", "rupees": "INR", "rupee": "INR",
    "euros": "EUR", "euro": "EUR", "pounds": "GBP", "dollars": "USD", "us dollars": "USD",
    "u.s. dollars": "USD", "chinese yuan": "CNY", "chinese yuan renminbi": "CNY",
    "c$": "CAD", "ca$": "CAD", "cad": "CAD", "a$": "AUD", "aud": "AUD",
}
_SCALES: dict[str, float] = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9,
    "bn": 1e9, "b": 1e9, "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
}
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"(?:thousand|million|billion|lakhs?|crores?|bn|mn|[kKmMbB](?![a-zA-Z]))"
_PREFIX = r"(?:US\$|C\$|CA\$|A\$|USD|EUR|GBP|CNY|RMB|INR|CAD|AUD|Rs\.?|\$|€|£|¥|₹)"
_SUFFIX = (
    r"(?:Chinese yuan renminbi|Chinese yuan|U\.S\. dollars|US dollars|yuan|renminbi|rupees?"
    r"|euros?|pounds|dollars|RMB|CNY|USD|EUR|GBP|INR)"
)
_PREFIXED = re.compile(
    rf"(?P<cur>{_PREFIX})\s?(?P<num>{_NUM})(?:\s?-?\s?(?P<scale>{_SCALE}))?"
    rf"(?:\s?(?:-|to|–)\s?(?:{_PREFIX})?\s?(?P<num2>{_NUM})(?:\s?(?P<scale2>{_SCALE}))?)?"
)
_SUFFIXED = re.compile(
    rf"(?<![\w$€£¥₹])(?P<num>{_NUM})(?:\s?(?P<scale>{_SCALE}))?\s(?P<cur>{_SUFFIX})\b"
)
# "between $2,000 and $5,000": "and" joins a range only after "between".
_BETWEEN = re.compile(
    rf"between (?P<cur>{_PREFIX})\s?(?P<num>{_NUM})(?:\s?(?P<scale>{_SCALE}))?"
    rf" and (?:{_PREFIX})?\s?(?P<num2>{_NUM})(?:\s?(?P<scale2>{_SCALE}))?"
)
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
    return _SYMBOLS[token.casefold().rstrip()]


def find_money(text: str) -> list[Money]:
    """Every amount of money in ``text``, in order, rate notes excluded."""
    rates = [m.span() for m in _RATE.finditer(text)]
    found: list[Money] = []
    for pattern in (_BETWEEN, _PREFIXED, _SUFFIXED):
        for m in pattern.finditer(text):
            if any(s <= m.start() < e for s, e in rates):
                continue
            found.append(_money(m))
    found.sort(key=lambda money: money.start)
    return _drop_overlaps(found)


def _money(m: re.Match[str]) -> Money:
    groups = m.groupdict()
    amount = _number(groups["num"], groups.get("scale"))
    high = None
    if groups.get("num2"):
        high = _number(groups["num2"], groups.get("scale2") or groups.get("scale"))
        if groups.get("scale2") and not groups.get("scale"):
            amount = _number(groups["num"], groups["scale2"])
    return Money(amount, _currency(groups["cur"]), m.start(), m.end(), m.group(0), high)


def _drop_overlaps(found: list[Money]) -> list[Money]:
    kept: list[Money] = []
    for money in found:
        if kept and money.start < kept[-1].end:
            if money.end - money.start > kept[-1].end - kept[-1].start:
                kept[-1] = money
            continue
        kept.append(money)
    return kept


def find_rates(text: str) -> dict[str, float]:
    """Exchange rates the article states, as units of currency per 1 USD."""
    return {_currency(m["cur"]): float(m["rate"].replace(",", "")) for m in _RATE.finditer(text)}
