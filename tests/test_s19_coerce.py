"""Coercion and protest told by their state or their doers (session 19, COERCE/PROTEST recall).

- "Demonstrators occupied the town hall": a building taken by the people of a protest is a sit-in
  that obstructs, PROTEST (CAMEO 144, ``unrest_doer``), not an armed force taking ground; "French
  troops occupied the town" stays COERCE.
- "is serving a ten-year sentence", "received two life sentences": a prison term told as a noun
  that its subject serves or receives (``served_term``, ``answering_verbs``) is COERCE done to the
  subject; "the first sentence of the letter" is none.

Every sentence is written for this test (none is copied from an evaluation set). They run on the
rules alone (``Coder(learned=False)``).
"""

from __future__ import annotations

from functools import partial

import pytest

from tests.coding import actual_with_actors, has_event

pytestmark = pytest.mark.model

actual = partial(actual_with_actors, published="2016-05-10")


def test_protesters_occupying_a_building_protest(rules):
    found = actual(rules, "Demonstrators occupied the town hall in Leeds.")
    assert has_event(found, "PROTEST", "occupied"), found
    assert not [e for e in found if e[0] == "COERCE"], found


def test_troops_occupying_a_town_still_coerce(rules):
    found = actual(rules, "French troops occupied the town.")
    assert has_event(found, "COERCE", "occupied"), found
    assert not [e for e in found if e[0] == "PROTEST"], found


@pytest.mark.parametrize("text, trigger, target", [
    ("Senator Bill Harlan is serving a ten-year sentence for bribery.", "sentence", "Senator Bill Harlan"),
    ("Mr Jones received two life sentences for the murders.", "sentences", "Mr Jones"),
])
def test_prison_term_told_as_a_noun_is_coerce(rules, text, trigger, target):
    found = actual(rules, text)
    assert has_event(found, "COERCE", trigger, target=target), found
    assert not [e for e in found if e[0] == "COERCE" and target in e[2]], found  # served, not imposed


def test_a_sentence_of_a_letter_is_none(rules):
    assert not actual(rules, "Mr Jones read the first sentence of the letter."), actual(
        rules, "Mr Jones read the first sentence of the letter.")

