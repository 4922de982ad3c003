"""Numbers as news writes amounts: digits in every grouping convention, scale
words and abbreviations, and numbers spelled out in English words.

Digits: "1,500" and "1,500.50"; Indian grouping "1,50,000"; groups of three
set off by a space, a no-break or thin space ("1 500 000") or an apostrophe
("1'500"); groups set off by dots ("1.500.000", "1.500,50"). A single dot
before three digits ("€1.500") groups thousands, unless a scale follows
("$1.500 million") or the currency has a thousandth as minor unit
("KD 1.500"). A decimal comma alone ("1,5 millones") is not English and is
not read as a decimal, nor is a part of
it ("R$ 168,13" is no R$ 16).
Scales: thousand, million, billion, trillion, lakh, crore and "lakh crore",
and their abbreviations ("10k", "2.5m", "1.5bn", "Rs 2 cr").
Words: "two million", "five hundred", "twenty-five", "half a million",
"a quarter of a million", "one and a half million", "a million and a half".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from extractors.currency_table import trie_pattern

DIGITS = (
    r"\d{1,3}(?:,\d{2})+,\d{3}(?:\.\d+)?(?!,?\d)"  # Indian: 1,50,00,000
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!,?\d)"  # 1,500,000.50
    r"|\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?(?![.,]?\d)"  # 1.500.000,50
    r"|\d{1,3}(?:['’]\d{3})+(?:\.\d{1,2})?(?!['’]?\d)"  # 1'500'000.50
    r"|\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?:[.,]\d{1,2})?(?![\d])"  # 1 500 000
    r"|\d+(?:\.\d+)?(?!,\d|\d)"  # not the "1" of "€1,5 Mio", nor the "16" of "168,1"
)
SCALES: dict[str, float] = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "bln": 1e9, "bil": 1e9, "trillion": 1e12, "tn": 1e12,
    "lakh": 1e5, "lakhs": 1e5, "lac": 1e5, "lacs": 1e5, "crore": 1e7, "crores": 1e7, "cr": 1e7,
    "lakh crore": 1e12, "lakh crores": 1e12,
}
# The abbreviations among the scale words; the rest of ``SCALES`` (but the
# two-word "lakh crore") are written out.
SCALE_ABBREVIATIONS = ("bn", "mn", "mln", "bln", "mil", "bil", "tn", "cr", "k", "m", "b")
SCALE_WORDS = tuple(word for word in SCALES if " " not in word and word not in SCALE_ABBREVIATIONS)


def _scale_pattern() -> str:
    """Scale words whatever their case ("Rs 5 Lakh", "$5 Million", "Rs 2 Cr").

    Longest first, so "lakhs" wins over "lakh"; an abbreviation ends where
    no letter follows. The one-letter ones are a class of both cases rather
    than ``(?i:)``, under which "k" would also match the Kelvin sign.
    """
    def longest_first(words: Iterable[str]) -> str:
        return "|".join(sorted(words, key=len, reverse=True))

    letters = [word for word in SCALE_ABBREVIATIONS if len(word) == 1]
    longer = [word for word in SCALE_ABBREVIATIONS if len(word) > 1]
    two_words = [word for word in SCALES if " " in word]
    return (
        f"(?:(?i:{longest_first(two_words)}|{longest_first(SCALE_WORDS)}"
        f"|(?:{longest_first(longer)})(?![a-zA-Z]))"
        f"|[{''.join(c + c.upper() for c in letters)}](?![a-zA-Z]))"
    )


SCALE = _scale_pattern()

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
_WORD_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
                "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7}
_FRACTIONS = {"half": 0.5, "quarter": 0.25, "quarters": 0.25}
_FILLERS = {"a", "an", "and", "of"}
_NUMBER_WORD = trie_pattern([*_UNITS, "hundred", *_WORD_SCALES])
_BIG = trie_pattern(["hundred", *_WORD_SCALES, *_FRACTIONS])
# "a"/"an" only before a scale or a fraction ("a million", "half a million"),
# never before a plain number ("a fifty-dollar fee" is fifty).
_TOKEN = rf"(?:(?:a|an)(?=[\s-]+(?:{_BIG})\b)|and|of|half|quarters?|{_NUMBER_WORD})"
# A run of number words that ends in a number word: "two million",
# "twenty-five", "half a million", "one and a half million".
_HALF_AFTER = r"(?:[\s-]+and[\s-]+a[\s-]+half)?"  # "a million and a half"
WORDS = rf"(?i:(?<![\w-])(?!(?:and|of)\b)(?:{_TOKEN}[\s-]+)*(?:{_NUMBER_WORD}){_HALF_AFTER}(?![\w-]))"
# The same run before a hyphen: "a five-dollar fee", "a two-million-yuan grant".
WORDS_BARE = rf"(?i:(?<![\w-])(?!(?:and|of)\b)(?:{_TOKEN}[\s-]+)*(?:{_NUMBER_WORD}))"
_WORD_RUN = re.compile(rf"(?:{_TOKEN}[\s-]+)*(?:{_NUMBER_WORD}){_HALF_AFTER}", re.I)


def digits_value(num: str, scaled: bool = False, thousandths: bool = False) -> float:
    """The value of a number written in digits (any grouping convention)."""
    s = re.sub(r"[ \u00a0\u2009\u202f'’]", "", num)
    if "," in s and "." in s:
        decimal = "." if s.rfind(".") > s.rfind(",") else ","
        grouping = "," if decimal == "." else "."
        return float(s.replace(grouping, "").replace(decimal, "."))
    if "." in s:
        if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", s) and (s.count(".") > 1 or not (scaled or thousandths)):
            return float(s.replace(".", ""))
        return float(s)
    if "," in s:
        if re.fullmatch(r"\d{1,3}(?:,\d{2,3})+", s):
            return float(s.replace(",", ""))
        return float(s.replace(",", "."))  # "1 500,50": grouped by spaces, a decimal comma
    return float(s)


def words_value(words: str) -> float | None:
    """The value of a number spelled out in words, or None if it is not one."""
    if _WORD_RUN.fullmatch(words.strip()) is None:
        return None
    tokens = [t for t in re.split(r"[\s-]+", words.strip().casefold()) if t]
    if tokens[0] in _WORD_SCALES or tokens[0] == "hundred":
        return None  # "a few hundred dollars", "several million": no number of its own
    total, current, fraction, last_scale = 0.0, 0.0, 0.0, 0.0
    seen_number = False
    for i, token in enumerate(tokens):
        if token in _UNITS:
            current += _UNITS[token]
            seen_number = True
        elif token == "hundred":
            current = (current or 1) * 100
            seen_number = True
        elif token in _WORD_SCALES:
            scale = _WORD_SCALES[token]
            total += ((current or (0 if fraction else 1)) + fraction) * scale
            current, fraction, last_scale, seen_number = 0.0, 0.0, scale, True
        elif token in _FRACTIONS:
            # "three quarters of a million": a count right before it multiplies it;
            # "one and a half million": after "and a" it is added.
            if i > 0 and tokens[i - 1] in _UNITS:
                fraction += current * _FRACTIONS[token]
                current = 0.0
            else:
                fraction += _FRACTIONS[token]
        elif token in _FILLERS:
            # "a"/"an" count as one only before a scale: "a million", "a hundred".
            following = tokens[i + 1] if i + 1 < len(tokens) else ""
            if token in ("a", "an") and following not in (*_WORD_SCALES, "hundred", *_FRACTIONS):
                return None
    if not seen_number:
        return None
    if fraction and last_scale and not current:
        total += fraction * last_scale  # "a million and a half"
        fraction = 0.0
    value = total + current + fraction
    return value if value > 0 else None


def scale_value(scale: str | None) -> float:
    if not scale:
        return 1.0
    return SCALES.get(scale.casefold(), SCALES.get(" ".join(scale.casefold().split()), 1.0))
