"""One person per name: the mentions of an article merged into people.

A surname alone joins the full name introduced earlier ("Feller" ->
"Michael Feller"); a surname the article never gives in full is a person of
its own only with a title or as a speaker; untagged mentions of a known
person are added so that a pronoun after them finds the person.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from extractors.components.affiliations import EMPLOYER_NOUNS
from extractors.components.common import (
    SPEECH_LEMMAS,
    text_of,
)
from extractors.components.gender import Gender
from extractors.components.person_index import PersonRecord, is_name_part, last_mention
from extractors.components.person_mentions import described_person, mention_speaks
from extractors.components.roles import TITLES


def merge_mentions(mentions: list[Span], names: dict[str, Gender]) -> list[PersonRecord]:
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
        owner = owner_of(span.text, list(records.values()), span.start_char)
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
        first = spans[0]
        given = _given_name_before(first.doc, word, names)
        speaks = any(mention_speaks(s) for s in spans)
        # A surname that speaks once, after the article wrote the full name
        # the NER missed ("Director General of Immigration Budi Santoso told
        # ... Santoso said"), is that person too.
        in_full = given is not None and given.idx < first.start_char
        # '“...,” said Ahmed, a driver from Lahore': one name, introduced with a
        # job or an age, that speaks is a person known by that name.
        described = any(described_person(s) for s in spans)
        named = any(_titled(s) for s in spans) or (speaks and (len(spans) >= 2 or in_full or described))
        if word.isupper() or not named or not _mostly_a_person(word, spans):
            continue
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


def add_unlabelled_mentions(doc: Doc, records: list[PersonRecord]) -> None:
    """'Watanabe said ... He added': the NER tags a surname once and misses it
    the next time; a proper noun that is one person's surname (or given name)
    and stands in no other entity is a mention of that person, so that a
    pronoun after it finds its person."""
    taken = {i for r in records for s, e in r.mentions for i in range(s, e)}
    for token in doc:
        if token.pos_ != "PROPN" or token.idx in taken or token.ent_type_ in {"ORG", "GPE", "FAC", "LOC"}:
            continue
        # "the Houston firm Alvarez Grant": a surname inside a firm's name,
        # last word or not ("the law firm Wexler Huang who ...").
        following = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if _after_employer_noun(token) or (
                following is not None and following.pos_ == "PROPN" and following.text[:1].isupper()):
            continue
        owner = owner_of(token.text, records, token.idx)
        if owner is not None:
            owner.mentions.append((token.idx, token.idx + len(token)))


def _after_employer_noun(token: Token) -> bool:
    """The token ends a run of capitalised proper nouns right after an
    employer noun ("the law firm Wexler Huang")."""
    doc = token.doc
    i = token.i - 1
    while i >= 0 and doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper():
        i -= 1
    return i >= 0 and doc[i].lower_ in EMPLOYER_NOUNS


def _same_person(a: str, b: str) -> bool:
    """'Michael Feller' and 'Michael J. Feller', or 'Kathleen Hawk Sawyer' and
    'Hawk Sawyer' (a double surname written alone)."""
    pa, pb = a.split(), b.split()
    shorter, longer = sorted((pa, pb), key=len)
    return (pa[0] == pb[0] and pa[-1] == pb[-1]) or (len(shorter) >= 2 and longer[-len(shorter):] == shorter)


def owner_of(word: str, records: list[PersonRecord], at: int) -> PersonRecord | None:
    """The person a lone word names: the only one with that surname (else that
    given name); of two with the same surname, the one named last before."""
    owners = [r for r in records if r.parts[-1] == word] or [r for r in records if r.parts[0] == word]
    if len(owners) <= 1:
        return owners[0] if owners else None
    before = [(last_mention(r, at), r) for r in owners]
    latest = max(before, key=lambda hit: hit[0])
    return latest[1] if latest[0] >= 0 else None
