"""A token's word as the event predicate table spells it.

The table (:mod:`extractors.event_lexicon`) holds lemmas; news and the
tagger give forms the lemmatizer misses ("relaunched" -> "relaunche",
"axed" -> "ax", "sunsetted", "the newly frozen visa" as an adjective) and
hyphenated words split into three tokens ("rubber-stamped", "phase-in").
"""

from __future__ import annotations

from spacy.tokens import Token

from extractors.event_lexicon import event_lexicon

_LEXICON = event_lexicon()
_ALL_VERBS = frozenset(_LEXICON.verbs) | frozenset(_LEXICON.object_verbs) | frozenset(_LEXICON.complements)
_PARTICIPLES: dict[str, str] = _LEXICON.participles


# A launch again is a launch: "since it relaunched on April 1", "will reopen
# by the end of March", "reintroduced in 2024".
_AGAIN = frozenset({"launch", "open", "introduce", "start"})


def trigger_lemma(token: Token) -> str:
    """The token's lemma as a trigger word: "re-" + a verb of launching is that
    verb. The lemmatizer misses verbs it does not know ("relaunched" ->
    "relaunche"), so a verb's form is also tried without its ending."""
    lemma = token.lemma_.lower()
    word = token.lower_
    if word in _PARTICIPLES:
        return _PARTICIPLES[word]  # "the newly frozen visa", tagged an adjective with its own lemma
    candidates = [lemma] + [word[: -len(end)] for end in ("ed", "d", "es", "s", "ing")
                            if token.pos_ == "VERB" and word.endswith(end)]
    if token.pos_ == "ADJ" and word.endswith("ed"):  # "the K visa, newly invalidated on ...": a participle
        candidates += [word[:-2], word[:-1]]
    # "sunsetted", "trialled": a doubled final consonant before the ending
    candidates += [c[:-1] for c in candidates[1:] if len(c) > 3 and c[-1] == c[-2] and c[-1] not in "aeiou"]
    for candidate in candidates:
        plain = candidate.removeprefix("re-").removeprefix("re")
        if candidate.startswith("re") and plain in _AGAIN:
            return plain
    joined = _hyphenated(token, lemma)
    if joined in _ALL_VERBS:
        return joined  # "was rubber-stamped"
    if lemma not in _ALL_VERBS:
        # "axed" -> "ax": a lemma the lemmatizer got wrong, read from the word's form
        return next((c for c in candidates[1:] if c in _ALL_VERBS), lemma)
    return lemma


def _hyphenated(token: Token, lemma: str) -> str:
    """'rubber-stamped' is three tokens; the word and the one before the hyphen, joined."""
    first = hyphen_parts(token)[0]
    return lemma if first.i == token.i else f"{first.lower_}-{lemma}"


def hyphen_parts(token: Token) -> list[Token]:
    """The words of the hyphenated word the token stands in ("phase", "in" of "phase-in")."""
    doc, parts = token.doc, [token]
    if token.i + 2 < len(doc) and doc[token.i + 1].text == "-" and not token.whitespace_ \
            and not doc[token.i + 1].whitespace_:
        parts.append(doc[token.i + 2])
    if token.i >= 2 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_ \
            and not doc[token.i - 2].whitespace_:
        parts.insert(0, doc[token.i - 2])
    return parts
