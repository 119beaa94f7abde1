"""Violence done to people and arrests are events without a named political actor (session 15):
"attacked" and "injured" a person, a shot or a weapon fired, an air strike, an arrest whose doer is
left out, a person held on probation; sport and words stay quiet (stages/relevance.py, knowledge/acts.py)."""

from __future__ import annotations

import pytest

from chronicle.knowledge.acts import harm, heavy_weapons
from tests.coding import actual_with_actors, has_event

pytestmark = pytest.mark.model


def found(coder, text: str):
    return actual_with_actors(coder, text, published="2025-06-10")


def test_the_word_lists():
    assert harm("attack") and harm("injure") and not harm("criticise")
    assert heavy_weapons("195", "strike", True) and heavy_weapons("194", "shelling", False)
    assert not heavy_weapons("195", "bomb", False) and not heavy_weapons("190", "strike", True)


@pytest.mark.parametrize("text, trigger, target", [
    ("Police in Ohio said Michael Turner attacked his neighbour with a hammer on Sunday night.", "attacked", "his neighbour"),
    ("Deputy Sam Ruiz was attacked as he walked back to his patrol car, Sheriff Ann Cole said.", "attacked", None),
    ("Court papers in Fresno say Jim Boyd injured a guard during the escape.", "injured", None),
])
def test_an_attack_on_a_person_is_violence(coder, text, trigger, target):
    assert has_event(found(coder, text), "ASSAULT", trigger, target=target), found(coder, text)


@pytest.mark.parametrize("text, trigger", [
    ("Prosecutors in Tulsa say Dale Pruitt fired the weapon twice from the porch.", "fired"),
    ("Detective Ray Long said Kyle Burke fired a handgun at the house.", "fired"),
])
def test_a_shot_fired_is_violence(coder, text, trigger):
    assert has_event(found(coder, text), "ASSAULT", trigger), found(coder, text)


def test_an_air_strike_names_no_one_and_is_violence(coder):
    text = "Four people died in an air strike on a school in the camp, medics said."
    assert has_event(found(coder, text), "ASSAULT", "strike"), found(coder, text)


def test_a_bomb_squad_is_not_a_team(coder):
    text = "A police officer and a bomb squad technician were killed when the device went off in Salem."
    assert any(e[0] == "ASSAULT" for e in found(coder, text)), found(coder, text)


def test_an_arrest_whose_doer_is_left_out(coder):
    text = "Sgt. Brian Lowe said police spent two hours negotiating with the gunman before bringing him into custody."
    assert any(e[0] == "COERCE" for e in found(coder, text)), found(coder, text)


@pytest.mark.parametrize("text", [
    "The winger attacked down the left and fired a shot wide of the post in the second half.",
    "Moore fired a final round of 66 to finish two shots clear in Dubai.",
    "United attacked the champions from the first whistle and the striker fired the ball into the net.",
    "The columnist attacked the plan in a long article on Sunday.",
    "The late goal killed off the game for the visitors at the stadium.",
    "The film bombed at the box office in its first weekend.",
    "She injured her knee in training and will miss the final of the tournament.",
])
def test_sport_and_words_stay_quiet(coder, text):
    assert not any(e[0] in ("ASSAULT", "COERCE") for e in found(coder, text)), found(coder, text)


@pytest.fixture(scope="module")
def unscreened():
    from chronicle import Coder
    return Coder(screen=False)


def test_a_person_on_probation_for_an_arrest(unscreened):
    text = ("Paul Grant was stopped by a state trooper in Oregon on Friday. "
            "He was on probation for a previous DUI arrest, the trooper said.")
    assert any(e[0] == "COERCE" for e in found(unscreened, text)), found(unscreened, text)


@pytest.mark.parametrize("text, trigger", [
    ("Police in Leeds said 30 people were injured in the crush outside the arena.", "injured"),
    ("Critics in Ohio say the new rule lets the county detain these people for weeks.", "detain"),
    ("Mark Hale has spent most of his life in prison in Texas.", "life"),
    ("The virus was used in attacks on Windows XP computers last month.", "attacks"),
])
def test_no_harm_or_arrest_where_no_one_is_hurt_or_held(unscreened, text, trigger):
    assert not any(e[1] == trigger for e in found(unscreened, text)), found(unscreened, text)
