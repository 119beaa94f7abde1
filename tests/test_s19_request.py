"""Speech acts no stage coded (session 19): threats told as an announced act of pressure.

- A sanction, refusal or veto announced by its own actor ("said it would cut ties with X", "is
  prepared to veto the bill") and a lawsuit vowed ("vowed to sue X") are threats (THREATEN, CAMEO 13;
  the guideline's "X said he would veto it"), actual, the announced act not coded itself.
  Not an inquiry announced ("said it would investigate the fire"): no pressure on anyone.
- "would be happy to meet X" is a readiness stated, an intent (AGREE, CAMEO 036), as "is willing to
  meet X" is; not "was happy to meet X" (a meeting told as done).

Every sentence is written for this test (none is copied from an evaluation set); they run on the
rules alone (``Coder(learned=False)``).
"""

from __future__ import annotations

from functools import partial

import pytest

from tests.coding import actual_with_actors, assert_coded

pytestmark = pytest.mark.model

actual = partial(actual_with_actors, published="2021-06-08")


@pytest.mark.parametrize("text, event_type, trigger, source, target", [
    ("Senator Mary Cole vowed to sue the Idaho governor over the new map.",
     "THREATEN", "sue", "Senator Mary Cole", "the Idaho governor"),
    ("The Polish foreign minister said Poland was prepared to veto any plan to cut farm subsidies.",
     "THREATEN", "veto", "Poland", None),
    ("Moscow said it would cut ties with Tbilisi.", "THREATEN", "cut", None, "Tbilisi"),
])
def test_announced_pressure_is_a_threat(rules, text, event_type, trigger, source, target):
    found = actual(rules, text)
    assert_coded(found, event_type, trigger, source, target)
    assert not [e for e in found if e[0] in ("REJECT", "SANCTION", "ACCUSE")], found


@pytest.mark.parametrize("text", [
    "The Idaho police said they would investigate the fire at the depot.",
    "Senator Mary Cole sued the Idaho governor over the new map.",
])
def test_no_threat_without_pressure_announced(rules, text):
    assert not [e for e in actual(rules, text) if e[0] == "THREATEN"], actual(rules, text)


def test_happy_to_meet_is_an_intent(rules):
    found = actual(rules, "The Spanish prime minister says he would be happy to meet Mr Karzai.")
    assert_coded(found, "AGREE", "meet", None, "Mr Karzai")


def test_happy_after_a_meeting_is_no_intent(rules):
    found = actual(rules, "The Spanish prime minister said he was happy to meet Mr Karzai in Kabul.")
    assert not [e for e in found if e[0] == "AGREE"], found
