"""Session 18, legal acts against people the knowledge base does not code (issue 10: recall).

- People charged, indicted or convicted in the passive are told by their job or role as often as
  "a man" ("two of his aides were indicted"): for an act of state the events stage takes the
  ``person_role_nouns`` and ``accused_people`` of cues.yaml as well as ``unnamed_people``, and a noun
  the tokenizer split at its hyphen ("fund-raisers") is read whole (``lemma_forms``).
- "Have been charged" with nothing after it but a time or a place is a prosecutor's charge of people
  (``BARE_STATE_ACTION_LEMMAS`` of ``knowledge/acts.py``, ``bare_verb``), not in a sports story,
  not a price ("charged $50").
- "Charges were filed / brought against X": the one the passive verb of bringing a charge
  (``bringing_verbs``) is "against" is charged.

All sentences are written for this test.
"""

from __future__ import annotations

import pytest

from coding import actual_with_actors, events_of, has_event

pytestmark = pytest.mark.model


def _found(coder, text):
    return actual_with_actors(coder, text, published="2012-03-14")


@pytest.mark.parametrize("text, target", [
    ("Three of the mayor's fund-raisers have been charged.", "Three of the mayor's fund-raisers"),
    ("The former treasurer and two of his aides were indicted on Monday.", "The former treasurer"),
    ("Two of the governor's aides were charged Tuesday in Albany.", "governor's aides"),
])
def test_people_by_their_role_are_charged(coder, text, target):
    found = _found(coder, text)
    assert any(e[0] == "ACCUSE" and any(target in t for t in e[3]) for e in found), found


def test_the_story_state_charges_them(coder):
    text = ("Prosecutors in Ohio opened an inquiry into the campaign of Senator Mark Dwyer last year. "
            "Two of his fund-raisers have already been charged.")
    charged = [e for e in events_of(coder, text, "2012-03-14") if e.trigger.text == "charged"]
    assert charged, events_of(coder, text, "2012-03-14")
    assert [a.country for a in charged[0].source] == ["USA"]
    assert [a.text for a in charged[0].target] == ["Two of his fund-raisers"]


@pytest.mark.parametrize("text, trigger, target", [
    ("Criminal charges were filed against two aides of the governor on Tuesday.", "charges", "two aides"),
    ("Charges were brought against four former executives of the bank.", "Charges", "four former executives"),
])
def test_charges_brought_against_people(coder, text, trigger, target):
    found = _found(coder, text)
    assert has_event(found, "ACCUSE", trigger, target=target), found


@pytest.mark.parametrize("text", [
    "He was charged $50 for the delivery.",
    "The batteries of the two phones were charged overnight.",
    "Customers were charged twice for the same order.",
    ("The striker missed a penalty in the cup match and the goalkeeper was sent off. "
     "Two of the club's players have been charged."),
])
def test_a_bare_charge_that_is_no_prosecution_is_not_coded(coder, text):
    found = _found(coder, text)
    assert not has_event(found, "ACCUSE", "charged"), found


def test_a_task_brought_to_people_is_no_charge(coder):
    found = _found(coder, "The plan was put to the workers at a meeting on Friday.")
    assert not any(e[0] == "ACCUSE" for e in found), found
