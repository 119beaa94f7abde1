"""Issue 11, session 15: actors named right but coded with no country
(``chronicle.stages.actors.borrowed``). A body the knowledge base lacks, in a story clearly of one
country, takes that country ("the CRTA" in a story of Leeds and Manchester); a name told again
without its description takes the country its earlier description gave ("Norwegian fish farmer
Skarvik ... Skarvik accused"). Short articles written for these tests.
"""

from __future__ import annotations

import pytest

from tests.coding import events_of

DAY = "2019-03-04"


def actor(events, event_type: str, role: str, text: str):
    found = [a for e in events if e.event_type == event_type for a in getattr(e, role) if a.text == text]
    assert found, [(e.event_type, [a.text for a in e.source], [a.text for a in e.target]) for e in events]
    return found[0]


@pytest.mark.model
def test_an_unknown_body_in_a_story_of_one_country_is_of_that_country(coder):
    text = ("Rail fares in Leeds, Manchester and Sheffield will rise by 5% in January, the British "
            "government said.\n\nThe CRTA accused ministers of breaking their promise to commuters.")
    crta = actor(events_of(coder, text, DAY), "ACCUSE", "source", "The CRTA")
    assert (crta.country, crta.sector) == ("GBR", None)  # no sector: the name does not say what it is


@pytest.mark.model
def test_an_unknown_body_in_an_american_story_is_american(coder):
    text = ("Police in Texas and Ohio arrested dozens of people at the weekend, officials in Washington "
            "said.\n\nThe NFPA urged Congress to pass a new gun law.")
    events = events_of(coder, text, DAY)
    assert actor(events, "REQUEST", "source", "The NFPA").country == "USA"
    assert actor(events, "REQUEST", "target", "Congress").country == "USA"


@pytest.mark.model
def test_an_unknown_body_in_a_story_of_two_countries_gets_no_country(coder):
    text = ("Norway and Sweden signed a fishing deal on Monday, Norwegian and Swedish officials said.\n\n"
            "The SFPA accused ministers of betraying fishermen.")
    assert actor(events_of(coder, text, DAY), "ACCUSE", "source", "The SFPA").country is None


@pytest.mark.model
def test_a_name_told_again_takes_the_country_of_its_earlier_description(coder):
    text = ("Norwegian fish farmer Skarvik was fined by regulators in Oslo on Monday.\n\n"
            "Skarvik accused the Chilean government of blocking its exports.")
    skarvik = actor(events_of(coder, text, DAY), "ACCUSE", "source", "Skarvik")
    assert skarvik.country == "NOR"
    assert "earlier-mention" in skarvik.method


@pytest.mark.model
def test_a_name_never_described_takes_no_country_from_another_name(coder):
    text = ("Norwegian fish farmer Skarvik and Swedish fish farmer Brekke were fined on Monday.\n\n"
            "Lomaris accused the regulators of bias.")
    events = events_of(coder, text, DAY)
    assert all(a.country is None for e in events for a in e.source if a.text == "Lomaris")
    assert any(a.text == "Lomaris" for e in events for a in e.source), events
