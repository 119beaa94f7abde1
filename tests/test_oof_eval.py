"""tools/oof_eval.py: each sentence is coded by the fold model that never saw it."""

from __future__ import annotations

from types import SimpleNamespace

from tools import oof_eval


class RecordingCoder:
    """Stands in for FoldCoder: remembers which model coded which text."""

    def __init__(self):
        self.seen: dict[str, str] = {}

    def code(self, classifier, texts):
        for text in texts:
            self.seen[text] = classifier
        return {text: [f"event of {text} by {classifier}"] for text in texts}


def test_each_sentence_is_coded_by_the_model_of_its_own_fold_only():
    gold = [SimpleNamespace(text=t) for t in ("a", "b", "c", "unseen")]
    folds = ["model0", "model1", "model2"]
    coder = RecordingCoder()
    events = oof_eval.code_out_of_fold(coder, folds, {"a": 1, "b": 2, "c": 1}, gold)
    assert coder.seen == {"a": "model1", "b": "model2", "c": "model1", "unseen": "model0"}
    assert events == [["event of a by model1"], ["event of b by model2"], ["event of c by model1"],
                      ["event of unseen by model0"]]


def test_the_report_keeps_figures_and_drops_the_tables():
    metrics = {"overall": {"f1": 0.8}, "per_label": {"ASSAULT": {}}, "confusion": [[1]], "source_agreement": 0.9}
    assert oof_eval.headline(metrics) == {"overall": {"f1": 0.8}, "source_agreement": 0.9}
