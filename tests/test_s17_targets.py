"""Targets named in the sentence but left empty (session 17, issue 11): a received act with no giver
named ("X drew fierce criticism", ``received._ungiven``: X is the target, not the source), a passive
participle clause of words done to the clause's subject ("resigned after being criticised by Y",
``SHARED_PASSIVE_TYPES``), and an event noun aimed at what someone owns or does ("the FBI's probe
into Clinton's use of ...", ``arguments.owned_targets`` with ``named``). New sentences written for
these tests.
"""

from __future__ import annotations

import pytest

from tests.coding import actual_with_actors


def of_type(found, event_type):
    return [e for e in found if e[0] == event_type]


@pytest.mark.model
@pytest.mark.parametrize("sentence, receiver", [
    ("Governor Jim Hollis drew sharp criticism on Monday after closing three rural hospitals.", "Governor Jim Hollis"),
    ("The Liberal Democrats have attracted criticism for their new tax plans.", "The Liberal Democrats"),
])
def test_a_received_criticism_with_no_giver_is_done_to_the_receiver(coder, sentence, receiver):
    (event,) = of_type(actual_with_actors(coder, sentence), "ACCUSE")
    assert event[2] == [] and receiver in event[3], event


@pytest.mark.model
def test_a_received_criticism_with_a_giver_keeps_both(coder):
    found = actual_with_actors(coder, "The senator faced criticism from Democrats over the vote on Tuesday.")
    (event,) = of_type(found, "ACCUSE")
    assert event[2] == ["Democrats"] and event[3] == ["The senator"], event


@pytest.mark.model
def test_criticism_given_stays_the_subject_s_act(coder):
    """Not a receiving verb: "voiced criticism" is the subject's own."""
    found = actual_with_actors(coder, "Conservative MPs voiced criticism of the Home Office on Monday.")
    (event,) = of_type(found, "ACCUSE")
    assert event[2] == ["Conservative MPs"], event


@pytest.mark.model
@pytest.mark.parametrize("sentence, doer, receiver", [
    ("The minister resigned on Friday after being criticised by Labour MPs.", "Labour MPs", "The minister"),
    ("The mayor kept his post, despite having been investigated by the FBI twice.", "the FBI", "The mayor"),
])
def test_words_told_as_a_passive_participle_are_done_to_the_clause_subject(coder, sentence, doer, receiver):
    (event,) = of_type(actual_with_actors(coder, sentence), "ACCUSE")
    assert doer in event[2] and receiver in event[3], event


@pytest.mark.model
def test_a_thing_pronoun_subject_is_not_the_target_of_a_participle(coder):
    found = actual_with_actors(coder, "It was passed in March, having been rejected by the Senate once.")
    assert all(e[3] != ["It"] for e in of_type(found, "REJECT")), found


@pytest.mark.model
@pytest.mark.parametrize("sentence, doer, owner", [
    ("The emails surfaced during the FBI's inquiry into Senator Wallace's use of campaign funds.",
     "the FBI's", "Senator Wallace's"),
    ("Critics pointed to the Justice Department's investigation into the governor's travel expenses.",
     "the Justice Department's", "the governor's"),
])
def test_an_event_noun_aimed_at_what_someone_owns_is_aimed_at_them(coder, sentence, doer, owner):
    (event,) = of_type(actual_with_actors(coder, sentence), "ACCUSE")
    assert event[2] == [doer] and owner in event[3], event


@pytest.mark.model
def test_an_event_noun_does_not_target_its_own_doer(coder):
    found = actual_with_actors(coder, "The FBI widened its investigation into its own handling of the case.")
    assert all("its" not in e[3] for e in of_type(found, "ACCUSE")), found


@pytest.mark.model
def test_the_one_a_demand_tells_to_resign_is_its_target(coder):
    """"demanded that X resign": the tagger often takes the bare verb for a noun; it is a clause."""
    found = actual_with_actors(coder, "The Tories demanded that the home secretary resign over the visa row.")
    (event,) = of_type(found, "REQUEST")
    assert event[2] == ["The Tories"] and event[3] == ["the home secretary"], event


@pytest.mark.model
def test_a_demand_of_a_noun_is_not_a_clause(coder):
    """"demanded the resignation of ...": an object, read as before, not a clause's subject."""
    found = actual_with_actors(coder, "The Tories demanded answers on the visa row from the minister.")
    assert all(e[3] != ["the visa row"] for e in of_type(found, "REQUEST")), found


@pytest.mark.model
def test_a_received_call_by_someone_names_the_giver(coder):
    found = actual_with_actors(coder, "The attorney general faced a call by Senator Jim Hollis to publish the memo.")
    (event,) = of_type(found, "REQUEST")
    assert event[2] == ["Senator Jim Hollis"] and event[3] == ["The attorney general"], event


@pytest.mark.model
def test_a_perfect_verb_after_a_passive_one_is_active(coder):
    """"have not been drawn into it but have called for X": "have called" is the subject's own act."""
    found = actual_with_actors(coder, "The Greens have not been drawn into the row but have called for a review of the policy.")
    (event,) = of_type(found, "REQUEST")
    assert event[2] == ["The Greens"] and "The Greens" not in event[3], event


@pytest.mark.model
@pytest.mark.parametrize("sentence, event_type, thing", [
    ("Somali pirates fired at the oil tanker off the coast on Sunday.", "ASSAULT", "the oil tanker"),
    ("Kenyan police raided the compound outside Mombasa on Tuesday.", "COERCE", "the compound"),
])
def test_a_ship_or_building_a_force_act_lands_on_is_its_target(coder, sentence, event_type, thing):
    events = of_type(actual_with_actors(coder, sentence), event_type)
    assert any(thing in e[3] for e in events), events


@pytest.mark.model
def test_a_weapon_fired_is_not_a_target(coder):
    found = actual_with_actors(coder, "The police officer fired the weapon twice during the raid.")
    assert all("the weapon" not in e[3] for e in found), found
