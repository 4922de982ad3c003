"""The programme table as plain data: canonical names and alias patterns, no spaCy.

The programme ruler (``extractors/components/programmes.py``) compiles the
same file, ``extractors/data/programmes.json``, into its spaCy component. The
relevance gate and the source-list check read it here, so a topic's
``programmes`` match exactly the spellings the ruler marks, without loading
spaCy and without a second copy of the patterns.
"""

from __future__ import annotations

from dataclasses import dataclass

from extractors.bundled import read_bundled


@dataclass(frozen=True)
class ProgrammePatterns:
    """One programme's canonical name, issuing country and regular expressions (uncompiled)."""

    name: str
    country: str
    patterns: tuple[str, ...]


def programme_patterns() -> tuple[ProgrammePatterns, ...]:
    """The bundled programme table, in file order."""
    raw = read_bundled("programmes.json")
    return tuple(
        ProgrammePatterns(p["name"], p["country"], tuple(p["patterns"])) for p in raw["programmes"]
    )


def programme_names() -> tuple[str, ...]:
    """The canonical programme names ("K visa", "H-1B", ...)."""
    return tuple(p.name for p in programme_patterns())
