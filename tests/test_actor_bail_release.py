"""A release told in the passive with no agent ("was released on bail") is the state's act, like an
arrest (``chronicle.stages.events.arguments.implicit_state``): the sense needs its preposition with
its object ("on bail", "without charge"), so "released on Friday" is not read as one. New short
articles written for these tests.
"""

from __future__ import annotations

import pytest

from tests.coding import events_of

LEEDS = "Police in Leeds, West Yorkshire, are investigating a burglary at a jeweller.\n\n"


def released(events):
    return [e for e in events if e.trigger.text == "released"]


@pytest.mark.model
@pytest.mark.parametrize("sentence", [
    "The two men were released on bail on Saturday.",
    "The woman was released without charge late on Sunday.",
])
def test_a_passive_release_on_bail_is_the_story_state_s_act(coder, sentence):
    (event,) = released(events_of(coder, LEEDS + sentence))
    assert [(a.text, a.country, a.method.split("+")[0]) for a in event.source] == [("", "GBR", "implicit:state")]


@pytest.mark.model
def test_a_release_with_no_state_sense_gets_no_implicit_state(coder):
    events = released(events_of(coder, LEEDS + "The two men were released on Saturday."))
    assert not any(a.method.startswith("implicit:") for e in events for a in e.source)
