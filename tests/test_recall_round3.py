"""Events the rules used to miss on real news (issue 10, recall, round 3), and the false alarms each
new rule must not bring.

- Votes: "voted against the bill" (REJECT).
- Verbal attacks told with a figure of speech or a plain verb of disapproval: "took a swipe at",
  "took aim at", "railed against", "grilled", "derided", "chided", "heckled", "booed", "jeer" (ACCUSE);
  not "took a shot at goal".
- "took to the streets" (PROTEST); "booked into the county jail", "held without bond at the jail"
  (COERCE), not a player booked by the referee or a team that held the lead; "the slaying of" (ASSAULT).
- An arrest or a charge told beside a fire ("arrested after the blaze") is still the state's act: only
  a death is an accident's.

Every sentence is written for this test (none is copied from an evaluation set). They run on the
rules alone (``Coder(learned=False)``), as tests/test_recall_rules.py does.
"""

from __future__ import annotations

from functools import partial

import pytest

from tests.coding import actual_with_actors, assert_coded

pytestmark = pytest.mark.model


actual = partial(actual_with_actors, published="2016-05-10")


@pytest.mark.parametrize("text, event_type, trigger, source, target", [
    ("Several Conservative MPs voted against the government's education bill on Tuesday.",
     "REJECT", "voted", "Several Conservative MPs", None),
    ("The senator took a swipe at the White House over its handling of the budget.",
     "ACCUSE", "took", "The senator", "the White House"),
    ("The Labour leader took aim at the Conservatives in a speech in Manchester.",
     "ACCUSE", "took", "The Labour leader", "the Conservatives"),
    ("The French president railed against the European Commission's farm proposals.",
     "ACCUSE", "railed", "The French president", None),
    ("Senators grilled the defence secretary about the cost of the new submarines.",
     "ACCUSE", "grilled", "Senators", "the defence secretary"),
    ("The president chided Congress for failing to pass the spending bill.",
     "ACCUSE", "chided", "The president", "Congress"),
    ("Protesters heckled the prime minister during his visit to the hospital.",
     "ACCUSE", "heckled", "Protesters", None),
    ("The prime minister derided the Conservative plan as a gimmick.",
     "ACCUSE", "derided", "The prime minister", None),
    ("Protesters booed the prime minister outside the hospital in Leeds.",
     "ACCUSE", "booed", "Protesters", "the prime minister"),
    ("Hundreds of protesters jeer the president as he arrives in Manila.",
     "ACCUSE", "jeer", "protesters", "the president"),
    ("Tens of thousands of teachers took to the streets of Madrid on Sunday.",
     "PROTEST", "took", "teachers", None),
    ("The suspect was booked into the Harris County jail on Saturday morning.",
     "COERCE", "booked", None, "The suspect"),
    ("The journalist was held without bond at the Dallas County jail.",
     "COERCE", "held", None, "The journalist"),
    ("The slaying of two aid workers in Kandahar shocked the government.",
     "ASSAULT", "slaying", None, "two aid workers"),
])
def test_new_trigger_senses_are_coded(rules, text, event_type, trigger, source, target):
    assert_coded(actual(rules, text), event_type, trigger, source, target)


@pytest.mark.parametrize("text", [
    "The striker took a shot at goal from twenty yards.",
    "More than 10,000 readers voted for the best mobile phone of the year.",
    "The midfielder was booked in the second half for a late tackle.",
    "Chelsea held the lead until the final minute.",
])
def test_new_trigger_senses_bring_no_false_alarms(rules, text):
    assert not [e for e in actual(rules, text) if e[0] in ("ACCUSE", "SUPPORT", "COERCE", "REJECT")], \
        actual(rules, text)


@pytest.mark.parametrize("text, event_type, target", [
    ("Two brothers were arrested after the blaze at a furniture warehouse in Dundee.", "COERCE", "Two brothers"),
])
def test_an_arrest_after_a_fire_is_still_the_states_act(rules, text, event_type, target):
    found = [e for e in actual(rules, text) if e[0] == event_type]
    assert found and target in found[0][3], actual(rules, text)


def test_a_death_in_a_fire_is_still_no_ones_act(rules):
    assert not [e for e in actual(rules, "Four people died in a fire at a block of flats in Glasgow.")
                if e[0] == "ASSAULT"]
    assert not [e for e in actual(rules, "Three people were killed in a fire at a factory on Monday.")
                if e[0] == "ASSAULT"]
