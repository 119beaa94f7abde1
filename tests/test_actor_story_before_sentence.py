"""A generic group with no country of its own words ("MPs", "police") takes the story's country
before one its sentence happens to name, which is more often what the act is about ("MPs backed
the invasion of Iraq"); a place its own phrase names ("police in Nairobi") still gives its country
(``chronicle.stages.actors.borrowed.context_countries``). New short articles written for these tests.
"""

from __future__ import annotations

import pytest

from tests.coding import events_of

UK = ("The row over the new bypass in Leicester, England, deepened on Tuesday as the Home Office in "
      "London and Leicestershire councillors traded blame.\n\n")


def by_trigger(events, trigger: str):
    found = [e for e in events if e.trigger.text == trigger]
    assert found, [(e.trigger.text, e.event_type) for e in events]
    return found[0]


@pytest.mark.model
def test_a_group_takes_the_story_s_country_before_a_country_its_act_is_about(coder):
    event = by_trigger(events_of(coder, UK + "MPs backed the invasion of Iraq on Thursday."), "backed")
    assert [(a.text, a.country) for a in event.source] == [("MPs", "GBR")]


@pytest.mark.model
def test_a_place_the_group_s_phrase_names_gives_its_country(coder):
    event = by_trigger(events_of(coder, UK + "Police in Nairobi arrested two British tourists on Friday."),
                       "arrested")
    assert [(a.text, a.country) for a in event.source] == [("Police", "KEN")]
