"""Session 12: events whose trigger the lexicon knows but that got no draft.

A passive participle clause shares its clause's subject ("is in jail, having been charged with",
"was suspended after being accused of"); the subject of a verb of answering a charge is the one
charged ("pleaded guilty to fraud charges", "a man facing murder charges", "appeared in court on a
charge of"); an active verb coordinated with a passive one has the passive subject as its agent
("was defeated and accused X of"). Sentences made up for these tests.
"""

from __future__ import annotations

import pytest

from tests.coding import actual_with_actors, has_event as has

pytestmark = pytest.mark.model

DATE = "2011-06-14"
STORY = "Police in Ohio said Harlan Dorsey had been hiding in a barn for two days. "


def coded(coder, text):
    return actual_with_actors(coder, STORY + text, published=DATE)


def test_perfect_participle_clause_shares_the_subject(coder):
    found = coded(coder, "Harlan Dorsey is in a county jail, having been charged with arson and burglary.")
    assert has(found, "ACCUSE", "charged", target="Harlan Dorsey"), found


def test_participle_after_preposition_shares_the_subject(coder):
    found = coded(coder, "Marcus Quill was dropped from the team after being charged with drunk driving.")
    assert has(found, "ACCUSE", "charged", target="Marcus Quill"), found


def test_active_participle_clause_is_not_passive(coder):
    found = coded(coder, "Harlan Dorsey returned to the farm after charging his phone.")
    assert not any(t == "ACCUSE" for t, *_ in found), found


def test_plea_to_charges_names_the_accused(coder):
    found = coded(coder, "Harlan Dorsey has pleaded not guilty to three burglary charges.")
    assert has(found, "ACCUSE", "charges", target="Harlan Dorsey"), found


def test_man_facing_charges(coder):
    found = coded(coder, "A man facing robbery charges escaped from a courthouse in Dayton on Monday.")
    assert has(found, "ACCUSE", "charges", target="A man"), found


def test_appeared_in_court_on_a_charge(coder):
    found = coded(coder, "Harlan Dorsey appeared in court in Akron on a charge of aggravated arson.")
    assert has(found, "ACCUSE", "charge", target="Harlan Dorsey"), found


def test_charges_of_a_price_are_no_accusation(coder):
    found = coded(coder, "Drivers in Akron now face higher parking charges in the city centre.")
    assert not any(t == "ACCUSE" for t, *_ in found), found


def test_active_conjunct_of_passive_verb_takes_its_subject(coder):
    found = actual_with_actors(coder, "The Green Party was beaten in the Senate vote and accused the "
                               "government of rigging the count.", published=DATE)
    assert has(found, "ACCUSE", "accused", source="The Green Party"), found


def test_passive_conjunct_keeps_the_passive_reading(coder):
    found = coded(coder, "Two soldiers were ambushed and killed near the border town of Kandahar.")
    assert not any(src and "Two soldiers" in src for _, _, src, _ in found), found


def test_conditional_participle_is_no_act_done(coder):
    found = coded(coder, "Harlan Dorsey will lose his licence if found guilty of arson.")
    assert not any(t == "ACCUSE" and "Harlan Dorsey" in tgt for t, _, _, tgt in found), found


SPORTS = ("Rovers won the match 3-1 on Saturday, with two goals in the second half from their striker, "
          "and the coach praised the team's defence in the league game. ")


def test_charge_in_a_sports_story_needs_a_named_state(coder):
    found = actual_with_actors(coder, SPORTS + "Their midfielder Dale Pruitt was charged with violent "
                               "conduct after the match.", published=DATE)
    assert not any(t == "ACCUSE" for t, *_ in found), found


def test_arrest_in_a_sports_story_is_still_the_states(coder):
    found = actual_with_actors(coder, SPORTS + "Their midfielder Dale Pruitt was arrested in Leeds "
                               "on Sunday night.", published=DATE)
    assert any(t == "COERCE" for t, *_ in found), found
