"""The server's hold on the database, its coders and its ingest jobs.

DuckDB lets one process write a database file, so the server *is* that process: it opens the store
once (read-write when it has a token, read-only otherwise), answers every request on a cursor of
its own (``reading()``; DuckDB cursors of one database run in parallel and each sees committed
data), and runs ingests itself, one job at a time, in a background thread that writes through
another cursor. Each ingest batch is one transaction, so readers see whole batches appear while the
job runs, and never wait for it. A ``chronicle ingest`` on the same file meanwhile waits for the
server's lock and then stops with the store's message naming the server process.

The Coder (spaCy and the data files: seconds to load) is loaded at the first request that needs it;
``POST /v1/code`` and the ingest worker each have their own, so a long ingest does not hold up
coding a text, and each is used by one thread at a time.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as _dt
import itertools
import queue
import threading
from dataclasses import dataclass, field
from typing import Callable, Iterator

from chronicle.api.queries import Schema, read_schema
from chronicle.schema import Article
from chronicle.store.db import Store, StoreError
from chronicle.store.reviews import count_reviews, ensure_reviews_table

CoderFactory = Callable[[], object]
"""Builds a coder (anything with ``pipe(articles, batch_size=)``); tests pass a fake one."""

MAX_JOBS_KEPT = 200
"""Finished ingest jobs remembered for ``GET /v1/ingest/{job}``; older ones are forgotten."""


def default_coder_factory(actor_files=(), lexicon_files=()) -> CoderFactory:
    """A factory of Chronicle's Coder with the user's actor and lexicon files."""
    def build():
        from chronicle.pipeline import Coder

        return Coder(actor_files=tuple(actor_files), lexicon_files=tuple(lexicon_files))
    return build


class LazyCoder:
    """A coder built at first use, then used by one thread at a time."""

    def __init__(self, factory: CoderFactory):
        self._factory, self._coder, self._lock = factory, None, threading.Lock()

    def code(self, articles: list[Article]) -> list[tuple[Article, list]]:
        """Code ``articles`` (waiting for another request that codes, and for the first load)."""
        with self._lock:
            if self._coder is None:
                self._coder = self._factory()
            return list(self._coder.pipe(articles, batch_size=max(1, len(articles))))

    def loaded(self):
        """The coder itself, built now if needed (the ingest worker holds it for its job)."""
        with self._lock:
            if self._coder is None:
                self._coder = self._factory()
            return self._coder


@dataclass
class IngestJob:
    """One ``POST /v1/ingest``: its articles, its state and its counts."""

    id: str
    articles: list[Article]
    status: str = "queued"          # queued, running, done, failed
    stored: int = 0
    duplicates: int = 0
    quarantined: int = 0
    events: int = 0
    merged: int | None = None
    error: str | None = None
    created_at: str = field(default_factory=lambda: _utc_now())
    finished_at: str | None = None

    def to_dict(self) -> dict:
        """The job as ``GET /v1/ingest/{job}`` shows it."""
        return {"job": self.id, "status": self.status, "articles": len(self.articles),
                "stored": self.stored, "duplicates": self.duplicates, "quarantined": self.quarantined,
                "events": self.events, "merged_events": self.merged, "error": self.error,
                "created_at": self.created_at, "finished_at": self.finished_at}


def _utc_now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).replace(tzinfo=None).isoformat(timespec="seconds") + "Z"


class Service:
    """The open store, its schema, the coders and the ingest queue of one server."""

    def __init__(self, db: str, *, writable: bool, lock_timeout: float = 0.0,
                 coder_factory: CoderFactory | None = None, ingest_batch: int = 8):
        self.store = Store(db, read_only=not writable, create=writable, lock_timeout=lock_timeout)
        self.writable = writable
        self._cursor_lock = threading.Lock()
        if writable:
            ensure_reviews_table(self.store.conn)
        self.schema: Schema = read_schema(self.store.conn)
        factory = coder_factory or default_coder_factory()
        self.code_coder, self.ingest_coder = LazyCoder(factory), LazyCoder(factory)
        self.ingest_batch = ingest_batch
        self.jobs: dict[str, IngestJob] = {}
        self._queue: queue.Queue[IngestJob | None] = queue.Queue()
        self._ids = itertools.count(1)
        self._worker: threading.Thread | None = None

    @contextlib.contextmanager
    def reading(self) -> Iterator:
        """A cursor of its own for one request (closed after it)."""
        with self._cursor_lock:
            cursor = self.store.conn.cursor()
        try:
            yield cursor
        finally:
            cursor.close()

    def cursor(self):
        """A new cursor the caller closes (a streamed download holds one while it streams)."""
        with self._cursor_lock:
            return self.store.conn.cursor()

    def refresh_schema(self) -> None:
        """Re-read which optional tables exist (a merge creates them)."""
        with self.reading() as conn:
            self.schema = read_schema(conn)

    def counts(self, conn) -> dict[str, int]:
        """Rows per table, reviews included."""
        import duckdb

        counts = {}
        for table in ("articles", "events", "merged_events", "quarantine"):
            try:
                counts[table] = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            except duckdb.CatalogException:  # a table an older store lacks is left out
                continue
        counts["reviews"] = count_reviews(conn)
        return counts

    # -- ingest jobs ------------------------------------------------------------------------------
    def submit(self, articles: list[Article]) -> IngestJob:
        """Queue an ingest job; the worker thread starts with the first one."""
        if not self.writable:
            raise StoreError("this server is read-only")
        job = IngestJob(id=str(next(self._ids)), articles=articles)
        self.jobs[job.id] = job
        for old in list(self.jobs)[:-MAX_JOBS_KEPT]:
            if self.jobs[old].status in ("done", "failed"):
                del self.jobs[old]
        if self._worker is None:
            self._worker = threading.Thread(target=self._work, name="chronicle-ingest", daemon=True)
            self._worker.start()
        self._queue.put(job)
        return job

    def _work(self) -> None:
        """The worker: one job at a time, writing through its own cursor."""
        store = copy.copy(self.store)
        with self._cursor_lock:
            store.conn = self.store.conn.cursor()
        try:
            while (job := self._queue.get()) is not None:
                self._run(store, job)
        finally:
            store.conn.close()

    def _run(self, store: Store, job: IngestJob) -> None:
        from chronicle.dedup.store import merge_new
        from chronicle.store.ingest import ingest

        job.status = "running"

        def progress(kind: str, n: int, item=None) -> None:
            if kind == "stored":
                job.stored += n
            elif kind == "duplicate":
                job.duplicates += n
            elif kind == "quarantined":
                job.quarantined += n

        try:
            stats = ingest(store, job.articles, self.ingest_coder.loaded(), self.ingest_batch,
                           progress=progress, ramp_up=True)
            job.events = stats.events
            job.merged = merge_new(store).merged
            self.refresh_schema()
            job.status = "done"
        except Exception as exc:  # noqa: BLE001 - a failed job is reported by its status, not raised
            from chronicle.errors import coding_failure

            job.status, job.error = "failed", coding_failure(exc)
        finally:
            job.finished_at = _utc_now()

    def wait_idle(self, timeout: float = 60.0) -> bool:
        """Wait until every queued job has finished (tests, and a clean shutdown)."""
        import time

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if all(j.status in ("done", "failed") for j in list(self.jobs.values())):
                return True
            time.sleep(0.05)
        return False

    def close(self) -> None:
        """Stop the worker after its current job and close the database."""
        if self._worker is not None:
            self._queue.put(None)
            self._worker.join(timeout=30)
        self.store.close()
