"""Government offices as roles, as news of many systems writes them.

- A rank is part of the office ("Declan Fitzgerald, minister of state for
  trade promotion" -> "minister of state"), though a portfolio after "of" is
  not (fixtures/README.md: "minister of the interior" -> "minister").
- A portfolio the NER took for an organisation is no employer ("Hon. Samuel
  Tetteh, Ghana's Minister for the Interior": no affiliation "Interior").
- Two titles joined before one name are two roles ("Deputy Prime Minister
  and Minister of Finance Tan Wei Ming").
- A portfolio after a titled office's "for" is no part of the name the NER
  runs into it ("Undersecretary for Labour Maria Santos").
- A portfolio inside an organisation's name belongs to the name, not to the
  role after it ("Department of Home Affairs spokesperson Jane Clarke").
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

# Portfolios written before a minister's or secretary's title ("Health
# minister", "Commerce Secretary"): part of the title, not an employer.
PORTFOLIOS = frozenset(
    "Health Commerce Home Energy Defense Defence State Treasury Interior Justice Education Labor "
    "Labour Transportation Transport Agriculture Foreign Finance Trade Immigration Technology "
    "Environment Housing Culture Economy Industry Science Migration Security Work Works "
    "Employment Tourism Communications "
    # "Social Affairs Minister", "Home Affairs Secretary", "Public Safety Minister".
    "Affairs Social Digital Internal External Economic Veterans Consumer Family Women Youth Sport Sports "
    "Welfare Development Infrastructure Planning Regional Climate Water Fisheries Revenue Public Safety "
    "Citizenship Integration Asylum Enterprise Business Innovation Skills Universities".split()
)
_PORTFOLIO_WORDS = frozenset(w.lower() for w in PORTFOLIOS) | {"the", "and"}
# Heads of a government office.
OFFICE_HEADS = frozenset({"minister", "secretary", "undersecretary", "under-secretary", "commissioner"})
# Objects of "of" that make a rank of the office ("minister of state").
RANKS = frozenset({"state"})


def rank_of(head: Token) -> str | None:
    """'of state' when the office's "of" phrase is a rank, else None."""
    if head.lower_ not in OFFICE_HEADS:
        return None
    for prep in (c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"):
        objects = [o for o in prep.children if o.dep_ == "pobj" and o.lower_ in RANKS]
        if objects and not any(t.dep_ == "det" for t in objects[0].lefts):
            return f"{prep.text} {objects[0].text}"
    return None


def without_portfolios(roles: list[str], affiliations: list[str]) -> list[str]:
    """The affiliations that are not an office's portfolio ("Interior")."""
    if not any(r.split()[-1].lower() in OFFICE_HEADS or " of " in r or " for " in r for r in roles if r):
        return affiliations
    return [a for a in affiliations if not set(a.lower().split()) <= _PORTFOLIO_WORDS]


def coordinated_title(doc: Doc, first: int, floor: int, is_title: Callable[[Token], bool]) -> tuple[int, int]:
    """The span (start, end) of a title joined by "and" before the title that
    starts at ``first`` ("Deputy Prime Minister and [Minister of Finance]"),
    or an empty span at ``first``."""
    end = first - 1
    if end - 1 < floor or doc[end].lower_ != "and":
        return first, first
    i = end - 1
    while i >= floor and (is_title(doc[i]) or doc[i].text in PORTFOLIOS):
        i -= 1
    if i + 1 == end or not any(is_title(doc[j]) for j in range(i + 1, end)):
        return first, first
    return i + 1, end


def portfolio_before_name(doc: Doc, start: int, end: int, is_title: Callable[[Token], bool]) -> int:
    """The first token of a name the NER ran a titled office's portfolio into
    ("Undersecretary for [Labour Maria Santos]"): past the portfolio."""
    if end - start >= 3 and doc[start].text in PORTFOLIOS and start >= 2 \
            and doc[start - 1].lower_ in {"for", "of"} and is_title(doc[start - 2]):
        return start + 1
    return start


def inside_org_name(token: Token) -> bool:
    """A word inside an organisation's name after its "of" ("Department of
    [Home Affairs]"), which is the name's, not a portfolio of a title."""
    doc = token.doc
    i = token.i
    while i > 0 and doc[i].ent_iob_ == "I":
        i -= 1
        if doc[i].lower_ in {"of", "for"} and doc[i].ent_type_ == token.ent_type_ == "ORG":
            return True
    return False
