"""The speech cues and the thresholds the quote readers share.

A cue is a verb of speech ("said", "told", "noted"); the thresholds say how
much text makes a quote and how far a cue may stand from it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.components.common import SPEECH_LEMMAS

CUE_WORDS = (
    "said|says|say|told|tells|added|adds|noted|notes|explained|explains|asked|asks|wrote|writes"
    "|argued|argues|warned|warns|stated|insisted|recalled|continued|commented|observed"
    "|remarked|stressed|emphasised|emphasized|acknowledged|conceded|predicted|replied|declared"
    "|countered|counters|cautioned|admitted|posted|tweeted|wondered"
    "|recounted|recounts|testified|testifies|shouted|yelled|complained|complains|joked|jokes"
    "|quipped|boasted|reiterated|reported|saying|weighed in|quoted as saying|confirmed|confirms"
)


CUE = re.compile(rf"\b(?:{CUE_WORDS})\b")


# "Quoted" text must look like speech: at least this many words. Shorter
# quoted strings in news are titles, scare quotes or coined terms.
MIN_QUOTE_WORDS = 4


# ... unless it is a whole utterance with its cue after it ("“They always
# do,” Shah said."): then two words are speech.
MIN_SHORT_QUOTE_WORDS = 2


# A reported clause shorter than this ("it is", "so") is no statement;
# "costs would rise" is.
MIN_INDIRECT_TOKENS = 3


# Words between two quotes of one speaker with no cue: "Menon said." and the
# like; the gold set's longest with a cue is an appositive of 12 words.
MAX_ATTRIBUTION_WORDS = 8


# A cue this close after a quote is its cue whatever stands between ("Lang
# said on Tuesday"); farther, only a verbless subject phrase may stand there,
# up to MAX_SUBJECT_WORDS ("a spokesperson for the National Immigration
# Administration said" is 7).
NEAR_CUE_WORDS = 6
MAX_SUBJECT_WORDS = 14


INDIRECT_LEMMAS = SPEECH_LEMMAS
# Verbs that make something public in words: a participle of speech after
# one ("announced a new category on Wednesday, saying it wants ...") reports
# what was said; after another verb ("signed the order, saying ...") it
# paraphrases what was done.
ANNOUNCING_LEMMAS = frozenset({"announce"})


# Cue verbs that with a direct object mean something else ("added five
# categories", "posted a loss"); "told reporters" keeps its object.
OBJECT_SENSE_LEMMAS = frozenset({"add", "post"})


# The tags of a finite verb, which a statement of its own has.
FINITE = frozenset({"VBD", "VBZ", "VBP"})


@dataclass(frozen=True)
class Attribution:
    """Who a quote is attributed to, as written, and the cue verb.

    ``phrase`` runs from ``start`` (a character offset) and holds the cue,
    which starts at ``cue_start``."""

    phrase: str
    cue: str
    start: int
    cue_start: int


Found = tuple[str | None, str | None]
"""(speaker, cue) of a quote attributed by its context."""
