"""A place inside the phrase of an event's object is where the act lands: PLOVER's target.

"Militants attacked a checkpoint in Kandahar": the checkpoint names no actor, and PLOVER codes the
place as the target. The actors stage keeps such a place as a mention of kind "place" (with its
country, never a sector, so it never makes an event political on its own); a place the verb
governs ("arrived in Kabul") is where the event happened and stays out. Sentences written for
these tests.
"""

from __future__ import annotations

import pytest

from tests.test_actor_surnames import mentions_of

pytestmark = pytest.mark.model


def test_a_place_inside_the_object_is_kept_as_a_place(coder):
    found = mentions_of(coder, "Gunmen attacked a checkpoint in southern Kandahar on Sunday.")
    place = found["southern Kandahar"]
    assert (place.kind, place.country, place.sector) == ("place", "AFG", None)


def test_a_place_the_verb_governs_is_no_actor(coder):
    found = mentions_of(coder, "Soldiers arrived in Kabul to protect the embassy on Sunday.")
    assert "Kabul" not in found


def test_the_place_is_the_target_of_an_attack_on_a_thing(coder):
    events = coder.code("Gunmen attacked a checkpoint in southern Kandahar on Sunday.")
    attack = [e for e in events if e.event_type == "ASSAULT"]
    assert attack and [(a.text, a.country) for a in attack[0].target] == [("southern Kandahar", "AFG")]
