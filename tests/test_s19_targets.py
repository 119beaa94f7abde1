"""Session 19, the target of events whose type is right (issue 11).

A bare number the story has counted before ("shot the other three", "arrested the remaining two")
stands for the people an act of violence or of the state is done to, so it is the event's target,
like "two men were arrested" (``chronicle.stages.events``, ``counted_back_words`` of cues.yaml). A
number with no such word ("shot 68") is no one, and "three of the guards" stays the guards.

All sentences are written for this test.
"""

from __future__ import annotations

import pytest

from coding import actual_with_actors, has_event

pytestmark = pytest.mark.model


def _found(coder, text):
    return actual_with_actors(coder, text, published="2016-09-20")


@pytest.mark.parametrize("text, event_type, trigger, target", [
    ("Lou Carter shot the other two, police said.", "ASSAULT", "shot", "the other two"),
    ("Police arrested the remaining four on Monday.", "COERCE", "arrested", "the remaining four"),
])
def test_a_number_counted_back_is_the_target(coder, text, event_type, trigger, target):
    found = _found(coder, text)
    assert has_event(found, event_type, trigger, target=target), found


def test_a_bare_score_is_no_one(coder):
    assert _found(coder, "He shot 68 in the final round at Augusta.") == []


def test_a_part_of_named_people_keeps_its_noun(coder):
    found = _found(coder, "Lou Carter shot three of the guards.")
    assert has_event(found, "ASSAULT", "shot", target="three of the guards"), found
