"""A person pronoun no earlier actor explains ("He urged the minister to act") is someone of the
story's one country (``chronicle.stages.actors.anaphora``, method ``anaphor+story-country``): it
fills a role of an event but never makes one alone, and a sentence naming another country gives it
none. New short articles written for these tests.
"""

from __future__ import annotations

import pytest

from tests.coding import events_of

UK = "The row over the new bypass in Leicester, England, deepened on Tuesday.\n\n"


def by_trigger(events, trigger: str):
    return [e for e in events if e.trigger.text == trigger]


@pytest.mark.model
@pytest.mark.parametrize("sentence, trigger, pronoun", [
    ("He urged the Home Secretary to scrap the plan.", "urged", "He"),
    ("They accused the Home Secretary of hiding the costs.", "accused", "They"),
])
def test_an_unexplained_pronoun_is_of_the_story_s_country(coder, sentence, trigger, pronoun):
    (event,) = by_trigger(events_of(coder, UK + sentence), trigger)
    (source,) = event.source
    assert (source.text, source.country, source.sector, source.method) == (
        pronoun, "GBR", None, "anaphor+story-country")


@pytest.mark.model
def test_an_unexplained_pronoun_in_a_sentence_of_another_country_stays_unknown(coder):
    events = by_trigger(events_of(coder, UK + "He urged the French government to scrap the plan."), "urged")
    assert all(not e.source for e in events)


@pytest.mark.model
def test_unexplained_pronouns_alone_make_no_event(coder):
    assert not by_trigger(events_of(coder, UK + "He accused them of lying."), "accused")


@pytest.mark.model
@pytest.mark.parametrize("sentence", [
    "He faces charges of fraud.",
    "They were found guilty of fraud on Friday.",
])
def test_an_unexplained_pronoun_gives_no_implicit_state_its_act(coder, sentence):
    # the unnamed state acts only on someone the text names or points back to
    assert not [e for e in events_of(coder, UK + sentence) if e.event_type == "ACCUSE"]
