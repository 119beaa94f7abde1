"""Session 16, type precision (issue 10): trigger words read in the wrong sense.

- "shot down the governor's proposal": what is shot down is an idea (``abstract_object`` on the
  ``shoot`` and ``shoot down`` entries), not an aircraft; "shooting a television drama" is filming.
- "has demonstrated that it can win": showed that (``opinion`` on ``demonstrate``), not a protest.
- "voted to fund the government": a state's own budget, not aid (``not_objects`` of ``fund``).
- "took charge of the relief effort", "the minister in charge of": command, not an accusation
  (``command_idiom`` of ``stages/events/senses.py``, ``command_heads`` of cues.yaml).
- "fought the president's efforts": what is fought is an effort (``abstract_nouns``), not force.
- "backed off": a retreat (CONCEDE, ``back off``), not support; "disputed the claims that ..." denies
  them (``denial_verbs``); what is feared or worried about did not happen yet (``hypothetical_verbs``).
- ``_riot_or_complaint`` of ``stages/framing.py``: protesters clashing with police is a riot
  (PROTEST), and a ministry or party protesting something is an official complaint (ACCUSE).
All sentences are written for this test.
"""

from __future__ import annotations

import pytest

from coding import actual_types, actual_with_actors, has_event

pytestmark = pytest.mark.model


PUBLISHED = "2016-03-02"


def _found(coder, text):
    return actual_with_actors(coder, text, published=PUBLISHED)


@pytest.mark.parametrize("text", [
    "Senate Republicans quickly shot down the governor's proposal.",
    "Labour shot down the idea of a second referendum within hours.",
    "The actor was in Rome shooting a television drama for the network.",
    "The governor fought the president's efforts to close the base.",
])
def test_words_of_force_on_ideas_or_films_are_no_assault(coder, text):
    assert "ASSAULT" not in actual_types(coder, published=PUBLISHED, text=text)


@pytest.mark.parametrize("text, trigger", [
    ("Rebels shot down a government helicopter near the border.", "shot down"),
    ("Police shot a man who was waving a knife outside the embassy.", "shot"),
])
def test_shooting_at_people_and_aircraft_stays_assault(coder, text, trigger):
    assert has_event(_found(coder, text), "ASSAULT", trigger)


def test_showing_that_is_no_demonstration(coder):
    assert "PROTEST" not in actual_types(coder, published=PUBLISHED,
        text="The opposition has demonstrated that it can beat the ruling party.")
    assert has_event(_found(coder, "Thousands of miners demonstrated against the government in Kiev."),
                     "PROTEST", "demonstrated")


def test_funding_ones_own_government_is_no_aid(coder):
    assert "AID" not in actual_types(coder, published=PUBLISHED,
        text="Congress voted on Friday to fund the government until March.")


@pytest.mark.parametrize("text", [
    "The mayor took charge of the relief effort after the floods.",
    "The minister in charge of the prisons resigned on Monday.",
])
def test_taking_charge_is_no_accusation(coder, text):
    assert "ACCUSE" not in actual_types(coder, published=PUBLISHED, text=text)


def test_charges_filed_stay_an_accusation(coder):
    found = _found(coder, "Prosecutors in Ohio filed charges against the former mayor on Tuesday.")
    assert any(row[0] == "ACCUSE" for row in found), found


def test_protesters_clashing_with_police_is_a_riot(coder):
    found = _found(coder, "Hundreds of protesters clashed with riot police outside the parliament on Sunday.")
    assert has_event(found, "PROTEST", "clashed")
    assert not has_event(found, "ASSAULT", "clashed")


@pytest.mark.parametrize("text", [
    "Rebels clashed with government troops in the north.",
    "Villagers clashed with soldiers near the border, leaving four dead.",
])
def test_armed_clashes_stay_assault(coder, text):
    assert has_event(_found(coder, text), "ASSAULT", "clashed")


def test_an_office_protesting_something_complains(coder):
    found = _found(coder, "The Foreign Ministry protested the arrest of its diplomat to the Russian authorities.")
    assert has_event(found, "ACCUSE", "protested", source="The Foreign Ministry")
    assert not has_event(found, "PROTEST", "protested")


def test_people_protesting_still_protest(coder):
    found = _found(coder, "Thousands of students protested against the fee increase in London.")
    assert has_event(found, "PROTEST", "protested")


def test_backing_off_is_no_support(coder):
    found = _found(coder, "Senators backed off their demand for a full inquiry into the sale.")
    assert not any(row[0] == "SUPPORT" for row in found), found
    assert has_event(_found(coder, "The union backed the minister's plan to cut rail fares."), "SUPPORT", "backed")


@pytest.mark.parametrize("text", [
    "The ministry disputed the union's claims that troops had abducted three villagers.",
    "The army disputed reports that its soldiers had shelled the market.",
])
def test_a_disputed_claim_is_no_act(coder, text):
    assert _found(coder, text) == []


def test_what_is_feared_did_not_happen_yet(coder):
    assert _found(coder, "Aid agencies fear that the militia has abducted more villagers.") == []
    assert has_event(_found(coder, "The militia abducted more villagers on Friday, aid agencies said."),
                     "ASSAULT", "abducted")
