"""Which table programme, or which longer name, a programme mention stands for (``programmes.py``):
a name found by its form that spells a table programme in another case or shortens one, and a table
alias that is the short form of a longer name the article gives ("the Gold Card" after "Taiwan's
Employment Gold Card").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from extractors.components.programme_name_countries import NamedProgramme
from extractors.components.programme_spellings import shortens
from extractors.components.programme_words import GENERIC, HEAD_WORDS
from extractors.country_lexicon import country_lexicon

if TYPE_CHECKING:
    from extractors.components.programmes import Programme


def table_name(
    named: NamedProgramme, found: dict[str, str], table: list[Programme],
    countries: dict[str, str | None] | None = None,
) -> str | None:
    """The table programme a name found by its form spells in another case ("the golden visa",
    "Global Talent Visa"): one the article names in the table's form too, or one of the same
    country (or of any, when the text gives none)."""
    key = named.name.casefold()
    if key in found:
        return found[key]
    # "the nomad pass" after the table's "DE Rantau Nomad Pass": a lowercase name that ends a longer
    # one. Not when the words before it name a country: "Portugal Golden Visa" beside another
    # country's "golden visa".
    # "the digital nomad pass" beside it too: a lowercase compound whose last two words end the name,
    # unless they are a kind ("a temporary work visa" beside "Accredited Employer Work Visa").
    tail = " ".join(key.split()[-2:])
    tail = key if tail.split()[0] in GENERIC else tail
    longer = next((v for k, v in found.items() if k.endswith(" " + key) or k.endswith(" " + tail)), None) \
        if key == named.name else None  # fmt: skip
    if longer is not None and named.country in (None, _country_of(longer, table)) \
            and not country_lexicon().mentions(longer[: -len(tail)], strong_only=False):  # fmt: skip
        return longer
    # "A Critical Skills permit costs ..." after the table's "Critical Skills Employment Permit": a
    # name of two words or more before the same head, all of them in the longer name, shortens it.
    shortened = next((v for v in found.values() if len(key.split()) > 2 and shortens(key, v)), None)
    if shortened is not None and named.country in (None, _country_of(shortened, table)):
        return shortened
    programme = next((p for p in table if p.name.casefold() == key), None)
    # A table name in a form its patterns spell whole ("Skilled Worker route", after "the Skilled
    # Worker and Graduate routes" named each).
    if programme is None:
        programme = next((p for p in table if any(x.fullmatch(named.name) for x in p.patterns)), None)
    if programme is not None and named.country in (None, programme.country):
        return programme.name
    return other_head(named, found, countries or {})


def other_head(named: NamedProgramme, found: dict[str, str], countries: dict[str, str | None]) -> str | None:
    """A table programme of the article named with another programme noun: "the old Global Talent
    stream" in a story on Australia's Global Talent visa is that visa. The same words before the
    head, both heads programme nouns, and the article gives both one country."""
    *stem, head = named.name.casefold().split()
    if not stem or head not in HEAD_WORDS:
        return None
    for key, name in found.items():
        *other, other_head = key.split()
        if other == stem and other_head in HEAD_WORDS and countries.get(name) == named.country:
            return name
    return None


def longer_names(
    own: str, named: list[NamedProgramme], table_names: list[str], countries: dict[str, str | None]
) -> list[str]:
    """The names a table mention of ``own`` may be the short form of: every name found by its form,
    and the text's table programmes of another country."""
    others = [t for t in table_names if t != own and countries.get(t) != countries.get(own)]
    return [n.name for n in named] + others


def _country_of(name: str, table: list[Programme]) -> str | None:
    return next((p.country for p in table if p.name == name), None)


def short_for(mention: str, names: list[str]) -> str | None:
    """The longer programme name a table alias is the short form of: after "Taiwan's Employment
    Gold Card", "the Gold Card" is Taiwan's card, not the U.S. one."""
    short = re.sub(r"[“”\"‘’']", "", mention).casefold()
    if "trump" in short:
        return None
    return next((n for n in names if n.casefold().endswith(" " + short)), None)
