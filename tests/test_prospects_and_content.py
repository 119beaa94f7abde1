"""Events a sentence only talks about are not reported as actual (issue 10, precision on real news).

Each case is a shape of real news the rules coded as a deed (GUIDELINE.md sections 1, 3 and 7): an
event noun made a prospect by its adjective ("the pending invasion", "a possible strike"); an event
noun a speaker denies ("denied any bombing"); what a criticism, fear or rumour says ("criticism that
the president has caved"); an act coordinated with a hoped-for or planned one ("hoped they would
relent and release them"); and what is called for ("calling for X to veto the bill"). All sentences
are written for this test; they run on the rules alone, as tests/test_senses_realnews.py does.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def coded(rules, text: str) -> list[tuple[str, str]]:
    return [(e.event_type, e.factuality) for e in rules.code(text, published="2016-03-08")]


@pytest.mark.parametrize("text, event_type, factuality", [
    ("The opposition warned about the impending invasion by Russian forces.", "ASSAULT", "future"),
    ("The president spoke of a possible strike against the militants.", "ASSAULT", "hypothetical"),
    ("Khartoum denied any bombing in the border region.", "ASSAULT", "negated"),
])
def test_an_event_noun_keeps_its_own_factuality(rules, text, event_type, factuality):
    got = coded(rules, text)
    assert (event_type, factuality) in got
    assert (event_type, "actual") not in got


@pytest.mark.parametrize("text, not_actual", [
    ("The administration is pushing back against criticism from Democrats that the president "
     "has caved to Republicans.", "CONCEDE"),
    ("There were rumours in Kabul that the governor had arrested the tribal elders.", "COERCE"),
    ("The hostages said they hoped the rebels would relent and release them soon.", "RETREAT"),
    ("The Senate leader backed a plan to visit Moscow and meet the Russian president.", "CONSULT"),
    ("Leading Democrats are calling for Governor Cuomo to veto the budget bill.", "REJECT"),
])
def test_what_is_only_said_hoped_or_planned_is_not_actual(rules, text, not_actual):
    assert (not_actual, "actual") not in coded(rules, text)


def test_a_coordinated_deed_keeps_its_own_negation(rules):
    """"did not retreat and attacked": the attack happened; only the retreat is denied."""
    got = coded(rules, "The army did not retreat and instead attacked the rebel positions.")
    assert ("ASSAULT", "actual") in got
    assert ("RETREAT", "negated") in got
