"""Styles of address written before a name that are neither its role nor
part of it, in the traditions news of many countries writes them: Malaysian
and Bruneian honours ("Tan Sri Lim Boon Heng", "Datuk Seri Ahmad Kamal"),
Gulf and South Asian styles ("Sheikha Mariam Al Nuaimi", "Shri Anil
Kumar"), West African ones ("Alhaji Musa Bello") and the parliamentary
"Hon." ("Hon. Samuel Tetteh"). The words are data; ``Tan`` and ``Sri`` are
also names ("Tan Wei Ming", "Sri Mulyani"), so they are styles only in the
pairs that make one ("Tan Sri", "Datuk Seri").
"""

from __future__ import annotations

from spacy.tokens import Doc

# A single word that is a style wherever it stands before a name.
STYLE_WORDS = frozenset(
    "Datuk Dato Dato' Datin Tun Toh Pehin Sheikha Shaikh Shaikha Hon. Hon Honourable Alhaji Alhaja "
    "Hajia Hajiya Mme Mlle Madame Monsieur Shri Shrimati Smt. Smt Kumari Ustaz".split()
)
# A word that opens a style only before one of its second words ("Tan Sri", "Puan Sri").
STYLE_OPENERS = frozenset({"Tan", "Puan", "Toh"})
# Second words of a style ("Datuk Seri", "Tan Sri", "Dato' Sri", "Yang Berhormat").
STYLE_SECONDS = frozenset({"Seri", "Sri", "Paduka", "Utama"})


def style_end(doc: Doc, start: int, end: int) -> int:
    """The first token at or after ``start`` that is not part of a run of
    styles (``end`` when the span holds nothing else: "Datuk Seri" alone is no name)."""
    i = start
    while i < end:
        text = doc[i].text
        following = doc[i + 1].text if i + 1 < end else ""
        if text in STYLE_WORDS:
            i += 1
        elif text in {"Hon", "Smt"} and following == "." and not doc[i].whitespace_:
            i += 2
        elif text in STYLE_OPENERS and following in STYLE_SECONDS:
            i += 2
        elif text in STYLE_SECONDS and i > start:
            i += 1
        else:
            break
    return i


def style_start(doc: Doc, left: int, floor: int) -> int:
    """The first token of a run of styles ending at ``left`` (before a
    name), or ``left + 1`` when there is none."""
    i = left
    while i >= floor:
        text = doc[i].text
        if text in STYLE_WORDS:
            i -= 1
        elif text == "." and i - 1 >= floor and doc[i - 1].text in {"Hon", "Smt"} \
                and not doc[i - 1].whitespace_:
            i -= 2
        elif text in STYLE_SECONDS and i - 1 >= floor and (
                doc[i - 1].text in STYLE_WORDS or doc[i - 1].text in STYLE_OPENERS):
            i -= 2
        else:
            break
    return i + 1
