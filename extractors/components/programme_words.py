"""The words programme names are made of and tested against (``programme_names.py``).

Function words a sentence capitalises, the modifiers that only say what kind of visa something is
("work", "student"), words that make a capitalised run no programme ("Office", "Waiver"), the
programme nouns a name ends in, and the words that make a name a migration programme.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS as _ALL_STOP_WORDS

# Function words a sentence capitalises ("The", "Under"); spaCy's list less the words that
# open real names ("Top Talent Pass", "First Home Visa", "Whole of Government").
STOP_WORDS = _ALL_STOP_WORDS - frozenset("""
top first last next front back full whole bottom side main former latter third fifteen fifty forty sixty
twenty hundred move name part well serious various several due call give show see keep made make put take
get go done empty fill find fire alone along across beyond elsewhere
""".split())  # fmt: skip
# Modifiers that only say what kind of visa it is: a name made of these (and
# countries) is a generic kind, not a programme ("a Work Visa", "Chinese visa").
GENERIC = frozenset("""
work working worker workers employment job jobs student students study tourist tourism tourists visitor
visitors visit business transit family spouse spousal partner marriage dependant dependent dependants
residence residency resident permanent temporary long-term short-term long-stay short-stay single-entry
multiple-entry double-entry entry exit re-entry travel e-visa electronic online investor investment
retirement medical religious journalist diplomatic official humanitarian refugee asylum new current
special national federal government immigration migration visa visas pass permit card program programme
scheme route stream pilot pilots category talent skilled seasonal exchange general standard trump
""".split())  # fmt: skip
# Words that make a capitalised run something other than a programme.
NOT_PROGRAMME = frozenset("""
waiver waivers free office department ministry agency service services council commission embassy
consulate bureau authority court house university college company inc corp group bank party force
police id identity credit debit health insurance loyalty sim boarding library rail metro bus transport
oyster gift rewards lottery bulletin tax report desk helpline hotline clinic
january february march april may june july august september
october november december monday tuesday wednesday thursday friday saturday sunday
""".split())  # fmt: skip
# A Route over land or sea is a path migrants take ("the Balkan Route", "the Darien Gap Route").
GEOGRAPHIC = frozenset("""
mediterranean balkan balkans atlantic pacific channel gap sea desert sahara sahel darien corridor coast
land northern southern eastern western central
""".split())  # fmt: skip
# Heads that name other things too (a "Loan Scheme", a "Boarding Pass"): they need a migration sentence.
VISA_HEADS = frozenset({"visa", "visas"})
MIGRATION = re.compile(
    r"(?i)\b(?:visas?|immigra\w*|migra\w*|residen\w*|permits?|citizenship|nomads?|expats?"
    # Foreigners let in to work or live, and remote workers: not foreigners as tourists or shoppers.
    r"|(?:lets|let|allows|allow|allowing|letting|enables|invites|for)\s+foreigners\s+(?:to\s+)?"
    r"(?:work|live|stay|settle|retire|reside|relocate)|remote[- ]work(?:ers?|ing)"
    r"|foreign (?:workers|nationals|talent|professionals|students|staff|employees|hires|labour|labor))\b"
)
HEAD_WORDS = frozenset("""
visa visas pass passes card cards permit permits scheme schemes programme programmes program programs
route routes stream streams pilot pilots category categories stamp stamps
""".split())
# Words that make a name a migration programme whatever its sentence says.
SIGNAL = frozenset("""
visa visas immigration migrant migrants migration worker workers talent nominee skilled residence resident
residency nomad investor entry mobility pathway caregiver caregivers start-up startup citizenship settlement
permit work employment sponsorship
""".split())  # fmt: skip
SINGULAR = {"visas": "visa", "passes": "pass", "cards": "card", "permits": "permit", "stamps": "stamp"}
# A plural head shared by coordinated names is one head each ("the X and Y pilots": X pilot, Y pilot).
EACH = {**SINGULAR, "pilots": "pilot", "routes": "route", "streams": "stream", "schemes": "scheme",
        "programmes": "programme", "programs": "program", "categories": "category", "pathways": "pathway"}
