"""Draw a second batch of real-news sentences for the train split only (more training data).

    .venv/bin/python tools/realnews_extend.py      # from the repository root; needs spaCy (blank "en")

Why: the learned event model (``tools/train_event_model.py``) trains its sentence head on the
realnews train split alone (1,151 sentences, 546 with events), and its decisions on real news are
limited by that. This script adds sentences to **train only**, so dev and test, and every figure
measured on them, stay exactly as they were. It reuses ``tools/realnews_sample.py``'s population
(same corpora, filters, sentence splitter, split-by-story hash) and its two-phase draw per corpus
(a simple random sample, then cue-word sentences among the rest; 60% cue), with its own seed, from the
train-split sentences not drawn before, at most 4 sentences per article counting the first batch's.

The batch's sentences get ids after the first batch's (``rn-2001`` ...), ``stratum`` ``extra-random``
or ``extra-cue`` and ``weight`` null: they are not part of the first batch's two-phase design, so
population estimates use the first 2,000 only (``datasets/realnews/README.md``). Writes the lines
appended to ``sentences.jsonl``, the labellers' chunks (``chunks/chunk-5.jsonl`` ... of 250) and the
design under ``sampling.json``'s ``extensions`` (one entry per run). Deterministic: the n-th extension
uses seed ``SEED + n - 1`` and starts its ids and chunks after the ones before it.

    .venv/bin/python tools/realnews_extend.py                                    # extension 1: 750
    .venv/bin/python tools/realnews_extend.py --size 1000 --max-per-article 6    # extension 2
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tools import realnews_sample as rs  # noqa: E402

SEED = 20261204
SHARES = {"bbc-news": 0.4, "basil": 0.3, "ecbplus": 0.3}
"""Each corpus's share of an extension (BASIL's is capped by what its train articles have left)."""
CHUNK_SIZE = 250
KEYS = ["id", "article_id", "corpus", "group", "split", "stratum", "weight", "published",
        "outlet", "title", "start", "end", "text", "context"]


def draw_extra(cands: list[dict], n_total: int, per_art: Counter, rng: random.Random) -> tuple[list[dict], dict]:
    """The second batch of one corpus: random, then cue sentences, among ``cands`` (train, not drawn)."""
    n_c = round(n_total * rs.CUE_SHARE)
    n_r = n_total - n_c
    taken: set[int] = set()
    order = list(range(len(cands)))
    rng.shuffle(order)
    got_r, skipped = rs._take(cands, order, n_r, per_art, taken, "extra-random")
    cue_idx = [i for i in range(len(cands)) if cands[i]["cue"] and i not in taken]
    rng.shuffle(cue_idx)
    got_c, skipped_cue = rs._take(cands, cue_idx, n_c, per_art, taken, "extra-cue")
    chosen = [dict(cands[i], weight=None) for i in sorted(taken)]
    return chosen, {"eligible_train_sentences_not_drawn": len(cands), "n_random": got_r, "n_cue": got_c,
                    "draws_skipped_by_article_cap": skipped + skipped_cue}


def per_corpus(size: int, room: dict[str, int]) -> dict[str, int]:
    """Sentences per corpus: ``SHARES`` of ``size``, a corpus with less ``room`` giving the rest to BBC."""
    wanted = {c: min(round(size * share), room[c]) for c, share in SHARES.items()}
    wanted["bbc-news"] += size - sum(wanted.values())
    return wanted


def main(argv=None) -> int:
    """Draw the batch and append it (sentences.jsonl, chunks, sampling.json)."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default="datasets/realnews", help="the realnews folder")
    ap.add_argument("--size", type=int, default=750, help="sentences to draw (default 750)")
    ap.add_argument("--max-per-article", type=int, default=rs.MAX_PER_ARTICLE,
                    help="at most this many sentences of one article, counting earlier batches (default 4)")
    args = ap.parse_args(argv)
    out = Path(args.out)
    sampling = json.loads((out / "sampling.json").read_text(encoding="utf-8"))
    extensions = sampling.setdefault("extensions", [])
    first = [json.loads(line) for line in (out / "sentences.jsonl").read_text(encoding="utf-8").splitlines()]
    drawn = {(s["article_id"], s["start"]) for s in first}
    per_art = Counter(s["article_id"] for s in first)
    rs.MAX_PER_ARTICLE = args.max_per_article  # what rs._take reads
    pop, _ = rs.population()
    pool = {corpus: [c for c in pop[corpus] if c["split"] == "train" and (c["article_id"], c["start"]) not in drawn]
            for corpus in SHARES}
    room = {corpus: sum(max(args.max_per_article - per_art[a], 0) for a in {c["article_id"] for c in cands})
            for corpus, cands in pool.items()}
    sizes = per_corpus(args.size, room)
    seed = SEED + len(extensions)
    rng = random.Random(seed)
    chosen, design = [], {"seed": seed, "split": "train", "per_corpus": sizes, "cue_share": rs.CUE_SHARE,
                          "max_per_article (with earlier batches)": args.max_per_article, "corpora": {}}
    for corpus, n in sizes.items():
        got, figures = draw_extra(pool[corpus], n, per_art, rng)
        chosen += got
        design["corpora"][corpus] = figures
    chosen.sort(key=lambda c: hashlib.sha1(f"{seed}|{c['article_id']}|{c['start']}".encode()).hexdigest())
    lines = []
    for n, c in enumerate(chosen, len(first) + 1):
        c["id"] = f"rn-{n:04d}"
        lines.append(json.dumps({k: c[k] for k in KEYS}, ensure_ascii=False))
    with (out / "sentences.jsonl").open("a", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    first_chunk = len(list((out / "chunks").glob("chunk-*.jsonl"))) + 1
    for k in range(0, len(lines), CHUNK_SIZE):
        (out / "chunks" / f"chunk-{first_chunk + k // CHUNK_SIZE}.jsonl").write_text(
            "\n".join(lines[k:k + CHUNK_SIZE]) + "\n", encoding="utf-8")
    design["counts"] = {"corpus": dict(Counter(c["corpus"] for c in chosen)),
                        "stratum": dict(Counter(c["stratum"] for c in chosen)),
                        "articles": len({c["article_id"] for c in chosen}),
                        "ids": f"{chosen[0]['id']} to {chosen[-1]['id']}",
                        "chunks": f"{first_chunk} to {first_chunk + (len(lines) - 1) // CHUNK_SIZE}"}
    extensions.append(design)
    (out / "sampling.json").write_text(json.dumps(sampling, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(json.dumps(design["counts"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
