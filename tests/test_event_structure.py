"""How the events stage splits and joins a sentence's events: one incident told in several clauses
is one event; an earlier event recalled in a relative clause is not news of its own."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _actual(coder, text):
    return [(e.event_type, e.trigger.text) for e in coder.code(text, published="2020-05-01")
            if e.factuality == "actual"]


def test_participles_of_an_assault_are_one_incident(coder):
    events = _actual(coder, "Rebel fighters overran a police post in Darfur, killing four officers and capturing six.")
    assert [t for t, _ in events] == ["ASSAULT"]


def test_same_type_dependent_clause_joins_its_governor(coder):
    events = _actual(coder, "Syrian troops shelled the market in Idlib, killing twelve civilians.")
    assert [t for t, _ in events] == ["ASSAULT"]


def test_an_arrest_and_an_attack_by_different_actors_stay_apart(coder):
    types = sorted(t for t, _ in _actual(coder, "Gunmen attacked a checkpoint in Kano and police arrested three suspects."))
    assert types == ["ASSAULT", "COERCE"]


def test_restrictive_relative_clause_on_an_argument_is_background(coder):
    events = _actual(coder, "The Kenyan government returned the rifles that police seized from the protesters.")
    assert "COERCE" not in [t for t, _ in events]


def test_an_aside_between_commas_keeps_its_event(coder):
    types = sorted(t for t, _ in _actual(
        coder, "The rebels, who attacked the town of Beni on Monday, were arrested by Congolese police on Friday."))
    assert types == ["ASSAULT", "COERCE"]


def test_an_event_noun_of_cause_or_topic_under_another_event_is_a_reference(coder):
    events = _actual(coder, "Germany summoned the Iranian ambassador to complain about the bombing of a synagogue.")
    assert "ASSAULT" not in [t for t, _ in events]


def test_an_event_noun_alone_is_still_news(coder):
    events = _actual(coder, "Deadly clashes between Sudanese troops and rebels erupted after the vote.")
    assert "ASSAULT" in [t for t, _ in events]


def test_a_participle_describing_an_actor_is_background_and_hyphens_keep_the_phrase(coder):
    events = [e for e in coder.code("The Saudi-led coalition fighting Houthi rebels in Yemen has declared a ceasefire.",
                                    published="2020-04-09") if e.factuality == "actual"]
    assert [e.event_type for e in events] == ["RETREAT"]
    assert events[0].source[0].text == "The Saudi-led coalition" and events[0].source[0].country == "SAU"


def test_a_hyphenated_cease_fire_is_a_ceasefire(coder):
    assert ("RETREAT", "fire") in _actual(coder, "The Afghan government announced a weeklong cease-fire with the Taliban.")
