"""Calibrated event confidence: ``Event.confidence`` as the probability that the event is right.

"Right" means what a user filtering on confidence expects: the sentence really reports an event of
the coded PLOVER type, with the coded factuality (on the real-news set: a gold event of that type and
factuality in the sentence). The per-field confidences the rules assign (0.75 for a verb trigger,
an actor's lookup method) and the event classifier's probabilities are each informative, but none
is a probability of being right on real news; a small logistic model over them is, once it is fitted
on events the coder produced for sentences it was not trained on.

The model (``ConfidenceModel``) is numpy only: a handful of named features of one output event
(:func:`event_features`), standardised, one weight each, fitted by ``tools/fit_calibration.py`` on
out-of-fold events of the realnews train split (cross-fitted by story, so neither the classifier's
probability nor the map ever saw the sentence), and shipped as one small JSON file in
``chronicle/data/models/calibration/``. A one-dimensional Platt map (``type_map``) also turns the
classifier's raw probability into the per-field ``confidences.event_type``.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Sequence

import numpy as np

from chronicle.schema import PLOVER_TYPES, Event

MODEL_FILE = ("data", "models", "calibration", "confidence.json")
EPS = 1e-4

FEATURES: tuple[str, ...] = (
    "type_logit", "sentence_any_logit", "sentence_type_logit", "actual", "has_source", "source_country",
    "has_target", "target_country", "actor_confidence", "attributed", "events_in_sentence", "proposed_by_model",
)
"""Every feature :func:`event_features` can compute; a fitted model names the ones it uses."""

TYPE_FEATURES: tuple[str, ...] = tuple(f"type={t}" for t in PLOVER_TYPES)
"""One indicator per PLOVER type (AID and RETREAT are right far less often than ACCUSE)."""


def logit(p: float) -> float:
    """log(p / (1 - p)), clipped away from 0 and 1 so a certain head gives a finite value."""
    p = min(max(float(p), EPS), 1 - EPS)
    return math.log(p / (1 - p))


def event_features(event: Event, type_probability: float, sentence_probs: dict[str, float] | None,
                   events_in_sentence: int) -> dict[str, float]:
    """The features of one output event: the classifier's probability of its type for the marked
    trigger (``type_probability``), the sentence head's P(any event) and P(its type)
    (``sentence_probs``, as ``EventClassifier.predict`` gives them), what the rules found (actual or
    not, actors and their countries, the mean actor-lookup confidence, a reported speaker), how
    many events the coder found in the same sentence, and whether the learned model proposed it."""
    sentence_probs = sentence_probs or {}
    actors = event.source + event.target
    feats = {
        "type_logit": logit(type_probability),
        "sentence_any_logit": logit(sentence_probs.get("ANY", 0.5)),
        "sentence_type_logit": logit(sentence_probs.get(event.event_type, 0.5)),
        "actual": float(event.factuality == "actual"),
        "has_source": float(bool(event.source)),
        "source_country": float(any(a.country for a in event.source)),
        "has_target": float(bool(event.target)),
        "target_country": float(any(a.country for a in event.target)),
        "actor_confidence": sum(a.confidence for a in actors) / len(actors) if actors else 0.0,
        "attributed": float(event.attribution is not None),
        "events_in_sentence": math.log(max(events_in_sentence, 1)),
        # The recall stage's events: the sentence head is sure of their type by construction (they
        # are added only above its threshold), so without this their confidence read like the rules'
        # surest events (0.93 on realnews dev) while they were right about half the time.
        "proposed_by_model": float(event.proposed_by == "model"),
    }
    feats.update({name: float(name == f"type={event.event_type}") for name in TYPE_FEATURES})
    return feats


def platt(p: float, params: Sequence[float] | None) -> float:
    """sigmoid(a * logit(p) + b): the per-field type confidence; ``p`` itself without parameters."""
    if not params:
        return float(p)
    return _sigmoid(params[0] * logit(p) + params[1])


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


@dataclass
class ConfidenceModel:
    """A logistic map from named event features to P(event right), with its standardisation."""

    names: tuple[str, ...]
    weights: np.ndarray
    bias: float
    mean: np.ndarray
    scale: np.ndarray
    type_map: list[float] = field(default_factory=list)
    meta: dict = field(default_factory=dict)

    @classmethod
    def load(cls, path: str | Path | None = None) -> "ConfidenceModel":
        """The shipped model (``data/models/calibration/confidence.json``) or the one at ``path``."""
        target = Path(path) if path else Path(str(resources.files("chronicle").joinpath(*MODEL_FILE)))
        data = json.loads(target.read_text(encoding="utf-8"))
        return cls(tuple(data["names"]), np.asarray(data["weights"], dtype=float), float(data["bias"]),
                   np.asarray(data["mean"], dtype=float), np.asarray(data["scale"], dtype=float),
                   list(data.get("type_map") or []), data.get("meta", {}))

    def save(self, path: str | Path) -> None:
        """Write the JSON that ``load`` reads (used by ``tools/fit_calibration.py``)."""
        data = {"names": list(self.names), "weights": [round(float(w), 6) for w in self.weights],
                "bias": round(float(self.bias), 6), "mean": [round(float(m), 6) for m in self.mean],
                "scale": [round(float(s), 6) for s in self.scale], "type_map": self.type_map, "meta": self.meta}
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        Path(path).write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")

    def matrix(self, rows: Sequence[dict[str, float]]) -> np.ndarray:
        """The model's features of each row (a dict from :func:`event_features`), in ``names`` order."""
        return np.array([[row.get(name, 0.0) for name in self.names] for row in rows], dtype=float).reshape(
            len(rows), len(self.names))

    def probabilities(self, rows: Sequence[dict[str, float]]) -> np.ndarray:
        """P(event right) for each feature row."""
        z = ((self.matrix(rows) - self.mean) / self.scale) @ self.weights + self.bias
        return 1.0 / (1.0 + np.exp(-np.clip(z, -30.0, 30.0)))


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float, names: Sequence[str],
                 sample_weight: np.ndarray | None = None) -> ConfidenceModel:
    """Ridge-penalised logistic regression by Newton's method on standardised features (the bias is
    not penalised): a few hundred events fit in milliseconds, and the same data give the same map."""
    mean = x.mean(axis=0) if len(x) else np.zeros(x.shape[1])
    scale = x.std(axis=0) if len(x) else np.ones(x.shape[1])
    scale = np.where(scale > 1e-9, scale, 1.0)
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    sw = np.ones(len(x)) if sample_weight is None else np.asarray(sample_weight, dtype=float)
    penalty = np.full(z.shape[1], float(l2))
    penalty[-1] = 0.0
    theta = np.zeros(z.shape[1])
    for _ in range(50):
        q = 1.0 / (1.0 + np.exp(-np.clip(z @ theta, -30, 30)))
        grad = z.T @ (sw * (q - y)) + penalty * theta
        hess = z.T @ (z * (sw * q * (1 - q))[:, None]) + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        theta -= step
        if np.abs(step).max() < 1e-8:
            break
    return ConfidenceModel(tuple(names), theta[:-1], float(theta[-1]), mean, scale)
