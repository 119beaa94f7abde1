"""Session 18: sources of right-typed events (issue 11).

- A present participle hung on an actor (a reduced relative clause: "the Senate committee
  investigating the bombing", "Labour MPs calling for the prime minister to resign") is that
  actor's act: the actor is its source. A thing that does the act still speaks for its author
  ("issued a statement condemning X"), and the actor a participle hangs on is never the source of
  the verb that governs it ("police dispersed a crowd demanding elections": the crowd demands).
- US prosecutors' titles ("the district attorney", "the Hennepin County Attorney", "the Cook County
  State's Attorney") are US judicial actors, so the one who files charges is their source.

New short articles written for these tests.
"""

from __future__ import annotations

import pytest

from tests.coding import events_of

OHIO = "Police in Columbus, Ohio, are investigating a string of car thefts.\n\n"


def typed(events, event_type: str):
    return [e for e in events if e.event_type == event_type and e.factuality == "actual"]


def sources(event) -> list[tuple[str, str | None, str | None]]:
    return [(a.text, a.country, a.sector) for a in event.source]


@pytest.mark.model
def test_an_actor_described_by_a_participle_does_its_act(coder):
    events = events_of(coder, "Labour MPs calling for the home secretary to resign met in Westminster on Tuesday.")
    (request,) = typed(events, "REQUEST")
    assert request.trigger.text == "calling"
    assert [a.text for a in request.source] == ["Labour MPs"]
    assert request.source[0].country == "GBR"


@pytest.mark.model
def test_a_committee_investigating_is_the_investigator(coder):
    events = events_of(coder, "The Senate committee investigating the pipeline leak accused the regulator of "
                              "ignoring warnings.")
    accusations = typed(events, "ACCUSE")
    assert accusations
    assert all(a.text == "The Senate committee" for e in accusations for a in e.source), \
        [sources(e) for e in accusations]


@pytest.mark.model
def test_the_group_a_participle_hangs_on_is_not_the_governing_verb_s_source(coder):
    events = events_of(coder, "Riot police dispersed a crowd demanding new elections outside parliament in Minsk.")
    demands = [e for e in events if e.trigger.text == "demanding"]
    assert all("Riot police" not in [a.text for a in e.source] for e in demands)
    force = [e for e in events if e.trigger.text == "dispersed"]
    assert all([a.text for a in e.source] == ["Riot police"] for e in force)


@pytest.mark.model
def test_a_statement_condemning_is_still_its_author_s(coder):
    events = events_of(coder, "The Foreign Office issued a statement condemning Iran over the detention of "
                              "the sailors.")
    (accuse,) = typed(events, "ACCUSE")
    assert [a.text for a in accuse.source] == ["The Foreign Office"]


@pytest.mark.model
@pytest.mark.parametrize("sentence, prosecutor", [
    ("The district attorney filed charges against the officer on Friday.", "The district attorney"),
    ("The Ramsey County Attorney filed criminal charges against the landlord on Monday.",
     "The Ramsey County Attorney"),
    ("The Cook County State's Attorney brought charges against two deputies.",
     "The Cook County State's Attorney"),
])
def test_a_us_prosecutor_is_the_one_who_charges(coder, sentence, prosecutor):
    (charge,) = [e for e in typed(events_of(coder, OHIO + sentence), "ACCUSE") if e.trigger.text == "charges"]
    assert sources(charge) == [(prosecutor, "USA", "JUD")]


@pytest.mark.model
def test_a_defence_attorney_is_no_prosecutor(coder):
    events = events_of(coder, OHIO + "His attorney said the charges against him were baseless.")
    assert all(a.sector != "JUD" for e in events for a in [*e.source, *e.target])


@pytest.mark.model
def test_a_thing_coded_by_its_owner_is_no_doer_of_a_participle(coder):
    events = events_of(coder, "The central bank warned of slower EU growth reducing the demand for imports "
                              "from Asia.")
    assert not [e for e in events if e.trigger.text == "demand"]
