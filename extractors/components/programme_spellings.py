"""Which mentions of named programmes are one programme, and under which spelling
(``programme_names.py``): a shorter name ending a longer one, a lowercase kind shortening a name,
a headline's Title Case run the prose names, a name around a table programme's mention, and a
lowercase compound in apposition to a programme just named.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractors.components.programme_capitalised import Hit
from extractors.components.programme_words import HEAD_WORDS, SINGULAR, STOP_WORDS
from extractors.country_lexicon import country_lexicon


def short_forms(
    text: str, kinds: list[tuple[int, int, str, str | None]], taken: Sequence[tuple[int, int]],
    found: list[tuple[int, int, str, str | None]],
) -> list[tuple[int, int, str, str | None]]:
    """A lowercase kind whose words the article's capitalised name holds, with the same head, is that
    name's short form ("the critical skills permit" after "the Critical Skills Employment Permit"):
    the named programme, or nothing when the name is the table's (the table's spans stand)."""
    # Written form -> the programme's name ("" for a table programme's mention).
    written = {**{text[s:e]: "" for s, e in taken}, **{n: n for _, _, n, _ in found}}
    out = []
    for start, end, kind, country in kinds:
        longer = next((full for form, full in written.items() if shortens(kind, form)), None)
        if longer is None:
            out.append((start, end, kind, country))
        elif longer:
            out.append((start, end, longer, None))
    return out


def kind_name(hit: tuple[int, int, str, str | None], kinds: list[tuple[int, int, str, str | None]]) -> str:
    return next(n for s, e, n, _ in kinds if (s, e) == hit[:2])


def shortens(kind: str, name: str) -> bool:
    """Whether ``kind`` shortens ``name``: fewer words, the same head, every word before it in ``name``."""
    words, other = kind.casefold().split(), re.sub(r"[“”\"‘’']", "", name).casefold().split()
    head = SINGULAR.get(other[-1], other[-1]) if other else ""
    return len(other) > len(words) and words[-1] == head and set(words[:-1]) <= set(other[:-1])


# "Germany's Opportunity Card, the points-based job-seeker visa": a description of the name before it.
_APPOSITION = re.compile(r"[ \t]*[,(—–][ \t]*(?:the|a|an|its)[ \t]+(?:[\w-]+[ \t]+){0,3}$")


def describes(text: str, start: int, mentions: Sequence[tuple[int, int]]) -> bool:
    """Whether a lowercase compound at ``start`` stands in apposition to a programme just named."""
    m = _APPOSITION.search(text, max(0, start - 60), start)
    return m is not None and any(end == m.start() for _, end in mentions)


def known_tail(text: str, hit: Hit, strong: dict[str, str]) -> tuple[int, str]:
    """The longest tail of a headline's capitalised run that the prose names, as the prose
    spells it (start, name); (0, "") when the prose names none."""
    words = hit.name.split()
    position = hit.start
    for k in range(len(words) - 1):
        tail = " ".join(words[k:])
        if k > 0:
            position = text.find(words[k], position, hit.end)
            if position < 0:
                break
        if tail.casefold() in strong:
            return position, strong[tail.casefold()]
        if any(n.endswith(" " + tail.casefold()) for n in strong):
            return position, tail
        position += len(words[k])
    return 0, ""


def extends(text: str, start: int, end: int, table_span: tuple[int, int]) -> bool:
    """Whether a name strictly around a table programme's mention names another programme:
    "Employment Gold Card" is Taiwan's, "Trump Gold Card visa" and "German EU Blue Card" are the table's."""
    t_start, t_end = table_span
    if not (start <= t_start and t_end <= end) or (start, end) == table_span:
        return False
    left = country_lexicon().pattern.sub(" ", text[start:t_start]).split()
    right = text[t_end:end].split()
    return (bool(left) and all(w[0].isupper() and w.casefold() not in STOP_WORDS | {"trump"} for w in left)
            and all(w.casefold() in HEAD_WORDS for w in right))  # fmt: skip


def merge_names(found: list[tuple[int, int, str, str | None]]) -> list[tuple[int, int, str, str | None]]:
    """One spelling per programme: the first one written; a shorter name that ends
    a longer one ("the nomad visa" after "digital nomad visa"), or that a title's Scheme or
    Program follows ("Top Talent Pass" beside "Top Talent Pass Scheme"), is the longer one."""
    first: dict[str, str] = {}
    for _, _, name, _ in found:
        first.setdefault(name.casefold(), name)
    keys = sorted(first, key=len, reverse=True)
    pattern = country_lexicon().pattern
    merged = []
    for start, end, name, country in found:
        key = name.casefold()
        # "the Taiwan Gold Card" beside "Employment Gold Card": the country is no part of the name.
        bare = pattern.sub("", name, count=1).strip().casefold() if pattern.match(name) else key
        longer = next((k for k in keys if len(k) > len(bare) and k != key and k.endswith(" " + bare)), key)
        # "Top Talent Pass" beside "Top Talent Pass Scheme": one programme, under its written title.
        titled = next((first[k] for k in (f"{longer} {s}" for s in _TITLE_SUFFIXES) if k in first), None)
        merged.append((start, end, titled or first[longer], country))
    return merged


_TITLE_SUFFIXES = ("scheme", "programme", "program")
