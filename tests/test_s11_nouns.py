"""Event nouns whose participants the noun's own phrase does not name, on short articles written for
these tests (``chronicle.stages.events``: ``_noun_args``, ``arguments.possessive_antecedent``):

- a charge noun whose target is named ("the charges against him") while the clause's subject is the
  person charged ("he denied the charges against him"): the state brings the charge, not he;
- a possessive pronoun of an event noun in a phrase of when or where ("hours after his arrest") points
  at its clause's subject, which the actors stage never codes for a possessive pronoun;
- a relative clause with a light verb on the noun ("the charges he faces") names its agent.

And the false alarms these must not make: a possessive in the object of a verb ("Amnesty condemned
his arrest": his is not Amnesty), a pronoun of the wrong kind ("their" for one person), a relative
clause whose verb has its own object or is a trigger.
"""

from __future__ import annotations

import pytest

from tests.coding import events_of

STORY = "Police in Dayton, Ohio, questioned Mark Dunn, a local trader, on Monday. "


@pytest.fixture(scope="module")
def unscreened():
    """A coder that parses every sentence: these tests are of the argument rules, not of the screen."""
    from chronicle import Coder

    return Coder(screen=False)


def found(coder, text, event_type, trigger):
    return [e for e in events_of(coder, text, published="2012-03-06")
            if e.event_type == event_type and e.trigger.text.lower() == trigger and e.factuality == "actual"]


def test_charges_against_the_subject_are_the_states(unscreened):
    (event,) = found(unscreened, STORY + "Dunn told the court he understood the charges against him.",
                     "ACCUSE", "charges")
    assert [a.text for a in event.target] == ["him"]
    assert [(a.text, a.country) for a in event.source] == [("", "USA")]


def test_possessive_of_arrest_after_a_clause_points_at_its_subject(unscreened):
    (event,) = found(unscreened, STORY + "Dunn was found dead in his cell hours after his arrest.",
                     "COERCE", "arrest")
    assert [(a.text, a.country) for a in event.target] == [("his", "USA")]
    assert [a.text for a in event.source] == [""]


def test_possessive_in_the_object_of_a_verb_is_not_read(unscreened):
    text = STORY + "The charity Amnesty International condemned his arrest on Tuesday."
    assert not [e for e in found(unscreened, text, "COERCE", "arrest") if any(a.text == "his" for a in e.target)]


def test_plural_possessive_never_means_one_person(unscreened):
    text = STORY + "Dunn spoke to reporters in Columbus after their meeting."
    assert not [e for e in found(unscreened, text, "CONSULT", "meeting") if any(a.text == "their" for a in e.source)]


def test_relative_clause_with_light_verb_names_who_is_charged(unscreened):
    (event,) = found(unscreened, STORY + "Among the charges he faces are fraud and theft.", "ACCUSE", "charges")
    assert [a.text for a in event.target] == ["he"]
    assert [a.text for a in event.source] == [""]


def test_relative_clause_with_its_own_object_names_no_agent(unscreened):
    text = STORY + "The charges that the senator Tom Reed mentioned in his speech were old."
    assert not [e for e in found(unscreened, text, "ACCUSE", "charges") if any("Reed" in a.text for a in e.source + e.target)]


def test_relative_clause_under_a_modal_is_not_told_as_done(unscreened):
    text = STORY + "Among the charges he could face is fraud."
    assert not [e for e in found(unscreened, text, "ACCUSE", "charges") if any(a.text == "he" for a in e.target)]


def test_body_owning_the_event_noun_is_its_doer(unscreened):
    text = "Senator Tom Reed met voters in Des Moines, Iowa, on Friday. The FBI investigation into his aide began in May."
    (event,) = found(unscreened, text, "ACCUSE", "investigation")
    assert [(a.text, a.country) for a in event.source] == [("FBI", "USA")]


def test_country_before_the_event_noun_is_not_its_doer(unscreened):
    text = "Hamas fighters fired rockets at Sderot on Monday. The Gaza attack killed ten people."
    assert not [e for e in found(unscreened, text, "ASSAULT", "attack") if any("Gaza" in a.text for a in e.source)]


def test_body_owning_a_meeting_is_not_read_as_its_doer(unscreened):
    text = "Ministers gathered in Washington, D.C. on Friday. The IMF meeting ended early."
    assert not [e for e in found(unscreened, text, "CONSULT", "meeting") if any("IMF" in a.text for a in e.source)]
