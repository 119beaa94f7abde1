"""Well-known companies are business (BUS) actors: the Phoenix MNC listing converted into
``data/actors/companies.yaml`` (``python -m tools.phoenix --companies-only``).

The relevance stage needs to tell a commercial dispute ("a carmaker sued a supplier") from one
between non-political groups, so a company must resolve to BUS rather than stay unknown. The
dictionary lines and sentences here are made up for these tests.
"""

from __future__ import annotations

import pytest
import yaml

from chronicle.knowledge.actors import ActorEntry, ActorKB, builtin_actor_files, load_actor_kb
from tools.phoenix import convert, news_case, parse_actor_text, without_legal_suffix

WORDS = frozenset({"swift", "apple", "widget", "new"})
VOCAB = (WORDS, frozenset({"swift", "new"}))        # (all words, everyday words)

LISTING = """ZORBLAX_INC_\t[MNCUSA]\t# Semiconductors\t$5,000,000,000
QUENTOVA_CORPORATION_\t[MNCDEUMED]\t# Publishing\t$2,000,000,000
SWIFT_HOLDINGS_LTD_\t[MNCGBR]\t# Trucking\t$3,000,000,000
PLONKERA_GROUP_\t[MNC]\t# Oil\t$9,000,000,000
NORVEXA_\t[MNCJPN] #MleH 06 Jul 2009# NGO_Actors
APPLE_INC_\t[MNCUSA]\t# Computers\t$235,000,000,000
TINYCO_INC_\t[MNCUSA]\t# Packaged Foods\t$5,000,000
GAZA_INC_\t[MNCUSA]\t# Fruit\t$4,000,000,000
AMBERTON_CORP_\t[MNCUSA]\t# Banks\t$2,000,000,000
AMBERTON_LTD_\t[MNCGBR]\t# Banks\t$2,000,000,000
WIDGETS_INC_\t[MNCUSA]\t# Widgets\t$2,000,000,000
BRIXTON_CORPORATION_\t[MNCUSA]\t# Steel\t$2,000,000,000
JOHN_DOE_\t[USAGOV]
"""


def companies(kb: ActorKB | None = None, stats: dict | None = None) -> dict[str, dict]:
    entries = convert(parse_actor_text(LISTING, "international"), kb, vocab=VOCAB, stats=stats,
                      companies_only=True, min_company_value=10**9, is_place=lambda name: name == "Gaza")
    return {e["name"]: e for e in entries}


def test_legal_suffixes_are_cut_and_written_as_news_does():
    assert without_legal_suffix("ACTIVE_POWER,_INC_") == "ACTIVE_POWER"
    assert without_legal_suffix("KESTREL_GROUP_HOLDINGS_S.A.") == "KESTREL"
    assert without_legal_suffix("GROUP_SA") == ""
    assert news_case("ABB_LTD_", org=True, company=True) == "ABB Ltd"      # "ABB" alone: an acronym
    assert news_case("ROYAL_DUTCH_SHELL_PLC", org=True, company=True) == "Royal Dutch Shell plc"


def test_companies_are_business_actors_of_their_home_country():
    found = companies()
    zorblax = found["Zorblax Inc"]
    assert (zorblax["kind"], zorblax["country"], zorblax["sector"]) == ("organisation", "USA", "BUS")
    assert zorblax["aliases"] == ["Zorblax"]                      # news drops the "Inc"
    assert zorblax["id"] == "co-zorblax-inc"                      # no clash with phoenix.yaml's phx- ids
    quentova = found["Quentova Corporation"]
    assert (quentova["country"], quentova["sector"], quentova["alt_sectors"]) == ("DEU", "BUS", ["MED"])
    assert found["Plonkera Group"]["country"] is None              # bare MNC: no home country
    assert found["Norvexa"]["country"] == "JPN"                    # added by hand: no listed value


def test_only_companies_worth_the_minimum_are_kept():
    stats: dict[str, int] = {}
    found = companies(stats=stats)
    assert "Tinyco Inc" not in found and "John Doe" not in found
    assert stats["company of a smaller listed value, left out"] == 1
    assert stats["not a company, left out"] == 1


def test_unsafe_short_names_are_dropped_but_not_the_company():
    found = companies()
    # one everyday word (the matcher is case-sensitive, so a noun like "Apple" is safe)
    assert "Swift" not in found["Swift Holdings Ltd"]["aliases"]
    assert found["Apple Inc"]["aliases"] == ["Apple"]
    assert not {"Gaza", "GAZA"} & set(found["Gaza Inc"]["aliases"])       # a place
    assert found["Widgets Inc"]["aliases"] == []                    # a plural: "Widgets were..."
    assert found["Amberton Corp"]["aliases"] == found["Amberton Ltd"]["aliases"] == []   # two countries


def test_other_files_win_and_a_known_surname_is_no_company_name():
    kb = ActorKB()
    kb._add_item("test", 1, {"id": "peter-brixton", "kind": "person", "name": "Peter Brixton"}, False)
    kb._add_item("test", 2, {"id": "zorblax", "kind": "organisation", "name": "Zorblax", "country": "USA",
                             "sector": "BUS"}, False)
    found = companies(kb)
    assert found["Zorblax Inc"]["aliases"] == []                   # the hand-written entry keeps "Zorblax"
    assert found["Brixton Corporation"]["aliases"] == []           # "Brixton said": the person


def test_converted_companies_are_valid_actor_entries():
    for entry in companies().values():
        ActorEntry.model_validate(entry)


# -- the shipped file --------------------------------------------------------------------------
def test_shipped_companies_load_as_business_actors():
    kb = load_actor_kb()
    for name, country in (("Microsoft", "USA"), ("Intel", "USA"), ("Apple", "USA"), ("Toyota", "JPN")):
        [entry] = kb.lookup(name)
        assert (entry.kind, entry.country, entry.sector) == ("organisation", country, "BUS"), name
    assert not kb.lookup("Target") and not kb.lookup("Next")        # everyday words stay unmatched


def test_no_shipped_company_name_is_a_name_of_another_actor_file():
    """The other files win: the converter leaves out a company naming their actors, so a company
    never competes with them for a name (remake companies.yaml if this fails)."""
    files = builtin_actor_files()
    [company_file] = [p for p in files if p.name == "companies.yaml"]
    other = ActorKB()
    for path in files:
        if path != company_file:
            other.add_file(path)
    names = {n for e in yaml.safe_load(company_file.read_text(encoding="utf-8"))
             for n in (e["name"], *e.get("aliases", []))}
    assert not {n for n in names if n in other.by_alias}


@pytest.mark.model
def test_a_company_in_a_sentence_is_coded_business(coder):
    from tests.test_actor_surnames import mentions_of

    found = mentions_of(coder, "Microsoft sued the Justice Department on Tuesday over a secret data request.")
    company = found["Microsoft"]
    assert (company.country, company.sector) == ("USA", "BUS")


@pytest.mark.model
def test_a_company_name_that_is_a_persons_surname_stays_the_person(coder):
    """The company Kirby (Kirby Corporation) shares its name with people: preceded by a given name,
    or repeating a person the article named in full, the word is the person's surname."""
    from tests.test_actor_surnames import mentions_of

    assert [e.sector for e in load_actor_kb().lookup("Kirby")] == ["BUS"]
    found = mentions_of(coder, "Navy spokesman Tom Kirby accused Iran of seizing the tanker on Friday.")
    assert found["Navy spokesman Tom Kirby"].kind == "person"
    found = mentions_of(coder, "Navy spokesman Tom Kirby briefed reporters on Friday. Kirby accused Iran of seizing the tanker.")
    assert found["Kirby"].kind == "person"
