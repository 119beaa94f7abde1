"""Session 16, type precision (issue 10): attacks on a home body, help that is no aid, campaign pledges.

- A person's attack on a government body of their own country is words (``senses.person_quarrel``).
- Help is aid only when a state, an armed force, an international body or an aid agency gives it
  (``senses.private_helper``, ``aid_giver_sectors``); a letter or details handed over, "the dollar"
  sent higher, and funding with no one else to receive it are no aid (``not_objects`` of the bare
  give-type senses, ``currency_itself``, ``home_funding``, ``recall._other_object``).
- A promise told as made at an election, or by a party or the opposition with no one named to receive
  it, is a campaign pledge (``senses.campaign_pledge``, ``campaign_sectors``, ``campaign_words``).
All sentences are written for this test.
"""

from __future__ import annotations

import pytest

from coding import actual_with_actors, has_event

pytestmark = pytest.mark.model


def _found(coder, text):
    return actual_with_actors(coder, text, published="2016-03-02")


def test_a_persons_attack_on_a_home_body_is_words(coder):
    found = _found(coder, "The senator attacked Congress for its inaction on guns.")
    assert has_event(found, "ACCUSE", "attacked", target="Congress"), found
    assert not any(e[0] == "ASSAULT" for e in found), found


def test_an_attack_on_a_ministry_by_militants_is_force(coder):
    found = _found(coder, "Militants attacked the interior ministry in Kabul, killing five guards.")
    assert has_event(found, "ASSAULT", "attacked", source="Militants"), found


@pytest.mark.parametrize("text", [
    "The businessman helped the mayor with his campaign.",
    "Local volunteers helped the refugees in Lesbos.",
    "The candidate was helped by a wave of leaked party memos.",
    "Ten tonnes of grain were needed to help two million Somalis.",
])
def test_help_from_no_state_is_no_aid(coder, text):
    assert not any(e[0] == "AID" for e in _found(coder, text)), _found(coder, text)


@pytest.mark.parametrize("text, trigger, source", [
    ("Japan helped Indonesia after the tsunami.", "helped", "Japan"),
    ("The Red Cross is helping flood victims in Bangladesh.", "helping", "The Red Cross"),
])
def test_help_from_a_state_or_agency_is_aid(coder, text, trigger, source):
    found = _found(coder, text)
    assert has_event(found, "AID", trigger, source=source), found


@pytest.mark.parametrize("text", [
    "The weak jobs report sent the euro lower against the yen.",
    "In a letter signed by the 30 members of the caucus, delivered to the Senate majority leader, the Democrats asked for a vote.",
    "On Wednesday the Senate acted to fund the government until March.",
])
def test_things_given_that_are_no_aid(coder, text):
    assert not any(e[0] == "AID" for e in _found(coder, text)), _found(coder, text)


@pytest.mark.parametrize("text, trigger, target", [
    ("Japan sent $5 million to Haiti after the earthquake.", "sent", "Haiti"),
    ("Saudi Arabia funded the rebels in Syria.", "funded", "the rebels"),
    ("Saudi Arabia gave the dollars to the Syrian rebels.", "gave", None),
])
def test_money_given_to_another_actor_is_aid(coder, text, trigger, target):
    found = _found(coder, text)
    assert has_event(found, "AID", trigger, target=target), found


@pytest.mark.parametrize("text", [
    "President Joao Mendes promised to cut fuel prices when he was elected last year.",
    "The Green leader is going into the election pledged to abolish road tolls.",
    "The president pledged during his campaign to close the border camps.",
])
def test_a_campaign_pledge_is_no_agreement(coder, text):
    assert not any(e[0] == "AGREE" for e in _found(coder, text)), _found(coder, text)


@pytest.mark.parametrize("text, source", [
    ("A group of senators pledged to find ways to improve the measure during a post-election session of Congress.",
     "senators"),
    ("The government pledged to hold elections in March.", "The government"),
])
def test_a_promise_that_is_no_campaign_pledge_stays(coder, text, source):
    found = _found(coder, text)
    assert has_event(found, "AGREE", "pledged", source=source), found
