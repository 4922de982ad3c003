"""People in the story: canonical names, roles and affiliations.

Names come from the NER's PERSON spans, checked and merged within the
article: a surname alone ("Feller") joins the full name introduced earlier
("Michael Feller"); a single capitalised word that never joins a full name
("Altair" in "Altair engineer Ming Zhou") is not a person, since news style
introduces every person by full name first. Roles and affiliations come from
appositives ("Michael Feller, chief strategist at Geopolitical Strategy"),
pre-modifiers ("Intel chip architect Fei Su") and possessives ("Sichuan
University's Das"). Bylines and credit lines ("(Reporting by ...)") are
article credits, not people in the story.

This module is the component: the mentions come from
:mod:`~extractors.components.person_mentions`, are merged into people by
:mod:`~extractors.components.person_merge` and kept in the index of
:mod:`~extractors.components.person_index`.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extractors.components.affiliations import described_as_company
from extractors.components.common import (
    facts_of,
    sentence_text,
)
from extractors.components.gender import Gender, gender_of
from extractors.components.person_epithets import epithet_roles
from extractors.components.person_index import PeopleIndex
from extractors.components.person_mentions import person_mentions
from extractors.components.person_merge import add_unlabelled_mentions, merge_mentions
from extractors.components.roles import AFFILIATION_LABELS, describe
from extractors.models import PersonFact


class PeopleFinder:
    """Builds the people index and emits one person fact per person."""

    def __init__(self, names: dict[str, Gender]) -> None:
        self.names = names

    def __call__(self, doc: Doc) -> Doc:
        mentions = [m for m in person_mentions(doc, self.names) if m is not None]
        records = merge_mentions(mentions, self.names)
        add_unlabelled_mentions(doc, records)
        # Read once: ``doc.ents`` builds new spans on every access.
        orgs = [e for e in doc.ents if e.label_ in AFFILIATION_LABELS or described_as_company(e)]
        for record in records:
            for start, end in record.mentions:
                span = doc.char_span(start, end, alignment_mode="expand")
                if span is not None:
                    roles, affiliations = describe(span, orgs)
                    # "Director General of Immigration Budi" read before the
                    # surname alone: a role holds none of its person's names.
                    record.add([r for r in roles if not set(r.split()) & set(record.parts)], affiliations)
        epithet_roles(doc, records)  # "X said ... The former diplomat now advises ..."
        # "Vega’s colleague Tom Becker": a person's name is no employer.
        names = {part for r in records for part in [r.name, *r.parts]}
        for record in records:
            record.affiliations = [a for a in record.affiliations if a not in names]
            others = [m for r in records if r is not record for m in r.mentions]
            record.gender = gender_of(doc, record.name, record.mentions, record.roles, others, self.names)
        doc._.nf_people = PeopleIndex(records)
        for record in records:
            facts_of(doc).append(
                PersonFact(
                    sentence=sentence_text(doc, record.start, record.end),
                    start=record.start,
                    end=record.end,
                    name=record.name,
                    roles=tuple(record.roles),
                    affiliations=tuple(record.affiliations),
                )
            )
        return doc


@Language.factory(
    "newsfacts_people",
    default_config={"names": {"@misc": "newsfacts.first_name_table.v1"}},
    requires=["doc.ents", "token.dep"],
    assigns=["doc._.nf_people"],
)
def make_people_finder(nlp: Language, name: str, names: dict[str, Gender]) -> PeopleFinder:
    """Factory for the people component; place it after ``ner``. ``names``
    maps given names to a gender, for pronoun agreement."""
    return PeopleFinder(names)
