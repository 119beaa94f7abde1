"""Targets of right-typed events, second round (session 18, issue 11). New sentences written for
these tests:

- a person named as the modifier of an inquiry noun ("the Clinton email investigation", "the
  Flynn probe") is whom the inquiry looks into, its target (``actors.inquired_person_modifier``,
  ``arguments.inquired_person``); a body so named stays the doer ("the FBI investigation"), and a
  place or an owner ("the Bush administration") is not made a target;
- people arrested or charged keep themselves as the target when their phrase names only where
  they live or what they are tied to, even a town the knowledge base lacks ("leaders of a sect with
  ties to Oregon", ``arguments.place_like``).
"""

from __future__ import annotations

import pytest

from tests.coding import actual_with_actors


def of_type(found, event_type):
    return [e for e in found if e[0] == event_type]


@pytest.mark.model
@pytest.mark.parametrize("sentence, trigger, person", [
    ("Former FBI Director James Comey, who led the Clinton email investigation, testified on Tuesday.",
     "investigation", "Clinton"),
    ("The FBI's Hillary Clinton probe drew fresh criticism from Republicans this week.", "probe", "Hillary Clinton"),
])
def test_a_person_named_before_an_inquiry_noun_is_its_target(coder, sentence, trigger, person):
    found = [e for e in of_type(actual_with_actors(coder, sentence), "ACCUSE") if e[1] == trigger]
    assert found and person in found[0][3], found
    assert person not in found[0][2], found


@pytest.mark.model
def test_a_body_named_before_an_inquiry_noun_stays_its_doer(coder):
    found = [e for e in of_type(actual_with_actors(coder, "Senator Harkin said the campaign is under FBI investigation."),
                                "ACCUSE") if e[1] == "investigation"]
    assert found and "FBI" in found[0][2] and "FBI" not in found[0][3], found


@pytest.mark.model
def test_an_owner_before_a_body_noun_is_not_made_an_actor_of_its_own(coder):
    """"the Bush administration" is the administration, not an act on Bush."""
    found = of_type(actual_with_actors(coder, "Senator Kowalski sharply criticised the Bush administration on Friday."),
                    "ACCUSE")
    assert found and all(t != "Bush" for e in found for t in e[3]), found


@pytest.mark.model
@pytest.mark.parametrize("sentence, people, place", [
    ("Two leaders in the small community of Millbrook, Ontario, have been charged with fraud.", "Two leaders",
     "Millbrook"),
    ("Mounties said on Monday that three members of a religious sect with ties to Oregon were charged with fraud.",
     None, "Oregon"),
])
def test_people_charged_are_the_target_not_the_place_their_phrase_names(coder, sentence, people, place):
    found = of_type(actual_with_actors(coder, sentence), "ACCUSE")
    assert found and all(place not in t for e in found for t in e[3]), found
    assert people is None or any(people in t for e in found for t in e[3]), found
