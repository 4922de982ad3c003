"""The model's attribute ruler, run as a table lookup: the same POS, MORPH,
LEMMA, TAG and DEP on every token, a tenth of the time.

en_core_web_sm's ``attribute_ruler`` maps each token's tag (with exceptions
for some words and dependencies) to its POS and morphology through 179
Matcher patterns, and sets them one match at a time in Python: 11-14% of the
whole pipeline in the profiles of issue 6. Almost every pattern is one token
tested for equality or membership on TAG, LOWER, DEP or IS_SPACE, so which
patterns match a token depends only on those four values. This component
works that out once per distinct combination and applies the matches in the
ruler's own order (by pattern number, a later one overriding), with the
ruler's own ``set_token_attrs``. Patterns of several tokens, or with another
test (a REGEX), stay with a Matcher of their own, run on the whole doc as the
ruler runs it; ``tests/extractors/test_attributes.py`` compares every
attribute with the ruler's on real pages.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.strings import StringStore
from spacy.tokens import Doc, Token
from spacy.tokens._retokenize import set_token_attrs

# A token as the one-token patterns see it: the hashes of its TAG, LOWER and
# DEP (as the Matcher compares them), and IS_SPACE.
Signature = tuple[int, int, int, bool]
# One key of a one-token pattern: (field of the signature, "==" / "IN" / "NOT_IN", value).
Check = tuple[int, str, object]
_FIELDS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
# Stands for every word no pattern names: it equals none of them, so "==",
# IN and NOT_IN decide for it as for any such word.
OTHER_WORD = -1
# What the ruler may set; none of them is a lexeme attribute, so setting one
# token never changes another (``set_token_attrs`` writes lexemes too).
TOKEN_ATTRS = frozenset({"POS", "MORPH", "LEMMA", "TAG", "DEP"})


def _check(strings: StringStore, attr: str, spec: object) -> Check | None:
    """One pattern key as a check on a signature, or None when it is not a plain test."""
    at = _FIELDS.get(attr)
    if at is None:
        return None
    if isinstance(spec, bool) and attr == "IS_SPACE":
        return at, "==", spec
    if isinstance(spec, str) and attr != "IS_SPACE":
        return at, "==", strings[spec]
    if isinstance(spec, dict) and len(spec) == 1 and attr != "IS_SPACE":
        ((op, values),) = spec.items()
        if op in ("IN", "NOT_IN") and isinstance(values, list) and all(isinstance(v, str) for v in values):
            return at, op, frozenset(strings[v] for v in values)
    return None


def token_checks(strings: StringStore, pattern: Sequence[Mapping[str, Any]]) -> tuple[Check, ...] | None:
    """The checks of a one-token pattern, or None when a Matcher must run it."""
    if len(pattern) != 1 or not pattern[0]:
        return None
    checks = [_check(strings, attr, spec) for attr, spec in pattern[0].items()]
    return None if any(c is None for c in checks) else tuple(c for c in checks if c is not None)


def passes(signature: Signature, checks: tuple[Check, ...]) -> bool:
    """Whether a token with this signature matches the pattern the checks came from."""
    for at, op, value in checks:
        have = signature[at]
        if op == "==":
            ok = have == value
        else:
            assert isinstance(value, frozenset)
            ok = (have in value) == (op == "IN")
        if not ok:
            return False
    return True


def ruler_patterns(ruler: AttributeRuler) -> list[dict[str, Any]]:
    """The ruler's entries in its order: ``{"patterns": [...], "attrs": {...}, "index": i}``."""
    return [dict(entry) for entry in ruler.patterns]


def replaceable(ruler: AttributeRuler) -> bool:
    """Whether the ruler sets only token attributes (true of en_core_web_sm's)."""
    return all(set(entry["attrs"]) <= TOKEN_ATTRS for entry in ruler_patterns(ruler))


class TableAttributes:
    """Sets what an :class:`AttributeRuler` sets, looking its one-token patterns up by signature."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.attrs = ruler.attrs
        self.indices = ruler.indices
        self.checks: list[tuple[int, tuple[Check, ...]]] = []
        self.matcher = Matcher(ruler.vocab)
        for key, entry in enumerate(ruler_patterns(ruler)):
            for pattern in entry["patterns"]:
                checks = token_checks(ruler.vocab.strings, pattern)
                if checks is not None and entry.get("index", 0) in (0, -1):
                    self.checks.append((key, checks))
                else:
                    self.matcher.add(str(key), [pattern])
        # A word no check names is looked up as OTHER_WORD, so the table holds at
        # most tags x dependencies x (named words + 1) x 2 signatures.
        self.words = frozenset(
            word for _, checks in self.checks for at, _, value in checks if at == _FIELDS["LOWER"]
            for word in (value if isinstance(value, frozenset) else {value})
        )  # fmt: skip
        # The pattern numbers each signature seen matches, in the ruler's order.
        self._matches: dict[Signature, tuple[int, ...]] = {}
        # What those patterns set, merged in that order (a later one overrides).
        self._merged: dict[tuple[int, ...], dict[int, int]] = {}

    def __call__(self, doc: Doc) -> Doc:
        extra: dict[int, list[int]] = {}
        for match_id, start, end in self.matcher(doc, allow_missing=True):
            key = int(doc.vocab.strings[match_id])
            target = doc[start:end][self.indices[key]].i
            extra.setdefault(target, []).append(key)
        for token in doc:
            keys = self._keys(token)
            if token.i in extra:
                keys = tuple(sorted([*keys, *extra[token.i]]))
            if keys:
                set_token_attrs(token, self._attrs_of(keys))
        return doc

    def _attrs_of(self, keys: tuple[int, ...]) -> dict[int, int]:
        merged = self._merged.get(keys)
        if merged is None:
            merged = {}
            for key in keys:
                merged.update(self.attrs[key])
            self._merged[keys] = merged
        return merged

    def _keys(self, token: Token) -> tuple[int, ...]:
        word = token.lower
        signature = (token.tag, word if word in self.words else OTHER_WORD, token.dep, token.is_space)
        keys = self._matches.get(signature)
        if keys is None:
            keys = tuple(key for key, checks in self.checks if passes(signature, checks))
            self._matches[signature] = keys
        return keys


@Language.factory(
    "newsfacts_attributes",
    requires=["token.tag", "token.dep"],
    assigns=["token.pos", "token.morph", "token.lemma"],
)
def make_table_attributes(nlp: Language, name: str) -> TableAttributes:
    """Factory: the model's ``attribute_ruler`` as a table; add it right after the ruler,
    then remove the ruler (:func:`use_table_attributes`)."""
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    return TableAttributes(ruler)


def use_table_attributes(nlp: Language) -> None:
    """Put :class:`TableAttributes` in place of the model's ``attribute_ruler``."""
    ruler = nlp.get_pipe("attribute_ruler") if "attribute_ruler" in nlp.pipe_names else None
    if not isinstance(ruler, AttributeRuler) or not replaceable(ruler):
        return  # another model's ruler: keep it as it is
    nlp.add_pipe("newsfacts_attributes", after="attribute_ruler")
    nlp.remove_pipe("attribute_ruler")
