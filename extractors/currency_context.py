"""Which currency a shared form means in one article ("$", "dollars", "¥",
"kr", "Rs", "pesos", "R").

A currency counts the times the article names one of its countries (name,
adjective, capital or main city), one of the programmes of that country in
the programme table ("H-1B", "Express Entry"), or writes one of its own strong
forms ("yen", "JPY", "Australian dollars"). A currency whose own marked form of the
shared sign appears in the article ("A$" beside "$", "US$" beside "$") is not
what the bare sign means there: the writer marks that one. Then:

- a form with a default ("$" is the US dollar, "¥" the yuan, "Rs" the Indian
  rupee) keeps it unless another currency is named more than twice as often
  as the default's (an article about Australia that mentions the U.S. once
  writes Australian dollars; an article about the H-1B that also speaks of
  Canada still writes US dollars), nor when the article is about a country of
  another currency named more than twice as often as that one (a story about
  India that compares it once with Australia writes US dollars);
- a form without one ("kr", "pesos", "francs", "R", "QR") is the currency
  named most, and is not read when none is named or two tie.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache

from extractors.currency_table import FormIndex, alternatives, currency_table, trie_pattern
from extractors.programme_data import programme_patterns

# How many times more often another currency must be named than the
# default for a shared form with a default to mean it.
DOMINANCE = 2


@dataclass(frozen=True)
class _Mentions:
    """Every currency's mention forms, the codes of each form, and which forms a text holds."""

    words: list[str]  # forms that end in a letter or digit, matched as whole words
    signs: list[str]
    exact: dict[str, tuple[str, ...]]
    names: dict[str, tuple[str, ...]]  # casefolded
    exact_index: FormIndex
    name_index: FormIndex

    def pattern(self, text: str) -> re.Pattern[str]:
        """The pattern of mentions over the forms ``text`` holds (``FormIndex``): a few
        forms, not the 12 KB of every country, sign and name."""
        return _pattern(tuple(sorted(self.exact_index.present(text))),
                        tuple(sorted(self.name_index.present(text))))


@cache
def _mentions() -> _Mentions:
    exact: dict[str, list[str]] = {}
    names: dict[str, list[str]] = {}
    table = currency_table()
    for code, currency in table.currencies.items():
        # Datelines write places in capitals: "TOKYO (Harbour Wire) -".
        capitals = [form.upper() for form in currency.countries if len(form) > 3]
        # A code that is also a word ("TOP", "ALL") says nothing of its country.
        own_code = [code] if code in table.codes else []
        for form in {*currency.countries, *capitals, *currency.signs, *own_code}:
            exact.setdefault(form, []).append(code)
        for name in set(currency.names):
            names.setdefault(name.casefold(), []).append(code)
    # A programme of the table names its country ("H-1B", "Express Entry"):
    # its canonical name counts for that country's currency.
    country_code = {form: code for code, currency in reversed(table.currencies.items())
                    for form in currency.countries}
    for programme in programme_patterns():
        code_ = country_code.get(programme.country)
        if code_ is not None and len(programme.name) > 3:
            exact.setdefault(programme.name, []).append(code_)
    words = [form for form in exact if form[-1:].isalnum()]
    signs = [form for form in exact if not form[-1:].isalnum()]
    # A mention starts where no word character (or dot) comes before it, and a
    # word or name ends where none follows.
    return _Mentions(
        words, signs, {k: tuple(v) for k, v in exact.items()}, {k: tuple(v) for k, v in names.items()},
        FormIndex(exact, r"\w", ignore_case=False, word_end=True),
        FormIndex(names, r"\w", ignore_case=True, word_end=True),
    )


@lru_cache(maxsize=512)
def _pattern(exact: tuple[str, ...], names: tuple[str, ...]) -> re.Pattern[str]:
    """The pattern of mentions over the forms ``exact`` (words and signs) and ``names``."""
    mentions = _mentions()
    held = frozenset(exact)
    words = alternatives([form for form in mentions.words if form in held])
    signs = alternatives([form for form in mentions.signs if form in held])
    return re.compile(rf"(?<![\w.])(?:(?P<word>{words})(?!\w)|(?P<sign>{signs})"
                      rf"|(?P<name>(?i:{alternatives(list(names))}))(?!\w))")


@cache
def _variants(code: str, key: str) -> re.Pattern[str] | None:
    """The currency's own marked forms of the shared sign ``key`` ("A$" for "$")."""
    variants = [s for s in currency_table().currencies[code].signs if key in s and s != key]
    return re.compile(rf"(?<![\w.])(?:{trie_pattern(variants)})") if variants else None


# Where a sentence ends: a stop, then space and a capital; not the stop of
# "U.S." or "U.A.E." (a capital with a stop two characters before).
_SENTENCE_END = re.compile(r"(?<![.\s][A-Z])[.!?]+[”\"’]?\s+(?=[A-Z“\"‘(])|\n")


_CLAUSE_END = re.compile(r",\s|[;:—–(]|\s-\s")


class CurrencyContext:
    """The currency resolution of one article's text (counts cached)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._scores: Counter[str] | None = None
        self._resolved: dict[str, str | None] = {}
        self._marked: dict[str, frozenset[str]] = {}
        self._pattern: re.Pattern[str] | None = None

    def _count(self, lo: int, hi: int) -> Counter[str]:
        mentions = _mentions()
        if self._pattern is None:
            self._pattern = mentions.pattern(self.text)
        counts: Counter[str] = Counter()
        for m in self._pattern.finditer(self.text, lo, hi):
            form = m.group(0)
            codes = mentions.names.get(form.casefold(), ()) if m["name"] else mentions.exact.get(form, ())
            counts.update(codes)
        return counts

    def score(self, code: str) -> int:
        """How many times the article names the currency's countries or strong forms."""
        if self._scores is None:
            self._scores = self._count(0, len(self.text))
        return self._scores[code]

    def resolve(self, key: str, at: int | None = None) -> str | None:
        """The code the shared form ``key`` (a sign, or a name's singular) means
        here: by its sentence, up to the end of the amount's clause, when that
        names one of the currencies ("In the U.S., the fee is $100,000" in a
        story about Singapore; not "... $30 million, ... said X of the Singapore
        office", which names the speaker's office), else by the whole article."""
        if at is not None:
            lo, hi = self._sentence(at)
            counts = self._count(lo, hi)
            candidates = currency_table().local_codes.get(key, ())
            if any(counts[code] for code in candidates):
                chosen = self._choose(key, counts)
                if chosen is not None:
                    return chosen
        if key not in self._resolved:
            self._resolved[key] = self._choose(key, None)
        return self._resolved[key]

    def _sentence(self, at: int) -> tuple[int, int]:
        """From the start of the sentence to the end of the amount's clause."""
        lo = max((m.end() for m in _SENTENCE_END.finditer(self.text, max(0, at - 400), at)), default=0)
        following = _SENTENCE_END.search(self.text, at)
        hi = following.start() if following is not None else len(self.text)
        clause = _CLAUSE_END.search(self.text, at, hi)
        return lo, (clause.start() if clause is not None else hi)

    def _choose(self, key: str, counts: Counter[str] | None) -> str | None:
        """The rule of the module docstring, on the article's counts or a sentence's."""
        table = currency_table()
        candidates = table.local_codes.get(key, ())
        if key not in self._marked:
            self._marked[key] = frozenset(code for code in candidates if self._marks(code, key))
        marked = self._marked[key]
        scores = {code: (counts[code] if counts is not None else self.score(code))
                  for code in candidates if code not in marked}
        default = table.defaults.get(key)
        others = sorted(((s, code) for code, s in scores.items() if code != default and s > 0), reverse=True)
        unique = bool(others) and (len(others) == 1 or others[0][0] > others[1][0])
        if default is not None:
            if unique and others[0][0] > DOMINANCE * scores.get(default, 0) \
                    and not self._elsewhere(candidates, others[0][0], counts):
                return others[0][1]
            return default if counts is None or scores.get(default, 0) > 0 else None
        return others[0][1] if unique else None

    def _elsewhere(self, candidates: tuple[str, ...], best: int, counts: Counter[str] | None) -> bool:
        """Whether the article is about a country that writes none of the shared form's currencies:
        one named more than ``DOMINANCE`` times as often as the best of them. In a story about India,
        "competitive with Australia" once does not make "$80" Australian: "$" is the US dollar."""
        if counts is not None:
            return False
        if self._scores is None:
            self._scores = self._count(0, len(self.text))
        return any(s > DOMINANCE * best for code, s in self._scores.items() if code not in candidates)

    def _marks(self, code: str, key: str) -> bool:
        """Whether the article writes the currency's own marked form of the sign ("A$" for "$")."""
        variants = _variants(code, key)
        return variants is not None and variants.search(self.text) is not None
