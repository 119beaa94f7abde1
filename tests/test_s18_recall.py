"""Session 18, the recall stage: every word the lexicon gives the proposed type is tried, not only
the first ``TRIES`` ranked words, when the first have no actor in their slots. Sentences written for
these tests."""

from __future__ import annotations

import pytest

from chronicle import Coder
from chronicle.stages.events.recall import TRIES, EventRecallStage
from tests.test_event_recall import ProposingClassifier  # the stand-in classifier (fixed probabilities)

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def unscreened():
    return Coder(screen=False)


def _propose(coder, event_type: str, prefer: str = "") -> None:
    stage = next(s for s in coder.stages if isinstance(s, EventRecallStage))
    stage.classifier, stage.threshold, stage.coded_threshold = ProposingClassifier(event_type, 0.9, prefer), 0.5, 1.01


def _rows(coder, text, event_type):
    return [(e.trigger.text, [a.text for a in e.source], e.factuality)
            for e in coder.code(text, published="2024-03-12")
            if e.event_type == event_type and e.proposed_by == "model"]


def test_a_lexicon_word_of_the_type_past_the_tries_is_still_tried(unscreened):
    assert TRIES == 3
    _propose(unscreened, "ACCUSE")
    rows = _rows(unscreened, "Amid criticism, accusations and charges of fraud, Senator Bernie Sanders "
                             "said the bank had cheated its customers.", "ACCUSE")
    assert rows, rows
    assert any("Bernie Sanders" in s for s in rows[0][1]), rows


def test_a_word_the_lexicon_does_not_give_the_type_is_not_tried_past_the_tries(unscreened):
    _propose(unscreened, "ACCUSE")
    rows = _rows(unscreened, "After months of delays, floods and storms, Senator Bernie Sanders "
                             "visited the bank on Tuesday.", "ACCUSE")
    assert not rows, rows
