"""Warnings told apart by what they announce (``triggers.yaml`` entries for "warn", ``senses.own_act``).

The real-news adjudication (``datasets/realnews/ADJUDICATION.md``, decision 2) codes a warning as a
threat only when the warner announces its own act against the one warned, or an act of force; a
warning told to someone about what they do ("warned Blair that the war could be illegal") is
disapproval of them (ACCUSE). The announced act is the complement's own verb, the verbs chained to it
and their objects, not whatever a word of the clause names ("would not forgive anybody fuelling
speculation" announces no fuelling), and a policy said to do harm ("his budget would hurt
pensioners") is criticism of the policy, not force. The sentences are written for this test.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

CASES = [
    # (sentence, a type its actual events must include, a type they must not include)
    ("France warned Italy that its budget plan would break the euro zone's rules.", "ACCUSE", "THREATEN"),
    ("Germany warned Poland that its new media law was undermining press freedom.", "ACCUSE", "THREATEN"),
    ("Spain warned Morocco that its budget would hurt fishermen in the Canaries.", "ACCUSE", "THREATEN"),
    ("Russia warned Ukraine that it would respond to any attack on its forces.", "THREATEN", "ACCUSE"),
    ("Turkey warned Syria that its army would strike any militia crossing the border.", "THREATEN", None),
    ("Pakistan warned that it would retaliate against any incursion into Kashmir.", "THREATEN", None),
    ("China warned Taiwan that Beijing was ready to use force to stop a formal split.", "THREATEN", "ACCUSE"),
    ("Norway warned Iceland to stop overfishing mackerel in the North Atlantic.", "REQUEST", "THREATEN"),
]


@pytest.mark.parametrize(("text", "has", "not_"), CASES, ids=[c[0][:45] for c in CASES])
def test_senses_warnings_type_follows_what_is_announced(rules, text, has, not_):
    events = rules.code(text, published="2016-05-10")
    actual = {e.event_type for e in events if e.factuality == "actual"}
    coded = [(e.event_type, e.factuality, e.trigger.text) for e in events]
    assert has in actual, coded
    assert not_ is None or not_ not in actual, coded


def test_senses_warnings_a_forecast_is_no_event(rules):
    events = rules.code("The finance ministry of Brazil warned that inflation could rise next year.",
                        published="2016-05-10")
    assert not [e for e in events if e.trigger.text == "warned"], [(e.event_type, e.trigger.text) for e in events]
