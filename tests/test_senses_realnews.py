"""Word senses, metaphors and false alarms of real news: the rules code the event a word reports in
its sense here, and nothing for a forecast, a standing position, a product or a fight over a bill.

The cases (``tests/golden/senses.jsonl``) are sentences written for this test in the styles of the
news the rules miscoded (none is copied from an evaluation set). Each names the PLOVER types its
actual events must include (``has``), must not include (``not``), or types no event may have as
actual (``not_actual``), and why. They run on the rules alone (``Coder(learned=False)``): the learned
stages are trained on what the rules propose and are tested with them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.model

CASES = [json.loads(line) for line in
         (Path(__file__).parent / "golden" / "senses.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:50] for c in CASES])
def test_senses_realnews_sentence_is_coded_in_its_sense(rules, case):
    events = rules.code(case["text"], published="2015-03-02")
    actual = {e.event_type for e in events if e.factuality == "actual"}
    coded = [(e.event_type, e.factuality, e.trigger.text) for e in events]
    assert set(case.get("has", [])) <= actual, (case["why"], coded)
    assert not actual & set(case.get("not", [])), (case["why"], coded)
    assert not actual & set(case.get("not_actual", [])), (case["why"], coded)


def test_senses_realnews_sports_story_countries_are_teams(rules):
    story = ("Ireland beat Wales 24-20 in the Six Nations on Saturday. The coach praised the squad after the match. "
             "Italy defended well in the first half and France rallied late.")
    events = rules.code(story, published="2005-02-14")
    assert [(e.event_type, e.trigger.text) for e in events] == []


def test_senses_realnews_a_political_story_keeps_its_countries(rules):
    story = "Italy defended Greece's decision to expel the diplomats. France rallied its allies behind the sanctions."
    types = {e.event_type for e in rules.code(story, published="2015-02-14")}
    assert "SUPPORT" in types
