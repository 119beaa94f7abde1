"""Session 12: the target of an act whose object does not name it (issue 11).

An accusation or a demand told with a clause of what is said names whom it is about in that
clause's subject ("warned that the Tories were planning cuts", "demanded that the minister
resign"); a noun of asking names the one asked as the object of "for" before the act asked for
("a call for the minister to resign"); two acts done to people told back to back share the second
one's object ("arrested and charged X"). Sentences made up for these tests.
"""

from __future__ import annotations

import pytest

from tests.coding import actual_with_actors

pytestmark = pytest.mark.model

DATE = "2005-03-02"


def coded(coder, text):
    return actual_with_actors(coder, text, published=DATE)


def targets_of(found, event_type, trigger):
    rows = [tgt for t, trig, _, tgt in found if t == event_type and trig == trigger]
    assert rows, found
    return rows[0]


def test_warning_names_the_subject_of_what_is_said(coder):
    found = coded(coder, "Mr Kennedy warned that the Conservatives were planning deep cuts to schools.")
    assert "the Conservatives" in targets_of(found, "ACCUSE", "warned")


def test_allegation_names_the_subject_of_what_is_alleged(coder):
    found = coded(coder, "Labour alleged that the Tories had hidden the true cost of their tax plans.")
    assert "the Tories" in targets_of(found, "ACCUSE", "alleged")


def test_demand_names_the_subject_of_what_is_demanded(coder):
    found = coded(coder, "The Liberal Democrats demanded that Mr Blunkett explain the decision to MPs.")
    assert "Mr Blunkett" in targets_of(found, "REQUEST", "demanded")


def test_speaker_is_not_his_own_target(coder):
    found = coded(coder, "Mr Howard warned that he would fight the plans in the Commons.")
    assert all("he" not in tgt for t, _, _, tgt in found if t == "ACCUSE")


def test_clause_about_a_thing_gives_no_target(coder):
    found = coded(coder, "Mr Kennedy warned that the scheme would hurt pensioners.")
    assert all(not tgt for t, trig, _, tgt in found if trig == "warned")


def test_call_for_someone_to_act(coder):
    found = coded(coder, "The Tories issued a call for the Home Secretary to resign on Tuesday.")
    assert "the Home Secretary" in targets_of(found, "REQUEST", "call")


def test_call_for_a_thing_names_no_one(coder):
    found = coded(coder, "The unions renewed their call for a pay rise for nurses.")
    assert all(not tgt for t, trig, _, tgt in found if trig == "call")


def test_arrested_and_charged_share_the_object(coder):
    found = coded(coder, "Police in Leeds arrested and charged Colin Marsh with fraud on Monday.")
    assert "Colin Marsh" in targets_of(found, "COERCE", "arrested")
    assert "Colin Marsh" in targets_of(found, "ACCUSE", "charged")


def test_first_verb_with_its_own_object_keeps_it(coder):
    found = coded(coder, "Police in Leeds arrested Colin Marsh and charged his brother with fraud.")
    assert "Colin Marsh" in targets_of(found, "COERCE", "arrested")


def test_place_of_a_meeting_is_its_venue(coder):
    found = coded(coder, "At their summit in Madrid, EU finance ministers backed plans to cut farm subsidies.")
    assert all("Madrid" not in tgt for t, trig, _, tgt in found if trig == "backed")


def test_visitor_talks_keep_the_host(coder):
    found = coded(coder, "Foreign Secretary Jack Straw held talks in Tokyo on Tuesday.")
    assert all(not tgt or "Tokyo" in tgt for t, _, _, tgt in found if t == "CONSULT")


def test_place_of_an_attack_stays_its_target(coder):
    found = coded(coder, "Syrian troops attacked a rebel base in Lebanon on Sunday.")
    assert "Lebanon" in targets_of(found, "ASSAULT", "attacked")


def test_person_owning_an_arrest_is_the_one_arrested(coder):
    found = [e for e in coded(coder, "Senator Harold Voss's arrest in Denver stunned his party.") if e[0] == "COERCE"]
    assert found and any("Voss" in t for t in found[0][3]), found
    assert not any("Voss" in s for s in found[0][2]), found


def test_body_owning_an_arrest_made_it(coder):
    found = coded(coder, "The FBI's arrest of two bankers stunned Wall Street.")
    rows = [e for e in found if e[0] == "COERCE"]
    assert rows and any("FBI" in s for s in rows[0][2]), found
