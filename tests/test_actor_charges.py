"""Who brings a charge told as a noun against a private person, on short articles written for these
tests (``chronicle.stages.events.arguments.implicit_charging_state``): "X faces charges of bribery"
is the act of the story's state (an actor with no words and the story's country), as the annotation
guideline codes it, not an event with no source. A price ("higher charges"), people at large
("customers face charges for ..."), a sentence naming another country, or a charge only asked for
gets no such state. An unnamed state never stands as the target of a later event that points back at
the charge ("filed a complaint").
"""

from __future__ import annotations

from functools import partial

import pytest

from tests.coding import events_of as coded_events

UK = "It was a cold morning in Leeds, England, on Tuesday. "


@pytest.fixture(scope="module")
def unscreened():
    """A coder that parses every sentence: these tests are of the argument rules, not of the screen
    that picks the sentences worth parsing."""
    from chronicle import Coder

    return Coder(screen=False)


events_of = partial(coded_events, published="2011-05-10", source="BBC News")


def charges(events):
    return [e for e in events if e.event_type == "ACCUSE" and e.trigger.text.lower().startswith("charge")]


def state_sourced(events):
    return [e for e in events if any(a.method.startswith("implicit:state") for a in e.source)]


@pytest.mark.model
@pytest.mark.parametrize("sentence, charged", [
    ("Gillian Marsh faces charges of bribery and misconduct.", "Gillian Marsh"),
    ("Tomas Brennan faces two charges of fraud.", "Tomas Brennan"),
])
def test_the_state_brings_a_charge_against_a_private_person(unscreened, sentence, charged):
    found = charges(events_of(unscreened, UK + sentence))
    assert found, sentence
    e = found[0]
    assert [a.text for a in e.target] == [charged]
    assert [(a.text, a.country) for a in e.source] == [("", "GBR")]
    assert e.source[0].method.startswith("implicit:state")


@pytest.mark.model
@pytest.mark.parametrize("sentence", [
    "Shoppers face higher charges on their bank accounts from April.",
    "Customers face charges for using the new cash machines.",
    "Labour called for the charges against the firm to be reviewed.",
])
def test_prices_anyone_and_requests_get_no_state(unscreened, sentence):
    found = state_sourced(charges(events_of(unscreened, UK + sentence)))
    assert not found, [(e.trigger.text, [a.text for a in e.target]) for e in found]


@pytest.mark.model
def test_a_sentence_naming_another_country_gives_no_state_of_the_story(unscreened):
    found = charges(events_of(unscreened, UK + "In Paris, France, Pierre Vautrin faces charges of fraud."))
    assert not [e for e in found if any(a.method.startswith("implicit:state") and a.country == "GBR"
                                        for a in e.source)]


@pytest.mark.model
def test_an_unnamed_state_is_never_the_target_of_a_later_event(unscreened):
    text = (UK + "Gillian Marsh faces charges of bribery. "
            "Days later the council filed a complaint against Ms Marsh's firm over the charges.")
    for e in events_of(unscreened, text):
        assert all(a.text for a in e.target), (e.trigger.text, [(a.text, a.method) for a in e.target])
