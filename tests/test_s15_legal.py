"""Session 15, legal process told with nouns and set phrases (PLOVER ACCUSE: charge, convict, sue).

- "pleaded guilty to fraud charges", "faces charges", "arrested on charges of": the one who answers the
  charge is charged, whatever sector their job gives them ("executives", "a businessman"), and the
  story's state brings the charge when no prosecutor is named, as for the agentless passive
  (``answering_subjects`` of ``syntax/tree.py``; ``_answers_charge`` of ``stages/relevance.py``).
- "A jury found Smith guilty": the parser makes the one judged the subject of the adjective; "found
  him not guilty" is an acquittal, no verdict against him.
- "charged under Section 5 of the Public Order Act": a charge under a law (``knowledge/acts.py``).

All sentences are written for this test.
"""

from __future__ import annotations

import pytest

from coding import actual_with_actors, events_of, has_event

pytestmark = pytest.mark.model


def _found(coder, text):
    return actual_with_actors(coder, text, published="2011-05-10")


@pytest.mark.parametrize("text, trigger, target", [
    ("Two Dutch bank executives have pleaded guilty to bribery charges in Amsterdam.", "charges",
     "Two Dutch bank executives"),
    ("A senior manager at the Danish shipping group pleaded guilty to criminal charges on Tuesday.", "charges",
     "A senior manager"),
    ("One of Norway's richest businessmen was detained on Monday on charges of tax evasion.", "charges",
     "Norway's richest businessmen"),
])
def test_the_one_who_answers_a_charge_is_charged(coder, text, trigger, target):
    found = _found(coder, text)
    assert has_event(found, "ACCUSE", trigger, target=target), found


def test_the_story_state_brings_an_unnamed_charge(coder):
    text = "Three Italian bank executives pleaded guilty to fraud charges in Milan on Friday."
    charges = [e for e in events_of(coder, text, "2011-05-10") if e.trigger.text == "charges"]
    assert charges, events_of(coder, text, "2011-05-10")
    assert [(a.text, a.country) for a in charges[0].source] == [("", "ITA")]


@pytest.mark.parametrize("text", [
    "Two executives face charges of hypocrisy from their rivals over the pay deal.",
    "Drivers face higher charges at the new car park in the town centre.",
])
def test_a_charge_that_is_no_prosecution_is_not_coded(coder, text):
    found = _found(coder, text)
    assert not has_event(found, "ACCUSE", "charges"), found


def test_a_jury_finding_someone_guilty_is_a_verdict(coder):
    found = _found(coder, "A jury in Ohio found Daniel Kessler guilty on Monday of strangling his neighbour.")
    assert has_event(found, "ACCUSE", "found", target="Daniel Kessler", source="A jury"), found


def test_an_acquittal_is_no_verdict_against_him(coder):
    found = _found(coder, "A jury in Ohio found Daniel Kessler not guilty on Monday.")
    assert not any(e[0] == "ACCUSE" and e[1] == "found" and "Daniel Kessler" in e[3] for e in found), found


def test_a_charge_under_a_law_is_the_states(coder):
    text = "Police detained six students in Leeds on Saturday. They were charged under Section 4 of the Public Order Act."
    assert has_event(_found(coder, text), "ACCUSE", "charged", target="They"), _found(coder, text)


def test_charged_under_a_tariff_is_no_charge(coder):
    found = _found(coder, "Customers were charged under the new tariff introduced by the water company.")
    assert not has_event(found, "ACCUSE", "charged"), found


@pytest.mark.parametrize("text, target", [
    ("Former Lisbon bank chairman Rui Matos is to stand trial next month on fraud charges.",
     "Rui Matos"),
    ("Two men went on trial in Glasgow on Tuesday on charges of smuggling cigarettes.", "Two men"),
])
def test_a_trial_on_charges_is_a_charge_already_brought(coder, text, target):
    found = _found(coder, text)
    assert has_event(found, "ACCUSE", "charges", target=target), found


def test_making_charges_is_accusing_not_being_charged(coder):
    found = _found(coder, "The Greek finance minister made charges of corruption against the opposition party.")
    assert not any(e[0] == "ACCUSE" and "The Greek finance minister" in e[3] for e in found), found


@pytest.mark.parametrize("text, accused", [
    ("Senator Mark Collins faces corruption charges in Ohio.", "Senator Mark Collins"),
    ("The former Italian defence minister pleaded guilty to bribery charges in Rome.", "The former Italian defence minister"),
])
def test_a_political_actor_who_answers_a_charge_is_charged(coder, text, accused):
    found = _found(coder, text)
    charges = [e for e in found if e[0] == "ACCUSE" and e[1] == "charges"]
    assert charges and accused in charges[0][3] and accused not in charges[0][2], found


def test_a_partys_charges_stay_its_own(coder):
    found = _found(coder, "Labour's charges against the Conservatives were dismissed by the prime minister.")
    assert has_event(found, "ACCUSE", "charges", source="Labour's"), found


@pytest.mark.model
@pytest.mark.parametrize("text, charge, named", [
    ("Charges were brought against four aides.", "Charges", ["against"]),
    ("The aide denied the charges brought against him.", "charges", ["against"]),
    ("After the charges were put to them, the men left.", "charges", ["to"]),
    ("The charges against the aides were dropped.", "charges", []),
])
def test_the_phrase_a_charge_is_brought_against(text, charge, named):
    """``syntax.tree.charge_against_preps``: the one phrase both the events stage (who is the
    target) and the relevance stage (are these people the ones charged) read, in the passive and as
    a participle; a charge with no verb of bringing has none (its "against" is the noun's own)."""
    from chronicle.syntax.model import load_model
    from chronicle.syntax.tree import charge_against_preps

    noun = next(t for t in load_model()(text) if t.text == charge)
    assert [p.lower_ for p in charge_against_preps(noun)] == named
