"""Targets no one coded (session 16, issue 11): an act aimed at what someone owns or did names that
someone by a possessive pronoun ("attacked his policies", "called for her resignation": the
pronoun's antecedent is the target, resolved by the actors stage's pronoun rules into
``Work.owners_at``), and unnamed people an act is aimed at after a target preposition
("lashed out at his critics"). New short articles written for these tests.
"""

from __future__ import annotations

import pytest

from tests.coding import events_of


def targets(coder, text: str, event_type: str, trigger: str) -> list[tuple]:
    """(text, country) of each target of the ``event_type`` events ``trigger`` makes in ``text``."""
    return [(a.text, a.country) for e in events_of(coder, text) if e.event_type == event_type
            and e.trigger.text == trigger for a in e.target]


@pytest.mark.model
@pytest.mark.parametrize("text, event_type, trigger, target", [
    ("Prime Minister Tony Blair unveiled a new housing plan on Monday. "
     "The Conservatives attacked his policies as reckless.", "ACCUSE", "attacked", ("his", "GBR")),
    ("Senator Ted Cruz spoke at a rally in Houston. Democrats called for his resignation.",
     "REQUEST", "called", ("his", "USA")),
    ("Nigeria's government announced new fuel taxes. Opposition parties condemned its decision.",
     "ACCUSE", "condemned", ("its", "NGA")),
])
def test_the_owner_of_what_an_act_is_aimed_at_is_the_target(coder, text, event_type, trigger, target):
    assert target in targets(coder, text, event_type, trigger)


@pytest.mark.model
def test_people_the_object_names_stay_the_target(coder):
    found = targets(coder, "Police said Mr Howard had shot his wife.", "ASSAULT", "shot")
    assert ("his", None) not in found and any(text == "his wife" for text, _ in found)


@pytest.mark.model
def test_a_pronoun_of_the_other_sex_is_no_antecedent(coder):
    text = "Mrs Thatcher spoke to the BBC on Monday. Labour attacked his comments as cruel."
    assert all(text != "his" for text, _ in targets(coder, text, "ACCUSE", "attacked"))


@pytest.mark.model
def test_the_actor_is_not_its_own_target(coder):
    text = "Senator Ted Cruz criticised his campaign's handling of the debate."
    assert all(text != "his" for text, _ in targets(coder, text, "ACCUSE", "criticised"))


@pytest.mark.model
def test_unnamed_people_after_a_target_preposition_are_the_target(coder):
    text = ("The row over the closure of a steel mill in Dayton, Ohio, grew.\n\n"
            "Senator Sherrod Brown lashed out at his critics on Friday.")
    assert [text for text, _ in targets(coder, text, "ACCUSE", "lashed out")] == ["his critics"]
