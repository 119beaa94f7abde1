"""The event classifier's inputs: word tokens, hashed features and the sparse linear head over them.

Why a module of its own: both sentence heads (hashed words alone, ``event_classifier``; the encoder's
vector beside the words, ``encoder_head``) read the same features, and the classifier loads either
head, so the features sit below both (no import cycle). Numpy and the standard library only.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from typing import NamedTuple, Sequence

import numpy as np

TOKEN = re.compile(r"[a-z0-9]+|[^\sa-z0-9]")


class Candidate(NamedTuple):
    """A rule's event candidate: the sentence, the trigger's character offsets in it, the rule's type."""

    text: str
    start: int
    end: int
    event_type: str | None = None


# --------------------------------------------------------------------------- features

def tokens(text: str) -> list[tuple[str, int, int]]:
    """Lower-cased word and punctuation tokens with offsets; a regex, so no parse is needed."""
    return [(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text.lower())]


def sentence_features(toks: list[tuple[str, int, int]], forms: dict[str, list[str]],
                      bigrams: bool = False) -> list[str]:
    """Words, 5-letter stems ("accused" -> "accus": few training sentences, so stems generalise)
    and the lexicon's types for each word form ("lx:ACCUSE"), which carry what the rules know to
    words the training data never showed in that sense."""
    words = [t for t, _, _ in toks]
    feats = ["bias"] + ["w:" + w for w in words]
    feats += ["s:" + w[:5] for w in words if len(w) > 5 and w.isalpha()]
    if bigrams:
        feats += ["b:" + a + "_" + b for a, b in zip(words, words[1:])]
    for w in words:
        for event_type in forms.get(w, ()):
            feats += ["lx:" + event_type, "lxw:" + event_type + "_" + w[:5]]
    return feats


def candidate_features(cand: Candidate, forms: dict[str, list[str]], window: int = 3) -> list[str]:
    """The sentence's features plus the marked trigger: its words and stems, the words around it
    (the sense of "fired" depends on "shots" or "the official"), and the rule's proposed type."""
    toks = tokens(cand.text)
    feats = sentence_features(toks, forms, bigrams=True)
    inside = [i for i, (_, s, e) in enumerate(toks) if s < cand.end and cand.start < e]
    if not inside:
        return feats
    first, last = inside[0], inside[-1]
    for i in inside:
        feats += ["t:" + toks[i][0], "ts:" + toks[i][0][:5]]
    feats.append("tp:" + "_".join(toks[i][0] for i in inside))
    for k in range(1, window + 1):
        if first - k >= 0:
            feats += ["l:" + toks[first - k][0]] + (["l1:" + toks[first - k][0]] if k == 1 else [])
        if last + k < len(toks):
            feats += ["r:" + toks[last + k][0]] + (["r1:" + toks[last + k][0]] if k == 1 else [])
    if cand.event_type:
        feats += ["rt:" + cand.event_type] + ["rtt:" + cand.event_type + "_" + toks[i][0] for i in inside]
    return feats


def hash_features(feature_lists: Sequence[list[str]], bits: int) -> tuple[np.ndarray, np.ndarray]:
    """Feature strings -> (sorted unique bucket ids per row, concatenated; row pointers). crc32 is
    stable across processes, unlike Python's salted ``hash``."""
    mask = (1 << bits) - 1
    rows = [np.unique(np.fromiter((zlib.crc32(f.encode()) & mask for f in fl), dtype=np.int64, count=len(fl)))
            for fl in feature_lists]
    ptr = np.zeros(len(rows) + 1, dtype=np.int64)
    ptr[1:] = np.cumsum([len(r) for r in rows])
    return (np.concatenate(rows) if rows else np.zeros(0, dtype=np.int64)), ptr


# --------------------------------------------------------------------------- heads

@dataclass
class LinearHead:
    """Weights of one head, stored sparsely: only the hash buckets training touched have a row."""

    rows: np.ndarray          # sorted bucket ids (int64)
    weights: np.ndarray       # (len(rows), n_labels) float32
    bias: np.ndarray          # (n_labels,)
    exclusive: bool = False   # softmax over labels, else independent sigmoids

    @classmethod
    def from_dense(cls, dense: np.ndarray, bias: np.ndarray, exclusive: bool) -> "LinearHead":
        """Keep the non-zero rows of a dense (2**bits, n_labels) matrix (what training produces)."""
        rows = np.flatnonzero(np.any(dense != 0, axis=1))
        return cls(rows.astype(np.int64), dense[rows].astype(np.float32), bias.astype(np.float32), exclusive)

    def scores(self, ind: np.ndarray, ptr: np.ndarray) -> np.ndarray:
        """Raw scores per row: the bias plus the weights of the row's buckets."""
        pos = np.searchsorted(self.rows, ind)
        pos = np.minimum(pos, max(len(self.rows) - 1, 0))
        found = (self.rows[pos] == ind) if len(self.rows) else np.zeros(len(ind), bool)
        contrib = np.where(found[:, None], self.weights[pos] if len(self.rows) else 0.0, 0.0)
        out = np.zeros((len(ptr) - 1, len(self.bias)), dtype=np.float64)
        nonempty = np.diff(ptr) > 0
        if len(ind):
            out[nonempty] = np.add.reduceat(contrib, ptr[:-1][nonempty], axis=0)
        return out + self.bias

    def probabilities(self, ind: np.ndarray, ptr: np.ndarray) -> np.ndarray:
        """Softmax or sigmoid of the scores."""
        z = self.scores(ind, ptr)
        if self.exclusive:
            z = np.exp(z - z.max(axis=1, keepdims=True))
            return z / z.sum(axis=1, keepdims=True)
        return 1.0 / (1.0 + np.exp(-z))
