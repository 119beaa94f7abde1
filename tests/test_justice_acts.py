"""Acts of police, prosecutors and courts told of the person acted on, verdicts and scornful
dismissals, and speech acts done on an occasion (issue 10, recall on real news).

The guideline (datasets/realnews/GUIDELINE.md) codes an arrest, a charge, an accusation of a crime,
a release on bail and a verdict whoever the sentence names: private persons count as targets of state
action. The rules used to keep these only when told in the passive with no agent; they now keep
them told as a participle ("a man charged with ..."), with an agent the knowledge base lacks ("by
the Highway Patrol"), as a noun of the person ("Mr Hale's arrest", "in jail on charges of fraud")
and in a sports story; a sentence to prison is COERCE, as the guideline's hard cases code it.
"Dismissed X as Y" is criticism (ACCUSE); "went on to accuse", "took to the
airwaves to criticise" and "had to apologise" are acts done, not plans or duties.

Every sentence is written for this test (none is copied from an evaluation set). They run on the
rules alone (``Coder(learned=False)``), as tests/test_recall_rules.py does.
"""

from __future__ import annotations

import pytest

from chronicle.knowledge.acts import state_action, state_action_preps, state_noun

pytestmark = pytest.mark.model


def coded(rules, text: str) -> list[tuple[str, str, str, list[str], list[str]]]:
    return [(e.event_type, e.factuality, e.trigger.text, [a.text for a in e.source], [a.text for a in e.target])
            for e in rules.code(text, published="2016-05-10")]


def actual_types(rules, text: str) -> set[str]:
    return {event_type for event_type, factuality, *_ in coded(rules, text) if factuality == "actual"}


@pytest.mark.parametrize("text, event_type, trigger, target", [
    ("Mr Dawson is accused of stealing public funds from the council.", "ACCUSE", "accused", "Mr Dawson"),
    ("A man charged with setting fire to a mosque appeared in court on Monday.", "ACCUSE", "charged", "A man"),
    ("The striker was arrested by the Highway Patrol after the crash.", "COERCE", "arrested", "The striker"),
    ("Mr Smith was released on bail on Tuesday.", "RETREAT", "released", "Mr Smith"),
    ("Mr Rowe is accused of killing his landlord by poisoning his tea.", "ACCUSE", "accused", "Mr Rowe"),
    ("Officers described Mr Hale's arrest as peaceful.", "COERCE", "arrest", "Mr Hale's"),
    ("Mr Quinn remains in jail on charges of fraud.", "ACCUSE", "charges", "Mr Quinn"),
    ("Ms Ortega was found guilty of poisoning three patients.", "ACCUSE", "found", "Ms Ortega"),
    ("Mr Lowe was sentenced to nine years in prison on Friday.", "COERCE", "sentenced", "Mr Lowe"),
])
def test_justice_acts_on_people_are_coded(rules, text, event_type, trigger, target):
    found = [e for e in coded(rules, text) if e[0] == event_type and e[1] == "actual"]
    assert found, coded(rules, text)
    _, _, word, _, targets = found[0]
    assert word == trigger and target in targets, found


def test_person_of_an_arrest_noun_is_its_target_not_its_source(rules):
    event = next(e for e in coded(rules, "Officers described Mr Hale's arrest as peaceful.") if e[0] == "COERCE")
    assert event[3] == [] and event[4] == ["Mr Hale's"], event


@pytest.mark.parametrize("text, event_type", [
    ("The manager took charge of the club in 2003.", "ACCUSE"),     # a role, not a charge
    ("Ranieri was in charge of the team for two seasons.", "ACCUSE"),
    ("The film was released on Friday in cinemas.", "RETREAT"),      # a product, on a day
    ("The singer was released from hospital on Monday.", "RETREAT"),
    ("The detectives found Mr Kowalski at his home.", "ACCUSE"),     # found a person, no verdict
])
def test_other_senses_of_justice_words_are_not_coded(rules, text, event_type):
    assert event_type not in actual_types(rules, text), coded(rules, text)


def test_dismissing_something_as_worthless_is_criticism(rules):
    assert "ACCUSE" in actual_types(rules, "Labour dismissed the Conservative transport plan as a gimmick.")


@pytest.mark.parametrize("text", [
    "Tony Blair dismissed the Conservative report.",
    "The Conservatives dismissed the Labour offer as a stunt.",
])
def test_a_plain_dismissal_or_an_offer_dismissed_stays_a_rejection(rules, text):
    assert "ACCUSE" not in actual_types(rules, text), coded(rules, text)


@pytest.mark.parametrize("text, event_type", [
    ("Tony Blair went on to accuse the Conservatives of scaremongering.", "ACCUSE"),
    ("Michael Howard took to the airwaves to criticise Tony Blair.", "ACCUSE"),
    ("Tony Blair had to apologise to Gordon Brown.", "SUPPORT"),
])
def test_speech_acts_done_on_an_occasion_are_actual(rules, text, event_type):
    assert event_type in actual_types(rules, text), coded(rules, text)


def test_a_trip_to_meet_someone_later_stays_future(rules):
    found = [e for e in coded(rules, "Tony Blair will go to Paris to meet Jacques Chirac.") if e[0] == "CONSULT"]
    assert found and all(e[1] == "future" for e in found), found


def test_state_action_tables():
    assert state_action("116", "find") and state_action(None, "accuse") and not state_action("112", "criticise")
    assert state_noun("173", "arrest") and state_noun("1121", "charge") and not state_noun("0841", "release")
    assert "on bail" in state_action_preps("release") and "on" not in state_action_preps("release")


def test_an_arrest_in_a_sports_story_is_still_the_states(rules):
    """A country or club in a sports story is a team, but only the police arrest a player."""
    story = ("Rovers lost the league match 2-1 on Saturday and slipped to fourth in the table. The coach "
             "said the season was not over. Striker Dan Tully was arrested on suspicion of assault on Sunday night.")
    found = [e for e in rules.code(story, published="2016-05-10") if e.event_type == "COERCE"]
    assert found and any("Dan Tully" in a.text for e in found for a in e.target), found
