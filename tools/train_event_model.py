"""Train the event classifier shipped in src/chronicle/data/models/event_classifier/ and measure it.

    .venv/bin/python tools/train_event_model.py             # from the repository root
    .venv/bin/python tools/train_event_model.py --no-test   # development runs: never score test

Why this script exists: the weights must be rebuilt from data, deterministically (fixed seed, no
shuffling that depends on the process), by anyone, in a few minutes on a 2-core CPU. It reads the
data where it lies and copies none of it: the realnews gold (datasets/realnews/gold.jsonl; train to
fit, dev to choose thresholds, test only for the closing figures) and, from ../shared, plover-dev and
conflibert-cameo (train.tsv), plus the project's examples.

What it does, in order:
1. runs Chronicle's rules (``Coder``) over every sentence to get the candidates they propose;
2. fits the sentence head (16 types + ANY) on realnews train only, and the candidate head (16
   types + NONE on a marked trigger) on realnews train candidates (the rules' and the gold
   triggers) plus the rules' candidates on plover-dev, the examples and conflibert, labelled from
   those sets' sentence labels;
3. chooses the combination thresholds (keep, re-type, add) on realnews dev by type F1;
4. fits Platt calibration maps on 5-fold out-of-fold predictions over the training data, and
   reports expected calibration error on dev before and after;
5. reports 5-fold out-of-fold figures on plover-dev, conflibert and the examples (the sets the
   candidate head trains on), speed and size, then writes weights, config and metrics.json.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from chronicle.models.event_classifier import (  # noqa: E402
    CANDIDATE_LABELS,
    SENTENCE_LABELS,
    Candidate,
    EventClassifier,
    LinearHead,
    platt,
)
from chronicle.models.encoder_head import ENCODER_FIT  # noqa: E402
from chronicle.models.encoder_head import EncoderHead, train_sentence_encoder_head  # noqa: E402
from chronicle.models.training import (  # noqa: E402  (shared with `chronicle train`)
    CANDIDATE_FIT,
    SEED,
    SENTENCE_FIT,
    attach_rule_candidates,
    fit_linear as _fit_linear,
    realnews_candidates,
    sentence_target as _row,
    train_candidate_head as _train_candidate_head,
    train_sentence_head as _train_sentence_head,
)
from chronicle.schema import QUAD_CLASS  # noqa: E402

BITS = 18
OUT = ROOT / "src" / "chronicle" / "data" / "models" / "event_classifier"
GOLD = ROOT / "datasets" / "realnews" / "gold.jsonl"
EXAMPLES = ROOT / "src" / "chronicle" / "data" / "examples" / "plover-examples.jsonl"
SENTENCE_SETS = ("rn-train",)
"""The sets the sentence head trains on (chosen on realnews dev; see the model's README)."""
ENCODER = False
"""Whether the sentence head is the encoder's (``models.encoder_head``; ``--encoder``). Off by default:
alone it beats the hashed-word head by +0.07-0.09 sentence type F1 on realnews dev and out of fold,
but through the pipeline (the recall stage, thresholds chosen out of fold on train) realnews dev
type F1 was 0.389 against the hashed head's 0.409, and plover-dev and the examples fell by 0.02
(``data/models/event_classifier/README.md``)."""
ADD_ONLY_IF_NONE = 1
"""Add the sentence head's types only to sentences where no rule candidate is kept (see README)."""
YIELD = {"CONCEDE": "YIELD", "RETREAT": "YIELD"}
LI = {label: i for i, label in enumerate(SENTENCE_LABELS)}
CI = {label: i for i, label in enumerate(CANDIDATE_LABELS)}


# --------------------------------------------------------------------------- data

def shared_root() -> Path:
    """../shared (or $CHRONICLE_SHARED), where the evaluation sets live; read, never copied."""
    import os
    return Path(os.environ.get("CHRONICLE_SHARED", ROOT.parent / "shared"))


def load_realnews() -> list[dict]:
    """Every realnews sentence with its split, story group, gold types and gold events."""
    out = []
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        types = {e["event_type"] for e in r["events"]}
        out.append({"set": "rn-" + r["split"], "id": r["id"], "text": r["text"], "group": r["group"],
                    "gold": types, "events": r["events"], "target": _row(types)})
    return out


def load_plover() -> list[dict]:
    """plover-dev: one type per sentence; YIELD leaves CONCEDE and RETREAT unknown."""
    path = shared_root() / "eval-data" / "plover-dev" / "plover-dev.jsonl"
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        types = {x["event_type"] for x in r["relations"]}
        known = types - {"YIELD"}
        target = _row(known, 1.0, ("CONCEDE", "RETREAT") if "YIELD" in types else ())
        out.append({"set": "plover", "id": r["id"], "text": r["text"], "gold": types, "single": next(iter(types)),
                    "target": target})
    return out


def load_examples() -> list[dict]:
    """The project's 480 sentences; a NONE that is an appeal is unknown (realnews codes appeals as
    REQUEST, the examples' guideline does not), so it gives no candidate label."""
    out = []
    for line in EXAMPLES.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        t = r["event_type"]
        appeal = t == "NONE" and any(w in (r.get("note") or "").lower() for w in ("appeal", "urge", "call"))
        single = "SKIP" if appeal else t
        target = _row(set() if t == "NONE" else {t}, None, ("REQUEST", "ANY") if appeal else ())
        out.append({"set": "examples", "id": r["id"], "text": r["text"], "target": target,
                    "gold": set() if t == "NONE" else {YIELD.get(t, t)}, "single": single})
    return out


def load_conflibert() -> list[dict]:
    """conflibert-cameo train.tsv: class 0 no event, 1-4 the QuadClass of its event."""
    path = shared_root() / "eval-data" / "conflibert-cameo" / "cameo_class" / "train.tsv"
    out = []
    with path.open(encoding="utf-8", newline="") as fh:
        for number, row in enumerate(csv.reader(fh, delimiter="\t"), 1):
            if row:
                label = int(row[1])
                out.append({"set": "conflibert", "id": f"cb-{number:04d}", "text": row[0].strip(),
                            "quad": label, "single": "NONE" if label == 0 else label})
    return out


def run_rules(sentences: list[dict]) -> float:
    """Attach the rules' candidates (type, trigger offsets) to every sentence; seconds."""
    from chronicle.pipeline import Coder

    coder = Coder(learned=False)
    start = time.time()
    attach_rule_candidates(sentences, coder)
    return time.time() - start


def lexicon_forms() -> dict[str, list[str]]:
    """Word form -> PLOVER types, from the trigger lexicon's head lemmas (regular inflections, plus
    spaCy's irregular forms): the snapshot shipped with the weights."""
    from chronicle.knowledge.lexicon import load_lexicon
    from chronicle.stages.screen import _inflections
    from chronicle.syntax.model import load_model

    exceptions = load_model().get_pipe("lemmatizer").lookups.get_table("lemma_exc")
    irregular: dict[str, set[str]] = defaultdict(set)
    for pos in ("verb", "noun"):
        for form, lemmas in exceptions.get(pos, {}).items():
            for lemma in lemmas:
                irregular[lemma].add(form)
    forms: dict[str, set[str]] = defaultdict(set)
    for (head, _pos), entries in load_lexicon(()).by_head.items():
        for form in _inflections(head) | irregular.get(head, set()):
            forms[form.lower()].update(e.event_type for e in entries)
    return {k: sorted(v) for k, v in sorted(forms.items())}


# --------------------------------------------------------------------------- candidate labels

def weak_candidates(sentence: dict) -> list[tuple[Candidate, str]]:
    """(candidate, label) from a sentence-level label: NONE sentences make every candidate NONE; a
    candidate of the labelled type (or quad class, or CONCEDE/RETREAT for YIELD) is right; the only
    candidate of a one-event sentence with another type is that event, re-typed; others unknown."""
    single, cands, out = sentence["single"], sentence["rules"], []
    for c in cands:
        if single == "SKIP":
            continue
        if single == "NONE":
            label = "NONE"
        elif isinstance(single, int):
            label = c.event_type if QUAD_CLASS[c.event_type] == single else None
        elif c.event_type == single or (single == "YIELD" and c.event_type in YIELD):
            label = c.event_type
        else:
            label = single if len(cands) == 1 and single != "YIELD" else None
        if label:
            out.append((c, label))
    return out


# --------------------------------------------------------------------------- training

def fit_linear(ind, ptr, y, mask, *, exclusive: bool, epochs: int, lr: float, l2: float, batch: int,
               seed: int = SEED):
    """``chronicle.models.training.fit_linear`` at this tool's hash size."""
    return _fit_linear(ind, ptr, y, mask, exclusive=exclusive, epochs=epochs, lr=lr, l2=l2, batch=batch,
                       bits=BITS, seed=seed)


def train_sentence_head(sentences: list[dict], forms) -> LinearHead:
    """The sentence head on sentences carrying a ``target`` (targets, mask)."""
    return _train_sentence_head(sentences, forms, BITS)


def train_encoder_head(sentences: list[dict], forms, encoder: bool) -> EncoderHead | None:
    """The encoder's sentence head (the sentence vector beside the hashed words) on the same
    sentences as the hashed one; None without ``encoder``."""
    return train_sentence_encoder_head(sentences, forms, BITS) if encoder else None


def fold_classifier(pool: list[dict], held: set[str], forms, encoder: bool) -> EventClassifier:
    """The classifier trained on ``pool`` without the sentences in ``held`` (one fold's model, as
    ``out_of_fold`` and the calibration and recall tools train it), with an encoder head or not
    (the calibration and recall tools follow the shipped model: ``has_encoder_head``)."""
    sentence_train = [s for s in pool if s["set"] in SENTENCE_SETS and s["id"] not in held]
    return EventClassifier(train_sentence_head(sentence_train, forms),
                           train_candidate_head(candidate_training_set(pool, held), forms), forms, BITS,
                           encoder_head=train_encoder_head(sentence_train, forms, encoder))


def has_encoder_head(folder: Path = OUT) -> bool:
    """Whether the model in ``folder`` was trained with the encoder's sentence head."""
    return EventClassifier.load(folder).encoder_head is not None


def train_candidate_head(examples: list[tuple[Candidate, str]], forms) -> LinearHead:
    """The candidate head on (candidate, label) pairs."""
    return _train_candidate_head(examples, forms, BITS)


def candidate_training_set(sentences: list[dict], exclude: set[str] = frozenset()) -> list[tuple[Candidate, str]]:
    """Every (candidate, label) the candidate head trains on, leaving out sentences in ``exclude``."""
    out: list[tuple[Candidate, str]] = []
    for s in sentences:
        if s["id"] in exclude:
            continue
        if s["set"] == "rn-train":
            out += realnews_candidates(s, gold_triggers=True)
        elif s["set"] in ("plover", "examples", "conflibert"):
            out += weak_candidates(s)
    return out


def fold_of(sentence: dict, k: int = 5) -> int:
    """Stable 5-fold assignment: realnews by story group (no story in two folds), others by id."""
    key = sentence.get("group") or sentence["id"]
    return int(hashlib.sha1(f"{SEED}|{key}".encode()).hexdigest(), 16) % k


def out_of_fold(sentences: list[dict], forms, log) -> None:
    """5-fold out-of-fold probabilities for every training sentence (``oof_sent``, ``oof_cand``):
    each fold's sentences are scored by heads trained without them."""
    train_sets = ("rn-train", "plover", "examples", "conflibert")
    pool = [s for s in sentences if s["set"] in train_sets]
    for k in range(5):
        held = {s["id"] for s in pool if fold_of(s) == k}
        clf = fold_classifier(pool, held, forms, ENCODER)
        fold = [s for s in pool if s["id"] in held]
        attach_probabilities(clf, fold, prefix="oof_")
        log(f"fold {k}: {len(fold)} held-out sentences")


# --------------------------------------------------------------------------- combination and scores

def attach_probabilities(clf: EventClassifier, sentences: list[dict], prefix: str = "") -> None:
    """Store both heads' raw probabilities on each sentence (``sent``, ``cand``), so threshold
    searches reuse them."""
    sent = clf.sentence_matrix([s["text"] for s in sentences])
    flat = [c for s in sentences for c in s["rules"]]
    cand = clf.candidate_matrix(flat) if flat else np.zeros((0, len(CANDIDATE_LABELS)))
    k = 0
    for i, s in enumerate(sentences):
        s[prefix + "sent"], s[prefix + "cand"] = sent[i], cand[k:k + len(s["rules"])]
        k += len(s["rules"])


def predicted_events(clf: EventClassifier, s: dict, prefix: str = "", mode: str = "combined") -> list[dict]:
    """The events a system outputs for one sentence: ``rules`` (every candidate, as today),
    ``classifier`` (sentence head alone) or ``combined`` (``EventClassifier.decide``)."""
    if mode == "rules":
        return [{"event_type": c.event_type, "probability": 1.0, "confidence": 1.0} for c in s["rules"]]
    if mode == "classifier":
        return clf.decide([], np.zeros((0, len(CANDIDATE_LABELS))), s[prefix + "sent"])["added"]
    verdict = clf.decide(s["rules"], s[prefix + "cand"], s[prefix + "sent"])
    return [v for v in verdict["candidates"] if v["keep"]] + verdict["added"]


def _types(events: list[dict], merge_yield: bool) -> set[str]:
    return {YIELD.get(e["event_type"], e["event_type"]) if merge_yield else e["event_type"] for e in events}


def prf(tp: int, fp: int, fn: int) -> dict:
    """Precision, recall, F1 and the counts behind them."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            "tp": tp, "fp": fp, "fn": fn}


def score(sentences: list[dict], preds: list[list[dict]], merge_yield: bool = False) -> dict:
    """Event detection (the sentence reports an event) and type P/R/F1 over (sentence, type) pairs:
    a type counts once per sentence, however many records or triggers carry it."""
    det, typ = [0, 0, 0], [0, 0, 0]
    for s, events in zip(sentences, preds):
        gold, pred = s["gold"], _types(events, merge_yield)
        det[0] += bool(gold) and bool(pred)
        det[1] += not gold and bool(pred)
        det[2] += bool(gold) and not pred
        typ[0] += len(gold & pred)
        typ[1] += len(pred - gold)
        typ[2] += len(gold - pred)
    return {"detection": prf(*det), "type": prf(*typ), "sentences": len(sentences)}


def evaluate(clf, sentences, prefix="", mode="combined", merge_yield=False) -> dict:
    """``score`` of one system on a list of sentences."""
    return score(sentences, [predicted_events(clf, s, prefix, mode) for s in sentences], merge_yield)


def choose_thresholds(clf: EventClassifier, dev: list[dict]) -> tuple[dict, list[dict]]:
    """Grid search on realnews dev for the best type F1: keep (drop a rule candidate below it),
    retype (take the head's type above it), add (sentence-head types added above it). Also returns
    the precision curve of dropping alone, for a user who wants fewer false alarms."""
    grid = [round(x, 2) for x in np.arange(0.0, 0.81, 0.05)]
    best, curve = None, []
    for retype in (0.3, 0.5, 0.7, 1.01):
        for keep in grid:
            for add in [round(x, 2) for x in np.arange(0.05, 0.61, 0.05)] + [1.01]:
                clf.thresholds = {"keep": keep, "retype": retype, "add": add, "add_any": 0.0,
                                  "add_only_if_none": ADD_ONLY_IF_NONE}
                f1 = evaluate(clf, dev)["type"]["f1"]
                if best is None or f1 > best[0]:
                    best = (f1, dict(clf.thresholds))
    for keep in grid:
        clf.thresholds = {**best[1], "add": 1.01, "keep": keep}
        curve.append({"keep": keep, **evaluate(clf, dev)["type"]})
    clf.thresholds = best[1]
    return best[1], curve


def kept_pairs(clf, sentences, prefix="") -> tuple[dict[str, list], dict[str, list]]:
    """(raw probability, type right?) of every output event, by head (``candidate`` for kept rule
    events, ``sentence`` for added ones): what calibration fits and ECE measures."""
    probs: dict[str, list] = {"candidate": [], "sentence": []}
    right: dict[str, list] = {"candidate": [], "sentence": []}
    for s in sentences:
        verdict = clf.decide(s["rules"], s[prefix + "cand"], s[prefix + "sent"])
        for head, events in (("candidate", [v for v in verdict["candidates"] if v["keep"]]), ("sentence", verdict["added"])):
            for e in events:
                probs[head].append(e["probability"])
                right[head].append(float(e["event_type"] in s["gold"]))
    return probs, right


def fit_platt(p: list[float], y: list[float]) -> list[float]:
    """Platt scaling a, b of sigmoid(a * logit(p) + b) by Newton's method (two parameters: safe
    on a few hundred points, where isotonic regression would overfit)."""
    p = np.clip(np.asarray(p, dtype=float), 1e-6, 1 - 1e-6)
    X = np.stack([np.log(p / (1 - p)), np.ones(len(p))], axis=1)
    y, prior, ridge = np.asarray(y, dtype=float), np.array([1.0, 0.0]), 1.0
    theta = prior.copy()
    for _ in range(100):  # a ridge towards the identity map keeps a near-separable fit finite
        q = 1.0 / (1.0 + np.exp(-np.clip(X @ theta, -30, 30)))
        hess = X.T @ (X * (q * (1 - q))[:, None]) + ridge * np.eye(2)
        theta -= np.linalg.solve(hess, X.T @ (q - y) + ridge * (theta - prior))
    return [round(float(theta[0]), 4), round(float(theta[1]), 4)]


def ece(p, y, bins: int = 10) -> float | None:
    """Expected calibration error over 10 equal-width bins: sum of |accuracy - confidence| weighted
    by the bin's share of predictions."""
    p, y = np.asarray(p, dtype=float), np.asarray(y, dtype=float)
    if not len(p):
        return None
    which = np.minimum((p * bins).astype(int), bins - 1)
    return round(float(sum(abs(y[which == b].mean() - p[which == b].mean()) * (which == b).mean()
                           for b in range(bins) if (which == b).any())), 4)


# --------------------------------------------------------------------------- reports

def calibrate(clf: EventClassifier, train: list[dict], dev: list[dict]) -> dict:
    """Fit one Platt map per head on out-of-fold realnews-train outputs (never on dev), and report
    ECE on dev for "the output event's type is right", raw and calibrated."""
    oof_p, oof_y = kept_pairs(clf, train, prefix="oof_")
    clf.calibration = {head: fit_platt(oof_p[head], oof_y[head]) for head in oof_p
                       if len(oof_p[head]) >= 20 and 0 < sum(oof_y[head]) < len(oof_y[head])}
    dev_p, dev_y = kept_pairs(clf, dev)
    report = {"fitted_on": "5-fold out-of-fold realnews train outputs", "maps": clf.calibration,
              "fit_points": {h: len(v) for h, v in oof_p.items()}}
    for head in ("candidate", "sentence"):
        cal = list(platt(dev_p[head], clf.calibration.get(head))) if dev_p[head] else []
        report[head] = {"n": len(dev_p[head]), "ece_raw": ece(dev_p[head], dev_y[head]), "ece_calibrated": ece(cal, dev_y[head]),
                        "accuracy": round(float(np.mean(dev_y[head])), 3) if dev_y[head] else None}
        if head in clf.calibration and (report[head]["ece_calibrated"] or 0) > (report[head]["ece_raw"] or 0):
            report[head]["dropped_map"] = clf.calibration.pop(head)  # worse than raw on dev: ship none
    pooled_raw = dev_p["candidate"] + dev_p["sentence"]
    pooled_cal = [float(x) for h in ("candidate", "sentence") for x in platt(dev_p[h], clf.calibration.get(h))] if pooled_raw else []
    report["pooled"] = {"n": len(pooled_raw), "ece_raw": ece(pooled_raw, dev_y["candidate"] + dev_y["sentence"]),
                        "ece_calibrated": ece(pooled_cal, dev_y["candidate"] + dev_y["sentence"])}
    return report


def quad_figures(clf, sentences: list[dict], prefix: str, mode: str) -> dict:
    """conflibert: detection (class 1-4 vs 0) and 5-way accuracy, the class being the QuadClass of
    the most probable output event (CONCEDE counted as 2, as ``chronicle eval`` does)."""
    det, correct = [0, 0, 0], 0
    for s in sentences:
        events = predicted_events(clf, s, prefix, mode)
        top = max(events, key=lambda e: e["probability"]) if events else None
        pred = 0 if top is None else (2 if top["event_type"] == "CONCEDE" else QUAD_CLASS[top["event_type"]])
        det[0] += s["quad"] > 0 and pred > 0
        det[1] += s["quad"] == 0 and pred > 0
        det[2] += s["quad"] > 0 and pred == 0
        correct += pred == s["quad"]
    return {"detection": prf(*det), "accuracy_5way": round(correct / len(sentences), 3), "sentences": len(sentences)}


def figures(clf, sentences: list[dict], prefix: str = "", merge_yield: bool = False) -> dict:
    """Rules alone, the sentence head alone and the combination on one set."""
    if sentences and "quad" in sentences[0]:
        return {mode: quad_figures(clf, sentences, prefix, mode) for mode in ("rules", "classifier", "combined")}
    return {mode: evaluate(clf, sentences, prefix, mode, merge_yield) for mode in ("rules", "classifier", "combined")}


def candidate_accuracy(sentences: list[dict], prefix: str) -> dict:
    """Accuracy of the candidate head's argmax (type or NONE) on the labelled candidates of a set."""
    hits = total = 0
    for s in sentences:
        labelled = realnews_candidates(s, False) if s["set"].startswith("rn-") else weak_candidates(s)
        labels = {(c.start, c.end, c.event_type): label for c, label in labelled}
        for c, p in zip(s["rules"], s[prefix + "cand"]):
            if (c.start, c.end, c.event_type) in labels:
                total += 1
                hits += CANDIDATE_LABELS[int(p.argmax())] == labels[(c.start, c.end, c.event_type)]
    return {"n": total, "accuracy": round(hits / total, 3) if total else None}


def speed(clf: EventClassifier, sentences: list[dict]) -> dict:
    """Sentences per second of the sentence head and candidates per second of the candidate head,
    one process, best of three runs."""
    texts = [s["text"] for s in sentences]
    cands = [c for s in sentences for c in s["rules"]]
    out = {}
    def uncached(items):  # time the encoder, not its cache of sentences seen before
        clf.vectors_cache.clear()
        return clf.sentence_matrix(items)

    for name, fn, items in (("sentences_per_s", uncached, texts), ("candidates_per_s", clf.candidate_matrix, cands)):
        best = min(_timed(fn, items) for _ in range(3))
        out[name] = round(len(items) / best)
    return out


def _timed(fn, items) -> float:
    start = time.perf_counter()
    fn(items)
    return time.perf_counter() - start


def size_bytes(folder: Path) -> dict:
    """On-disk size of the shipped files."""
    return {p.name: p.stat().st_size for p in sorted(folder.iterdir()) if p.is_file()}


# --------------------------------------------------------------------------- main

def build(log) -> tuple[EventClassifier, dict, dict]:
    """Load every set, run the rules, train the final heads; returns the classifier, the sentences
    by set and the bookkeeping for metrics.json."""
    start = time.time()
    sentences = load_realnews() + load_plover() + load_examples() + load_conflibert()
    rules_s = run_rules(sentences)
    log(f"rules on {len(sentences)} sentences: {rules_s:.0f} s")
    forms = lexicon_forms()
    by_set: dict[str, list[dict]] = defaultdict(list)
    for s in sentences:
        by_set[s["set"]].append(s)
    cand_train = candidate_training_set(sentences)
    sentence_train = [s for k in SENTENCE_SETS for s in by_set[k]]
    clf = EventClassifier(train_sentence_head(sentence_train, forms), train_candidate_head(cand_train, forms),
                          forms, BITS, encoder_head=train_encoder_head(sentence_train, forms, ENCODER))
    info = {"seed": SEED, "hash_bits": BITS, "sentence_fit": SENTENCE_FIT, "candidate_fit": CANDIDATE_FIT,
            "sentence_head": "encoder (vector + hashed words)" if ENCODER else "hashed words", "encoder_fit": ENCODER_FIT,
            "rules_seconds": round(rules_s, 1), "rules_sentences_per_s": round(len(sentences) / rules_s, 1),
            "lexicon_forms": len(forms),
            "training_size": {"sentence_head": {k: len(by_set[k]) for k in SENTENCE_SETS},
                              "candidate_head": _candidate_counts(cand_train)},
            "final_fit_seconds": round(time.time() - start - rules_s, 1)}
    log(f"final heads trained in {info['final_fit_seconds']} s")
    return clf, by_set, info


def _candidate_counts(examples: list[tuple[Candidate, str]]) -> dict:
    from collections import Counter
    return {"total": len(examples), "none": sum(1 for _, l in examples if l == "NONE"),
            "without_rule_type (gold triggers)": sum(1 for c, _ in examples if c.event_type is None),
            "labels": dict(Counter(l for _, l in examples).most_common())}


def measure(clf: EventClassifier, by_set: dict, info: dict, with_test: bool, log) -> dict:
    """Thresholds on dev, out-of-fold figures and calibration, dev (and test) figures, speed."""
    dev = by_set["rn-dev"]
    attach_probabilities(clf, dev)
    thresholds, keep_curve = choose_thresholds(clf, dev)
    log(f"thresholds chosen on dev: {thresholds}")
    everything = [s for group in by_set.values() for s in group]
    out_of_fold(everything, clf.forms, log)
    metrics = {**info, "thresholds": thresholds, "calibration": calibrate(clf, by_set["rn-train"], dev)}
    metrics["realnews_dev"] = {**figures(clf, dev), "drop_only_curve": keep_curve,
                               "candidate_head_accuracy": candidate_accuracy(dev, "")}
    metrics["out_of_fold"] = {
        "realnews_train": figures(clf, by_set["rn-train"], "oof_"),
        "plover_dev (CONCEDE/RETREAT as YIELD)": figures(clf, by_set["plover"], "oof_", merge_yield=True),
        "examples (CONCEDE/RETREAT as YIELD)": figures(clf, by_set["examples"], "oof_", merge_yield=True),
        "conflibert_train": figures(clf, by_set["conflibert"], "oof_"),
        "candidate_head_accuracy": {k: candidate_accuracy(by_set[k], "oof_") for k in ("rn-train", "plover", "examples", "conflibert")}}
    if with_test:
        attach_probabilities(clf, by_set["rn-test"])
        metrics["realnews_test"] = figures(clf, by_set["rn-test"])
    metrics["speed"] = speed(clf, by_set["rn-train"] + dev)
    return metrics


def main(argv=None) -> int:
    """Train, measure, and write the weights and metrics.json."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-test", action="store_true", help="do not score the realnews test split")
    parser.add_argument("--out", type=Path, default=OUT, help="where to write the model")
    parser.add_argument("--encoder", action="store_true",
                        help="make the sentence head the encoder's (sentence vector + hashed words)")
    args = parser.parse_args(argv)
    global ENCODER
    ENCODER = args.encoder
    start = time.time()

    def log(msg: str) -> None:
        print(f"[{time.time() - start:6.1f}s] {msg}", file=sys.stderr, flush=True)

    clf, by_set, info = build(log)
    metrics = measure(clf, by_set, info, not args.no_test, log)
    clf.meta = {"trained_by": "tools/train_event_model.py", "seed": SEED,
                "thresholds_chosen_on": "realnews dev, best type F1", "calibration": "Platt, per head"}
    clf.save(args.out)
    metrics["total_seconds"] = round(time.time() - start, 1)
    metrics["size_bytes"] = size_bytes(args.out)
    (args.out / "metrics.json").write_text(json.dumps(metrics, indent=1) + "\n", encoding="utf-8")
    log(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
