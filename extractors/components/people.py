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

from extractors.components.affiliations import COMPANY_NOUNS, EMPLOYER_NOUNS, described_as_company
from extractors.components.common import (
    PROGRAMME_LABEL,
    SPEECH_LEMMAS,
    facts_of,
    is_heading,
    programme_spans,
    sentence_text,
    text_of,
)
from extractors.components.gender import PRONOUN_GENDER, Gender, gender_of
from extractors.components.roles import AFFILIATION_LABELS, ROLE_ADJECTIVES, ROLE_ENDINGS, TITLES, describe
from extractors.models import PersonFact

CREDIT_LINE = re.compile(
    r"(?:\b(?:Reporting|Editing|Writing|Additional reporting|Compiled|Produced|Photos?|Video|"
    r"Graphics?|Illustration)\s+by\b|\b[A-Z]{2,}/|/(?:AP|Reuters|AFP|Getty)\b|\bGetty Images\b"
    r"|^\s*By\s+[A-Z]|contributed (?:to this report|reporting)"
    # A credit line opening with a participle ("Edited by ...", "Additional
    # reporting by ...", "Photographs by ..."): only at the line's start, as
    # "a report written by X" in prose names a person of the story.
    r"|^\s*\(?(?:Additional\s+)?(?:[Rr]eported|[Ee]dited|[Ww]ritten|[Cc]ompiled|[Tt]ranslated|[Ff]act-checked"
    r"|[Pp]hotographs?|[Pp]hotography|[Ii]llustrations?|[Rr]esearch)\s+by\b)",
    re.M,
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
        """The name's words without a suffix ("Carlos Sousa Jr." -> Carlos, Sousa)."""
        words = self.name.split()
        return words[:-1] if len(words) > 2 and words[-1] in NAME_SUFFIXES else words

    def add(self, roles: list[str], affiliations: list[str]) -> None:
        for role in roles:
            _add_label(self.roles, role)
        for org in affiliations:
            _add_affiliation(self.affiliations, org)


def _add_label(labels: list[str], label: str) -> None:
    """Add a role or affiliation unless one already says it: "minister" adds
    nothing to "Foreign Minister", and "chief correspondent" replaces
    "correspondent" (the article names one job twice)."""
    key = label.casefold()
    for i, known in enumerate(labels):
        if _ends_with_words(known.casefold(), key):
            return
        if _ends_with_words(key, known.casefold()):
            labels[i] = label
            return
    labels.append(label)


def _add_affiliation(labels: list[str], org: str) -> None:
    """'Tsinghua' (of "Tsinghua’s Wang") is the "Tsinghua University" the
    article names too: the longer name stays. A name read with the full stop
    that ends the sentence ("Iyer & Sen.") is the name without it."""
    for i, known in enumerate(labels):
        if known.rstrip(".") == org.rstrip("."):
            labels[i] = min(known, org, key=len)
            return
        if known.startswith(org + " "):
            return
        if org.startswith(known + " "):
            labels[i] = org
            return
    _add_label(labels, org)


def _ends_with_words(longer: str, shorter: str) -> bool:
    return longer == shorter or longer.endswith((" " + shorter, "-" + shorter))


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
        wanted = {_job(w.lower()) for w in words if w.islower()}
        # A back-reference points to someone named before it, never to a
        # person the article introduces later ("said one recruiter" before
        # "Omar Haddad, a recruiter").
        hits = [r for r in self.records
                if any(_head(role) in wanted and _modifiers_agree(role, words) for role in r.roles)
                and _last_mention(r, before) >= 0]
        if not hits:
            return None
        # "the president said": the one with the title ("President Trump")
        # before a president of some coalition.
        return max(hits, key=lambda r: (any(_head(role) in wanted and role[:1].isupper() for role in r.roles),
                                        _last_mention(r, before)))

    def matching(self, words: list[str]) -> list[PersonRecord]:
        """The namesakes one word of a fragment could name ("Patel" with two
        Patels), or [] when no word names two people."""
        for word in (_strip_possessive(w) for w in words):
            named = [r for r in self.records if word in (r.parts[-1], r.parts[0])]
            if len(named) > 1:
                return named
        return []

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


# Nouns a later reference uses for the same job ("Ahmed Khan, the company's
# lawyer, ... The attorney said"): each maps to one word of its group.
JOB_SYNONYMS = {
    "attorney": "lawyer", "solicitor": "lawyer", "barrister": "lawyer",
    "spokesman": "spokesperson", "spokeswoman": "spokesperson",
    "ceo": "executive",
}


def _job(word: str) -> str:
    return JOB_SYNONYMS.get(word, word)


def _head(role: str) -> str:
    words = role.split()
    head = words[-1].lower() if words else ""
    return _job(TITLE_NOUNS.get(head, head))


# Words before a role noun that do not tell one job from another.
_LOOSE_MODIFIERS = frozenset("the a an its his her their former new then top senior".split())


def _modifiers_agree(role: str, words: list[str]) -> bool:
    """'Iraq's defense minister' is not the "Foreign Minister": when both the
    phrase and the role qualify the noun, they share a qualifier."""
    head = _head(role)
    lower = [w.lower() for w in words]
    if head not in lower:
        return True
    said = {w for w in lower[: lower.index(head)] if w.isalpha() and w not in _LOOSE_MODIFIERS}
    known = {w.lower() for w in role.split()[:-1]} - _LOOSE_MODIFIERS
    return not (said and known) or bool(said & known)


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
        records = _merge(mentions, self.names)
        _add_unlabelled_mentions(doc, records)
        # Read once: ``doc.ents`` builds new spans on every access.
        orgs = [e for e in doc.ents if e.label_ in AFFILIATION_LABELS or described_as_company(e)]
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
                or _relative_which(ent) or _names_a_thing(ent) or described_as_company(ent) \
                or _located_in(ent):
            continue
        if CREDIT_LINE.search(ent.sent.text) or is_heading(ent.sent) or not _is_prose(ent.sent):
            continue
        span = _clean_name(_extended(_given_before(name, names)), names)
        if span is not None and not _not_a_person(span.text, programme_names):
            found.append(span)
    return found


def _unlabelled_speakers(doc: Doc, names: dict[str, Gender]) -> list[Span]:
    """'Engineer Camila Reyes said ...' with no entity at all: two or three
    proper nouns as the subject of a speech verb are a person when the first
    is a known given name (a company or a place never is)."""
    found = []
    for token in doc:
        if token.dep_ != "nsubj" or token.head.lemma_ not in SPEECH_LEMMAS or not _bare_propn(token):
            continue
        start = token.i
        while start > token.sent.start and _bare_propn(doc[start - 1]) and doc[start - 1].dep_ == "compound" \
                and token.i - start < 3:
            start -= 1
        words = [t.text for t in doc[start : token.i + 1]]
        while words and (words[0] not in names) and len(words) > 2:
            words, start = words[1:], start + 1  # a role word before the name
        known = words[0] in names or _described_as_someone(token)
        if 2 <= len(words) <= 3 and known and all(is_name_part(w) for w in words):
            found.append(Span(doc, start, token.i + 1, label="PERSON"))
    return found


def _described_as_someone(token: Token) -> bool:
    """'Siti Rahmawati, a chemistry graduate from Bandung who received her
    visa, said': a given name the table does not know, with an appositive
    that a relative "who" describes, is a person."""
    return any(c.dep_ == "appos" and c.i > token.i and c.pos_ == "NOUN" and any(
        r.dep_ == "relcl" and any(w.lower_ == "who" for w in r.children) for r in c.subtree)
        for c in token.children)


def _bare_propn(token: Token) -> bool:
    return token.pos_ == "PROPN" and not token.ent_type_


# Prepositions of place: what stands "in" or "near" a name is at a place
# ("a co-working space in George Town", "the border officers in Da Nang").
PLACE_PREPOSITIONS = frozenset("in near across around outside inside throughout within".split())


def _located_in(ent: Span) -> bool:
    """'in George Town': a name the NER calls a person, as the object of a
    preposition of place, is a place; a person is not where things are."""
    root = ent.root
    return ent.label_ == "PERSON" and root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPOSITIONS \
        and not any(c.dep_ in {"poss", "case"} for c in root.children)


def _relative_which(ent: Span) -> bool:
    """'Colleges Ontario, which represents 24 colleges': "which" points back
    to a thing; a person takes "who"."""
    after = ent.doc[ent.end : ent.end + 2]
    return len(after) == 2 and after[0].text == "," and after[1].lower_ == "which"


# Lowercase nouns that make the name before them a thing's ("the Walter Reed
# hospital", "the Trump administration", "the Nobel prize").
NAMED_THINGS = frozenset(
    "hospital university college school airport hotel station bridge street avenue road campus "
    "center centre building stadium museum library prize award medal fellowship scholarship "
    "administration campaign government era doctrine act bill rule plan visa card".split()
)


def _names_a_thing(ent: Span) -> bool:
    """'the Walter Reed hospital', 'One Wan Chai agency', 'every Skilled Worker
    they sponsor': a name before a lowercase noun it qualifies (other than a
    job: "Obama adviser David Axelrod"), or a name with a determiner, is a
    thing's or a place's, not a person's."""
    following = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    if following is not None and following.text.islower() and (following.lower_ in NAMED_THINGS or (
            following.pos_ == "NOUN" and ent.root.dep_ == "compound" and ent.root.head.i == following.i
            and not following.lower_.endswith(ROLE_ENDINGS))):
        return True
    return any(c.dep_ == "det" and c.lower_ in _THING_DETERMINERS and c.i < ent.start
               for c in ent.root.children)


# Determiners a person's name never takes ("a Mr. Smith" is rare enough).
_THING_DETERMINERS = frozenset("a an every each this that these those another".split())


def _as_person(ent: Span, names: dict[str, Gender]) -> Span | None:
    """The person an entity names, whatever label the NER gave it, or None."""
    if ent.label_ == "PERSON":
        # "Tsinghua’s Wang" tagged a person as a whole: the name is after the possessive.
        marks = [t.i for t in ent[:-1] if t.text in {"'s", "’s"}]
        return Span(ent.doc, marks[-1] + 1, ent.end, label="PERSON") if marks else ent
    if ent.label_ == "ORG":
        return _possessed_name(ent, names) or _mistagged_person(ent, names)
    return _mistagged_person(ent, names) if ent.label_ in {"GPE", "LOC", "NORP", "FAC"} else None


def _employer_named(ent: Span) -> bool:
    """'the law firm Keller Adeyemi', 'the charity Care Without Borders': a
    name right after an employer noun is the organisation's."""
    return ent.start > 0 and ent.doc[ent.start - 1].lower_ in EMPLOYER_NOUNS


def _possessed_name(ent: Span, names: dict[str, Gender]) -> Span | None:
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
    # "The Washington Post's Fact Checker" names a column, not a person: a
    # person's given name is known, or the surname comes back in the article.
    if len(rest) > 1 and rest[0].text not in names and text_of(ent.doc).count(rest[-1].text) < 2:
        return None
    return Span(ent.doc, rest.start, rest.end, label="PERSON")


# Words that make a capitalised phrase an organisation, not a person.
ORG_WORDS = frozenset(
    "Chamber Council University College Institute Inc Inc. Corp Corp. Ltd Ltd. LLP LLC Group Bank "
    "Ministry Department Office Agency Association Foundation Commission Party Committee Union "
    "Services Service Centre Center Court Board Authority Bureau Company Partners Alliance Forum "
    "Review Wire News Times Post Reuters Press Affairs".split()
)


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
    inner = words[1:-1]
    if not all(is_name_part(w) or (w in NAME_PARTICLES and w in inner) for w in words) \
            or set(words) & ORG_WORDS:
        return None
    if _names_a_role_holder(ent, names) or _named_in_apposition(ent, names):
        return Span(doc, ent.start, ent.end, label="PERSON")
    after = doc[ent.end : ent.end + 2]
    # "X, a director at ...", "X, policy director at ..." or "X, who represents Thomas".
    appositive = len(after) == 2 and after[0].text == "," and (
        after[1].lower_ in {"a", "an", "the", "who"} or (after[1].text.islower() and after[1].pos_ == "NOUN"))
    if ent.label_ != "ORG":  # GPE, LOC, NORP: a place unless shown to be a person
        heads = [c for c in ent.root.children if c.dep_ == "appos" and c.i >= ent.end]
        appositive = appositive and (after[1].lower_ == "who" or (
            bool(heads) and heads[0].lemma_.lower() not in PLACE_NOUNS))
        if not (appositive or words[0] in names):
            return None
    # "said X" / "X said", with X the verb's subject ("Analysts at Goldman
    # Sachs wrote" is no "Goldman Sachs wrote").
    subject = ent.root.dep_ in {"nsubj", "nsubjpass"}
    before_verb = ent.start > 0 and doc[ent.start - 1].lemma_ in SPEECH_LEMMAS and subject
    after_verb = len(after) > 0 and after[0].lemma_ in SPEECH_LEMMAS and subject
    if not (appositive or before_verb or after_verb or _speaks_by_surname(ent, names)):
        return None
    return Span(doc, ent.start, ent.end, label="PERSON")


def _speaks_by_surname(ent: Span, names: dict[str, Gender]) -> bool:
    """'Nurse Fatima Bello has worked in Leeds ... “...,” Bello said': a name
    whose surname speaks alone elsewhere in the article (the subject of a
    speech verb, or right after one) is a person, whatever the NER called the
    full name."""
    words = [t.text for t in ent]
    surname = words[-1]
    doc = ent.doc
    # Another token that is the surname is a second, disjoint occurrence of it in the text:
    # with one occurrence (the name's own) no token of the doc need be looked at.
    if text_of(doc).count(surname) < 2:
        return False
    # A firm is called by its first word ("Goldman Sachs ... Goldman said"), a
    # person by the last (the NER may call the surname alone an organisation too).
    return any(t.text == surname and not ent.start <= t.i < ent.end and t.ent_type_ not in {"GPE", "FAC"}
               # "the National Immigration Administration said" is no surname; "Ms. Bello said" is.
               and not any(w.dep_ == "det" or (w.dep_ == "compound" and w.text not in TITLES)
                           for w in t.children)
               and _speaks(doc[t.i : t.i + 1]) for t in doc)


def _named_in_apposition(ent: Span, names: dict[str, Gender]) -> bool:
    """'One of them, Grace Obi, waited 14 months': a name set off by commas in
    apposition, opening with a known given name, names a person."""
    doc = ent.doc
    return ent.root.dep_ == "appos" and ent[0].text in names and ent.start > 0 \
        and doc[ent.start - 1].text == "," and ent.root.head.i < ent.start


def _names_a_role_holder(ent: Span, names: dict[str, Gender]) -> bool:
    """'Rutte's adviser, Eva de Vries, later briefed reporters': a name in
    apposition to a noun for what a person does (with a possessor or an
    article) is that person, whatever the NER called it. The noun says what
    someone does by its ending, by a title's adjective ("the chamber's chief
    counsel"), or the name opens with a known given name."""
    root, doc = ent.root, ent.doc
    holder = root.head
    if root.dep_ != "appos" or holder.i >= ent.start or holder.pos_ != "NOUN" or ent.start == 0 \
            or doc[ent.start - 1].text != ",":
        return False
    job = (holder.lower_.endswith(ROLE_ENDINGS) and holder.lower_ not in COMPANY_NOUNS) \
        or holder.lower_ in {"spokesperson", "spokesman", "spokeswoman"} \
        or any(c.dep_ == "amod" and c.lower_ in ROLE_ADJECTIVES for c in holder.children) \
        or (ent[0].text in names and holder.lower_ not in COMPANY_NOUNS | EMPLOYER_NOUNS)
    return job and any(c.dep_ in {"poss", "det"} for c in holder.children)


# Lowercase particles inside a name ("Ursula von der Leyen", "Lula da Silva").
NAME_PARTICLES = frozenset("von van der den de da del della di du la le bin ibn al el dos das".split())


def _given_before(ent: Span, names: dict[str, Gender]) -> Span:
    """'Ana Silva runs a bakery' with only "Silva" tagged: a given name the
    parse compounds to the name ("Ana" -> "Silva") and the NER left out is
    part of it, when the name table knows it or (inside a sentence) it is a
    lone capitalised word, not a title nor part of a longer name."""
    doc, start = ent.doc, ent.start
    if start == 0 or ent.label_ != "PERSON":
        return ent
    before = doc[start - 1]
    if before.pos_ != "PROPN" or before.ent_type_ or before.dep_ != "compound" or before.head.i not in \
            range(ent.start, ent.end) or not is_name_part(before.text) or before.text in TITLES \
            or before.text in ORG_WORDS or before.text.isupper():
        return ent
    known = before.text in names
    # "Labour Party TD Fergal Brennan": a title before the given name ends what stands before it.
    lone = not before.is_sent_start and (start < 2 or not doc[start - 2].text[:1].isupper()
                                         or doc[start - 2].text in TITLES)
    return Span(doc, start - 1, ent.end, label="PERSON") if known or lone else ent


def _extended(ent: Span) -> Span:
    """'Zhou' + 'Min': the NER sometimes stops a name one proper noun early;
    after a particle ("Ursula von der" + "Leyen") the surname may carry
    another entity label."""
    end = ent.end
    doc = ent.doc
    while end < len(doc) and end - ent.start < 5 and not doc[end].is_sent_start and (
        (doc[end].pos_ == "PROPN" and is_name_part(doc[end].text)
         and (not doc[end].ent_type_ or doc[end - 1].lower_ in NAME_PARTICLES
              or _possessor_in_programme(doc, end)))
        or (doc[end].lower_ in NAME_PARTICLES and end + 1 < len(doc) and is_name_part(doc[end + 1].text))
    ):
        end += 1
    return ent if end == ent.end else Span(doc, ent.start, end, label="PERSON")


def _possessor_in_programme(doc: Doc, i: int) -> bool:
    """'President Donald Trump's “gold card”': the programme ruler may take the
    surname before the possessive into the programme's name."""
    return doc[i].ent_type_ == PROGRAMME_LABEL and i + 1 < len(doc) and doc[i + 1].text in {"'s", "’s"}


# Last words that make a name an organisation's or a place's even when the
# NER calls it a person ("Dick Clark Productions", "Marriott Hotel"). Words
# that are also surnames ("Park", "Church") are left out.
NOT_PERSON_ENDINGS = frozenset(
    "Hotel Productions Statehouse Capitol Hospital Airport Media Corp Inc Ltd LLC LLP Group "
    "Holdings Capital Technologies Systems Industries Works Studios Labs Airlines Motors Foundation "
    "Institute University College Council Ministry Department Office Agency Association Commission "
    "Committee Union Services Centre Center Court Board Authority Bureau Company Partners Alliance "
    "Forum Courant Network Networks Robotics International House City Affairs".split()
)


def _not_a_person(name: str, programmes: set[str]) -> bool:
    """A news outlet ("Harbour Wire"), an organisation ("Dick Clark
    Productions") or the head of a programme's name ("Skilled Worker" of
    "Skilled Worker visa") that the NER took for a person."""
    words = name.split()
    return words[-1] in MEDIA_WORDS | NOT_PERSON_ENDINGS or any(p.startswith(name + " ") for p in programmes)


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
    # "Nurse Fatima Bello": a known given name follows.
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.pos_ == "NOUN" or token.lower_.endswith(ROLE_ENDINGS) \
        or (following is not None and following.text in names)


_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}$")  # "J.D. Vance", "J. Smith"
# What follows a surname and is no name of its own ("Martin Luther King Jr.").
NAME_SUFFIXES = frozenset("Jr. Jr Sr. Sr II III IV".split())
# Page chrome that opens a line with a verb before a name ("Follow Newsbeat on
# Instagram", "Email Tariq Malik at ...").
CHROME_VERBS = frozenset("Follow Email Contact Read Watch Subscribe Listen Share Join Visit Download".split())


def _clean_name(ent: Span, names: dict[str, Gender]) -> Span | None:
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and (doc[start].text in TITLES or not _name_token(doc[start])):
        start += 1
    # "Bloc Quebecois MP Carole Lavallee": a title inside the entity ends
    # what stands before the name.
    titles = [i for i in range(start, end - 2) if doc[i].text in TITLES and doc[i].pos_ == "PROPN"
              and doc[i + 1].text not in TITLES and doc[i + 2].text not in NAME_SUFFIXES]
    if titles:
        start = titles[-1] + 1
    # Words, not tokens: "Lee Jae-won" is two words (four tokens) and keeps its surname.
    if len(doc[start:end].text.split()) >= 3 and _role_word(doc[start], names):
        start += 1
    if end - start >= 2 and doc[start].is_sent_start and doc[start].text in CHROME_VERBS:
        start += 1
    while end > start and (doc[end - 1].text in {"'s", "’s", "'", "’"} or doc[end - 1].is_punct):
        end -= 1
    if end < ent.end and doc[end - 1].text in {"Jr", "Sr"} and doc[end].text == ".":
        end += 1  # "Carlos Sousa Sr." keeps its full stop
    span = doc[start:end]
    words = span.text.split()
    inner = words[1:-1]
    if not words or not all(_name_word(w) or (w in NAME_PARTICLES and w in inner) for w in words):
        return None
    if len(words) > 1 and all(w.isupper() for w in words):
        return None  # "USA TODAY": a masthead, not a name
    if words[-1] in TITLES and end < len(doc) and doc[end].ent_type_ == "PERSON" and doc[end].pos_ == "PROPN":
        return None  # "Labour Minister Hubertus Heil" split by the NER: a title before a name
    return span


def _name_token(token: Token) -> bool:
    return token.is_alpha or bool(_INITIALS.match(token.text))


def _name_word(word: str) -> bool:
    """'Ki-moon' and 'al-Maliki' are name words; 'moon' alone is not."""
    head, _, tail = word.partition("-")
    if tail and head in NAME_PARTICLES:
        return is_name_part(tail)
    return is_name_part(word)


def _merge(mentions: list[Span], names: dict[str, Gender]) -> list[PersonRecord]:
    """Full names become people; lone words join the full name they belong to,
    or become a person of their own when the article never gives one (see
    :func:`_surname_people`)."""
    records: dict[str, PersonRecord] = {}
    full = [m for m in mentions if len(m.text.split()) >= 2]
    lone = [m for m in mentions if len(m.text.split()) == 1]
    for span in full:
        if _stray_first_word(span, names, full):
            lone.append(span[-1:])
            continue
        key = span.text
        longer = next((r for r in records.values() if _same_person(r.name, key)), None)
        record = longer or records.setdefault(key, PersonRecord(key, span.start_char, span.end_char))
        if longer and len(key) > len(longer.name):
            longer.name = key
        record.mentions.append((span.start_char, span.end_char))
    orphans: list[Span] = []
    for span in sorted(lone, key=lambda m: m.start):
        owner = _owner(span.text, list(records.values()), span.start_char)
        if owner is not None:
            owner.mentions.append((span.start_char, span.end_char))
        else:
            orphans.append(span)
    people = list(records.values()) + _surname_people(orphans, names)
    return sorted(people, key=lambda r: r.start)


def _stray_first_word(span: Span, names: dict[str, Gender], full: list[Span]) -> bool:
    """'Hosting Cook at Dreamforce' beside 'Tim Cook': a capitalised word
    opening the sentence before another person's surname is no given name."""
    words = span.text.split()
    if len(words) != 2 or not span[0].is_sent_start or words[0] in names or _introduced(span):
        return False
    # A given name comes back on its own ("His brother, Kulbir, ..."); "Hosting" does not.
    alone = sum(1 for t in span.doc if t.text == words[0]) > 1
    return not alone and any(m.text.split()[-1] == words[-1] and m.text.split()[0] != words[0] for m in full)


def _introduced(span: Span) -> bool:
    """'Rohan Kapoor, chief executive of ..., said': a name with an appositive,
    or the subject of a speech verb, is how news introduces a person."""
    root = span.root
    return any(c.dep_ == "appos" and c.i >= span.end for c in root.children) or (
        root.dep_ in {"nsubj", "nsubjpass"} and root.head.lemma_ in SPEECH_LEMMAS)


def _surname_people(orphans: list[Span], names: dict[str, Gender]) -> list[PersonRecord]:
    """'President Bush said', 'Mr. Gupta told ...' with no full name anywhere in
    the article: the surname is the person's name when a title or honorific
    stands before it, or when the NER tags it a person twice and it speaks.
    When the article writes the given name once before the surname
    ("Karlheinz Schreiber told MPs") the NER missed, that is the name."""
    groups: dict[str, list[Span]] = {}
    for span in orphans:
        groups.setdefault(span.text, []).append(span)
    people = []
    for word, spans in groups.items():
        speaks = len(spans) >= 2 and any(_speaks(s) for s in spans)
        named = any(_titled(s) for s in spans) or speaks
        if word.isupper() or not named or not _mostly_a_person(word, spans):
            continue
        first = spans[0]
        given = _given_name_before(first.doc, word, names)
        name, start, end = word, first.start_char, first.end_char
        if given is not None:
            name, start, end = f"{given.text} {word}", given.idx, given.idx + len(given.text) + 1 + len(word)
        record = PersonRecord(name, start, end)
        record.mentions = [(s.start_char, s.end_char) for s in spans]
        if given is not None:
            record.mentions.insert(0, (start, end))
        people.append(record)
    return people


def _mostly_a_person(word: str, spans: list[Span]) -> bool:
    """A company the NER calls a person now and then ("Ubisoft") is an
    organisation in most of its other mentions; a name only ever said inside
    quotation marks ("with the help of Mr. Google") is a joke, not a person."""
    doc = spans[0].doc
    labels = [t.ent_type_ for t in doc if t.text == word and t.ent_type_]
    if labels.count("PERSON") * 2 < len(labels):
        return False
    text = text_of(doc)
    return any(text[: s.start_char].count("“") <= text[: s.start_char].count("”") for s in spans)


def _titled(span: Span) -> bool:
    doc = span.doc
    i = span.start - 1
    if i >= 1 and doc[i].text == "." and doc[i - 1].text + "." in TITLES:
        return True
    return i >= 0 and doc[i].text in TITLES


def _speaks(span: Span) -> bool:
    """The mention is the subject of a speech verb ("Bush said") or stands
    right after one ("said Bush", "according to Bush")."""
    token = span.root
    before = span.doc[span.start - 1] if span.start > 0 else None
    according = span.start > 1 and span.doc[span.start - 2 : span.start].text.lower() == "according to"
    return (token.dep_ in {"nsubj", "nsubjpass"} and token.head.lemma_ in SPEECH_LEMMAS) or according or (
        before is not None and before.lemma_ in SPEECH_LEMMAS)


def _given_name_before(doc: Doc, surname: str, names: dict[str, Gender]) -> Token | None:
    """The capitalised word right before the first "<word> <surname>" pair
    that is no title, place or organisation."""
    for token in doc:
        if token.text != surname or token.i == 0:
            continue
        given = doc[token.i - 1]
        if given.pos_ == "PROPN" and is_name_part(given.text) and given.text not in TITLES \
                and given.ent_type_ not in {"GPE", "ORG", "NORP", "LOC", "FAC"} and not given.text.isupper() \
                and not (given.is_sent_start and given.text not in names):
            return given
    return None


def _add_unlabelled_mentions(doc: Doc, records: list[PersonRecord]) -> None:
    """'Watanabe said ... He added': the NER tags a surname once and misses it
    the next time; a proper noun that is one person's surname (or given name)
    and stands in no other entity is a mention of that person, so that a
    pronoun after it finds its person."""
    taken = {i for r in records for s, e in r.mentions for i in range(s, e)}
    for token in doc:
        if token.pos_ != "PROPN" or token.idx in taken or token.ent_type_ in {"ORG", "GPE", "FAC", "LOC"}:
            continue
        # "the Houston firm Alvarez Grant": a surname inside a firm's name.
        following = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if (token.i > 0 and doc[token.i - 1].lower_ in EMPLOYER_NOUNS) or (
                following is not None and following.pos_ == "PROPN" and following.text[:1].isupper()):
            continue
        owner = _owner(token.text, records, token.idx)
        if owner is not None:
            owner.mentions.append((token.idx, token.idx + len(token)))


def _same_person(a: str, b: str) -> bool:
    """'Michael Feller' and 'Michael J. Feller', or 'Kathleen Hawk Sawyer' and
    'Hawk Sawyer' (a double surname written alone)."""
    pa, pb = a.split(), b.split()
    shorter, longer = sorted((pa, pb), key=len)
    return (pa[0] == pb[0] and pa[-1] == pb[-1]) or (len(shorter) >= 2 and longer[-len(shorter):] == shorter)


def _owner(word: str, records: list[PersonRecord], at: int) -> PersonRecord | None:
    """The person a lone word names: the only one with that surname (else that
    given name); of two with the same surname, the one named last before."""
    owners = [r for r in records if r.parts[-1] == word] or [r for r in records if r.parts[0] == word]
    if len(owners) <= 1:
        return owners[0] if owners else None
    before = [(_last_mention(r, at), r) for r in owners]
    latest = max(before, key=lambda hit: hit[0])
    return latest[1] if latest[0] >= 0 else None


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
