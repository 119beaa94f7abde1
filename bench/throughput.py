"""Throughput of the coder against the spaCy parse alone, measured in one run (a ratio).

    python bench/throughput.py [--n 200] [--corpus ../shared/corpus/bbc-news/bbc-news.jsonl] [--event-model DIR]

Prints articles/s and words/s for (a) spaCy's full pipeline on the cleaned texts, (b) the Chronicle
coder with the sentence screen (the default: only sentences with a possible trigger are parsed) and
(c) the coder parsing every sentence, with the ratios (b)/(a), (c)/(a) and the speed-up (c)/(b). All
run in this process on the same texts, so the ratios hold when the machine's speed drifts.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from chronicle import Coder
from chronicle.stages.clean import clean_text
from _corpus import BBC, unique_articles



def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--corpus", type=Path, default=BBC)
    parser.add_argument("--event-model", type=Path, default=None,
                        help="an event model folder other than the shipped one (e.g. one trained with the encoder head)")
    args = parser.parse_args()
    if not args.corpus.exists():
        raise SystemExit(f"corpus not found: {args.corpus} (../shared must be beside the project)")
    articles = unique_articles(args.corpus, args.n)
    words = sum(len(a.text.split()) for a in articles)
    start = time.perf_counter()
    coder = Coder(event_model=args.event_model)
    load = time.perf_counter() - start
    unscreened = Coder(screen=False, event_model=args.event_model)
    texts = [clean_text(a.text).text for a in articles]
    t0 = time.perf_counter()
    for _ in coder.nlp_stage.nlp.pipe(texts, batch_size=16):
        pass
    parse = time.perf_counter() - t0

    def run(which: Coder) -> tuple[float, int]:
        t0 = time.perf_counter()
        n = sum(len(events) for _, events in which.pipe(articles))
        return time.perf_counter() - t0, n

    screened, n_screened = run(coder)
    every, n_every = run(unscreened)
    print(f"articles: {len(articles)}, words: {words}, model+data load: {load:.1f} s")
    for label, secs, n in (("spaCy parse only", parse, None), ("coder, screened", screened, n_screened),
                           ("coder, all sentences", every, n_every)):
        extra = f"  ({n} events)" if n is not None else ""
        print(f"{label:22}: {len(articles) / secs:6.1f} articles/s  {words / secs:8.0f} words/s{extra}")
    print(f"cost ratio screened coder / parse: {screened / parse:.2f}")
    print(f"cost ratio full coder / parse    : {every / parse:.2f}")
    print(f"speed-up of the screen           : {every / screened:.2f}x")
    print(f"screened coder over the parse of every sentence: {parse / screened:.2f}x the articles/s (target >= 2)")


if __name__ == "__main__":
    main()
