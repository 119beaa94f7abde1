"""Session 15, type precision (issue 10): habits and assessed acts are not events.

``stages/framing.py`` (``_habitual``) drops an act whose own verb, with its own subject, carries an
adverb of habit (``habit_adverbs`` in cues.yaml: "always", "often", "frequently", "routinely", "has
long" ...): what an actor does as a rule is not an act that happened (GUIDELINE.md section 1).
"Repeatedly" and "again" tell a series of acts that happened and stay; so does an adverb of a
participle that tells how one act went, or an "as always" aside. ``_assessed_act`` drops an act named
as the object a speaker classes ("called the meeting productive", "described the embargo as a relic"):
it is the topic of an assessment; "called a strike" (no predicate) stays, and so does an accusation
made by the classing. All sentences are written for this test.
"""

from __future__ import annotations

import pytest

from coding import actual_with_actors, has_event

pytestmark = pytest.mark.model


def _found(coder, text):
    return actual_with_actors(coder, text, published="2016-03-02")


@pytest.mark.parametrize("text", [
    "The Scottish Greens have always called for a referendum on the treaty.",
    "Senator Mark Dale says the president too frequently praises China.",
    "The rebels routinely kidnap foreign aid workers in the region.",
    "The Conservatives have long accused Labour of wasting public money.",
    "The mayor often meets union leaders in his office.",
])
def test_a_habit_is_no_event(coder, text):
    assert _found(coder, text) == []


def test_repeated_acts_that_happened_stay(coder):
    found = _found(coder, "Italy and Spain have repeatedly called for the sanctions to be lifted.")
    assert has_event(found, "REQUEST", "called", source="Italy"), found


def test_as_always_is_an_aside_not_a_habit(coder):
    found = _found(coder, "As always, the Conservatives accused Gordon Brown of hiding the deficit.")
    assert has_event(found, "ACCUSE", "accused", source="the Conservatives", target="Gordon Brown"), found


def test_an_adverb_of_a_participle_tells_how_the_act_went(coder):
    found = _found(coder, "Israeli troops raided the town of Jenin on Monday, often firing into homes.")
    assert any(e[0] in ("ASSAULT", "COERCE") and "Israeli troops" in e[2] for e in found), found


def test_a_habit_in_a_relative_clause_leaves_the_main_act(coder):
    found = _found(coder, "Greek police on Sunday arrested anarchist youths who often attack police stations.")
    assert has_event(found, "COERCE", "arrested", source="Greek police"), found
    assert not any(e[0] == "ASSAULT" for e in found), found


@pytest.mark.parametrize("text, kind", [
    ("The Kenyan president described the ceasefire as fragile.", "RETREAT"),
    ("Beijing described the arms embargo as a relic of the Cold War.", "COERCE"),
    ("The Kenyan president called the peace talks with Uganda a turning point.", "CONSULT"),
])
def test_an_act_a_speaker_assesses_is_no_event(coder, text, kind):
    assert not any(e[0] == kind for e in _found(coder, text)), _found(coder, text)


def test_calling_a_strike_is_still_an_act(rules):
    # The rules alone: since session 17 the recall stage's REQUEST at "called" (recall_coded 0.6)
    # takes the rules' strike as its content, a learned decision this rule test does not judge
    found = _found(rules, "The teachers' union called a national strike for Monday.")
    assert any(e[0] == "PROTEST" for e in found), found

