"""An object pronoun never means the subject of its own clause ("Ed wrote to Dave, urging him":
him is Dave, not Ed, who would be "himself"): ``chronicle.stages.actors.anaphora`` leaves that
subject out of the candidates, so the one other person in the sentence is the antecedent. New
sentences written for these tests.
"""

from __future__ import annotations

import pytest

from tests.coding import events_of


@pytest.mark.model
@pytest.mark.parametrize("text, event_type, antecedent", [
    ("Labour leader Ed Miliband wrote to David Cameron on Monday, urging him to hold an inquiry.",
     "REQUEST", "David Cameron"),
    ("The Greek finance minister met the IMF chief on Monday and thanked him for the loan.",
     "SUPPORT", "the IMF chief"),
])
def test_an_object_pronoun_refers_past_its_own_clause_subject(coder, text, event_type, antecedent):
    (event,) = [e for e in events_of(coder, text) if e.event_type == event_type]
    assert [a.method for a in event.target] == [f"anaphor:{antecedent}"]
    assert [a.text for a in event.target] == ["him"]


@pytest.mark.model
def test_a_reporting_speaker_stays_the_antecedent_of_an_object_pronoun(coder):
    text = "The prime minister of Norway spoke to reporters. He said the police had arrested him by mistake."
    (event,) = [e for e in events_of(coder, text) if e.event_type == "COERCE"]
    assert [a.text for a in event.target] == ["him"] and event.target[0].country == "NOR"


@pytest.mark.model
def test_them_is_not_sent_past_its_clause_subject_to_an_actor_further_back(coder):
    text = ("Two unions criticised the new smart glasses last week.\n\n"
            "Several police forces and the Scottish government have banned them over privacy fears.")
    assert not any(a.text == "them" for e in events_of(coder, text) for a in e.target)
