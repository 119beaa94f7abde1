"""Issue 11, session 17: the story's country when the text names no country
(``chronicle.stages.actors.context.locality_evidence``). A local crime story names its county, its
highway, its court and its clock, not its country: "Maricopa County", "state Route 9", "Crown
Court", "BST" tell a reader the country, and the people it charges take it. Short articles written
for these tests.
"""

from __future__ import annotations

import pytest

from chronicle.stages.actors.context import locality_evidence
from tests.coding import events_of

DAY = "2019-03-04"


def test_us_counties_highways_and_clock_are_american():
    text = ("The Maricopa County Attorney filed charges on Friday. Deputies stopped him on state Route 87 "
            "at 2 a.m. PDT.")
    assert locality_evidence(text) == {"USA": 4}


def test_a_phrase_ending_in_county_reads_the_county_from_its_end():
    assert locality_evidence("The Travis County jury")["USA"] == 1
    assert locality_evidence("Travis County and Travis County again")["USA"] == 1  # each cue once


def test_english_counties_and_courts_are_british():
    assert locality_evidence("He appeared at Exeter Crown Court after a fire in a Devon village.") == {"GBR": 2}


def test_a_county_council_and_a_us_county_of_an_english_name_are_not_mistaken():
    assert locality_evidence("Kent County Council approved the budget.") == {}
    assert locality_evidence("Police in Somerset County, Pennsylvania, said.") == {"USA": 1}


def test_words_no_country_owns_are_no_evidence():
    assert locality_evidence("The county council met the district's attorney on an interstate trip.") == {}


def person(events, text: str):
    found = [a for e in events for a in e.source + e.target if a.text == text]
    assert found, [(e.event_type, [a.text for a in e.source], [a.text for a in e.target]) for e in events]
    return found[0]


@pytest.mark.model
def test_a_person_charged_in_a_us_county_story_is_american(coder):
    text = ("A Mesa man was arrested after a crash on state Route 87, the Maricopa County Sheriff's Office "
            "said.\n\nDaniel Orkney, 41, was charged with vehicular homicide.")
    assert person(events_of(coder, text, DAY), "Daniel Orkney").country == "USA"


@pytest.mark.model
def test_a_person_charged_in_an_english_county_story_is_british(coder):
    text = ("A fire destroyed a barn in a Dorset village early on Sunday, at about 05:00 BST.\n\n"
            "Mark Tillery, 30, was charged with arson and will appear at Bournemouth Crown Court.")
    assert person(events_of(coder, text, DAY), "Mark Tillery").country == "GBR"


@pytest.mark.model
def test_a_story_naming_nothing_local_gives_no_country(coder):
    text = "Daniel Orkney, 41, was charged with vehicular homicide after the crash."
    assert person(events_of(coder, text, DAY), "Daniel Orkney").country is None


@pytest.mark.model
def test_a_capital_the_story_never_supports_is_a_namesake_town(coder):
    text = ("A fire destroyed a Devon farm shop at 04:00 BST on Sunday.\n\n"
            "John Harrow, 52, from Dublin, was charged with arson and will appear at Exeter Crown Court.")
    assert person(events_of(coder, text, DAY), "John Harrow").country == "GBR"


@pytest.mark.model
def test_a_capital_of_a_country_the_story_names_keeps_its_evidence(coder):
    text = ("Irish police said a fire destroyed a shop in Dublin on Monday, and Ireland's justice "
            "minister visited the scene.\n\nJohn Harrow, 52, was charged with arson.")
    assert person(events_of(coder, text, DAY), "John Harrow").country == "IRL"
