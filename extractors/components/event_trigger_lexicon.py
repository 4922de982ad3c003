"""The words that make a date an event's date, by class (:mod:`event_triggers` matches them).

The predicate table (:mod:`extractors.event_lexicon`) gives the verbs, nouns
and verb classes; the smaller tables here are the words the matching reads
around them: start words, prepositions, auxiliaries, authorities, the
phrases of a state that holds since a date.
"""

from __future__ import annotations

import re

from extractors.event_lexicon import event_lexicon
from extractors.models import EventType

# The predicate table (extractors/data/event_predicates.json, its note says
# where it comes from): verbs that count alone, verbs that count only with a
# programme, rule or fee as object ("dropped the fee", not "fees dropped"),
# verbs that count only with their particle or complement ("kicks off",
# "rolls out", "takes effect", "goes live", "received royal assent"; alone
# they are too common to mean an event, and the particle may change the kind:
# "kicks in" takes effect), and event nouns, some only of a programme ("the
# withdrawal of the rule", not "a withdrawal on Monday").
LEXICON = event_lexicon()
VERB_TRIGGERS: dict[str, EventType] = LEXICON.verbs
OBJECT_VERBS: dict[str, EventType] = LEXICON.object_verbs
NEEDS_PARTICLE: dict[str, dict[str, EventType]] = LEXICON.complements
# What a particle must govern for the verb to count: "laid before Parliament",
# not "laid the groundwork before the election".
PARTICLE_OBJECTS: dict[str, frozenset[str]] = LEXICON.complement_objects
# Nouns that name an event when the date follows them; the guarded ones only of a programme.
PROGRAMME_NOUNS: dict[str, EventType] = LEXICON.programme_nouns
NOUN_TRIGGERS: dict[str, EventType] = {**LEXICON.nouns, **PROGRAMME_NOUNS}
NOUN_PHRASES: dict[str, dict[str, EventType]] = LEXICON.noun_phrases
# "an effective date of Oct. 1", "the launch date is Oct. 1": the word that makes "date" an event's.
DATE_MODIFIERS: dict[str, EventType] = LEXICON.date_modifiers
# Prepositions between a trigger noun and its date: "the launch on Oct. 1".
NOUN_DATE_PREPS = frozenset({"on", "in", "at"})
# Words that open the period from which something applies.
START_WORDS = frozenset({"starting", "beginning"})
FROM_CLOCK = re.compile(
    r"\b(?:(?:from|starting|beginning|as of)\s+(?:midnight|noon|\d{1,2}(?::\d{2})?\s*[ap]\.?m\.?)"
    r"(?:\s+[A-Z]{2,4}T?|\s+local time)?\s+on|on or after|from and including)$"
)
# Verbs for which "from <date>" is a baseline, not a start: "rose 20% from last June".
CHANGE_LEMMAS = frozenset(
    "rise raise increase grow jump climb double triple hike surge soar fall drop decline dip slip shrink "
    "plunge cut reduce lower compare change move shift return come arrive differ vary".split()
)
# What a verb of change may change for the change to be an event of the
# programme: its prices and thresholds, not its applications or approvals.
PRICE_NOUNS = LEXICON.verb_classes["price_change"].objects
CHANGE_TRIGGERS = LEXICON.verb_classes["price_change"].verbs
# Verbs that put a price in place: "the $100,000 fee that the United States imposed last month".
IMPOSE = LEXICON.verb_classes["imposing"].verbs
# Verbs that issue a document, and the documents whose stage their modifier
# names: "published a final rule" announces it, "sent a proposed rule to the
# White House" proposes it. An unmarked "rule" or "guidance" says neither.
ISSUE_VERBS = LEXICON.verb_classes["issuing"].verbs
DOCUMENT_NOUNS = LEXICON.verb_classes["issuing"].objects
# A revised or updated document is final too: "published a revised shortage list on Monday".
DOCUMENT_STAGES: dict[str, EventType] = {"final": "announced", "proposed": "proposed", "draft": "proposed",
                                         "revised": "announced", "updated": "announced"}
# An executive's instruments are final once issued: "published an ordinance
# last Thursday", "a decree approved by the Council of Ministers earlier this
# month". Approving or adopting rules makes them final too ("the cabinet
# approved the new regulations on Tuesday"); a bill approved by one chamber is not yet law.
FINAL_DOCUMENTS = frozenset("decree decrees ordinance ordinances".split())
APPROVING = frozenset({"approve", "adopt"})
# Verbs of putting rules into practice, after a deadline ("had until November 2023 to apply them").
IMPLEMENTING = frozenset("apply implement transpose adopt enforce introduce".split())
# Who speaks or acts for a programme: a government body or officer, or a country.
AUTHORITIES = frozenset(
    "department ministry office government agency administration authority commission minister "
    "secretary cabinet council embassy consulate parliament congress uscis dhs ircc".split()
)
# Verbs that make a programme, which counts as its launch when what they make is one.
CREATING = LEXICON.verb_classes["creating"].verbs
PROGRAMME_KINDS = LEXICON.verb_classes["creating"].objects
# "The first K visas were issued on Oct. 1": the first grant of a visa is its launch.
FIRST_ISSUED = LEXICON.verb_classes["first_issued"].verbs
GRANTED = LEXICON.verb_classes["first_issued"].objects
# "has been in place since June 2024", "in force since", "in effect since".
IN_PLACE = re.compile(r"\bin (?:place|force|effect)\s*$", re.I)
# "Express Entry draws have been on hold since June".
ON_HOLD = re.compile(r"\bon hold\s*$", re.I)
# "The K visa has been available since Oct. 1", "applications have been open since June 1",
# "the card has been offered since January 2024".
AVAILABLE = re.compile(r"\b(?:available|open|on offer|offered)\s*$", re.I)
# "has existed since February 2020": a launch then, when the date names its month. "has existed
# since 2013" is background the gold leaves out (year-only dates are optional at best).
EXISTED = re.compile(r"\b(?:existed|exists|in existence|been around)\s*$", re.I)
NAMES_A_MONTH = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.I)
# Verbs of speech whose future complement announces an event: "said last
# month that it would start taking applications".
SPEECH = frozenset({"say", "tell"})
FUTURE_AUX = frozenset({"would", "will", "'ll"})
# Verbs of a change to a programme, said of the future: "will raise the minimum
# salary", "will turn its trial visa into a permanent programme", "will reopen".
PLAN_VERBS = frozenset(
    "raise increase double triple hike cut reduce lower lift turn make extend expand widen tighten "
    "relax ease reopen relaunch scrap replace overhaul cap".split()
)
# Subordinate clauses with their own subject ("after parliament approved the
# charges in June"): a date in one is that clause's.
SUBORDINATE_MARKS = frozenset("after before since when while because once as".split())
# "from Oct. 1 to Dec. 31", "from 2019 until 2023": a range of time.
RANGE_WORDS = frozenset({"to", "until", "till", "through", "thru", "-", "–", "—", "and"})
# Hops from the date up the dependency tree to its verb, prepositions not
# counted: "Wednesday" -> "on" -> "launches" is one.
MAX_HOPS = 3
