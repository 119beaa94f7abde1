"""Code articles on a Dask cluster while this process alone writes the database (issue 4).

Why it is built this way:

- Coding is CPU-bound Python (spaCy and the stages) that holds the GIL, so going faster takes more
  processes. Dask gives them on one machine (``chronicle ingest --workers N``: a ``LocalCluster``
  of N single-threaded worker processes, bound to 127.0.0.1, no dashboard, no profiler) or on many
  (``--scheduler tcp://HOST:PORT``: an existing cluster whose workers have Chronicle installed).
- DuckDB allows one writing process, and the per-batch transactions are what make an interrupted
  ingest resumable. So only the main process touches the database: workers get articles and send
  back events as plain JSON dicts (``Event.model_dump(mode="json")``, validated again here), and
  ``store.ingest`` writes each batch exactly as it does without Dask.
- Loading spaCy and the data takes seconds and about 270 MB, so each worker process builds its
  Coder once and keeps it for every later batch (``_worker_coder``). The build starts as soon as
  the cluster is up, with one ``warm_coder`` task per worker, so it runs while the first batches
  are read and sent rather than after a worker receives its first batch.
- ``store.ingest`` hands over its own batches (``pipe_batches``), each coded as one task and
  yielded in input order, so the batches, transactions and stored rows are the same as those of a
  single-process ingest of the same input, small ramp-up batches included; a few batches are kept
  in flight so that no worker waits for the main process.
- Nothing starts before the first new article arrives: re-running an ingest whose articles are all
  stored never starts a cluster.
"""

from __future__ import annotations

import collections
import itertools
import logging
import threading
from pathlib import Path
from typing import Callable, Iterable, Iterator

from chronicle.errors import ChronicleError, coding_failure
from chronicle.schema import Article, CoderInfo, Event
from chronicle.batching import batched

IN_FLIGHT_PER_THREAD = 2
"""Batches submitted ahead per worker thread: one being coded, one waiting, so none idles."""

CONNECT_TIMEOUT = 10
"""Seconds to wait for an existing scheduler to answer."""
WORKER_TIMEOUT = 60
"""Seconds to wait for an existing cluster to have at least one worker."""

LOCAL_WORKER_CONFIG = {"distributed": {"worker": {"profile": {"enabled": False}}}}
"""Dask settings of the workers of a local cluster. The statistical profiler interrupts the running
task every 10 ms to walk its stack, for a dashboard that is not started; without it a worker built
its Coder about 3% faster (mean of 5 builds each)."""

_LOCK = threading.Lock()
_CODER: tuple[tuple, object] | None = None
"""This worker process's (config, Coder): built once (``warm_coder``), reused for every batch."""


def _worker_coder(config: tuple):
    """The worker process's Coder for ``config`` (actor files, batch size, lexicon files), built once.

    A long-lived external cluster may serve ingests with other actor files: then the old Coder is
    dropped before the new one is built, so a worker holds one set of models at a time.
    """
    global _CODER
    if _CODER is None or _CODER[0] != config:
        _CODER = None
        from chronicle.pipeline import Coder

        actor_files, batch_size, lexicon_files = config
        _CODER = (config, Coder(actor_files=actor_files, lexicon_files=lexicon_files, batch_size=batch_size))
    return _CODER[1]


def warm_coder(config: tuple) -> dict | None:
    """Runs on a worker: build its Coder now, so its first batch does not wait for the models.

    An error is returned, not raised, and nobody reads it: the first batch meets it again and
    reports it (``code_batch``).
    """
    try:
        with _LOCK:
            _worker_coder(config)
    except ChronicleError as exc:
        return {"error": exc.message}
    return None


def code_batch(articles: list[dict], config: tuple) -> list[list[dict]] | dict:
    """Runs on a worker: code one batch, return each article's events as JSON dicts.

    Plain dicts cross process and machine boundaries without pickling pydantic classes. A
    ``ChronicleError`` (a malformed actor file, say) comes back as ``{"error": message}`` because its
    constructor signature does not survive pickling; the main process raises it again. The lock
    keeps a worker with several threads from running its one Coder concurrently.
    """
    failed: dict[str, str] = {}
    try:
        with _LOCK:
            coder = _worker_coder(config)
            batch = [Article.model_validate(a) for a in articles]
            coded = {a.id: events for a, events in coder.pipe(
                batch, batch_size=max(1, len(batch)),
                on_error=lambda article, exc: failed.__setitem__(article.id, coding_failure(exc)))}
    except ChronicleError as exc:
        return {"error": exc.message}
    # An article the worker could not code comes back as {"failed": reason}; the others as events.
    return [{"failed": failed[a.id]} if a.id in failed else
            [event.model_dump(mode="json") for event in coded.get(a.id, [])] for a in batch]


def worker_versions() -> dict[str, str]:
    """Runs on a worker: the coder and data version it would stamp (no model is loaded)."""
    from chronicle.version import DATA_VERSION, __version__

    return {"version": __version__, "data_version": DATA_VERSION}


class DaskCoder:
    """Stands in for a ``Coder`` in ``store.ingest``: ``pipe`` codes batches on a Dask cluster.

    Give ``workers`` (start a local cluster) or ``scheduler`` (an address), not both. Use it as a
    context manager, so the cluster it started is shut down. Actor files are passed as absolute
    paths: on an external cluster they must be readable at the same paths on the workers.
    """

    def __init__(self, *, workers: int | None = None, scheduler: str | None = None,
                 actor_files: Iterable[str] = (), batch_size: int = 16,
                 on_load: Callable[[bool], None] | None = None, lexicon_files: Iterable[str] = ()):
        if (workers is None) == (scheduler is None):
            raise ValueError("give either workers or scheduler")
        # Dask is an extra (chronicle[dask]): without it, one line now, before any article is read
        import importlib.util

        missing = [name for name in ("dask", "distributed") if importlib.util.find_spec(name) is None]
        if missing:
            raise ChronicleError(f"Dask is not installed (no module named {missing[0]!r}): install "
                                 "chronicle[dask] to code on a Dask cluster (pip install 'chronicle[dask]')")
        self.workers, self.scheduler, self.batch_size = workers, scheduler, batch_size
        self.actor_files = tuple(str(p) for p in actor_files)
        self.lexicon_files = tuple(str(p) for p in lexicon_files)
        self.config = (tuple(str(Path(p).resolve()) for p in self.actor_files), batch_size,
                       tuple(str(Path(p).resolve()) for p in self.lexicon_files))
        self.on_load = on_load or (lambda loading: None)
        self.cluster = None
        self.client = None
        self.warming: list = []     # the warm_coder futures, held so that Dask runs them

    @property
    def info(self) -> CoderInfo:
        """The versions stamped on stored events: this process's, which ``_connect`` checks the
        workers share."""
        return CoderInfo(**worker_versions())

    def _connect(self) -> None:
        import dask.config
        from distributed import Client, LocalCluster

        if self.workers is not None:
            self.cluster = LocalCluster(
                n_workers=self.workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                dashboard_address=None, silence_logs=logging.ERROR,
                # no dashboard; the scheduler's small HTTP server (health, metrics) still starts,
                # so bind it to a free port on 127.0.0.1 rather than to 8787, maybe in use
                scheduler_kwargs={"dashboard": False, "dashboard_address": "127.0.0.1:0"},
                # each worker's (and a restarted worker's) whole configuration
                config=dask.config.merge(dask.config.config, LOCAL_WORKER_CONFIG))
            self.client = Client(self.cluster)
            self._warm()
            return
        try:
            self.client = Client(self.scheduler, timeout=CONNECT_TIMEOUT)
            self.client.wait_for_workers(1, timeout=WORKER_TIMEOUT)
        except (OSError, TimeoutError, ValueError) as exc:
            self.close()
            raise ChronicleError(f"no Dask cluster with workers at {self.scheduler}: {exc}") from None
        try:
            versions = self.client.run(worker_versions)
        except Exception as exc:  # e.g. ModuleNotFoundError: chronicle is not installed there
            self.close()
            raise ChronicleError(f"the Dask workers at {self.scheduler} cannot run chronicle "
                                 f"({type(exc).__name__}: {exc}); install the same version there") from None
        mine = worker_versions()
        other = {addr: v for addr, v in versions.items() if v != mine}
        if other:
            self.close()
            addr, v = next(iter(other.items()))
            raise ChronicleError(f"Dask worker {addr} runs chronicle {v['version']} (data "
                                 f"{v['data_version']}), this process {mine['version']} (data "
                                 f"{mine['data_version']}); install the same version on every worker")
        self._warm()

    def _warm(self) -> None:
        """Start building the Coder on every worker now (``warm_coder``), pinned to that worker."""
        self.warming = [self.client.submit(warm_coder, self.config, workers=[address],
                                           allow_other_workers=False, pure=False)
                        for address in self.client.nthreads()]

    def pipe(self, articles: Iterable[Article], batch_size: int | None = None
             ) -> Iterator[tuple[Article, list[Event]]]:
        """Yield (article, events) in input order; ``batch_size`` articles make one task."""
        size = batch_size or self.batch_size
        for coded in self.pipe_batches(batched(articles, itertools.repeat(size))):
            yield from coded

    def pipe_batches(self, batches: Iterable[list[Article]], on_error=None
                     ) -> Iterator[list[tuple[Article, list[Event]]]]:
        """Code each batch as one task; yield each batch's (article, events) in input order."""
        stream = iter(batches)
        first = next(stream, None)
        if first is None:
            return
        if self.client is None:
            self.on_load(True)
            self._connect()
            self.on_load(False)
        ahead = IN_FLIGHT_PER_THREAD * max(1, sum(self.client.nthreads().values()))
        window: collections.deque = collections.deque()
        try:
            for batch in itertools.chain([first], stream):
                payload = [a.model_dump(mode="json") for a in batch]
                window.append((batch, self.client.submit(code_batch, payload, self.config, pure=False)))
                if len(window) >= ahead:
                    yield self._collect(*window.popleft(), on_error)
            while window:
                yield self._collect(*window.popleft(), on_error)
        finally:
            for _, future in window:
                future.cancel()

    def _collect(self, batch: list[Article], future, on_error=None) -> list[tuple[Article, list[Event]]]:
        result = future.result()
        future.release()
        if isinstance(result, dict):
            message = result["error"]
            for resolved, given in zip(self.config[0] + self.config[2], self.actor_files + self.lexicon_files):
                message = message.replace(resolved, given)    # name the file as the user did
            raise ChronicleError(message)
        coded = []
        for article, events in zip(batch, result, strict=True):
            if isinstance(events, dict):     # the worker could not code this article
                if on_error is None:
                    raise ChronicleError(f"cannot code article {article.id}: {events['failed']}")
                on_error(article, ChronicleError(events["failed"]))
                continue
            coded.append((article, [Event.model_validate(event) for event in events]))
        return coded

    def close(self) -> None:
        """Stop the cluster this runner started (an existing cluster is only disconnected)."""
        self.warming = []
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()
        self.client = self.cluster = None

    def __enter__(self) -> DaskCoder:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
