"""Ingest articles into the store exactly once, and re-code them when the coder changes.

``ingest`` is idempotent and resumable: an article whose text (sha256) is already stored is skipped
before it is coded, and every batch (its articles, their events and the inputs refused meanwhile)
is written in one transaction. After a crash or ``kill -9`` the database holds whole batches only,
and running the same command again codes and stores the rest, each article once.

With ``ramp_up`` the first batches are smaller (1, 2, 4, ... articles, then ``batch_size``): a
batch's events are stored only when the whole batch is coded, so the first events of an ingest then
wait for one article to be coded rather than for ``batch_size`` of them.
"""

from __future__ import annotations

import datetime as _dt
import gzip
import itertools
import re
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from chronicle.schema import Article, CoderInfo, Event
from chronicle.record import Rejected
from chronicle.batching import batch_sizes, batched
from chronicle.store.db import Store

LOOKUP_CHUNK = 256
"""Inputs read ahead to look their hashes up in one query."""


Progress = Callable[..., None]
"""Called as ``progress(kind, n)`` with kind ``stored``, ``duplicate`` or ``recoded``, and as
``progress("quarantined", 1, rejected)`` with the ``Rejected`` input."""


@dataclass
class IngestStats:
    stored: int = 0        # new articles written
    duplicates: int = 0    # articles skipped: the same text is already stored (or seen this run)
    quarantined: int = 0   # inputs refused in this run (recorded once in the quarantine table)
    events: int = 0        # events written with the new articles

    def summary(self) -> str:
        """One line for the CLI: what the command stored, skipped and set aside."""
        return (f"stored {self.stored} articles ({self.events} events), skipped {self.duplicates} "
                f"as duplicates, quarantined {self.quarantined}")


@dataclass
class RecodeStats:
    recoded: int = 0
    events: int = 0

    def summary(self) -> str:
        """One line for the CLI: what the command stored, skipped and set aside."""
        return f"recoded {self.recoded} articles ({self.events} events)"


def coder_info(coder) -> CoderInfo:
    """The coder and data version a coder stamps on its events.

    A coder may say so itself (``coder.info``); Chronicle's ``Coder`` stamps the package version and
    ``DATA_VERSION``.
    """
    info = getattr(coder, "info", None)
    if isinstance(info, CoderInfo):
        return info
    from chronicle.version import DATA_VERSION, __version__

    return CoderInfo(version=__version__, data_version=DATA_VERSION)


def _now() -> _dt.datetime:
    return _dt.datetime.now(_dt.timezone.utc).replace(tzinfo=None)


def ingest(store: Store, items: Iterable[Article | Rejected], coder, batch_size: int = 16, *,
           limit: int | None = None, progress: Progress | None = None,
           ramp_up: bool = False) -> IngestStats:
    """Code and store the new articles of ``items``; quarantine the ``Rejected`` ones.

    ``limit`` stops after that many *new* articles, so repeated limited runs walk through a corpus.
    ``coder`` is anything whose ``pipe(articles, batch_size=)`` yields (article, events) in input
    order: a ``Coder``, or a ``store.distributed.DaskCoder`` that codes on a Dask cluster while
    this process alone writes the database; a coder may also take whole batches
    (``pipe_batches``, see ``_coded_batches``). ``ramp_up`` makes the first batches smaller
    (``batch_sizes``), so the first events are stored sooner; ``chronicle ingest`` turns it on.
    """
    run = _IngestRun(store, coder_info(coder), progress or (lambda kind, n, item=None: None))
    try:
        articles = run.fresh(items, limit)
        for batch in _coded_batches(coder, articles, batch_sizes(batch_size, ramp_up), batch_size, run.set_aside):
            run.write(batch)
        run.write([])                   # the inputs refused after the last article
    finally:
        run.excerpts.close()
    return run.stats


class _IngestRun:
    """The state of one ingest: what is handed to the coder and not yet committed, the inputs
    refused since the last write, and the counts."""

    def __init__(self, store: Store, info: CoderInfo, notify: Progress):
        self.store, self.info, self.notify = store, info, notify
        self.stats = IngestStats()
        self.inflight: set[str] = set()          # handed to the coder, not yet committed
        self.written: set[str] = set()           # committed since the last look-up of known hashes
        self.refused: list[tuple[str, str, str | None]] = []
        self.excerpts = _Excerpts()

    def fresh(self, items: Iterable[Article | Rejected], limit: int | None) -> Iterator[Article]:
        """The articles not stored yet (nor seen earlier in this run), up to ``limit``; rejected
        inputs are kept for the next write.

        A text is new unless the chunk's look-up found it stored (``known``), it is with the coder
        (``inflight``) or it was committed after that look-up (``written``): a copy read after its
        twin's batch was written, but looked up before, would otherwise be stored twice."""
        taken = 0
        if limit is not None and limit <= 0:
            return
        stream = iter(items)
        while chunk := list(itertools.islice(stream, LOOKUP_CHUNK)):
            self.written.clear()         # what was committed so far, the look-up sees
            known = self.store.known_hashes([i.content_hash for i in chunk if isinstance(i, Article)])
            for item in chunk:
                if isinstance(item, Rejected):
                    self.refused.append((item.where, item.reason, self.excerpts.get(item.where)))
                    self.stats.quarantined += 1
                    self.notify("quarantined", 1, item)
                    continue
                digest = item.content_hash
                if digest in known or digest in self.inflight or digest in self.written:
                    self.stats.duplicates += 1
                    self.notify("duplicate", 1)
                    continue
                self.inflight.add(digest)
                yield item
                taken += 1
                if limit is not None and taken >= limit:
                    return

    def set_aside(self, article: Article, exc: Exception) -> None:
        """An article the coder could not code: quarantined with the reason at the next write."""
        from chronicle.errors import coding_failure

        reason = f"cannot be coded ({coding_failure(exc)})"
        self.refused.append((f"article {article.id}", reason, article.text[:EXCERPT_CHARS]))
        self.stats.quarantined += 1
        self.notify("quarantined", 1, Rejected(f"article {article.id}", reason))

    def write(self, batch: list[tuple[Article, list[Event]]]) -> None:
        """Store a coded batch and the refused inputs so far in one transaction."""
        if not batch and not self.refused:
            return
        now = _now()
        with self.store.transaction():
            self.store.add_articles(batch, self.info, now)
            self.store.add_quarantine(self.refused, now)
        self.refused.clear()
        for article, events in batch:
            self.inflight.discard(article.content_hash)
            self.written.add(article.content_hash)
            self.stats.events += len(events)
        self.stats.stored += len(batch)
        if batch:
            self.notify("stored", len(batch))


def _coded_batches(coder, articles: Iterable[Article], sizes: Iterable[int], batch_size: int,
                   on_error=None) -> Iterator[list[tuple[Article, list[Event]]]]:
    """Each batch (of ``sizes`` articles) with its events, in input order, as soon as it is coded.

    A coder with ``pipe_batches(batches)``, which yields each batch's list of (article, events)
    (the CLI's ``LazyCoder``, ``DaskCoder``), is handed these very batches, so a small first batch
    is coded, and comes back, on its own. Any other coder (a ``Coder``) is handed the stream and
    batches it by ``batch_size`` itself; its output is cut into the same batches, so what is
    written, and in which transactions, does not depend on the coder. An article the coder cannot
    code goes to ``on_error`` (when the coder takes one) and the rest of its batch is stored.
    """
    pipe_batches = getattr(coder, "pipe_batches", None)
    if pipe_batches is not None:
        extra = {"on_error": on_error} if on_error and takes_keyword(pipe_batches, "on_error") else {}
        return pipe_batches(batched(articles, sizes), **extra)
    extra = {"on_error": on_error} if on_error and takes_keyword(coder.pipe, "on_error") else {}
    return batched(coder.pipe(articles, batch_size=batch_size, **extra), sizes)


def takes_keyword(method, name: str) -> bool:
    """Whether ``method`` accepts the keyword ``name`` (test doubles and older coders may not)."""
    import inspect

    try:
        return name in inspect.signature(method).parameters
    except (TypeError, ValueError):
        return False


def recode(store: Store, coder, batch_size: int = 16, *,
           progress: Progress | None = None) -> RecodeStats:
    """Re-code stored articles coded by another coder or data version; replace their events.

    Each batch is replaced in one transaction, so an interrupted recode is finished by running it
    again.
    """
    stats = RecodeStats()
    info = coder_info(coder)
    after = 0
    while True:
        chunk = store.articles_to_recode(info, after, batch_size)
        if not chunk:
            return stats
        coded = list(coder.pipe([article for _, article in chunk], batch_size=batch_size))
        pairs = [(seq, events) for (seq, _), (_, events) in zip(chunk, coded)]
        with store.transaction():
            store.replace_events(pairs, info)
        stats.recoded += len(pairs)
        stats.events += sum(len(events) for _, events in pairs)
        if progress:
            progress("recoded", len(pairs))
        after = chunk[-1][0]


_AT_LINE = re.compile(r"^(?P<path>.+):(?P<line>\d+)$")
EXCERPT_CHARS = 300


class _Excerpts:
    """The raw input behind a ``Rejected``: line N of ``file:N``, or the start of a whole file.

    Refused lines of a file arrive in increasing order, so one handle per file is kept open and read
    forward: quarantining many lines of a large file stays linear.
    """

    def __init__(self):
        self._path: str | None = None
        self._handle = None
        self._line = 0

    def get(self, where: str) -> str | None:
        try:
            match = _AT_LINE.match(where)
            if match and Path(match["path"]).is_file():
                return self._line_of(match["path"], int(match["line"]))
            if Path(where).is_file():
                with open(where, "rb") as handle:
                    return _decode(handle.read(EXCERPT_CHARS))
        except (OSError, EOFError, zlib.error):
            self.close()
        return None

    def _line_of(self, path: str, wanted: int) -> str | None:
        if path != self._path or wanted <= self._line:
            self.close()
            opener = gzip.open if path.lower().endswith(".gz") else open
            self._handle, self._path, self._line = opener(path, "rb"), path, 0
        for raw in self._handle:
            self._line += 1
            if self._line == wanted:
                return _decode(raw[:EXCERPT_CHARS]).rstrip("\r\n")
        return None

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
        self._handle, self._path, self._line = None, None, 0


def _decode(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")
