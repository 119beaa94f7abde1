"""Ingest speed with one process against ``chronicle ingest --workers N``, measured in one run.

    python bench/scale.py [--n 200] [--workers 2] [--batch-size 16] [--fixed-batches]
                          [--corpus ../shared/corpus/bbc-news/bbc-news.jsonl]

Ingests the same N de-duplicated BBC News texts into two fresh DuckDB files, the way
``chronicle ingest`` does (the single-process path, then a local Dask cluster of N workers; the
first batches ramped up 1, 2, 4, ... unless ``--fixed-batches``), and
prints for each: articles/s from start to the last stored batch (model loading and cluster start
included), articles/s from the first coded batch on (ramped up, that batch is one article coded
earlier, so this figure reads lower than with ``--fixed-batches`` at the same end-to-end speed),
the time to the first event, and peak memory
(of this process for the single run, of the largest worker for the Dask run). Both runs share the
machine and the moment, so their ratio holds when the machine's speed drifts.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

from chronicle.cli.coding import LazyCoder
from chronicle.schema import Article
from chronicle.store import Store, ingest
from chronicle.distributed import DaskCoder
from _corpus import BBC, unique_articles


def peak_rss_mb() -> float:
    """This process's peak resident memory, in MB (``ru_maxrss`` is KB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


def worker_memory() -> dict[str, float]:
    """Runs in a worker: its peak RSS (getrusage) and, when psutil is installed, its current RSS."""
    memory = {"peak": peak_rss_mb()}
    try:
        import psutil

        memory["now"] = psutil.Process().memory_info().rss / 2**20
    except ImportError:
        pass
    return memory


class Timed:
    """Wraps a coder's ``pipe_batches`` (what ``ingest`` calls): when the first event and each
    article came out."""

    def __init__(self, coder, start: float):
        self.coder, self.start = coder, start
        self.first_event: float | None = None
        self.stamps: list[float] = []

    def pipe_batches(self, batches):
        for coded in self.coder.pipe_batches(batches):
            now = time.perf_counter() - self.start
            self.stamps.extend(now for _ in coded)
            if self.first_event is None and any(events for _, events in coded):
                self.first_event = now
            yield coded


def run(label: str, articles: list[Article], make, batch_size: int, folder: Path,
        ramp_up: bool) -> dict:
    start = time.perf_counter()
    with make() as coder, Store(folder / f"{label}.duckdb") as store:
        timed = Timed(coder, start)
        stats = ingest(store, articles, timed, batch_size, ramp_up=ramp_up)
        total = time.perf_counter() - start
        client = getattr(coder, "client", None)
        memory = list(client.run(worker_memory).values()) if client else [worker_memory()]
    n = stats.stored
    steady = (n - 1) / (timed.stamps[-1] - timed.stamps[0]) if n > 1 else float("nan")
    return {"label": label, "n": n, "events": stats.events, "total": total, "rate": n / total,
            "steady": steady, "first": timed.first_event,
            "peak": max(m["peak"] for m in memory), "now": max(m.get("now", 0) for m in memory)}


class _Single:
    """The single-process path of ``chronicle ingest`` (a LazyCoder), as a context manager."""

    def __init__(self, batch_size):
        self.coder = LazyCoder(batch_size=batch_size)

    def __enter__(self):
        return self.coder

    def __exit__(self, *exc):
        return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--fixed-batches", action="store_true",
                        help="every batch --batch-size articles, no ramp-up (as before)")
    parser.add_argument("--corpus", type=Path, default=BBC)
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"skipped: corpus not found: {args.corpus} (../shared must be beside the project)")
        return
    articles = unique_articles(args.corpus, args.n)
    words = sum(len(a.text.split()) for a in articles)
    ramp_up = not args.fixed_batches
    print(f"articles: {len(articles)}, words: {words}, batch size {args.batch_size}"
          f"{' (ramped up)' if ramp_up else ''}")
    with tempfile.TemporaryDirectory() as tmp:
        one = run("1 process", articles, lambda: _Single(args.batch_size), args.batch_size, Path(tmp),
                  ramp_up)
        many = run(f"--workers {args.workers}", articles,
                   lambda: DaskCoder(workers=args.workers, batch_size=args.batch_size),
                   args.batch_size, Path(tmp), ramp_up)
    for r in (one, many):
        memory = f"peak RSS {r['peak']:.0f} MB" + (f" (now {r['now']:.0f} MB)" if r["now"] else "")
        where = "this process" if r is one else "largest worker"
        print(f"{r['label']:>11}: {r['rate']:5.1f} articles/s end to end ({r['total']:.1f} s), "
              f"{r['steady']:5.1f} articles/s after the first batch, first event after "
              f"{r['first']:.1f} s, {memory} of {where}; {r['events']} events")
    if one["events"] != many["events"]:
        print(f"WARNING: event counts differ ({one['events']} vs {many['events']})")
    print(f"ratio --workers {args.workers} / 1 process: {many['rate'] / one['rate']:.2f} end to end, "
          f"{many['steady'] / one['steady']:.2f} after the first batch")


if __name__ == "__main__":
    main()
