"""Throughput of the coder against the spaCy parse alone, measured in one run (a ratio).

    python bench/throughput.py [--n 200] [--corpus ../shared/corpus/bbc-news/bbc-news.jsonl]

Prints articles/s and words/s for (a) spaCy's full pipeline on the cleaned texts and (b) the full
Chronicle coder, and the cost ratio (b)/(a). Both run in this process on the same texts, so the
ratio holds when the machine's speed drifts.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from chronicle import Coder
from chronicle.schema import Article
from chronicle.stages.clean import clean_text

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bbc-news" / "bbc-news.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--corpus", type=Path, default=DEFAULT)
    args = parser.parse_args()
    if not args.corpus.exists():
        raise SystemExit(f"corpus not found: {args.corpus} (../shared must be beside the project)")
    seen, articles = set(), []
    with args.corpus.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["text"] in seen:
                continue  # the BBC set holds 98 exact duplicate pairs
            seen.add(rec["text"])
            articles.append(Article(id=rec["id"], text=rec["text"]))
            if len(articles) >= args.n:
                break
    words = sum(len(a.text.split()) for a in articles)
    start = time.perf_counter()
    coder = Coder()
    load = time.perf_counter() - start
    texts = [clean_text(a.text).text for a in articles]
    t0 = time.perf_counter()
    for _ in coder.nlp_stage.nlp.pipe(texts, batch_size=16):
        pass
    parse = time.perf_counter() - t0
    t0 = time.perf_counter()
    n_events = sum(len(events) for _, events in coder.pipe(articles))
    full = time.perf_counter() - t0
    print(f"articles: {len(articles)}, words: {words}, model+data load: {load:.1f} s")
    print(f"spaCy parse only : {len(articles) / parse:6.1f} articles/s  {words / parse:8.0f} words/s")
    print(f"Chronicle coder  : {len(articles) / full:6.1f} articles/s  {words / full:8.0f} words/s  ({n_events} events)")
    print(f"cost ratio coder/parse: {full / parse:.2f}")


if __name__ == "__main__":
    main()
