"""Visa programmes: a ruler that runs before NER and owns these spans.

The statistical NER tags "H-1B" as a place and "the “K” visa" as an
organisation; this component sets the programme spans as entities first, and
the NER then predicts around them. Patterns are data
(``extractors/data/programmes.json``), read through a versioned registered
function so a pipeline config can swap them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import resources

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans, registry

from extractors.components.common import (
    PROGRAMME_LABEL,
    PROGRAMMES_KEY,
    facts_of,
    sentence_text,
    text_of,
)
from extractors.components.literals import required_literal
from extractors.components.programme_anaphora import anaphora
from extractors.components.programme_coordination import coordinated_table_hits
from extractors.components.programme_country import (
    context_country,
    issuer_of_noun_phrase,
    noun_phrase_country,
)
from extractors.components.programme_defined_acronyms import defined_here
from extractors.components.programme_names import find_named_programmes
from extractors.components.programme_organisations import named_after
from extractors.components.programme_renamings import renamed
from extractors.components.programme_stems import find_stems
from extractors.components.programme_subject_country import clause_subject_country
from extractors.components.programme_table_names import longer_names, short_for, table_name
from extractors.models import VisaProgrammeFact


@dataclass(frozen=True)
class Programme:
    """One programme: canonical name, issuing country, compiled patterns."""

    name: str
    country: str
    patterns: tuple[re.Pattern[str], ...]
    # What each pattern's every match contains (None: nothing to rely on);
    # a text without it is not scanned with that pattern.
    literals: tuple[str | None, ...] = ()
    # A name several countries use: the mention's own noun phrase may name another country.
    shared: bool = False
    # A subcategory code a mention may open with ("X1") and the name it has alone ("X{sub} visa").
    subcategory: tuple[re.Pattern[str], str] | None = None

    def __post_init__(self) -> None:
        if len(self.literals) != len(self.patterns):
            object.__setattr__(self, "literals", tuple(required_literal(p) for p in self.patterns))


def programme_table() -> list[Programme]:
    """The bundled programme table (``data/programmes.json``)."""
    raw = json.loads(
        resources.files("extractors").joinpath("data/programmes.json").read_text("utf-8")
    )
    return [
        Programme(p["name"], p["country"], tuple(re.compile(x) for x in p["patterns"]),
                  shared=bool(p.get("shared", False)),
                  subcategory=_subcategory_rule(p.get("subcategory")))
        for p in raw["programmes"]
    ]


def _subcategory_rule(raw: list[str] | None) -> tuple[re.Pattern[str], str] | None:
    return (re.compile(raw[0]), raw[1]) if raw else None


# Registered by call, not decorator: the registry's decorator is untyped.
registry.misc.register("newsfacts.programme_table.v1", func=programme_table)


def find_programmes(text: str, table: list[Programme]) -> list[tuple[int, int, Programme]]:
    """Every (start, end, programme) match in ``text``, longest first on overlap."""
    found = [
        (m.start(), m.end(), programme)
        for programme in table
        for pattern, literal in zip(programme.patterns, programme.literals, strict=True)
        if literal is None or literal in text
        for m in pattern.finditer(text)
    ]
    found.sort(key=lambda hit: (hit[0], -(hit[1] - hit[0])))
    kept: list[tuple[int, int, Programme]] = []
    for hit in found:
        if not kept or hit[0] >= kept[-1][1]:
            kept.append(hit)
    return kept


def canonical_programme(name: str, table: list[Programme]) -> Programme | None:
    """The programme a user-typed name refers to ("k-visa" -> K visa)."""
    wanted = name.strip()
    for programme in table:
        if programme.name.casefold() == wanted.casefold():
            return programme
    # Users type in any case ("k-visa"); article text is matched case-sensitively
    # because "K visa" and "k visa" differ in prose but not on a command line.
    for programme in table:
        if any(re.search(p.pattern, wanted, re.IGNORECASE) for p in programme.patterns):
            return programme
    return None


class ProgrammeRuler:
    """Marks programme mentions as entities and emits one fact per programme."""

    def __init__(self, table: list[Programme]) -> None:
        self.table = table
        self.countries: dict[str, str | None] = {p.name: p.country for p in table}
        self.names = [p.name for p in table]
        # Table programmes of one country: their mentions never name another issuer.
        self.single = frozenset(p.name for p in table if not p.shared)
        # Every pattern in any case, with what its matches contain in lowercase.
        self.folded = [(p, re.compile(x.pattern, re.IGNORECASE), lit.casefold() if lit else None)
                       for p in table for x, lit in zip(p.patterns, p.literals, strict=True)]  # fmt: skip

    def _folded_hits(
        self, text: str, hits: list[tuple[int, int, Programme]]
    ) -> list[tuple[int, int, Programme]]:
        """Table names news writes in lowercase ("Singapore's employment pass", "the Irish critical
        skills employment permit"): a match in another case counts when it has two words of four
        letters or more (no "opt" for OPT) and its own noun phrase names the programme's country."""
        lowered = text.casefold()
        taken = [(s, e) for s, e, _ in hits]
        found: list[tuple[int, int, Programme]] = []
        for programme, pattern, literal in self.folded:
            if literal is not None and literal not in lowered:
                continue
            for m in pattern.finditer(text):
                if any(m.start() < e and s < m.end() for s, e in taken) \
                        or len(re.findall(r"[^\W\d_]{4,}", m.group(0))) < 2 \
                        or issuer_of_noun_phrase(text, m.start(), m.end()) != programme.country:  # fmt: skip
                    continue
                found.append((m.start(), m.end(), programme))
                taken.append((m.start(), m.end()))
        return found

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        table_hits = with_coordinated(text, find_programmes(text, self.table), self.table)
        # "the Golden Visa Hotel" is a hotel; "an Electronic Travel Authorisation (eTA)" defines its letters.
        table_hits = defined_here(text, [h for h in table_hits if not named_after(text, h[1])])
        table_hits = sorted([*table_hits, *self._folded_hits(text, table_hits)], key=lambda h: h[0])
        hits = subcategory_names(text, table_hits)
        countries = {**self.countries, **shared_countries(text, table_hits)}
        countries.update(_subcategory_countries(hits, table_hits))
        titles = _titles(text, hits)
        hits = [(s, e, titles.get(name, name)) for s, e, name in hits]
        countries.update({title: countries.get(name) for name, title in titles.items()})
        named = find_named_programmes(text, [(start, end) for start, end, _ in hits],
                                      [countries.get(name) for _, _, name in hits])
        hits = [h for h in hits if not any(n.start < h[1] and h[0] < n.end for n in named)]
        table_names = sorted({name for _, _, name in hits})
        hits = [(s, e, short_for(text[s:e], longer_names(name, named, table_names, countries)) or name)
                for s, e, name in hits]  # fmt: skip
        found = {name.casefold(): name for _, _, name in hits}
        for n in named:
            name = table_name(n, found, self.table, countries) or n.name
            countries.setdefault(name, n.country)
            hits.append((n.start, n.end, name))
        hits += find_stems(text, self.names, [(s, e) for s, e, _ in hits])
        hits = renamed(text, hits)  # "the X, formerly the Y": Y is X
        spans = []
        for start, end, name in sorted(hits):
            span = doc.char_span(start, end, label=PROGRAMME_LABEL, alignment_mode="expand")
            if span is not None:
                spans.append(Span(doc, span.start, span.end, PROGRAMME_LABEL, kb_id=name))
        spans = filter_spans(spans)
        # "the pass", "A permit costs ...": later references by the head noun alone.
        mentions = sorted([*spans, *anaphora(doc, spans)], key=lambda s: s.start)
        doc.spans[PROGRAMMES_KEY] = mentions
        doc.set_ents(mentions, default="unmodified")
        self._emit(doc, spans, countries)
        return doc

    def _emit(self, doc: Doc, spans: list[Span], countries: dict[str, str | None]) -> None:
        """One fact per programme: its name and country. A name several countries use is one
        programme per country its mentions' own noun phrases name ("Spain closed its golden visa
        ... Greece raised the threshold for its own golden visa": two), as the gold tells programmes
        sharing a name apart (fixtures/README, blind6); a mention that names none is the name's."""
        text = text_of(doc)
        seen: set[tuple[str, str | None]] = set()
        for span in spans:
            country = countries.get(span.kb_id_)
            if span.kb_id_ not in self.single:
                country = issuer_of_noun_phrase(text, span.start_char, span.end_char) or country
            if (span.kb_id_, country) in seen:
                continue
            seen.add((span.kb_id_, country))
            facts_of(doc).append(
                VisaProgrammeFact(
                    sentence=sentence_text(doc, span.start_char, span.end_char),
                    start=span.start_char,
                    end=span.end_char,
                    name=span.kb_id_,
                    country=country,
                )
            )


def with_coordinated(
    text: str, hits: list[tuple[int, int, Programme]], table: list[Programme]
) -> list[tuple[int, int, Programme]]:
    """The table hits and the table codes coordinated before another code's "visas" ("the X2 and R
    visas": X2 too)."""
    more = [h for h in coordinated_table_hits(text, table, lambda p: p.patterns)
            if not any(h[0] < e and s < h[1] for s, e, _ in hits)]  # fmt: skip
    return sorted([*hits, *more], key=lambda h: h[0]) if more else hits


def subcategory_names(text: str, hits: list[tuple[int, int, Programme]]) -> list[tuple[int, int, str]]:
    """(start, end, name) of each table mention; a subcategory ("the X1 visa") is the programme
    when the article names the programme itself too, and otherwise a programme of its own name."""
    parents = {p.name for s, e, p in hits if _subcategory(text[s:e], p) is None}
    return [(s, e, p.name if p.name in parents else (_subcategory(text[s:e], p) or p.name))
            for s, e, p in hits]  # fmt: skip


def _subcategory(mention: str, programme: Programme) -> str | None:
    if programme.subcategory is None:
        return None
    pattern, name = programme.subcategory
    m = pattern.search(re.sub(r"^[“\"‘']", "", mention))
    return name.format(sub=m["sub"]) if m and m.start() == 0 else None


_TITLE = re.compile(r" (?P<word>Scheme|Programme|Program)(?: \([A-Z]{2,8}\))?$")


def _titles(text: str, hits: list[tuple[int, int, str]]) -> dict[str, str]:
    """The official title an article gives a table programme, when a table pattern takes in its
    capitalised last word: "the Top Talent Pass Scheme" names the Top Talent Pass so throughout
    (blind5 and blind6 annotate "Start-up Visa Program" and "Top Talent Pass Scheme" as written)."""
    out: dict[str, str] = {}
    for start, end, name in hits:
        m = _TITLE.search(text, start, end)
        if m and m.end() == end and not name.endswith(" " + m["word"]) and name not in out:
            out[name] = f"{name} {m['word']}"
    return out


def _subcategory_countries(
    hits: list[tuple[int, int, str]], table_hits: list[tuple[int, int, Programme]]
) -> dict[str, str]:
    """The table country of each programme named by its subcategory alone."""
    pairs = zip(hits, table_hits, strict=True)
    return {name: p.country for (_, _, name), (_, _, p) in pairs if name != p.name}


def shared_countries(text: str, hits: list[tuple[int, int, Programme]]) -> dict[str, str]:
    """The country of each shared programme the text gives: the first mention whose own noun phrase
    names one ("Malaysia's Employment Pass"), else the first whose context does."""
    out: dict[str, str] = {}
    for start, end, programme in hits:
        if programme.shared and programme.name not in out:
            country = issuer_of_noun_phrase(text, start, end) or clause_subject_country(text, start)
            if country is not None:
                out[programme.name] = country
    # A mention whose noun phrase names none takes its sentence's, paragraph's, headline's or
    # dateline's country ("Malaysia ... the Employment Pass"); the table's only when none does.
    for start, end, programme in hits:
        # "Indian Employment Pass holders": a country before the name that names its holders.
        if programme.shared and programme.name not in out and noun_phrase_country(text, start, end) is None:
            country = context_country(text, start, end)
            if country is not None:
                out[programme.name] = country
    return out


@Language.factory(
    "newsfacts_programmes",
    default_config={"table": {"@misc": "newsfacts.programme_table.v1"}},
    requires=[],
    assigns=["doc.ents", "doc.spans"],
)
def make_programme_ruler(nlp: Language, name: str, table: list[Programme]) -> ProgrammeRuler:
    """Factory for the programme ruler; place it before ``ner``."""
    return ProgrammeRuler(table)
