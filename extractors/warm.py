"""Imported by the extraction workers' fork server: what every worker needs, built once.

A worker is forked from the fork server (``extractors.parallel``), so what
the fork server holds when it forks, each worker has without building it:
spaCy and the components imported, and the tables and patterns that the
first article of every worker built again on its own (the cold profile of one
worker over the bench pages: money's shared currency-name patterns, the
country lexicon, dateparser's language data and time-zone patterns; about
1.5 s of CPU per worker started, before its first batch). Nothing here loads
the model: each worker loads its own from the extractor's recipe.

The objects are then moved out of the cycle collector's reach
(``gc.freeze``), so a worker's collections do not write to the pages it
shares with the fork server and its siblings.
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

import extractors.components  # noqa: F401  (spaCy and the components, as each worker imports them)
from extractors.country_lexicon import country_lexicon
from extractors.money import find_money

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

# An invented sentence of the forms every article's reading of money goes
# through: an amount with a sign, one with a common currency name, a rate note.
_SAMPLE = "The fee rose from $100 to 250 euros ($1 = 0.92 euro)."


def warm() -> None:
    """Build the shared tables and patterns in this process."""
    country_lexicon()
    find_money(_SAMPLE)
    _dateparser().get_date_data("3 March 2025")


def _dateparser() -> DateDataParser:
    from dateparser.date import DateDataParser  # as extractors.dates imports it: on first use

    return DateDataParser(languages=["en"])


warm()
gc.collect()
gc.freeze()
