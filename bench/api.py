"""API latency on a store of 100k+ events: a filtered ``GET /v1/events`` page and the timeline.

    python bench/api.py [--events 100000] [--requests 200] [--db FILE] [--port N]

The store is built from real coded articles, not through the coder: the New York Times and Fox
News articles of ``../shared/corpus/basil`` (coded once with ``Coder().pipe`` and cached, as
``bench/dedup_eval.py`` does) are stored, then copied by DuckDB ``INSERT ... SELECT``
(``bench/dedup_scale.replicate``: copy *c* has every date shifted by c x 7 days and its ids
suffixed ``~c``) until the store holds ``--events`` events, and merged once (``merge_store``,
what ``chronicle dedupe`` runs), so ``merged=true`` works. ``--db FILE`` keeps the store (built
again only when FILE is missing).

Then ``chronicle serve`` runs in its own process on 127.0.0.1 (rate limit off: the bench is one
client asking as fast as it can), and one client makes ``--requests`` requests of each kind, one
at a time, cycling through a fixed list of filters (each request is timed from send to the last
byte). Targets: the events page p95 < 200 ms, the timeline p95 < 500 ms.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))

EVENT_QUERIES = [
    "event_type=ACCUSE&limit=50",
    "country=USA&actor_side=source&limit=50",
    "q=president&sort=-confidence&limit=50",
    "quad_class=4&factuality=actual&date_from=2015-01-01&date_to=2019-12-31&limit=50",
    "actor=trump&limit=50",
    "cameo=1&min_confidence=0.6&sort=date&limit=50",
    "location_country=USA&sort=-mentions&limit=50",
    "merged=true&event_type=ASSAULT&limit=50",
    "outlet=fox&event_type=REQUEST&event_type=REJECT&limit=50",
    "sector=GOV&actor_side=target&limit=50",
]
TIMESERIES_QUERIES = [
    "interval=month",
    "interval=week&country=USA",
    "interval=month&dyad=USA:RUS",
    "interval=day&event_type=PROTEST",
    "interval=month&quad_class=4&date_from=2012-01-01&date_to=2020-12-31",
]


def build_store(path: Path, target: int) -> dict:
    """Store the coded basil articles (NYT, Fox), copy them to ``target`` events, merge them."""
    from dedup_scale import NOW_INFO, _now, basil, replicate

    from chronicle.dedup.store import merge_store
    from chronicle.store import Store

    base, _ = basil()
    per_copy = sum(len(events) for _, events in base)
    copies = math.ceil(target / per_copy)
    started = time.perf_counter()
    with Store(path) as store:
        with store.transaction():
            store.add_articles(base, NOW_INFO, _now())
            replicate(store, len(base), copies, 7)
        built = time.perf_counter() - started
        merge_store(store)
        counts = store.counts()
    figures = {"events": counts["events"], "articles": counts["articles"],
               "merged_events": counts["merged_events"], "copies": copies,
               "base_articles": len(base), "build_s": round(built, 1),
               "merge_s": round(time.perf_counter() - started - built, 1)}
    print(f"built {path}: {json.dumps(figures)}", flush=True)
    return figures


def free_port() -> int:
    """A TCP port nobody listens on now (another server on a shared machine must not answer us)."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(db: Path, port: int, token_file: Path | None = None) -> subprocess.Popen:
    """``chronicle serve`` in its own process; returns once ``/v1/meta`` answers *from it* (the
    process is alive and serves the events of ``db``)."""
    from chronicle.store import Store

    with Store(db, read_only=True) as store:
        expected = store.counts()["events"]
    command = [sys.executable, "-c", "from chronicle.cli import main; main()", "serve", "--db", str(db),
               "--port", str(port), "--rate-limit", "0", "--lock-timeout", "30"]
    if token_file is not None:
        command += ["--token-file", str(token_file)]
    server = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server stopped: {server.stderr.read()}")
        try:
            meta = httpx.get(f"http://127.0.0.1:{port}/v1/meta", timeout=2)
            if meta.status_code == 200:
                if server.poll() is not None or meta.json()["counts"]["events"] != expected:
                    server.terminate()
                    raise SystemExit(f"port {port} is answered by another server: choose another --port")
                return server
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    server.terminate()
    raise SystemExit("the server did not answer within 120 s")


def stop_server(server: subprocess.Popen) -> None:
    """Ask the server to stop (SIGTERM: uvicorn shuts down cleanly), then wait for it."""
    server.terminate()
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile (nearest rank) of ``values``."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(p / 100 * len(ordered)) - 1))]


def timed(client: httpx.Client, url: str) -> tuple[float, int, dict | None]:
    """(milliseconds to the last byte, status, JSON body) of one GET."""
    start = time.perf_counter()
    response = client.get(url)
    body = response.content
    elapsed = (time.perf_counter() - start) * 1000
    return elapsed, response.status_code, json.loads(body) if response.status_code == 200 else None


def measure(base: str, requests: int) -> list[dict]:
    """Latencies of ``requests`` events pages (every other one a next page by cursor) and
    ``requests`` timelines; one client, one request at a time."""
    rows = []
    with httpx.Client(timeout=60) as client:
        for q in EVENT_QUERIES + TIMESERIES_QUERIES:  # warm-up: each query once
            client.get(f"{base}/v1/events?{q}" if "limit" in q else f"{base}/v1/stats/timeseries?{q}")
        for name, route, queries in (("GET /v1/events (filtered page)", "/v1/events", EVENT_QUERIES),
                                     ("GET /v1/stats/timeseries", "/v1/stats/timeseries", TIMESERIES_QUERIES)):
            times, errors, cursor = [], 0, None
            for i in range(requests):
                query = queries[(i // 2 if route == "/v1/events" else i) % len(queries)]
                url = f"{base}{route}?{query}"
                if route == "/v1/events" and i % 2 == 1 and cursor:
                    url += f"&cursor={cursor}"
                ms, status, body = timed(client, url)
                errors += status != 200
                times.append(ms)
                cursor = (body or {}).get("next_cursor") if i % 2 == 0 else None
            rows.append({"request": name, "n": requests, "errors": errors,
                         "p50_ms": round(statistics.median(times), 1), "p95_ms": round(percentile(times, 95), 1),
                         "max_ms": round(max(times), 1)})
    return rows


def print_table(rows: list[dict]) -> None:
    """The figures as a markdown table."""
    keys = list(rows[0])
    print("| " + " | ".join(keys) + " |")
    print("|" + "---|" * len(keys))
    for row in rows:
        print("| " + " | ".join(str(row[k]) for k in keys) + " |")


def prepared_store(db: str | None, events: int, folder: Path) -> Path:
    """The store at ``--db`` (built when missing), or one built in ``folder``."""
    path = Path(db) if db else folder / "api-bench.duckdb"
    if not path.exists():
        build_store(path, events)
    return path


def main() -> None:
    """Build (or reuse) the store, serve it, measure, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--db", default=None, help="keep the built store here (reused when present)")
    parser.add_argument("--port", type=int, default=None, help="default: a free port")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="chronicle-api-bench-") as scratch:
        path = prepared_store(args.db, args.events, Path(scratch))
        args.port = args.port or free_port()
        server = start_server(path, args.port)
        try:
            with httpx.Client() as client:
                meta = client.get(f"http://127.0.0.1:{args.port}/v1/meta").json()
            print(f"store: {meta['counts']} ({os.cpu_count()} CPUs, shared machine; load average "
                  f"{os.getloadavg()[0]:.1f} before)", flush=True)
            print_table(measure(f"http://127.0.0.1:{args.port}", args.requests))
            print(f"load average {os.getloadavg()[0]:.1f} after", flush=True)
        finally:
            stop_server(server)


if __name__ == "__main__":
    main()
