"""Sustained load on loopback: ``/v1/events`` and ``/v1/code`` while an ingest job runs.

    python bench/api_load.py [--seconds 130] [--db FILE] [--events 100000] [--event-clients 3]
                             [--max-requests 20000] [--port N]

The store is ``bench/api.py``'s (built when ``--db`` is missing; copied before the run, since the
load test writes into it). ``chronicle serve --token-file`` runs in its own process on 127.0.0.1
(rate limit off). For ``--seconds`` (bounded too by ``--max-requests`` per client):

* ``--event-clients`` threads ask ``GET /v1/events`` with the bench's filters, every other request
  the next page by cursor;
* one thread posts ``POST /v1/code`` with real articles (the HuffPost articles of basil);
* one thread keeps an ingest running all along: it posts ``POST /v1/ingest`` jobs of 10 HuffPost
  articles (each round's texts made new with a suffix, so they are coded and stored, not skipped
  as duplicates), waits for each job to finish and posts the next.

An error is any status but 200 (202 for ingest), a failed job or a transport error. Prints a table
of requests, errors, p50 and p95 per request, and what the ingest stored meanwhile.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from api import (  # noqa: E402
    EVENT_QUERIES, free_port, percentile, prepared_store, print_table, start_server, stop_server,
)

TOKEN = "api-load-bench-token"


class Tally:
    """Latencies and errors of one kind of request (threads append; the GIL keeps lists whole)."""

    def __init__(self, name: str):
        self.name, self.times, self.errors, self.first_error = name, [], 0, None

    def record(self, ms: float, ok: bool, why: str = "") -> None:
        """Count one request: its latency, and whether it failed (the first failure is kept)."""
        self.times.append(ms)
        if not ok:
            self.errors += 1
            self.first_error = self.first_error or why

    def row(self) -> dict:
        """The table row: requests, errors, p50, p95 and max latency."""
        times = self.times or [0.0]
        return {"request": self.name, "n": len(self.times), "errors": self.errors,
                "p50_ms": round(statistics.median(times), 1), "p95_ms": round(percentile(times, 95), 1),
                "max_ms": round(max(times), 1)}


def _timed(tally: Tally, call, expect: int):
    start = time.perf_counter()
    try:
        response = call()
        ok, why = response.status_code == expect, f"{response.status_code} {response.text[:200]}"
    except httpx.HTTPError as exc:
        response, ok, why = None, False, f"{type(exc).__name__}: {exc}"
    tally.record((time.perf_counter() - start) * 1000, ok, why)
    return response if ok else None


def events_client(base: str, tally: Tally, stop: threading.Event, offset: int, limit: int) -> None:
    """GET /v1/events pages (a first page, then its next page) until told to stop."""
    with httpx.Client(base_url=base, timeout=60) as client:
        i, cursor = 0, None
        while not stop.is_set() and i < limit:
            query = EVENT_QUERIES[(offset + i // 2) % len(EVENT_QUERIES)]
            url = f"/v1/events?{query}" + (f"&cursor={cursor}" if i % 2 and cursor else "")
            response = _timed(tally, lambda: client.get(url), 200)
            cursor = response.json().get("next_cursor") if response is not None and i % 2 == 0 else None
            i += 1


def code_client(base: str, texts: list[str], tally: Tally, stop: threading.Event, limit: int) -> None:
    """POST /v1/code with real article texts until told to stop."""
    with httpx.Client(base_url=base, timeout=120) as client:
        i = 0
        while not stop.is_set() and i < limit:
            body = {"text": texts[i % len(texts)], "published": "2016-01-01"}
            _timed(tally, lambda: client.post("/v1/code", json=body), 200)
            i += 1


def ingest_feeder(base: str, articles: list[dict], tally: Tally, stop: threading.Event, done: dict) -> None:
    """Keep one ingest job running: post 10 new articles, wait for the job, post the next."""
    headers = {"Authorization": f"Bearer {TOKEN}"}
    with httpx.Client(base_url=base, timeout=60, headers=headers) as client:
        round_ = 0
        while not stop.is_set():
            batch = [dict(a, id=f"{a['id']}~load{round_}", text=f"{a['text']}\n\n(load round {round_})")
                     for a in articles[(round_ * 10) % len(articles):][:10]]
            response = _timed(tally, lambda: client.post("/v1/ingest", json={"articles": batch}), 202)
            round_ += 1
            if response is None:
                time.sleep(1)
                continue
            job, posted = response.json()["job"], time.perf_counter()
            while True:
                status = client.get(f"/v1/ingest/{job}").json()
                if status["status"] in ("done", "failed"):
                    break
                time.sleep(0.5)
            if status["status"] != "done":
                tally.record(0.0, False, f"job {job} failed: {status['error']}")
            for key in ("stored", "events"):
                done[key] = done.get(key, 0) + status[key]
            done["jobs"] = done.get("jobs", 0) + 1
            done["busy_s"] = done.get("busy_s", 0.0) + time.perf_counter() - posted


def held_out_articles() -> list[dict]:
    """The HuffPost articles of basil (not in the bench store) as API articles."""
    from dedup_scale import basil

    _, held = basil()
    return [{"id": a.id, "text": a.text, "title": a.title, "source": a.source, "url": a.url,
             "published": a.published.isoformat() if a.published else None} for a, _ in held]


def run(base: str, seconds: float, clients: int, limit: int) -> tuple[list[dict], dict, float]:
    """Run every client for ``seconds``; (table rows, ingest counts, seconds the run took)."""
    articles = held_out_articles()
    texts = [a["text"] for a in articles]
    stop, done = threading.Event(), {}
    events, code, ingest = Tally("GET /v1/events"), Tally("POST /v1/code"), Tally("POST /v1/ingest")
    threads = [threading.Thread(target=events_client, args=(base, events, stop, k * 3, limit))
               for k in range(clients)]
    threads.append(threading.Thread(target=code_client, args=(base, texts, code, stop, limit)))
    feeder = threading.Thread(target=ingest_feeder, args=(base, articles, ingest, stop, done))
    started = time.perf_counter()
    feeder.start()
    for thread in threads:
        thread.start()
    time.sleep(seconds)
    stop.set()
    for thread in threads:
        thread.join()
    took = time.perf_counter() - started
    feeder.join()
    for tally in (events, code, ingest):
        if tally.first_error:
            print(f"first error of {tally.name}: {tally.first_error}", flush=True)
    return [events.row(), code.row(), ingest.row()], done, took


def main() -> None:
    """Copy the bench store, serve it with a token, run the load, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=130)
    parser.add_argument("--db", default=None, help="bench/api.py's store (built here when missing)")
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--event-clients", type=int, default=3)
    parser.add_argument("--max-requests", type=int, default=20_000, help="per client")
    parser.add_argument("--port", type=int, default=None, help="default: a free port")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="chronicle-api-load-") as scratch:
        folder = Path(scratch)
        source = prepared_store(args.db, args.events, folder)
        path = folder / "load.duckdb"
        shutil.copy(source, path)
        (folder / "token").write_text(TOKEN)
        args.port = args.port or free_port()
        server = start_server(path, args.port, folder / "token")
        try:
            rows, done, took = run(f"http://127.0.0.1:{args.port}", args.seconds, args.event_clients,
                                   args.max_requests)
        finally:
            stop_server(server)
    print(f"{took:.0f} s of load ({args.event_clients} events clients, 1 code client, 1 ingest feeder; "
          f"shared 2-CPU machine); ingest meanwhile: {done.get('jobs', 0)} jobs, "
          f"{done.get('stored', 0)} articles, {done.get('events', 0)} events stored, a job running "
          f"{100 * done.get('busy_s', 0) / took:.0f}% of the time; load average "
          f"{os.getloadavg()[0]:.1f}", flush=True)
    print_table(rows)


if __name__ == "__main__":
    main()
