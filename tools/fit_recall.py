"""Choose the recall stage's thresholds out of fold, and measure what the added events do to every set.

    .venv/bin/python tools/fit_recall.py            # from the repository root, about 15-35 min
    .venv/bin/python tools/fit_recall.py --grid 0.4 0.5 0.6 1.01 --coded-grid 0.7 1.01   # 8 pairs, ~12 min

Why: ``stages/events/recall.py`` adds an event of each PLOVER type the sentence head of the event
classifier gives at least the ``recall`` probability in a sentence where the rules coded nothing, and
at least ``recall_coded`` in a sentence where they coded other types. Both thresholds must be chosen
on sentences the classifier never saw, so, with a fixed seed and never reading the test split:

1. train the classifier five times, each without one fold of the training pool (realnews train by
   story, plover-dev, the examples, conflibert: ``tools/fit_calibration.fold_classifiers``);
2. code every realnews-train sentence with the full Coder whose recall stage uses the fold model
   that did not see it, afresh at every pair of thresholds of the grids, and score it with
   ``chronicle eval``'s own scorer. Afresh, not coded once at the lowest threshold and filtered: an
   added draft changes the rules' own events (an added speech act takes the rules' event in its
   words as its content, ``stages/framing.py``), so a filtered run misstates the coder: it lost
   the rules' events that low-probability drafts had taken, and chose on figures that were not
   the coder's;
3. choose the pair with the best realnews-train type F1 out of fold among those at which the added
   events are right at least ``ADDED_FLOOR`` of the time (an added event is more often right than
   wrong, so it adds more right rows than wrong ones; ties: the higher thresholds) and plover-dev
   and the examples, coded out of
   fold, lose at most 0.002 type F1 (about one event; types added beside the rules' events cost
   them 0.02 with the encoder head: their sentences report one event each); none passing means
   1.01 (the stage adds nothing). Write them as ``thresholds.recall`` and
   ``thresholds.recall_coded`` into the shipped classifier's config.json, and the train grid into
   ``recall_metrics.json`` beside it, with what the choice does to plover-dev and the examples (out
   of fold) and realnews dev (held out: the shipped classifier, used for no choice).
4. and a pair must keep ``bbc-quiet`` (BBC sport and tech stories, no gold: every event is a
   probable false alarm) at or under issue 10's cap of ``TARGET_PER_100`` events per 100 sentences,
   coded with the shipped classifier (those articles train nothing). Checked in the tool, not by
   hand: in session 8 the pair the tool chose raised bbc-quiet from 1.48 to 1.52 and the lead had to
   ship another pair.
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
from chronicle.evaluate.quiet import TARGET_PER_100, count_sentences, score_quiet  # noqa: E402
from chronicle.evaluate.runner import SCORERS  # noqa: E402
from chronicle.models.event_classifier import EventClassifier  # noqa: E402
from tools import fit_calibration as fc  # noqa: E402
from tools import train_event_model as tem  # noqa: E402

MODEL = ROOT / "src" / "chronicle" / "data" / "models" / "event_classifier"
GRID = (0.2, 0.3, 0.4, 0.5, 0.6, 1.01)
"""``recall``: a type added in a sentence where the rules coded nothing."""
CODED_GRID = (0.2, 0.3, 0.4, 0.5, 0.7, 1.01)
"""``recall_coded``: a type added beside the rules' own events in the sentence."""
OFF = 1.01
GATE = 0.05
"""``recall_gate``: in a sentence the rules left open, the encoder runs only where some type reaches
this probability by the hashed-word sentence head (``EventRecallStage._gated``); a speed setting, not
fitted: on 200 BBC articles it spared the encoder 427 of 1,334 parsed sentences and 2 of 39 proposals
(session 18: realnews dev identical, check slice one wrong event fewer, bbc-quiet 1.43 -> 1.41). The
grid is coded with it, and the tool writes it beside the thresholds it chooses."""
TOLERANCE = 0.002
"""How much type F1 plover-dev or the examples may lose (out of fold) at the chosen thresholds: about
one wrong event on the examples (480 sentences), so that a single added event does not veto a pair;
at 0.005 the hashed head got ``recall_coded`` 0.5, which cost the shipped model 0.007 on plover-dev."""
SETS = ("realnews-train", "plover-dev", "examples")
ADDED_FLOOR = 0.5
"""How often the added events must be right (out of fold) for a pair to be chosen. Until session 13
the floor was the rules' own precision (about 0.72), which kept the stage off although its added
events were right 61-71% of the time: recall is what the coder lacks on real news (detection recall
0.50 against precision 0.81 on the test split), so an event more often right than wrong is worth
adding; its lower confidence lets a user who wants precision drop it (``--min-confidence``)."""


class RecallCoder:
    """A full Coder whose recall stage's classifier and thresholds are set per pass."""

    def __init__(self):
        from chronicle.pipeline import Coder
        from chronicle.stages.events.recall import EventRecallStage

        self.coder = Coder()
        self.stage = next(s for s in self.coder.stages if isinstance(s, EventRecallStage))

    def code(self, classifier: EventClassifier, gold: list, open_t: float, coded_t: float) -> dict:
        """(text, published) -> events, the recall stage using ``classifier`` at the thresholds."""
        self.stage.classifier, self.stage.threshold, self.stage.coded_threshold = classifier, open_t, coded_t
        self.stage.gate = GATE
        out = {}
        for g in gold:
            key = (g.text, g.published)
            if key not in out:
                out[key] = self.coder.code(g.text) if g.published is None else self.coder.code(g.text, published=g.published)
        return out


def code_out_of_fold(coder: RecallCoder, folds: list, fold_of_text: dict, gold: list, open_t: float,
                     coded_t: float) -> dict:
    """Every sentence of ``gold`` coded with the fold model that never saw it."""
    coded = {}
    for k, model in enumerate(folds):
        coded.update(coder.code(model, [g for g in gold if fold_of_text.get(g.text, 0) == k], open_t, coded_t))
    return coded


def scores(name: str, gold: list, coded: dict, open_t: float, coded_t: float, off: dict | None = None) -> dict:
    """The set's headline figures with the recall stage at (``open_t``, ``coded_t``), and (given
    ``off``, the figures with the stage off) the added events' precision: of the events the stage
    added, the share whose type is one the sentence reports."""
    m = SCORERS[name](gold, [coded[g.text, g.published] for g in gold])
    row: dict = {"threshold": open_t, "coded_threshold": coded_t}
    for key, value in m.items():
        if isinstance(value, dict) and "f1" in value:
            row[key] = {k: value[k] for k in ("precision", "recall", "f1", "coded", "coded_right", "tp", "fp")
                        if k in value}
    if "accuracy" in m:
        row["accuracy"] = m["accuracy"]
    if off is not None:
        count = lambda r: r["overall"].get("coded", r["overall"].get("tp", 0) + r["overall"].get("fp", 0))  # noqa: E731
        right = lambda r: r["overall"].get("coded_right", r["overall"].get("tp", 0))  # noqa: E731
        extra = count(row) - count(off)
        row["added"] = extra
        row["added_precision"] = round((right(row) - right(off)) / extra, 4) if extra > 0 else None
    return row


def choose(train_grid: list[dict], other_sets_hold=lambda row: True, floor: float = ADDED_FLOOR) -> dict:
    """The row of the chosen thresholds (step 3 of the module docstring): the best realnews-train
    type F1 among the rows whose added events are right at least ``floor`` of the time, and at which
    ``other_sets_hold`` (plover-dev and the examples lose nothing, ``holds_elsewhere``)."""
    off = next(r for r in train_grid if r["threshold"] > 1 and r["coded_threshold"] > 1)
    passing = [r for r in train_grid if r is off
               or r["added_precision"] is not None and r["added_precision"] >= floor]
    ranked = sorted(passing, key=lambda r: (round(r["overall"]["f1"], 4), r["threshold"], r["coded_threshold"]),
                    reverse=True)
    return next(r for r in ranked if r is off or other_sets_hold(r))


def holds_elsewhere(coder: "RecallCoder", folds: list, fold_of_text: dict, log, tolerance: float = TOLERANCE):
    """A test of a threshold pair: plover-dev and the examples, coded out of fold, keep their type
    F1 with the stage off within ``tolerance`` (their sentences report one event each, so a type
    added beside the rules' event there is almost always wrong)."""
    gold = {name: DATASETS[name].loader() for name in SETS[1:]}
    f1 = lambda name, o, c: scores(name, gold[name], code_out_of_fold(coder, folds, fold_of_text, gold[name], o, c),  # noqa: E731
                                   o, c)["overall"]["f1"]
    base = {name: f1(name, OFF, OFF) for name in gold}

    def test(row: dict) -> bool:
        got = {name: f1(name, row["threshold"], row["coded_threshold"]) for name in gold}
        log(f"{row['threshold']} / {row['coded_threshold']}: {got} (stage off: {base})")
        return all(got[name] >= base[name] - tolerance for name in gold)
    return test


def quiet_enough(coder: "RecallCoder", shipped: EventClassifier, log, cap: float = TARGET_PER_100):
    """A test of a threshold pair: bbc-quiet, coded with the shipped classifier at the pair, has at
    most ``cap`` events per 100 sentences (step 4 of the module docstring). The rate is written into
    the row (``bbc_quiet_per_100``) so the grid shows why a pair was passed over."""
    gold = DATASETS["bbc-quiet"].loader()
    sentences = count_sentences(g.text for g in gold)

    def test(row: dict) -> bool:
        coded = coder.code(shipped, gold, row["threshold"], row["coded_threshold"])
        rate = score_quiet(gold, [coded[g.text, g.published] for g in gold], sentences)["overall"]["events_per_100"]
        row["bbc_quiet_per_100"] = rate
        log(f"{row['threshold']} / {row['coded_threshold']}: bbc-quiet {rate} per 100 sentences (cap {cap})")
        return rate is not None and rate <= cap
    return test


def train_grid(coder: RecallCoder, folds: list, fold_of_text: dict, log, grid=GRID, coded_grid=CODED_GRID) -> list[dict]:
    """Realnews-train figures, out of fold, coded afresh at every pair of thresholds of the grids."""
    gold = DATASETS["realnews-train"].loader()
    pairs = [(OFF, OFF)] + [(t, c) for t in grid for c in coded_grid if (t, c) != (OFF, OFF)]
    rows: list[dict] = []
    for open_t, coded_t in pairs:
        coded = code_out_of_fold(coder, folds, fold_of_text, gold, open_t, coded_t)
        rows.append(scores("realnews-train", gold, coded, open_t, coded_t, rows[0] if rows else None))
        log(f"realnews-train at {open_t} / {coded_t}: type F1 {rows[-1]['overall']['f1']}")
    rows[0]["added"], rows[0]["added_precision"] = 0, None
    return rows


def other_sets(coder: RecallCoder, folds: list, fold_of_text: dict, shipped: EventClassifier,
               best: dict) -> dict:
    """Plover-dev and the examples (out of fold) and realnews dev (held out, shipped classifier)
    with the stage off, each threshold alone, and both (what the choice does to every set)."""
    open_t, coded_t = best["threshold"], best["coded_threshold"]
    pairs = list(dict.fromkeys([(OFF, OFF), (open_t, OFF), (OFF, coded_t), (open_t, coded_t)]))
    out = {}
    for name in SETS[1:] + ("realnews-dev",):
        gold = DATASETS[name].loader()
        rows: list[dict] = []
        for o, c in pairs:
            coded = (coder.code(shipped, gold, o, c) if name == "realnews-dev"
                     else code_out_of_fold(coder, folds, fold_of_text, gold, o, c))
            rows.append(scores(name, gold, coded, o, c, rows[0] if rows else None))
        label = "realnews-dev (held out, shipped classifier)" if name == "realnews-dev" else f"{name} (out of fold)"
        out[label] = rows
    return out


def main(argv=None) -> int:
    """Fit the folds, code, score the grid, write the threshold and the curves."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=MODEL, help="the classifier folder to write the threshold into")
    parser.add_argument("--grid", type=float, nargs="+", default=GRID,
                        help="the `recall` thresholds to try (default: the full grid; each pair codes realnews train once)")
    parser.add_argument("--coded-grid", type=float, nargs="+", default=CODED_GRID,
                        help="the `recall_coded` thresholds to try (default: the full grid)")
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
    folds = fc.fold_classifiers(pool, tem.lexicon_forms(), log, tem.has_encoder_head(args.out))
    coder = RecallCoder()
    grid = train_grid(coder, folds, fold_by_text, log, tuple(args.grid), tuple(args.coded_grid))
    shipped = EventClassifier.load(args.out)
    elsewhere, quiet = holds_elsewhere(coder, folds, fold_by_text, log), quiet_enough(coder, shipped, log)
    best = choose(grid, lambda row: elsewhere(row) and quiet(row))
    open_t, coded_t = best["threshold"], best["coded_threshold"]
    curves = other_sets(coder, folds, fold_by_text, shipped, best)
    config_path = args.out / "config.json"
    config = json.loads(config_path.read_text(encoding="utf-8"))
    config["thresholds"]["recall"], config["thresholds"]["recall_coded"] = open_t, coded_t
    config["thresholds"]["recall_gate"] = GATE
    config_path.write_text(json.dumps(config, indent=1, sort_keys=False) + "\n", encoding="utf-8")
    metrics = {"chosen": open_t, "chosen_coded": coded_t, "gate": GATE,
               "chosen_on": "realnews-train type F1, 5-fold out of fold, every pair coded afresh; "
                            f"added events right >= {ADDED_FLOOR}; "
                            f"plover-dev and examples within {TOLERANCE}; bbc-quiet <= {TARGET_PER_100} per 100",
               "trained_by": "tools/fit_recall.py", "seed": tem.SEED,
               "grid": {"recall": list(args.grid), "recall_coded": list(args.coded_grid)},
               "grid (realnews-train, out of fold)": grid, "other sets": curves,
               "seconds": round(time.time() - start)}
    (args.out / "recall_metrics.json").write_text(json.dumps(metrics, indent=1) + "\n", encoding="utf-8")
    log(f"recall thresholds {open_t} / {coded_t} (realnews-train type F1 {best['overall']['f1']}, out of fold)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
