"""Session 17: the source of passive legal and police acts told with no doer (issue 11).

- A traffic stop told in the passive ("he was pulled over for speeding") is the police's act, as an
  arrest is: the story's state, unnamed (``arguments.implicit_state``); the particle that is part of
  the lexicon entry ("pull over") does not make it another sense, as "charged down" does.
- "charged on suspicion of arson" (British police wording) is a charge like "charged with".
- A dismissal told in the passive with no doer of someone coded as one state's staff ("an FBI agent
  has been fired") is that state's act (``arguments.dismissing_state``); not of a firm's employee,
  nor when the one who fired them is named.

New short articles written for these tests.
"""

from __future__ import annotations

import pytest

from tests.coding import events_of

OHIO = "Police in Columbus, Ohio, are investigating a string of car thefts.\n\n"
BRISTOL = "Police in Bristol, England, are investigating a warehouse fire.\n\n"


def typed(events, event_type: str):
    return [e for e in events if e.event_type == event_type and e.factuality == "actual"]


def implicit(event) -> list[tuple[str, str | None]]:
    return [(a.country, a.sector) for a in event.source if a.method.startswith("implicit:state")]


@pytest.mark.model
@pytest.mark.parametrize("sentence", [
    "Martin Kowalski, 41, was pulled over a mile from the mall, where police say he refused to leave his truck.",
    "He was pulled over for running a red light near the stadium on Sunday.",
])
def test_a_passive_traffic_stop_is_the_story_state_s_act(coder, sentence):
    (event,) = typed(events_of(coder, OHIO + sentence), "COERCE")
    assert implicit(event) == [("USA", None)]
    assert event.source[0].text == ""


@pytest.mark.model
def test_a_traffic_stop_by_named_officers_keeps_them(coder):
    events = typed(events_of(coder, OHIO + "Kowalski was pulled over by state troopers on Saturday, police said."), "COERCE")
    assert events and not any(implicit(e) for e in events)


@pytest.mark.model
def test_a_charge_on_suspicion_is_the_story_state_s_act(coder):
    text = BRISTOL + "A 34-year-old woman has been charged on suspicion of arson."
    (event,) = typed(events_of(coder, text), "ACCUSE")
    assert implicit(event) == [("GBR", None)]


@pytest.mark.model
def test_charged_on_a_day_is_no_charge_of_the_state(coder):
    text = BRISTOL + "The batteries were charged on Monday before the trip."
    assert not any(implicit(e) for e in events_of(coder, text))


@pytest.mark.model
@pytest.mark.parametrize("sentence, target", [
    ("FBI agent Lisa Monroe has been fired, her lawyer said on Monday.", "FBI agent Lisa Monroe"),
    ("Senior CIA officer Paul Grady was fired last week.", "Senior CIA officer Paul Grady"),
])
def test_a_passive_dismissal_of_state_staff_is_that_state_s_act(coder, sentence, target):
    (event,) = typed(events_of(coder, sentence), "COERCE")
    assert target in [a.text for a in event.target]
    assert [(a.text, a.country, a.sector, a.method) for a in event.source] == [
        ("", "USA", None, "implicit:state+employer")]


@pytest.mark.model
def test_a_dismissal_with_its_doer_named_keeps_the_doer(coder):
    events = typed(events_of(coder, "FBI agent Lisa Monroe was fired by the attorney general on Monday."), "COERCE")
    assert events and not any(a.method == "implicit:state+employer" for e in events for a in e.source)


@pytest.mark.model
def test_a_fired_employee_of_a_firm_gets_no_state(coder):
    text = OHIO + "A cashier at the Columbus supermarket was fired after the thefts."
    assert not any(a.method == "implicit:state+employer" for e in events_of(coder, text) for a in e.source)
