"""Event verbs the tagger reads as another part of speech.

"Applications for the H-1B lottery close on Nov. 5", "Entries close on 5 November": after a
plural noun, in a sentence with no verb of its own, the tagger often reads the present-tense
verb "close" as the adverb ("close to"), and hangs the date on it. Such a word, right after
the noun phrase it is said of and right before the date's preposition, is the verb.
"""

from __future__ import annotations

from spacy.tokens import Token

# Verbs of a window of applications that share a form with an adverb or adjective.
_WINDOW_VERBS = frozenset({"close", "open"})


def mistagged_verb(token: Token) -> bool:
    """``token`` is a verb of a window that the tagger read as an adverb or adjective, in a
    sentence whose parse has no verb: after a noun, before "on"/"in"/"at"."""
    if token.lower_ not in _WINDOW_VERBS or token.pos_ not in {"ADV", "ADJ"}:
        return False
    doc = token.doc
    if token.i == 0 or token.i + 1 >= len(doc):
        return False
    before, after = doc[token.i - 1], doc[token.i + 1]
    if before.tag_ not in {"NN", "NNS", "NNPS", "NNP"} or after.lower_ not in {"on", "in", "at"}:
        return False
    return not any(t.pos_ in {"VERB", "AUX"} for t in token.sent)
