"""Sentence encoder: all-MiniLM-L6-v2 as an int8 ONNX graph, run with onnxruntime, no torch.

Why: on the realnews training sentences a logistic head over these 384-dimensional sentence vectors
(alone, or beside the hashed word features) tells event sentences and their PLOVER types apart
better than word features alone (figures in ``data/models/encoder/README.md``): the vectors carry
what the few training sentences cannot, that "fired the official" and "fired on protesters" differ.

What ships (``chronicle/data/models/encoder/``, rebuilt by ``tools/export_encoder.py``):
``model.onnx`` (the BERT body, weights int8), ``tokenizer.json`` (WordPiece, truncating at 256
tokens) and ``encoder.json`` (dimension, pooling, provenance and hashes). Nothing is downloaded.

:func:`embed` tokenises with Hugging Face ``tokenizers``, runs the graph, mean-pools the token
vectors over the attention mask and L2-normalises, exactly as sentence-transformers does for this
model (cosine to its fp32 vectors: 0.99 on average). One onnxruntime session per process and folder
(:func:`encoder_at`), on one intra-op thread unless ``CHRONICLE_ENCODER_THREADS`` says otherwise:
one sentence at a time, a second thread gained nothing on an idle 2-core machine (~350-375
sentences/s either way) and halved the speed when another process held the other core (150/s).

``CHRONICLE_ENCODER_DIR`` names another encoder folder of the same format (say one written by
``tools/finetune_encoder.py``) to use instead of the shipped one, for trying it without touching the
shipped files; an event model trained on its vectors must be run with it set.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from chronicle.errors import ChronicleError

ENCODER_DIR = ("data", "models", "encoder")
FILES = ("model.onnx", "tokenizer.json", "encoder.json")
DIMENSION = 384
BATCH = 1
"""Sentences per forward pass. One, so a sentence's vector never depends on its neighbours: the
int8 graph quantises activations with a scale computed over the whole batch (padding included), and
batches of 8-32 moved vectors by up to 0.03. Batches of 8 were only ~1.5x faster here."""


class EncoderError(ChronicleError):
    """The sentence encoder cannot run: its files or its runtime packages are missing or unreadable."""

    code = "E020"


@dataclass
class SentenceEncoder:
    """One onnxruntime session and its tokenizer; build with :func:`encoder_at`, use :meth:`embed`."""

    session: Any
    tokenizer: Any
    config: dict
    folder: str

    def embed(self, texts: Sequence[str], batch_size: int = BATCH) -> np.ndarray:
        """(n, 384) float32 unit vectors, one per text, in input order. With ``batch_size`` > 1 texts
        are batched by length (less padding), faster but no longer bit-for-bit the vector each text
        gets alone (see ``BATCH``)."""
        texts = [str(t) for t in texts]
        out = np.zeros((len(texts), self.config.get("dimension", DIMENSION)), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for start in range(0, len(order), batch_size):
            rows = order[start:start + batch_size]
            out[rows] = self._batch([texts[i] for i in rows])
        return out

    def _batch(self, texts: list[str]) -> np.ndarray:
        encodings = self.tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        hidden = self.session.run(["last_hidden_state"], feeds)[0]
        return mean_pool(hidden, mask)


def mean_pool(hidden: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Average of the token vectors the attention mask keeps, scaled to unit length: the sentence
    vector all-MiniLM-L6-v2 was trained to produce (cosine similarity = dot product)."""
    summed = (hidden * mask[..., None]).sum(axis=1)
    pooled = summed / np.maximum(mask.sum(axis=1, keepdims=True), 1)
    norms = np.linalg.norm(pooled, axis=1, keepdims=True)
    return (pooled / np.maximum(norms, 1e-12)).astype(np.float32)


def shipped_folder() -> Path:
    """Where the package keeps the encoder files."""
    return Path(str(resources.files("chronicle").joinpath(*ENCODER_DIR)))


def encoder_at(path: str | Path | None = None) -> SentenceEncoder:
    """The encoder in ``path`` (default: ``CHRONICLE_ENCODER_DIR`` when set, else the shipped one),
    loaded once per folder and process. The variable lets a trainer or an evaluation try another
    encoder (``tools/finetune_encoder.py``'s) without touching the shipped files; a model trained on
    one encoder's vectors must be run with that encoder."""
    path = path or os.environ.get("CHRONICLE_ENCODER_DIR", "").strip() or None
    return _encoder_in(str(Path(path).resolve()) if path else str(shipped_folder()), _threads())


def embed(texts: Sequence[str], path: str | Path | None = None) -> np.ndarray:
    """(n, 384) unit sentence vectors of ``texts`` with the shipped encoder (or the one in ``path``)."""
    return encoder_at(path).embed(texts)


def _threads() -> int:
    """Intra-op threads: ``CHRONICLE_ENCODER_THREADS`` (1 or more), else 1 (see the module's doc)."""
    value = os.environ.get("CHRONICLE_ENCODER_THREADS", "")
    return int(value) if value.strip().isdigit() and int(value) > 0 else 1


@lru_cache(maxsize=2)
def _encoder_in(folder: str, threads: int) -> SentenceEncoder:
    missing = [name for name in FILES if not (Path(folder) / name).is_file()]
    if missing:
        raise EncoderError(f"{folder}: no sentence encoder here ({', '.join(missing)} missing); "
                           f"reinstall Chronicle or rebuild it with tools/export_encoder.py")
    try:
        import onnxruntime
        from tokenizers import Tokenizer
    except ImportError as exc:
        raise EncoderError(f"the sentence encoder needs the '{exc.name}' package; "
                           f"run `make install` (or pip install onnxruntime tokenizers)") from None
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    try:
        config = json.loads((Path(folder) / "encoder.json").read_text(encoding="utf-8"))
        tokenizer = Tokenizer.from_file(str(Path(folder) / "tokenizer.json"))
        session = onnxruntime.InferenceSession(str(Path(folder) / "model.onnx"), options,
                                               providers=["CPUExecutionProvider"])
    except Exception as exc:  # onnxruntime raises its own exception types for a damaged graph
        first = (str(exc).strip().splitlines() or [""])[0][:200]
        raise EncoderError(f"{folder}: sentence encoder cannot be read ({type(exc).__name__}: {first})") from None
    return SentenceEncoder(session, tokenizer, config, folder)
