"""Session 14, type precision: figurative fights, scheduled acts told in the present, press conferences.

``stages/relevance.py`` (``_fight_of_words``) drops an ASSAULT whose sources are all parties,
legislators, the opposition, unions, campaign groups or political figures (``unarmed_sectors`` of
cues.yaml, not a party with an armed wing) when it names no target: "started the fight", "is on the
attack", "hostility to". Real violence by such people names its victim, and states, armies, rebels
and parties with an armed wing keep their attacks. A present-tense act on a named month is scheduled
(``future_time_words``), and a press or news conference is no meeting (``not_objects`` of "hold" and
"host", which the recall stage reads too). All sentences are written for this test.
"""

from __future__ import annotations

import pytest

from coding import actual_with_actors, has_event

pytestmark = pytest.mark.model


def _found(coder, text):
    return actual_with_actors(coder, text, published="2016-03-02")


@pytest.mark.parametrize("text", [
    "Labour leader Jeremy Corbyn started the fight on Monday when he said the budget was unfair.",
    "Senator Ted Cruz is on the attack against the new tax plan.",
    "Labour MPs showed open hostility to the reform.",
])
def test_a_politicians_fight_with_no_one_hit_is_no_assault(coder, text):
    assert not any(e[0] == "ASSAULT" for e in _found(coder, text))


def test_a_party_with_an_armed_wing_still_attacks(coder):
    found = _found(coder, "Hamas launched a rocket attack on Tuesday.")
    assert any(e[0] == "ASSAULT" and "Hamas" in e[2] for e in found), found


def test_a_politician_who_hits_someone_assaults(coder):
    found = _found(coder, "The congressman grabbed the reporter's arm and pushed him to the floor.")
    assert has_event(found, "ASSAULT", "grabbed", source="The congressman"), found


def test_troops_with_no_named_target_still_assault(coder):
    found = _found(coder, "Syrian troops shelled the town on Sunday.")
    assert has_event(found, "ASSAULT", "shelled", source="Syrian troops"), found


# -- A present-tense act on a named month is scheduled (``future_time_words`` of cues.yaml) ----------
def test_a_present_tense_meeting_on_a_date_to_come_is_future(coder):
    events = [e for e in coder.code("The creditor nations meet on 14 March to discuss the debt of Haiti.",
                                    published="2016-03-02") if e.event_type == "CONSULT"]
    assert events and all(e.factuality == "future" for e in events), events


def test_a_past_meeting_on_a_date_stays_actual(coder):
    found = _found(coder, "The creditor nations met on 14 March to discuss the debt of Haiti.")
    assert any(e[0] == "CONSULT" for e in found), found


# -- A press conference is no meeting (``not_objects`` of "hold"/"host"; read by the recall stage too) --
@pytest.mark.parametrize("text", [
    "Senator Mark Hollis held a press conference on Monday to defend the bill.",
    "The French president hosted a news conference in Paris.",
])
def test_a_press_conference_is_no_consult(coder, text):
    assert not any(e[0] == "CONSULT" for e in _found(coder, text))


@pytest.mark.parametrize("text, target", [
    ("Senator Mark Hollis held talks with the governor of Ohio on Monday.", "the governor"),
    ("The French president hosted the Chinese premier in Paris.", "the Chinese premier"),
])
def test_talks_and_hosted_leaders_are_still_consults(coder, text, target):
    found = _found(coder, text)
    assert any(e[0] == "CONSULT" and target in e[3] for e in found), found
