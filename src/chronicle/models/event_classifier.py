"""Event classifier: does a sentence report an event, of which PLOVER type, and is a rule's candidate right?

Two linear heads over hashed word features, numpy only (no spaCy, no torch), with shipped weights in
``chronicle/data/models/event_classifier/`` rebuilt by ``tools/train_event_model.py``:

- the **sentence head** (independent sigmoids): P(type present) for each of the 16 PLOVER types and
  P(ANY event); features are the sentence's words, 5-letter stems and the PLOVER types the trigger
  lexicon gives each word (a snapshot of the lexicon's word forms is shipped with the weights, so
  a prediction never depends on the lexicon the user loads);
- the **candidate head** (softmax over the 16 types + NONE): the sentence with the rule's trigger
  marked (features of the trigger words, their neighbours and the rule's proposed type).

Why linear models: on the 1,151 training sentences they matched spaCy's ``textcat_multilabel`` on
dev (see ``metrics.json``), they take a few MB, run thousands of sentences a second on one core and
are bit-for-bit deterministic. The shipped model's sentence head is the **encoder head**
(``encoder_head.npz``, ``models.encoder_head``): the same hashed words beside the 384-dimensional
vector of the shipped sentence encoder (all-MiniLM-L6-v2, int8 ONNX), which knew what the few
training sentences could not (+0.08 type F1 on realnews dev and out of fold, the encoder's README);
a model folder without that file (one trained before) uses the hashed sentence head. ``review`` applies the combination chosen on the realnews dev split
(drop, re-type, add) with the shipped thresholds and calibrated confidences.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Sequence

import numpy as np

from chronicle.models.encoder import DIMENSION, embed
from chronicle.models.encoder_head import EncoderHead
from chronicle.models.features import (  # noqa: F401  (re-exported: the classifier's public names)
    TOKEN,
    Candidate,
    LinearHead,
    candidate_features,
    hash_features,
    sentence_features,
    tokens,
)
from chronicle.schema import PLOVER_TYPES

MODEL_DIR = ("data", "models", "event_classifier")
SENTENCE_LABELS: tuple[str, ...] = PLOVER_TYPES + ("ANY",)
CANDIDATE_LABELS: tuple[str, ...] = PLOVER_TYPES + ("NONE",)
ENCODER_HEAD_FILE = "encoder_head.npz"
VECTOR_CACHE = 512
"""Sentence vectors kept per classifier, by text: the recall, event-model and calibration stages of
one article ask about the same sentences, and the encoder is the costly step (~3 ms a sentence)."""


def platt(p: np.ndarray | float, params: Sequence[float] | None) -> np.ndarray:
    """Calibrated probability sigmoid(a * logit(p) + b); identity without parameters."""
    p = np.clip(np.asarray(p, dtype=np.float64), 1e-6, 1 - 1e-6)
    if not params:
        return p
    a, b = params
    return 1.0 / (1.0 + np.exp(-np.clip(a * np.log(p / (1 - p)) + b, -30.0, 30.0)))


# --------------------------------------------------------------------------- the classifier

@dataclass
class EventClassifier:
    """The two heads, the lexicon snapshot, the dev-chosen thresholds and the calibration maps;
    with ``encoder_head``, the sentence head is the encoder's (``models.encoder_head``: the sentence
    vector beside the hashed words) and the hashed ``sentence_head`` is kept only as a fallback for
    code that asks for it."""

    sentence_head: LinearHead
    candidate_head: LinearHead
    forms: dict[str, list[str]]
    bits: int
    thresholds: dict[str, float] = field(default_factory=dict)
    calibration: dict[str, list[float]] = field(default_factory=dict)
    meta: dict = field(default_factory=dict)
    encoder_head: EncoderHead | None = None
    vectors_cache: OrderedDict = field(default_factory=OrderedDict, repr=False, compare=False)

    @classmethod
    def load(cls, path: str | Path | None = None) -> "EventClassifier":
        """Load the shipped weights (or those in ``path``): config.json + weights.npz, and
        encoder_head.npz where there is one (a folder trained without the encoder loads without it)."""
        folder = Path(path) if path else Path(str(resources.files("chronicle").joinpath(*MODEL_DIR)))
        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        with np.load(folder / "weights.npz") as npz:
            heads = {name: LinearHead(npz[f"{name}_rows"], npz[f"{name}_weights"], npz[f"{name}_bias"],
                                      exclusive=name == "candidate")
                     for name in ("sentence", "candidate")}
        encoder_head = EncoderHead.load(folder / ENCODER_HEAD_FILE) if (folder / ENCODER_HEAD_FILE).is_file() else None
        return cls(heads["sentence"], heads["candidate"], config["forms"], config["bits"],
                   config.get("thresholds", {}), config.get("calibration", {}), config.get("meta", {}),
                   encoder_head)

    def save(self, path: str | Path) -> None:
        """Write config.json, weights.npz and (with an encoder head) encoder_head.npz: what ``load``
        reads; used by the training tools."""
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        arrays = {}
        for name, head in (("sentence", self.sentence_head), ("candidate", self.candidate_head)):
            arrays.update({f"{name}_rows": head.rows, f"{name}_weights": head.weights, f"{name}_bias": head.bias})
        np.savez_compressed(folder / "weights.npz", **arrays)
        if self.encoder_head is not None:
            self.encoder_head.save(folder / ENCODER_HEAD_FILE)
        elif (folder / ENCODER_HEAD_FILE).is_file():
            (folder / ENCODER_HEAD_FILE).unlink()  # a stale head would be loaded with the new weights
        config = {"bits": self.bits, "sentence_labels": SENTENCE_LABELS, "candidate_labels": CANDIDATE_LABELS,
                  "thresholds": self.thresholds, "calibration": self.calibration, "meta": self.meta,
                  "forms": dict(sorted(self.forms.items()))}
        (folder / "config.json").write_text(json.dumps(config, indent=1, sort_keys=False) + "\n", encoding="utf-8")

    def sentence_matrix(self, texts: Sequence[str]) -> np.ndarray:
        """(n, 17) raw sentence-head probabilities in ``SENTENCE_LABELS`` order: the encoder head's
        where the model has one, else the hashed-word head's."""
        feats = [sentence_features(tokens(t), self.forms) for t in texts]
        if self.encoder_head is None:
            return self.sentence_head.probabilities(*hash_features(feats, self.bits))
        return self.encoder_head.probabilities(self.vectors(texts), *hash_features(feats, self.bits))

    def word_sentence_matrix(self, texts: Sequence[str]) -> np.ndarray:
        """(n, 17) probabilities of the hashed-word sentence head alone: no sentence encoder, so about a
        hundredth of its cost; the recall stage's gate (``thresholds.recall_gate``) reads it to skip
        the encoder on sentences no type could reach its threshold in."""
        feats = [sentence_features(tokens(t), self.forms) for t in texts]
        return self.sentence_head.probabilities(*hash_features(feats, self.bits))

    def vectors(self, texts: Sequence[str]) -> np.ndarray:
        """(n, 384) sentence vectors of ``texts``: those asked for lately from the cache, the others
        embedded in one call (an article's sentences together) and cached."""
        cache = self.vectors_cache
        missing = list(dict.fromkeys(t for t in texts if t not in cache))
        if missing:
            for text, vector in zip(missing, embed(missing)):
                cache[text] = vector
        rows = []
        for text in texts:
            cache.move_to_end(text)
            rows.append(cache[text])
        while len(cache) > max(VECTOR_CACHE, len(texts)):
            cache.popitem(last=False)
        return np.stack(rows) if rows else np.zeros((0, DIMENSION), dtype=np.float32)

    def candidate_matrix(self, candidates: Sequence[Candidate]) -> np.ndarray:
        """(n, 17) raw candidate-head probabilities in ``CANDIDATE_LABELS`` order (rows sum to 1)."""
        feats = [candidate_features(Candidate(*c), self.forms) for c in candidates]
        return self.candidate_head.probabilities(*hash_features(feats, self.bits))

    def predict(self, texts: Sequence[str]) -> list[dict[str, float]]:
        """Per sentence: P(type present) for each PLOVER type (independent, need not sum to 1),
        "ANY" = P(the sentence reports an event) and "NONE" = 1 - ANY."""
        probs = self.sentence_matrix(texts)
        out = []
        for row in probs:
            d = {label: float(p) for label, p in zip(SENTENCE_LABELS, row)}
            d["NONE"] = 1.0 - d["ANY"]
            out.append(d)
        return out

    def predict_candidates(self, candidates: Sequence[Candidate]) -> list[dict[str, float]]:
        """Per rule candidate (sentence, trigger offsets, rule type): P(type) for the 16 types and
        P(NONE: not an event), summing to 1."""
        return [{label: float(p) for label, p in zip(CANDIDATE_LABELS, row)}
                for row in self.candidate_matrix(candidates)]

    def review(self, text: str, candidates: Sequence[Candidate] = ()) -> dict:
        """The combination chosen on realnews dev, for one sentence and the rules' candidates in it:
        ``candidates``: one verdict each (keep, event_type after re-typing, calibrated confidence);
        ``added``: types the sentence head finds that no kept candidate has (what the rules missed)."""
        return self.review_many([text], [list(candidates)])[0]

    def review_many(self, texts: Sequence[str], candidates: Sequence[Sequence[Candidate]]) -> list[dict]:
        """``review`` for many sentences at once (one matrix product per head)."""
        flat = [Candidate(*c) for cs in candidates for c in cs]
        cand_probs = self.candidate_matrix(flat) if flat else np.zeros((0, len(CANDIDATE_LABELS)))
        sent_probs = self.sentence_matrix(texts) if texts else np.zeros((0, len(SENTENCE_LABELS)))
        out, k = [], 0
        for i, cs in enumerate(candidates):
            out.append(self.decide([Candidate(*c) for c in cs], cand_probs[k:k + len(cs)], sent_probs[i]))
            k += len(cs)
        return out

    def decide(self, candidates: Sequence[Candidate], cand_probs: np.ndarray, sent_probs: np.ndarray) -> dict:
        """The decision rule on given probabilities (the training tool tunes the thresholds with it,
        so what is measured on dev is exactly what ``review`` does)."""
        verdicts = [self._verdict(c, p) for c, p in zip(candidates, cand_probs)]
        return {"candidates": verdicts, "added": self._added(sent_probs, verdicts)}

    def _verdict(self, cand: Candidate, probs: np.ndarray) -> dict:
        """Keep, re-type, or drop one candidate (thresholds from ``config.json``)."""
        t = self.thresholds
        event_type = cand.event_type
        best = CANDIDATE_LABELS[int(probs.argmax())]
        if best not in ("NONE", event_type) and probs.max() >= t.get("retype", 1.01):
            event_type = best
        p = float(probs[CANDIDATE_LABELS.index(event_type)]) if event_type in PLOVER_TYPES else 0.0
        return {"keep": p >= t.get("keep", 0.0), "event_type": event_type, "probability": p,
                "confidence": float(platt(p, self.calibration.get("candidate"))), "retyped": event_type != cand.event_type}

    def _added(self, probs: np.ndarray, verdicts: list[dict]) -> list[dict]:
        """Types the sentence head is sure enough of that no kept candidate already has."""
        t = self.thresholds
        have = {v["event_type"] for v in verdicts if v["keep"]}
        if probs[SENTENCE_LABELS.index("ANY")] < t.get("add_any", 0.0) or (have and t.get("add_only_if_none")):
            return []
        return [{"event_type": label, "probability": float(p),
                 "confidence": float(platt(p, self.calibration.get("sentence")))}
                for label, p in zip(PLOVER_TYPES, probs[:len(PLOVER_TYPES)])
                if p >= t.get("add", 1.01) and label not in have]


@lru_cache(maxsize=1)
def shipped_classifier() -> EventClassifier:
    """The shipped weights, loaded once per process: the event-model and calibration stages (and
    every Coder a process builds) share one copy instead of reading 3 MB each. Read-only by use."""
    return EventClassifier.load()


def classifier_at(path: str | Path | None) -> EventClassifier:
    """The classifier in ``path`` (a folder ``chronicle train`` wrote), or the shipped one for None;
    loaded once per folder and process. A folder that holds no model is a one-line error."""
    if path is None:
        return shipped_classifier()
    return _classifier_in(str(Path(path).resolve()))


@lru_cache(maxsize=4)
def _classifier_in(folder: str) -> EventClassifier:
    from chronicle.errors import DataFileError

    if not (Path(folder) / "config.json").is_file() or not (Path(folder) / "weights.npz").is_file():
        raise DataFileError(folder, "not an event model folder (config.json and weights.npz, as "
                                    "'chronicle train --out' writes)")
    try:
        return EventClassifier.load(folder)
    except (OSError, ValueError, KeyError) as exc:
        raise DataFileError(folder, f"event model cannot be read ({type(exc).__name__}: {exc})") from None
