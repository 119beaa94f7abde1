"""Countries the text leaves unsaid (``chronicle.stages.actors.borrowed``), on short articles written
for these tests: "police", "the court", "prosecutors" and private people take the story's country;
a story of two countries gives them none; a group called foreign keeps none; an outlet given as its
web host says where it is from.
"""

from __future__ import annotations

import pytest

from chronicle.knowledge.actors import load_actor_cues
from chronicle.schema import Article
from chronicle.stages.actors.context import host_country, outlet_country
from tests.coding import events_of


class _Work:
    def __init__(self, source=None, url=None):
        self.article = Article(id="t", text="x", source=source, url=url)


@pytest.mark.parametrize("source, url, country", [
    ("articles.latimes.com", None, "USA"),      # a sub-domain of a national outlet's host
    ("nytimes.com", None, "USA"),
    ("thestar.co.uk", None, "GBR"),              # a country's domain ending
    ("dailyherald.com.au", None, "AUS"),
    ("someblog.com", None, None),                # ".com" is of no country
    ("reuters.com", None, None),                 # a wire service: any country
    ("BBC News", None, "GBR"),                   # an outlet's name
    (None, "https://www.example.ca/news/1", "CAN"),
])
def test_the_outlet_country_comes_from_its_name_or_its_host(source, url, country):
    assert outlet_country(_Work(source, url)) == country


def test_a_host_that_only_contains_a_listed_host_is_not_it():
    assert host_country("notnytimes.com", load_actor_cues()) is None


def actors_named(events, text: str):
    return [a for e in events for a in e.source + e.target if a.text == text]


@pytest.mark.model
def test_police_in_a_story_of_one_country_are_of_that_country(coder):
    text = ("A British teacher has gone missing after a night out in Sheffield, England.\n\n"
            "Police arrested two teenagers on Saturday in connection with the disappearance.")
    police = actors_named(events_of(coder, text), "Police")
    assert police and all(p.country == "GBR" and p.sector == "COP" for p in police)
    assert all("country" in p.method for p in police)


@pytest.mark.model
def test_a_private_person_in_a_story_of_one_country_is_of_that_country(coder):
    text = ("Detectives in Boston, Massachusetts, and the FBI are investigating a robbery at a jewellery shop.\n\n"
            "Officers arrested Dwayne Pickersgill on Monday after a chase through the city.")
    person = actors_named(events_of(coder, text, "2011-03-08"), "Dwayne Pickersgill")
    assert person and all(p.country == "USA" and "+story-country" in p.method for p in person)


@pytest.mark.model
def test_a_private_person_in_a_story_naming_one_country_once_is_of_it(coder):
    text = ("A fire destroyed a barn near the town of Fort Smith, Arkansas, on Sunday.\n\n"
            "Officers arrested Leroy Quackenbush on Monday in connection with the fire.")
    person = actors_named(events_of(coder, text, "2012-05-08"), "Leroy Quackenbush")
    assert person and all(p.country == "USA" for p in person)


@pytest.mark.model
def test_a_person_whose_sentence_names_another_country_is_left_unknown(coder):
    text = ("Detectives in Boston, Massachusetts, and the FBI are investigating a robbery at a jewellery shop.\n\n"
            "Officers in Boston arrested Dwayne Pickersgill, who had flown in from Canada, on Monday.")
    person = actors_named(events_of(coder, text, "2011-03-08"), "Dwayne Pickersgill")
    assert person and all(p.country is None for p in person)


@pytest.mark.model
def test_a_town_another_country_shares_does_not_outweigh_the_story(coder):
    # Cambridge is a British town too; the story is of the USA, and so are its officers.
    text = ("Detectives in Boston, Massachusetts, and the FBI are looking for a stolen painting.\n\n"
            "Officers arrested a man on Monday after a chase through Cambridge.")
    officers = actors_named(events_of(coder, text, "2011-03-08"), "Officers")
    assert officers and all(o.country == "USA" for o in officers)


@pytest.mark.model
def test_a_story_of_two_countries_gives_the_police_no_country(coder):
    text = ("Ministers from Chile and Argentina met in Santiago and in Buenos Aires this week.\n\n"
            "Police detained several protesters outside the venue on Thursday.")
    police = actors_named(events_of(coder, text), "Police")
    assert police and all(p.country is None for p in police)


@pytest.mark.model
def test_foreign_suspects_do_not_take_the_story_country(coder):
    text = ("Ministers in London and Manchester have defended the new security law in Britain.\n\n"
            "Police detained nine foreign suspects in Birmingham on Wednesday.")
    events = events_of(coder, text)
    suspects = actors_named(events, "nine foreign suspects")
    assert suspects and all(s.country is None for s in suspects)


@pytest.mark.model
def test_a_court_named_by_its_kind_is_of_the_story_country(coder):
    text = ("Lawyers for a family in Manchester, England, have fought for years to clear three brothers.\n\n"
            "The Court of Appeal quashed the convictions of the three brothers on Friday.")
    court = [a for e in events_of(coder, text) for a in e.source if a.text.startswith("The Court")]
    assert court and all(c.country == "GBR" and c.sector == "JUD" for c in court)


def test_the_outlet_does_not_outvote_the_one_country_the_text_names():
    from collections import Counter

    from chronicle.stages.actors.borrowed import text_evidence
    from chronicle.stages.actors.context import StoryContext, leading_country

    # A British outlet's story of an American firm: the text names only the USA.
    story = StoryContext(countries=Counter({"USA": 1, "GBR": 1}), outlet="GBR")
    assert leading_country(text_evidence(story), minimum=1) == "USA"
    # With no country in the text, the outlet's is all there is.
    alone = StoryContext(countries=Counter({"GBR": 1}), outlet="GBR")
    assert not text_evidence(alone) and alone.fallback == "GBR"
    # Two countries named alike: no one country.
    split = StoryContext(countries=Counter({"CHL": 2, "ARG": 2}), outlet=None)
    assert leading_country(text_evidence(split), minimum=1) is None


@pytest.mark.model
def test_a_town_the_knowledge_base_lacks_is_of_its_country_but_no_state(coder):
    text = "The Liberal Democrats have criticised the city of Leicester over its parking charges."
    town = [a for e in events_of(coder, text) for a in e.target if a.text == "Leicester"]
    assert town and all(t.country == "GBR" and t.sector is None and "+gazetteer" in t.method for t in town)


@pytest.mark.model
@pytest.mark.parametrize("text, person", [
    ("Police in Tulsa, Oklahoma, arrested three men on Monday after a robbery at a petrol station.",
     "three men"),
    ("A gunman shot dead a teenager on Saturday night. The shooting happened in Fresno, California.",
     "a teenager"),
])
def test_unnamed_people_an_act_is_done_to_take_the_story_country(coder, text, person):
    people = actors_named(events_of(coder, text), person)
    assert people and all(p.country == "USA" and p.sector is None for p in people)
    assert all("story-country" in p.method for p in people)


@pytest.mark.model
def test_unnamed_people_in_a_sentence_naming_another_country_keep_none(coder):
    text = ("The police in Perth, Western Australia, are questioning travellers at the airport.\n\n"
            "Officers arrested two men who had flown in from Indonesia on Friday.")
    people = actors_named(events_of(coder, text), "two men")
    assert people and all(p.country is None for p in people)


@pytest.mark.model
def test_a_name_led_by_an_honorific_is_a_person_of_the_story_country(coder):
    text = ("The Scottish Greens have been hit by a row over expenses in Edinburgh.\n\n"
            "A spokesman for the Greens urged Mr Fenwicke to step down from the city council.")
    named = actors_named(events_of(coder, text), "Mr Fenwicke")
    assert named and all(p.country == "GBR" for p in named)
