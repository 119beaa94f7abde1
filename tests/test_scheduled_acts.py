"""Scheduled acts are `future`; promises are actual AGREE (issue 10, README "Scheduled acts").

The project's guideline (datasets/realnews/GUIDELINE.md, section 3) codes "X will meet Y on Monday"
told in the writer's voice as the meeting, `future`; a promise or intent the actor itself expresses
("pledged to", "said it will", "is willing to") is an actual AGREE, the speech act having happened.
All sentences are written for this test.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def coded(coder, text: str) -> list[tuple[str, str]]:
    return [(e.event_type, e.factuality) for e in coder.code(text, published="2023-05-02")]


@pytest.mark.parametrize("text, expected", [
    ("The Chilean president will meet his Peruvian counterpart in Lima on Friday.", ("CONSULT", "future")),
    ("Kenya's foreign minister is due to visit Ethiopia next week.", ("CONSULT", "future")),
    ("Sweden is expected to hold talks with Norway in Oslo on Thursday.", ("CONSULT", "future")),
    ("Vietnam plans to hold talks with Cambodia on the border next month.", ("CONSULT", "future")),
])
def test_a_scheduled_act_keeps_its_type_as_future(coder, text, expected):
    got = coded(coder, text)
    assert expected in got
    assert ("AGREE", "actual") not in got


@pytest.mark.parametrize("text", [
    "Norway pledged to send two hundred engineers to Mozambique.",
    "The rebels said on Sunday that they will release the three aid workers.",
    "Ghana vowed to return the seized fishing boats to Togo.",
])
def test_a_promise_by_the_actor_is_an_actual_agree(coder, text):
    assert ("AGREE", "actual") in coded(coder, text)


def test_the_scheduled_event_is_not_counted_as_reported(coder):
    """A researcher counting actual events must not count next week's summit."""
    events = coder.code("Brazil and Argentina will hold a summit in Montevideo next week.",
                        published="2023-05-02")
    assert events and all(e.factuality != "actual" for e in events)


@pytest.mark.parametrize("text, expected", [
    ("Sweden was expected to hold talks with Norway in Oslo on Thursday.", ("CONSULT", "actual")),
    ("Ghana has agreed to release the Togolese fishermen.", ("AGREE", "actual")),
])
def test_tense_of_the_governing_verb(coder, text, expected):
    """A past expectation says nothing about whether the talks happened (the writer's account
    stands); a present-perfect agreement is a promise made."""
    assert expected in coded(coder, text)
