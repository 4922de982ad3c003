"""Merged quotes from nominated pairs equal merged quotes from comparing every pair.

``store.quote_pairs`` compares only the pairs its bounds cannot rule out; the
groups must be those of running ``same_quote`` on every pair of a speaker's
quotes. Checked on generated quotes over a small vocabulary (so overlaps,
trims, edits and repeated words are common) and on the fixture quotes.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from store.quote_merge import (
    EDIT_RATIO,
    MIN_TRIMMED_WORDS,
    grown_groups,
    merged_groups,
    quote_words,
    same_quote,
)
from store.quote_pairs import FEW, Words, candidate_pairs, pairs_with


def every_pair_groups(variants: list[tuple[str, Words]]) -> dict[str, str]:
    """The components of same_quote over every pair, each named by its smallest id."""
    group = {fid: fid for fid, _ in variants}
    for i, (fa, wa) in enumerate(variants):
        for fb, wb in variants[i + 1 :]:
            if same_quote(wa, wb):
                old, new = sorted((group[fa], group[fb]))[::-1]
                group = {fid: new if g == old else g for fid, g in group.items()}
    return group


WORDS = st.lists(st.sampled_from(["visa", "fee", "china", "talent", "the", "will", "k", "a"]), max_size=14)


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, max_size=12))
def test_nominated_pairs_give_the_groups_of_every_pair(lists: list[list[str]]) -> None:
    variants = [(f"{i:04d}", tuple(words)) for i, words in enumerate(lists)]
    assert merged_groups(variants) == every_pair_groups(variants)


@st.composite
def one_speaker(draw: st.DrawFn) -> list[tuple[str, ...]]:
    """A quote of distinct words, its trims (some of them at least MIN_TRIMMED_WORDS long),
    edits of it and of its trims, and unrelated quotes: one speaker's variants."""
    base = draw(st.permutations([f"w{i}" for i in range(24)]))[: draw(st.integers(3, 24))]
    variants = [base]
    for _ in range(draw(st.integers(1, 5))):
        start = draw(st.integers(0, len(base) - 1))
        variants.append(base[start : draw(st.integers(start + 1, len(base)))])
    for words in list(variants):
        if draw(st.booleans()):
            edited = list(words)
            edited[draw(st.integers(0, len(words) - 1))] = draw(st.sampled_from(["edited", "w0", "w23"]))
            variants.append(edited)
    variants += draw(st.lists(WORDS, max_size=3))
    return [tuple(words) for words in variants]


@settings(max_examples=300, deadline=None)
@given(one_speaker())
def test_trims_and_edits_group_as_every_pair_groups_them(lists: list[tuple[str, ...]]) -> None:
    variants = [(f"{i:04d}", words) for i, words in enumerate(lists)]
    assert merged_groups(variants) == every_pair_groups(variants)
    distinct = [w for w in dict.fromkeys(lists) if w]
    found = candidate_pairs(distinct, MIN_TRIMMED_WORDS, EDIT_RATIO)
    for i in range(len(distinct)):
        for j in range(i + 1, len(distinct)):
            if same_quote(distinct[i], distinct[j]):
                assert (i, j) in found


@settings(max_examples=300, deadline=None)
@given(one_speaker(), st.data())
def test_new_quotes_joined_to_stored_groups_give_the_groups_of_every_pair(
    lists: list[tuple[str, ...]], data: st.DataObject
) -> None:
    # Some quotes stored before (with the groups every pair gives over them), the rest
    # new: the stored groups joined by the pairs with a new quote are the groups of all.
    variants = [(f"{i:04d}", words) for i, words in enumerate(lists)]
    old = data.draw(st.sets(st.sampled_from([fid for fid, _ in variants])))
    stored = every_pair_groups([v for v in variants if v[0] in old])
    changed, had_rows = grown_groups([(fid, words, stored.get(fid)) for fid, words in variants])
    expected = every_pair_groups(variants)
    assert {**stored, **changed} == expected
    assert changed == {fid: group for fid, group in expected.items() if stored.get(fid) != group}
    assert had_rows == changed.keys() & old


@settings(max_examples=200, deadline=None)
@given(st.lists(WORDS, min_size=FEW + 2, max_size=30), st.data())
def test_many_new_quotes_joined_to_stored_groups_give_the_groups_of_every_pair(
    lists: list[list[str]], data: st.DataObject
) -> None:
    # More new quotes than FEW: compared through the indexes over every quote.
    variants = [(f"{i:04d}", tuple(words)) for i, words in enumerate(lists)]
    old = set(
        data.draw(st.lists(st.sampled_from([fid for fid, _ in variants]), max_size=len(variants) - FEW - 1))
    )
    stored = every_pair_groups([v for v in variants if v[0] in old])
    changed, had_rows = grown_groups([(fid, words, stored.get(fid)) for fid, words in variants])
    expected = every_pair_groups(variants)
    assert {**stored, **changed} == expected
    assert had_rows == changed.keys() & old


@settings(max_examples=300, deadline=None)
@given(one_speaker(), st.data())
def test_pairs_with_new_lists_are_the_candidate_pairs_that_touch_them(
    lists: list[tuple[str, ...]], data: st.DataObject
) -> None:
    distinct = [w for w in dict.fromkeys(lists) if w]
    new = data.draw(st.sets(st.integers(0, max(0, len(distinct) - 1))))
    found = pairs_with(distinct, new, MIN_TRIMMED_WORDS, EDIT_RATIO)
    for i in range(len(distinct)):
        for j in range(i + 1, len(distinct)):
            if (i in new or j in new) and same_quote(distinct[i], distinct[j]):
                assert (i, j) in found
    assert all(i in new or j in new for i, j in found)


def test_the_filter_leaves_most_pairs_of_different_quotes_uncompared() -> None:
    quotes = [
        "China will need to attract scientists from every country in the world",
        "attract scientists from every country in the world",
        "It's an appealing offer for young engineers",
        "It is an appealing offer for young engineers",
        "The fee will hit start-ups hardest",
        "We are reviewing every petition filed since September",
        "Nobody in the industry expected a figure this high",
        "Students are already asking whether to apply elsewhere",
    ]
    lists = [tuple(quote_words(q)) for q in quotes]
    pairs = candidate_pairs(lists, MIN_TRIMMED_WORDS, EDIT_RATIO)
    assert {(0, 1), (2, 3)} <= pairs and len(pairs) <= 4  # of 28 pairs
    groups = merged_groups([(f"q{i}", words) for i, words in enumerate(lists)])
    assert groups["q1"] == "q0" and groups["q3"] == "q2" and len(set(groups.values())) == 6
