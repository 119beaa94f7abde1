"""Criticism the lexicon read too narrowly (session 19, ACCUSE recall).

- "questioned the governor's refusal": what is questioned is a named actor's doing, so the act is
  aimed at that actor (``others_doing``); "questioned whether the plan would work" stays none.
- "voiced concern over Beijing's crackdown", "raised concerns about the government's plan": a
  disapproving feeling voiced or raised about someone's act (CAMEO 110); "voiced a cartoon rabbit",
  "raised funds" are none.
- "the MP asserted that the Home Office had hidden the figures": an assertion by a holder of office
  about another political actor's act is an accusation (CAMEO 112, ``rival_warning``); "asserted his
  right" and a footballer's assertion about a referee are none.

Every sentence is written for this test (none is copied from an evaluation set). They run on the
rules alone (``Coder(learned=False)``).
"""

from __future__ import annotations

from functools import partial

import pytest

from tests.coding import actual_with_actors, has_event

pytestmark = pytest.mark.model

actual = partial(actual_with_actors, published="2016-05-10")


@pytest.mark.parametrize("text, trigger, source, target", [
    ("Senator Kamala Harris questioned Governor Jerry Brown's refusal to release the tax records.",
     "questioned", "Senator Kamala Harris", "Governor Jerry Brown's"),
    ("Washington voiced concern over Beijing's crackdown on lawyers in Shanghai.",
     "voiced", "Washington", None),
    ("The Labour Party raised concerns about the government's plan to sell the railways.",
     "raised", "The Labour Party", None),
    ("The Labour MP Diane Abbott asserted that the Home Office had hidden the figures from Parliament.",
     "asserted", None, "the Home Office"),
])
def test_criticism_is_coded(rules, text, trigger, source, target):
    found = actual(rules, text)
    assert has_event(found, "ACCUSE", trigger, target=target, source=source), found


@pytest.mark.parametrize("text", [
    "Senator Kamala Harris questioned whether the tax plan would work.",
    "The actor Tom Hanks voiced a cartoon rabbit in the new film.",
    "The Red Cross raised funds for the victims of the floods in Pakistan.",
    "Senator Ted Cruz asserted his right to speak in the chamber.",
    "The Arsenal striker asserted that the referee had missed a clear foul.",
])
def test_near_sentences_are_not_criticism(rules, text):
    assert not [e for e in actual(rules, text) if e[0] == "ACCUSE"], actual(rules, text)
