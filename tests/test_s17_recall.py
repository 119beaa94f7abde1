"""Session 17: the recall stage never codes a material act on a verb of saying.

With the open threshold at 0.4 the sentence head proposes ASSAULT for sentences that tell of deaths
with no one's act in them; when the lexicon's senses have rejected every word of violence (a quake, a
storm), the stage fell back to the sentence's reporting verb and made the officials who reported the
deaths their killers. Sentences written for these tests."""

import pytest

from chronicle.stages.events.recall import said_not_done


@pytest.fixture(scope="module")
def parsed(coder):
    return coder.nlp_stage.nlp("Rescue workers said the floods had swept away two villages, and the mayor told "
                               "reporters the army would evacuate the valley.")


def _token(doc, text):
    return next(t for t in doc if t.text == text)


@pytest.mark.model
@pytest.mark.parametrize("word", ["said", "told"])
@pytest.mark.parametrize("event_type", ["ASSAULT", "COERCE", "AID", "MOBILIZE"])
def test_a_verb_of_saying_carries_no_material_act(parsed, word, event_type):
    assert said_not_done(_token(parsed, word), event_type)


@pytest.mark.model
@pytest.mark.parametrize("event_type", ["ACCUSE", "REQUEST", "SUPPORT", "REJECT"])
def test_a_verb_of_saying_may_carry_a_verbal_act(parsed, event_type):
    assert not said_not_done(_token(parsed, "said"), event_type)


@pytest.mark.model
def test_other_verbs_may_carry_a_material_act(parsed):
    assert not said_not_done(_token(parsed, "evacuate"), "COERCE")
    assert not said_not_done(_token(parsed, "swept"), "ASSAULT")


@pytest.mark.model
def test_a_verb_of_saying_that_reports_others_acts_carries_none_of_them(parsed):
    assert said_not_done(_token(parsed, "said"), "ASSAULT")


@pytest.mark.model
def test_deaths_in_a_storm_reported_by_officials_are_no_attack_of_theirs(coder):
    events = coder.code("Eleven people were killed and dozens hurt when the typhoon struck the coast, "
                        "provincial officials said on Sunday.")
    assert not [e for e in events if e.event_type == "ASSAULT" and e.trigger.text == "said"]


@pytest.mark.model
def test_a_verb_of_saying_may_stand_for_the_speaker_s_own_act(coder):
    doc = coder.nlp_stage.nlp("The navy said it had seized a cargo ship carrying weapons.")
    assert not said_not_done(_token(doc, "said"), "COERCE")
