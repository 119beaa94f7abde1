"""Training the event classifier: what ``chronicle train`` and ``tools/train_event_model.py`` share.

Why it lives in the package: reviews made in ``chronicle serve`` are training data (issue 13), and a
user with an installed Chronicle and a reviewed store must be able to fold them into the model
without the repository's tools. The fitting code (mini-batch Adam on hashed features, a fixed seed,
so the same data gives the same weights) is here; the repository's tool adds what only a checkout
has (the ../shared sets, thresholds chosen on dev, calibration, the metrics report).

Two ways to train (:func:`train_classifier`):

- with **base sentences** (the realnews train split, read by :func:`load_realnews_gold`): both heads
  are trained afresh on the base data plus the reviewed examples, each example repeated
  ``review_weight`` times (a reviewer's word is checked against the text, so it counts more than one
  weakly labelled candidate);
- without (``--base none``): the starting model's heads are the initial weights and a short fit on
  the reviewed examples alone moves them (fine-tuning), so a reviews-only model still knows what
  the starting one knew.

The lexicon snapshot (``forms``), hash size, thresholds and calibration maps are the starting
model's: the classifier's features must not depend on the lexicon the user has loaded, and the
thresholds and maps were chosen on held-out data this run does not have.
"""

from __future__ import annotations

import json
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Callable, Iterable, NamedTuple, Sequence

import numpy as np

from chronicle.errors import ChronicleError
from chronicle.models.encoder_head import train_sentence_encoder_head
from chronicle.models.event_classifier import (
    CANDIDATE_LABELS,
    SENTENCE_LABELS,
    Candidate,
    EventClassifier,
    LinearHead,
    candidate_features,
    hash_features,
    sentence_features,
    tokens,
)

SEED = 20240601
SENTENCE_FIT = {"epochs": 10, "lr": 0.05, "l2": 3e-3, "batch": 32}
CANDIDATE_FIT = {"steps": 400, "lr": 0.02, "l2": 3e-4}
"""The candidate head's fit (:func:`fit_softmax`). Session 16, out of fold by story on the realnews train
split's candidates (rules' and gold triggers; the 1,449 rule candidates scored): the mini-batch fit with
lazy L2 (10 epochs, lr 0.05, l2 1e-4) gave AUC 0.755 for "the rule's type is right" and log-loss 2.84
(over-confident); this full-batch fit 0.802 and 1.22. Grids of the mini-batch fit (l2 1e-3 to 1e-2,
5-10 epochs, lr 0.02-0.05) stayed at 0.73-0.77."""
LI = {label: i for i, label in enumerate(SENTENCE_LABELS)}
CI = {label: i for i, label in enumerate(CANDIDATE_LABELS)}


class TrainingError(ChronicleError):
    """Training cannot start: no database, no reviews, no usable example, an unreadable base set."""

    code = "E012"


class LabelledCandidate(NamedTuple):
    """One training example of the candidate head: a trigger in its sentence and its right label
    (a PLOVER type, or NONE: no event of the candidate's type at that trigger)."""

    candidate: Candidate
    label: str


# --------------------------------------------------------------------------- base data

def sentence_target(types: Iterable[str], any_event: float | None = None, masked: Iterable[str] = (),
                    known: Iterable[str] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Targets and mask (1 = label known) of the sentence head for one sentence: ``types`` present;
    with ``known``, only those labels (and ``types``) are known, the rest masked (a review speaks of
    one trigger, not of every type the sentence might hold; ANY is then known only when
    ``any_event`` is given)."""
    types = set(types)
    y, m = np.zeros(len(SENTENCE_LABELS)), np.ones(len(SENTENCE_LABELS))
    if known is not None:
        m[:] = 0.0
        for t in set(known) | types:
            m[LI[t]] = 1.0
        m[LI["ANY"]] = float(any_event is not None)
    for t in types:
        y[LI[t]] = 1.0
    y[LI["ANY"]] = float(bool(types)) if any_event is None else any_event
    for t in masked:
        m[LI[t]] = 0.0
    return y, m


def load_realnews_gold(path: str | Path, splits: Sequence[str] = ("train",)) -> list[dict]:
    """The realnews sentences of ``splits`` (``datasets/realnews/gold.jsonl``) with their gold types
    and events and the sentence head's target; the rules' candidates are attached later (``rules``)."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
        records = [json.loads(line) for line in lines if line.strip()]
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise TrainingError(f"base data {path}: cannot be read as realnews gold JSON Lines ({exc})") from None
    out = []
    for r in records:
        if not isinstance(r, dict) or r.get("split") not in splits:
            continue
        types = {e["event_type"] for e in r.get("events", [])}
        out.append({"set": "rn-" + r["split"], "id": r["id"], "text": r["text"], "group": r.get("group"),
                    "gold": types, "events": r.get("events", []), "target": sentence_target(types),
                    "rules": []})
    return out


def _span(text: str, trigger: str | None) -> tuple[int, int] | None:
    i = text.lower().find((trigger or "").lower())
    return None if i < 0 or not trigger else (i, i + len(trigger))


def realnews_candidates(sentence: dict, gold_triggers: bool) -> list[tuple[Candidate, str]]:
    """(candidate, label) for one realnews sentence: a rule candidate takes the type of the gold
    event whose trigger it overlaps (its own type if several), else its own type if the sentence
    has a gold event of that type, else NONE; with ``gold_triggers``, gold triggers no rule found
    are added as positives (no rule type), so the head learns events the rules miss."""
    text, events, out = sentence["text"], sentence["events"], []
    spans = [(_span(text, e["trigger"]), e["event_type"]) for e in events]
    for c in sentence["rules"]:
        over = [t for sp, t in spans if sp and sp[0] < c.end and c.start < sp[1]]
        label = (c.event_type if c.event_type in over else over[0]) if over else (
            c.event_type if c.event_type in sentence["gold"] else "NONE")
        out.append((c, label))
    if gold_triggers:
        seen = set()
        for sp, t in spans:
            if sp and (sp, t) not in seen and not any(sp[0] < c.end and c.start < sp[1] for c in sentence["rules"]):
                seen.add((sp, t))
                out.append((Candidate(text, sp[0], sp[1], None), t))
    return out


# --------------------------------------------------------------------------- fitting

def fit_linear(ind, ptr, y, mask, *, exclusive: bool, epochs: int, lr: float, l2: float, batch: int,
               bits: int, seed: int = SEED, init: LinearHead | None = None) -> LinearHead:
    """Logistic (sigmoid, masked) or softmax regression by mini-batch Adam, updating only the rows a
    batch touches (lazy L2 on those rows): hashed features are sparse, and a fixed seed fixes the
    order, so the same data gives the same weights. ``init``: start from these weights (fine-tuning)."""
    rng = np.random.default_rng(seed)
    n, n_labels = y.shape
    w, b = _initial(init, bits, n_labels)
    mw, vw, mb, vb = np.zeros_like(w), np.zeros_like(w), np.zeros(n_labels), np.zeros(n_labels)
    lens, step = np.diff(ptr), 0
    for _ in range(epochs):
        order = rng.permutation(n)
        for s in range(0, n, batch):
            rows = order[s:s + batch]
            idx = np.concatenate([ind[ptr[r]:ptr[r + 1]] for r in rows])
            z = np.add.reduceat(w[idx], np.cumsum(np.r_[0, lens[rows][:-1]]), axis=0) + b
            g = (_activate(z, exclusive) - y[rows]) * (1.0 if exclusive else mask[rows]) / len(rows)
            uniq, inv = np.unique(idx, return_inverse=True)
            gw = np.zeros((len(uniq), n_labels))
            np.add.at(gw, inv, np.repeat(g, lens[rows], axis=0))
            gw += l2 * w[uniq]
            step += 1
            _adam(w, mw, vw, uniq, gw, lr, step)
            _adam(b, mb, vb, slice(None), g.sum(0), lr, step)
    return LinearHead.from_dense(w, b, exclusive)


def _initial(init: LinearHead | None, bits: int, n_labels: int) -> tuple[np.ndarray, np.ndarray]:
    """Dense weights and bias to start from: zeros, or the sparse head ``init`` spread out."""
    w = np.zeros((1 << bits, n_labels))
    if init is None:
        return w, np.zeros(n_labels)
    w[init.rows] = init.weights
    return w, init.bias.astype(np.float64).copy()


def _activate(z: np.ndarray, exclusive: bool) -> np.ndarray:
    if exclusive:
        e = np.exp(z - z.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)
    return 1.0 / (1.0 + np.exp(-z))


def _adam(param, m, v, where, grad, lr, step, b1=0.9, b2=0.999) -> None:
    m[where] = b1 * m[where] + (1 - b1) * grad
    v[where] = b2 * v[where] + (1 - b2) * grad ** 2
    param[where] -= lr * (m[where] / (1 - b1 ** step)) / (np.sqrt(v[where] / (1 - b2 ** step)) + 1e-8)


def train_sentence_head(sentences: list[dict], forms, bits: int, init: LinearHead | None = None,
                        fit: dict | None = None) -> LinearHead:
    """The sentence head on sentences carrying a ``target`` (targets, mask)."""
    ind, ptr = hash_features([sentence_features(tokens(s["text"]), forms) for s in sentences], bits)
    y = np.array([s["target"][0] for s in sentences])
    m = np.array([s["target"][1] for s in sentences])
    return fit_linear(ind, ptr, y, m, exclusive=False, bits=bits, init=init, **(fit or SENTENCE_FIT))


def train_candidate_head(examples: Sequence[tuple[Candidate, str]], forms, bits: int,
                         init: LinearHead | None = None, fit: dict | None = None) -> LinearHead:
    """The candidate head on (candidate, label) pairs."""
    ind, ptr = hash_features([candidate_features(Candidate(*c), forms) for c, _ in examples], bits)
    labels = np.array([CI[label] for _, label in examples], dtype=np.int64)
    return fit_softmax(ind, ptr, labels, len(CANDIDATE_LABELS), init=init, **(fit or CANDIDATE_FIT))


def fit_softmax(ind: np.ndarray, ptr: np.ndarray, labels: np.ndarray, n_labels: int, *, steps: int,
                lr: float, l2: float, init: LinearHead | None = None) -> LinearHead:
    """Softmax regression on hashed features: the mean log-loss plus ``l2`` / 2 times the squared
    weights, by full-batch Adam, from zeros or from ``init``'s weights (fine-tuning on reviews).

    Why full batch: every weight is shrunk at every step (the mini-batch fit shrank a bucket only when
    a batch touched it, so rare words kept large weights and the head was over-confident, see
    ``CANDIDATE_FIT``), and no shuffling: the same data gives the same weights. Only the buckets the data
    (or ``init``) uses get a row; the gradient per bucket is one ``bincount`` per label."""
    n = len(labels)
    known = init.rows if init is not None else np.zeros(0, dtype=np.int64)
    buckets = np.union1d(np.unique(ind), known)
    pos = np.searchsorted(buckets, ind)
    weights = np.zeros((len(buckets), n_labels))
    bias = np.zeros(n_labels)
    if init is not None:
        weights[np.searchsorted(buckets, known)] = init.weights
        bias = init.bias.astype(np.float64).copy()
    rows = np.repeat(np.arange(n), np.diff(ptr))
    onehot = np.zeros((n, n_labels))
    onehot[np.arange(n), labels] = 1.0
    moments = [(np.zeros_like(weights), np.zeros_like(weights)), (np.zeros_like(bias), np.zeros_like(bias))]
    for step in range(1, steps + 1):
        z = _row_sums(weights[pos], ptr, n)
        g = (_activate(z + bias, exclusive=True) - onehot) / n
        g_rows = g[rows]
        g_weights = np.stack([np.bincount(pos, weights=g_rows[:, j], minlength=len(buckets))
                              for j in range(n_labels)], axis=1) + l2 * weights
        for param, grad, (m, v) in ((weights, g_weights, moments[0]), (bias, g.sum(axis=0), moments[1])):
            _adam(param, m, v, slice(None), grad, lr, step)
    kept = np.flatnonzero(np.any(weights != 0, axis=1))
    return LinearHead(buckets[kept].astype(np.int64), weights[kept].astype(np.float32), bias.astype(np.float32),
                      exclusive=True)


def _row_sums(values: np.ndarray, ptr: np.ndarray, n: int) -> np.ndarray:
    """Per example, the sum of its features' rows (examples without features sum to zero)."""
    out = np.zeros((n, values.shape[1]))
    nonempty = np.diff(ptr) > 0
    out[nonempty] = np.add.reduceat(values, ptr[:-1][nonempty], axis=0)
    return out


# --------------------------------------------------------------------------- reviews

def review_sentences(examples: Sequence[LabelledCandidate]) -> list[dict]:
    """Sentence-head targets from reviewed candidates, one per sentence: the types reviewers
    confirmed are present (and so is an event), the types they rejected absent unless another
    review of the sentence confirms them; every other label stays unknown (masked)."""
    present: dict[str, set[str]] = defaultdict(set)
    absent: dict[str, set[str]] = defaultdict(set)
    for cand, label in examples:
        text = cand.text
        if label == "NONE":
            if cand.event_type:
                absent[text].add(cand.event_type)
        else:
            present[text].add(label)
            if cand.event_type and cand.event_type != label:
                absent[text].add(cand.event_type)
    out = []
    for text in dict.fromkeys(c.text for c, _ in examples):
        types, rejected = present[text], absent[text] - present[text]
        y, m = sentence_target(types, 1.0 if types else None, known=rejected)
        out.append({"text": text, "target": (y, m)})
    return out


def train_classifier(reviewed: Sequence[LabelledCandidate], start: EventClassifier,
                     base: Sequence[dict] | None = None, *, review_weight: int = 3,
                     log: Callable[[str], None] | None = None) -> tuple[EventClassifier, dict]:
    """A classifier trained on the reviewed candidates (each ``review_weight`` times) and, when
    given, the ``base`` sentences (``load_realnews_gold`` with their rules' candidates); without
    base data the ``start`` model's heads are fine-tuned on the reviews alone. A start model with
    an encoder head gets one trained the same way. Returns the model and what it was trained on."""
    if not reviewed:
        raise TrainingError("no reviewed example to train on")
    say = log or (lambda message: None)
    began = time.time()
    review_cands = [tuple(x) for x in reviewed] * review_weight
    review_sents = review_sentences(reviewed) * review_weight
    base_cands = [x for s in base or () for x in realnews_candidates(s, gold_triggers=True)]
    init = None if base else start
    say(f"fitting the sentence head on {len(base or ())} base + {len(review_sents)} review sentences")
    sentence_head = train_sentence_head(list(base or ()) + review_sents, start.forms, start.bits,
                                        init=init and init.sentence_head)
    say(f"fitting the candidate head on {len(base_cands)} base + {len(review_cands)} review candidates")
    candidate_head = train_candidate_head(base_cands + review_cands, start.forms, start.bits,
                                          init=init and init.candidate_head)
    encoder_head = None
    if start.encoder_head is not None:  # a model with the encoder's sentence head keeps one
        say("fitting the encoder sentence head (embedding the sentences)")
        encoder_head = train_sentence_encoder_head(list(base or ()) + review_sents, start.forms, start.bits,
                                                   init=init and init.encoder_head)
    info = {"mode": "trained on base data and reviews" if base else "fine-tuned on reviews",
            "review_weight": review_weight,
            "sentence_head": {"base": len(base or ()), "review": len(review_sents)},
            "candidate_head": {"base": len(base_cands), "review": len(review_cands),
                               "labels": dict(Counter(label for _, label in base_cands + review_cands).most_common())},
            "fit_seconds": round(time.time() - began, 1)}
    model = EventClassifier(sentence_head, candidate_head, dict(start.forms), start.bits,
                            dict(start.thresholds), dict(start.calibration),
                            {"trained_by": "chronicle train", "seed": SEED, "started_from": start.meta,
                             "training": info}, encoder_head)
    return model, info


def review_agreement(model: EventClassifier, examples: Sequence[LabelledCandidate]) -> float:
    """Share of reviewed candidates whose label (type or NONE) is the candidate head's most probable
    one: how far a model agrees with the reviewers (in-sample for a model trained on them)."""
    if not examples:
        return 0.0
    probs = model.candidate_matrix([c for c, _ in examples])
    return round(float(np.mean([CANDIDATE_LABELS[int(row.argmax())] == label
                                for row, (_, label) in zip(probs, examples)])), 3)


def attach_rule_candidates(sentences: list[dict], coder, batch_size: int = 64) -> None:
    """Code every sentence (``{"text": ...}``) with ``coder`` (a rules-only ``Coder``) and keep the
    triggers it coded as ``sentence["rules"]``: the candidates the classifier learns from."""
    from chronicle.schema import Article

    articles = [Article(id=str(i), text=s["text"]) for i, s in enumerate(sentences)]
    for article, events in coder.pipe(articles, batch_size=batch_size):
        sentence = sentences[int(article.id)]
        sentence["rules"] = [Candidate(sentence["text"], e.trigger.start, e.trigger.end, e.event_type)
                             for e in events]
