"""Actors political and business news of 2004-2019 names that the knowledge base lacked (session 12).

Central bankers, treasury and homeland-security secretaries, intelligence chiefs, Supreme Court
justices, heads of the IMF, World Bank and WTO, British ministers and opposition leaders, and the
bodies, parties and titles found with ``chronicle actors unknown`` on articles outside the real-news
test split and its check slice. Each person is coded with the office held on the event's date, and
with the country and usual code alone outside it. Every sentence is written for these tests.
"""

from __future__ import annotations

import datetime as dt

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
    ("Alan Greenspan", "2004-06-01", ("alan-greenspan", "USA", "GOV", "chair of the Federal Reserve")),
    ("Alan Greenspan", "2008-06-01", ("alan-greenspan", "USA", "CVL", None)),
    ("Ben Bernanke", "2008-10-01", ("ben-bernanke", "USA", "GOV", "chair of the Federal Reserve")),
    ("Hank Paulson", "2008-09-15", ("henry-paulson", "USA", "GOV", "treasury secretary")),
    ("Timothy Geithner", "2005-01-01", ("timothy-geithner", "USA", "GOV",
                                        "president of the Federal Reserve Bank of New York")),
    ("Tim Geithner", "2010-01-01", ("timothy-geithner", "USA", "GOV", "treasury secretary")),
    ("Porter Goss", "2000-01-01", ("porter-goss", "USA", "LEG", "representative")),
    ("Porter Goss", "2005-06-01", ("porter-goss", "USA", "SPY", "CIA director")),
    ("James Clapper", "2013-06-01", ("james-clapper", "USA", "SPY", "director of national intelligence")),
    ("Michael Chertoff", "2006-01-01", ("michael-chertoff", "USA", "GOV", "secretary of homeland security")),
    ("Janet Napolitano", "2005-01-01", ("janet-napolitano", "USA", "GOV", "governor of Arizona")),
    ("John Ashcroft", "2003-01-01", ("john-ashcroft", "USA", "GOV", "attorney general")),
    ("Alberto Gonzales", "2003-01-01", ("alberto-gonzales", "USA", "GOV", "White House counsel")),
    ("Antonin Scalia", "2010-01-01", ("antonin-scalia", "USA", "JUD", "justice of the Supreme Court")),
    ("Dennis Hastert", "2004-01-01", ("dennis-hastert", "USA", "LEG", "speaker of the House")),
    ("Bill Frist", "2005-03-01", ("bill-frist", "USA", "LEG", "Senate majority leader")),
    ("Eliot Spitzer", "2004-10-01", ("eliot-spitzer", "USA", "JUD", "attorney general of New York")),
    ("Rudy Giuliani", "1999-01-01", ("rudy-giuliani", "USA", "GOV", "mayor of New York City")),
    ("Rudy Giuliani", "2018-05-01", ("rudy-giuliani", "USA", "PTY", None)),
    ("Neil Kinnock", "1987-01-01", ("neil-kinnock", "GBR", "OPP", "leader of the opposition")),
    ("Neil Kinnock", "2004-01-01", ("neil-kinnock", "IGO", "IGO", "European commissioner")),
    ("Mervyn King", "2005-01-01", ("mervyn-king", "GBR", "GOV", "governor of the Bank of England")),
    ("Paul Boateng", "2004-06-01", ("paul-boateng", "GBR", "GOV", "chief secretary to the Treasury")),
    ("Jean-Claude Trichet", "2005-01-01", ("jean-claude-trichet", "IGO", "IGO",
                                           "president of the European Central Bank")),
    ("Rodrigo Rato", "2005-01-01", ("rodrigo-rato", "IGO", "IGO", "managing director of the IMF")),
    ("Paul Wolfowitz", "2006-01-01", ("paul-wolfowitz", "IGO", "IGO", "president of the World Bank")),
    ("Pascal Lamy", "2008-01-01", ("pascal-lamy", "IGO", "IGO", "director-general of the WTO")),
    ("Hans Eichel", "2004-01-01", ("hans-eichel", "DEU", "GOV", "finance minister")),
    ("Hans Eichel", "2007-01-01", ("hans-eichel", "DEU", "PTY", None)),
    ("Laurent Gbagbo", "2005-01-01", ("laurent-gbagbo", "CIV", "GOV", "president")),
    ("P. Chidambaram", "2010-01-01", ("p-chidambaram", "IND", "GOV", "home minister")),
])
def test_a_person_is_coded_with_the_office_held_that_day(kb, name, day, expected):
    assert code_on(kb, name, day) == expected


@pytest.mark.parametrize("name, country, sector", [
    ("Securities and Exchange Commission", "USA", "GOV"), ("Confederation of British Industry", "GBR", "BUS"),
    ("Electoral Commission", "GBR", "GOV"), ("Unison", "GBR", "LAB"),
    ("Interior Department", "USA", "GOV"), ("Royal Mail", "GBR", "BUS"),
    ("Desmond Tutu", "ZAF", "REL"), ("Trinamool Congress", "IND", "PTY"), ("Golkar", "IDN", "PTY"),
    ("Freedom Party of Austria", "AUT", "PTY"), ("Seleka", "CAF", "REB"),
])
def test_bodies_and_people_without_dated_roles_are_known(kb, name, country, sector):
    (entry,) = kb.lookup(name)
    assert (entry.country, entry.sector) == (country, sector)


def test_no_name_of_the_additions_means_two_entries(kb):
    for name in ("Alan Greenspan", "John Snow", "John Kelly", "Mary Robinson", "Lord Irvine",
                 "Mark Warner", "Andrew Lansley"):
        assert len(kb.lookup(name)) == 1, name


def test_a_surname_that_is_a_word_or_another_persons_is_no_alias(kb):
    # "delay" and "tenet" are words; Avigdor Lieberman, Giorgio Napolitano and Lord Ashcroft are others
    for name in ("DeLay", "Tenet", "Lieberman", "Napolitano", "Ashcroft", "Kagan"):
        assert not any(e.id in {"tom-delay", "george-tenet", "joe-lieberman", "janet-napolitano",
                                "john-ashcroft", "elena-kagan"} for e in kb.lookup(name)), name


# -- on the real parser ---------------------------------------------------------------------

@pytest.mark.model
@pytest.mark.parametrize("text, published, name, codes", [
    ("Alan Greenspan warned Congress about the growing budget deficit on Wednesday.",
     "2005-02-16", "Alan Greenspan", ("USA", "GOV", "chair of the Federal Reserve")),
    ("Michael Chertoff criticised the Louisiana authorities over the evacuation.",
     "2005-09-20", "Michael Chertoff", ("USA", "GOV", "secretary of homeland security")),
    ("Hans Eichel rejected the European Commission's demand for new spending cuts.",
     "2004-11-10", "Hans Eichel", ("DEU", "GOV", "finance minister")),
    ("Neil Kinnock accused the prime minister of betraying the miners.",
     "1985-03-01", "Neil Kinnock", ("GBR", "OPP", "leader of the opposition")),
    ("The CBI urged ministers to cut business taxes.",
     "2005-03-01", "CBI", ("GBR", "BUS", None)),
])
def test_an_addition_is_coded_in_an_event(coder, text, published, name, codes):
    found = actors_of(coder, text, published)
    assert found.get(name) == codes, found


@pytest.mark.model
def test_a_former_office_holder_is_not_coded_with_the_office_after_the_term(coder):
    found = actors_of(coder, "Michael Chertoff criticised the new border policy on Monday.", "2012-05-07")
    assert found["Michael Chertoff"] == ("USA", "ELI", None)
