"""People named by a surname alone, undated roles, and the common nouns that name people.

News often gives a politician's surname only ("Mr Gingrich", "Clinton"), in a sentence or an article
that never writes the full name. The knowledge base's people of that surname then say who it is,
when the story is about their country: one person gives the identity, several of one country
(Bill and Hillary Clinton) the country alone, and a person of another country, or an obscure
imported entry in a story that names no country, no identity (in a story clearly of one country,
an unknown person has that country alone: ``stages/actors/borrowed.py``). With no date, a person is coded with
the last office held for their own country (Tony Blair is Britain's prime minister, not the
Quartet's envoy). People named by a common noun ("a suspect") or by a group noun
after an agent word ("senior union figures") are actors; a thing after an agent word ("a police
station") is not. Every sentence is written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from chronicle.knowledge.actors import load_actor_kb


def test_a_surname_finds_the_people_whose_full_name_ends_with_it():
    kb = load_actor_kb()
    assert {p.id for p in kb.people_by_surname("Clinton")} >= {"bill-clinton", "hillary-clinton"}
    assert kb.people_by_surname("Nosuchsurnamehere") == []


def test_a_name_suffix_is_not_the_surname():
    kb = load_actor_kb()
    assert kb.people_by_surname("Jr.") == [] and kb.people_by_surname("III") == []


def test_imported_entries_are_told_from_the_projects_own():
    kb = load_actor_kb()
    assert kb.imported(kb.entries["phx-newt-gingrich"])
    assert not kb.imported(kb.entries["tony-blair"])


def test_undated_a_person_keeps_the_last_office_of_their_own_country():
    kb = load_actor_kb()
    blair = kb.code(kb.entries["tony-blair"], None)
    assert (blair.country, blair.sector, blair.role) == ("GBR", "GOV", "prime minister")
    dated = kb.code(kb.entries["tony-blair"], dt.date(2010, 1, 1))
    assert dated.country == "IGO"  # a date still gives the office held on it


@pytest.mark.parametrize("name, country", [
    ("Mikheil Saakashvili", "GEO"), ("Adam Schiff", "USA"), ("Robert Kilroy-Silk", "GBR"),
    ("Home Office", "GBR"), ("National Rifle Association", "USA"), ("Trades Union Congress", "GBR"),
])
def test_people_and_bodies_political_news_names_often_are_known(name, country):
    (entry,) = load_actor_kb().by_alias[name]
    assert entry.country == country


# -- on the real parser ---------------------------------------------------------------------

def mentions_of(coder, text: str, published: str | None = None):
    """The actor mentions the actors stage finds in ``text`` (stages up to and including it)."""
    from chronicle.record import Work
    from chronicle.schema import Article

    day = dt.date.fromisoformat(published) if published else None
    work = coder._prepare(Work(article=Article(id="t", text=text, published=day)))
    work.doc = coder.nlp_stage.nlp(work.clean.text)
    for stage in coder.post:
        work = stage(work)
        if stage.name.startswith("actors."):
            return {m.text: m for m in work.mentions}
    raise AssertionError("no actors stage in the pipeline")


@pytest.mark.model
def test_mr_gingrich_in_an_american_story_is_the_known_gingrich(coder):
    found = mentions_of(coder, "Republican senators met at the White House, and Mr Gingrich criticised "
                               "the budget plan on Tuesday.")
    assert found["Mr Gingrich"].country == "USA" and found["Mr Gingrich"].actor_id == "phx-newt-gingrich"


@pytest.mark.model
def test_a_surname_two_people_of_one_country_share_gives_the_country_alone(coder):
    found = mentions_of(coder, "Democrats in Congress welcomed the deal, and Clinton praised the Senate vote.")
    clinton = found["Clinton"]
    assert clinton.country == "USA" and clinton.actor_id is None
    assert clinton.method == "knowledge-base:surname-country"


@pytest.mark.model
def test_a_surname_known_only_for_another_country_is_left_unknown(coder):
    found = mentions_of(coder, "Senate Democrats in Washington criticised Mr Roberts over the ruling.")
    roberts = found["Mr Roberts"]
    # Not the other country's Roberts: an unknown person of this American story (its country only).
    assert roberts.actor_id is None and roberts.sector is None
    assert roberts.country == "USA" and roberts.method.endswith("+story-country")


@pytest.mark.model
def test_an_obscure_imported_surname_in_a_story_naming_no_country_is_left_unknown(coder):
    found = mentions_of(coder, "Mr Roberts criticised the government on Tuesday.")
    assert found["Mr Roberts"].country is None


@pytest.mark.model
def test_mr_saakashvili_is_georgian(coder):
    found = mentions_of(coder, "Mr Saakashvili accused the former government of corruption.")
    assert found["Mr Saakashvili"].country == "GEO"


@pytest.mark.model
@pytest.mark.parametrize("text, phrase, sector", [
    ("Officers in Leeds arrested a suspect after the riot on Sunday.", "a suspect", "CRM"),
    ("Soldiers detained three suspects near the border crossing.", "three suspects", "CRM"),
])
def test_people_named_by_a_common_noun_are_actors(coder, text, phrase, sector):
    found = mentions_of(coder, text)
    assert found[phrase].sector == sector


@pytest.mark.model
@pytest.mark.parametrize("text, phrase, sector", [
    ("The minister held talks with senior union figures in Cardiff on Monday.", "senior union figures", "LAB"),
    ("A government task force met aid agencies to discuss the flood on Friday.", "A government task force", "GOV"),
])
def test_people_of_a_group_named_by_an_agent_word_are_that_group(coder, text, phrase, sector):
    found = mentions_of(coder, text)
    assert found[phrase].sector == sector and found[phrase].method.startswith("agent:group")


@pytest.mark.model
def test_a_thing_named_after_an_agent_word_is_no_actor(coder):
    found = mentions_of(coder, "Rebels attacked a police station in the north on Monday.")
    assert "a police station" not in found


@pytest.mark.model
def test_an_agent_owned_by_a_surname_takes_that_persons_country(coder):
    found = mentions_of(coder, "American senators criticised the Clinton administration on Monday.")
    administration = found["the Clinton administration"]
    assert (administration.country, administration.sector) == ("USA", "GOV")
    assert "country" not in administration.method  # from the surname, not the sentence's country


@pytest.mark.model
def test_a_surname_does_not_guess_a_leader_long_out_of_office(coder):
    """"Ford" in a 2012 story about Detroit is not the president of 1974-77 (his offices ended more
    than LEFT_OFFICE_YEARS before); in a 1976 story the same words are him."""
    text = "Senators in Washington criticised Ford over the pardon, and Ford defended it on Monday."
    assert mentions_of(coder, text, "2012-03-01")["Ford"].actor_id is None
    assert mentions_of(coder, text, "1976-03-01")["Ford"].actor_id == "gerald-ford"
