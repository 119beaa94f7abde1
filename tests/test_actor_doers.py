"""Who did it when the subject slot does not say at once, on short articles written for these tests
(``chronicle.stages.events.arguments``, ``chronicle.stages.actors.borrowed``):

- people the text does not name ("critics", "a woman who ...", "by campaigners") are the source of
  an act done to a named actor, with the story's country, and never make an event alone;
- a subject the parser left as the root ("X, chairwoman of Y, called on Z") is still the subject,
  and so is the speaker of "X said the plan was flawed, and urged Y" when the parser joins "urged"
  to the reported clause;
- a statement, letter or post says what its owner or author says;
- a bare title no earlier person explains ("urged ministers to act") is an official of the story's
  country, unless it means any holder ("a candidate"); like a pronoun known only by its country, it
  fills a role but never makes an event alone;
- a person with an office of an unknown body, and people in a story whose text names no country,
  take the story's (or the outlet's) country.
"""

from __future__ import annotations

from collections import Counter
from functools import partial

import pytest

from chronicle.schema import Article
from chronicle.stages.actors.borrowed import story_country
from chronicle.stages.actors.context import StoryContext
from tests.coding import events_of as coded_events

UK = "The row over the new bypass in Leicester, England, deepened on Tuesday. "
US = "The dispute over the new stadium in Columbus, Ohio, grew on Tuesday. "


events_of = partial(coded_events, published="2011-05-10")


def event(events, trigger: str):
    found = [e for e in events if e.trigger.text == trigger]
    assert found, [(e.trigger.text, e.event_type) for e in events]
    return found[0]


def sources(e):
    return [(a.text, a.country) for a in e.source]


def targets(e):
    return [(a.text, a.country) for a in e.target]


# --------------------------------------------------------------------------- unnamed doers

@pytest.mark.model
@pytest.mark.parametrize("sentence, trigger, doer", [
    ("Local critics accused Mayor Ellen Hartwell of hiding the costs.", "accused", "Local critics"),
    ("Two neighbours met Mayor Ellen Hartwell at the town hall.", "met", "Two neighbours"),
    ("The woman who shot two police officers was caught hours later.", "shot", "The woman"),
    ("Mayor Ellen Hartwell was criticised by local shopkeepers on Monday.", "criticised", "local shopkeepers"),  # campaigners: an agent (agents.yaml)
])
def test_unnamed_people_are_the_source_of_an_act_done_to_a_named_actor(coder, sentence, trigger, doer):
    e = event(events_of(coder, US + sentence), trigger)
    assert (doer, "USA") in sources(e)
    assert all("unnamed-people" in a.method for a in e.source if a.text == doer)


@pytest.mark.model
def test_unnamed_people_never_make_an_event_alone(coder):
    events = events_of(coder, US + "Critics complained loudly on Monday.")
    assert not any(a.text == "Critics" for e in events for a in e.source + e.target)


@pytest.mark.model
def test_a_named_subject_is_kept_before_unnamed_people(coder):
    e = event(events_of(coder, US + "Senator Rob Portman accused critics of the plan of lying."), "accused")
    assert [a.text for a in e.source] == ["Senator Rob Portman"]


# --------------------------------------------------------------------------- subjects the parser hides

@pytest.mark.model
@pytest.mark.parametrize("sentence, trigger, speaker", [
    # the parser hangs "called" on the name as a clause and makes the name the root
    (UK + "Trevor Phillips, chairman of the Commission for Racial Equality, called on Home Secretary "
     "Charles Clarke to act.", "called", "Trevor Phillips"),
    ("Mr. Trump, who has been criticized for his language, called on Mr. Fox to apologize.",
     "called", "Mr. Trump"),
])
def test_a_subject_left_as_the_root_is_the_subject(coder, sentence, trigger, speaker):
    e = event(events_of(coder, sentence), trigger)
    assert speaker in [a.text for a in e.source]


@pytest.mark.model
def test_a_statement_says_what_its_owner_says(coder):
    text = "The new ad follows Senator Rob Portman's statement criticizing Governor John Kasich on Monday."
    e = event(events_of(coder, text), "criticizing")
    assert [a.text for a in e.source] == ["Senator Rob Portman's"]


@pytest.mark.model
def test_a_second_participle_of_a_letter_has_the_letter_s_author(coder):
    text = ("Ahead of the vote, President Barack Obama sent a letter congratulating Governor John Kasich "
            "on his victory and calling on Congress to pass the budget.")
    e = event(events_of(coder, text), "calling")
    assert [a.text for a in e.source] == ["President Barack Obama"]


@pytest.mark.model
def test_a_said_act_joined_to_the_reported_clause_is_the_speaker_s(coder):
    # the parser joins "urged" to "had" (the quoted clause), whose subject "the plan" is no actor
    text = US + 'Senator Rob Portman said the plan "had serious flaws", and urged Governor John Kasich to drop it.'
    e = event(events_of(coder, text), "urged")
    assert [a.text for a in e.source] == ["Senator Rob Portman"]


@pytest.mark.model
def test_an_act_joined_to_a_reported_clause_with_an_actor_is_that_actor_s(coder):
    e = event(events_of(coder, "US officials said Iran had seized the tanker and threatened its crew."), "threatened")
    assert [a.text for a in e.source] == ["Iran"]


# --------------------------------------------------------------------------- bare titles

@pytest.mark.model
def test_a_bare_title_is_an_official_of_the_story_country(coder):
    e = event(events_of(coder, UK + "Local MPs urged ministers to stop the scheme."), "urged")
    assert ("ministers", "GBR") in targets(e)


@pytest.mark.model
def test_a_bare_title_never_makes_an_event_alone(coder):
    events = events_of(coder, US + "The mayors were travelling to Cleveland on Monday.")
    assert not any(a.text == "The mayors" for e in events for a in e.source + e.target)


@pytest.mark.model
def test_a_title_of_any_holder_stays_out(coder):
    events = events_of(coder, US + "The group said it would endorse a candidate next week.")
    assert not any(a.text == "a candidate" for e in events for a in e.source + e.target)


# --------------------------------------------------------------------------- countries of people

@pytest.mark.model
def test_a_person_with_an_office_of_an_unknown_body_is_of_the_story_country(coder):
    text = UK + ("Jane Pilkington, chairwoman of the Brookfield Residents Association, accused "
                 "Leicester City Council of ignoring local people.")
    e = event(events_of(coder, text), "accused")
    assert ("Jane Pilkington", "GBR") in sources(e)


def test_a_story_whose_text_names_no_country_is_of_the_outlet_s():
    assert story_country(StoryContext(countries=Counter({"USA": 1}), outlet="USA")) == "USA"
    assert story_country(StoryContext(countries=Counter(), outlet="GBR")) == "GBR"
    # the text names a country: the outlet's vote does not decide
    assert story_country(StoryContext(countries=Counter({"USA": 1, "CAN": 1}), outlet="USA")) == "CAN"
    assert story_country(StoryContext(countries=Counter({"USA": 2, "CAN": 2}), outlet="USA")) is None


# --------------------------------------------------------------------------- pronouns of one country

@pytest.mark.model
def test_a_pronoun_between_two_people_of_one_country_is_of_that_country(coder):
    text = ("Senator Rob Portman and Senator Sherrod Brown spoke in Columbus, Ohio, on Monday. "
            "He accused Governor John Kasich of hiding the costs.")
    e = event(events_of(coder, text), "accused")
    (he,) = e.source
    assert (he.text, he.country, he.method, he.name) == ("He", "USA", "anaphor+shared-country", None)


@pytest.mark.model
def test_a_pronoun_between_people_of_two_countries_stays_unknown(coder):
    text = ("Prime Minister Tony Blair and President George W. Bush met in Washington on Monday. "
            "He accused the United Nations of failing Iraq.")
    e = event(events_of(coder, text), "accused")
    assert not any(a.text == "He" for a in e.source)


@pytest.mark.model
def test_a_pronoun_of_one_country_never_makes_an_event_alone(coder):
    text = ("Senator Rob Portman and Senator Sherrod Brown spoke in Columbus, Ohio, on Monday. "
            "He resigned on Tuesday.")
    assert not [e for e in events_of(coder, text) if e.trigger.text == "resigned"]


@pytest.mark.model
def test_a_pronoun_coded_by_the_event_date_keeps_its_antecedent(coder):
    text = ("Donald Trump spoke to reporters in Washington on Monday. "
            "In August 2015, he accused Senator John McCain of failing veterans.")
    (pair,) = list(coder.pipe([Article(id="t", text=text, published="2019-06-03")]))
    e = event(pair[1], "accused")
    (he,) = e.source
    assert he.method == "anaphor:Donald Trump"
    assert he.sector != "GOV"  # a candidate in 2015, not yet the president


@pytest.mark.model
@pytest.mark.parametrize("name", ["Gen Musharraf", "Gen. Musharraf"])
def test_a_short_military_rank_before_a_surname_is_a_title_not_a_first_name(coder, name):
    e = event(events_of(coder, f"{name} held talks with Tony Blair in London on Monday."), "held")
    (general,) = [a for a in e.source + e.target if a.text == name]
    assert (general.country, general.actor_id) == ("PAK", "pervez-musharraf")


def test_unnamed_people_are_not_listed_as_unknown_names():
    from chronicle.knowledge.unknown_actors import Sighting, name_key

    for method in ("unnamed-people+story-country", "unnamed-people", "implicit:state+story-country"):
        assert name_key(Sighting("Critics", None, None, "GBR", None, None, method)) is None
    assert name_key(Sighting("Jane Pilkington", None, None, None, None, None, "ner")) == "Jane Pilkington"
