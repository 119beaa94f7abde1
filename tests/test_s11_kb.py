"""Actors political news of 2004-2019 names often that the knowledge base lacked (session 11).

Past presidents and prime ministers, congressmen, press secretaries, judges and officials found with
``chronicle actors unknown`` on articles outside the real-news test split, and the bodies they sit
on (congressional committees, the NAACP, the RCMP). Each is coded with the office held on the
event's date: Nixon was vice president in 1958 and president in 1972; Karamanlis was Greece's
government in 2007 and not in 2012. Every sentence is written for these tests.
"""

from __future__ import annotations

import datetime as dt
from functools import partial

import pytest

from chronicle.knowledge.actors import load_actor_kb
from tests.coding import actors_of


@pytest.fixture(scope="module")
def kb():
    return load_actor_kb()


def code_on(kb, name: str, day: str):
    (entry,) = kb.lookup(name)
    coding = kb.code(entry, dt.date.fromisoformat(day))
    return entry.id, coding.country, coding.sector, coding.role


@pytest.mark.parametrize("name, day, expected", [
    ("Nixon", "1958-06-01", ("richard-nixon", "USA", "GOV", "vice president")),
    ("Richard Nixon", "1972-05-01", ("richard-nixon", "USA", "GOV", "president")),
    ("Richard M. Nixon", "1980-01-01", ("richard-nixon", "USA", "PTY", None)),
    ("George H.W. Bush", "1976-06-01", ("george-h-w-bush", "USA", "SPY", "CIA director")),
    ("Margaret Thatcher", "1977-01-01", ("margaret-thatcher", "GBR", "OPP", "leader of the opposition")),
    ("John Major", "1995-01-01", ("john-major", "GBR", "GOV", "prime minister")),
    ("Costas Karamanlis", "2007-09-16", ("kostas-karamanlis", "GRC", "GOV", "prime minister")),
    ("Karamanlis", "2012-01-01", ("kostas-karamanlis", "GRC", "PTY", None)),
    ("Silvio Berlusconi", "1994-09-01", ("silvio-berlusconi", "ITA", "GOV", "prime minister")),
    ("Alain Juppé", "1996-01-01", ("alain-juppe", "FRA", "GOV", "prime minister")),
    ("Sherrod Brown", "2005-01-01", ("sherrod-brown", "USA", "LEG", "representative")),
    ("Sherrod Brown", "2015-01-01", ("sherrod-brown", "USA", "LEG", "senator")),
    ("Robert Gibbs", "2010-03-01", ("robert-gibbs", "USA", "GOV", "White House press secretary")),
    ("Susan E. Rice", "2015-01-01", ("susan-rice", "USA", "GOV", "national security adviser")),
    ("Paul D. Ryan", "2012-08-11", ("paul-ryan", "USA", "LEG", "representative")),
    ("Recep Erdogan", "2010-01-01", ("recep-tayyip-erdogan", "TUR", "GOV", "prime minister")),
    ("Lord Woolf", "2004-01-01", ("lord-woolf", "GBR", "JUD", "lord chief justice")),
    ("Wally Oppal", "2007-01-01", ("wally-oppal", "CAN", "JUD", "attorney general of British Columbia")),
    ("Ed Murray", "2015-01-01", ("ed-murray", "USA", "GOV", "mayor of Seattle")),
    ("Mark Felt", "1973-01-01", ("mark-felt", "USA", "COP", "associate director of the FBI")),
    ("Bill Kristol", "2012-01-01", ("bill-kristol", "USA", "MED", None)),
    ("George Galloway", "2013-01-01", ("george-galloway", "GBR", "LEG", "member of parliament")),
    ("George Galloway", "2011-01-01", ("george-galloway", "GBR", "PTY", None)),
    ("Taban Deng", "2017-01-01", ("taban-deng-gai", "SSD", "GOV", "first vice president")),
    ("Ed Markey", "2012-01-01", ("ed-markey", "USA", "LEG", "representative")),
    ("Michael Bloomberg", "2008-01-01", ("michael-bloomberg", "USA", "GOV", "mayor of New York City")),
])
def test_a_person_is_coded_with_the_office_held_that_day(kb, name, day, expected):
    assert code_on(kb, name, day) == expected


@pytest.mark.parametrize("name, country, sector", [
    ("NAACP", "USA", "NGO"), ("RCMP", "CAN", "COP"), ("Royal Canadian Mounted Police", "CAN", "COP"),
    ("House Intelligence Committee", "USA", "LEG"), ("Senate Judiciary Committee", "USA", "LEG"),
])
def test_bodies_are_known(kb, name, country, sector):
    (entry,) = kb.lookup(name)
    assert (entry.country, entry.sector) == (country, sector)


def test_no_name_of_the_additions_means_two_entries(kb):
    for name in ("Susan Rice", "Nixon", "Thatcher", "Ronald Reagan", "Jimmy Carter", "Gerald Ford",
                 "Harold Wilson", "Kostas Karamanlis", "Alexandria Ocasio-Cortez"):
        assert len(kb.lookup(name)) == 1, name


def test_a_bare_ambiguous_surname_is_no_alias(kb):
    # "Ford" is a carmaker, "Carter" and "Johnson" other politicians: only full names are aliases
    for name in ("Ford", "Carter", "Johnson", "Kennedy", "Major"):
        assert not any(e.id in {"gerald-ford", "jimmy-carter", "lyndon-b-johnson", "john-f-kennedy",
                                "ted-kennedy", "john-major"} for e in kb.lookup(name)), name


# -- on the real parser ---------------------------------------------------------------------

@pytest.mark.model
@pytest.mark.parametrize("text, published, name, codes", [
    ("Sherrod Brown criticised the Treasury over the new trade rules on Tuesday.",
     "2016-03-01", "Sherrod Brown", ("USA", "LEG", "senator")),
    ("Costas Karamanlis met the Turkish prime minister in Ankara on Friday.",
     "2008-01-25", "Costas Karamanlis", ("GRC", "GOV", "prime minister")),
    ("Robert Gibbs accused Republican leaders of blocking the jobs bill.",
     "2010-06-01", "Robert Gibbs", ("USA", "GOV", "White House press secretary")),
    ("Wally Oppal praised the RCMP for the arrests in Surrey.",
     "2008-04-02", "Wally Oppal", ("CAN", "JUD", "attorney general of British Columbia")),
    ("The NAACP condemned the sheriff over the shooting.",
     "2015-04-10", "NAACP", ("USA", "NGO", None)),
    ("The Senate Intelligence Committee criticised the CIA over its detention program.",
     "2014-12-10", "Senate Intelligence Committee", ("USA", "LEG", None)),
    ("The House Judiciary Committee accused the Justice Department of hiding the memo.",
     "2018-03-01", "House Judiciary Committee", ("USA", "LEG", None)),
])
def test_an_addition_is_coded_in_an_event(coder, text, published, name, codes):
    found = actors_of(coder, text, published)
    assert found.get(name) == codes, found


@pytest.mark.model
def test_a_past_president_is_coded_as_president_on_a_date_of_his_term(coder):
    found = actors_of(coder, "Richard Nixon met Chinese leaders in Beijing on Monday.", "1972-02-21")
    assert found["Richard Nixon"] == ("USA", "GOV", "president")
