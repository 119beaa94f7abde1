"""Session 12, precision: readings that name no event, or the wrong one (made-up sentences).

Each rule removes a kind of false alarm and must keep the real events next to it: a document
"released", allegiance pledged (backing, not a promise), a promise looked back on, a trip got ready
for, a fight of words by a legislator, the crime a sentence names, an investigation of an accident.
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


def test_a_document_released_is_no_release_from_custody(coder):
    assert "RETREAT" not in _types(coder, "Markets fell after trade figures released by the Treasury on Monday showed a deficit.")
    assert "RETREAT" not in _types(coder, "A Gallup survey released Thursday puts the senator ahead in Iowa.")


def test_a_prisoner_released_is_still_a_release(coder):
    assert_coded(actual_with_actors(coder, "Kenyan police released the opposition activist on bail on Friday."),
                 "RETREAT", "released", target="the opposition activist")


def test_allegiance_pledged_is_backing(coder):
    found = actual_with_actors(coder, "The militia leader pledged allegiance to al-Shabab in a video last month.")
    assert_coded(found, "SUPPORT", "pledged", target="al-Shabab")
    assert "AGREE" not in [t for t, *_ in found]


def test_a_pledge_of_aid_is_still_a_promise(coder):
    assert_coded(actual_with_actors(coder, "Japan pledged 50 million dollars in aid to Nepal."), "AGREE", "pledged",
                 source="Japan")


def test_a_promise_looked_back_on_is_not_made_again(coder):
    types = _types(coder, "Critics say the Kenyan president broke his pledge to the donors after the vote.")
    assert "AGREE" not in types


def test_getting_ready_for_a_trip_is_no_statement_of_intent(coder):
    found = actual_with_actors(coder, "The Ukrainian president prepared to fly to Warsaw to meet with the Polish prime minister.")
    assert "AGREE" not in [t for t, *_ in found]


def test_ready_to_act_is_still_an_intent(coder):
    assert_coded(actual_with_actors(coder, "Syria is prepared to withdraw its troops from Lebanon, the minister said."),
                 "AGREE", "withdraw", source="Syria")


def test_a_legislator_going_on_to_fight_fights_with_words(coder):
    types = _types(coder, "Senator Warren said she would continue to fight what she called the greed of Wall Street.")
    assert "ASSAULT" not in types and "THREATEN" not in types


def test_rebels_going_on_to_fight_still_fight(coder):
    found = [(e.event_type, e.factuality) for e in coder.code("The rebels continued to fight the army near Goma on Tuesday.")]
    assert ("ASSAULT", "actual") in found


def test_the_crime_a_sentence_names_is_not_an_event(coder):
    found = actual_with_actors(coder, "He is serving a ten-year sentence for the rape of a teenage girl.")
    assert "ASSAULT" not in [t for t, *_ in found]


def test_an_investigation_of_an_accident_accuses_no_one(coder):
    assert "ACCUSE" not in _types(coder, "Fire officials are investigating a blaze at a warehouse in Leeds.")
    assert_coded(actual_with_actors(coder, "The FBI is investigating the senator over bribery claims."),
                 "ACCUSE", "investigating", source="The FBI")


def test_agreeing_with_a_view_endorses_it(coder):
    found = actual_with_actors(coder, "The chancellor agreed with the central bank governor's assessment of the risks.")
    assert "AGREE" not in [t for t, *_ in found]
    assert_coded(actual_with_actors(coder, "Armenia agreed with Azerbaijan to hold talks in Moscow."), "AGREE", "agreed",
                 source="Armenia")


def test_refusing_to_discuss_with_no_partner_rejects_no_one(coder):
    assert "REJECT" not in _types(coder, "The Conservatives have refused to discuss the details of the new post.")
    assert_coded(actual_with_actors(coder, "Pyongyang refused to discuss its missile programme with Seoul."),
                 "REJECT", "discuss", source="Pyongyang")


def test_fired_up_is_roused(coder):
    assert _types(coder, "The delegates were fired up by the senator's speech in Des Moines.") == []
    assert _types(coder, "The senator tweeted that she was \"fired up\" after the debate.") == []
    assert_coded(actual_with_actors(coder, "Trump fired his national security adviser on Monday."), "COERCE", "fired",
                 source="Trump")
    assert "ASSAULT" in _types(coder, "Soldiers fired on protesters in the capital on Sunday.")
