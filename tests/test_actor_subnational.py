"""State and provincial government: coded as the country's government or legislature, with the
state or province kept in the role.

CAMEO and the Phoenix agent dictionary have no sub-national sector: GOVERNOR, STATE_GOVERNOR,
REGIONAL_GOVERNOR, PROVINCIAL_OFFICIALS and CITY_MAYOR are all [~GOV], LEGISLATURE and
LEGISLATIVE_ASSEMBLY [~LEG]. So a state legislature is the country's LEG and a governor its GOV, and
what tells them from the national bodies is the role: "legislature of Ohio", "governor of Michigan",
"premier of Ontario". A name the state shares with a country ("Georgia") is the state when a state
office names it. Every sentence is written for these tests, with invented people.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def source_of(coder, text: str, published: str):
    from chronicle.schema import Article

    (pair,) = list(coder.pipe([Article(id="t", text=text, published=published)]))
    sources = [a for e in pair[1] for a in e.source]
    assert len({(a.text, a.start) for a in sources}) == 1, [(e.event_type, e.source) for e in pair[1]]
    return sources[0]


@pytest.mark.parametrize("text, codes", [
    # state and provincial legislatures
    ("The Ohio legislature condemned the federal government over the new pipeline rules.",
     ("USA", "LEG", "legislature of Ohio")),
    ("Ohio lawmakers accused the Environmental Protection Agency of ignoring farmers.",
     ("USA", "LEG", "lawmakers of Ohio")),
    ("The New Jersey legislature sued the Environmental Protection Agency.",
     ("USA", "LEG", "legislature of New Jersey")),
    ("The Michigan state Senate criticised the federal highway agency over the bridge.",
     ("USA", "LEG", "senate of Michigan")),
    ("The Punjab provincial assembly condemned the bombing in Lahore.",
     ("PAK", "LEG", "provincial assembly of Punjab")),
    # governors, premiers, chief ministers and their governments
    ("Michigan Governor Mara Lindqvist accused the federal government of abandoning Flint.",
     ("USA", "GOV", "governor of Michigan")),
    ("Governor Mara Lindqvist of Michigan accused the federal government of abandoning Flint.",
     ("USA", "GOV", "governor of Michigan")),
    ("Lieutenant Governor Ellen Brosnan of Virginia criticised the federal budget.",
     ("USA", "GOV", "lieutenant governor of Virginia")),
    ("The Governor of Kano State accused the army of killing civilians.",
     ("NGA", "GOV", "governor of Kano State")),
    ("Ontario Premier Dana Keller criticised Ottawa over health funding.",
     ("CAN", "GOV", "premier of Ontario")),
    ("The Quebec government accused Ottawa of interfering in provincial affairs.",
     ("CAN", "GOV", "government of Quebec")),
    ("Maharashtra Chief Minister Rohan Deshmane accused the central government of neglecting farmers.",
     ("IND", "GOV", "chief minister of Maharashtra")),
    ("The Catalan government rejected Madrid's demand for new elections.",
     ("ESP", "GOV", "government of Catalonia")),
    ("California sued the federal government over the border wall.",
     ("USA", "GOV", "government of California")),
    # a state that shares its name with a country
    ("State Senator Ann Velden of Georgia criticised the federal budget.",
     ("USA", "LEG", "state senator of Georgia")),
    ("Georgia state Rep. Tom Harlan accused the county sheriff of lying.",
     ("USA", "LEG", "state representative of Georgia")),
])
def test_a_state_or_provincial_body_is_the_countrys_with_the_region_in_its_role(coder, text, codes):
    actor = source_of(coder, text, "2016-02-02")
    assert (actor.country, actor.sector, actor.role) == codes
    assert "subnational" in actor.method


def test_the_national_legislature_keeps_no_region(coder):
    actor = source_of(coder, "The Senate rejected the governor's request for disaster funds.", "2016-02-02")
    assert (actor.country, actor.sector) == ("USA", "LEG") and "subnational" not in actor.method


def test_a_national_senator_from_a_state_is_not_a_state_office(coder):
    actor = source_of(coder, "Texas Senator Joan Marlowe accused the White House of ignoring the border.",
                      "2016-02-02")
    assert (actor.country, actor.sector, actor.role) == ("USA", "LEG", "senator")


@pytest.mark.parametrize("text, country", [
    ("A former New England fisherman was arrested by police in Walpole on Friday.", "USA"),
    ("The New England governors criticised the president over the fishing rules.", "USA"),
    ("Farmers across the Midwest condemned the trade ministry over the tariffs.", "USA"),
])
def test_a_region_named_after_a_country_is_not_that_country(coder, text, country):
    """"New England" holds "England": the US region names the USA, never GBR (regions.yaml)."""
    from chronicle.schema import Article

    (pair,) = list(coder.pipe([Article(id="t", text=text, published="2015-03-01")]))
    countries = {a.country for e in pair[1] for a in e.source + e.target}
    assert countries and "GBR" not in countries and country in countries, [(e.source, e.target) for e in pair[1]]
