"""Money a programme costs the state, or a charge a private party collects, is no fee: "The route
cost the Home Office £50 million to run last year" (the government pays, to run it), "an $800,000
investment plus a $1,000 regional centre fee paid to the developer" (the fee noun's phrase names
a private payee after it). No spaCy parse.
"""

from __future__ import annotations

import re

from extractors.money import Money

# "cost the Home Office £50 million", "costs taxpayers $2 billion": the state or the public pays.
_COSTS_THE_STATE = re.compile(
    r"\bcost(?:s|ing)?\s+(?:the\s+)?(?:government|state|treasury|taxpayers?|public(?:\s+purse)?|exchequer"
    r"|department|ministry|agency|(?:[A-Z][\w-]*\s+){1,3}(?:Office|Department|Ministry|Agency|Service))"
    r"\s+(?:(?:about|around|roughly|nearly|almost|some|more than|over|an estimated|at least)\s+)?$",
)
# "£50 million to run", "$20 million a year to administer": what running the programme costs.
_TO_RUN = re.compile(
    r"\s+(?:(?:a|per|each)\s+year\s+)?to\s+(?:run|administer|operate|set\s+up|build|maintain|police|enforce)\b",
    re.I,
)
# "a $1,000 regional centre fee paid to the developer": the payee named after the fee noun.
_PAID_TO_PRIVATE = re.compile(
    r"(?:\s+[\w-]+){0,3}?\s+(?:fees?|charges?)\s*,?\s+(?:paid|payable|going)\s+(?:directly\s+)?to\s+"
    r"(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?:(?:project|property|private|local|regional)\s+)?"
    r"(?:developers?|promoters?|operators?|regional\s+cent(?:er|re)s?|agents?|agenc(?:y|ies)|lawyers?"
    r"|attorneys?|consultants?|brokers?|recruiters?|universit(?:y|ies)|colleges?|schools?|landlords?)\b",
    re.I,
)


def paid_by_the_state_or_to_a_private_party(text: str, money: Money, sentence_start: int) -> bool:
    """Whether the amount is what a programme costs the state, or a charge a private party collects."""
    if _COSTS_THE_STATE.search(text[max(sentence_start, money.start - 80) : money.start]):
        return True
    if _TO_RUN.match(text, money.end):
        return True
    return _PAID_TO_PRIVATE.match(text, money.end) is not None
