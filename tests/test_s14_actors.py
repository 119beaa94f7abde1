"""Who did it, and to whom (issue 11, session 14), on short articles written for these tests: a
plain object pronoun never means its own clause's subject, whichever mention of that person (the
speaker of the reporting verb among them) or a relative pronoun ("X, who had denounced him") stands
for it; and "B.C." is British Columbia (Canadian press), never a year.
"""

from __future__ import annotations

import pytest

from tests.coding import events_of

pytestmark = pytest.mark.model


def actors(events, role: str, event_type: str | None = None):
    return [a for e in events if event_type in (None, e.event_type) and e.factuality == "actual"
            for a in getattr(e, role)]


def test_an_object_pronoun_is_not_the_subject_even_when_it_is_the_speaker(coder):
    text = ("Donald Trump said on Friday that the Justice Department should look again at James Comey's "
            "work, months after Trump fired him.")
    targets = actors(events_of(coder, text, published="2018-03-01"), "target", "COERCE")
    assert targets and all(a.text == "him" for a in targets), targets
    assert "Comey" in (targets[0].method or ""), targets


def test_an_object_pronoun_in_a_relative_clause_is_not_the_clauses_antecedent(coder):
    text = ("Senator Mark Dale spoke about the budget on Monday.\n\n"
            "President Barack Obama, who had criticised him in private, praised the plan on Tuesday.")
    targets = actors(events_of(coder, text, published="2012-03-01"), "target", "ACCUSE")
    assert targets, targets
    assert all("Obama" not in (a.method or "") for a in targets), targets


def test_an_object_pronoun_still_means_another_person_named_before(coder):
    text = "Barack Obama met David Cameron on Monday and praised him for his leadership."
    targets = actors(events_of(coder, text, published="2012-03-01"), "target", "SUPPORT")
    assert all("Obama" not in (a.method or "") for a in targets), targets


def test_bc_is_british_columbia(coder):
    text = "B.C. Premier Gordon Campbell accused the federal government of ignoring the forest fires."
    sources = actors(events_of(coder, text, published="2006-07-01"), "source", "ACCUSE")
    assert sources and sources[0].country == "CAN", sources


def test_a_year_bc_names_no_province(coder):
    text = ("Archaeologists said the city was founded around 500 B.C. and destroyed by Persian troops "
            "who attacked it in 480 B.C.")
    found = [a.country for e in events_of(coder, text, published="2010-01-01") for a in [*e.source, *e.target]]
    assert "CAN" not in found, found


def test_unnamed_commentators_make_no_event_alone(coder):
    text = "Many economists urged caution on Tuesday, and analysts warned that growth would slow."
    assert not [e for e in events_of(coder, text, published="2005-02-01") if e.factuality == "actual"]


def test_members_of_a_named_body_stay_that_body(coder):
    text = "Members of the European Parliament urged the Turkish government to free the journalists."
    sources = actors(events_of(coder, text, published="2005-02-01"), "source", "REQUEST")
    assert sources and sources[0].country == "IGO", sources


def test_an_act_done_to_an_actor_is_no_repeat_of_its_own_act(coder):
    text = ("Hamas fired rockets at southern towns on Monday.\n\n"
            "The towns' residents said someone attacked Hamas later that night.")
    assaults = [e for e in events_of(coder, text, published="2010-07-15") if e.event_type == "ASSAULT"]
    assert any(a.text == "Hamas" for e in assaults for a in e.target), assaults
    assert any(a.text == "Hamas" for e in assaults for a in e.source), assaults


def test_a_meeting_told_both_ways_is_still_one_event(coder):
    text = "Putin met Erdogan in Sochi on Monday.\n\nErdogan met Putin for three hours, officials said."
    meetings = [e for e in events_of(coder, text, published="2019-07-15") if e.event_type == "CONSULT"]
    assert len(meetings) == 1 and meetings[0].mentions == 2, meetings


def test_it_is_thought_that_names_no_actor(coder):
    text = ("The FBI has been investigating the break-in since March. It is thought that the hacker read "
            "thousands of e-mails over seven months.")
    for event in events_of(coder, text, published="2005-01-15"):
        assert not any(a.text == "It" for a in [*event.source, *event.target]), event


def test_a_passive_it_without_a_clause_still_points_back(coder):
    text = "The ministry condemned the raid. It was accused of hiding the truth by the opposition."
    targets = actors(events_of(coder, text, published="2005-01-15"), "target", "ACCUSE")
    assert any(a.text == "It" and "ministry" in (a.method or "") for a in targets), targets


def test_an_abbreviated_body_after_a_number_is_still_an_actor(coder):
    """Only era words after a number are dates: "200 U.N. peacekeepers" and "27 E.U. ministers"
    keep their codes."""
    events = coder.code("Gunmen ambushed 300 U.N. peacekeepers near Goma on Monday.", published="2024-05-07")
    targets = [a for e in events if e.event_type == "ASSAULT" for a in e.target]
    assert any("U.N." in a.text and a.country == "IGO" for a in targets)
    events = coder.code("The 12 E.U. envoys criticised Belarus on Tuesday.", published="2024-05-07")
    sources = [a for e in events for a in e.source]
    assert sources and all(a.country != "BLR" for a in sources if "E.U." in a.text)
