"""Who did it: the country of an event's source where the text leaves it to the reader
(``chronicle.stages.actors``), on short articles written for these tests: a navy's ship prefix, a
state's abbreviation that is no foreign town, a titled or clerical person of a one-country story, a
judge linked to the named judge, a town's police, pirates that are no navy's countrymen.
"""

from __future__ import annotations

import pytest

from chronicle.knowledge.gazetteer import Gazetteer
from chronicle.stages.actors.borrowed import place_country
from tests.coding import events_of

pytestmark = pytest.mark.model


def sources(events, event_type: str | None = None):
    return [a for e in events if event_type in (None, e.event_type) for a in e.source]


def named(events, text: str):
    return [a for e in events for a in e.source + e.target if a.text == text]


def test_a_state_abbreviation_is_its_state_not_a_foreign_town():
    assert place_country("Va.", Gazetteer.load()) == "USA"
    assert place_country("Ill.", Gazetteer.load()) == "USA"


def test_a_ship_prefix_names_its_navy(coder):
    text = ("The Indian Navy said on Monday that its frigate had driven off a hijack attempt near Yemen.\n\n"
            "INS Kaveri opened fire on the attackers' skiff after it ignored warnings.")
    ship = named(events_of(coder, text), "INS Kaveri")
    assert ship and all(a.country == "IND" and a.sector == "MIL" for a in ship)


def test_a_british_ship_prefix_in_an_american_story(coder):
    text = ("Washington sent two destroyers to the Gulf on Tuesday, officials in Virginia said.\n\n"
            "HMS Dauntless opened fire on speedboats that approached the convoy.")
    ship = named(events_of(coder, text), "HMS Dauntless")
    assert ship and all(a.country == "GBR" and a.sector == "MIL" for a in ship)


def test_a_person_beside_a_state_abbreviation_takes_the_story_country(coder):
    text = ("Senate Republicans in Washington met on Monday to discuss the farm bill and Medicare.\n\n"
            "Karen Wexley, a teacher from Dayton, Ohio, criticized the senators for cutting school lunches.")
    teacher = named(events_of(coder, text), "Karen Wexley")
    assert teacher and all(a.country == "USA" for a in teacher)


def test_a_bishop_of_a_one_country_story_is_of_that_country(coder):
    text = ("The White House in Washington defended its health law on Tuesday before Congress.\n\n"
            "Bishop Martin Quell, of Dayton, Ohio, accused the administration of attacking religious liberty.")
    bishop = named(events_of(coder, text), "Bishop Martin Quell")
    assert bishop and all(a.country == "USA" for a in bishop)


def test_a_chief_executive_of_a_one_country_story_is_of_that_country(coder):
    text = ("The governor of Arkansas in Little Rock weighed the religious freedom bill on Tuesday.\n\n"
            "CEO Laura Pinkett urged the governor to veto the bill.")
    boss = named(events_of(coder, text), "CEO Laura Pinkett")
    assert boss and all(a.country == "USA" and a.sector == "BUS" for a in boss)


def test_the_judge_linked_to_a_named_judge_takes_the_story_country(coder):
    text = ("Judge Harold Bexley of the Superior Court heard the case in Sacramento, California.\n\n"
            "The judge refused the defense's request to delay the trial.")
    judge = [a for a in sources(events_of(coder, text), "REJECT") if a.text.lower() == "the judge"]
    assert judge and all(a.country == "USA" and a.sector == "JUD" for a in judge)


def test_a_towns_police_take_its_country(coder):
    text = "Staunton police arrested a man on Friday in the killing of a shop clerk."
    police = named(events_of(coder, text), "Staunton police")
    assert police and all(a.country == "USA" and a.sector == "COP" for a in police)


def test_pirates_do_not_take_the_navys_country(coder):
    text = ("The Indian Navy said its warship was escorting merchant ships in the Gulf of Aden.\n\n"
            "The pirates fired at a cargo ship before the Indian warship drove them off.")
    pirates = named(events_of(coder, text), "The pirates")
    assert pirates and all(a.country is None for a in pirates)


def test_a_national_central_bank_is_its_states(coder):
    text = "Officials in London said the BoE urged banks to lend more to small firms."
    bank = named(events_of(coder, text), "the BoE")
    assert bank and all(a.country == "GBR" and a.sector == "GOV" for a in bank)
