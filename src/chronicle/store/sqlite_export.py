"""The store as a SQLite file for datasette, sqlite-utils or any SQL tool: ``write_sqlite``.

The file holds the store's tables (``articles``, ``events``, ``event_actors``, ``merged_events``,
``reports``, ``quarantine``, and ``reviews`` when there are any; not the merge's working tables)
and its two views (``events_flat``, ``dyads``, the same SQL as in the store). Columns keep their
names; DuckDB types become SQLite's: dates and timestamps ISO text, booleans 0/1, JSON columns
JSON text, lists (``contexts``) a JSON list. Keys are declared as in the store, plus the links the store cannot declare (an actor to its
event, a report to its event and its merged event): the file is a snapshot, so nothing deletes
from it. A merge older than the stored events is left out (its tables are empty, ``merged`` is
False): its reports would point to events that are gone.

Beside the file goes ``metadata.json`` (from ``data/datasette/metadata.yaml``):
``datasette FILE -m metadata.json`` shows every column's meaning, opens the tables and views with
facets (event type, quad class, factuality, countries) and labels rows by their evidence sentence.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import sqlite3
import tempfile
from importlib import resources
from pathlib import Path

import duckdb
import yaml

from chronicle.store.db import Store, StoreError, first_line
from chronicle.store.query import merge_current
from chronicle.store.tables import SCHEMA_VERSION, VIEWS, method_categories

EXPORTED = ("articles", "events", "event_actors", "merged_events", "reports", "quarantine", "reviews")
"""The tables written, parents before children (``reviews``, of ``chronicle.store.reviews``, when the
store has it: a review outlives a re-code of its event, so it is tied to its article only)."""

KEYS = {
    "articles": ("PRIMARY KEY (seq)", "UNIQUE (content_hash)"),
    "events": ("PRIMARY KEY (article_seq, id)", "FOREIGN KEY (article_seq) REFERENCES articles (seq)"),
    "event_actors": ("PRIMARY KEY (article_seq, event_id, side, position)",
                     "FOREIGN KEY (article_seq, event_id) REFERENCES events (article_seq, id)"),
    "merged_events": ("PRIMARY KEY (id)",
                      "FOREIGN KEY (article_seq, event_id) REFERENCES events (article_seq, id)"),
    "reports": ("PRIMARY KEY (article_seq, event_id)", "FOREIGN KEY (merged_id) REFERENCES merged_events (id)",
                "FOREIGN KEY (article_seq, event_id) REFERENCES events (article_seq, id)"),
    "quarantine": (),
    "reviews": ("PRIMARY KEY (id)", "FOREIGN KEY (article_seq) REFERENCES articles (seq)"),
}
ORDER = {"articles": "seq", "events": "article_seq, position", "merged_events": "id",
         "event_actors": "article_seq, event_id, side, position", "reports": "merged_id, position",
         "quarantine": "rowid", "reviews": "id"}
INDEXES = ("events (event_type)", "events (date_first)", "events (location_country)",
           "event_actors (country)", "event_actors (actor_id)", "articles (published)")
"""Indexes for the facets and filters a datasette user reaches for first."""

PAGE = 5000
"""Rows copied per fetch."""


def _sqlite_type(duck_type: str) -> str:
    kind = duck_type.upper()
    if kind.endswith("[]") or kind in ("JSON", "VARCHAR", "DATE", "TIMESTAMP"):
        return "TEXT"
    if kind in ("DOUBLE", "FLOAT", "REAL") or kind.startswith("DECIMAL"):
        return "REAL"
    return "INTEGER"  # BIGINT, INTEGER, TINYINT, BOOLEAN


def _columns(store: Store, table: str) -> list[tuple[str, str, bool]]:
    """(name, SQLite type, NOT NULL) of a store table's columns, in order."""
    rows = store.conn.execute(
        "SELECT column_name, data_type, is_nullable FROM information_schema.columns "
        "WHERE table_schema = 'main' AND table_name = ? ORDER BY ordinal_position", [table]).fetchall()
    return [(name, _sqlite_type(kind), nullable == "NO") for name, kind, nullable in rows]


def _create_sql(table: str, columns: list[tuple[str, str, bool]]) -> str:
    parts = [f'"{name}" {kind}{" NOT NULL" if required else ""}' for name, kind, required in columns]
    return f"CREATE TABLE {table} (\n    " + ",\n    ".join(parts + list(KEYS[table])) + "\n)"


def _value(value):
    """A DuckDB value as SQLite stores it."""
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat(sep=" ") if isinstance(value, _dt.datetime) else value.isoformat()
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return int(value)
    return value


def _copy(store: Store, target: sqlite3.Connection, table: str, merged: bool) -> int:
    """Create ``table`` in ``target`` and copy its rows; the count copied."""
    columns = _columns(store, table)
    target.execute(_create_sql(table, columns))
    if table in ("merged_events", "reports") and not merged:
        return 0
    names = ", ".join(f'"{name}"' for name, _, _ in columns)
    insert = f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))})"
    cursor = store.conn.execute(f"SELECT {names} FROM {table} ORDER BY {ORDER[table]}")
    count = 0
    while rows := cursor.fetchmany(PAGE):
        target.executemany(insert, [tuple(_value(v) for v in row) for row in rows])
        count += len(rows)
    return count


def sqlite_views() -> str:
    """The store's views as SQLite creates them."""
    return VIEWS.replace("CREATE OR REPLACE VIEW", "CREATE VIEW")



def write_sqlite(store: Store, out_path: str | os.PathLike) -> dict:
    """Write the store to the SQLite file ``out_path`` (replaced whole, or left as it was when the
    export fails) and ``metadata.json`` beside it; return what was written: ``path``,
    ``metadata``, ``tables`` (rows per table) and ``merged`` (whether the merge was exported)."""
    if store.schema_version != SCHEMA_VERSION:
        raise StoreError(f"{store.path} has schema version {store.schema_version}: open it for writing "
                         f"once (for example 'chronicle dedupe') to upgrade it, then export")
    out = Path(out_path)
    merged = merge_current(store)
    temp = None
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
        os.close(fd)
        counts = _write(store, temp, merged)
        os.chmod(temp, 0o666 & ~_umask())      # as open() would create it, not mkstemp's 0600
        os.replace(temp, out)
    except (sqlite3.Error, duckdb.Error) as exc:
        raise StoreError(f"cannot write {out}: {first_line(exc)}") from None
    except OSError as exc:
        raise StoreError(f"cannot write {out}: {exc.strerror or exc}") from None
    finally:
        if temp is not None and os.path.exists(temp):
            os.unlink(temp)
    metadata = out.with_name("metadata.json")
    try:
        metadata.write_text(json.dumps(datasette_metadata(out.stem), indent=2, ensure_ascii=False) + "\n",
                            encoding="utf-8")
    except OSError as exc:
        raise StoreError(f"cannot write {metadata}: {exc.strerror or exc}") from None
    return {"path": str(out), "metadata": str(metadata), "tables": counts, "merged": merged}


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _write(store: Store, path: str, merged: bool) -> dict[str, int]:
    target = sqlite3.connect(path)
    try:
        target.execute("PRAGMA journal_mode = OFF")
        target.execute("PRAGMA synchronous = OFF")
        counts = {table: _copy(store, target, table, merged) for table in EXPORTED
                  if table != "reviews" or store.has_table(table)}
        for n, index in enumerate(INDEXES):
            target.execute(f"CREATE INDEX idx_{n}_{index.split()[0]} ON {index}")
        target.executescript(sqlite_views())
        target.commit()
        problems = target.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        target.close()
    if problems:
        raise sqlite3.IntegrityError(f"{len(problems)} rows point to rows that are not exported "
                                     f"(first: table {problems[0][0]})")
    return counts


def datasette_metadata(database: str) -> dict:
    """datasette's metadata for the export named ``database`` (the file's stem): titles, column
    descriptions and facets from ``data/datasette/metadata.yaml``."""
    text = resources.files("chronicle").joinpath("data", "datasette", "metadata.yaml").read_text("utf-8")
    spec = yaml.safe_load(text)
    categories = "; ".join(f"{name} ({entry['description'].rstrip('.')})"
                           for name, entry in method_categories().items())
    tables = spec.pop("tables")
    actors = tables["event_actors"]["columns"]
    actors["method"] = actors["method"].format(method_categories=categories)
    return {**spec, "databases": {database: {"tables": tables}}}
