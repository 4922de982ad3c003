"""Who speaks: the source of a speech verb, and who a pronoun points back to.

A speech verb's subject is a person of the article ("Bush said", "Rice, who
..., said"), an organisation or an unnamed source (no person: "the ministry
said", "a spokesperson said", "Morrison's lawyer said"), or a pronoun. News
copy uses "he said" for the person the last sentences were about: the one who
spoke last (the subject of the previous sentence's speech verb), else the
subject of the previous sentence, else the last person named before. People
named inside quotation marks are what a speaker talks about, never the
speaker, and "they" is a group, never one person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from extractors.components.common import SPEECH_LEMMAS, text_of
from extractors.components.gender import PRONOUN_GENDER
from extractors.components.person_index import NAME_PARTICLES, PeopleIndex, PersonRecord
from extractors.components.roles import ORG_KINDS, ROLE_ENDINGS, TITLES

PRONOUNS = frozenset({"he", "she", "they"})
# Subjects that speak for an organisation or stay unnamed: quoted with no speaker.
UNNAMED = frozenset(
    "ministry department spokesperson spokesman spokeswoman official officials embassy council "
    "government agency administration office commission statement body company group "
    # Institutions that speak as one ("the federal authority said", "the regulator said").
    "authority authorities regulator tribunal court board bureau service union association "
    "federation chamber institute committee panel watchdog firm bank ministry consulate "
    "consortium coalition alliance foundation centre center "
    # Bodies of a state and of politics ("The cabinet said in April that ...").
    "cabinet parliament legislature senate congress police presidency secretariat inspectorate "
    "directorate mission delegation party opposition".split()
)
# Nouns for a person the article does not name ("a source", "an executive"):
# a "he" after them is that unnamed person.
UNNAMED_PEOPLE = frozenset(
    "spokesperson spokesman spokeswoman official source executive aide diplomat lawyer person "
    "man woman officer employee worker resident analyst adviser advisor insider staffer "
    "consultant recruiter manager director negotiator envoy member".split()
)
# Groups a news story quotes without names ("analysts wrote", "lawyers say").
GROUPS = frozenset(
    "analyst economist lawyer attorney expert critic researcher advocate executive banker investor "
    "strategist adviser advisor recruiter activist".split()
)
# How far back (characters) a pronoun may reach for its person when the
# sentence before names nobody: about two short news paragraphs.
PRONOUN_REACH = 600
# How many sentences back a speaker's recursion may go ("he said ... he
# added ... he said"): enough for a paragraph of pronouns.
MAX_CHAIN = 8
_AGE_DESCRIPTION = re.compile(r"^[Tt]he (?P<age>\d{1,3})-year-old$")
_QUOTED = re.compile(r"“[^“”\n]*”|\"[^\"\n]*\"")
_WORD = re.compile(r"[A-Za-z][\w'’.-]*")

Source = tuple[str | None, str | None]
"""(speaker, speaker_org): a person's canonical name, or the organisation a
nameless source speaks for."""


def words_of(text: str) -> list[str]:
    return _WORD.findall(text)


@dataclass
class Speakers:
    """Resolves sources within one doc (memoised per speech verb)."""

    doc: Doc
    people: PeopleIndex
    quoted: list[tuple[int, int]] = field(default_factory=list)
    _memo: dict[int, Source | None] = field(default_factory=dict)

    @classmethod
    def of(cls, doc: Doc, people: PeopleIndex) -> Speakers:
        quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(text_of(doc))]
        return cls(doc, people, quoted)

    def inside_quote(self, start: int, end: int | None = None) -> bool:
        end = start + 1 if end is None else end
        return any(s < start and end <= e for s, e in self.quoted)

    # -- subjects -----------------------------------------------------------

    def subject_of(self, verb: Token) -> Token | None:
        """The speech verb's subject: its own, or that of the verb it is
        joined to ("said he ... and added, “...”") or hangs from ("...,
        saying “...”")."""
        for candidate in (verb, verb.head):
            subjects = [c for c in candidate.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if subjects:
                return subjects[-1]
            if candidate is verb and verb.dep_ not in {"conj", "advcl", "xcomp", "pcomp", "acl"}:
                return None
        return None

    def of_verb(self, verb: Token, depth: int = 0) -> Source | None:
        """The source of a speech verb, or None when its subject cannot speak."""
        if verb.i in self._memo:
            return self._memo[verb.i]
        self._memo[verb.i] = None  # a cycle resolves to nobody
        subject = self.subject_of(verb)
        found = self.of_subject(verb, subject, depth) if subject is not None else None
        self._memo[verb.i] = found
        return found

    def _named_behind_title(self, subject: Token) -> str | None:
        """'Director General of Immigration Budi Santoso told': the parser makes
        the title the subject and the name the end of its "of" phrase."""
        if subject.text not in TITLES or not any(c.dep_ == "prep" and c.lower_ == "of"
                                                 for c in subject.children):
            return None
        end = self.doc[subject.right_edge.i]
        named = self.people.mentioned_in(subject.idx, end.idx + len(end))
        return named[-1].name if named and named[-1].mentions and any(
            e == end.idx + len(end) for _, e in named[-1].mentions) else None

    def of_subject(self, verb: Token, subject: Token, depth: int = 0) -> Source | None:
        """The source of a cue verb's subject: a person, a pronoun resolved to
        one, or no person for an organisation or an unnamed source ("the
        ministry said", "a Home Office spokesperson said"); None when it
        cannot speak."""
        if subject.lower_ in PRONOUNS:
            return self.pronoun(subject, depth), None
        if subject.lower_ == "it" and verb.tag_ == "VBD":
            return None, None  # "The new list takes effect in the spring, it said": an organisation
        if subject.lower_ == "who" and verb.dep_ == "relcl":
            subject = self._antecedent_of_who(verb)
        phrase = self.doc[subject.left_edge.i : subject.i + 1]
        aged = _AGE_DESCRIPTION.match(phrase.text)
        if aged is not None:
            # "the 22-year-old said": the person given that age, else (like a
            # pronoun) the one the sentences before were about.
            record = self.by_age(aged["age"], verb.idx)
            return (record.name if record else self.pronoun(subject, depth)), None
        person = self._one_of_namesakes(words_of(phrase.text), subject, depth) \
            or self.people.resolve(words_of(phrase.text), before=verb.idx + 1)
        if person is not None and names_subject(subject, person.parts):
            return person.name, None
        for appos in _appositions(subject):
            # "NEW DELHI — Arjun Mehta, ..., told": a dateline parsed as the subject.
            named = self.people.resolve(words_of(self.doc[appos.left_edge.i : appos.i + 1].text),
                                        before=verb.idx + 1)
            if named is not None and names_subject(appos, named.parts):
                return named.name, None
        behind_title = self._named_behind_title(subject)
        if behind_title is not None:
            return behind_title, None
        titled = None if _indefinite(subject) else self.people.by_role(words_of(phrase.text), before=verb.idx)
        if titled is not None and subject.pos_ == "NOUN" and subject.lower_ not in UNNAMED \
                and self._same_possessor(subject, titled):
            return titled.name, None
        described = self.described(subject, verb.idx)
        if described is not None:
            return described.name, None  # "the Pune native said", "the Democrat said"
        whole = self.doc[subject.left_edge.i : subject.right_edge.i + 1]
        if subject.ent_type_ in {"ORG", "NORP", "GPE"} or subject.lower_ in UNNAMED or _named_body(whole):
            return None, organisation(whole)
        if subject.pos_ == "PROPN" and any(a.lower_ in UNNAMED | ORG_KINDS and a.pos_ == "NOUN"
                                           for a in _appositions(subject)):
            # "Unison, the public sector union, warned": a name its appositive
            # calls an organisation speaks for it.
            start = min([subject.i, *(c.i for c in subject.children if c.dep_ == "compound")])
            return None, self.doc[start : subject.i + 1].text
        if unnamed_person(subject):
            return None, None  # "Morrison's lawyer said", "a visa agent said": unnamed
        if is_group(subject):
            # "Analysts at Goldman Sachs wrote": a group, unnamed.
            return None, organisation(self.doc[subject.left_edge.i : subject.right_edge.i + 1])
        return None

    def described(self, subject: Token, before: int) -> PersonRecord | None:
        """'“...,” the Pune native said', 'the Democrat said': a definite
        description of a person (a noun for someone, or one qualified by a
        place or party) is the person named last before it, unless the
        article brought in someone unnamed with that noun ("A lawyer for the
        family said ...")."""
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children) \
                or any(c.dep_ == "poss" for c in subject.children) or subject.tag_ not in {"NN", "NNP"} \
                or subject.lower_ in UNNAMED or subject.lower_ in UNNAMED_PEOPLE \
                or subject.ent_type_ in {"ORG", "GPE", "FAC"}:
            return None
        person_noun = (subject.pos_ == "NOUN" and subject.lower_.endswith(ROLE_ENDINGS)) \
            or subject.ent_type_ == "NORP" or (subject.pos_ == "NOUN" and any(
                c.dep_ == "compound" and c.ent_type_ in {"GPE", "LOC", "NORP"} for c in subject.children))
        if not person_noun:
            return None
        doc = self.doc
        if any(t.lower_ == subject.lower_ and t.i < subject.i and t.dep_ != "appos"
               and any(c.lower_ in {"a", "an"} for c in t.children) for t in doc[: subject.i]):
            return None
        named = self.named(max(0, before - PRONOUN_REACH), before)
        return named[-1] if named else None

    def by_age(self, age: str, before: int) -> PersonRecord | None:
        """'“...,” the 34-year-old said': the person the article gives that
        age ("Rahul Verma, 34, ...")."""
        text = text_of(self.doc)
        aged = [r for r in self.people.records
                if any(text.startswith((f", {age},", f", {age} "), e) for s, e in r.mentions if s < before)]
        return aged[-1] if len(aged) == 1 else None

    def _one_of_namesakes(self, words: list[str], subject: Token, depth: int) -> PersonRecord | None:
        """'Patel added that she ...' with two Patels: the one who spoke last."""
        namesakes = self.people.matching(words)
        if len(namesakes) < 2 or depth >= MAX_CHAIN:
            return None
        written = " ".join(words)
        full = [r for r in namesakes if r.name in written]
        if full:
            return full[0]  # "Anjali Patel said": the full name decides
        reach = subject.sent.start_char - PRONOUN_REACH
        for sentence in self._sentences_before(self._anchor(subject), reach):
            spoke = self._last_speaker(sentence, "", depth, main=True)
            if spoke is not None:
                return next((r for r in namesakes if r.name == spoke[0]), None)
        return None

    def _antecedent_of_who(self, verb: Token) -> Token:
        """'Anita Desai, a lawyer, who said ...', 'Kevin Marchand, president of
        the ... Network, who told ...': "who" is a person; the relative clause
        may hang from the last noun of the appositive, so the person is the
        nearest ancestor that names one."""
        for token in [verb.head, *verb.head.ancestors]:
            if token.pos_ in {"VERB", "AUX"}:
                break
            if token.ent_type_ == "PERSON" or self._mentions_someone(token):
                return token
        return verb.head

    def _mentions_someone(self, token: Token) -> bool:
        end = token.idx + len(token.text)
        return any(token.idx <= s < end for r in self.people.records for s, _ in r.mentions)

    def _same_possessor(self, subject: Token, titled: PersonRecord) -> bool:
        """'Morrison's lawyer' is Giuliani, "Mr. Trump's personal lawyer", only
        when one of Giuliani's mentions follows Morrison's name too."""
        owners = [c for c in subject.children if c.dep_ == "poss"]
        if not owners or owners[0].lower_ in {"his", "her", "their", "its"}:
            return True
        marks = (owners[0].text + "'s", owners[0].text + "’s")
        for start, end in titled.mentions:
            span = self.doc.char_span(start, end, alignment_mode="expand")
            if span is not None and any(mark in span.sent.text for mark in marks):
                return True
        return False

    # -- pronouns -----------------------------------------------------------

    def pronoun(self, token: Token, depth: int = 0) -> str | None:
        """The person a subject pronoun points back to, or None (a group, an
        unnamed source, or nobody who fits)."""
        pronoun = token.lower_
        if pronoun == "they" or depth > MAX_CHAIN:
            return None
        sentence = self._anchor(token)
        # 1. Earlier in the same sentence: its subject ("He told MPs he paid
        # Mulroney ..., and he said"), else a person named before.
        earlier = self._earlier_subject(sentence, token, pronoun, depth)
        if earlier is not None:
            return earlier[0]
        fitting = self._agreeing(self.named(sentence.start_char, token.idx), pronoun)
        if fitting:
            return fitting[-1].name
        # 2. The sentences before, nearest first: who spoke there, else the
        # subject; the first sentence also gives the last person it names.
        previous = self._previous(sentence)
        reach = sentence.start_char - PRONOUN_REACH
        for earlier_sentence in self._sentences_before(sentence, reach):
            spoke = self._last_speaker(earlier_sentence, pronoun, depth, main=True)
            if spoke is not None:
                return spoke[0]
            subject = self._subject_person(earlier_sentence, pronoun)
            if subject is not None:
                return subject.name
            same = self._subject_pronoun(earlier_sentence, pronoun)
            if same is not None:
                # "He pointed to the case of Peter Okafor, ... “...,” he said":
                # the same pronoun as subject before goes on with its person.
                return self.pronoun(same, depth + 1)
            spoke = self._last_speaker(earlier_sentence, pronoun, depth, main=False)
            if spoke is not None:
                return spoke[0]
            if previous is not None and earlier_sentence.start == previous.start:
                introduced = self._introduced_in(earlier_sentence, pronoun)
                if introduced is not None:
                    return introduced.name
        if previous is not None:
            fitting = self._agreeing(self.named(previous.start_char, previous.end_char), pronoun)
            if fitting:
                return fitting[-1].name
        # 3. News style: the last person named within reach.
        start = previous.start_char if previous is not None else sentence.start_char
        fitting = self._agreeing(self.named(max(0, reach), start), pronoun)
        if fitting:
            return fitting[-1].name
        # Farther back, only a person the article gives the pronoun's gender.
        wanted = PRONOUN_GENDER.get(pronoun)
        far = [r for r in self.named(0, sentence.start_char) if wanted and r.gender == wanted]
        return far[-1].name if far else None

    def _subject_pronoun(self, sentence: Span, pronoun: str) -> Token | None:
        """The main verb's subject when it is the same pronoun."""
        subjects = [c for c in sentence.root.children if c.dep_ in {"nsubj", "nsubjpass"}]
        return subjects[-1] if subjects and subjects[-1].lower_ == pronoun else None

    def _introduced_in(self, sentence: Span, pronoun: str) -> PersonRecord | None:
        """'For Mark Jensen, a developer who moved to Chiang Mai, the decision
        was simple. “...,” he said.': the one person the sentence before
        introduces (names for the first time) is who the pronoun points to,
        before anyone who spoke farther back."""
        named = self._agreeing(self.named(sentence.start_char, sentence.end_char), pronoun)
        new = {r.name: r for r in named if min(s for s, _ in r.mentions) >= sentence.start_char}
        return next(iter(new.values())) if len(new) == 1 else None

    def _anchor(self, token: Token) -> Span:
        """The sentence a cue's pronoun belongs to: for '“... . Then ...,” he
        said', the one the quotation opens."""
        sentence = token.sent
        while sentence.start > 0 and self._opens_inside_quote(sentence):
            sentence = self.doc[sentence.start - 1].sent
        return self.doc[sentence.start : token.sent.end]

    def _opens_inside_quote(self, sentence: Span) -> bool:
        first = next((t for t in sentence if not t.is_space), None)
        return first is not None and self.inside_quote(first.idx)

    def _previous(self, sentence: Span) -> Span | None:
        """The sentence before, passing over stray marks (a paragraph's closing
        quotation mark parsed as a sentence of its own)."""
        start = sentence.start
        while start > 0:
            previous = self.doc[start - 1].sent
            if any(t.is_alpha for t in previous):
                return previous
            start = previous.start
        return None

    def _sentences_before(self, sentence: Span, reach: int) -> list[Span]:
        found: list[Span] = []
        current: Span | None = sentence
        while current is not None and len(found) < 3:
            current = self._previous(current)
            if current is None or (found and current.end_char < reach):
                break
            found.append(current)
        return found

    def _earlier_subject(self, sentence: Span, token: Token, pronoun: str,
                         depth: int) -> tuple[str | None] | None:
        """The nearest subject before ``token`` in the sentence, outside
        quotation marks: a person who fits, or the same pronoun resolved."""
        subjects = [t for t in sentence if t.i < token.i and t.dep_ in {"nsubj", "nsubjpass"}
                    and not self.inside_quote(t.idx)]
        for subject in reversed(subjects):
            if subject.lower_ == pronoun:
                return (self.pronoun(subject, depth + 1),)
            phrase = self.doc[subject.left_edge.i : subject.i + 1]
            person = self.people.resolve(words_of(phrase.text), before=subject.idx + len(subject.text) + 1)
            if person is not None and names_subject(subject, person.parts) \
                    and self.people.agrees(person, pronoun):
                return (person.name,)
        return None

    def named(self, start: int, end: int) -> list[PersonRecord]:
        """People mentioned in the range outside quotation marks, in text order."""
        hits = [(s, r) for r in self.people.records for s, e in r.mentions
                if start <= s and e <= end and not self.inside_quote(s, e)]
        return [r for _, r in sorted(hits, key=lambda hit: hit[0])]

    def _agreeing(self, records: list[PersonRecord], pronoun: str) -> list[PersonRecord]:
        return [r for r in records if self.people.agrees(r, pronoun)]

    def _last_speaker(self, sentence: Span, pronoun: str, depth: int, main: bool) -> tuple[str | None] | None:
        """The source of the sentence's last speech verb outside quotation
        marks that fits the pronoun: a person, or an unnamed person (None).
        An organisation is no "he"; a verb whose subject cannot speak is
        passed over. ``main``: only the verbs of the main clause ("X said",
        not "When X's advisers suggested")."""
        verbs = [t for t in sentence if t.lemma_ in SPEECH_LEMMAS and t.pos_ == "VERB"
                 and not self.inside_quote(t.idx) and (_depth(t) == 0) == main]
        # The main clause's verb first ("X told MPs ... after Doucet told him"),
        # the last of equals ("A said ..., and B said ...").
        verbs.sort(key=lambda t: (-_depth(t), t.i))
        for verb in reversed(verbs):
            source = self.of_verb(verb, depth + 1)
            if source is None:
                continue
            name = source[0]
            if name is None:
                subject = self.subject_of(verb)
                if subject is not None and subject.tag_ in {"NN", "NNP"} and unnamed_person(subject):
                    return (None,)  # "A security official said ... “...,” he said"
                continue
            record = next((r for r in self.people.records if r.name == name), None)
            if record is None or self.people.agrees(record, pronoun):
                return (name,)
            return None
        return None

    def _subject_person(self, sentence: Span, pronoun: str) -> PersonRecord | None:
        """The person who is the subject of the sentence's main verb."""
        root = sentence.root
        subjects = [c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if not subjects:
            return None
        subject = subjects[-1]
        phrase = self.doc[subject.left_edge.i : subject.i + 1]
        person = self.people.resolve(words_of(phrase.text), before=subject.idx + len(subject.text) + 1)
        if person is None or not names_subject(subject, person.parts):
            return None
        if not self.people.agrees(person, pronoun):
            return None
        return person


def _appositions(token: Token) -> list[Token]:
    """The token's appositives and theirs ("court, Mr Graham's solicitor,
    Brett Thomas"), nearest first; the parser may hang one on the noun of
    the subject's prepositional phrase ("His former colleague in Bengaluru,
    Divya Rao, said")."""
    found: list[Token] = []
    todo = [token]
    while todo:
        current = todo.pop(0)
        children = [c for c in current.children if c.dep_ == "appos"]
        found += children
        todo += children
        todo += [o for p in current.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
    return found


def _indefinite(subject: Token) -> bool:
    """'one recruiter', 'a lawyer', 'another official': someone new, not a
    back-reference to a person named before."""
    return any(c.dep_ in {"det", "nummod"} and c.lower_ in {"a", "an", "one", "another", "some"}
               for c in subject.children)


def _named_body(phrase: Span) -> bool:
    """'Immigration, Refugees and Citizenship Canada (IRCC) said', 'Banco de
    Portugal said': a subject
    written as a proper name, every word capitalised, that holds an
    organisation entity (the parser may split the name into conjuncts)."""
    # Lowercase words of a name: "Banco de Portugal", "Ministry of Labour".
    words = [t for t in phrase if t.is_alpha and t.lower_ not in {"and", "of", "for", "the", "on"}
             and t.text not in NAME_PARTICLES]
    return len(words) >= 2 and all(t.text[:1].isupper() for t in words) \
        and any(t.ent_type_ == "ORG" for t in words) and not any(t.ent_type_ == "PERSON" for t in words)


def is_group(subject: Token) -> bool:
    """'Analysts at Goldman Sachs', 'immigration lawyers': people in the plural,
    unnamed."""
    return subject.tag_ == "NNS" and subject.lemma_.lower() in GROUPS


def _depth(token: Token) -> int:
    """How deep a verb sits below its sentence's root; coordination ("said
    ... and added") does not count."""
    return sum(1 for t in [token, *token.ancestors] if t.dep_ not in {"conj", "ROOT"})


def names_subject(subject: Token, parts: list[str]) -> bool:
    """The subject itself (not a noun inside its appositive, nor the possessor
    of "Morrison's lawyer") is the person."""
    head = [subject]
    for token in head:  # compounds of compounds, never a possessor's ("Mr Graham's solicitor")
        head += [c for c in token.children if c.dep_ in {"compound", "nsubj"}]
    # "Okonkwo-Lee" is three tokens; its words are read from the text.
    start = min(t.i for t in head)
    while start > 0 and subject.doc[start - 1].text == "-" and not subject.doc[start - 1].whitespace_:
        start -= 2
    text = subject.doc[max(start, 0) : subject.i + 1].text
    return bool(set(words_of(text)) & set(parts))


def unnamed_person(subject: Token) -> bool:
    """A person the article does not name: a noun for one ("a source",
    "Morrison's lawyer"), or one the parse shows to be a person: a relative
    "who" ("A tester from Chennai who asked me not to use his name said"), or
    an indefinite noun for what someone does ("a visa agent there said")."""
    if subject.lower_ in UNNAMED_PEOPLE or _possessed_noun(subject):
        return True
    if subject.pos_ != "NOUN" or subject.tag_ != "NN":
        return False
    if any(c.dep_ == "relcl" and any(w.lower_ == "who" and w.dep_ in {"nsubj", "nsubjpass"}
                                     for w in c.children) for c in subject.children):
        return True
    # "One nurse from Kerala, who declined to be named, said": whoever speaks
    # as "a"/"one" noun is someone new whom the article does not name.
    return _indefinite(subject) or (subject.lower_.endswith(ROLE_ENDINGS) and any(
        c.dep_ == "det" and c.lower_ in {"a", "an", "one", "another"} for c in subject.children))


def _possessed_noun(subject: Token) -> bool:
    """'Morrison's lawyer': a common noun with a possessor."""
    return subject.pos_ == "NOUN" and any(c.dep_ == "poss" for c in subject.children)


def organisation(phrase: Span) -> str | None:
    """The organisation named in a subject phrase ("the Ministry of Foreign Affairs")."""
    for ent in phrase.ents:
        if ent.label_ == "ORG":
            words = ent.text.split()
            return " ".join(words[1:]) if words and words[0].lower() == "the" else ent.text
    return None
