"""A place inside the phrase of an event's object is where the act lands: PLOVER's target.

"Militants attacked a checkpoint in Kandahar": the checkpoint names no actor, and PLOVER codes the
place as the target. The actors stage keeps such a place as a mention of kind "place" (with its
country, never a sector, so it never makes an event political on its own); a named place the
verb governs ("surrendered in Helmand") is kept too, as a place of the clause, and is the target
only when the verb has no other. Sentences written for these tests.
"""

from __future__ import annotations

import pytest

from tests.test_actor_surnames import mentions_of

pytestmark = pytest.mark.model


def test_a_place_inside_the_object_is_kept_as_a_place(coder):
    found = mentions_of(coder, "Gunmen attacked a checkpoint in southern Kandahar on Sunday.")
    place = found["southern Kandahar"]
    assert (place.kind, place.country, place.sector) == ("place", "AFG", None)


def test_a_place_the_verb_governs_is_kept_for_the_clause(coder):
    """"surrendered in Kandahar": kept as a place of the clause (method ``place:clause``), which the
    events stage takes as a target only when the verb has no other."""
    found = mentions_of(coder, "Taliban fighters surrendered in Kandahar on Sunday.")
    place = found["Kandahar"]
    assert (place.kind, place.method, place.country, place.sector) == ("place", "place:clause", "AFG", None)


def test_a_place_the_verb_governs_is_the_target_when_nothing_else_is(coder):
    events = coder.code("Taliban fighters surrendered in Kandahar on Sunday.")
    surrendered = [e for e in events if e.trigger.text == "surrendered"]
    assert surrendered and [(a.text, a.country) for a in surrendered[0].target] == [("Kandahar", "AFG")]


def test_a_place_the_verb_governs_is_no_target_beside_a_person(coder):
    events = coder.code("Gunmen attacked Afghan soldiers in Kandahar on Sunday.")
    attack = [e for e in events if e.event_type == "ASSAULT"]
    assert attack and [a.text for a in attack[0].target] == ["Afghan soldiers"]


def test_the_place_is_the_target_of_an_attack_on_a_thing(coder):
    events = coder.code("Gunmen attacked a checkpoint in southern Kandahar on Sunday.")
    attack = [e for e in events if e.event_type == "ASSAULT"]
    assert attack and [(a.text, a.country) for a in attack[0].target] == [("southern Kandahar", "AFG")]
