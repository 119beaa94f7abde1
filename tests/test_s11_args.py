"""Session 11: events found but lost for want of actors or dropped by relevance.

A passive verb coordinated with another shares its subject ("gave himself up and was arrested"); a
charge someone is held "on" is news with the arrest; violence by protesters or rioters, and by a
private person who shoots, is an event (datasets/realnews/GUIDELINE.md: "a gunman"); a person
arrested is a person whatever their job. Sentences made up for these tests.
"""

from __future__ import annotations

import pytest

from tests.coding import actual_with_actors, has_event as has

pytestmark = pytest.mark.model

DATE = "2011-06-14"
STORY = "Police in Ohio said Harlan Dorsey had been hiding in a barn for two days. "


def coded(coder, text):
    return actual_with_actors(coder, STORY + text, published=DATE)


def test_conjoined_passive_shares_the_subject(coder):
    found = coded(coder, "He finally gave himself up on Monday and was arrested.")
    assert has(found, "COERCE", "arrested", target="He")


def test_conjoined_participle_after_a_passive(coder):
    found = coded(coder, "A local teacher was arrested on Friday and charged with theft.")
    assert has(found, "COERCE", "arrested", target="A local teacher")
    assert has(found, "ACCUSE", "charged", target="A local teacher")


def test_released_on_bail_after_booking(coder):
    found = coded(coder, "The bus driver was booked into jail and later released on bail.")
    assert has(found, "RETREAT", "released", target="The bus driver")


def test_held_on_charges(coder):
    found = coded(coder, "Dorsey was arrested late on Sunday on charges of arson.")
    assert has(found, "COERCE", "arrested", target="Dorsey")
    assert has(found, "ACCUSE", "charges", target="Dorsey")


def test_violence_by_rioters_and_protesters(coder):
    found = coded(coder, "During the riot, one protester threw a petrol bomb. Later the rioters torched two cars.")
    assert has(found, "ASSAULT", "bomb", source="one protester")
    assert has(found, "ASSAULT", "torched", source="the rioters")


def test_a_gunman_with_no_named_victim(coder):
    found = coded(coder, "Dorsey walked into the depot and opened fire.")
    assert has(found, "ASSAULT", "opened", source="Dorsey")


@pytest.mark.parametrize("text", [
    "The director shot his new film in Ohio last summer.",
    "Jones fired a shot just wide of the post in the second half.",
    "Visitors to the ranch can shoot the game animals from their computers.",
    "Protesters marched through the town centre on Saturday.",
    "The manager was fired up after the win.",
])
def test_no_violence_in_other_senses(coder, text):
    found = actual_with_actors(coder, text, published=DATE)
    assert not any(t == "ASSAULT" for t, *_ in found)


def test_struck_by_a_motorist_is_an_accident(coder):
    found = coded(coder, "A woman crossing the road was struck and killed by a motorist.")
    assert not any(t == "ASSAULT" for t, *_ in found)


def test_the_first_verb_active_and_no_was_stays_active(coder):
    """"shot and killed a man": the second verb is active, the man its object, not its subject."""
    found = coded(coder, "Dorsey shot and killed a neighbour.")
    assert not any(t == "COERCE" for t, *_ in found)
    assert has(found, "ASSAULT", "shot", source="Dorsey")
