"""Session 12, precision round 2: readings that name no event, or the wrong one (made-up sentences).

Each rule removes a kind of false alarm and must keep the real events next to it: the crime a verdict
or a charge names however far down the phrase, deaths a disaster caused, a standing position on a
rival's plan, an act someone was kept from, a fight over an act or a question, a source's request
for anonymity, a target met, the noun "fault" tagged as a verb, an event something happens ahead of
(still to come), "’ll" / "’d" / "n’t" written with a curly apostrophe, and a politician's tour of towns at home.
"""

from __future__ import annotations

import pytest

from chronicle import Coder

from tests.coding import actual_with_actors, assert_coded


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder()


def _types(coder: Coder, text: str) -> list[str]:
    return [t for t, *_ in actual_with_actors(coder, text)]


def test_the_crime_a_long_charge_names_is_not_an_event(coder):
    found = actual_with_actors(coder, "The driver is charged with one count of murder of a police officer with the "
                                      "special circumstances of murder of a police officer during his duties.")
    assert "ASSAULT" not in [t for t, *_ in found]
    assert_coded(found, "ACCUSE", "charged", target="The driver")


def test_the_crime_of_a_dated_verdict_is_not_an_event(coder):
    assert "ASSAULT" not in _types(coder, "A jury found the farmer guilty Friday of killing his neighbour, the court said.")


def test_a_killing_is_still_an_attack(coder):
    assert_coded(actual_with_actors(coder, "Gunmen killed two soldiers and wounded five in an ambush on Monday."),
                 "ASSAULT", "killed", source="Gunmen")


def test_deaths_an_earthquake_caused_with_the_injured_are_no_attack(coder):
    assert "ASSAULT" not in _types(coder, "At least 30 people were killed and more than 100 injured by the earthquake, "
                                          "officials said.")


def test_a_standing_position_on_a_rivals_plan_is_no_act(coder):
    assert "SUPPORT" not in _types(coder, "Senate Democrats generally support the president's trade proposal.")
    assert "REJECT" not in _types(coder, "But Republicans oppose the governor's budget plan.")


def test_backing_an_actor_is_still_support(coder):
    assert_coded(actual_with_actors(coder, "The Kenyan government backed Ethiopia's offensive against the rebels on Monday."),
                 "SUPPORT", "backed", source="The Kenyan government")


def test_an_act_someone_was_kept_from_did_not_happen(coder):
    found = [(e.event_type, e.factuality) for e in
             coder.code("The Kenyan navy on Sunday prevented pirates from attacking a cargo ship off Mombasa.")]
    assert ("ASSAULT", "actual") not in found and ("ASSAULT", "negated") in found
    found = [(e.event_type, e.factuality) for e in
             coder.code("Police stopped the protesters from storming the parliament building.")]
    assert ("ASSAULT", "actual") not in found


def test_a_fight_over_an_act_or_a_question_is_one_of_words(coder):
    assert "ASSAULT" not in _types(coder, "The two main parties are battling over which will cut taxes more.")
    assert "ASSAULT" not in _types(coder, "The senator has consistently fought against expanding the program.")


def test_armed_fighting_is_still_an_attack(coder):
    assert_coded(actual_with_actors(coder, "Troops battled rebels for control of the town."), "ASSAULT", "battled",
                 source="Troops", target="rebels")


def test_a_source_requesting_anonymity_asks_no_one_to_act(coder):
    found = actual_with_actors(coder, "A senior official, who requested anonymity, said the president requested a "
                                      "meeting with the Iranian minister.")
    assert [w for t, w, *_ in found if t == "REQUEST"] == ["requested"]
    assert_coded(found, "REQUEST", "requested", source="the president")


def test_a_target_met_is_no_meeting(coder):
    assert "CONSULT" not in _types(coder, "The minister has to trim the deficit, a target he says he has now met "
                                          "for the current year.")
    assert_coded(actual_with_actors(coder, "The official who met with the Iranian envoy said the talks went well."),
                 "CONSULT", "met", target="the Iranian envoy")


def test_fault_lines_accuse_no_one(coder):
    assert "ACCUSE" not in _types(coder, "Japan lies on an arc of volcanoes and fault lines, and the government "
                                         "said the quake was strong.")
    assert_coded(actual_with_actors(coder, "The European Court of Auditors faulted the Commission for lax controls."),
                 "ACCUSE", "faulted", target="the Commission")


def test_an_event_ahead_of_which_something_happens_is_still_to_come(coder):
    for text in ("The letter was released in advance of the Iranian president's visit to Paris on Thursday.",
                 "Security was tightened ahead of the summit between Putin and Erdogan.",
                 "Oil prices rose in the run-up to talks between Iran and the EU."):
        found = [(e.event_type, e.factuality) for e in coder.code(text)]
        assert ("CONSULT", "future") in found and ("CONSULT", "actual") not in found, (text, found)


def test_a_meeting_held_on_the_eve_of_talks_is_still_a_meeting(coder):
    assert_coded(actual_with_actors(coder, "Putin met Erdogan in Sochi on the eve of the talks with Iran."),
                 "CONSULT", "met", source="Putin", target="Erdogan")


def test_a_curly_contraction_announces_like_a_straight_one(coder):
    curly = [(e.event_type, e.factuality) for e in coder.code("The rebels said they’ll attack the army base in Goma.")]
    straight = [(e.event_type, e.factuality) for e in coder.code("The rebels said they'll attack the army base in Goma.")]
    assert curly == straight and ("ASSAULT", "actual") not in curly
    assert "ASSAULT" not in _types(coder, "“And I’ll fight against liberal attacks on our faith,” the governor said.")


def test_a_tour_of_towns_at_home_meets_no_one(coder):
    assert "CONSULT" not in _types(coder, "The Liberal Democrat leader Charles Kennedy visits Manchester, Liverpool and "
                                          "Leicester this week.")
    assert "CONSULT" not in _types(coder, "Senator Warren visited Ohio on Monday.")


def test_a_visit_abroad_is_still_a_meeting(coder):
    assert_coded(actual_with_actors(coder, "The Chinese premier visited Manchester on Tuesday."), "CONSULT", "visited",
                 source="The Chinese premier")
    assert_coded(actual_with_actors(coder, "British Prime Minister Tony Blair visited Kenya and Tanzania on Monday."),
                 "CONSULT", "visited", target="Kenya")


def test_a_visit_to_a_town_the_gazetteer_does_not_know_is_judged_by_the_others(coder):
    assert "CONSULT" not in _types(coder, "The Liberal Democrat leader Charles Kennedy visits Leeds, Torbay and Sheffield "
                                          "this week.")

