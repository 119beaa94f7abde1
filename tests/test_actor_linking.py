"""Who did it, end to end: the real parser, the sentence screen and every stage, on short articles.

The stage tests (``tests/stages/test_actor_linking.py``) pin each rule on a fixed parse; these check
that the rules hold on what the model and the screen really produce: a lead sentence without an
event word is never parsed, yet the person it names in full is who "Mr Blair" is later; "Mr
McConnell" in a Scottish story is not the US senator; a title, a party and a state code a person
the knowledge base lacks; "New Jersey" and "Georgia" are not Jersey and the Caucasus when the story
says so; "came under fire from" and "faced calls from" make the one after "from" the source. Every
article is written for these tests.
"""

from __future__ import annotations

import pytest

from tests.coding import events_of

pytestmark = pytest.mark.model


def actor(events, role: str, text: str):
    """The one coded actor with these words in that role, over all events."""
    found = {(a.text, a.start): a for e in events for a in getattr(e, role) if a.text == text}
    assert len(found) == 1, [(e.event_type, [a.text for a in e.source], [a.text for a in e.target]) for e in events]
    return next(iter(found.values()))


def test_mr_blair_is_the_prime_minister_named_in_a_sentence_the_parser_skipped(coder):
    text = ("Prime Minister Tony Blair has set out his plans for the coming year.\n\n"
            "Mr Blair criticised the Conservatives on Monday over their tax proposals.")
    blair = actor(events_of(coder, text), "source", "Mr Blair")
    assert blair.actor_id == "tony-blair" and (blair.country, blair.sector) == ("GBR", "GOV")


def test_the_prime_minister_later_is_the_same_person(coder):
    text = ("Prime Minister Tony Blair has set out his plans for the coming year.\n\n"
            "The prime minister criticised the Liberal Democrats on Tuesday.")
    pm = actor(events_of(coder, text, "2004-11-02"), "source", "The prime minister")
    assert pm.actor_id == "tony-blair"


def test_mr_mcconnell_in_a_scottish_story_is_not_the_us_senator(coder):
    text = ("Scotland's First Minister Jack McConnell has opened a new school in Glasgow.\n\n"
            "The Scottish National Party criticised Mr McConnell on Tuesday.")
    mcconnell = actor(events_of(coder, text, "2005-02-15"), "target", "Mr McConnell")
    assert mcconnell.actor_id != "mitch-mcconnell" and mcconnell.name == "Jack McConnell"
    assert (mcconnell.country, mcconnell.sector) == ("GBR", "GOV")


def test_the_president_meeting_the_house_speaker_has_a_source(coder):
    text = ("President Barack Obama spoke to reporters on Friday.\n\n"
            "The president met with House Speaker John Boehner at the White House.")
    events = events_of(coder, text, "2011-07-22")
    meeting = [e for e in events if e.event_type == "CONSULT"]
    assert meeting and meeting[0].source[0].actor_id == "barack-obama"
    assert "Boehner" in meeting[0].target[0].text and meeting[0].target[0].country == "USA"


@pytest.mark.parametrize("text, phrase, codes", [
    ("Labour MP Jane Gorringe criticised the government's housing plan on Monday.",
     "Labour MP Jane Gorringe", ("GBR", "LEG")),
    ("Iranian Foreign Minister Ali Karimzadeh condemned the new sanctions.",
     "Iranian Foreign Minister Ali Karimzadeh", ("IRN", "GOV")),
    ("A spokesman for the State Department condemned the attack on the embassy.",
     "A spokesman", ("USA", "GOV")),
    ("Senator Bob Hartwell criticised the White House over the budget.",
     "Senator Bob Hartwell", ("USA", "LEG")),
    ("House Speaker Ann Velden criticised the White House over the budget.",
     "House Speaker Ann Velden", ("USA", "LEG")),
])
def test_a_person_missing_from_the_knowledge_base_is_coded_from_the_article(coder, text, phrase, codes):
    person = actor(events_of(coder, text, "2012-05-01"), "source", phrase)
    assert person.actor_id is None and (person.country, person.sector) == codes


def test_a_governor_of_a_us_state_is_the_states_government(coder):
    events = events_of(coder, "Gov. Chris Dalton of New Jersey sued the federal government on Monday.", "2012-05-01")
    governor = actor(events, "source", "Gov. Chris Dalton")
    assert (governor.country, governor.sector, governor.role) == ("USA", "GOV", "governor of New Jersey")


def test_new_jersey_is_not_jersey(coder):
    state = actor(events_of(coder, "New Jersey sued the Environmental Protection Agency.", "2012-05-01"),
                  "source", "New Jersey")
    assert state.country == "USA" and state.sector == "GOV"


def test_georgia_in_an_atlanta_story_is_the_state(coder):
    text = ("Thousands of teachers marched through Atlanta on Monday.\n\n"
            "Georgia sued the Department of Education over the funding rules.")
    georgia = actor(events_of(coder, text, "2012-05-01"), "source", "Georgia")
    assert georgia.country == "USA"


def test_georgia_in_a_caucasus_story_is_the_country(coder):
    text = ("Russian troops entered two Georgian villages near Tbilisi.\n\n"
            "Georgia condemned the move and recalled its ambassador.")
    assert actor(events_of(coder, text, "2012-05-01"), "source", "Georgia").country == "GEO"


def test_punjab_police_in_a_pakistani_story_are_pakistani(coder):
    text = "Pakistani officials said Punjab police arrested six militants in Lahore on Sunday."
    police = actor(events_of(coder, text, "2012-05-01"), "source", "Punjab police")
    assert (police.country, police.sector) == ("PAK", "COP")


def test_an_acronym_later_is_the_organisation_spelled_out_first(coder):
    text = ("The Kestrel Valley Farmers Union held a rally in Nairobi on Monday.\n\n"
            "The KVFU accused the government of ignoring small farmers.")
    union = actor(events_of(coder, text, "2012-05-01"), "source", "The KVFU")
    assert union.name == "The Kestrel Valley Farmers Union" and union.sector == "LAB"


@pytest.mark.parametrize("text, kind, source, target", [
    ("Britain's health minister came under fire from opposition MPs over the hospital closures.",
     "ACCUSE", "opposition MPs", "Britain's health minister"),
    ("Labour MP Jane Gorringe drew criticism from Conservative MPs over her remarks.",
     "ACCUSE", "Conservative MPs", "Labour MP Jane Gorringe"),
    ("Governor Chris Dalton faced calls from Republican lawmakers to resign.",
     "REQUEST", "Republican lawmakers", "Governor Chris Dalton"),
    ("The plan was criticised by Labour MP Jane Gorringe.", "ACCUSE", "Labour MP Jane Gorringe", None),
    ("Senator Bob Hartwell was accused by the Conservatives of misleading voters.",
     "ACCUSE", "the Conservatives", "Senator Bob Hartwell"),
    ("Kenyan troops came under fire from militants near the border.", "ASSAULT", "militants", "Kenyan troops"),
])
def test_the_one_after_from_or_by_is_the_source(coder, text, kind, source, target):
    events = [e for e in events_of(coder, text, "2012-05-01") if e.event_type == kind]
    assert events, text
    assert [a.text for a in events[0].source] == [source]
    if target is not None:
        assert [a.text for a in events[0].target] == [target]
