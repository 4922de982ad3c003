"""Roles said once of several people.

"Priya Nair and Rahul Menon, both lawyers at Kochhar & Co, said": the
parser hangs the appositive on the first name, but "both" (or "all", or a
plural role after coordinated names) says it of each of them; the role is
then the singular noun ("lawyer").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

_SHARING = frozenset({"both", "all", "each"})


def shared_appositives(span: Span) -> list[Token]:
    """Appositives said of every name of the coordination ``span`` is a
    conjunct of ("both lawyers at ..."), when ``span`` is not the name they
    hang on."""
    root = span.root
    if root.dep_ != "conj" or root.head.pos_ != "PROPN" or root.head.i >= span.start:
        return []
    return [c for c in root.head.children if c.dep_ == "appos" and c.i > span.end and plural_role(c)]


def plural_role(appos: Token) -> bool:
    """An appositive said of several people: "both lawyers", "lawyers"."""
    shared = any(c.lower_ in _SHARING for c in appos.children)
    return appos.tag_ in {"NNS", "NNPS"} and (shared or any(c.dep_ == "conj" for c in appos.head.children))


def singular(role: str, appos: Token) -> str:
    """'lawyers' -> 'lawyer': the role of one of the people."""
    if appos.tag_ == "NNS" and role.endswith(appos.text) and appos.lemma_ != appos.text:
        return role[: len(role) - len(appos.text)] + appos.lemma_
    return role
