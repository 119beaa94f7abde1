"""Session 19, refusals and opposition (REJECT) and backing (SUPPORT) that no stage drafted.

- REJECT words (triggers.yaml): "denied bail" / "refused bail" (refuse to release, CAMEO 1243), a court
  "overturned" a law (CAMEO 124; not a ban, which sports bodies overturn), "pushback", a "rebuff", "argued against", "shot down" an idea.
- SUPPORT words (triggers.yaml, CAMEO 051): "admired", "appreciate", "embraced" (with an object), "condolences".
All sentences are written for this test.
"""

from __future__ import annotations

import pytest

from coding import actual_with_actors, has_event

pytestmark = pytest.mark.model

PUBLISHED = "2019-05-14"


def _coded(coder, text: str) -> list[tuple[str, str]]:
    return [(e.event_type, e.factuality) for e in coder.code(text, published=PUBLISHED)]


def test_refusing_bail_rejects_the_release_of_the_one_held(coder):
    found = actual_with_actors(coder, "The jailed opposition leader Mikhail Orlov was denied bail by a Moscow court.",
                               PUBLISHED)
    assert has_event(found, "REJECT", "denied", target="Mikhail Orlov", source="a Moscow court"), found


def test_a_court_overturning_a_law_rejects_it(coder):
    found = actual_with_actors(coder, "The Supreme Court of Alabama overturned the state's new voting law.", PUBLISHED)
    assert has_event(found, "REJECT", "overturned"), found


@pytest.mark.parametrize("text, trigger", [
    ("The Prime Minister's plan met with pushback from Labour MPs.", "pushback"),
    ("Senior Republicans quickly shot down President Obama's idea.", "shot down"),
    ("Some senior Tories argued against the merger at the meeting.", "argued"),
    ("The Chancellor's speech was a rebuff to the Prime Minister.", "rebuff"),
])
def test_opposition_voiced_to_a_proposal_is_a_reject(coder, text, trigger):
    found = actual_with_actors(coder, text, PUBLISHED)
    assert has_event(found, "REJECT", trigger), found


def test_shooting_down_an_aircraft_stays_an_assault(coder):
    found = actual_with_actors(coder, "The army shot down a Syrian fighter jet near the border.", PUBLISHED)
    assert has_event(found, "ASSAULT", "shot down") and not has_event(found, "REJECT", "shot down"), found


@pytest.mark.parametrize("text, trigger", [
    ("Prime Minister Tony Blair said he still admired Home Secretary David Blunkett.", "admired"),
    ("\"I appreciate the president's efforts,\" Israeli Prime Minister Ariel Sharon said.", "appreciate"),
    ("Governor Mitt Romney embraced Senator Paul Ryan's budget plan.", "embraced"),
    ("President Obama offered his condolences to the families of the victims.", "condolences"),
])
def test_esteem_and_condolences_are_support(coder, text, trigger):
    found = actual_with_actors(coder, text, PUBLISHED)
    assert has_event(found, "SUPPORT", trigger), found


@pytest.mark.parametrize("text", [
    "The Chinese yuan appreciated against the dollar on Monday.",
    "The two footballers embraced after the final whistle.",
])
def test_a_currency_rising_or_a_hug_is_no_support(coder, text):
    assert "SUPPORT" not in {t for t, f in _coded(coder, text)}


@pytest.mark.parametrize("text", [
    "A lorry overturned on the motorway near Leeds on Friday.",
    "The FA overturned the striker's three-match ban on appeal.",
    "The coach pushed back the start of the training camp.",
    "The bank denied the loan to the football club.",
])
def test_no_reject_without_a_proposal_or_a_person_held(coder, text):
    assert "REJECT" not in {t for t, f in _coded(coder, text)}
