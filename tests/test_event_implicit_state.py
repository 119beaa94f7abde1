"""Arrests, charges and convictions told in the passive with no agent are the state's acts
(``chronicle.stages.events.arguments.implicit_state``): in a story clearly of one country, the
source is that country's state, unnamed (an empty span at the verb, method ``implicit:state``), as
PLOVER and the project's guideline code them. New short articles written for these tests.
"""

from __future__ import annotations

import pytest

from tests.coding import events_of

LEEDS = "Police in Leeds, West Yorkshire, are investigating a burglary at a jeweller.\n\n"


def typed(events, event_type: str):
    return [e for e in events if e.event_type == event_type]


@pytest.mark.model
@pytest.mark.parametrize("text, event_type, country", [
    (LEEDS + "Two men were arrested on Friday night.", "COERCE", "GBR"),
    ("Gardai are searching a farm near Cork, Ireland.\n\nDoyle was charged with murder on Monday.",
     "ACCUSE", "IRL"),
])
def test_an_agentless_passive_arrest_or_charge_is_the_story_state_s_act(coder, text, event_type, country):
    (event,) = typed(events_of(coder, text), event_type)
    (state,) = event.source
    assert (state.text, state.country, state.sector) == ("", country, None)
    assert state.method.startswith("implicit:state") and state.start == state.end
    assert text[state.start:].startswith(event.trigger.text)


@pytest.mark.model
def test_an_arrest_with_its_agent_named_keeps_that_agent(coder):
    (event,) = typed(events_of(coder, LEEDS + "Two men were arrested by police on Friday night."), "COERCE")
    assert [a.text for a in event.source] == ["police"]


@pytest.mark.model
def test_a_sentence_naming_another_country_gives_no_implicit_state(coder):
    text = ("Police in Perth, Western Australia, are questioning travellers at the airport.\n\n"
            "A man who had flown in from Indonesia was arrested on Friday.")
    events = typed(events_of(coder, text), "COERCE")
    assert not any(a.method.startswith("implicit:") for e in events for a in e.source)


@pytest.mark.model
def test_another_sense_of_a_state_verb_gets_no_implicit_state(coder):
    text = "Leinster beat Munster in Dublin, Ireland.\n\nThe kick was charged down by nobody in particular."
    assert not any(a.method.startswith("implicit:") for e in events_of(coder, text) for a in e.source)


@pytest.mark.model
def test_a_by_phrase_inside_a_passive_verb_s_phrase_names_its_doer(coder):
    text = "Two soldiers were killed in an ambush by Taliban fighters in Helmand, Afghanistan."
    killed = [e for e in events_of(coder, text) if e.trigger.text == "killed"]
    assert killed and [a.text for a in killed[0].source] == ["Taliban fighters"]


@pytest.mark.model
def test_the_implicit_state_leaves_the_people_arrested_as_the_target(coder):
    (event,) = typed(events_of(coder, "Two men were arrested in Leicester on Tuesday."), "COERCE")
    assert [a.text for a in event.target] == ["Two men"]
    assert [(a.country, a.method) for a in event.source] == [("GBR", "implicit:state+story-country")]


TWO_COUNTRIES = ("Canada and the United States have both struggled with the sect for years.\n\n")


@pytest.mark.model
@pytest.mark.parametrize("sentence, event_type, country", [
    ("Two leaders of the sect in British Columbia have been charged with practising polygamy.", "ACCUSE", "CAN"),
    ("In Utah, its leader has been convicted of rape.", "ACCUSE", "USA"),
])
def test_in_a_story_of_two_countries_the_place_of_the_sentence_gives_the_state(coder, sentence, event_type, country):
    """A story of no one country gives no story state; the one country the sentence's places name
    does (``arguments.acting_state_country``): the courts that charge people there are its own."""
    (event,) = typed(events_of(coder, TWO_COUNTRIES + sentence), event_type)
    (state,) = event.source
    assert (state.text, state.country) == ("", country)


@pytest.mark.model
def test_in_a_story_of_two_countries_a_sentence_of_no_place_or_two_gives_no_state(coder):
    text = TWO_COUNTRIES + ("Two members were charged with fraud. "
                            "One member was charged with fraud in Utah and British Columbia.")
    events = typed(events_of(coder, text), "ACCUSE")
    assert events
    for event in events:
        assert not [a for a in event.source if a.method.startswith("implicit:state")]
