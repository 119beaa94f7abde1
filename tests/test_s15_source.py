"""Who did it, session 15 (issue 11: the source of events whose type is right), on short articles
written for these tests:

- a clause led by a preposition of time or means ("after agreeing", "by hosting", "since leaving")
  is done by the main verb's subject, never its object; "accused Y of", "stopped Y from" stay Y's;
- "X has been in talks with Y", "X was locked in talks": the subject of an engaged verb takes part
  in what the "in" phrase names; "killed in an attack" does not make the dead the attackers;
- people of a continent or region of several states ("European leaders", "Western diplomats",
  "ministers from Asian governments") take no country from the story or the sentence.
"""

from __future__ import annotations

from functools import partial

import pytest

from tests.coding import actual_with_countries, events_of

pytestmark = pytest.mark.model

UK = "The row over the new bypass in Leicester, England, deepened on Tuesday. "
US = "The dispute over the new stadium in Columbus, Ohio, grew on Tuesday. "


_events = partial(actual_with_countries, published="2015-03-03")


def _sources(found, event_type, trigger):
    rows = [r for r in found if r[0] == event_type and r[1] == trigger]
    assert rows, found
    return [text for text, _ in rows[0][2]]


def test_subject_does_the_act_of_an_after_clause(coder):
    found = _events(coder, UK + "The Labour government cut taxes after agreeing a deal with the unions.")
    assert "The Labour government" in _sources(found, "SUPPORT", "agreeing") or \
        "The Labour government" in _sources(found, "AGREE", "agreeing")


def test_subject_does_the_act_of_a_by_clause(coder):
    found = _events(coder, US + "Governor Kasich is taking an enormous risk by hosting Mr Trump.")
    assert _sources(found, "CONSULT", "hosting") == ["Governor Kasich"]


def test_since_clause_is_not_done_by_the_earlier_object(coder):
    found = _events(coder, US + "Senator Brown has kept a low profile since leaving the Senate, "
                                "other than lashing out at his critics.")
    assert "the Senate" not in _sources(found, "ACCUSE", "lashing out")


def test_object_still_does_what_it_is_accused_of_or_stopped_from(coder):
    text = UK + "The Home Office stopped the unions from protesting near Parliament."
    rows = [e for e in events_of(coder, text, "2015-03-03") if e.trigger.text == "protesting"]
    assert rows and all("the unions" in [a.text for a in e.source] for e in rows), rows
    found = _events(coder, UK + "The Home Office accused the unions of attacking the police.")
    assert _sources(found, "ACCUSE", "accused") == ["The Home Office"]


def test_in_talks_with(coder):
    found = _events(coder, UK + "Iran is engaged in talks with the EU over its nuclear programme.")
    assert _sources(found, "CONSULT", "talks") == ["Iran"]
    found = _events(coder, UK + "Mr Blair has been locked in talks with the French president for a week.")
    assert _sources(found, "CONSULT", "talks") == ["Mr Blair"]


def test_killed_in_an_attack_is_not_the_attacker(coder):
    found = _events(coder, UK + "Three British soldiers were killed in an attack by the Taliban.")
    for row in found:
        assert ("Three British soldiers", "GBR") not in row[2], found


def test_several_states_take_no_story_country(coder):
    found = _events(coder, US + "European leaders have openly blamed the US for the rise of the euro.")
    assert ("European leaders", None) in [r for r in found if r[0] == "ACCUSE"][0][2], found
    found = _events(coder, UK + "Western diplomats accused Iran of hiding its nuclear work.")
    assert [r for r in found if r[0] == "ACCUSE"][0][2] == [("Western diplomats", None)], found
    found = _events(coder, US + "Ministers from European and Asian governments have called on the US "
                                "to strengthen the dollar.")
    assert all(country is None for _, country in [r for r in found if r[0] == "REQUEST"][0][2]), found


def test_a_province_named_western_keeps_its_country(coder):
    found = _events(coder, "Police in Cape Town said on Monday that Western Cape police arrested two "
                           "men after the robbery.")
    sources = [s for r in found if r[0] == "COERCE" for s in r[2]]
    assert sources and all(country == "ZAF" for _, country in sources), found


def test_a_story_country_group_keeps_it(coder):
    found = _events(coder, UK + "British ministers urged the council to reconsider the plan.")
    sources = [s for r in found if r[0] == "REQUEST" for s in r[2]]
    assert sources and all(country == "GBR" for _, country in sources), found


def test_relative_clause_on_what_the_subject_is(coder):
    found = _events(coder, US + "Senator Lisa Murkowski was the only Republican who criticized the "
                                "governor over the new tax.")
    assert _sources(found, "ACCUSE", "criticized") == ["Senator Lisa Murkowski"]
    found = _events(coder, UK + "Kenya was the first country that recognised the new government of Somalia.")
    assert _sources(found, "SUPPORT", "recognised") == ["Kenya"]


def test_cleft_sentence_keeps_the_noun(coder):
    found = _events(coder, UK + "It was the police who arrested the two men.")
    assert _sources(found, "COERCE", "arrested") == ["the police"]


def test_a_phrase_set_off_by_commas_does_not_hide_the_subject(coder):
    found = _events(coder, UK + "Mr Howard, of the Conservatives, urged the prime minister to resign.")
    assert _sources(found, "REQUEST", "urged") == ["Mr Howard"]
