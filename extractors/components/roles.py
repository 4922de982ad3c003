"""Roles and affiliations said of a person mention.

Appositives ("Michael Feller, chief strategist at Geopolitical Strategy"),
pre-modifiers ("Intel chip architect Fei Su"), possessives ("Sichuan
University's Das"), "X of the Brookings Institution", "His professor, X",
and "the <kind of organisation> <Name>" read from the text
(:mod:`extractors.components.affiliations`).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from extractors.components.affiliations import (
    COMPANY_NOUNS,
    EMPLOYER_NOUNS,
    employer_names,
    modifies_company,
    possessor_name,
)
from extractors.components.person_styles import style_start
from extractors.components.role_coordination import plural_role, shared_appositives, singular
from extractors.components.role_offices import (
    PORTFOLIOS,
    coordinated_title,
    inside_org_name,
    rank_of,
    without_portfolios,
)

TITLES = frozenset(
    "President Vice Prime Minister Secretary Senator Sen. Rep. Representative Governor Gov. "
    "Mayor Dr. Dr Professor Prof. Judge Justice Chancellor Premier King Queen Ambassador "
    "Chairman Chairwoman Chair CEO Commissioner General Gen. Director Spokesperson "
    "Spokesman Spokeswoman Attorney Mr. Mrs. Ms. Mr Mrs Ms "
    # Public offices, ranks and clergy written before a name ("Superintendent
    # Jennifer McCormick", "Conservative MP Russ Hiebert", "Lt. Col. Alexander
    # Vindman"). Words that are also common given names ("Dean") stay out.
    "Superintendent Administrator Speaker Leader MP MEP MLA Inspector Sheriff Detective Envoy "
    "Consul Deputy Councillor Councilman Councilwoman Alderman Assemblyman Assemblywoman "
    "Congressman Congresswoman Delegate Provost Coach Chief Treasurer Comptroller Prosecutor "
    "Colonel Col. Col Lieutenant Lt. Lt Captain Capt. Capt Sergeant Sgt. Sgt Maj. Admiral Adm. "
    "Commander Brig. Rev. Rev Reverend Pastor Bishop Archbishop Cardinal Pope Rabbi Imam Sheikh "
    "Sir Dame Undersecretary "
    # Members of parliaments written after a party ("Labour Party TD Fergal Brennan").
    "TD MSP MLC MNA MPP".split()
)
# Before a name these say who the person is, not what they do: no role.
HONORIFICS = frozenset("Mr. Mrs. Ms. Mr Mrs Ms Dr Dr. Rev. Rev Reverend Sir Dame".split())
# Abbreviated titles and the word a role is written with ("Sen." -> "senator").
ABBREVIATED_TITLES = {
    "sen.": "Senator", "rep.": "Representative", "gov.": "Governor", "gen.": "General",
    "col.": "Colonel", "lt.": "Lieutenant", "capt.": "Captain", "sgt.": "Sergeant", "maj.": "Major",
    "adm.": "Admiral", "brig.": "Brigadier", "prof.": "Professor", "pres.": "President",
}
# Adjectives that belong in a role ("chief strategist", "associate professor");
# others ("experienced", "Indian") describe the person, not the job.
ROLE_ADJECTIVES = frozenset(
    "chief senior junior associate assistant deputy executive vice managing general "
    "acting principal lead interim visiting adjunct regional national foreign".split()
)
# Nouns for kin and company, which say who someone is to another person, not
# what they do ("His daughter, Keerthi Reddy").
KIN_NOUNS = frozenset(
    "daughter son wife husband mother father sister brother cousin uncle aunt niece nephew "
    "grandson granddaughter grandmother grandfather parent parents child friend neighbour neighbor "
    "fiancee fiance girlfriend boyfriend client customer patient".split()
)
NO_ROLE_NOUNS = EMPLOYER_NOUNS | KIN_NOUNS
# Fields written in capitals before a job ("AI researcher", "HR director").
FIELD_ACRONYMS = frozenset("AI HR IT PR ML UX VR AR QA ICU ER".split())
AFFILIATION_LABELS = frozenset({"ORG", "FAC"})
# Verbs of a relative clause that say where someone works ("who runs ...").
WORK_VERBS = frozenset(
    "work study teach research lead head run direct manage chair advise found own serve oversee".split())


# Heads of an appositive that describe an organisation, not the person before
# it ("..., a senior fellow at the Lindqvist Institute, a Washington think tank").
ORG_KINDS = EMPLOYER_NOUNS | COMPANY_NOUNS
# Verbs of a relative clause whose "as" phrase is what others call someone,
# not their job ("who was described as a genius").
LABEL_VERBS = frozenset("describe see know regard call treat view label brand dismiss hail".split())


# Endings of English nouns for people by what they do ("recruiter",
# "economist", "consultant", "classmate"), for role words that open a sentence.
ROLE_ENDINGS = ("er", "or", "ist", "ant", "ent", "ian", "mate", "ee")


def describe(span: Span, orgs: list[Span]) -> tuple[list[str], list[str]]:
    """Roles and affiliations said of one mention."""
    roles: list[str] = []
    affiliations: list[str] = []
    _premodifiers(span, roles, affiliations)
    for appos in [*_appositives(span), *shared_appositives(span)]:
        if appos.lower_ in ORG_KINDS:
            continue  # "..., a senior fellow at the Lindqvist Institute, a Washington think tank"
        had = len(roles)
        _appositive(appos, orgs, roles, affiliations)
        if len(roles) > had and plural_role(appos):  # "both lawyers at ..."
            roles[-1] = singular(roles[-1], appos)
        affiliations += [n for n in employer_names(_described(appos)) if n not in affiliations]
    for prep in (c for c in span.root.children if c.dep_ == "prep" and c.i >= span.end):
        # "Economist Victor Amadi of the Brookings Institution argued".
        if prep.lower_ in {"of", "at", "from"}:
            inside = range(prep.i, prep.right_edge.i + 1)
            affiliations += [_without_article(e) for e in orgs if e.start in inside and e.end - 1 in inside]
    for attr in _job_attributes(span):
        # "Aruna Mehta is a regulated immigration consultant in Calgary".
        _appositive(attr, orgs, roles, affiliations)
        affiliations += [n for n in employer_names(_described(attr)) if n not in affiliations]
    for clause in (c for c in span.root.children if c.dep_ == "relcl" and c.lemma_ in WORK_VERBS):
        # "Mark Delaney, who runs the Beijing office of the recruitment firm
        # Orient Search", "Rafael Ortega, who studies migration at Columbia
        # University": where the person works.
        described = span.doc[clause.i : clause.right_edge.i + 1]
        affiliations += [n for n in employer_names(described.text) if n not in affiliations]
        affiliations += [_without_article(e) for e in orgs if _employs(clause, e)]
    for clause in (c for c in span.root.children if c.dep_ == "relcl" and c.lemma_ not in LABEL_VERBS):
        # "Renata Kowalczyk, who came to Oxford on the visa as a protein chemist".
        for prep in (p for p in clause.children if p.dep_ == "prep" and p.lower_ == "as"):
            objects = [o for o in prep.children if o.dep_ == "pobj" and o.pos_ == "NOUN"]
            role = _role_phrase(objects[0]) if objects and objects[0].lower_ not in NO_ROLE_NOUNS else None
            if role:
                roles.append(role)
    if span.root.dep_ == "appos" and span.root.head.i < span.start and span.doc[span.start - 1].text == ",":
        # "His professor, Meera Joshi, is blunter": the name is the appositive.
        # The parser may hang it on the noun of the phrase after the role ("His
        # former classmate in Pune, Rohan Kulkarni"): the role is that phrase's head.
        noun = span.root.head
        if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ == "NOUN":
            noun = noun.head.head
        role = _role_phrase(noun)
        if role:
            roles.append(role)
            affiliations += [n for n in _possessor_org(noun, orgs) if n not in affiliations]
            # "A spokesman for the Ministry of Labour, Omar Haddad": the role's employer.
            for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in _EMPLOYER_PREPS):
                inside = range(prep.i, prep.right_edge.i + 1)
                named = [_without_article(e) for e in orgs
                         if e.start in inside and e.end - 1 in inside and not _names_a_place(e)]
                affiliations += [n for n in named if n not in affiliations]
    return roles, without_portfolios(roles, affiliations)


def _possessor_org(noun: Token, orgs: list[Span]) -> list[str]:
    """The organisation a role belongs to by possessive: named ("Sonae's chief
    executive, Ana Silva") or, as a definite noun, the last organisation
    named before whose head it is ("The U.S. Chamber of Commerce ... the
    chamber's chief counsel, Rebecca Thornbury")."""
    owners = [c for c in noun.children if c.dep_ == "poss"]
    if not owners:
        return []
    owner = owners[0]
    if owner.lower_ in {"its", "their"}:
        # "The opposition Conservatives said ... Their home affairs
        # spokesman, Edward Fane, ...": the organisation the sentence before
        # is about.
        return _subject_org(owner, orgs)
    if owner.ent_type_ in AFFILIATION_LABELS:
        return [_without_article(e) for e in orgs if e.start <= owner.i < e.end][:1]
    possessor = possessor_name(owner)  # "Immigration New Zealand's general manager"
    if possessor:
        return [possessor]
    if owner.pos_ != "NOUN" or not any(c.lower_ == "the" for c in owner.children):
        return []
    named = [e for e in orgs if e.end <= owner.i and owner.lower_ in {e.root.lower_, e[-1].lower_}]
    return [_without_article(named[-1])] if named else []


def _premodifiers(span: Span, roles: list[str], affiliations: list[str]) -> None:
    doc, sent = span.doc, span.sent
    left = span.start - 1
    while left >= sent.start and (doc[left].text in HONORIFICS or style_start(doc, left, sent.start) <= left):
        left = min(left - 1, style_start(doc, left, sent.start) - 1)  # "Mr.", "Tan Sri": no role, no employer
    first = _title_start(doc, left, sent.start)
    if first > left:
        first = _titled_office(doc, left, sent.start)
    if first <= left:
        # "Trade Minister", "District Judge": a capitalised word that qualifies
        # the title belongs to it, unless it names a place, people or employer.
        while first - 1 >= sent.start and _qualifies_title(doc[first - 1]):
            first -= 1
        roles.append(_title_text(doc[first : left + 1]))
        # "Deputy Prime Minister and Minister of Finance Tan Wei Ming": two titles.
        start, end = coordinated_title(doc, first, sent.start, lambda t: t.text in TITLES - HONORIFICS)
        if start < end:
            roles.append(_title_text(doc[start:end]))
            first = start
        # "NASA Administrator Jim Bridenstine": the organisation before the title.
        org = _org_entity_before(doc, first - 1, sent.start)
        if org:
            affiliations.append(org)
        return
    role_words: list[str] = []
    # The noun next to the name modifies it ("chip architect Fei Su"), not a
    # noun the name follows ("asking questions Schreiber", "the day Epstein died").
    if left >= sent.start and _common_noun(doc[left]) and not span.start <= doc[left].head.i < span.end \
            and span.root.head.i != left and doc[left].dep_ in {"dobj", "pobj", "npadvmod", "nsubj", "attr"}:
        return
    while left >= sent.start and doc[left].lower_ not in NO_ROLE_NOUNS and (_common_noun(doc[left]) or (
            role_words and doc[left].lower_ in ROLE_ADJECTIVES and doc[left].dep_ == "amod")):
        # "Sonae chief executive Ana Silva": a title's adjective belongs to it.
        role_words.insert(0, doc[left].text)
        left -= 1
    # "AI researcher", "Health minister": a field or portfolio before the job.
    # "Department of Home Affairs spokesperson": not a portfolio inside a name.
    while role_words and left >= sent.start and (doc[left].text in FIELD_ACRONYMS | PORTFOLIOS) \
            and not inside_org_name(doc[left]):
        role_words.insert(0, doc[left].text)
        left -= 1
    if role_words:
        roles.append(" ".join(role_words))
    org = _org_before(doc, left, sent.start)
    if org:
        affiliations.append(org)


def _qualifies_title(token: Token) -> bool:
    if token.text in PORTFOLIOS:
        return True
    return token.pos_ == "PROPN" and token.text[:1].isupper() and token.dep_ == "compound" \
        and not token.ent_type_


def _title_start(doc: Doc, left: int, floor: int) -> int:
    """The first token of the run of titles ending at ``left`` ("Lt. Col."),
    or ``left + 1`` when there is none. An abbreviation the tokenizer split
    from its full stop ("Col" ".") is one title."""
    i = left
    while i >= floor:
        text = doc[i].text
        if text in TITLES and text not in HONORIFICS:
            i -= 1
        elif text == "." and i - 1 >= floor and not doc[i - 1].whitespace_ \
                and doc[i - 1].text + "." in TITLES:
            i -= 2
        else:
            break
    return i + 1


def _titled_office(doc: Doc, left: int, floor: int) -> int:
    """'Secretary of State Condoleezza Rice': a title with an "of" phrase of up
    to three capitalised words before a name; the first token of the title, or
    ``left + 1``."""
    i = left
    while i >= floor and left - i < 3 and (doc[i].pos_ == "PROPN" or doc[i].text in PORTFOLIOS) \
            and doc[i].text[:1].isupper():
        i -= 1
    # "Undersecretary for Labour Maria Santos": "for" a portfolio too.
    if i == left or i - 1 < floor or doc[i].lower_ not in {"of", "for"} or doc[i - 1].text not in TITLES:
        return left + 1
    return _title_start(doc, i - 1, floor)


def _title_text(span: Span) -> str:
    """A title as a role: abbreviations written out ("Sen." -> "senator")."""
    return " ".join(ABBREVIATED_TITLES.get(word.lower(), word) for word in span.text.split())


def _org_entity_before(doc: Doc, left: int, floor: int) -> str | None:
    """The organisation entity ending at token ``left``, if one does."""
    i = left
    while i >= floor and doc[i].ent_type_ == "ORG":
        i -= 1
    if i == left:
        return None
    words = doc[i + 1 : left + 1].text.split()
    return " ".join(words[1:] if words[0].lower() == "the" else words) or None


def _common_noun(token: Token) -> bool:
    """A lowercase noun, or a role word capitalised because it opens the
    sentence (see :func:`_role_word`)."""
    if token.text.islower():
        return token.pos_ == "NOUN"
    return bool(token.is_sent_start and token.text[1:].islower()) and (
        token.pos_ == "NOUN" or (token.pos_ == "PROPN" and token.lower_.endswith(ROLE_ENDINGS)))


def _inner_org_word(doc: Doc, i: int, floor: int) -> bool:
    """'University of Malta's': a lowercase "of" inside the organisation's
    entity, between two of its capitalised words, is part of its name."""
    return doc[i].lower_ in {"of", "for"} and doc[i].ent_type_ == "ORG" and i - 1 >= floor \
        and doc[i - 1].ent_type_ == "ORG" and doc[i - 1].text[:1].isupper()


def _org_before(doc: Doc, left: int, floor: int) -> str | None:
    """An organisation name ending at token ``left`` ("Intel", "Sichuan University's")."""
    if left >= floor and doc[left].text in {"'s", "’s"}:
        left -= 1
    words: list[str] = []
    # An acronym is a name whatever the tagger made of it ("IRCC spokesperson" as a verb).
    while left >= floor and (doc[left].pos_ == "PROPN" or doc[left].ent_type_ == "ORG" or (
            doc[left].is_alpha and doc[left].is_upper and len(doc[left]) > 1)) \
            and doc[left].ent_type_ not in {"GPE", "NORP", "LOC"} and (
                doc[left].text[:1].isupper() or _inner_org_word(doc, left, floor)):
        words.insert(0, doc[left].text)
        left -= 1
    if left >= floor and doc[left].text == "-":  # "Iowa-based": a place, not an employer
        return None
    if len(words) > 1 and words[0] == "The":  # "The University of Malta's": the article is no part
        words = words[1:]
    return " ".join(words) or None


def _appositives(span: Span) -> list[Token]:
    root = span.root
    return [child for child in root.children
            if child.dep_ == "appos" and child.i >= span.end and not _glued_to_hyphen(child)]


def _appositive(head: Token, orgs: list[Span], roles: list[str], affiliations: list[str]) -> None:
    # "..., head of people at the payments start-up Lumen Pay": a proper name
    # the parser hangs on the person as a second appositive names no job.
    role = None if _proper_name(head) else _role_phrase(head)
    if role:
        roles.append(role)
        named = [*_employer_after(head), *_possessor_org(head, orgs)]
        affiliations += [n for n in named if n not in affiliations]
    inside = range(head.left_edge.i, head.right_edge.i + 1)
    # "a scientist who finished his doctorate at HKUST", "a developer who
    # moved to Chiang Mai": a relative clause says where someone works only
    # with a verb of working ("who teaches at ...").
    # The parser may hang the clause on a noun inside the appositive ("a nurse
    # from Ibadan who moved to Galway": on "Ibadan").
    elsewhere = [range(c.left_edge.i, c.right_edge.i + 1) for c in head.subtree
                 if c.dep_ == "relcl" and c.lemma_ not in WORK_VERBS]
    for ent in orgs:
        if ent.start in inside and ent.end - 1 in inside and not _names_a_place(ent) \
                and not modifies_company(ent.root) and not any(ent.start in r for r in elsewhere):
            affiliations.append(_without_article(ent))


# Prepositions after a role noun that name its employer ("a partner at
# Fragomen", "a spokeswoman for Pingo Doce", "an economist with Oxford Economics").
_EMPLOYER_PREPS = frozenset({"at", "for", "with"})
_NOT_EMPLOYER_ENTS = frozenset({"PERSON", "NORP", "DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "LOC"})


def _subject_org(pronoun: Token, orgs: list[Span]) -> list[str]:
    """The organisation that is the subject of the sentence before the
    pronoun's (when no organisation is named between), or none."""
    doc, sent = pronoun.doc, pronoun.sent
    if any(e.start >= sent.start and e.end <= pronoun.i for e in orgs) or sent.start == 0:
        return []
    before = doc[sent.start - 1].sent
    subjects = [c for c in before.root.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subjects:
        return []
    # "The main opposition party, PASOK, said ...": or the name set beside the subject.
    heads = [subjects[-1], *(c for c in subjects[-1].children if c.dep_ == "appos")]
    named = [e for head in heads for e in orgs if e.start <= head.i < e.end]
    return [_without_article(named[0])] if named else []


def _employer_after(head: Token) -> list[str]:
    """The proper name a role noun's "at"/"for"/"with" phrase holds, whatever
    entity the NER gave it (a firm the model has not seen is often a GPE or
    nothing); a place only after "at"."""
    found = []
    for prep in (c for c in head.rights if c.dep_ == "prep" and c.lower_ in _EMPLOYER_PREPS):
        for obj in (o for o in prep.children if o.dep_ == "pobj" and o.pos_ == "PROPN"):
            if obj.ent_type_ in _NOT_EMPLOYER_ENTS or (obj.ent_type_ == "GPE" and prep.lower_ != "at"):
                continue
            doc, start = head.doc, obj.i
            while start - 1 > prep.i and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound":
                start -= 1
            if doc[start - 1].lower_ in EMPLOYER_NOUNS:
                continue  # "at the Lisbon firm Menezes & Sá": read by ``employer_names``
            name = doc[start : obj.i + 1]
            if any(t.ent_type_ == "GPE" for t in name) and len(name) > 1:
                continue  # "at Leeds City Council" is the NER's to name
            if _names_a_place(name) or (obj.i + 1 < len(doc) and doc[obj.i + 1].text in {"'s", "’s"}):
                continue
            found.append(name.text)
    return found


def _job_attributes(span: Span) -> list[Token]:
    """The job a sentence says a person is ("X is the CEO of DH"): a noun for
    what people do, never "X is a problem" or "X is 73 years old"."""
    root = span.root
    if root.dep_ != "nsubj" or root.head.lemma_ != "be":
        return []
    return [c for c in root.head.children
            if c.dep_ == "attr" and c.i >= span.end and c.pos_ in {"NOUN", "PROPN"}
            and (c.lower_.endswith(ROLE_ENDINGS) or c.text in TITLES) and c.lower_ not in NO_ROLE_NOUNS]


def _employs(clause: Token, ent: Span) -> bool:
    """An organisation inside the relative clause, after "at", "for", "of"..."""
    doc = ent.doc
    return clause.i < ent.start and ent.end - 1 <= clause.right_edge.i and ent.start > 0 \
        and doc[ent.start - 1].lower_ in {"at", "for", "with", "of", "the"} and not _names_a_place(ent)


def _described(appos: Token) -> str:
    """The appositive's text up to the next comma or full stop: the parse of
    "co-founder of the payments startup Ledgerly" may end its subtree early."""
    doc = appos.doc
    end = appos.left_edge.i
    stop = appos.sent.end
    while end < stop and doc[end].text not in {",", ";", ".", "(", "—"} and not doc[end].is_space:
        end += 1
    return doc[appos.left_edge.i : max(end, appos.right_edge.i + 1)].text


def _names_a_place(ent: Span) -> bool:
    """'a developer from Wrocław', 'the Pune-based firm': the NER's
    organisation is where someone is from or where a firm sits."""
    doc = ent.doc
    before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    after = doc[ent.end : ent.end + 2].text.replace(" ", "")
    following = doc[ent.end].lower_ if ent.end < len(doc) else ""
    return before in {"from", "in", "near"} or after.startswith("-based") or following in EMPLOYER_NOUNS \
        or ent.text in FIELD_ACRONYMS


def _role_phrase(head: Token) -> str | None:
    if head.pos_ not in {"NOUN", "PROPN"} or head.ent_type_ in AFFILIATION_LABELS | {"PERSON", "NORP", "GPE"}:
        return None
    if head.lower_ in KIN_NOUNS:
        return None
    # A dateline ("SHARM EL-SHEIK, Egypt (AP)") or a party and state ("R-Texas")
    # parsed as an appositive is no role.
    if (head.text.isupper() and len(head.text) > 3) or _PARTY_TAG.match(head.doc[head.left_edge.i :].text):
        return None
    prefix = _hyphenated_prefix(head)
    glued = head.i - 2 * prefix.count("-")  # the pieces of "vice-chancellor" before the head
    words = [
        t for t in head.lefts
        if t.i < glued and (t.dep_ == "compound" or (t.dep_ == "amod" and t.lower_ in ROLE_ADJECTIVES))
    ]
    if words:
        # "chief medical officer": a modifier between the role's first word and
        # its noun is part of the one title, whatever the adjective.
        words = [t for t in head.lefts if words[0].i <= t.i < glued and t.dep_ in {"compound", "amod"}
                 and t.ent_type_ not in {"NORP", "GPE"}]
    phrase = [*(t.text for t in words), prefix + head.text]
    rank = rank_of(head)  # "minister of state"
    if rank:
        return " ".join([*phrase, rank])
    # The tagger sometimes reads "IT professional" as noun + adjective; the
    # word glued to the right of the head is still part of the role.
    following = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
    if following is not None and following.head == head and following.dep_ in {"amod", "compound"}:
        phrase.append(following.text)
    for prep in head.rights:
        if prep.dep_ == "prep" and prep.lower_ in {"for", "of"}:
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            complement = _complement(objects[0]) if objects else []
            if complement and not any(_names_employer_token(t) for t in complement) \
                    and _keeps_complement(head, prep, objects[0]):
                phrase += [prep.text, *(t.text for t in complement)]
    # "co - founder" in tokens is "co-founder" in text.
    return " ".join(phrase).replace(" - ", "-").replace("co -", "co-")


_PARTY_TAG = re.compile(r"[RDI]-[A-Z]")
# Role nouns that say nothing without their "of" phrase ("head of immigration").
RELATIONAL_ROLES = frozenset({"head", "chief"})


def _keeps_complement(head: Token, prep: Token, obj: Token) -> bool:
    """'head of immigration' and 'director for Asia' keep their phrase; a role
    is otherwise the short noun ("director of employment policy" -> "director",
    "professor of public policy" -> "professor")."""
    if head.lower_ in RELATIONAL_ROLES:
        return True
    return prep.lower_ == "for" and obj.pos_ == "PROPN" and len(list(obj.subtree)) == 1


def _hyphenated_prefix(head: Token) -> str:
    """'vice-chancellor', 'co-founder': the parser may split a hyphenated role
    into appositives ("vice", "-", "chancellor"); the head keeps its prefix."""
    doc, i = head.doc, head.i
    prefix = ""
    while i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_:
        prefix = doc[i - 2].text + "-" + prefix
        i -= 2
    return prefix


def _glued_to_hyphen(token: Token) -> bool:
    """A piece of a hyphenated word ("vice" or "-" of "vice-chancellor")."""
    doc = token.doc
    if token.text == "-":
        return True
    return token.i + 1 < len(doc) and doc[token.i + 1].text == "-" and not token.whitespace_


def _proper_name(head: Token) -> bool:
    """A name, not a title nor a capitalised job ("Director") nor an acronym ("CEO")."""
    return head.pos_ == "PROPN" and head.text not in TITLES and not head.text.isupper() \
        and not head.lower_.endswith(ROLE_ENDINGS)


def _names_employer_token(token: Token) -> bool:
    return token.ent_type_ in AFFILIATION_LABELS or token.lower_ in EMPLOYER_NOUNS


# Prepositions after a role's "of" phrase that name where the job is ("head of
# people at Tandem Labs"), not what it is.
_WHERE = frozenset({"at", "with", "in"})


def _complement(obj: Token) -> list[Token]:
    """The words of a role's "of" phrase, up to a phrase saying where the job
    is ("head of international recruiting at Kessler" -> "international
    recruiting")."""
    cut = [c for c in obj.rights if c.dep_ == "prep" and c.lower_ in _WHERE]
    end = cut[0].i if cut else obj.right_edge.i + 1
    return [t for t in obj.subtree if t.i < end]


def _without_article(ent: Span) -> str:
    """The organisation's name without its article, nor the possessive the
    NER may take into it ("McGill University's law faculty")."""
    words = ent.text.split()
    name = " ".join(words[1:]) if words and words[0].lower() == "the" else ent.text
    return re.sub(r"\s?['’]s$", "", name)
