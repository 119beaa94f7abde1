"""A description followed by the name of the person it describes, between commas ("the council's
planning chief, Ruth Abney, criticised X"), is that person: the events stage reads the name as the
subject or object (``chronicle.stages.actors.descriptors.apposed_names``), with what the description
says of the person that the name does not. New short articles written for these tests.
"""

from __future__ import annotations

import pytest

from tests.coding import events_of

UK = "The row over the new bypass in Leicester, England, deepened on Tuesday.\n\n"


def typed(events, event_type: str):
    found = [e for e in events if e.event_type == event_type]
    assert found, [(e.trigger.text, e.event_type) for e in events]
    return found[0]


@pytest.mark.model
@pytest.mark.parametrize("sentence, event_type", [
    ("The Liberal Democrat transport spokesman, Gareth Pembly, accused the Home Secretary of misleading "
     "Parliament.", "ACCUSE"),
    ("The party's transport spokesman, Gareth Pembly, criticised the government over the delays.", "ACCUSE"),
])
def test_a_title_s_apposed_name_is_the_subject(coder, sentence, event_type):
    event = typed(events_of(coder, UK + sentence, published="2011-05-10"), event_type)
    (source,) = event.source
    # the name the parser could not type is the person the title describes, with the title's codes
    assert (source.text, source.country, source.sector) == ("Gareth Pembly", "GBR", "PTY")


@pytest.mark.model
def test_a_title_with_no_apposed_name_stays_the_subject(coder):
    text = UK + "The party's transport spokesman criticised the government over the delays."
    event = typed(events_of(coder, text, published="2011-05-10"), "ACCUSE")
    assert [a.text for a in event.source] == ["The party's transport spokesman"]
