"""Session 11, precision: words that name no event of their own (made-up sentences).

Each rule removes a kind of false alarm and must keep the real events next to it: the content of a
charge or an appeal, a question, a level of support, deaths in an accident, a fight of words.
"""

from __future__ import annotations

import pytest

from chronicle import Coder


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder()


def _actual(coder: Coder, text: str) -> list[tuple[str, str, list[str], list[str]]]:
    return [(e.event_type, e.trigger.text, [a.text for a in e.source], [a.text for a in e.target])
            for e in coder.code(text) if e.factuality == "actual"]


def _types(coder: Coder, text: str) -> list[str]:
    return [t for t, *_ in _actual(coder, text)]


def test_coordinated_content_of_an_appeal_is_not_an_event(coder):
    events = _actual(coder, "Amnesty urged the Egyptian government to either free or charge the prisoners held in Cairo.")
    assert [(t, s, g) for t, _, s, g in events] == [("REQUEST", ["Amnesty"], ["the Egyptian government"])]


def test_two_acts_of_one_actor_stay_two(coder):
    assert sorted(_types(coder, "Police arrested the former minister on Monday and charged him with fraud.")) == \
        ["ACCUSE", "COERCE"]


def test_what_a_conviction_names_is_its_content(coder):
    events = _actual(coder, "The rebel commander was convicted of the bombing of a market, as well as the "
                            "attempted murder of a judge.")
    assert [(t, g) for t, _, _, g in events] == [("ACCUSE", ["The rebel commander"])]


def test_what_a_charge_names_is_its_content(coder):
    events = _actual(coder, "A court in Lagos charged the militant leader with murder in the shooting of two soldiers.")
    assert [(t, s, g) for t, _, s, g in events] == [("ACCUSE", ["A court"], ["the militant leader"])]


def test_a_question_asks_whether_the_act_happens(coder):
    for text in ("Do you support President Obama's health plan, Senator?",
                 "Will the Labour government back the miners?"):
        events = coder.code(text)
        assert events and all(e.factuality == "hypothetical" for e in events), text


def test_a_wh_question_and_a_statement_keep_the_act(coder):
    assert _types(coder, "Why did the Russian army shell the village?") == ["ASSAULT"]
    assert _actual(coder, "Senator Cruz supported President Trump's nominee on Tuesday.") == \
        [("SUPPORT", "supported", ["Senator Cruz"], ["President Trump's nominee"])]


def test_a_level_of_support_is_no_act(coder):
    assert _actual(coder, "Polls show an erosion in Hispanic support for the Republican Party.") == []
    assert _actual(coder, "The Tories pledged their support for the prime minister on Monday.") == \
        [("SUPPORT", "pledged", ["The Tories"], ["the prime minister"])]


def test_deaths_in_a_disaster_or_a_collapse_are_no_one_s_act(coder):
    assert _actual(coder, "An earthquake and giant waves killed 200 people in Indonesia, officials said.") == []
    assert _actual(coder, "Seven pupils were killed and dozens trapped when a school collapsed in northern "
                          "Nigeria, police said.") == []
    assert "ASSAULT" in _types(coder, "Seven pupils were killed when gunmen stormed a school in northern "
                                      "Nigeria, police said.")


def test_politicians_fight_with_words(coder):
    assert _types(coder, "Labour MPs, who have been fighting to scrap tuition fees, voted against the bill.") == ["REJECT"]
    assert _actual(coder, "It is a fight for the soul of the Democratic Party, the senator said.") == []
    assert _types(coder, "Kurdish fighters, who have been fighting to retake the town, shelled Islamic State "
                         "positions.") == ["ASSAULT", "ASSAULT"]
    assert _actual(coder, "Syrian troops fought rebels in Aleppo on Sunday.") == \
        [("ASSAULT", "fought", ["Syrian troops"], ["rebels"])]


def test_a_personal_attack_is_words(coder):
    assert "ASSAULT" not in _types(coder, "Senator Graham denounced what he called a personal attack by the White House.")
    assert _types(coder, "Rebels launched an attack on an army base near Goma.") == ["ASSAULT"]
