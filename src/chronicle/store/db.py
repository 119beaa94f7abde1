"""The corpus store: one embedded DuckDB file holding articles, their events and what was refused.

Tables (``schema_version`` 5; keys, views and upgrades in ``chronicle.store.tables``):

* ``articles``: one row per distinct text (``content_hash`` = sha256 of the text, UNIQUE), with the
  article's own ``id``, metadata, ``ingested_at`` and the coder/data version that coded it. ``seq``
  is the ingest order and the primary key; events point to it. ``published_assumed`` is true when
  ``published`` is the user's ``--published`` fallback, not a date the article carries.
* ``events``: one row per Event: scalar fields as columns, ``date``/``location`` flattened for
  filtering *and* kept whole as JSON, other nested fields (``factuality_cue``, ``attribution``,
  ``size``, ``casualties``, ``confidences``) as JSON, plus ``coder_version`` and ``data_version``;
  ``repeats`` (JSON) holds the article's later reports merged into the event: each one's trigger and
  the words naming the event's actors there (rows written before session 15 have only the trigger);
  ``proposed_by`` says whether the rules or the learned model proposed it.
* ``event_actors``: the source and target actors of each event (``side`` is ``source`` or
  ``target``, ``position`` the index in that list; ``role`` is the actor's role, "prime minister";
  ``method`` the category of how it was coded, ``method_detail`` the coder's own method string).
* ``quarantine``: inputs that could not become articles (``where``, ``reason``, raw ``excerpt``).
* ``merged_events``: one row per real event after cross-article merging (``chronicle dedupe``,
  ``chronicle.dedup.store``): its ``id`` (a hash of its reports, stable across runs and databases),
  its representative event (``article_seq``, ``event_id``: the report with the most evidence) and
  ``num_mentions``, ``num_articles``, ``num_sources`` (distinct known outlets).
* ``reports``: one row per stored event once merged: the ``merged_id`` it belongs to, the event
  (``article_seq``, ``event_id``), its ``position`` among the merged event's reports and the outlet
  (``source``) it was counted under. Both tables are rewritten whole by each merge; empty before.

Every batch is written in one transaction, so a crash (even ``kill -9``) leaves either the whole
batch (articles and their events) or none of it.

Views: ``events_flat`` (an event with its article and first actors) and ``dyads`` (source x target).

Older databases are upgraded when opened for writing (1 -> 2: the merge tables; 2 -> 3: keys,
``published_assumed``, the method category, the views; 3 -> 4: ``events.repeats``; 4 -> 5: ``events.proposed_by``); opened read-only they still export events
(a version 1 database not merged events).

Opening is careful, because the file is the user's: DuckDB never installs or loads an extension
(a SQLite file given as ``--db`` is refused, not handed to a downloaded scanner), a 0-byte file left
by a create that hit a full disk is treated as absent, a file another process holds is waited for
up to ``lock_timeout`` seconds and then refused naming that process, and a writer is refused up
front when the file or its folder is read-only (DuckDB writes ``FILE.wal`` beside it), before
anything is coded. Damaged files, at opening or later, are reported in one line.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import re
import time
from pathlib import Path
from typing import Callable, Iterable, Sequence

import duckdb

from chronicle.errors import ChronicleError
from chronicle.schema import Actor, Article, CoderInfo, Event
from chronicle.store.tables import CREATE, SCHEMA_VERSION, method_category, migrations

_MIGRATIONS = migrations()
"""SQL that upgrades a database from the version of the key to the next one."""

MERGED_COLUMNS = ("id", "article_seq", "event_id", "num_mentions", "num_articles", "num_sources")
REPORT_COLUMNS = ("merged_id", "article_seq", "event_id", "position", "source")
TABLES = ("articles", "events", "event_actors", "quarantine", "reports", "merged_events")

EVENT_COLUMNS = (
    "article_seq", "position", "id", "doc_id", "sentence_index", "sentence", "event_type", "mode",
    "contexts", "cameo", "quad_class", "goldstein", "factuality", "factuality_cue", "reciprocal",
    "trigger_text", "trigger_start", "trigger_end", "date_value", "date_precision", "date_first",
    "date_last", "date", "location_name", "location_country", "location_admin1", "location_lat",
    "location_lon", "location_geonameid", "location", "attribution", "size", "casualties",
    "confidence", "confidences", "mentions", "coder_version", "data_version", "repeats", "proposed_by",
)
OPTIONAL_EVENT_COLUMNS = ("repeats", "proposed_by")
"""``events`` columns an older store lacks (version 3 had no ``repeats``, version 4 no
``proposed_by``): read as null from a store opened read-only, which is not upgraded."""


def event_columns_sql(present: Iterable[str], alias: str = "e", skip: tuple[str, ...] = ()) -> str:
    """The ``EVENT_COLUMNS`` (less ``skip``) of ``events`` as ``alias``, for a SELECT whose rows
    ``row_to_event`` reads; an optional column not in ``present`` (the optional columns the table
    has) is selected as null, so an older store read as it is gives the same row shape."""
    prefix = f"{alias}." if alias else ""
    return ", ".join(f'{prefix}"{c}"' if c in present or c not in OPTIONAL_EVENT_COLUMNS
                     else f'NULL AS "{c}"' for c in EVENT_COLUMNS if c not in skip)


ACTOR_COLUMNS = ("article_seq", "event_id", "side", "position", "text", "start", "end", "name",
                 "actor_id", "country", "sector", "role", "method", "confidence", "method_detail")
ARTICLE_COLUMNS = ("id", "content_hash", "title", "published", "source", "url", "text",
                   "ingested_at", "coder_version", "data_version", "published_assumed")


class StoreError(ChronicleError):
    """The corpus database cannot be opened, is not Chronicle's, or a write failed."""

    code = "E005"


DUCKDB_CONFIG = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}
"""Every connection: the store never reaches the network (nor loads an extension behind the
user's back); the extensions Chronicle uses (json, parquet) are built into the duckdb wheel.
DuckDB's own progress bar (drawn on the terminal by any query over 2 s: an upgrade, a large export)
is turned off on every connection (``Store``): the commands report progress themselves."""

LOCK_POLL = 0.2
"""Seconds between two attempts to open a database another process holds."""

_SQLITE_MAGIC = b"SQLite format 3\x00"
_LOCK_HOLDER = re.compile(r"Conflicting lock is held in (?P<program>.*?) \(PID (?P<pid>\d+)\)")
_DAMAGE = re.compile(r"Could not read enough bytes|Corrupt database file|checksum|"
                     r"Serialization Error|INTERNAL Error", re.IGNORECASE)

Waiting = Callable[[str], None]
"""Told once, in one line, that the database is held by another process and opening will wait."""


def _quote(name: str) -> str:
    return f'"{name}"'


def _insert_sql(table: str, columns: Sequence[str], rows: int = 1) -> str:
    cols = ", ".join(_quote(c) for c in columns)
    one = f"({', '.join('?' * len(columns))})"
    return f"INSERT INTO {table} ({cols}) VALUES {', '.join([one] * rows)}"


INSERT_CHUNK = 200
"""Rows per multi-row INSERT (several times faster than executemany's row-at-a-time inserts)."""


def _json(model) -> str | None:
    return None if model is None else model.model_dump_json()


def period(value: str, precision: str | None = None) -> tuple[_dt.date, _dt.date]:
    """``2024``, ``2024-05`` or ``2024-05-06`` -> its first and last day; a ``week`` (its value is
    its Monday) -> Monday and Sunday."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        day = _dt.date(*parts)
        return day, day + _dt.timedelta(days=6 if precision == "week" else 0)
    if len(parts) == 2:
        first = _dt.date(parts[0], parts[1], 1)
        nxt = _dt.date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
        return first, nxt - _dt.timedelta(days=1)
    return _dt.date(parts[0], 1, 1), _dt.date(parts[0], 12, 31)


def event_row(seq: int, position: int, e: Event) -> tuple:
    """The ``events`` table row of one event (date period and place flattened for filtering)."""
    first = last = None
    if e.date is not None:
        first, last = period(e.date.value, e.date.precision)
    loc = e.location
    return (
        seq, position, e.id, e.doc_id, e.sentence_index, e.sentence, e.event_type, e.mode,
        list(e.contexts), e.cameo, e.quad_class, e.goldstein, e.factuality, _json(e.factuality_cue),
        e.reciprocal, e.trigger.text, e.trigger.start, e.trigger.end,
        e.date.value if e.date else None, e.date.precision if e.date else None, first, last,
        _json(e.date), loc.name if loc else None, loc.country if loc else None,
        loc.admin1 if loc else None, loc.lat if loc else None, loc.lon if loc else None,
        loc.geonameid if loc else None, _json(loc), _json(e.attribution), _json(e.size),
        _json(e.casualties), e.confidence, _json(e.confidences), e.mentions,
        e.coder.version, e.coder.data_version, json.dumps([r.model_dump() for r in e.repeats]),
        e.proposed_by,
    )


def actor_rows(seq: int, e: Event) -> list[tuple]:
    """The ``event_actors`` rows of one event: one per actor and side, for actor filters and dyads;
    ``method`` is the category of the coder's method, ``method_detail`` the method itself."""
    return [
        (seq, e.id, side, i, a.text, a.start, a.end, a.name, a.actor_id, a.country, a.sector,
         a.role, method_category(a.method), a.confidence, a.method)
        for side, actors in (("source", e.source), ("target", e.target))
        for i, a in enumerate(actors)
    ]


def row_to_event(row: dict, actors: Iterable[dict]) -> Event:
    """Rebuild the Event from its ``events`` row and its ``event_actors`` rows (the actor's method
    is ``method_detail``; a row without it, from a version 2 store, has it in ``method``)."""
    load = lambda v: None if v is None else json.loads(v)  # noqa: E731
    sides: dict[str, list[tuple[int, Actor]]] = {"source": [], "target": []}
    for a in actors:
        fields = {k: a[k] for k in ("text", "start", "end", "name", "actor_id", "country", "sector",
                                    "role", "confidence")}
        fields["method"] = a["method_detail"] if "method_detail" in a else a["method"]
        sides[a["side"]].append((a["position"], Actor(**fields)))
    return Event(
        id=row["id"], doc_id=row["doc_id"], sentence_index=row["sentence_index"],
        sentence=row["sentence"], event_type=row["event_type"], mode=row["mode"],
        contexts=list(row["contexts"] or []), cameo=row["cameo"], quad_class=row["quad_class"],
        goldstein=row["goldstein"], factuality=row["factuality"],
        factuality_cue=load(row["factuality_cue"]),
        source=[a for _, a in sorted(sides["source"], key=lambda p: p[0])],
        target=[a for _, a in sorted(sides["target"], key=lambda p: p[0])],
        reciprocal=row["reciprocal"],
        trigger={"text": row["trigger_text"], "start": row["trigger_start"], "end": row["trigger_end"]},
        date=load(row["date"]), location=load(row["location"]), attribution=load(row["attribution"]),
        size=load(row["size"]), casualties=load(row["casualties"]), confidence=row["confidence"],
        confidences=load(row["confidences"]), mentions=row["mentions"],
        repeats=load(row["repeats"]) or [], proposed_by=row.get("proposed_by") or "rules",
        coder={"version": row["coder_version"], "data_version": row["data_version"]},
    )


class Store:
    """The corpus database at ``path`` (created when missing, unless ``read_only`` or not ``create``).

    >>> with Store("chronicle.duckdb") as store:
    ...     print(store.counts())
    """

    def __init__(self, path: str | os.PathLike, *, read_only: bool = False, create: bool = True,
                 lock_timeout: float = 0.0, on_wait: Waiting | None = None):
        """Open (or create) the database; ``lock_timeout`` seconds are spent waiting for another
        process that holds the file, ``on_wait`` is told once when that wait starts."""
        self.path = str(path)
        self.read_only = read_only
        _preflight(self.path, read_only=read_only, create=create)
        self.conn = _connect(self.path, read_only, lock_timeout, on_wait)
        try:
            self.conn.execute("SET enable_progress_bar = false")
            self._check_schema()
        except duckdb.Error as exc:
            self.conn.close()
            raise store_error(self.path, exc, "open") from None
        except BaseException:
            self.conn.close()
            raise

    # -- lifecycle -------------------------------------------------------------------------------
    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Close the DuckDB connection (releases the file lock for other processes)."""
        self.conn.close()

    def _check_schema(self) -> None:
        tables = {r[0] for r in self.conn.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()}
        if "schema_version" not in tables:
            if tables:
                raise StoreError(f"{self.path} is a DuckDB database but not a Chronicle corpus "
                                 f"(no schema_version table)")
            if self.read_only:
                raise StoreError(f"{self.path} is an empty database (run 'chronicle ingest' first)")
            with self.transaction():
                self.conn.execute(CREATE)
                self.conn.execute("INSERT INTO schema_version VALUES (?)", [SCHEMA_VERSION])
            return
        row = self.conn.execute("SELECT max(version) FROM schema_version").fetchone()
        version = row[0] if row else None
        if version in _MIGRATIONS and not self.read_only:
            with self.transaction():  # every step or none
                while version != SCHEMA_VERSION:
                    self.conn.execute(_MIGRATIONS[version])
                    version += 1
                self.conn.execute("UPDATE schema_version SET version = ?", [version])
        elif version in _MIGRATIONS:
            return  # an older database opened read-only: readable as it is, upgraded when written
        if version != SCHEMA_VERSION:
            raise StoreError(f"{self.path} has schema version {version}; this Chronicle reads "
                             f"version {SCHEMA_VERSION}")

    @property
    def schema_version(self) -> int:
        """The store's schema version (upgraded on the first write by a newer Chronicle)."""
        return self.conn.execute("SELECT max(version) FROM schema_version").fetchone()[0]

    def transaction(self):
        """A transaction context: a batch and its events are stored together or not at all."""
        return _Transaction(self.conn, self.path)

    # -- reads -----------------------------------------------------------------------------------
    def has_article(self, content_hash: str) -> bool:
        """Whether an article with this content hash is stored (re-ingests skip it)."""
        return self.conn.execute("SELECT 1 FROM articles WHERE content_hash = ?",
                                 [content_hash]).fetchone() is not None

    def known_hashes(self, hashes: Sequence[str]) -> set[str]:
        """Which of ``hashes`` are stored already (one query for many articles)."""
        if not hashes:
            return set()
        rows = self.conn.execute("SELECT content_hash FROM articles WHERE content_hash IN "
                                 "(SELECT unnest(?::VARCHAR[]))", [list(hashes)]).fetchall()
        return {r[0] for r in rows}

    def has_table(self, name: str) -> bool:
        """Whether the table exists (older stores lack the dedup tables until the first merge)."""
        return self.conn.execute("SELECT 1 FROM information_schema.tables WHERE table_schema = 'main' "
                                 "AND table_name = ?", [name]).fetchone() is not None

    def has_column(self, table: str, column: str) -> bool:
        """Whether ``table`` has ``column`` (an older store opened read-only lacks newer columns)."""
        return self.conn.execute("SELECT 1 FROM information_schema.columns WHERE table_schema = 'main' "
                                 "AND table_name = ? AND column_name = ?", [table, column]).fetchone() is not None

    def event_columns(self, alias: str = "e", skip: tuple[str, ...] = ()) -> str:
        """``event_columns_sql`` for this store's ``events`` table."""
        present = [c for c in OPTIONAL_EVENT_COLUMNS if self.has_column("events", c)]
        return event_columns_sql(present, alias, skip)

    def counts(self) -> dict[str, int]:
        """Rows per table (tables an older database opened read-only lacks are left out)."""
        return {t: self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in TABLES if self.has_table(t)}

    def articles_to_recode(self, info: CoderInfo, after: int, limit: int) -> list[tuple[int, Article]]:
        """Up to ``limit`` stored articles (seq > ``after``) coded by another coder/data version."""
        rows = self.conn.execute(
            "SELECT seq, id, text, title, published, source, url, published_assumed FROM articles "
            "WHERE seq > ? AND (coder_version IS DISTINCT FROM ? OR data_version IS DISTINCT FROM ?) "
            "ORDER BY seq LIMIT ?", [after, info.version, info.data_version, limit]).fetchall()
        return [(seq, Article(id=i, text=t, title=ti, published=p, source=s, url=u,
                              published_assumed=bool(assumed)))
                for seq, i, t, ti, p, s, u, assumed in rows]

    def quarantined(self) -> list[tuple[str, str, str | None]]:
        """Every quarantined input: where, why and an excerpt, in the order they were set aside."""
        return self.conn.execute(
            'SELECT "where", reason, excerpt FROM quarantine ORDER BY rowid').fetchall()

    # -- writes (callers wrap them in ``transaction()``) ------------------------------------------
    def add_articles(self, pairs: Sequence[tuple[Article, list[Event]]], info: CoderInfo,
                     now: _dt.datetime) -> list[int]:
        """Insert the articles of ``pairs`` and their events; return the articles' seqs."""
        if not pairs:
            return []
        seqs = [r[0] for r in self.conn.execute(
            "SELECT nextval('article_seq') FROM range(?)", [len(pairs)]).fetchall()]
        self._insert_rows("articles", ("seq",) + ARTICLE_COLUMNS, [
            (seq, a.id, a.content_hash, a.title, a.published, a.source, a.url, a.text, now,
             info.version, info.data_version, a.published_assumed)
            for seq, (a, _) in zip(seqs, pairs)])
        self._insert_events([(seq, events) for seq, (_, events) in zip(seqs, pairs)])
        return seqs

    def replace_events(self, coded: Sequence[tuple[int, list[Event]]], info: CoderInfo) -> None:
        """Replace the events of the articles ``seq`` with new ones (re-coding)."""
        if not coded:
            return
        seqs = [seq for seq, _ in coded]
        marks = ", ".join("?" * len(seqs))
        self.conn.execute(f"DELETE FROM event_actors WHERE article_seq IN ({marks})", seqs)
        self.conn.execute(f"DELETE FROM events WHERE article_seq IN ({marks})", seqs)
        self._insert_events(coded)
        self.conn.execute(f"UPDATE articles SET coder_version = ?, data_version = ? "
                          f"WHERE seq IN ({marks})", [info.version, info.data_version, *seqs])

    def _insert_events(self, coded: Sequence[tuple[int, list[Event]]]) -> None:
        events = [event_row(seq, i, e) for seq, evs in coded for i, e in enumerate(evs)]
        actors = [row for seq, evs in coded for e in evs for row in actor_rows(seq, e)]
        self._insert_rows("events", EVENT_COLUMNS, events)
        self._insert_rows("event_actors", ACTOR_COLUMNS, actors)

    def _insert_rows(self, table: str, columns: Sequence[str], rows: Sequence[tuple]) -> None:
        for start in range(0, len(rows), INSERT_CHUNK):
            chunk = rows[start:start + INSERT_CHUNK]
            self.conn.execute(_insert_sql(table, columns, len(chunk)),
                              [value for row in chunk for value in row])

    def replace_merged(self, merged: Sequence[tuple], reports: Sequence[tuple]) -> None:
        """Replace the whole merge: ``merged`` rows of ``MERGED_COLUMNS``, ``reports`` rows of
        ``REPORT_COLUMNS`` (callers wrap it in ``transaction()``)."""
        self.conn.execute("DELETE FROM reports")
        self.conn.execute("DELETE FROM merged_events")
        self._insert_rows("merged_events", MERGED_COLUMNS, merged)
        self._insert_rows("reports", REPORT_COLUMNS, reports)

    def add_quarantine(self, items: Iterable[tuple[str, str, str | None]], now: _dt.datetime) -> int:
        """Record refused inputs; one already recorded (same where and reason) is not repeated."""
        added = 0
        for where, reason, excerpt in items:
            known = self.conn.execute('SELECT 1 FROM quarantine WHERE "where" = ? AND reason = ?',
                                      [where, reason]).fetchone()
            if known is None:
                self.conn.execute('INSERT INTO quarantine VALUES (?, ?, ?, ?)',
                                  [where, reason, excerpt, now])
                added += 1
        return added


class _Transaction:
    """``with store.transaction():`` BEGIN ... COMMIT, or ROLLBACK on any exception."""

    def __init__(self, conn, path: str = "the database"):
        self.conn, self.path = conn, path

    def __enter__(self):
        self.conn.execute("BEGIN TRANSACTION")
        return self.conn

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            try:
                self.conn.execute("COMMIT")
            except duckdb.Error as err:
                raise _write_error(self.path, err) from None
        else:
            try:
                self.conn.execute("ROLLBACK")
            except duckdb.Error:
                pass
            if isinstance(exc, duckdb.Error):
                raise _write_error(self.path, exc) from None


def _write_error(path: str, exc: BaseException) -> StoreError:
    """A failed write in one line: a damaged file says so (re-running cannot help), anything else
    (a full disk) says the batch was not written (re-running after fixing it finishes the work)."""
    if _DAMAGE.search(first_line(exc)):
        return store_error(path, exc)
    return StoreError(f"cannot write the batch to {path}: {first_line(exc)}")


_ERRNO = re.compile(r'"errno"\s*:\s*"?(?P<errno>\d+)')
_DETAIL = re.compile(r'"exception_message"\s*:\s*"(?P<message>(?:[^"\\]|\\.)*)"')


def first_line(exc: BaseException) -> str:
    """The first line of an exception's message: errors are reported in one line.

    DuckDB appends the operating system's error as JSON to some messages (``{"exception_type":
    "IO", ..., "errno": "28"}``): that becomes its plain text, "No space left on device"."""
    text = str(exc).strip().splitlines()
    line = text[0] if text else type(exc).__name__
    errno = _ERRNO.search(line)
    if errno and int(errno["errno"]) > 0:
        return os.strerror(int(errno["errno"]))
    detail = _DETAIL.search(line)
    if detail:
        try:
            return json.loads(f'"{detail["message"]}"')
        except ValueError:
            return detail["message"]
    return line


def store_error(path: str, exc: BaseException, doing: str = "use") -> StoreError:
    """A DuckDB error met while using (``doing``: opening, ...) the database at ``path`` as one
    line naming the file: a damaged file says so, anything else says what DuckDB said."""
    line = first_line(exc)
    if _DAMAGE.search(line):
        return StoreError(f"{path} is damaged or not a DuckDB database: {line}")
    return StoreError(f"cannot {doing} database {path}: {line}")


# -- opening --------------------------------------------------------------------------------------
def _preflight(path: str, *, read_only: bool, create: bool) -> None:
    """Refuse, before DuckDB touches it, what cannot be (or become) a Chronicle database: a folder,
    a missing or empty file when one must exist, a SQLite file, a writer's read-only file or folder.
    A file that holds nothing (0 bytes, or part of DuckDB's headers: a create cut short by a full
    disk) is treated as absent: a writer creates the database afresh."""
    target = Path(path)
    if target.is_dir():
        raise StoreError(f"cannot open database {path}: it is a directory")
    hollow = _holds_nothing(target)
    if read_only or not create:
        if not target.exists() or hollow:
            what = f": {hollow}" if hollow else ""
            raise StoreError(f"no database at {path}{what} (run 'chronicle ingest' first)")
    if not hollow and target.exists():
        _refuse_foreign(target)
    if not read_only:
        _check_writable(target)
        if hollow:
            _drop_hollow(target)


HEADER_BYTES = 3 * 4096
"""DuckDB's file header and its two database headers: a new, empty database is this long, and no
table data lies before their end."""


def _holds_nothing(target: Path) -> str | None:
    """Why ``target`` cannot hold any data (0 bytes; shorter than DuckDB's headers and made of
    their first bytes or of zeros), or None: such a file is what a create cut short leaves."""
    try:
        if not target.is_file() or target.stat().st_size >= HEADER_BYTES:
            return None
        data = target.read_bytes()
    except OSError:
        return None
    if not data:
        return "the file is empty"
    if data[8:12] == b"DUCK" or not data.strip(b"\0"):
        return f"the file holds only {len(data)} bytes of a database header"
    return None


def _refuse_foreign(target: Path) -> None:
    """A SQLite file is not handed to DuckDB (which would want its sqlite extension for it)."""
    try:
        with open(target, "rb") as handle:
            head = handle.read(len(_SQLITE_MAGIC))
    except OSError as exc:
        raise StoreError(f"cannot open database {target}: {exc.strerror or exc}") from None
    if head == _SQLITE_MAGIC:
        raise StoreError(f"{target} is not a Chronicle database: it is a SQLite database file")


def _check_writable(target: Path) -> None:
    """A writer needs the file and its folder writable (DuckDB keeps ``FILE.wal`` beside the file):
    refuse now rather than after coding a batch that then cannot be committed."""
    folder = Path(os.path.dirname(os.path.abspath(target)))
    if not folder.is_dir():
        raise StoreError(f"cannot create database {target}: there is no folder {folder}")
    if not os.access(folder, os.W_OK):
        raise StoreError(f"cannot write database {target}: its folder {folder} is read-only "
                         f"(DuckDB writes {target.name}.wal beside it)")
    if target.exists() and not os.access(target, os.W_OK):
        raise StoreError(f"cannot write database {target}: the file is read-only "
                         f"('chronicle export' can still read it)")


def _drop_hollow(target: Path) -> None:
    """Remove a file that holds nothing so that DuckDB creates the database afresh; left alone
    when another process holds it (opening then waits for that process, as for any holder)."""
    try:
        import fcntl
    except ImportError:  # not POSIX: DuckDB holds the file open, so removing it fails when in use
        fcntl = None
    try:
        with open(target, "r+b") as handle:
            if fcntl is not None:
                fcntl.lockf(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            if os.fstat(handle.fileno()).st_size < HEADER_BYTES:
                target.unlink()
    except OSError:
        pass  # held or gone: DuckDB's own error (or wait) follows


def _connect(path: str, read_only: bool, timeout: float, on_wait: Waiting | None):
    """Connect, waiting up to ``timeout`` seconds while another process holds the file; then
    refuse naming it (DuckDB lets one process write a file, or several read it)."""
    deadline = time.monotonic() + max(0.0, timeout)
    told = False
    while True:
        try:
            return duckdb.connect(path, read_only=read_only, config=dict(DUCKDB_CONFIG))
        except duckdb.Error as exc:
            holder = lock_holder(exc)
            if holder is None:
                raise store_error(path, exc, "open") from None
            left = deadline - time.monotonic()
            if left <= 0:
                raise _busy(path, holder, read_only, timeout) from None
            if not told and on_wait is not None:
                on_wait(f"{path} is in use by {holder}; waiting up to {timeout:g} s for it")
                told = True
            time.sleep(min(LOCK_POLL, left))


def _busy(path: str, holder: str, read_only: bool, timeout: float) -> StoreError:
    """The refusal after waiting for ``holder``: what it does to the file and what to do."""
    waited = f"gave up after waiting {timeout:g} s (--lock-timeout)"
    if read_only:  # readers share the file: the holder writes it
        return StoreError(f"cannot read {path}: {holder} is writing it; {waited}: "
                          f"try again when it has finished")
    return StoreError(f"cannot write {path}: it is in use by {holder}; {waited}: "
                      f"try again when it has finished")


def lock_holder(exc: BaseException) -> str | None:
    """``process 1234 (chronicle ingest news/)`` when ``exc`` is DuckDB's "Could not set lock"
    error (its text names the holder's PID and program), else None."""
    text = str(exc)
    if "Could not set lock" not in text:
        return None
    match = _LOCK_HOLDER.search(text)
    if match is None:
        return "another process"
    pid = int(match["pid"])
    return f"process {pid} ({_command_of(pid) or os.path.basename(match['program'])})"


def _command_of(pid: int) -> str | None:
    """The command line of process ``pid`` (``chronicle ingest news/``), shortened; None when the
    system does not say (not Linux, or the process has ended)."""
    try:
        args = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace").split("\0")
    except OSError:
        return None
    args = [a for a in args if a]
    if not args:
        return None
    if os.path.basename(args[0]).startswith("python") and len(args) > 1 and not args[1].startswith("-"):
        args = args[1:]                         # "python /venv/bin/chronicle ingest" -> chronicle
    args[0] = os.path.basename(args[0])
    command = " ".join(" ".join(args).split())      # one line, whatever the arguments hold
    return command if len(command) <= 80 else command[:77] + "..."
