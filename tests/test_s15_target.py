"""Whom it was done to, session 15 (issue 11: the target of events whose type is right), on short
articles written for these tests:

- "X is in jail", "X remained in custody", "X was on probation": X is held, so X is the target (the
  story's state holds X), while "Teachers went on strike" and "Troops remained on alert" stay the
  subject's own acts;
- "the resignation of X", "the surrender of X" (acts with no object): X does it, so X is the source;
- a place inside a phrase of unnamed people ("a man in Canada was charged", "two members of a sect in
  X were arrested") says where the people are: the people are the target, not the place's state.
"""

from __future__ import annotations

from functools import partial

import pytest

from tests.coding import actual_with_countries

pytestmark = pytest.mark.model

US = "The dispute over the new stadium in Columbus, Ohio, grew on Tuesday. "
CA = "The inquiry into the fire at a Winnipeg warehouse continued on Friday. "


_events = partial(actual_with_countries, published="2015-03-03")


def _rows(found, event_type, trigger):
    rows = [r for r in found if r[0] == event_type and r[1] == trigger]
    assert rows, found
    return rows[0]


def test_one_on_probation_is_the_target(coder):
    found = _events(coder, US + "Jim Harlow was on probation for a drink-driving arrest, a police spokesman said.")
    _, _, source, target = _rows(found, "COERCE", "probation")
    assert [t for t, _ in target] == ["Jim Harlow"]
    assert "Jim Harlow" not in [s for s, _ in source]


def test_one_on_probation_told_in_the_present_is_the_target(coder):
    found = _events(coder, US + "Marcus Reyes was on probation for an earlier burglary arrest, county police said.")
    _, _, source, target = _rows(found, "COERCE", "probation")
    assert "Marcus Reyes" in [t for t, _ in target]
    assert "Marcus Reyes" not in [s for s, _ in source]


def test_strikers_and_troops_still_act(coder):
    found = _events(coder, "Thousands of teachers in Athens went on strike on Monday.")
    _, _, source, _ = _rows(found, "PROTEST", "went")
    assert [s for s, _ in source] == ["teachers"]
    found = _events(coder, "Philippine troops remained on alert in Manila after the bombing.")
    assert all("troops" in " ".join(s for s, _ in r[2]).lower() for r in found if r[1] == "alert"), found


def test_place_of_unnamed_people_is_not_the_target(coder):
    found = _events(coder, CA + "A 45-year-old man in Canada is charged with first-degree murder in a bar shooting.")
    _, _, _, target = _rows(found, "ACCUSE", "charged")
    assert [t for t, _ in target] == ["A 45-year-old man"]


def test_named_place_object_stays_the_target(coder):
    found = _events(coder, "Russian jets bombed a village in Syria on Monday.")
    _, _, _, target = _rows(found, "ASSAULT", "bombed")
    assert "Syria" in [t for t, _ in target]


def test_one_who_resigns_is_the_source(coder):
    found = _events(coder, "The scandal led to the resignation of Defence Secretary Geoff Hoon.")
    _, _, source, target = _rows(found, "CONCEDE", "resignation")
    assert "Defence Secretary Geoff Hoon" in [s for s, _ in source]
    assert "Defence Secretary Geoff Hoon" not in [t for t, _ in target]


def test_one_arrested_stays_the_target(coder):
    found = _events(coder, "Police announced the arrest of Senator John Smith.")
    _, _, _, target = _rows(found, "COERCE", "arrest")
    assert "Senator John Smith" in [t for t, _ in target]
