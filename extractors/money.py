"""Find amounts of money in text and read them as (amount, ISO 4217 currency).

Regular expressions rather than the statistical NER: the small English model
tags "$100,000" as MONEY but drops the currency sign from the span, splits
"$100K", and misses "RMB 5 million". Exchange-rate notes such as
"($1 = 7.1201 Chinese yuan renminbi)" are read as rates, never as amounts.

Three helpers hold the parts that are data or reading of their own: the
currency table (``currency_table``: every current ISO 4217 currency with its
signs, names and countries), which currency a shared form means in one
article (``currency_context``: "$", "¥", "kr", "Rs", "pesos"), and numbers
(``money_numbers``: digit groupings, scales, numbers in words).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extractors.currency_context import CurrencyContext
from extractors.currency_table import FormIndex, alternatives, currency_table, trie_pattern
from extractors.money_numbers import (
    DIGITS,
    SCALE,
    SCALE_ABBREVIATIONS,
    SCALE_WORDS,
    WORDS,
    WORDS_BARE,
    digits_value,
    scale_value,
    words_value,
)

_TABLE = currency_table()
"""Every current ISO 4217 currency (``extractors/data/currencies.json``, loaded
by ``extractors.currency_table``): signs before an amount ("HK$", "₩", "Rs"),
signs after it ("1.500 €", "500 kr"), English names after it ("baht", "Swiss
francs", "dollars") and codes either side. A form several currencies share
("$", "dollars", "¥", "kr", "Rs", "pesos") is read by the article's country
context (``extractors.currency_context``); "$" and "dollars" stay the US
dollar, "¥" the yuan and "Rs" the Indian rupee unless the article is about
another of their countries."""
# Codes read anywhere, and the codes that are words ("TRY", "ALL"), read
# where the article names their country.
_CODES = sorted(_TABLE.codes | {c for c in _TABLE.local_codes if c in _TABLE.currencies})
_SIGNS = [*_TABLE.signs_strong, *_TABLE.signs_local]
_AFTERS = _TABLE.afters()
_NAMES = _TABLE.names()
_WORDS = WORDS

# A sign of one character before a number: that number is no amount of its own.
_SIGN_CHARS = "".join(sorted({sign[-1] for sign in _SIGNS
                              if not sign[-1].isalnum() and sign[-1] not in ". "}))
_NUM = DIGITS
_SCALE = SCALE
# "HK$1,000" is not "$1,000", nor "FORM 5" ringgit: a sign or code may not
# follow a letter or digit. Codes and letter signs are checked further in
# ``_touching_ok`` ("COP28" is no amount, "USD2,500" is).
_PREFIX = rf"(?:(?<![\w.])(?:{trie_pattern([*_SIGNS, *_CODES])}))"
_CODE_AFTER = rf"(?:{trie_pattern(_CODES)})(?![\w])"
_AFTER = rf"(?:{trie_pattern(_AFTERS)})(?![\w])"
# Not inside a number ("$1,000 USD" is one amount, not "000 USD").
_NO_SIGN_BEFORE = rf"(?<![\w{re.escape(_SIGN_CHARS)}])(?<!\d[.,'’])"
_PREFIXED = re.compile(
    rf"(?P<cur>{_PREFIX})\s?(?P<num>{_NUM})(?:\s?-?\s?(?P<scale>{_SCALE}))?"
    rf"(?:\s?(?:-|to|–)\s?(?P<cur2>{_PREFIX})?\s?(?P<num2>{_NUM})(?:\s?(?P<scale2>{_SCALE}))?)?"
)
# "1.500 €", "500 kr", "2 000 zł": a sign after the number.
_AFTER_SIGN = re.compile(
    rf"{_NO_SIGN_BEFORE}(?<![.,])(?P<num>{_NUM})(?:\s?(?P<scale>{_SCALE}))?\s?(?P<cur>{_AFTER})"
)
# "60,000 won", "70 million won": "won" alone is also a verb ("in 2020 won the
# state"), so it is the Korean won only after a number grouped in thousands or
# scaled, never after a bare number.
_WON = re.compile(
    rf"(?<![\w{re.escape(_SIGN_CHARS)}.,])(?:(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?)"
    rf"|(?P<scaled>\d+(?:\.\d+)?)\s?(?P<scale>{_SCALE}))\s(?P<cur>won)\b"
)
# "a 52-dollar study fee", "a 100-euro charge", "a 60,000-won fee", "a
# five-dollar fee": an amount as a compound adjective, the currency's name in
# the singular. Not "pound" (a 10-pound bag), "mark", "crown" or "dram", which
# weigh, score or pour as often as they pay.
_SINGULARS = frozenset((_TABLE.singulars - {"pound", "mark", "crown", "dram"}) | {"won"})
# "Rupees 5,000", "Kenyan shillings 2,500": a name in the plural, capitalised,
# before the number (``_NAMED_BEFORE`` below).
_PLURAL_NAMES = frozenset(name for name in _NAMES if name.endswith("s"))
_WORD_START = re.compile(r"(?<![\w-])[A-Za-z]")
# "two million won": "won" after a number in words only when a scale word ends it
# ("the two won the vote" is a verb).
_WORDS_WON = re.compile(rf"(?P<words>{_WORDS})\s(?P<cur>won)\b")
_WON_AFTER_GAP = re.compile(r"(?<=\s)won\b")
_SCALED_WORDS = re.compile(r"(?i:thousand|million|billion|trillion|lakhs?|crores?)$")
# How far before a currency name its number in words may begin ("one and a half million").
WORDS_REACH = 60
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

# The patterns below try a currency name after a character that is no letter
# (a space, a hyphen, a digit), or glued to a scale word, which the look-ahead
# of ``_NAMED_BEFORE`` does ("5 millionrand"; after "bn" or "k" only a letter
# outside a-z, as ``SCALE`` ends them).
_NAME_INDEX = FormIndex([*_NAMES, *_SINGULARS], r"[^\W\d_]", ignore_case=True, word_end=True)
# Letters outside a-z that fold into it (the Kelvin sign "K", "İ"): where the
# text has one, a folded letter in a-z may have been one of them.
_FOLDS_TO_ASCII = ("\u212a", "\u0130")
_ASCII_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")
# In every text's patterns, whether the text holds them or not (which changes
# nothing in what the patterns match): the one-word names, so that most texts
# share one set of patterns and compile none of their own.
_COMMON_NAMES = frozenset(name for name in [*_NAMES, *_SINGULARS] if " " not in name)


def _glued(runs: set[str], text: str) -> set[str]:
    """What follows a scale word in a (folded) run that starts with one: "rand" of "millionrand"."""
    strict = not any(char in text for char in _FOLDS_TO_ASCII)
    rests: set[str] = set()
    for run in runs:
        if not run.startswith(SCALE_WORDS + SCALE_ABBREVIATIONS):
            continue
        rests.update(run[len(w) :] for w in SCALE_WORDS if run.startswith(w) and len(run) > len(w))
        rests.update(run[len(w) :] for w in SCALE_ABBREVIATIONS if run.startswith(w) and len(run) > len(w)
                     and not (strict and run[len(w)] in _ASCII_LOWER))
    return rests


@dataclass(frozen=True)
class _NamePatterns:
    """The patterns that name a currency in words, built over the names one text holds.

    Every currency name is some 19 KB of pattern, and these patterns held it
    eight times (a second of compiling at import); built over the names the
    text holds (``FormIndex``), they match as the whole table would.
    """

    suffixed: re.Pattern[str]
    suffixed_words: re.Pattern[str]
    named_before: re.Pattern[str]
    suffixed_range: re.Pattern[str]
    hyphenated: re.Pattern[str]
    hyphenated_words: re.Pattern[str]
    name_after_gap: re.Pattern[str]
    rate: re.Pattern[str]


def _name_patterns(text: str) -> _NamePatterns:
    """The patterns over the currency names ``text`` holds, and the common ones."""
    return _patterns_over(tuple(sorted(_NAME_INDEX.present(text, _glued) - _COMMON_NAMES)))


@lru_cache(maxsize=256)
def _patterns_over(rarer: tuple[str, ...]) -> _NamePatterns:
    held = _COMMON_NAMES.union(rarer)
    # Names after a number, whatever their case; not "euro zone".
    name = rf"(?i:{alternatives([n for n in _NAMES if n in held])})(?![\w-])(?!\s+(?:zone|area)\b)"
    suffix = rf"(?:{name}|{_CODE_AFTER})"
    singular = rf"(?i:{alternatives([n for n in _SINGULARS if n in held])})\b"
    plural = alternatives([n for n in _PLURAL_NAMES if n in held])
    return _NamePatterns(
        suffixed=re.compile(rf"{_NO_SIGN_BEFORE}(?P<num>{_NUM})(?:\s?(?P<scale>{_SCALE}))?\s(?P<cur>{suffix})"),
        # "two million dollars", "half a million euros", "fifty cents".
        suffixed_words=re.compile(rf"(?P<words>{_WORDS})\s(?P<cur>{suffix})"),
        # "Rupees 5,000", "Kenyan shillings 2,500": a name in the plural, capitalised,
        # before the number, as South Asian and East African papers write it; not a
        # year ("in dollars 2025 was ...").
        named_before=re.compile(
            rf"(?<![\w-])(?=[A-Z])(?P<cur>(?i:{plural}))\s(?!(?:19|20)\d\d(?![\d,.]))(?P<num>{_NUM})"
            rf"(?:\s?(?P<scale>{_SCALE}))?(?!\s?(?:{suffix}))"
        ),
        # "1,000 to 2,000 yuan", "between 200 yuan and 400 yuan": the currency after
        # the second number names both ("and" only after "between", as below).
        suffixed_range=re.compile(
            rf"(?<![\w{re.escape(_SIGN_CHARS)}.,])(?P<between>between\s)?(?P<num>{_NUM})(?:\s?(?P<scale>{_SCALE}))?"
            rf"(?:\s(?P<cur1>{suffix}))?\s?(?P<join>-|–|to|and)\s?"
            rf"(?P<cur2>)(?P<num2>{_NUM})(?:\s?(?P<scale2>{_SCALE}))?\s(?P<cur>{suffix})"
        ),
        hyphenated=re.compile(
            rf"(?<![\w{re.escape(_SIGN_CHARS)}.,-])(?P<num>{_NUM})(?:-(?P<scale>{_SCALE}))?-(?P<cur>{singular})"
        ),
        hyphenated_words=re.compile(rf"(?P<words>{WORDS_BARE})(?:-(?P<scale>{_SCALE}))?-(?P<cur>{singular})"),
        # Where a currency name follows a space or a hyphen: only there may a number in
        # words end, so the word patterns are tried only just before these.
        name_after_gap=re.compile(rf"(?<=\s)(?:{suffix})|(?<=-)(?:{singular})"),
        # "($1 = 7.1201 Chinese yuan renminbi)", "(US$1 = ₹88.3)", "(1 USD = 0.92 euro)".
        rate=re.compile(
            rf"\(\s*(?:(?:US)?\$\s?1|1\s+(?:USD|U\.?S\.? dollars?|dollars?))\s*=\s*"
            rf"(?:(?P<sign>{_PREFIX})\s?(?P<rate_after>{_NUM})|(?P<rate>{_NUM})\s+(?P<cur>{suffix}))\s*\)"
        ),
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


def _reading(token: str, context: CurrencyContext, at: int | None = None) -> tuple[str, int] | None:
    """The currency a written form names here, and how many of the form make
    one unit of it ("cents": 100); None for a shared form the article does not
    resolve ("3,000 pesos" in an article that names no country of the peso)."""
    form = " ".join(token.split())
    if form in _TABLE.signs_strong:
        return _TABLE.signs_strong[form], 1
    if form in _TABLE.after_strong:
        return _TABLE.after_strong[form], 1
    if form in _TABLE.codes:
        return form, 1
    key = _TABLE.signs_local.get(form) or _TABLE.after_local.get(form)
    if key is None:
        word = form.casefold()
        if word == "won":
            return "KRW", 1
        if word in _TABLE.names_strong:
            return _TABLE.names_strong[word], 1
        key = _TABLE.names_local.get(word)
        if key is None and word in _TABLE.singulars:
            key = word  # the singular of a shared name, as an adjective ("a 5-dollar fee")
    if key is None:
        return None
    code = context.resolve(key, at)
    return (code, _TABLE.minor.get(key, 1)) if code is not None else None


def _value(groups: dict[str, str | None], num: str, scale: str | None, code: str) -> float | None:
    if num == "words":
        return words_value(groups["words"] or "")
    thousandths = _TABLE.currencies[code].decimals == 3
    return digits_value(groups[num] or "", scaled=bool(scale), thousandths=thousandths) * scale_value(scale)


def find_money(text: str) -> list[Money]:
    """Every amount of money in ``text``, in order, rate notes excluded."""
    context = CurrencyContext(text)
    named = _name_patterns(text)
    rates = [m.span() for m in named.rate.finditer(text)]
    found: list[Money] = []
    patterns = (_BETWEEN, _PREFIXED, named.suffixed, _AFTER_SIGN, named.suffixed_range, _WON,
                named.hyphenated, named.named_before)
    matches = [m for pattern in patterns for m in pattern.finditer(text)]
    for m in [*matches, *_word_matches(text, named)]:
        if any(s <= m.start() < e for s, e in rates) or not _touching_ok(m, text):
            continue
        read = _money(m, text, context)
        if (m.re is named.suffixed or m.re is _AFTER_SIGN) and len(read) == 1:
            read = [*_listed_before(m, text, read[0], context), *read]
        found.extend(read)
    found.sort(key=lambda money: money.start)
    return _drop_overlaps(found)


# "150, 250 or 400 euros", "2 and 3 million yuan": bare numbers listed before
# an amount whose currency follows it share that currency (and its scale); a
# list is joined by "and" or "or", and holds no year.
_LIST_ITEM = rf"(?<![\w.,{re.escape(_SIGN_CHARS)}])(?!(?:19|20)\d\d(?![\d,.]))(?:{_NUM})(?:\s?(?:{_SCALE}))?"
_LIST_BEFORE = re.compile(rf"(?:{_LIST_ITEM},\s+)*{_LIST_ITEM},?\s+(?:and|or)\s+$")
_ITEM = re.compile(rf"(?<![\w.,{re.escape(_SIGN_CHARS)}])(?P<num>{_NUM})(?:\s?(?P<scale>{_SCALE}))?")
# How far before the amount its list may begin.
LIST_REACH = 120


def _listed_before(m: re.Match[str], text: str, last: Money, context: CurrencyContext) -> list[Money]:
    """The bare numbers listed right before the amount ``last`` (read from ``m``)."""
    start = m.start()
    listed = _LIST_BEFORE.search(text, max(0, start - LIST_REACH), start)
    if listed is None or re.search(r"\bbetween\s+$", text[max(0, listed.start() - 10) : listed.start()]):
        return []
    thousandths = _TABLE.currencies[last.currency].decimals == 3
    reading = _reading(m["cur"], context, m.start())
    per = reading[1] if reading is not None else 1
    amounts = []
    for item in _ITEM.finditer(text, listed.start(), listed.end()):
        scale = item["scale"] or m["scale"]
        value = digits_value(item["num"], bool(scale), thousandths) * scale_value(scale)
        amounts.append(Money(value / per, last.currency, item.start(), item.end(), item.group(0)))
    return amounts


def _word_matches(text: str, named: _NamePatterns) -> list[re.Match[str]]:
    """Amounts whose number is in words, each found from the currency name after it."""
    found: list[re.Match[str]] = []
    names = [(name, named.suffixed_words if text[name.start() - 1] != "-" else named.hyphenated_words)
             for name in named.name_after_gap.finditer(text)]
    names += [(won, _WORDS_WON) for won in _WON_AFTER_GAP.finditer(text)]
    for name, pattern in names:
        lo = max(0, name.start() - WORDS_REACH)
        for start in _WORD_START.finditer(text, lo, name.start()):
            m = pattern.match(text, start.start())
            if m is not None and m.start("cur") == name.start():
                if pattern is not _WORDS_WON or _SCALED_WORDS.search(m["words"]):
                    found.append(m)
                break
    return found


_YEAR = re.compile(r"(?:19|20)\d\d")


def _touching_ok(m: re.Match[str], text: str) -> bool:
    """A code touching its number needs three digits ("USD2,500", not "COP28");
    a one-letter sign must touch its number ("R500"), and the number may not
    run on into a name ("R2-D2"); a year before a capitalised name is no
    amount ("in 2016 Rand Paul", "in 2000 Euros replaced ...")."""
    cur = m.group("cur")
    if not m.groupdict().get("num"):
        return True
    if m.start("cur") > m.start("num"):
        return not (_YEAR.fullmatch(m.group("num")) and cur[:1].isupper() and not cur.isupper()
                    and " " not in cur)
    gap = text[m.end("cur") : m.start("num")]
    if len(cur) == 1 and cur.isalpha():
        return not gap and re.match(r"-?\w", text[m.end() : m.end() + 2]) is None
    if cur in _CODES and not gap:
        return len(m.group("num")) >= 3
    return True


def _valid_range(m: re.Match[str], context: CurrencyContext) -> bool:
    """A suffixed range joins with "and" only after "between", and names one currency."""
    groups = m.groupdict()
    if "join" not in groups:
        return True
    if (groups["join"] == "and") != bool(groups["between"]):
        return False
    if groups["cur1"] and (_reading(groups["cur1"], context, m.start())
                           != _reading(groups["cur"] or "", context, m.start())):
        return False
    # "from 2024 to 300 yuan": a year, not the low end of a range.
    return digits_value(groups["num"] or "") * scale_value(groups["scale"]) <= (
        digits_value(groups["num2"] or "") * scale_value(groups["scale2"]))


def _money(m: re.Match[str], text: str, context: CurrencyContext) -> list[Money]:
    """One amount, a range, or the two amounts of a change ("from $460 to $780")."""
    groups = m.groupdict()
    reading = _reading(groups["cur"] or "", context, m.start())
    if reading is None or not _valid_range(m, context):
        return []
    currency, per = reading
    num = "words" if groups.get("words") else ("num" if groups.get("num") else "scaled")
    amount = _value(groups, num, groups.get("scale"), currency)
    if amount is None:
        return []
    amount /= per
    if not groups.get("num2"):
        return [Money(amount, currency, m.start(), m.end(), m.group(0))]
    high = _value(groups, "num2", groups.get("scale2") or groups.get("scale"), currency)
    if groups.get("scale2") and not groups.get("scale"):
        amount = _value(groups, "num", groups["scale2"], currency) or amount
    if _is_change(text, m.start()):
        second = m.start("cur2") if groups.get("cur2") else m.start("num2")
        first_end = m.end("scale") if groups.get("scale") else m.end("num")
        first_end = max(first_end, m.end("cur1")) if groups.get("cur1") else first_end
        return [Money(amount, currency, m.start(), first_end, text[m.start() : first_end]),
                Money(high or amount, currency, second, m.end(), text[second : m.end()])]
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
    rates: dict[str, float] = {}
    if "=" not in text:  # every rate note has one
        return rates
    context = CurrencyContext(text)
    for m in _name_patterns(text).rate.finditer(text):
        reading = _reading(m["cur"] or m["sign"], context)
        if reading is not None:
            rates[reading[0]] = digits_value(m["rate"] or m["rate_after"]) / reading[1]
    return rates
