"""Every entry of the event predicate table (extractors/data/event_predicates.json)
reaches the trigger logic in the forms news writes it: active, passive, future,
reduced relative, bare present of a schedule, and as a noun. Each case is a
sentence written for this test around the K visa (publication Monday
2025-09-29); the negative cases use the same words where no event happened:
guessed at ("could", "may"), denied ("did not"), a plan undone, or, for the
guarded words, about no programme."""

from __future__ import annotations

import json
from datetime import date
from importlib import resources

import pytest

from extractors.event_lexicon import EventLexicon, LexiconError, _parse, event_lexicon
from extractors.models import EventType
from extractors.nlp import FactExtractor
from tests.extractors.conftest import article, facts_of_kind

LEXICON = event_lexicon()
PAST, AHEAD = "2025-09-03", "2025-10-08"  # "on Sept. 3" in a past clause, "on Oct. 8" in a future one

# Verbs whose subject is what happens ("the visa expired"), not who does it.
INTRANSITIVE = frozenset("expire lapse sunset commence cease debut effect effective".split())
# Verbs whose object takes a preposition: "assented to the bill".
PREPOSITIONAL = {"assent": "to"}
# Verbs written both ways in news: "the ministry ended the scheme" and "the scheme ended".
BOTH_WAYS = frozenset("launch start begin open end close stop pause halt freeze shut".split())
# Past tense and participle where they are not the regular -ed form.
IRREGULAR: dict[str, tuple[str, str]] = {
    "begin": ("began", "begun"), "freeze": ("froze", "frozen"), "shut": ("shut", "shut"),
    "withdraw": ("withdrew", "withdrawn"), "sunset": ("sunsetted", "sunsetted"), "bin": ("binned", "binned"),
    "scrap": ("scrapped", "scrapped"), "ban": ("banned", "banned"), "stop": ("stopped", "stopped"),
    "drop": ("dropped", "dropped"), "trial": ("trialled", "trialled"), "okay": ("okayed", "okayed"),
    "ax": ("axed", "axed"),
}
# Verbs tested elsewhere with their own shapes: "replace" names two programmes
# (test_event_forms), "effect" and "effective" only stand in set phrases (below).
OWN_SHAPES = frozenset({"replace", "effect", "effective"})

# Forms the small English model parses so that no rule can read them (a
# hyphenated verb taken apart): kept as known failures, strict, so a better
# parse or rule shows up.
# "stayed" after "newly" is read as the visa staying, which it may.
# Each is a parse, not a missing rule: the words are tagged as something else.
MISPARSED = frozenset({
    "The K visa, rubber-stamped by the ministry on Sept. 3, drew thousands of applicants.",
    "The K visa, newly rubber-stamped on Sept. 3, drew thousands of applicants.",
    "The K visa, newly stayed on Sept. 3, drew thousands of applicants.",
    # rare verbs read as a noun, a name or an adverb after "set to"
    "The K visa is set to commence on Oct. 8.",
    "The ministry is set to authorise the K visa on Oct. 8.",
    "The ministry is set to bin the K visa on Oct. 8.",
    "The ministry is set to trial the K visa on Oct. 8.",
    "The K visa was due to be rubber-stamped on Sept. 3 but the plan was delayed.",
})


def _known(text: str) -> object:
    if text in MISPARSED:
        return pytest.param(text, marks=pytest.mark.xfail(strict=True, reason="misparsed"))
    return text


def _past(verb: str) -> str:
    if verb in IRREGULAR:
        return IRREGULAR[verb][0]
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return verb[:-1] + "ied"  # "notified", "nullified"
    return verb + "d" if verb.endswith("e") else verb + "ed"


def _participle(verb: str) -> str:
    return IRREGULAR[verb][1] if verb in IRREGULAR else _past(verb)


def _gerund(verb: str) -> str:
    past = _past(verb)
    if past.endswith("ed") and len(past) > len(verb) + 2:
        return past[:-2] + "ing"  # "scrapped" -> "scrapping"
    return (verb[:-1] if verb.endswith("e") and not verb.endswith("ee") else verb) + "ing"


def _third(verb: str) -> str:
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "es" if verb.endswith(("s", "sh", "ch", "x", "z")) else verb + "s"


def _events(extractor: FactExtractor, text: str) -> list[tuple[object, ...]]:
    facts = facts_of_kind(extractor.extract(article(text, date(2025, 9, 29))), "event")
    return sorted((e["programme"], e["event_type"], e["date"], e["precision"]) for e in facts)


def _verb_forms(verb: str) -> list[tuple[str, str]]:
    """(sentence, date) in every form the verb's transitivity allows."""
    past, participle = _past(verb), _participle(verb)
    intransitive = [
        (f"The K visa {past} on Sept. 3.", PAST),
        (f"The K visa will {verb} on Oct. 8.", AHEAD),
        (f"The K visa {_third(verb)} on Oct. 8.", AHEAD),
        (f"The K visa is {_gerund(verb)} on Oct. 8.", AHEAD),
        (f"The K visa is set to {verb} on Oct. 8.", AHEAD),
    ]
    transitive = [
        (f"The ministry {past} the K visa on Sept. 3.", PAST),
        (f"The K visa was {participle} on Sept. 3.", PAST),
        (f"The ministry will {verb} the K visa on Oct. 8.", AHEAD),
        (f"The K visa, {participle} by the ministry on Sept. 3, drew thousands of applicants.", PAST),
        (f"The K visa, newly {participle} on Sept. 3, drew thousands of applicants.", PAST),
        (f"The K visa will be {participle} on Oct. 8.", AHEAD),
        (f"The ministry is {_gerund(verb)} the K visa on Oct. 8.", AHEAD),
        (f"The ministry {_third(verb)} the K visa on Oct. 8.", AHEAD),
        (f"The K visa is due to be {participle} on Oct. 8.", AHEAD),
        (f"The ministry is set to {verb} the K visa on Oct. 8.", AHEAD),
    ]
    if verb in PREPOSITIONAL:
        prep = PREPOSITIONAL[verb]
        return [(f"The governor {past} {prep} the K visa bill on Sept. 3.", PAST),
                (f"The governor will {verb} {prep} the K visa bill on Oct. 8.", AHEAD)]
    if verb in INTRANSITIVE:
        return intransitive
    return transitive + intransitive if verb in BOTH_WAYS else transitive


def _verb_cases() -> list[object]:
    table = {**LEXICON.verbs, **LEXICON.object_verbs}
    return [_case(verb, kind, text, when) for verb, kind in sorted(table.items()) if verb not in OWN_SHAPES
            for text, when in _verb_forms(verb)]


def _case(verb: str, kind: EventType, text: str, when: str) -> object:
    if text in MISPARSED:
        return pytest.param(verb, kind, text, when, marks=pytest.mark.xfail(strict=True, reason="misparsed"))
    return (verb, kind, text, when)


@pytest.mark.parametrize(("verb", "kind", "text", "when"), _verb_cases())
def test_every_table_verb_in_every_form(
        extractor: FactExtractor, verb: str, kind: EventType, text: str, when: str) -> None:
    assert _events(extractor, text) == [("K visa", kind, when, "day")]


# One sentence per verb and complement of the table: the test below fails when
# the table gains an entry this list does not show.
COMPLEMENT_SENTENCES: dict[tuple[str, str], tuple[str, str]] = {
    ("set", "out"): ("The ministry set out the K visa rules on Sept. 3.", PAST),
    ("lay", "out"): ("The ministry laid out the K visa on Sept. 3.", PAST),
    ("lay", "before"): ("The K visa rules were laid before Parliament on Sept. 3.", PAST),
    ("spell", "out"): ("The ministry spelled out the K visa rules on Sept. 3.", PAST),
    ("publish", "register"): ("The K visa rule was published in the Federal Register on Sept. 3.", PAST),
    ("publish", "gazette"): ("The K visa rules were published in the official gazette on Sept. 3.", PAST),
    ("publish", "journal"): ("The K visa rules were published in the Official Journal on Sept. 3.", PAST),
    ("roll", "out"): ("The ministry rolled out the K visa on Sept. 3.", PAST),
    ("roll", "back"): ("The ministry rolled back the K visa on Sept. 3.", PAST),
    ("kick", "off"): ("The K visa kicked off on Sept. 3.", PAST),
    ("kick", "in"): ("The K visa rules kick in on Oct. 8.", AHEAD),
    ("go", "live"): ("The K visa went live on Sept. 3.", PAST),
    ("go", "sale"): ("The K visa goes on sale on Oct. 8.", AHEAD),
    ("go", "online"): ("The K visa goes online on Oct. 8.", AHEAD),
    ("go", "effect"): ("The K visa rules went into effect on Sept. 3.", PAST),
    ("go", "force"): ("The K visa rules go into force on Oct. 8.", AHEAD),
    ("go", "operation"): ("The K visa rules went into operation on Sept. 3.", PAST),
    ("come", "being"): ("The K visa came into being on Sept. 3.", PAST),
    ("come", "online"): ("The K visa came online on Sept. 3.", PAST),
    ("come", "effect"): ("The K visa rules came into effect on Sept. 3.", PAST),
    ("come", "force"): ("The K visa rules come into force on Oct. 8.", AHEAD),
    ("come", "operation"): ("The K visa rules came into operation on Sept. 3.", PAST),
    ("come", "end"): ("The K visa came to an end on Sept. 3.", PAST),
    ("be", "live"): ("The K visa is live from Oct. 8.", AHEAD),
    ("be", "effective"): ("The K visa rules are effective Oct. 8.", AHEAD),
    ("bring", "in"): ("The ministry brought in the K visa on Sept. 3.", PAST),
    ("bring", "force"): ("The ministry brought the K visa rules into force on Sept. 3.", PAST),
    ("bring", "effect"): ("The ministry brought the K visa rules into effect on Sept. 3.", PAST),
    ("bring", "operation"): ("The ministry brought the K visa rules into operation on Sept. 3.", PAST),
    ("bring", "end"): ("The ministry brought the K visa to an end on Sept. 3.", PAST),
    ("get", "underway"): ("The K visa got underway on Sept. 3.", PAST),
    ("take", "effect"): ("The K visa rules took effect on Sept. 3.", PAST),
    ("enter", "effect"): ("The K visa rules entered into effect on Sept. 3.", PAST),
    ("enter", "force"): ("The K visa rules entered into force on Sept. 3.", PAST),
    ("enter", "operation"): ("The K visa rules entered into operation on Sept. 3.", PAST),
    ("become", "effective"): ("The K visa rules became effective on Sept. 3.", PAST),
    ("become", "operative"): ("The K visa rules became operative on Sept. 3.", PAST),
    ("become", "operational"): ("The K visa became operational on Sept. 3.", PAST),
    ("become", "mandatory"): ("The K visa rules became mandatory on Sept. 3.", PAST),
    ("become", "law"): ("The K visa bill became law on Sept. 3.", PAST),
    ("phase", "in"): ("The K visa rules will be phased in on Oct. 8.", AHEAD),
    ("phase", "out"): ("The ministry phased out the K visa on Sept. 3.", PAST),
    ("receive", "assent"): ("The K visa bill received royal assent on Sept. 3.", PAST),
    ("give", "assent"): ("The governor gave assent to the K visa bill on Sept. 3.", PAST),
    ("grant", "assent"): ("The K visa bill was granted royal assent on Sept. 3.", PAST),
    ("put", "hold"): ("The ministry put the K visa on hold on Sept. 3.", PAST),
    ("put", "ice"): ("The ministry put the K visa on ice on Sept. 3.", PAST),
    ("put", "forward"): ("The ministry put forward the K visa on Sept. 3.", PAST),
    ("put", "end"): ("The ministry put an end to the K visa on Sept. 3.", PAST),
    ("place", "hold"): ("The ministry placed the K visa on hold on Sept. 3.", PAST),
    ("wind", "down"): ("The ministry wound down the K visa on Sept. 3.", PAST),
    ("wind", "up"): ("The ministry wound up the K visa on Sept. 3.", PAST),
    ("strike", "down"): ("A court struck down the K visa rules on Sept. 3.", PAST),
    ("do", "away"): ("The ministry did away with the K visa on Sept. 3.", PAST),
    ("put", "effect"): ("The ministry put the K visa rules into effect on Sept. 3.", PAST),
    ("put", "force"): ("The ministry put the K visa rules into force on Sept. 3.", PAST),
    ("stand", "up"): ("The ministry stood up the K visa on Sept. 3.", PAST),
    ("impose", "moratorium"): ("The ministry imposed a moratorium on the K visa on Sept. 3.", PAST),
    ("impose", "freeze"): ("The ministry imposed a freeze on the K visa on Sept. 3.", PAST),
    ("impose", "pause"): ("The ministry imposed a pause on the K visa on Sept. 3.", PAST),
    ("impose", "ban"): ("The ministry imposed a ban on the K visa on Sept. 3.", PAST),
    ("impose", "suspension"): ("The ministry imposed a suspension of the K visa on Sept. 3.", PAST),
    ("impose", "halt"): ("The ministry imposed a halt on the K visa on Sept. 3.", PAST),
    ("order", "pause"): ("The president ordered a pause on the K visa on Sept. 3.", PAST),
    ("order", "halt"): ("The president ordered a halt to the K visa on Sept. 3.", PAST),
    ("order", "suspension"): ("The president ordered the suspension of the K visa on Sept. 3.", PAST),
    ("order", "freeze"): ("The president ordered a freeze on the K visa on Sept. 3.", PAST),
    ("order", "moratorium"): ("The president ordered a moratorium on the K visa on Sept. 3.", PAST),
    ("put", "freeze"): ("The ministry put a freeze on the K visa on Sept. 3.", PAST),
    ("put", "pause"): ("The ministry put a pause on the K visa on Sept. 3.", PAST),
    ("put", "moratorium"): ("The ministry put a moratorium on the K visa on Sept. 3.", PAST),
    ("put", "stop"): ("The ministry put a stop to the K visa on Sept. 3.", PAST),
    ("call", "halt"): ("The ministry called a halt to the K visa on Sept. 3.", PAST),
    ("call", "time"): ("The ministry called time on the K visa on Sept. 3.", PAST),
    ("pull", "plug"): ("The ministry pulled the plug on the K visa on Sept. 3.", PAST),
    ("give", "light"): ("The cabinet gave the green light to the K visa on Sept. 3.", PAST),
}


def _complement_cases() -> list[tuple[str, str, EventType]]:
    return [(verb, word, kind) for verb, words in sorted(LEXICON.complements.items())
            for word, kind in sorted(words.items())]


# The same complements in the other voice or tense.
COMPLEMENT_FORMS: dict[tuple[str, str], tuple[str, str]] = {
    ("set", "out"): ("The K visa rules were set out on Sept. 3.", PAST),
    ("lay", "out"): ("The K visa was laid out by the ministry on Sept. 3.", PAST),
    ("lay", "before"): ("The ministry will lay the K visa rules before Parliament on Oct. 8.", AHEAD),
    ("publish", "register"): ("The K visa rule will be published in the Federal Register on Oct. 8.", AHEAD),
    ("roll", "out"): ("The K visa was rolled out on Sept. 3.", PAST),
    ("roll", "back"): ("The K visa will be rolled back on Oct. 8.", AHEAD),
    ("kick", "off"): ("The K visa will kick off on Oct. 8.", AHEAD),
    ("kick", "in"): ("The K visa rules kicked in on Sept. 3.", PAST),
    ("go", "live"): ("The K visa will go live on Oct. 8.", AHEAD),
    ("go", "effect"): ("The K visa rules will go into effect on Oct. 8.", AHEAD),
    ("come", "force"): ("The K visa rules came into force on Sept. 3.", PAST),
    ("come", "effect"): ("The K visa rules are set to come into effect on Oct. 8.", AHEAD),
    ("take", "effect"): ("The K visa rules will take effect on Oct. 8.", AHEAD),
    ("enter", "force"): ("The K visa rules will enter into force on Oct. 8.", AHEAD),
    ("phase", "out"): ("The K visa will be phased out on Oct. 8.", AHEAD),
    ("phase", "in"): ("The K visa rules were phased in on Sept. 3.", PAST),
    ("put", "hold"): ("The K visa was put on hold on Sept. 3.", PAST),
    ("place", "hold"): ("The K visa was placed on hold on Sept. 3.", PAST),
    ("wind", "down"): ("The K visa will be wound down on Oct. 8.", AHEAD),
    ("strike", "down"): ("The K visa rules were struck down on Sept. 3.", PAST),
    ("bring", "in"): ("The K visa was brought in on Sept. 3.", PAST),
    ("bring", "force"): ("The K visa rules were brought into force on Sept. 3.", PAST),
    ("become", "effective"): ("The K visa rules will become effective on Oct. 8.", AHEAD),
    ("receive", "assent"): ("The K visa bill will receive royal assent on Oct. 8.", AHEAD),
    ("put", "forward"): ("The K visa was put forward by the ministry on Sept. 3.", PAST),
    ("stand", "up"): ("The K visa was stood up on Sept. 3.", PAST),
}


@pytest.mark.parametrize(("verb", "word"), sorted(COMPLEMENT_FORMS))
def test_table_complements_in_another_voice_or_tense(extractor: FactExtractor, verb: str, word: str) -> None:
    text, when = COMPLEMENT_FORMS[(verb, word)]
    assert _events(extractor, text) == [("K visa", LEXICON.complements[verb][word], when, "day")]


@pytest.mark.parametrize(("verb", "word", "kind"), _complement_cases())
def test_every_table_complement(extractor: FactExtractor, verb: str, word: str, kind: EventType) -> None:
    text, when = COMPLEMENT_SENTENCES[(verb, word)]
    assert _events(extractor, text) == [("K visa", kind, when, "day")]


def _noun_cases() -> list[tuple[str, EventType, str]]:
    table = {**LEXICON.nouns, **LEXICON.programme_nouns}
    return [(noun, kind, text) for noun, kind in sorted(table.items()) for text in (
        f"The K visa's {noun} on Sept. 3 drew crowds.",
        f"The {noun} of the K visa on Sept. 3 drew crowds.",
    )]


@pytest.mark.parametrize(("noun", "kind", "text"), _noun_cases())
def test_every_table_noun(extractor: FactExtractor, noun: str, kind: EventType, text: str) -> None:
    assert _events(extractor, text) == [("K visa", kind, PAST, "day")]


@pytest.mark.parametrize(("noun", "kind"), sorted({**LEXICON.nouns, **LEXICON.programme_nouns}.items()))
def test_every_table_noun_owned_by_its_month(extractor: FactExtractor, noun: str, kind: EventType) -> None:
    text = f"Last month's {noun} of the K visa drew crowds."
    assert _events(extractor, text) == [("K visa", kind, "2025-08", "month")]


@pytest.mark.parametrize(("head", "rest", "kind"), [
    (head, rest, kind) for head, rests in sorted(LEXICON.noun_phrases.items())
    for rest, kind in rests.items()])
def test_every_table_noun_phrase(extractor: FactExtractor, head: str, rest: str, kind: EventType) -> None:
    text = f"The K visa rule's {head} {rest} on Sept. 3 drew crowds."
    assert _events(extractor, text) == [("K visa", kind, PAST, "day")]


def _a(word: str) -> str:
    return f"an {word}" if word[0] in "aeiou" else f"a {word}"


@pytest.mark.parametrize(("modifier", "kind", "text"), [
    (modifier, kind, text) for modifier, kind in sorted(LEXICON.date_modifiers.items()) for text in (
        f"The K visa has {_a(modifier)} date of Oct. 8.", f"The K visa's {modifier} date is Oct. 8.")])
def test_every_table_date_modifier(
        extractor: FactExtractor, modifier: str, kind: EventType, text: str) -> None:
    assert _events(extractor, text) == [("K visa", kind, AHEAD, "day")]


@pytest.mark.parametrize("text", [
    text for modifier in sorted(LEXICON.date_modifiers) for text in (
        f"The K visa could have {_a(modifier)} date of Oct. 8.",
        f"Her K visa has {_a(modifier)} date of Oct. 8.",
        f"The K visa has a new date of Oct. 8 for its {modifier} ceremony.")])
def test_a_date_modifier_of_no_event_names_none(extractor: FactExtractor, text: str) -> None:
    assert _events(extractor, text) == []


def _unreal_forms(verb: str) -> list[str]:
    """The verb where its event is guessed at, denied or undone."""
    participle = _participle(verb)
    if verb in PREPOSITIONAL:
        prep = PREPOSITIONAL[verb]
        return [f"The governor could {verb} {prep} the K visa bill on Oct. 8.",
                f"The governor did not {verb} {prep} the K visa bill on Sept. 3."]
    if verb in INTRANSITIVE:
        return [f"The K visa could {verb} on Oct. 8.", f"The K visa may {verb} on Oct. 8.",
                f"The K visa did not {verb} on Sept. 3."]
    return [f"The ministry could {verb} the K visa on Oct. 8.", f"The K visa may be {participle} on Oct. 8.",
            f"The ministry did not {verb} the K visa on Sept. 3.",
            f"The K visa was due to be {participle} on Sept. 3 but the plan was delayed."]


@pytest.mark.parametrize("text", [
    _known(text) for verb in sorted({**LEXICON.verbs, **LEXICON.object_verbs}) if verb not in OWN_SHAPES
    for text in _unreal_forms(verb)])
def test_a_table_verb_of_an_event_that_did_not_happen_names_none(extractor: FactExtractor, text: str) -> None:
    assert _events(extractor, text) == []


@pytest.mark.parametrize("verb", sorted(LEXICON.object_verbs))
def test_a_guarded_verb_about_no_programme_names_none(extractor: FactExtractor, verb: str) -> None:
    text = f"The ministry {_past(verb)} the old timetable on Sept. 3, officials of the K visa office said."
    assert [e for e in _events(extractor, text) if e[2] == PAST] == []


@pytest.mark.parametrize("verb", sorted(LEXICON.object_verbs))
def test_a_guarded_verb_whose_object_only_mentions_a_programme_names_none(
        extractor: FactExtractor, verb: str) -> None:
    text = f"The government {_past(verb)} the agency that runs the K visa on Sept. 3."
    assert _events(extractor, text) == []


@pytest.mark.parametrize("noun", sorted(LEXICON.programme_nouns))
def test_a_guarded_noun_about_no_programme_names_none(extractor: FactExtractor, noun: str) -> None:
    text = f"The ministry's {noun} on Sept. 3 surprised officials, who also run the K visa."
    assert _events(extractor, text) == []


# Each complement verb without its complement, beside a programme: no event.
WITHOUT_COMPLEMENT: dict[str, str] = {
    "be": "The K visa office was busy on Sept. 3.",
    "become": "The K visa office became busy on Sept. 3.",
    "bring": "Applicants brought K visa forms to the embassy on Sept. 3.",
    "come": "Applicants came to the K visa office on Sept. 3.",
    "do": "The ministry did the K visa paperwork on Sept. 3.",
    "enter": "Officials entered the K visa office on Sept. 3.",
    "get": "Applicants got K visa forms on Sept. 3.",
    "give": "The ministry gave a briefing on the K visa on Sept. 3.",
    "go": "Officials went to the K visa office on Sept. 3.",
    "grant": "The ministry granted an interview about the K visa on Sept. 3.",
    "kick": "Protesters kicked the K visa office door on Sept. 3.",
    "lay": "Officials laid a wreath near the K visa office on Sept. 3.",
    "phase": "Officials discussed the first phase of the K visa on Sept. 3.",
    "place": "Officials placed an advert for the K visa on Sept. 3.",
    "publish": "A newspaper published an interview about the K visa on Sept. 3.",
    "put": "Officials put K visa leaflets in the lobby on Sept. 3.",
    "receive": "The ministry received K visa questions on Sept. 3.",
    "roll": "Officials rolled a banner about the K visa on Sept. 3.",
    "set": "Officials set the K visa forms on the table on Sept. 3.",
    "spell": "Officials spelled the K visa name wrongly on Sept. 3.",
    "stand": "Officials stood near the K visa office on Sept. 3.",
    "strike": "Workers at the K visa office struck on Sept. 3.",
    "take": "Applicants took K visa forms on Sept. 3.",
    "wind": "A queue wound around the K visa office on Sept. 3.",
    "impose": "The ministry imposed new checks on K visa applicants on Sept. 3.",
    "order": "The ministry ordered new K visa forms on Sept. 3.",
    "call": "The ministry called K visa applicants on Sept. 3.",
    "pull": "Officials pulled K visa files on Sept. 3.",
}


@pytest.mark.parametrize("verb", sorted(LEXICON.complements))
def test_a_complement_verb_without_its_complement_names_none(extractor: FactExtractor, verb: str) -> None:
    assert _events(extractor, WITHOUT_COMPLEMENT[verb]) == []


# One sentence shape per verb class, with the object its rule needs: {past},
# {participle} and {verb} stand for the verb's forms.
CLASS_SENTENCES: dict[str, tuple[str, EventType, str]] = {
    "price_change": ("The ministry will {verb} the K visa fee on Oct. 8.", "takes_effect", AHEAD),
    "imposing": ("The ministry {past} the K visa fee on Sept. 3.", "takes_effect", PAST),
    "creating": ("The ministry {past} the K visa on Sept. 3.", "launched", PAST),
    "first_issued": ("The first K visas were {participle} on Sept. 3.", "launched", PAST),
    "tabling": ("Lawmakers {past} the K visa bill on Sept. 3.", "proposed", PAST),
    "outlining": ("The ministry {past} its plans for the K visa on Sept. 3.", "announced", PAST),
    "issuing": ("The ministry {past} a final K visa rule on Sept. 3.", "announced", PAST),
    "rule_change": ("The ministry {past} the K visa rules on Sept. 3.", "takes_effect", PAST),
    "quota_change": ("The ministry {past} the K visa quota on Sept. 3.", "takes_effect", PAST),
}
# Verbs of a price that go without an object of their own ("the fee rises"),
# and the issuing verbs that make any rule final.
_BY_ITSELF = frozenset("rise climb jump fall".split())
_MAKE_FINAL = frozenset({"approve", "adopt"})


def _class_cases() -> list[tuple[str, str, EventType, str]]:
    cases = []
    for name, verb_class in sorted(LEXICON.verb_classes.items()):
        _, kind, when = CLASS_SENTENCES[name]
        for verb in sorted(verb_class.verbs):
            if verb in _BY_ITSELF:
                template = "The K visa fee will {verb} on Oct. 8."
            elif name == "issuing" and verb in _MAKE_FINAL:
                template = "The cabinet {past} the K visa rules on Sept. 3."
            else:
                template = CLASS_SENTENCES[name][0]
            text = template.format(verb=verb, past=_past(verb), participle=_participle(verb))
            cases.append((name, text, kind, when))
    cases += [("issuing", f"The ministry {_past(v)} a proposed K visa rule on Sept. 3.", "proposed", PAST)
              for v in sorted(LEXICON.verb_classes["issuing"].verbs - _MAKE_FINAL)]
    return cases


@pytest.mark.parametrize(("name", "text", "kind", "when"), _class_cases())
def test_every_verb_of_a_class_with_its_object(
        extractor: FactExtractor, name: str, text: str, kind: EventType, when: str) -> None:
    assert _events(extractor, text) == [("K visa", kind, when, "day")]


def test_every_complement_has_a_sentence() -> None:
    assert sorted(COMPLEMENT_SENTENCES) == sorted((v, w) for v, ws in LEXICON.complements.items() for w in ws)


def _raw() -> dict[str, object]:
    text = resources.files("extractors").joinpath("data/event_predicates.json").read_text("utf-8")
    raw: dict[str, object] = json.loads(text)
    return raw


def test_the_table_covers_all_seven_types_with_a_source_note() -> None:
    raw = _raw()
    types = raw["types"]
    assert isinstance(types, dict) and isinstance(raw["note"], str)
    assert sorted(types) == sorted(EventType.__args__)  # type: ignore[attr-defined]
    assert all(entry["frames"] and entry["verbs"] and entry["nouns"] for entry in types.values())


def test_a_lemma_with_two_types_is_refused() -> None:
    raw = _raw()
    types = raw["types"]
    assert isinstance(types, dict)
    types["ended"]["verbs"].append("launch")
    with pytest.raises(LexiconError, match="launch"):
        _parse(raw)


def test_a_verb_in_two_roles_is_refused() -> None:
    raw = _raw()
    types = raw["types"]
    assert isinstance(types, dict)
    types["launched"]["verbs_with_object"].append("launch")
    with pytest.raises(LexiconError, match="two roles"):
        _parse(raw)


def test_the_lexicon_answers_by_role() -> None:
    lexicon: EventLexicon = LEXICON
    assert lexicon.verb_type("roll") == "launched" and lexicon.complements["roll"]["back"] == "ended"
    assert lexicon.verb_type("retire") == "ended" and lexicon.noun_type("moratorium") == "suspended"
    assert lexicon.verb_type("walk") is None and lexicon.noun_type("walk") is None
