"""Choose the recall stage's threshold out of fold, and measure what the added events do to every set.

    .venv/bin/python tools/fit_recall.py            # from the repository root, about 10 min

Why: ``stages/events/recall.py`` adds an event where the rules coded none and the sentence head of the
event classifier gives a PLOVER type at least the ``recall`` probability. That threshold must be
chosen on sentences the classifier never saw, so, with a fixed seed and never reading the test split:

1. train the classifier five times, each without one fold of the training pool (realnews train by
   story, plover-dev, the examples, conflibert: ``tools/fit_calibration.fold_classifiers``);
2. code every realnews-train, plover-dev and examples sentence with the full Coder whose recall stage
   uses the fold model that did not see it (threshold 0.05, each added event's probability kept),
   and realnews dev with the shipped classifier (dev is held out from every fit);
3. score each set with ``chronicle eval``'s own scorers at every threshold of the grid (an added event
   survives a threshold when its probability reaches it; events are added independently per type);
4. choose the threshold with the best realnews-train type F1 out of fold among those at which the
   added events are right at least as often as the rules' own events (an added event must not make
   the data worse on average; ties: the higher threshold); none passing means 1.01 (the stage adds
   nothing). Write it as ``thresholds.recall`` into the shipped classifier's config.json and the
   curves into ``recall_metrics.json`` beside it.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from chronicle.evaluate.datasets import DATASETS  # noqa: E402
from chronicle.evaluate.runner import SCORERS  # noqa: E402
from chronicle.models.event_classifier import EventClassifier  # noqa: E402
from tools import fit_calibration as fc  # noqa: E402
from tools import train_event_model as tem  # noqa: E402

MODEL = ROOT / "src" / "chronicle" / "data" / "models" / "event_classifier"
GRID = tuple(round(x, 2) for x in np.arange(0.05, 0.61, 0.05)) + (1.01,)
FLOOR = GRID[0]
SETS = ("realnews-train", "plover-dev", "examples")


def recording_coder(classifier: EventClassifier):
    """A full Coder whose recall stage uses ``classifier`` at the grid's lowest threshold, and the
    list into which it records each added draft as (trigger start, type, probability)."""
    from chronicle.pipeline import Coder
    from chronicle.stages.events.recall import EventRecallStage

    coder = Coder()
    stage = next(s for s in coder.stages if isinstance(s, EventRecallStage))
    stage.classifier, stage.threshold = classifier, FLOOR
    added: list[tuple[int, str, float]] = []
    call = stage.__call__

    def recorded(work):
        before = {id(d) for d in work.drafts}
        work = call(work)
        added.extend((d.trigger_span.start, d.event_type, d.type_confidence)
                     for d in work.drafts if id(d) not in before)
        return work

    coder.post = [recorded if s is stage else s for s in coder.post]
    return coder, added


def code_with(classifier: EventClassifier, gold: list) -> dict:
    """(text, published) -> [(event, probability or None for the rules' own events)]."""
    coder, added = recording_coder(classifier)
    out = {}
    for g in gold:
        key = (g.text, g.published)
        if key in out:
            continue
        added.clear()
        events = coder.code(g.text) if g.published is None else coder.code(g.text, published=g.published)
        p_at = {(start, t): p for start, t, p in added}
        out[key] = [(e, p_at.get((e.trigger.start, e.event_type))) for e in events]
    return out


def curve(name: str, gold: list, coded: dict) -> list[dict]:
    """The set's headline figures at each threshold of the grid."""
    rows = []
    for t in GRID:
        predicted = [[e for e, p in coded[g.text, g.published] if p is None or p >= t] for g in gold]
        m = SCORERS[name](gold, predicted)
        row = {"threshold": t, "added": sum(1 for v in coded.values() for _, p in v if p is not None and p >= t)}
        for key, value in m.items():
            if isinstance(value, dict) and "f1" in value:
                row[key] = {k: value[k] for k in ("precision", "recall", "f1", "coded", "coded_right", "tp", "fp")
                            if k in value}
        if "accuracy" in m:
            row["accuracy"] = m["accuracy"]
        rows.append(row)
    coded = lambda m: m.get("coded", m.get("tp", 0) + m.get("fp", 0))  # noqa: E731
    right = lambda m: m.get("coded_right", m.get("tp", 0))  # noqa: E731
    off = rows[-1]["overall"]
    for row in rows:  # the added events alone: how often their type is one the sentence reports
        extra = coded(row["overall"]) - coded(off)
        row["added_precision"] = round((right(row["overall"]) - right(off)) / extra, 4) if extra > 0 else None
    return rows


def choose(train_curve: list[dict]) -> dict:
    """The row of the chosen threshold (step 4 of the module docstring)."""
    off = next(r for r in train_curve if r["threshold"] > 1)
    passing = [r for r in train_curve if r["threshold"] > 1
               or r["added_precision"] is not None and r["added_precision"] >= off["overall"]["precision"]]
    return max(passing, key=lambda r: (round(r["overall"]["f1"], 4), r["threshold"]))


def main(argv=None) -> int:
    """Fit the folds, code, score the grid, write the threshold and the curves."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=MODEL, help="the classifier folder to write the threshold into")
    args = parser.parse_args(argv)
    start = time.time()
    log = lambda msg: print(f"[{time.time() - start:6.0f} s] {msg}", file=sys.stderr, flush=True)  # noqa: E731
    pool = tem.load_realnews() + tem.load_plover() + tem.load_examples() + tem.load_conflibert()
    pool = [s for s in pool if s["set"] != "rn-test" and s["set"] != "rn-dev"]
    published = fc.realnews_published()
    for s in pool:
        s.setdefault("published", published.get(s["id"]))
    fc.code_all(pool, log)  # the rules' candidates, which the candidate head trains on
    fold_by_text = {s["text"]: tem.fold_of(s) for s in pool}
    folds = fc.fold_classifiers(pool, tem.lexicon_forms(), log)
    curves = {}
    for name in SETS:
        gold = DATASETS[name].loader()
        coded = {}
        for k in range(5):
            coded.update(code_with(folds[k], [g for g in gold if fold_by_text.get(g.text, 0) == k]))
        curves[name + " (out of fold)"] = curve(name, gold, coded)
        log(f"{name}: coded out of fold")
    dev = DATASETS["realnews-dev"].loader()
    curves["realnews-dev (held out, shipped classifier)"] = curve("realnews-dev", dev, code_with(EventClassifier.load(args.out), dev))
    best = choose(curves["realnews-train (out of fold)"])
    config_path = args.out / "config.json"
    config = json.loads(config_path.read_text(encoding="utf-8"))
    config["thresholds"]["recall"] = best["threshold"]
    config_path.write_text(json.dumps(config, indent=1, sort_keys=False) + "\n", encoding="utf-8")
    metrics = {"chosen": best["threshold"], "chosen_on": "realnews-train type F1, 5-fold out of fold",
               "trained_by": "tools/fit_recall.py", "seed": tem.SEED, "curves": curves,
               "seconds": round(time.time() - start)}
    (args.out / "recall_metrics.json").write_text(json.dumps(metrics, indent=1) + "\n", encoding="utf-8")
    log(f"recall threshold {best['threshold']} (realnews-train type F1 {best['overall']['f1']}, out of fold)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
