"""Which of one speaker's quotes can be one quote: candidate pairs for ``same_quote``.

Comparing every pair of a speaker's quotes is quadratic: profiled on a
monitor run where six people were quoted in every article, regrouping took
33 of its 60 s of saving. This module nominates a superset of the pairs
:func:`store.quote_merge.same_quote` accepts, with the bounds its three rules
imply, so only those are compared:

- equal word lists: grouped by value, never compared;
- containment (the shorter, of at least ``MIN_TRIMMED_WORDS`` words, is a run
  of the longer): the shorter's first ``MIN_TRIMMED_WORDS`` words are then a
  run of the longer, so runs of that length are indexed;
- edit ratio (difflib's ``2 M / (len a + len b) >= EDIT_RATIO``, ``M`` the
  matched words): ``M`` is at most the multiset overlap ``O`` and at most the
  shorter length, so ``O >= r / (2 - r) * len`` for both quotes of a pair.
  With the words (each occurrence a separate token) in one global order,
  two lists sharing ``O`` tokens share one among the first ``len - O + 1`` of
  each (prefix filtering): rarest tokens first, each list indexed by that
  prefix only; a pair found so is kept only if its multiset overlap reaches
  ``r / 2 * (len a + len b)``.

Every nominated pair is still decided by ``same_quote``, so the groups are
those of comparing every pair (``tests/store/test_quote_pairs.py`` checks it).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Collection, Sequence

Words = tuple[str, ...]
Token = str  # a word's first occurrence in a list is the word; its k-th (k > 0), ``word\0k``


def candidate_pairs(lists: Sequence[Words], min_run: int, ratio: float) -> set[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, of distinct non-empty word lists that may be one quote.

    ``min_run`` and ``ratio`` are ``same_quote``'s ``MIN_TRIMMED_WORDS`` and
    ``EDIT_RATIO``; a pair of lists neither rule can accept is never returned.
    """
    if len(lists) <= FEW:
        return _few_pairs(lists, min_run, ratio)
    pairs = _containment_pairs(lists, min_run)
    pairs |= _ratio_pairs(lists, ratio)
    return pairs


def pairs_with(
    lists: Sequence[Words], new: Collection[int], min_run: int, ratio: float
) -> set[tuple[int, int]]:
    """:func:`candidate_pairs` with at least one end in ``new`` (indexes of ``lists``).

    For a speaker with stored groups and many new quotes: the stored quotes'
    pairs are decided already, and the indexes over every list are queried
    with the new ones only (the bench's second batch brought 38 unnamed quotes
    to 326 stored ones: 7 ms against the 55 of nominating every pair, on a
    loaded host).
    """
    pairs = _containment_pairs(lists, min_run, new)
    pairs |= _ratio_pairs(lists, ratio, new)
    return pairs


FEW = 8
"""Lists up to which every pair is tested against the two bounds directly, the
indexes costing more than they save: most speakers of a batch have two to six
quotes (the bench pages: 185 of 237), and building the token index for each
took 15-20 of the ~20 ms of grouping a 154-article batch's quotes."""


def _few_pairs(lists: Sequence[Words], min_run: int, ratio: float) -> set[tuple[int, int]]:
    """The pairs the containment rule's first run or the ratio rule's overlap bound admits."""
    counts: dict[int, Counter[str]] = {}
    pairs: set[tuple[int, int]] = set()
    for i, a in enumerate(lists):
        for j in range(i + 1, len(lists)):
            b = lists[j]
            short, long_ = (a, b) if len(a) <= len(b) else (b, a)
            if len(short) >= min_run and _has_run(long_, short[:min_run]):
                pairs.add((i, j))
                continue
            if min(len(a), len(b)) < ratio / (2.0 - ratio) * max(len(a), len(b)) - 1e-9:
                continue  # _can_match's first test, before any Counter is built
            ca = counts[i] if i in counts else counts.setdefault(i, Counter(a))
            cb = counts[j] if j in counts else counts.setdefault(j, Counter(b))
            if _can_match(ca, cb, len(a), len(b), ratio):
                pairs.add((i, j))
    return pairs


def partner_candidates(words: Words, lists: Sequence[Words], min_run: int, ratio: float) -> list[int]:
    """Indexes of the ``lists`` that may be one quote with ``words`` (``_few_pairs``'s tests,
    one list against many: a new quote of a speaker against the speaker's stored quotes)."""
    count = Counter(words)
    out = []
    for j, other in enumerate(lists):
        short, long_ = (words, other) if len(words) <= len(other) else (other, words)
        if len(short) >= min_run and _has_run(long_, short[:min_run]):
            out.append(j)
        elif _long_enough(words, other, ratio):
            if _can_match(count, Counter(other), len(words), len(other), ratio):
                out.append(j)
    return out


def _long_enough(a: Words, b: Words, ratio: float) -> bool:
    """``_can_match``'s first test, before any Counter is built."""
    return min(len(a), len(b)) >= ratio / (2.0 - ratio) * max(len(a), len(b)) - 1e-9


def _has_run(words: Words, run: Words) -> bool:
    """Whether ``run`` (non-empty) is a run of ``words``: compared only where its first
    word occurs (found by ``tuple.index``, in C), not at every position."""
    n, first = len(run), run[0]
    end = len(words) - n + 1  # the last start, plus one
    start = 0
    while start < end:
        try:
            k = words.index(first, start, end)
        except ValueError:
            return False
        if words[k : k + n] == run:
            return True
        start = k + 1
    return False


def _containment_pairs(
    lists: Sequence[Words], min_run: int, new: Collection[int] | None = None
) -> set[tuple[int, int]]:
    """Pairs whose shorter list's first ``min_run`` words are a run of the longer (``new``:
    only those with an end among these indexes)."""
    runs: dict[Words, list[int]] = defaultdict(list)
    for i, words in enumerate(lists):
        for start in range(len(words) - min_run + 1):
            runs[words[start : start + min_run]].append(i)
    chosen = None if new is None else set(new)
    pairs: set[tuple[int, int]] = set()
    for i, words in enumerate(lists):
        if len(words) < min_run:
            continue
        for j in runs.get(words[:min_run], ()):
            if j != i and len(lists[j]) >= len(words) and (chosen is None or i in chosen or j in chosen):
                pairs.add((min(i, j), max(i, j)))
    return pairs


def _ratio_pairs(
    lists: Sequence[Words], ratio: float, new: Collection[int] | None = None
) -> set[tuple[int, int]]:
    """Pairs the ratio rule's overlap bound admits, nominated by prefix filtering (``new``:
    only those with an end among these indexes)."""
    tokens = [_tokens(words) for words in lists]
    frequency = Counter(token for found in tokens for token in found)
    # Each token's place in the global order (rarest first, then by value), so a list's
    # tokens sort as ints: the same order as sorting them by (frequency, token), in about
    # a third of the time (the bench batch's unnamed quotes, 285 lists).
    rank = {token: r for r, token in enumerate(sorted(frequency, key=lambda t: (frequency[t], t)))}
    ranked = [sorted([rank[token] for token in found]) for found in tokens]
    # A list's tokens are distinct (a word and its occurrence), so the multiset overlap
    # of two lists' words is the size of the intersection of their token sets.
    sets = [frozenset(found) for found in ranked]
    share = ratio / (2.0 - ratio)  # the overlap a partner must reach, per word of a list
    half = ratio / 2.0
    # A lower bound on the overlap (floored below the exact bound, so rounding never
    # makes the prefix too short); at least one word in common in any case.
    prefixes = [found[: len(found) - max(1, math.floor(share * len(found) - 1e-9)) + 1] for found in ranked]
    index: dict[int, list[int]] = defaultdict(list)
    pairs: set[tuple[int, int]] = set()
    if new is not None:  # every list indexed, then queried with the new ones only
        for i, prefix in enumerate(prefixes):
            for token in prefix:
                index[token].append(i)
    for i, prefix in enumerate(prefixes):
        if new is not None and i not in new:
            continue
        nominated = {j for token in prefix for j in index[token]}
        if new is None:  # each list against those before it
            for token in prefix:
                index[token].append(i)
        # Whether the ratio rule can accept the pair, over token sets (the intersection
        # counted in C), inline: thousands of pairs on a speaker with hundreds of quotes.
        mine, length = sets[i], len(sets[i])
        shortest, longest = share * length - 1e-9, (length + 1e-9) / share  # min >= share * max
        for j in nominated:
            theirs = sets[j]
            other = len(theirs)
            if j == i or not shortest <= other <= longest:
                continue
            if len(mine & theirs) >= half * (length + other) - 1e-9:
                pairs.add((min(i, j), max(i, j)))
    return pairs


def _tokens(words: Words) -> Sequence[Token]:
    """The words as distinct tokens (a word and which occurrence of it), as strings: a
    string caches its hash, a ``(word, k)`` tuple hashes again at every dict lookup
    (the bench batch's unnamed quotes: 16 ms of grouping with tuples). Words never
    hold a NUL, so ``word\0k`` is no word."""
    if len(set(words)) == len(words):  # most quotes: no word twice
        return words
    seen: dict[str, int] = {}
    out = []
    for word in words:
        k = seen.get(word, 0)
        out.append(f"{word}\0{k}" if k else word)
        seen[word] = k + 1
    return out


def _can_match(a: Counter[str], b: Counter[str], len_a: int, len_b: int, ratio: float) -> bool:
    """Whether the ratio rule can accept the pair: the words in common (as a multiset)
    must reach ``ratio / 2`` of the two lengths (with slack for rounding)."""
    if min(len_a, len_b) < ratio / (2.0 - ratio) * max(len_a, len_b) - 1e-9:
        return False
    return _overlap(a, b) >= ratio / 2.0 * (len_a + len_b) - 1e-9


def _overlap(a: Counter[str], b: Counter[str]) -> int:
    """``sum((a & b).values())`` without building the intersection Counter (a third of
    the regrouping's time on the bench batch went to ``Counter.__and__``)."""
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return sum(min(n, large[word]) for word, n in small.items() if word in large)
