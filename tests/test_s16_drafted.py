"""Triggers that found no actor and so made no draft (session 16): a person pronoun held by the
state with no antecedent the actors stage could name ("He was arrested and remained in custody",
``arguments._held_person``), and people told as a number or part of a group ("one of my sons was
killed", "three of the men were arrested", ``events._quantified_noun``). New short articles written
for these tests.
"""

from __future__ import annotations

import pytest

from tests.coding import events_of

OHIO = "Police in Dayton, Ohio, are looking into a break-in at a pharmacy.\n\n"
UK = "The row over the new bypass in Leicester, England, deepened on Tuesday.\n\n"


def actual(events, event_type: str):
    return [e for e in events if e.event_type == event_type and e.factuality == "actual"]


@pytest.mark.model
@pytest.mark.parametrize("sentence, trigger", [
    ("He was detained at the airport and remained in custody overnight.", "detained"),
    ("She was sentenced to four years in prison on Friday.", "sentenced"),
])
def test_a_person_pronoun_held_by_the_state_is_the_story_state_s_act(coder, sentence, trigger):
    (event,) = [e for e in actual(events_of(coder, OHIO + sentence), "COERCE") if e.trigger.text == trigger]
    (state,) = event.source
    assert (state.text, state.country) == ("", "USA") and state.method.startswith("implicit:state")
    assert [(a.text, a.country) for a in event.target] == [(sentence.split()[0], "USA")]


@pytest.mark.model
@pytest.mark.parametrize("sentence", [
    "If he is arrested, the scheme will collapse.",  # not told as done
    "They were found guilty of fraud on Friday.",  # a verdict on "they": still no act of its own
    "He faces charges of theft.",
])
def test_no_held_pronoun_act_beyond_arrest_and_sentence(coder, sentence):
    events = events_of(coder, UK + sentence)
    assert not actual(events, "COERCE") and not actual(events, "ACCUSE")


@pytest.mark.model
def test_a_held_pronoun_in_a_sentence_of_another_country_gives_no_state(coder):
    events = events_of(coder, UK + "He was arrested in Lyon, France, on a warrant.")
    assert all(s.country != "GBR" for e in actual(events, "COERCE") for s in e.source)


@pytest.mark.model
@pytest.mark.parametrize("sentence, event_type, target", [
    ("Her cousin said one of her brothers was stabbed outside a bar.", "ASSAULT", "one of her brothers"),
    ("Detectives said three of the drivers were arrested on Sunday.", "COERCE", "three of the drivers"),
    ("Prosecutors said one of her neighbours was charged with extortion.", "ACCUSE", "one of her neighbours"),
])
def test_people_told_by_number_or_part_are_the_target(coder, sentence, event_type, target):
    events = actual(events_of(coder, OHIO + sentence), event_type)
    assert any(a.text == target and a.country == "USA" for e in events for a in e.target), events


@pytest.mark.model
def test_part_of_a_thing_is_no_one(coder):
    events = events_of(coder, OHIO + "Officials said one of the proposals was rejected.")
    assert not [a for e in events for a in e.target if a.text.startswith("one of")]
