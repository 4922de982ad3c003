"""Which entities name a person, and the name each one gives.

The NER's PERSON spans, checked (a thing's name, a place, a company, a news
outlet, a credit line or page chrome is none), and the names it tags
otherwise or not at all ("said Tunde Okonjo-Baptiste, a director at ...",
"Engineer Camila Reyes said"), trimmed to the name's own words.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from extractors.components.affiliations import COMPANY_NOUNS, EMPLOYER_NOUNS, described_as_company
from extractors.components.common import (
    PROGRAMME_LABEL,
    SPEECH_LEMMAS,
    is_heading,
    programme_spans,
    text_of,
)
from extractors.components.gender import Gender
from extractors.components.person_index import NAME_PARTICLES, NAME_SUFFIXES, is_name_part
from extractors.components.person_styles import style_end
from extractors.components.role_offices import PORTFOLIOS, portfolio_before_name
from extractors.components.roles import ROLE_ADJECTIVES, ROLE_ENDINGS, TITLES, describe

CREDIT_LINE = re.compile(
    r"(?:\b(?:Reporting|Editing|Writing|Additional reporting|Compiled|Produced|Photos?|Video|"
    r"Graphics?|Illustration)\s+by\b|\b[A-Z]{2,}/|/(?:AP|Reuters|AFP|Getty)\b|\bGetty Images\b"
    r"|^\s*By\s+[A-Z]|contributed (?:to this report|reporting)"
    # A credit line opening with a participle ("Edited by ...", "Additional
    # reporting by ...", "Photographs by ..."): only at the line's start, as
    # "a report written by X" in prose names a person of the story.
    r"|^\s*\(?(?:Additional\s+)?(?:[Rr]eported|[Ee]dited|[Ww]ritten|[Cc]ompiled|[Tt]ranslated|[Ff]act-checked"
    r"|[Pp]hotographs?|[Pp]hotography|[Ii]llustrations?|[Rr]esearch)\s+by\b"
    # A contributor's tagline: "Lena Brandt is Harbour Wire's Berlin
    # correspondent.", "Tomás Reyes is a freelance journalist based in Quito."
    r"|^\s*(?:[A-Z][\w'’-]+\s+){1,3}is\s+(?:(?:[A-Z][\w&.-]*\s+)*[A-Z][\w&.-]*['’]s|a|an|the)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:correspondent|reporter|journalist|editor|columnist|writer|photographer|producer|contributor)s?"
    r"(?:\s+(?:based\s+)?(?:in|for|at|covering)\s+[^.]{0,60})?\.?\s*$)",
    re.M,
)


# Last words of news outlets' names, which the NER tags as people in "told
# Harbour Wire" or "(Reporting by ...)".
MEDIA_WORDS = frozenset(
    "Wire News Times Post Review Journal Reuters Press Daily Online Herald Tribune Telegraph "
    "Guardian Bloomberg Agency Xinhua Gazette Chronicle".split()
)


def person_mentions(doc: Doc, names: dict[str, Gender]) -> list[Span | None]:
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
        # "the law firm Wexler" + "Huang": the name with the word before it may
        # stand right after an employer noun.
        if span is not None and not _not_a_person(span.text, programme_names) and not _employer_named(span):
            found.append(span)
    return found


def _unlabelled_speakers(doc: Doc, names: dict[str, Gender]) -> list[Span]:
    """'Engineer Camila Reyes said ...' with no entity at all: two or three
    proper nouns as the subject of a speech verb are a person when the first
    is a known given name (a company or a place never is)."""
    found = []
    for token in doc:
        if token.dep_ != "nsubj" or token.head.lemma_ not in SPEECH_LEMMAS:
            continue
        if _lone_surname(token):
            # '... Director General of Immigration Budi Santoso told ...¶“...,”
            # Santoso said': the surname alone speaks; person_merge takes the
            # full name from where the article wrote it.
            found.append(Span(doc, token.i, token.i + 1, label="PERSON"))
            continue
        if not _bare_propn(token):
            continue
        start = token.i
        while start > token.sent.start and _bare_propn(doc[start - 1]) and doc[start - 1].dep_ == "compound" \
                and token.i - start < 3:
            start -= 1
        words = [t.text for t in doc[start : token.i + 1]]
        while words and (words[0] not in names) and len(words) > 2:
            words, start = words[1:], start + 1  # a role word before the name
        # "Siti Rahma, head of talent at ...": a given name the table does
        # not know, introduced by a person's appositive.
        known = words[0] in names or _described_as_someone(token) \
            or (2 <= len(words) <= 3 and described_person(doc[start : token.i + 1]))
        if 2 <= len(words) <= 3 and known and all(is_name_part(w) for w in words):
            found.append(Span(doc, start, token.i + 1, label="PERSON"))
        elif len(words) == 1 and is_name_part(token.text) and not token.text.isupper() \
                and not token.is_sent_start and described_person(doc[token.i : token.i + 1]):
            # '“...,” said Ahmed, a driver from Lahore': a person known by one name.
            found.append(Span(doc, token.i, token.i + 1, label="PERSON"))
    return found


def described_person(span: Span) -> bool:
    """'Ahmed, a driver from Lahore', 'Bilal, 34,': a name with an appositive
    that gives a person's job or an age, the way news introduces someone it
    names by one name only; a company's appositive ("a gearbox maker") is none."""
    doc = span.doc
    after = doc[span.end : span.end + 3]
    if len(after) == 3 and after[0].text == "," and after[1].like_num and after[2].text == "," \
            and after[1].text.isdigit() and 10 <= int(after[1].text) <= 110:
        return True
    if described_as_company(span):
        return False
    roles, _ = describe(span, [])
    heads = [c for c in span.root.children if c.dep_ == "appos" and c.i >= span.end]
    return bool(roles) and bool(heads) and heads[0].text.islower() \
        and heads[0].lower_ not in COMPANY_NOUNS | EMPLOYER_NOUNS


def _lone_surname(token: Token) -> bool:
    """One capitalised word inside the sentence, in no entity and with no name
    word before it (the tagger may call it a plural noun), that stands
    earlier in the text right after another capitalised proper noun in no
    entity, which may be its given name."""
    doc = token.doc
    if token.ent_type_ or token.pos_ not in {"PROPN", "NOUN"} or token.is_sent_start \
            or not is_name_part(token.text) or token.text in TITLES \
            or any(c.dep_ == "compound" for c in token.children):
        return False
    return any(t.text == token.text and t.i > 0 and _bare_propn(doc[t.i - 1])
               and is_name_part(doc[t.i - 1].text) and doc[t.i - 1].text not in TITLES
               and not doc[t.i - 1].is_sent_start for t in doc[: token.i])


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
    name right after an employer noun is the organisation's, also one the
    tokenizer split at its hyphen ("the Jakarta start-up Kopi Digital")."""
    doc, start = ent.doc, ent.start
    hyphenated = start >= 3 and doc[start - 2].text == "-" and not doc[start - 3].whitespace_ \
        and not doc[start - 2].whitespace_ and doc[start - 3 : start].text.lower() in EMPLOYER_NOUNS
    return start > 0 and (doc[start - 1].lower_ in EMPLOYER_NOUNS or hyphenated)


def _age_after(ent: Span) -> bool:
    """'Olumide Adeyemi, 24, ...': an age set between commas after the name."""
    after = ent.doc[ent.end : ent.end + 3]
    return len(after) == 3 and after[0].text == "," and after[2].text == "," and after[1].text.isdigit() \
        and 10 <= int(after[1].text) <= 110


def _possessed_name(ent: Span, names: dict[str, Gender]) -> Span | None:
    """'Zhejiang University’s Elena Moravec', tagged ORG as a whole: the two or
    three capitalised words after the possessive are the person."""
    marks = [t.i for t in ent if t.text in {"'s", "’s"}]
    if not marks:
        return None
    rest = ent.doc[marks[-1] + 1 : ent.end]
    # One word ("Sichuan University’s Thapa") only joins a full name named
    # elsewhere in the article (see ``person_merge.merge_mentions``); it never makes a person.
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
    # "X, executive director of ...", "X, 24, a developer": a role's adjective or an age.
    appositive = len(after) == 2 and after[0].text == "," and (
        after[1].lower_ in {"a", "an", "the", "who"} or (after[1].text.islower() and after[1].pos_ == "NOUN")
        or (after[1].lower_ in ROLE_ADJECTIVES and after[1].text.islower()) or _age_after(ent))
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
               and mention_speaks(doc[t.i : t.i + 1]) for t in doc)


def mention_speaks(span: Span) -> bool:
    """The mention is the subject of a speech verb ("Bush said") or stands
    right after one ("said Bush", "according to Bush")."""
    token = span.root
    before = span.doc[span.start - 1] if span.start > 0 else None
    according = span.start > 1 and span.doc[span.start - 2 : span.start].text.lower() == "according to"
    return (token.dep_ in {"nsubj", "nsubjpass"} and token.head.lemma_ in SPEECH_LEMMAS) or according or (
        before is not None and before.lemma_ in SPEECH_LEMMAS)


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
    # "Tomasz Nowak (Poland's ...) said": opening the sentence, before a surname alone.
    opening = before.is_sent_start and len(ent) == 1 and before.text not in PORTFOLIOS
    return Span(doc, start - 1, ent.end, label="PERSON") if known or lone or opening else ent


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


# Page chrome that opens a line with a verb before a name ("Follow Newsbeat on
# Instagram", "Email Tariq Malik at ...").
CHROME_VERBS = frozenset("Follow Email Contact Read Watch Subscribe Listen Share Join Visit Download".split())


def _clean_name(ent: Span, names: dict[str, Gender]) -> Span | None:
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and (doc[start].text in TITLES or not _name_token(doc[start])):
        start += 1
    # "Tan Sri Lim Boon Heng", "Sheikha Mariam Al Nuaimi": a style is no part of the name.
    start = style_end(doc, start, end)
    # "Undersecretary for Labour Maria Santos": the portfolio is the title's.
    start = portfolio_before_name(doc, start, end, lambda t: t.text in TITLES)
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
