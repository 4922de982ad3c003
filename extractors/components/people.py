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
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from extractors.components.affiliations import EMPLOYER_NOUNS
from extractors.components.common import facts_of, is_heading, programme_spans, sentence_text
from extractors.components.gender import PRONOUN_GENDER, Gender, gender_of
from extractors.components.roles import AFFILIATION_LABELS, ROLE_ENDINGS, TITLES, describe
from extractors.models import PersonFact

CREDIT_LINE = re.compile(
    r"(?:\b(?:Reporting|Editing|Writing|Additional reporting|Compiled|Produced|Photos?|Video|"
    r"Graphics?|Illustration)\s+by\b|\b[A-Z]{2,}/|/(?:AP|Reuters|AFP|Getty)\b|\bGetty Images\b"
    r"|^\s*By\s+[A-Z]|contributed (?:to this report|reporting))",
)
# Last words of news outlets' names, which the NER tags as people in "told
# Harbour Wire" or "(Reporting by ...)".
MEDIA_WORDS = frozenset(
    "Wire News Times Post Review Journal Reuters Press Daily Online Herald Tribune Telegraph "
    "Guardian Bloomberg Agency Xinhua Gazette Chronicle".split()
)
def is_name_part(word: str) -> bool:
    """A capitalised word of letters in any script, with ' ’ . - inside
    ("O'Neil", "Marc-André", "Ångström")."""
    return word[:1].isupper() and all(c.isalpha() or c in "'’.-" for c in word)


@dataclass
class PersonRecord:
    """One person of the article, with every mention merged into it."""

    name: str
    start: int
    end: int
    roles: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    gender: Gender | None = None

    @property
    def parts(self) -> list[str]:
        return self.name.split()

    def add(self, roles: list[str], affiliations: list[str]) -> None:
        for role in roles:
            if role not in self.roles:
                self.roles.append(role)
        for org in affiliations:
            if org not in self.affiliations:
                self.affiliations.append(org)


@dataclass
class PeopleIndex:
    """The article's people, for other components to resolve names against."""

    records: list[PersonRecord]

    def resolve(self, words: list[str], before: int | None = None) -> PersonRecord | None:
        """The person a fragment names (full name, surname or first name).

        When several match, the one mentioned last before ``before`` wins.
        """
        wanted = [_strip_possessive(w) for w in words]
        matches = [r for r in self.records if _names(r, wanted)]
        if not matches:
            return None
        return max(matches, key=lambda r: _last_mention(r, before))

    def by_role(self, words: list[str], before: int | None = None) -> PersonRecord | None:
        """The person last mentioned before ``before`` whose role ends with one of
        the lowercase ``words`` ("the attorney said" -> the attorney)."""
        wanted = {w.lower() for w in words if w.islower()}
        hits = [r for r in self.records if any(_head(role) in wanted for role in r.roles)]
        if not hits:
            return None
        return max(hits, key=lambda r: _last_mention(r, before))

    def agrees(self, record: PersonRecord, pronoun: str) -> bool:
        """'she' may be a woman or a person of unknown gender, never a man."""
        wanted = PRONOUN_GENDER.get(pronoun.lower())
        return wanted is None or record.gender is None or record.gender == wanted

    def mentioned_in(self, start: int, end: int) -> list[PersonRecord]:
        """People with a mention inside the character range, in text order."""
        hits = [(s, r) for r in self.records for s, e in r.mentions if start <= s and e <= end]
        return [r for _, r in sorted(hits, key=lambda hit: hit[0])]


def _names(record: PersonRecord, words: list[str]) -> bool:
    parts = record.parts
    text = " ".join(words)
    # parts[0]: a surname written first ("Zhou Min" ... "Zhou told"), or a first name.
    return record.name in text or parts[-1] in words or parts[0] in words


# Abbreviated titles and the noun a later reference uses ("Sen. Maria
# Delgado ... the senator said").
TITLE_NOUNS = {
    "sen.": "senator", "rep.": "representative", "gov.": "governor", "gen.": "general",
    "prof.": "professor", "dr.": "doctor", "dr": "doctor", "pres.": "president",
}


def _head(role: str) -> str:
    words = role.split()
    head = words[-1].lower() if words else ""
    return TITLE_NOUNS.get(head, head)


def _last_mention(record: PersonRecord, before: int | None) -> int:
    starts = [s for s, _ in record.mentions if before is None or s < before]
    return max(starts) if starts else -1


def _strip_possessive(word: str) -> str:
    return re.sub(r"['’]s$", "", word)


def people_of(doc: Doc) -> PeopleIndex:
    """The index the people component left on the doc (empty if it did not run)."""
    index = doc._.nf_people
    return index if isinstance(index, PeopleIndex) else PeopleIndex([])


class PeopleFinder:
    """Builds the people index and emits one person fact per person."""

    def __init__(self, names: dict[str, Gender]) -> None:
        self.names = names

    def __call__(self, doc: Doc) -> Doc:
        mentions = [m for m in _person_mentions(doc, self.names) if m is not None]
        records = _merge(mentions)
        _add_unlabelled_mentions(doc, records)
        # Read once: ``doc.ents`` builds new spans on every access.
        orgs = [e for e in doc.ents if e.label_ in AFFILIATION_LABELS]
        for record in records:
            for start, end in record.mentions:
                span = doc.char_span(start, end, alignment_mode="expand")
                if span is not None:
                    record.add(*describe(span, orgs))
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


def _person_mentions(doc: Doc, names: dict[str, Gender]) -> list[Span | None]:
    programme_tokens = {t.i for span in programme_spans(doc) for t in span}
    programme_names = {span.kb_id_ for span in programme_spans(doc)}
    found: list[Span | None] = []
    for ent in [*doc.ents, *_unlabelled_speakers(doc, names)]:
        name = _as_person(ent, names)
        if name is None or any(t.i in programme_tokens for t in ent) or _employer_named(ent) \
                or _relative_which(ent):
            continue
        if CREDIT_LINE.search(ent.sent.text) or is_heading(ent.sent) or not _is_prose(ent.sent):
            continue
        span = _clean_name(_extended(name), names)
        if span is not None and not _not_a_person(span.text, programme_names):
            found.append(span)
    return found


def _unlabelled_speakers(doc: Doc, names: dict[str, Gender]) -> list[Span]:
    """'Engineer Camila Reyes said ...' with no entity at all: two or three
    proper nouns as the subject of a speech verb are a person when the first
    is a known given name (a company or a place never is)."""
    found = []
    for token in doc:
        if token.dep_ != "nsubj" or token.head.lemma_ not in _SPEECH or not _bare_propn(token):
            continue
        start = token.i
        while start > token.sent.start and _bare_propn(doc[start - 1]) and doc[start - 1].dep_ == "compound" \
                and token.i - start < 3:
            start -= 1
        words = [t.text for t in doc[start : token.i + 1]]
        while words and (words[0] not in names) and len(words) > 2:
            words, start = words[1:], start + 1  # a role word before the name
        if 2 <= len(words) <= 3 and words[0] in names and all(is_name_part(w) for w in words):
            found.append(Span(doc, start, token.i + 1, label="PERSON"))
    return found


def _bare_propn(token: Token) -> bool:
    return token.pos_ == "PROPN" and not token.ent_type_


def _relative_which(ent: Span) -> bool:
    """'Colleges Ontario, which represents 24 colleges': "which" points back
    to a thing; a person takes "who"."""
    after = ent.doc[ent.end : ent.end + 2]
    return len(after) == 2 and after[0].text == "," and after[1].lower_ == "which"


def _as_person(ent: Span, names: dict[str, Gender]) -> Span | None:
    """The person an entity names, whatever label the NER gave it, or None."""
    if ent.label_ == "PERSON":
        return ent
    if ent.label_ == "ORG":
        return _possessed_name(ent) or _mistagged_person(ent, names)
    return _mistagged_person(ent, names) if ent.label_ in {"GPE", "LOC", "NORP"} else None


def _employer_named(ent: Span) -> bool:
    """'the law firm Keller Adeyemi', 'the charity Care Without Borders': a
    name right after an employer noun is the organisation's."""
    return ent.start > 0 and ent.doc[ent.start - 1].lower_ in EMPLOYER_NOUNS


def _possessed_name(ent: Span) -> Span | None:
    """'Zhejiang University’s Elena Moravec', tagged ORG as a whole: the two or
    three capitalised words after the possessive are the person."""
    marks = [t.i for t in ent if t.text in {"'s", "’s"}]
    if not marks:
        return None
    rest = ent.doc[marks[-1] + 1 : ent.end]
    # One word ("Sichuan University’s Thapa") only joins a full name named
    # elsewhere in the article (see ``_merge``); it never makes a person.
    if not 1 <= len(rest) <= 3 or not all(t.pos_ == "PROPN" and is_name_part(t.text) for t in rest):
        return None
    return Span(ent.doc, rest.start, rest.end, label="PERSON")


# Words that make a capitalised phrase an organisation, not a person.
ORG_WORDS = frozenset(
    "Chamber Council University College Institute Inc Inc. Corp Corp. Ltd Ltd. LLP LLC Group Bank "
    "Ministry Department Office Agency Association Foundation Commission Party Committee Union "
    "Services Service Centre Center Court Board Authority Bureau Company Partners Alliance Forum "
    "Review Wire News Times Post Reuters Press".split()
)
_SPEECH = frozenset({"say", "tell", "add", "note", "explain", "write", "warn", "argue"})


# Heads of an appositive that describe a place, not a person ("New Delhi,
# the capital"): a GPE-tagged name with one of these stays a place.
PLACE_NOUNS = frozenset(
    "city capital country state province region town village island district port hub nation "
    "territory county kingdom republic area market economy neighbour neighbor destination".split()
)


def _mistagged_person(ent: Span, names: dict[str, Gender]) -> Span | None:
    """'said Tunde Okonjo-Baptiste, a director at ...': names the small model
    has not seen are often tagged ORG, or GPE ("Amara Okafor, a policy
    counsel"). Two or three name words with no organisation word, introduced
    by an appositive ("X, a director") or standing next to a speech verb, are
    a person; a GPE only with a person's appositive or a known given name."""
    words = ent.text.split()
    if any(t.text in {"'s", "’s"} for t in ent) or not 2 <= len(words) <= 3:
        return None
    doc = ent.doc
    # "The White House said": a person's name takes no article.
    if words[0].lower() == "the" or (ent.start > 0 and doc[ent.start - 1].lower_ == "the"):
        return None
    if not all(is_name_part(w) for w in words) or set(words) & ORG_WORDS:
        return None
    after = doc[ent.end : ent.end + 2]
    # "X, a director at ..." or "X, policy director at ...".
    appositive = len(after) == 2 and after[0].text == "," and (
        after[1].lower_ in {"a", "an", "the"} or (after[1].text.islower() and after[1].pos_ == "NOUN"))
    if ent.label_ != "ORG":  # GPE, LOC, NORP: a place unless shown to be a person
        heads = [c for c in ent.root.children if c.dep_ == "appos" and c.i >= ent.end]
        appositive = appositive and bool(heads) and heads[0].lemma_.lower() not in PLACE_NOUNS
        if not (appositive or words[0] in names):
            return None
    before_verb = ent.start > 0 and doc[ent.start - 1].lemma_ in _SPEECH
    after_verb = len(after) > 0 and after[0].lemma_ in _SPEECH
    if not (appositive or before_verb or after_verb):
        return None
    return Span(doc, ent.start, ent.end, label="PERSON")


# Lowercase particles inside a name ("Ursula von der Leyen", "Lula da Silva").
NAME_PARTICLES = frozenset("von van der den de da del della di du la le bin ibn al el dos das".split())


def _extended(ent: Span) -> Span:
    """'Zhou' + 'Min': the NER sometimes stops a name one proper noun early;
    after a particle ("Ursula von der" + "Leyen") the surname may carry
    another entity label."""
    end = ent.end
    doc = ent.doc
    while end < len(doc) and end - ent.start < 5 and not doc[end].is_sent_start and (
        (doc[end].pos_ == "PROPN" and is_name_part(doc[end].text)
         and (not doc[end].ent_type_ or doc[end - 1].lower_ in NAME_PARTICLES))
        or (doc[end].lower_ in NAME_PARTICLES and end + 1 < len(doc) and is_name_part(doc[end + 1].text))
    ):
        end += 1
    return ent if end == ent.end else Span(doc, ent.start, end, label="PERSON")


def _not_a_person(name: str, programmes: set[str]) -> bool:
    """A news outlet ("Harbour Wire") or the head of a programme's name
    ("Skilled Worker" of "Skilled Worker visa") that the NER took for a person."""
    words = name.split()
    return words[-1] in MEDIA_WORDS or any(p.startswith(name + " ") for p in programmes)


def _is_prose(sentence: Span) -> bool:
    """Prose has a verb or ends like a sentence; page chrome ("Update Required
    Flash plugin") has neither. The verb alone is not enough: the tagger reads
    "studies" in "Peter Lang, an economist, studies migration." as a noun."""
    if sentence.text.rstrip()[-1:] in {".", "!", "?", "”", '"'}:
        return True
    return any(t.pos_ in {"VERB", "AUX"} for t in sentence)


def _role_word(token: Token, names: dict[str, Gender]) -> bool:
    """'Recruiter Jonas Weber said': a noun for a person's job, capitalised only
    because it starts the sentence, is the role, not part of the name (the
    tagger calls it a proper noun there)."""
    if not token.is_sent_start or token.text in names:
        return False
    return token.pos_ == "NOUN" or token.lower_.endswith(ROLE_ENDINGS)


def _clean_name(ent: Span, names: dict[str, Gender]) -> Span | None:
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and (doc[start].text in TITLES or not doc[start].is_alpha):
        start += 1
    if end - start >= 3 and _role_word(doc[start], names):
        start += 1
    while end > start and (doc[end - 1].text in {"'s", "’s", "'", "’"} or doc[end - 1].is_punct):
        end -= 1
    span = doc[start:end]
    words = span.text.replace("-", " ").split()
    inner = words[1:-1]
    if not words or not all(is_name_part(w) or (w in NAME_PARTICLES and w in inner) for w in words):
        return None
    return span


def _merge(mentions: list[Span]) -> list[PersonRecord]:
    """Full names become people; lone words join the full name they belong to."""
    records: dict[str, PersonRecord] = {}
    for span in mentions:
        if len(span.text.split()) >= 2:
            key = span.text
            longer = next((r for r in records.values() if _same_person(r.name, key)), None)
            record = longer or records.setdefault(key, PersonRecord(key, span.start_char, span.end_char))
            if longer and len(key) > len(longer.name):
                longer.name = key
            record.mentions.append((span.start_char, span.end_char))
    for span in mentions:
        if len(span.text.split()) == 1:
            owner = _owner(span.text, list(records.values()))
            if owner is not None:
                owner.mentions.append((span.start_char, span.end_char))
    return sorted(records.values(), key=lambda r: r.start)


def _add_unlabelled_mentions(doc: Doc, records: list[PersonRecord]) -> None:
    """'Watanabe said ... He added': the NER tags a surname once and misses it
    the next time; a proper noun that is one person's surname (or given name)
    and stands in no other entity is a mention of that person, so that a
    pronoun after it finds its person."""
    taken = {i for r in records for s, e in r.mentions for i in range(s, e)}
    for token in doc:
        if token.pos_ != "PROPN" or token.idx in taken or token.ent_type_ in {"ORG", "GPE", "FAC", "LOC"}:
            continue
        owner = _owner(token.text, records)
        if owner is not None:
            owner.mentions.append((token.idx, token.idx + len(token)))


def _same_person(a: str, b: str) -> bool:
    pa, pb = a.split(), b.split()
    return pa[0] == pb[0] and pa[-1] == pb[-1]


def _owner(word: str, records: list[PersonRecord]) -> PersonRecord | None:
    owners = [r for r in records if word in (r.parts[-1], r.parts[0])]
    return owners[0] if len(owners) == 1 else None


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
