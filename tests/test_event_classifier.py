"""The shipped event classifier: it loads, its outputs have the promised shape and range, it is
deterministic, and clear cases go the right way.

The sentences are written for this test (not taken from any dataset). The classifier is numpy only
(regex tokens, hashed features), so these tests need no spaCy model and run in ``make test-fast``.
"""

from __future__ import annotations

import json
from importlib import resources

import numpy as np
import pytest

from chronicle.models import EventClassifier
from chronicle.models.event_classifier import CANDIDATE_LABELS, SENTENCE_LABELS, Candidate
from chronicle.schema import PLOVER_TYPES

EVENTS = [
    "Police arrested dozens of opposition supporters in the capital on Tuesday.",
    "The foreign minister accused the neighbouring government of sheltering rebels.",
    "Gunmen shot dead three soldiers at a checkpoint near the border.",
]
QUIET = [
    "The weather will stay mild and dry for most of the week.",
    "Shares in the supermarket chain rose 3% in early trading.",
]
SPORT = "The striker scored twice as the home side won 4-1."


@pytest.fixture(scope="module")
def clf() -> EventClassifier:
    return EventClassifier.load()


def test_weights_are_shipped_small_and_measured():
    folder = resources.files("chronicle").joinpath("data", "models", "event_classifier")
    names = {p.name for p in folder.iterdir()}
    assert {"config.json", "weights.npz", "metrics.json"} <= names
    total = sum(p.stat().st_size for p in map(lambda n: folder.joinpath(n), names) if p.is_file())
    assert total < 20 * 1024 * 1024
    metrics = json.loads(folder.joinpath("metrics.json").read_text(encoding="utf-8"))
    assert "realnews_dev" in metrics and "thresholds" in metrics


def test_sentence_predictions_have_every_label_and_are_probabilities(clf):
    out = clf.predict(EVENTS + QUIET)
    assert len(out) == len(EVENTS + QUIET)
    for d in out:
        assert set(d) == set(SENTENCE_LABELS) | {"NONE"}
        assert all(0.0 <= p <= 1.0 for p in d.values())
        assert d["NONE"] == pytest.approx(1.0 - d["ANY"])
    assert clf.predict([]) == []


def test_candidate_predictions_sum_to_one(clf):
    text = "Police fired tear gas at protesters outside parliament."
    start = text.index("fired")
    out = clf.predict_candidates([Candidate(text, start, start + 5, "ASSAULT"), (text, start, start + 5, None)])
    assert len(out) == 2
    for d in out:
        assert set(d) == set(CANDIDATE_LABELS)
        assert sum(d.values()) == pytest.approx(1.0)
        assert all(0.0 <= p <= 1.0 for p in d.values())


def test_predictions_are_deterministic(clf):
    first = clf.sentence_matrix(EVENTS + QUIET)
    again = EventClassifier.load().sentence_matrix(EVENTS + QUIET)
    assert np.array_equal(first, again)
    alone = clf.sentence_matrix(EVENTS[:1])
    assert np.allclose(alone[0], first[0])  # batching does not change a sentence's scores


def test_clear_cases_go_the_right_way(clf):
    events, quiet = clf.predict(EVENTS), clf.predict(QUIET)
    assert min(d["ANY"] for d in events) > 0.5 > max(d["ANY"] for d in quiet)
    expected = ["COERCE", "ACCUSE", "ASSAULT"]
    for d, event_type in zip(events, expected):
        ranked = sorted(PLOVER_TYPES, key=lambda t: -d[t])
        assert event_type in ranked[:2], (event_type, ranked[:3])


def test_review_keeps_types_and_confidences_in_range(clf):
    text = "The prime minister accused the opposition leader of lying about the budget."
    start = text.index("accused")
    verdict = clf.review(text, [Candidate(text, start, start + 7, "ACCUSE")])
    assert len(verdict["candidates"]) == 1
    v = verdict["candidates"][0]
    assert v["event_type"] in PLOVER_TYPES and isinstance(v["keep"], bool)
    assert 0.0 <= v["confidence"] <= 1.0 and 0.0 <= v["probability"] <= 1.0
    for added in clf.review(EVENTS[2])["added"]:
        assert added["event_type"] in PLOVER_TYPES and 0.0 <= added["confidence"] <= 1.0


@pytest.mark.xfail(reason="known weakness: few sports sentences in realnews train, so sport reads as conflict "
                          "(the rules' relevance stage and the screen still drop it)", strict=False)
def test_a_sports_result_is_not_an_event(clf):
    assert clf.predict([SPORT])[0]["ANY"] < 0.5
