"""Session 13, the recall stage: a word of plan, expectation or attempt is not made the trigger of the
type the sentence head proposes (the word it governs is), and a type the rules coded in a sentence
after one the screen blanked is not proposed again."""

from __future__ import annotations

import pytest

from chronicle import Coder
from chronicle.stages.events.recall import EventRecallStage, intention_word
from tests.test_event_recall import ProposingClassifier  # the stand-in classifier (fixed probabilities)

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def unscreened():
    return Coder(screen=False)


def _propose(coder, event_type: str, prefer: str) -> EventRecallStage:
    stage = next(s for s in coder.stages if isinstance(s, EventRecallStage))
    stage.classifier, stage.threshold, stage.coded_threshold = ProposingClassifier(event_type, 0.9, prefer), 0.5, 1.01
    return stage


def _rows(coder, text):
    return [(e.event_type, e.trigger.text, [a.text for a in e.source], [a.text for a in e.target], e.factuality)
            for e in coder.code(text, published="2024-03-12")]


def test_the_word_an_intention_governs_is_coded_instead(unscreened):
    _propose(unscreened, "ACCUSE", "expect")
    rows = _rows(unscreened, "The Interior Ministry is expected to lecture the French ambassador on Tuesday.")
    assert all(r[1] != "expected" for r in rows), rows
    accuse = [r for r in rows if r[0] == "ACCUSE"]
    assert accuse and accuse[0][1] == "lecture", rows
    assert accuse[0][3] == ["the French ambassador"]
    assert accuse[0][4] != "actual"  # expected, not done


def test_a_word_of_plan_or_attempt_is_not_the_trigger(unscreened):
    _propose(unscreened, "CONSULT", "schedul")
    rows = _rows(unscreened, "The Kenyan foreign minister is scheduled to sit down with Ugandan envoys in Kampala.")
    assert all(r[1] != "scheduled" for r in rows), rows
    _propose(unscreened, "ASSAULT", "attempt")
    rows = _rows(unscreened, "Two Somali gunmen attempted to flee the coastguard of Kenya.")
    assert all(r[1] != "attempted" for r in rows), rows


def test_intention_words_are_read_from_the_cues(unscreened):
    doc = unscreened.context.nlp("Officials expected that the plan would be attempted, and the envoy lectured them.")
    by_text = {t.text: t for t in doc}
    assert intention_word(by_text["expected"]) and intention_word(by_text["attempted"])
    assert intention_word(by_text["plan"])
    assert not intention_word(by_text["lectured"])


def test_a_type_the_rules_coded_after_a_blanked_sentence_is_not_proposed_again():
    # The screen blanks the first sentence (no trigger); the parser joins the blank run to the
    # second, so that parsed sentence starts inside the blanked one. The rules' ACCUSE ("charged")
    # is in the second: the stage must see it and not code ACCUSE again on another word.
    screened = Coder()
    stage = next(s for s in screened.stages if isinstance(s, EventRecallStage))
    stage.classifier, stage.threshold, stage.coded_threshold = ProposingClassifier("ACCUSE", 0.9, "letter"), 0.5, 1.01
    text = ("The weather in Leeds was mild all week. "
            "Prosecutors charged the mayor of Leeds with fraud and sent a letter to the council.")
    rows = _rows(screened, text)
    accuse = [r for r in rows if r[0] == "ACCUSE"]
    assert [r[1] for r in accuse] == ["charged"], rows
