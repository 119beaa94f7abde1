"""A verb whose subject is a thing said or published says what its owner or author says, on short
articles written for these tests (``chronicle.stages.events.arguments.message_owner``): "Senator X's
statement accused Y", "the letter by Senator X urged Y" have X as their source."""

from __future__ import annotations

from functools import partial

import pytest

from tests.coding import events_of as coded_events

US = "The dispute over the new stadium in Columbus, Ohio, grew on Tuesday. "


events_of = partial(coded_events, published="2011-05-10")


@pytest.mark.model
@pytest.mark.parametrize("sentence, trigger, speaker", [
    ("Senator Mark Ellison's statement accused Governor John Kasich of hiding the costs.", "accused",
     "Senator Mark Ellison"),
    ("The letter by Senator Mark Ellison urged Governor John Kasich to publish the costs.", "urged",
     "Senator Mark Ellison"),
])
def test_a_message_subject_speaks_for_its_owner(coder, sentence, trigger, speaker):
    found = [e for e in events_of(coder, US + sentence) if e.trigger.text == trigger]
    assert found, sentence
    assert [a.text for a in found[0].source][0].startswith(speaker)
    assert [a.country for a in found[0].source] == ["USA"]
    assert [a.text for a in found[0].target] == ["Governor John Kasich"]


@pytest.mark.model
def test_a_message_with_no_owner_names_no_speaker(coder):
    found = [e for e in events_of(coder, US + "The report criticised Governor John Kasich over the costs.")
             if e.trigger.text == "criticised"]
    assert all(not e.source for e in found)
