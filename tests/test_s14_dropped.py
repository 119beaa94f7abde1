"""Drafts of the right type that later stages used to drop (session 14, detection recall).

* A phrasal trigger ("pull over") is its own sense: its particle does not make it another one.
* An attempt at a hostile act is that act, made ("tried to storm", "tried to blame"); an attempt at a
  cooperative act is an aim ("trying to arrange a meeting"); a modal on the attempt still counts.
"""

from __future__ import annotations

from tests.coding import actual_with_actors, has_event

DAY = "2015-06-03"


def _events(coder, text):
    return [(e.event_type, e.factuality, e.trigger.text, e.source, e.target) for e in coder.code(text, published=DAY)]


def test_a_traffic_stop_told_with_its_particle_is_a_detention(coder):
    found = actual_with_actors(coder, "Marco Delgado was driving north on the highway near Fresno late on Saturday "
                                      "when he was pulled over for speeding, the California Highway Patrol said.", DAY)
    assert has_event(found, "COERCE", "pulled over", target="he"), found


def test_pulled_over_something_is_no_detention(coder):
    found = actual_with_actors(coder, "The farmer said his dog was pulled over the fence by the wind.", DAY)
    assert not found, found


def test_an_attempted_storming_is_an_actual_assault(coder):
    found = actual_with_actors(coder, "Angry farmers tried to storm the ministry of agriculture in Paris on Monday.", DAY)
    assert has_event(found, "ASSAULT", "storm", target="the ministry", source="Angry farmers"), found


def test_an_attempt_to_disperse_a_crowd_happened(coder):
    found = actual_with_actors(coder, "Riot police tried to disperse the crowd outside the parliament in Kiev with "
                                      "tear gas.", DAY)
    assert has_event(found, "ASSAULT", "disperse", source="Riot police"), found


def test_an_attempt_under_a_modal_is_not_done(coder):
    found = actual_with_actors(coder, "Rebel commanders in Darfur may try to attack the army base at El Fasher.", DAY)
    assert not has_event(found, "ASSAULT", "attack"), found


def test_an_attempt_in_sport_is_no_event(rules):
    # The rules alone: since session 17 the recall stage (0.4) adds an ASSAULT at "beat" (confidence 0.39)
    found = actual_with_actors(rules, "The striker tried to beat the goalkeeper at the near post but the shot "
                                      "went wide.", DAY)
    assert not found, found


def test_an_attempted_accusation_is_made(coder):
    found = actual_with_actors(coder, "The opposition in Harare tried to blame President Mugabe for the shortages.", DAY)
    assert has_event(found, "ACCUSE", "blame", target="President Mugabe", source="The opposition"), found


def test_an_attempt_to_arrange_a_meeting_is_only_an_aim(coder):
    events = _events(coder, "The Kenyan foreign minister is trying to arrange a meeting with the Ugandan president.")
    meetings = [e for e in events if e[0] == "CONSULT"]
    assert meetings and all(e[1] == "hypothetical" for e in meetings), events


def test_an_attempted_deal_is_not_an_agreement(coder):
    found = actual_with_actors(coder, "Ghana tried to strike a trade deal with Nigeria last year.", DAY)
    assert not [e for e in found if e[0] in ("AGREE", "CONSULT", "SUPPORT")], found


def test_an_act_named_by_a_noun_under_an_attempt_is_not_done(coder):
    found = actual_with_actors(coder, "The governor of Lagos was trying to justify the detention of the two "
                                      "journalists.", DAY)
    assert not [e for e in found if e[0] == "COERCE"], found
