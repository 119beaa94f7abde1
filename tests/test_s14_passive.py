"""Session 14, agentless passive state acts: "three executives were charged with fraud".

``stages/relevance.py`` (``_state_act_on_people``) keeps an act only a state does (an arrest, a
detention, a charge, a conviction, a sentence: ``state_only`` of ``knowledge/acts.py``) told in the
passive of a person or group of people with no agent but the state, even when the actors stage coded no
one, or only a firm or a place, as its target. "Charged with" must name a crime or a gerund of
wrongdoing (``crime_nouns``, ``wrongdoing_verbs`` of cues.yaml), not a task; in a sentence about a game
only an arrest counts (a charge there is as often a governing body's). All sentences are written for
this test.
"""

from __future__ import annotations

import pytest

from coding import actual_types, actual_with_actors

pytestmark = pytest.mark.model


PUBLISHED = "2016-03-02"


def _found(coder, text):
    return actual_with_actors(coder, text, published=PUBLISHED)


@pytest.mark.parametrize("text, event_type", [
    ("Four directors of the shipping firm were charged with bribing port inspectors in Rotterdam.", "ACCUSE"),
    ("Two senior bankers at the Lisbon lender were charged with concealing losses from regulators.", "ACCUSE"),
    ("A member of the chess society was arrested in Bristol on Saturday.", "COERCE"),
    ("One of the company's founders was convicted of tax evasion in Melbourne.", "ACCUSE"),
    ("Three leaders of the cult in Ohio have been arrested and charged with kidnapping.", "COERCE"),
])
def test_a_passive_state_act_on_people_is_kept(coder, text, event_type):
    assert event_type in actual_types(coder, published=PUBLISHED, text=text), _found(coder, text)


@pytest.mark.parametrize("text", [
    "The design team was charged with thinking up a cheaper handset for Asian buyers.",
    "Two engineers were charged with leading the review of the new software platform.",
    "The new director was charged with overseeing the museum's move to Leeds.",
])
def test_charged_with_a_task_is_no_accusation(coder, text):
    assert "ACCUSE" not in actual_types(coder, published=PUBLISHED, text=text), _found(coder, text)


def test_a_capture_is_not_only_a_states(coder):
    """Armed groups capture people too: "captured" alone names no state."""
    assert "COERCE" not in actual_types(coder, published=PUBLISHED,
        text="A cameraman for the channel was captured near the border in 2014.")


def test_a_charge_in_a_game_stays_a_governing_bodys(coder):
    text = "The striker was charged with violent conduct after the match against Leeds."
    assert "ACCUSE" not in actual_types(coder, published=PUBLISHED, text=text), _found(coder, text)


@pytest.mark.parametrize("text", [
    "Two nurses at the Lyon clinic have been charged with filing false insurance claims.",
    "A shop owner in Glasgow was charged with setting fire to his own premises.",
])
def test_wrongdoing_told_by_its_object_is_a_crime(coder, text):
    assert "ACCUSE" in actual_types(coder, published=PUBLISHED, text=text), _found(coder, text)


def test_a_task_keeps_the_people_it_is_given_to_out_of_court(coder):
    """Where the people charged are coded, a task still is no accusation."""
    text = "Two senior officials were charged with writing the annual report on school standards."
    assert "ACCUSE" not in actual_types(coder, published=PUBLISHED, text=text), _found(coder, text)
