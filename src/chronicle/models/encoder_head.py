"""The sentence head over the encoder's vectors and the hashed word features, and its trainer.

Why both inputs: on the realnews training sentences (5 folds by story) and the dev split, a logistic
head over the 384-dimensional sentence vector alone beat the hashed-word head by about +0.05 type F1;
the vector beside the word features by +0.07 to +0.12 (``data/models/encoder/README.md``). The
vector knows what a sentence is about; the words (and the lexicon's types of each word) know which
trigger said it.

The head is 17 independent logistic regressions (the 16 PLOVER types and ANY, as the hashed sentence
head): ``z = scale * vector @ dense + (hashed word weights summed) / sqrt(number of features) + bias``.
The word part is normalised by the row's feature count so a long sentence does not outweigh its
vector. :func:`train_encoder_head` fits it by full-batch Adam with L2 on every weight and a masked
loss (a label unknown for a sentence, like CONCEDE/RETREAT behind plover's YIELD, adds nothing),
deterministically: no sampling, so the same data gives the same weights.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from chronicle.models.encoder import embed
from chronicle.models.features import LinearHead, hash_features, sentence_features, tokens

ENCODER_FIT = {"scale": 1.0, "l2": 3e-4, "steps": 400, "lr": 0.02}
"""Chosen among l2 3e-5, 1e-4, 3e-4 and scale 1, 2 by 5-fold out-of-fold type F1 on realnews train."""


@dataclass
class EncoderHead:
    """Weights of the combined head: ``dense`` on the sentence vector, ``words`` on hashed features."""

    dense: np.ndarray         # (dimension, n_labels) float32
    words: LinearHead         # sparse rows of the hashed-feature weights, with the bias
    scale: float = 1.0        # the sentence vector's multiplier (its share against the words)

    def scores(self, vectors: np.ndarray, ind: np.ndarray, ptr: np.ndarray) -> np.ndarray:
        """Raw scores per sentence from its unit vector and its hashed features (``hash_features``)."""
        counts = np.maximum(np.diff(ptr), 1).astype(np.float64)
        bias = self.words.bias.astype(np.float64)
        word_part = self.words.scores(ind, ptr) - bias
        return self.scale * (vectors.astype(np.float64) @ self.dense) + word_part / np.sqrt(counts)[:, None] + bias

    def probabilities(self, vectors: np.ndarray, ind: np.ndarray, ptr: np.ndarray) -> np.ndarray:
        """(n, n_labels) independent sigmoid probabilities."""
        return 1.0 / (1.0 + np.exp(-np.clip(self.scores(vectors, ind, ptr), -30.0, 30.0)))

    def save(self, path: str | Path) -> None:
        """One .npz with every array (what :meth:`load` reads)."""
        np.savez_compressed(path, dense=self.dense, rows=self.words.rows, weights=self.words.weights,
                            bias=self.words.bias, scale=np.array([self.scale]))

    @classmethod
    def load(cls, path: str | Path) -> "EncoderHead":
        """The head :meth:`save` wrote."""
        with np.load(path) as npz:
            return cls(npz["dense"], LinearHead(npz["rows"], npz["weights"], npz["bias"], exclusive=False),
                       float(npz["scale"][0]))


def train_encoder_head(vectors: np.ndarray, ind: np.ndarray, ptr: np.ndarray, targets: np.ndarray,
                       mask: np.ndarray, *, scale: float = ENCODER_FIT["scale"],
                       l2: float = ENCODER_FIT["l2"], steps: int = ENCODER_FIT["steps"],
                       lr: float = ENCODER_FIT["lr"], init: EncoderHead | None = None) -> EncoderHead:
    """Fit the head on sentence vectors (n, d), hashed features (``ind``, ``ptr``),
    0/1 ``targets`` (n, labels) and ``mask`` (1 = label known): the mean masked log-loss plus
    ``l2`` / 2 times the squared weights, by full-batch Adam from zeros, or from ``init``'s weights
    (fine-tuning: ``chronicle train`` on reviews alone keeps what the start model knew)."""
    n, n_labels = targets.shape
    lens = np.diff(ptr)
    rows = np.repeat(np.arange(n), lens)
    norm = 1.0 / np.sqrt(np.maximum(lens, 1))
    x = vectors.astype(np.float64) * scale
    dense, words, bias, buckets, ind = _start(init, ind, x.shape[1], n_labels)
    params = (dense, words, bias)
    moments = [(np.zeros_like(p), np.zeros_like(p)) for p in params]
    for step in range(1, steps + 1):
        word_part = np.zeros((n, n_labels))
        np.add.at(word_part, rows, words[ind])
        z = x @ dense + word_part * norm[:, None] + bias
        g = (1.0 / (1.0 + np.exp(-np.clip(z, -30, 30))) - targets) * mask / n
        g_words = np.zeros_like(words)
        np.add.at(g_words, ind, g[rows] * norm[rows, None])
        grads = (x.T @ g + l2 * dense, g_words + l2 * words, g.sum(axis=0))
        for p, grad, (m, v) in zip(params, grads, moments):
            _adam(p, m, v, grad, lr, step)
    kept = np.flatnonzero(np.any(words != 0, axis=1))
    head = LinearHead(buckets[kept].astype(np.int64), words[kept].astype(np.float32), bias.astype(np.float32), exclusive=False)
    return EncoderHead(dense.astype(np.float32), head, scale)


def _start(init: EncoderHead | None, ind: np.ndarray, dimension: int, n_labels: int):
    """Initial dense, word and bias weights, the buckets that get a word row (those the data uses,
    and ``init``'s), and ``ind`` as positions in those buckets."""
    known = init.words.rows if init is not None else np.zeros(0, dtype=np.int64)
    buckets = np.union1d(np.unique(ind), known)
    words = np.zeros((len(buckets), n_labels))
    if init is None:
        return np.zeros((dimension, n_labels)), words, np.zeros(n_labels), buckets, np.searchsorted(buckets, ind)
    words[np.searchsorted(buckets, known)] = init.words.weights
    return (init.dense.astype(np.float64).copy(), words, init.words.bias.astype(np.float64).copy(),
            buckets, np.searchsorted(buckets, ind))


def train_sentence_encoder_head(sentences: list[dict], forms: dict[str, list[str]], bits: int,
                                fit: dict | None = None, init: EncoderHead | None = None) -> EncoderHead:
    """The head on sentences carrying ``text`` and ``target`` (targets, mask), as
    ``training.train_sentence_head`` takes them: embeds the texts with the shipped encoder and hashes
    their word features with the classifier's lexicon snapshot ``forms`` at ``bits``."""
    texts = [s["text"] for s in sentences]
    ind, ptr = hash_features([sentence_features(tokens(t), forms) for t in texts], bits)
    targets = np.array([s["target"][0] for s in sentences])
    mask = np.array([s["target"][1] for s in sentences])
    return train_encoder_head(embed(texts), ind, ptr, targets, mask, init=init, **(fit or ENCODER_FIT))


def sentence_probabilities(head: EncoderHead, texts: list[str], forms: dict[str, list[str]], bits: int) -> np.ndarray:
    """(n, 17) probabilities in ``SENTENCE_LABELS`` order: what ``EventClassifier.sentence_matrix``
    returns, from the encoder head instead of the hashed-word head."""
    ind, ptr = hash_features([sentence_features(tokens(t), forms) for t in texts], bits)
    return head.probabilities(embed(texts), ind, ptr)


def _adam(param: np.ndarray, m: np.ndarray, v: np.ndarray, grad: np.ndarray, lr: float, step: int,
          b1: float = 0.9, b2: float = 0.999) -> None:
    m *= b1
    m += (1 - b1) * grad
    v *= b2
    v += (1 - b2) * grad ** 2
    param -= lr * (m / (1 - b1 ** step)) / (np.sqrt(v / (1 - b2 ** step)) + 1e-8)
