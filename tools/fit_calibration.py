"""Fit the confidence calibration shipped in src/chronicle/data/models/calibration/ and measure it.

    .venv/bin/python tools/fit_calibration.py            # from the repository root, about 5 min

Why: ``Event.confidence`` must be the probability that the event is right (its type and factuality
are the gold ones) on real news, and that can only be learned from events the coder produced for
sentences nothing was fitted on. So, with a fixed seed and no test data:

1. run the rules (the Coder without its model stages) over realnews train and dev (each sentence
   inside its article from ../shared/corpus, as ``chronicle eval`` and users code them), plover-dev,
   the examples and conflibert (the classifier's training sets): the candidates the classifier
   trains on;
2. train the event classifier five times, each time without one fold of stories (the same folds as
   ``tools/train_event_model.py``); code realnews train, plover-dev and the examples again with the
   recall stage on (its shipped thresholds, chosen by ``tools/fit_recall.py``, which ``make model``
   runs first), each sentence with the fold model that did not see it, and realnews dev with the
   shipped model, so the calibration is fitted on the events users get, the recall stage's
   (``proposed_by == "model"``) among them; then score every event with the model that did not see
   it: out-of-fold, exactly as the event-model stage would (``stages.event_model.draft_candidate``);
3. choose the event-model stage's ``keep`` threshold by realnews-train type F1 over those
   out-of-fold events, and the calibration's features and ridge by grouped 5-fold log loss on
   realnews train (cross-fitted by story);
4. fit the logistic map and the per-field type Platt map on all realnews-train events, then measure
   ECE and the reliability table on realnews dev (held out from every fit, scored by the shipped
   classifier) and, out of fold, on plover-dev and the examples;
5. write ``confidence.json`` and ``metrics.json``. The realnews test split is never read.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from chronicle.evaluate.calibration import expected_calibration_error, reliability_table  # noqa: E402
from chronicle.models.calibration import FEATURES, TYPE_FEATURES, ConfidenceModel, fit_logistic  # noqa: E402
from chronicle.models.event_classifier import CANDIDATE_LABELS, Candidate, EventClassifier  # noqa: E402
from tools import train_event_model as tem  # noqa: E402

OUT = ROOT / "src" / "chronicle" / "data" / "models" / "calibration"
L2_GRID = (0.3, 1.0, 3.0, 10.0, 30.0, 100.0)
RETYPE_GRID = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.01)
KEEP_GRID = tuple(round(x, 2) for x in np.arange(0.0, 0.51, 0.025))
FEATURE_SETS = {
    "classifier only": ("type_logit",),
    "classifier + sentence head": ("type_logit", "sentence_any_logit", "sentence_type_logit"),
    "all": FEATURES,
    "all + type": FEATURES + TYPE_FEATURES,
}


# --------------------------------------------------------------------------- coding

def code_all(sentences: list[dict], log) -> None:
    """Code every sentence as ``chronicle eval`` does (its publication date; a realnews sentence
    inside its article, the default ``--context article``, so the confidence is fitted on the events
    users get) and keep the events (``events_out``, offsets in the sentence) and the rules'
    candidates (``rules``, what the classifier trains on)."""
    from chronicle.pipeline import Coder

    coder = Coder(learned=False)
    start = time.time()
    in_articles = _code_events(coder, sentences)
    for s in sentences:
        s["rules"] = [Candidate(s["text"], e.trigger.start, e.trigger.end, e.event_type) for e in s["events_out"]]
    log(f"coded {len(sentences)} sentences ({in_articles} realnews sentences in their articles) "
        f"in {time.time() - start:.0f} s")


def _code_realnews_in_articles(coder, sentences: list[dict]) -> int:
    """Code the realnews sentences inside their articles (``chronicle.evaluate.in_article``);
    returns how many were (the rest, whose article cannot be read, are coded alone there too)."""
    from chronicle.evaluate.in_article import code_in_articles
    from chronicle.evaluate.realnews import load_realnews

    if not sentences:
        return 0
    by_id = {g.id: g for split in ("train", "dev") for g in load_realnews(split)}
    gold = [by_id[s["id"]] for s in sentences]
    predicted, context = code_in_articles(gold, coder.code_article, coder.code)
    for s, events in zip(sentences, predicted):
        s["events_out"] = events
    return context["sentences_in_articles"]


def recall_coder():
    """A Coder with the recall stage (the shipped thresholds) and without the event-model and
    calibration stages (this tool scores and calibrates the events itself, out of fold); returns
    it and its recall stage, whose classifier the caller sets per fold."""
    from chronicle.pipeline import Coder
    from chronicle.stages.calibration import CalibrationStage
    from chronicle.stages.event_model import EventModelStage
    from chronicle.stages.events.recall import EventRecallStage

    coder = Coder()
    coder.post = [s for s in coder.post if not isinstance(s, (EventModelStage, CalibrationStage))]
    return coder, next(s for s in coder.post if isinstance(s, EventRecallStage))


def recode_with_recall(by_set: dict[str, list[dict]], folds: list[EventClassifier], shipped: EventClassifier,
                       log) -> None:
    """Step 2's second coding: ``events_out`` of realnews train, plover-dev and the examples by the
    full coder whose recall stage uses the fold model that did not see the sentence, and of realnews
    dev by the shipped model (the candidates in ``rules`` stay those of the rules alone)."""
    coder, stage = recall_coder()
    start = time.time()
    for k, model in enumerate(folds):
        stage.classifier = model
        _code_events(coder, [s for name in ("rn-train", "plover", "examples") for s in by_set[name]
                             if tem.fold_of(s) == k])
    stage.classifier = shipped
    _code_events(coder, by_set["rn-dev"])
    added = sum(e.proposed_by == "model" for group in by_set.values() for s in group for e in s.get("events_out", ()))
    log(f"coded again with the recall stage in {time.time() - start:.0f} s: {added} events it proposed")


def _code_events(coder, sentences: list[dict]) -> int:
    """``events_out`` of each sentence by ``coder``: realnews sentences inside their articles, the
    others alone; returns how many realnews sentences were coded in their articles."""
    from chronicle.schema import Article

    in_articles = _code_realnews_in_articles(coder, [s for s in sentences if s["set"].startswith("rn-")])
    rest = [s for s in sentences if not s["set"].startswith("rn-")]
    arts = [Article(id=str(i), text=s["text"], published=s.get("published")) for i, s in enumerate(rest)]
    for art, events in coder.pipe(arts, batch_size=64):
        rest[int(art.id)]["events_out"] = events
    return in_articles


def event_candidate(sentence_text: str, event) -> Candidate:
    """The event as ``stages.event_model.draft_candidate`` presents its draft: the stripped
    sentence and the trigger's offsets in it."""
    offset = sentence_text.find(event.sentence)
    if offset < 0:  # coded in its article, where spaCy's sentence may hold the gold one
        offset = -max(event.sentence.find(sentence_text), 0)
    return Candidate(event.sentence, event.trigger.start - offset, event.trigger.end - offset, event.event_type)


def score_events(clf: EventClassifier, sentences: list[dict]) -> None:
    """Each event's candidate-head probability of its own type, by ``clf`` (``type_p``)."""
    flat = [(s, e) for s in sentences for e in s["events_out"]]
    if not flat:
        return
    rows = clf.candidate_matrix([event_candidate(s["text"], e) for s, e in flat])
    for s in sentences:
        s["type_p"], s["type_best"] = [], []
    for (s, e), row in zip(flat, rows):
        s["type_p"].append(float(row[CANDIDATE_LABELS.index(e.event_type)]))
        s["type_best"].append((CANDIDATE_LABELS[int(row.argmax())], float(row.max())))


def fold_classifiers(everything: list[dict], forms, log, encoder: bool | None = None) -> list[EventClassifier]:
    """The classifier trained five times, each without one fold (``tem.fold_of``) of the pool, with
    an encoder sentence head where the shipped model has one (or as ``encoder`` says)."""
    encoder = tem.has_encoder_head() if encoder is None else encoder
    pool = [s for s in everything if s["set"] in ("rn-train", "plover", "examples", "conflibert")]
    models = []
    for k in range(5):
        held = {s["id"] for s in pool if tem.fold_of(s) == k}
        models.append(tem.fold_classifier(pool, held, forms, encoder))
        log(f"fold {k}: classifier trained without {len(held)} sentences")
    return models


# --------------------------------------------------------------------------- events as rows

def is_right(s: dict, event, any_factuality: bool = False) -> bool:
    """Whether the coded event is right (``chronicle.evaluate.calibration``'s rule): realnews, a
    gold event of its type and factuality; plover and examples, the gold type, actual."""
    if s["set"].startswith("rn-"):
        return any(g["event_type"] == event.event_type and (any_factuality or g["factuality"] == event.factuality)
                   for g in s["events"])
    gold = s["gold"] | ({"CONCEDE", "RETREAT"} if "YIELD" in s["gold"] else set())
    return event.event_type in gold and (any_factuality or event.factuality == "actual")


def event_rows(clf_for, sentences: list[dict], keep: float) -> list[dict]:
    """One row per event the pipeline would output with threshold ``keep``: its features (as the
    calibration stage computes them), its raw type probability, right or not, and its story."""
    from chronicle.stages.calibration import feature_rows

    rows = []
    for s in sentences:
        kept = [(e, p) for e, p in zip(s["events_out"], s["type_p"]) if p >= keep]
        if not kept:
            continue
        events = [e.model_copy(update={"confidences": e.confidences.model_copy(update={"event_type": p})})
                  for e, p in kept]
        for e, (_, p), feats in zip(events, kept, feature_rows(events, clf_for(s))):
            rows.append({"features": feats, "p": p, "right": is_right(s, e), "rules_confidence": e.confidence,
                         "type_right": is_right(s, e, True),
                         "group": s.get("group") or s["id"], "set": s["set"], "sentence": s["id"],
                         "event_type": e.event_type})
    return rows


# --------------------------------------------------------------------------- choices on train

def _retyped(s: dict, retype: float) -> list[str]:
    """Each event's type after re-typing: the head's best type where it is not NONE and its
    probability is at least ``retype``."""
    return [best if best != "NONE" and p >= retype else e.event_type
            for e, (best, p) in zip(s["events_out"], s["type_best"])]


def type_f1(sentences: list[dict], keep: float, retype: float = 1.01) -> dict:
    """Realnews type P/R/F1 of the actual events kept at ``keep`` (the ``chronicle eval`` rule:
    per sentence and type, against the gold actual events), re-typed at ``retype``."""
    coded = right = gold_n = found = 0
    for s in sentences:
        gold = {g["event_type"] for g in s["events"] if g["factuality"] == "actual"}
        kept = [t for e, p, t in zip(s["events_out"], s["type_p"], _retyped(s, retype))
                if p >= keep and e.factuality == "actual"]
        types = set(kept)
        coded, right = coded + len(kept), right + sum(t in gold for t in kept)
        gold_n, found = gold_n + len(gold), found + len(gold & types)
    p, r = right / coded if coded else 0.0, found / gold_n if gold_n else 0.0
    return {"keep": keep, "retype": retype, "precision": round(p, 4), "recall": round(r, 4),
            "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0, "coded": coded}


def choose_keep(train: list[dict]) -> tuple[float, list[dict]]:
    """The keep threshold with the best out-of-fold realnews-train type F1 (ties: the lower one,
    which drops less), and the whole curve for the README."""
    curve = [type_f1(train, keep) for keep in KEEP_GRID]
    best = max(curve, key=lambda row: (row["f1"], -row["keep"]))
    return best["keep"], curve


def _arrays(rows: list[dict], names) -> tuple[np.ndarray, np.ndarray]:
    x = np.array([[r["features"].get(n, 0.0) for n in names] for r in rows], dtype=float).reshape(len(rows), len(names))
    return x, np.array([float(r["right"]) for r in rows])


def grouped_folds(rows: list[dict], k: int = 5) -> np.ndarray:
    """Fold of each row by its story (``tem.fold_of`` on the group), so no story is in two folds."""
    return np.array([tem.fold_of({"id": r["group"], "group": r["group"]}, k) for r in rows])


def cross_fitted(rows: list[dict], names, l2: float) -> np.ndarray:
    """Out-of-fold calibrated probabilities of every row (grouped 5-fold)."""
    x, y = _arrays(rows, names)
    folds, out = grouped_folds(rows), np.zeros(len(rows))
    for k in range(5):
        test = folds == k
        if test.any() and (~test).any():
            out[test] = fit_logistic(x[~test], y[~test], l2, names).probabilities(
                [r["features"] for r, t in zip(rows, test) if t])
    return out


def log_loss(p: np.ndarray, y: np.ndarray) -> float:
    """Mean negative log-likelihood (what the calibration choice minimises)."""
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def choose_calibration(rows: list[dict]) -> tuple[str, float, list[dict]]:
    """The feature set and ridge with the lowest grouped cross-fitted log loss on realnews train,
    and every candidate's log loss and ECE."""
    y = np.array([float(r["right"]) for r in rows])
    table = []
    for set_name, names in FEATURE_SETS.items():
        for l2 in L2_GRID:
            p = cross_fitted(rows, names, l2)
            table.append({"features": set_name, "l2": l2, "log_loss": round(log_loss(p, y), 4),
                          "ece": expected_calibration_error(list(p), list(y.astype(bool)))})
    best = min(table, key=lambda row: row["log_loss"])
    return best["features"], best["l2"], table


def fit_type_map(rows: list[dict]) -> list[float]:
    """Platt map of the raw type probability to P(type right, any factuality): the per-field
    ``confidences.event_type``."""
    y = np.array([float(r["type_right"]) for r in rows])
    x = np.array([[r["features"]["type_logit"]] for r in rows])
    m = fit_logistic(x, y, 1.0, ("type_logit",))
    a = float(m.weights[0] / m.scale[0])
    return [round(a, 4), round(float(m.bias - a * m.mean[0]), 4)]


# --------------------------------------------------------------------------- measuring

def measure(model: ConfidenceModel, rows: list[dict]) -> dict:
    """ECE and reliability of the calibrated confidence on ``rows``, beside the ECE of the
    confidence the rules gave before (``before``) and of the raw classifier probability."""
    if not rows:
        return {"n": 0}
    p = [float(x) for x in model.probabilities([r["features"] for r in rows])]
    right = [r["right"] for r in rows]
    return {"n": len(rows), "accuracy": round(sum(right) / len(rows), 4),
            "mean_confidence": round(float(np.mean(p)), 4),
            "ece": expected_calibration_error(p, right),
            "ece_before (rules' confidence)": expected_calibration_error([r["rules_confidence"] for r in rows], right),
            "ece_raw_classifier": expected_calibration_error([r["p"] for r in rows], right),
            "ece_if_perfectly_calibrated (mean of 1,000 draws)": noise_floor(p),
            "auc": auc(p, right), "auc_before (rules' confidence)": auc([r["rules_confidence"] for r in rows], right),
            "min_confidence_curve": min_confidence_curve(p, rows), "reliability": reliability_table(p, right)}


def auc(p: list[float], right: list[bool]) -> float | None:
    """Area under the ROC curve: the chance that a right event has a higher confidence than a wrong
    one (ties count half); calibration alone does not give it, ranking does."""
    pos = [q for q, ok in zip(p, right) if ok]
    neg = [q for q, ok in zip(p, right) if not ok]
    if not pos or not neg:
        return None
    wins = sum((a > b) + 0.5 * (a == b) for a in pos for b in neg)
    return round(wins / (len(pos) * len(neg)), 4)


def noise_floor(p: list[float], draws: int = 1000) -> float:
    """The ECE a perfectly calibrated coder would show on this many events: outcomes drawn as
    Bernoulli(confidence), averaged over ``draws``. With a hundred events it is near 0.1, so a
    measured ECE is read against it, not against 0."""
    rng = np.random.default_rng(tem.SEED)
    probs = np.asarray(p)
    return round(float(np.mean([expected_calibration_error(list(probs), list(rng.random(len(probs)) < probs))
                                for _ in range(draws)])), 4)


def min_confidence_curve(p: list[float], rows: list[dict]) -> list[dict]:
    """What ``--min-confidence`` does: share of the events kept and the share of those right."""
    out = []
    for threshold in (0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7):
        kept = [r["right"] for r, q in zip(rows, p) if q >= threshold]
        out.append({"min_confidence": threshold, "events": len(kept),
                    "right": round(sum(kept) / len(kept), 4) if kept else None})
    return out


def realnews_published() -> dict[str, str | None]:
    """Each realnews sentence's publication date by id (what ``chronicle eval`` codes it with)."""
    return {rec["id"]: rec.get("published") or None
            for rec in map(json.loads, tem.GOLD.read_text(encoding="utf-8").splitlines())}


def load_sets(log) -> dict[str, list[dict]]:
    """realnews train and dev (never test), plover-dev, the examples and conflibert, coded."""
    published = realnews_published()
    realnews = [dict(s, published=published[s["id"]]) for s in tem.load_realnews() if s["set"] != "rn-test"]
    sentences = realnews + tem.load_plover() + tem.load_examples() + tem.load_conflibert()
    code_all(sentences, log)
    by_set: dict[str, list[dict]] = defaultdict(list)
    for s in sentences:
        by_set[s["set"]].append(s)
    return by_set


def fit(by_set: dict[str, list[dict]], log) -> tuple[ConfidenceModel, dict]:
    """Steps 2-4 of the module docstring: the fitted model and every figure for metrics.json."""
    folds = fold_classifiers([s for group in by_set.values() for s in group], tem.lexicon_forms(), log)
    shipped = EventClassifier.load()
    recode_with_recall(by_set, folds, shipped, log)
    for name in ("rn-train", "plover", "examples"):
        for k in range(5):
            score_events(folds[k], [s for s in by_set[name] if tem.fold_of(s) == k])
    score_events(shipped, by_set["rn-dev"])
    keep, keep_curve = choose_keep(by_set["rn-train"])
    retype_curve = [type_f1(by_set["rn-train"], keep, r) for r in RETYPE_GRID]
    log(f"keep threshold chosen on out-of-fold realnews train: {keep}")
    oof = lambda s: folds[tem.fold_of(s)]  # noqa: E731 - the model that did not see the sentence
    rows = {name: event_rows(oof, by_set[name], keep) for name in ("rn-train", "plover", "examples")}
    rows["rn-dev"] = event_rows(lambda s: shipped, by_set["rn-dev"], keep)
    set_name, l2, table = choose_calibration(rows["rn-train"])
    log(f"calibration chosen by cross-fitted log loss: {set_name}, l2 {l2}")
    x, y = _arrays(rows["rn-train"], FEATURE_SETS[set_name])
    model = fit_logistic(x, y, l2, FEATURE_SETS[set_name])
    model.type_map = fit_type_map(rows["rn-train"])
    model.meta = {"keep": keep, "features": set_name, "l2": l2, "fitted_on": "realnews train, out-of-fold events of the full coder (recall stage included)",
                  "right": "a gold event of the coded type and factuality in the sentence",
                  "trained_by": "tools/fit_calibration.py", "seed": tem.SEED}
    metrics = {"keep": keep, "keep_curve (realnews train, out of fold)": keep_curve,
               "retype_curve (realnews train, out of fold; not adopted)": retype_curve,
               "choice (realnews train, grouped 5-fold)": table, "chosen": {"features": set_name, "l2": l2},
               "realnews_train (cross-fitted)": _cross_fitted_report(rows["rn-train"], FEATURE_SETS[set_name], l2),
               "realnews_dev (held out)": measure(model, rows["rn-dev"]),
               "plover_dev (out of fold)": measure(model, rows["plover"]),
               "examples (out of fold)": measure(model, rows["examples"]),
               "realnews train (cross-fitted) + dev (held out), pooled": _pooled(model, rows, FEATURE_SETS[set_name],
                                                                                 l2),
               "weights": dict(zip(model.names, [round(float(w), 4) for w in model.weights]))}
    return model, metrics


def _pooled(model: ConfidenceModel, rows: dict, names, l2: float) -> dict:
    """ECE over more events than dev alone has: train events scored by maps fitted without their
    story, and dev events scored by the shipped map (neither saw the event)."""
    p = list(cross_fitted(rows["rn-train"], names, l2)) + [float(x) for x in model.probabilities(
        [r["features"] for r in rows["rn-dev"]])]
    right = [r["right"] for r in rows["rn-train"] + rows["rn-dev"]]
    return {"n": len(p), "ece": expected_calibration_error(p, right),
            "ece_if_perfectly_calibrated (mean of 1,000 draws)": noise_floor(p),
            "reliability": reliability_table(p, right)}


def _cross_fitted_report(rows: list[dict], names, l2: float) -> dict:
    p = cross_fitted(rows, names, l2)
    right = [r["right"] for r in rows]
    return {"n": len(rows), "ece": expected_calibration_error(list(p), right),
            "reliability": reliability_table(list(p), right)}


def main(argv=None) -> int:
    """Fit, measure, write confidence.json and metrics.json."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=OUT, help="where to write the calibration")
    args = parser.parse_args(argv)
    start = time.time()

    def log(msg: str) -> None:
        print(f"[{time.time() - start:6.1f}s] {msg}", file=sys.stderr, flush=True)

    model, metrics = fit(load_sets(log), log)
    model.save(args.out / "confidence.json")
    metrics["total_seconds"] = round(time.time() - start, 1)
    (args.out / "metrics.json").write_text(json.dumps(metrics, indent=1) + "\n", encoding="utf-8")
    dev = metrics["realnews_dev (held out)"]
    before = dev.get("ece_before (rules' confidence)")
    log(f"wrote {args.out}: realnews dev ECE {dev.get('ece')} (before {before})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
