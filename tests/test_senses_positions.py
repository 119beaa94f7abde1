"""Positions held, quarrels of words and dismissals (``senses.stance``, ``person_quarrel``, ``retort``,
``person_object``; their ``triggers.yaml`` entries).

The real-news adjudication codes "has long opposed / has been critical of" as no event (decision 10)
while "opposed the bill on Monday" is one; an attack between politicians is criticism; "fired back"
by a person is a retort, not shooting; "whom he fired" and "Strzok's firing" are dismissals. The
sentences are written for this test, none copied from an evaluation set.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

CASES = [
    # (sentence, types its actual events must include, types they must not include)
    ("Senator Elizabeth Warren has long opposed the trade pact.", [], ["REJECT", "AGREE"]),
    ("Germany, which is opposed to lifting the sanctions, left the meeting early.", [], ["REJECT"]),
    ("Senator Elizabeth Warren opposed the trade pact on Tuesday.", ["REJECT"], []),
    ("Relations with France soured, which is opposed to ending the arms embargo.", [], ["REJECT", "COERCE"]),
    ("Former Ohio Gov. John Kasich earned 9 percent support in the latest poll.", [], ["SUPPORT"]),
    ("The Labour Party pledged its support for Tony Blair.", ["SUPPORT"], []),
    ("Japan has supported the Philippine government throughout the dispute.", ["SUPPORT"], []),
    ("Brazil and India have opposed the new farm subsidy rules at the WTO.", ["REJECT"], []),
    ("Bernie Sanders attacked Hillary Clinton over her paid speeches.", ["ACCUSE"], ["ASSAULT"]),
    ("Marco Rubio stepped up his attacks on Donald Trump this week.", ["ACCUSE"], ["ASSAULT"]),
    ("Militants attacked an army checkpoint near Mosul.", ["ASSAULT"], ["ACCUSE"]),
    ("Donald Trump fired back on Twitter within the hour.", ["ACCUSE"], ["ASSAULT"]),
    ("Syrian troops fired back at the rebels with artillery.", ["ASSAULT"], ["ACCUSE"]),
    ("The president still praises Michael Flynn, whom he fired in February.", ["COERCE"], ["ASSAULT"]),
]


@pytest.mark.parametrize(("text", "has", "not_"), CASES, ids=[c[0][:45] for c in CASES])
def test_senses_positions_sentence_is_coded_in_its_sense(rules, text, has, not_):
    events = rules.code(text, published="2016-05-10")
    actual = {e.event_type for e in events if e.factuality == "actual"}
    coded = [(e.event_type, e.factuality, e.trigger.text) for e in events]
    assert set(has) <= actual, coded
    assert not actual & set(not_), coded
