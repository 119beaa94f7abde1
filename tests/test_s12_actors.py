"""Who did it, and to whom (issue 11), on short articles written for these tests: group nouns news
uses for civil society and politicians ("campaigners", "civil libertarians", "opposition
politicians"), a national NGO coded with its country, an ambiguous party abbreviation read by the
places the story names, and the one a feeling is aimed at as the doer of its "for" clause.
"""

from __future__ import annotations

import pytest

from chronicle.knowledge.actors import load_actor_kb
from tests.coding import events_of

pytestmark = pytest.mark.model


def actors(events, role: str, event_type: str | None = None):
    return [a for e in events if event_type in (None, e.event_type) and e.factuality == "actual"
            for a in getattr(e, role)]


def test_a_national_ngo_takes_the_country_its_name_says():
    kb = load_actor_kb()
    assert {e.country for e in kb.by_alias["American Civil Liberties Union"]} == {"USA"}
    assert {e.country for e in kb.by_alias["Amnesty International"]} == {"NGO"}


@pytest.mark.parametrize("text, group", [
    ("The US Senate passed the American surveillance bill on Thursday, a win for President Biden.\n\n"
     "The bill has been condemned by civil libertarians and by several Republican senators.",
     "civil libertarians"),
    ("Ministers in London unveiled plans for a new runway at Heathrow on Monday.\n\n"
     "Campaigners called for a public inquiry into the noise the runway would bring.",
     "Campaigners"),
    ("The Dublin government delayed its decision on the state airline again.\n\n"
     "Opposition politicians urged the Irish government to settle the airline's future quickly.",
     "Opposition politicians"),
])
def test_group_nouns_are_sources_with_the_story_country(coder, text, group):
    found = [a for a in actors(events_of(coder, text), "source") if a.text.lower().endswith(group.lower())]
    assert found, events_of(coder, text)
    assert found[0].country in ("USA", "GBR", "IRL")


def test_a_group_noun_alone_makes_no_event(coder):
    text = "Campaigners gathered their thoughts before the final match of the season in Manchester."
    assert not [e for e in events_of(coder, text) if e.factuality == "actual"]


def test_the_british_bnp_in_a_story_naming_british_places(coder):
    text = ("A man from Swansea was arrested after a fight outside a pub in Cardiff.\n\n"
            "The BNP organised a march through Swansea city centre on Saturday.")
    bnp = [a for e in events_of(coder, text) for a in e.source if a.text.endswith("BNP")]
    assert bnp and all(a.country == "GBR" for a in bnp)


def test_the_one_a_feeling_is_aimed_at_did_the_act_it_is_blamed_for(coder):
    text = ("Mayor Linda Carr of Springfield, Illinois, faces a recall vote next month.\n\n"
            "Union members in Illinois are angry with Carr for refusing to meet the striking bus drivers.")
    events = events_of(coder, text)
    rejected = actors(events, "source", "REJECT")
    assert rejected and all("Carr" in a.text for a in rejected), events


def test_a_for_clause_without_a_blamed_one_keeps_the_subject(coder):
    text = ("Transport Minister Anne Holt of Canada opened the new bridge in Ottawa.\n\n"
            "Holt praised the workers for refusing to abandon the project during the strike.")
    events = events_of(coder, text)
    assert not [a for a in actors(events, "source", "REJECT") if a.text == "Holt"]


def test_some_of_a_group_acts_as_the_group(coder):
    text = ("Parliament in London debated the budget on Tuesday.\n\n"
            "Many of the Conservative MPs voted against the government's budget.")
    sources = actors(events_of(coder, text), "source")
    assert any("Conservative MPs" in a.text and a.country == "GBR" for a in sources), sources


def test_some_of_a_thing_is_no_actor(coder):
    text = "Some of the money raised by the concert in Leeds will go to the hospital."
    assert not [a for a in actors(events_of(coder, text), "source") if "money" in a.text]
