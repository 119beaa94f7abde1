"""Coding time against the length of one run-on sentence: it must grow linearly.

    python bench/long_sentences.py [--sizes 1000,2000,5000,10000,20000,50000,100000]

A text of N words with no full stop (event words, actor names and places drawn at random with a fixed
seed, so every sentence could hold events) is coded by one Coder; the bench prints seconds, events
and milliseconds per token for each N, and the ratio of the largest to the smallest per-token time
(linear growth keeps it near 1; before sentences were capped at MAX_SENTENCE_TOKENS it grew with
about N^1.7, minutes at 100k tokens). Peak memory of the process is printed at the end (texts over
PARSE_CHUNK_CHARS are parsed in pieces, so it stays bounded).
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

WORDS = ("the government said police arrested protesters in Cairo and troops attacked rebels while "
         "officials from Egypt met leaders of the opposition party near Gaza after talks with Israel").split()


def run_on(n: int, seed: int = 1) -> str:
    """A run-on sentence of ``n`` words without a full stop."""
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) for _ in range(n))


def main() -> None:
    """Time the coder on run-on sentences of each size and print the per-token ratio."""
    from chronicle.pipeline import Coder

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,2000,5000,10000,20000,50000,100000")
    sizes = [int(s) for s in parser.parse_args().sizes.split(",")]
    coder = Coder()
    coder.code(run_on(200), published="2024-05-01")  # warm-up
    per_token = []
    print(f"{'tokens':>8} {'seconds':>8} {'events':>7} {'ms/token':>9}")
    for n in sizes:
        start = time.perf_counter()
        events = coder.code(run_on(n), published="2024-05-01")
        seconds = time.perf_counter() - start
        per_token.append(seconds / n * 1000)
        print(f"{n:>8} {seconds:>8.2f} {len(events):>7} {per_token[-1]:>9.3f}")
    print(f"per-token time, largest / smallest size: {per_token[-1] / per_token[0]:.2f} (linear: about 1)")
    print(f"peak memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
