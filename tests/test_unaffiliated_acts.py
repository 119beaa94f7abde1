"""Arrests and violence are events even when no political actor is named (knowledge/acts.py)."""

from __future__ import annotations

import pytest

from chronicle.knowledge.acts import unaffiliated

pytestmark = pytest.mark.model


def types(coder, text: str) -> list[tuple[str, str]]:
    return [(e.event_type, e.factuality) for e in coder.code(text, published="2024-03-08")]


def test_the_cameo_families():
    assert unaffiliated("173") and unaffiliated("1831") and unaffiliated("193")
    assert not unaffiliated("190") and not unaffiliated("112") and not unaffiliated(None)


@pytest.mark.parametrize("text, expected", [
    ("Tom Baker was arrested in Leeds on Friday.", ("COERCE", "actual")),
    ("Anna Kowalski was detained at the airport on Tuesday.", ("COERCE", "actual")),
    ("Mark Smith shot Paul Jones in the leg outside the bar.", ("ASSAULT", "actual")),
])
def test_state_action_and_violence_without_a_political_actor(coder, text, expected):
    assert expected in types(coder, text)


@pytest.mark.parametrize("text", [
    "The striker shot wide of the goal in the second half.",
    "His clearance was charged down by the winger.",
    "She has been in charge of the project since March.",
    "The band fired up the crowd with a new song.",
    "The company will start charging customers for the service.",
])
def test_other_senses_stay_quiet(coder, text):
    assert types(coder, text) == []


def test_an_arrest_with_a_named_private_agent_is_not_state_action(coder):
    """Only the passive without an agent stands for the state ("was arrested"); a shopkeeper who
    "detained" a thief is not a political actor."""
    assert types(coder, "Shopkeeper Dan Reid detained Carl Hughes until the morning.") == []


def test_a_thing_hit_by_a_blast_is_not_violence_against_people(coder):
    assert types(coder, "The explosion of portable music players surprised the industry.") == []
