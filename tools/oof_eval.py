"""Score the sets the event classifier trains on out of fold: plover-dev, conflibert-cameo, the examples.

    .venv/bin/python tools/oof_eval.py            # from the repository root, about 5 min

Why: the shipped classifier trains on plover-dev, conflibert-cameo's train file and the project's
examples (``tools/train_event_model.py``), and its recall stage adds events in their sentences, so
``chronicle eval plover-dev`` with the shipped model scores sentences the model has seen: not a
figure. This tool trains the classifier five times, each without one fold (the folds of
``tools/train_event_model.fold_of``, the same as the calibration and recall tools use), codes every
sentence of each set with the full Coder whose event-model and recall stages use the fold model that
never saw it, and scores the whole set with ``chronicle eval``'s own scorer. The thresholds (keep,
recall) and the calibration are the shipped ones: those were chosen on realnews train, out of fold,
and never on these sets' scores. The realnews test split is never read. Writes
``oof_metrics.json`` beside the shipped classifier (the figures the README reports).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from chronicle.evaluate.datasets import DATASETS  # noqa: E402
from chronicle.evaluate.runner import SCORERS  # noqa: E402
from tools import fit_calibration as fc  # noqa: E402
from tools import train_event_model as tem  # noqa: E402

MODEL = ROOT / "src" / "chronicle" / "data" / "models" / "event_classifier"
SETS = ("plover-dev", "conflibert-cameo", "examples")
DETAIL = ("per_label", "confusion", "confusion_labels", "errors")
"""Keys of the scorers' metrics left out of ``oof_metrics.json`` (tables; ``chronicle eval`` shows them)."""


class FoldCoder:
    """A full Coder whose learned stages (event model, recall) use the classifier set per pass."""

    def __init__(self):
        from chronicle.pipeline import Coder
        from chronicle.stages.event_model import EventModelStage
        from chronicle.stages.events.recall import EventRecallStage

        self.coder = Coder()
        self.learned = [s for s in self.coder.stages if isinstance(s, (EventModelStage, EventRecallStage))]

    def code(self, classifier, texts: list[str]) -> dict[str, list]:
        """text -> events, every learned stage using ``classifier`` (thresholds stay the shipped ones)."""
        for stage in self.learned:
            stage.classifier = classifier
        return {text: self.coder.code(text) for text in dict.fromkeys(texts)}


def code_out_of_fold(coder: FoldCoder, folds: list, fold_of_text: dict[str, int], gold: list) -> list[list]:
    """The events of every gold sentence, coded with the fold model that never saw it (a sentence in
    no training fold was seen by none, and fold 0's model codes it)."""
    coded: dict[str, list] = {}
    for k, model in enumerate(folds):
        coded.update(coder.code(model, [g.text for g in gold if fold_of_text.get(g.text, 0) == k]))
    return [coded[g.text] for g in gold]


def headline(metrics: dict) -> dict:
    """The figures the README quotes (type P/R/F1, actor agreement, accuracy), without the tables."""
    return {k: v for k, v in metrics.items() if k not in DETAIL}


def main(argv=None) -> int:
    """Train the folds, code each set out of fold, write oof_metrics.json."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=MODEL, help="the classifier folder to write oof_metrics.json into")
    args = parser.parse_args(argv)
    start = time.time()
    log = lambda msg: print(f"[{time.time() - start:6.0f} s] {msg}", file=sys.stderr, flush=True)  # noqa: E731
    pool = [s for s in tem.load_realnews() + tem.load_plover() + tem.load_examples() + tem.load_conflibert()
            if s["set"] not in ("rn-test", "rn-dev")]
    published = fc.realnews_published()
    for s in pool:
        s.setdefault("published", published.get(s["id"]))
    fc.code_all(pool, log)  # the rules' candidates, which the candidate head trains on
    fold_of_text = {s["text"]: tem.fold_of(s) for s in pool}
    folds = fc.fold_classifiers(pool, tem.lexicon_forms(), log, tem.has_encoder_head(MODEL))
    coder = FoldCoder()
    report: dict = {"what": "each sentence coded by the full Coder whose event-model and recall stages use the "
                            "classifier trained without its fold (5 folds, tools/train_event_model.fold_of)",
                    "trained_by": "tools/oof_eval.py", "seed": tem.SEED, "sets": {}}
    for name in SETS:
        gold = DATASETS[name].loader()
        metrics = SCORERS[name](gold, code_out_of_fold(coder, folds, fold_of_text, gold))
        report["sets"][name] = {"n_sentences": len(gold), **headline(metrics)}
        log(f"{name} out of fold: {json.dumps(metrics.get('overall'))}")
    report["seconds"] = round(time.time() - start)
    (args.out / "oof_metrics.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
