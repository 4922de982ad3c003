"""Event verbs the tagger reads as another part of speech.

"Applications for the H-1B lottery close on Nov. 5", "Entries close on 5 November": after a
plural noun, in a sentence with no verb of its own, the tagger often reads the present-tense
verb "close" as the adverb ("close to"), and hangs the date on it. Such a word, right after
the noun phrase it is said of and right before the date's preposition, is the verb.
"""

from __future__ import annotations

from spacy.tokens import Token

# Verbs of a window of applications that share a form with an adverb, an adjective or a
# plural noun ("the applications window closes on Friday" read as "closes" a noun), by lemma.
WINDOW_VERBS = {"close": "close", "open": "open", "closes": "close", "opens": "open"}


def mistagged_verb(token: Token) -> bool:
    """``token`` is a verb of a window that the tagger read as an adverb, an adjective or a
    plural noun, in a sentence whose parse has no verb: after a noun, before "on"/"in"/"at"."""
    plural = token.lower_ in {"closes", "opens"} and token.tag_ == "NNS"
    if token.lower_ not in WINDOW_VERBS or not (plural or token.pos_ in {"ADV", "ADJ"}):
        return False
    doc = token.doc
    if token.i == 0 or token.i + 1 >= len(doc):
        return False
    before, after = doc[token.i - 1], doc[token.i + 1]
    if before.tag_ not in {"NN", "NNS", "NNPS", "NNP"} or after.lower_ not in {"on", "in", "at"}:
        return False
    return not any(t.pos_ in {"VERB", "AUX"} for t in token.sent)


# The present-tense forms of a price's change that the tagger reads as nouns after a plural
# price noun it read as the verb: "Salary thresholds for the scheme rise again on January 1".
_CHANGE_FORMS = frozenset("rise rises increase increases fall falls drop drops double doubles".split())
_PLURAL_PRICES = frozenset("thresholds fees charges levies surcharges prices costs floors minimums".split())
# Words between the change and the date's preposition: "rise again on", "increase further from".
_BETWEEN = frozenset({"again", "further", "also", "sharply"})
_DATE_PREPS = frozenset({"on", "in", "from", "at"})


def mistagged_change(date_start: Token) -> Token | None:
    """The change word ("rise") before the date's preposition, when the sentence's price noun
    ("thresholds") is tagged as its verb and the change word is no verb of its own clause:
    the change word is the verb, the price its subject, and it takes effect on the date."""
    doc = date_start.doc
    i = date_start.i - 1
    if i < 1 or doc[i].lower_ not in _DATE_PREPS:
        return None
    i -= 1
    while i > 0 and doc[i].lower_ in _BETWEEN:
        i -= 1
    word = doc[i]
    if word.lower_ not in _CHANGE_FORMS or word.tag_ in {"VBZ", "VBP", "VBD"}:
        return None
    prices = [t for t in doc[word.sent.start : word.i] if t.lower_ in _PLURAL_PRICES]
    if not prices or not any(p.pos_ == "VERB" or p.dep_ == "ROOT" for p in prices):
        return None
    return word
