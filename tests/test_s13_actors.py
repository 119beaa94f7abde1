"""Who did it, and to whom (issue 11, session 13), on short articles written for these tests: the
author of a report or statement that acts through a relative clause ("released a report that
called for X"), local councils coded as their country's government, unnamed people in the object
as the target, and international offices coded IGO.
"""

from __future__ import annotations

import pytest

from tests.coding import events_of

pytestmark = pytest.mark.model


def actors(events, role: str, event_type: str | None = None):
    return [a for e in events if event_type in (None, e.event_type) and e.factuality == "actual"
            for a in getattr(e, role)]


@pytest.mark.parametrize("text, event_type, author", [
    ("The American Bar Association published a study on Monday that called for an end to cash bail.",
     "REQUEST", "The American Bar Association"),
    ("Amnesty International issued a statement which condemned the Egyptian government for the arrests.",
     "ACCUSE", "Amnesty International"),
])
def test_a_message_that_acts_in_a_relative_clause_speaks_for_its_author(coder, text, event_type, author):
    sources = [a.text for a in actors(events_of(coder, text), "source", event_type)]
    assert author in sources, sources


def test_a_message_received_is_not_the_receivers_act(coder):
    text = "The Egyptian embassy received a letter that condemned the arrests of the journalists."
    sources = [a.text for a in actors(events_of(coder, text), "source")]
    assert not any("embassy" in s for s in sources), sources


@pytest.mark.parametrize("text, council, country", [
    ("Flooding closed roads across Yorkshire on Friday.\n\n"
     "Leeds City Council accused the government of ignoring warnings about the river defences.",
     "Leeds City Council", "GBR"),
    ("Bus fares across England will rise next month, the Department for Transport said.\n\n"
     "Canterbury City Council criticised the transport secretary over the cuts to rural routes.",
     "Canterbury City Council", "GBR"),
])
def test_a_local_council_is_its_countrys_government(coder, text, council, country):
    found = [a for a in actors(events_of(coder, text), "source") if a.text == council]
    assert found, actors(events_of(coder, text), "source")
    assert (found[0].country, found[0].sector) == (country, "GOV")


def test_a_council_of_no_known_place_gets_no_country(coder):
    text = "Zorblax Council accused the minister of neglect."
    found = [a for a in actors(events_of(coder, text), "source") if "Council" in a.text]
    assert all(a.country is None for a in found), found


def test_an_international_office_named_in_the_text_codes_its_holder_as_igo(coder):
    text = "UN Secretary-General Ban Ki-moon condemned the shelling of the refugee camp."
    sources = actors(events_of(coder, text), "source", "ACCUSE")
    assert sources and sources[0].country == "IGO", sources


def test_a_party_leader_keeps_the_party_role(coder):
    text = "Lib Dem leader Charles Kennedy criticised the government over the war."
    sources = actors(events_of(coder, text), "source", "ACCUSE")
    assert sources and (sources[0].country, sources[0].sector) == ("GBR", "PTY"), sources


def test_unnamed_people_a_named_actor_acts_on_are_the_target(coder):
    text = ("A court in Dallas, Texas, heard the case this week.\n\n"
            "A jury in Dallas has convicted a 31-year-old man of killing his neighbour.")
    targets = [a.text for a in actors(events_of(coder, text), "target", "ACCUSE")]
    assert "a 31-year-old man" in targets, targets


def test_a_thing_acted_on_is_no_unnamed_target(coder):
    text = "Senator Mary Lowe of Ohio criticised the plan on Tuesday."
    targets = [a.text for a in actors(events_of(coder, text), "target")]
    assert not any("plan" in t for t in targets), targets


def test_a_town_police_department_is_its_countrys_police(coder):
    text = ("Two men were shot outside a bar in Virginia on Saturday.\n\n"
            "The Staunton Police Department accused the bar's owner of hiding evidence.")
    found = [a for a in actors(events_of(coder, text), "source") if "Police Department" in a.text]
    assert found and (found[0].country, found[0].sector) == ("USA", "COP"), found
