"""Targets of right-typed events (session 18, issue 11): the people a state's authorities arrest,
charge, convict or release take that state's country when nothing else places them, in a story of
no single country (``arguments.held_people_of_state``). New sentences written for these tests.
"""

from __future__ import annotations

import pytest

from tests.coding import actual_with_countries


def of_type(found, event_type):
    return [e for e in found if e[0] == event_type]


# A story of several countries: no single story country places the people it names.
TWO_COUNTRIES = "Officials in France, Germany, Mexico and Japan have discussed the fraud. "


@pytest.mark.model
@pytest.mark.parametrize("sentence, event_type, person, country", [
    ("Toronto police arrested Marla Deane Whitcomb at her home on Friday.", "COERCE", "Marla Deane Whitcomb", "CAN"),
    ("Ohio prosecutors have charged Harlan Pruett with two counts of fraud.", "ACCUSE", "Harlan Pruett", "USA"),
    ("British police released Harlan Pruett on bail on Friday.", "RETREAT", "Harlan Pruett", "GBR"),
])
def test_people_a_state_arrests_or_charges_take_its_country(coder, sentence, event_type, person, country):
    found = of_type(actual_with_countries(coder, TWO_COUNTRIES + sentence), event_type)
    assert any((person, country) in e[3] for e in found), found


@pytest.mark.model
def test_people_with_a_sector_of_their_own_keep_no_borrowed_country(coder):
    """Pirates seized at sea are not the navy's own people."""
    found = of_type(actual_with_countries(coder, "The Indian Navy captured 23 pirates off the coast on Tuesday."),
                    "COERCE")
    assert found and all(country != "IND" for e in found for text, country in e[3] if "pirates" in text), found


@pytest.mark.model
def test_people_with_a_country_of_their_own_keep_it(coder):
    found = of_type(actual_with_countries(coder, TWO_COUNTRIES + "Toronto police arrested a Somali man on Friday."),
                    "COERCE")
    assert found and all(country != "CAN" for e in found for text, country in e[3] if "Somali" in text), found


@pytest.mark.model
def test_a_criticism_that_is_not_a_state_act_borrows_no_country(coder):
    found = of_type(actual_with_countries(
        coder, TWO_COUNTRIES + "Toronto police criticised Marla Deane Whitcomb for her posts."), "ACCUSE")
    assert all(country is None for e in found for text, country in e[3] if "Whitcomb" in text), found
