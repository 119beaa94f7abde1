"""Reading events back out of the store: filters, a streaming iterator, and Parquet export.

Events stream in pages (keyset pagination on ingest order), so exporting a corpus of any size holds
one page in memory. Dates filter on the event's own date *period*: an event dated ``2024-05``
(month precision) matches ``--since 2024-05-20`` because the month overlaps it. Events without a
date never match a date filter.
"""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterator, NamedTuple

import duckdb

from chronicle.store.db import EVENT_COLUMNS, Store, StoreError, first_line, row_to_event
from chronicle.schema import Event


@dataclass(frozen=True)
class EventFilter:
    """Which events to export. Empty fields do not filter.

    ``country`` (ISO alpha-3, or IGO/NGO/MNC) matches an event whose source or target actor has that
    country, or whose location is in it.
    """

    event_types: tuple[str, ...] = ()
    country: str | None = None
    factuality: str | None = None


class ArticleRef(NamedTuple):
    """The stored article an event came from (what the GDELT writer needs besides the Event)."""

    seq: int
    id: str
    content_hash: str
    url: str | None
    source: str | None
    published: _dt.date | None
    ingested_at: _dt.datetime


def where_clause(since: _dt.date | None, until: _dt.date | None,
                 filters: EventFilter | None) -> tuple[str, list]:
    """SQL condition on ``events e`` and its parameters."""
    f = filters or EventFilter()
    parts, params = ["TRUE"], []
    if since is not None:
        parts.append("e.date_last >= ?")
        params.append(since)
    if until is not None:
        parts.append("e.date_first <= ?")
        params.append(until)
    if f.event_types:
        parts.append(f"e.event_type IN ({', '.join('?' * len(f.event_types))})")
        params.extend(f.event_types)
    if f.country:
        parts.append("(e.location_country = ? OR EXISTS (SELECT 1 FROM event_actors x WHERE "
                     "x.article_seq = e.article_seq AND x.event_id = e.id AND x.country = ?))")
        params.extend([f.country, f.country])
    if f.factuality:
        parts.append("e.factuality = ?")
        params.append(f.factuality)
    return " AND ".join(parts), params


_ARTICLE_FIELDS = "a.seq, a.id, a.content_hash, a.url, a.source, a.published, a.ingested_at"


def iter_records(store: Store, since: _dt.date | None = None, until: _dt.date | None = None,
                 filters: EventFilter | None = None, *,
                 batch_size: int = 1000) -> Iterator[tuple[Event, ArticleRef]]:
    """Stream (Event, ArticleRef) in ingest order, ``batch_size`` events per query."""
    cond, params = where_clause(since, until, filters)
    cols = ", ".join(f'e."{c}"' for c in EVENT_COLUMNS)
    sql = (f"SELECT {cols}, {_ARTICLE_FIELDS} FROM events e JOIN articles a ON a.seq = e.article_seq "
           f"WHERE {cond} AND (e.article_seq > ? OR (e.article_seq = ? AND e.position > ?)) "
           f"ORDER BY e.article_seq, e.position LIMIT ?")
    last_seq, last_pos = 0, -1
    n_event = len(EVENT_COLUMNS)
    while True:
        rows = store.conn.execute(sql, [*params, last_seq, last_seq, last_pos, batch_size]).fetchall()
        if not rows:
            return
        first_seq, end_seq = rows[0][0], rows[-1][0]
        actors: dict[tuple[int, str], list[dict]] = defaultdict(list)
        cur = store.conn.execute(
            'SELECT article_seq, event_id, side, position, text, "start", "end", name, actor_id, '
            "country, sector, role, method, confidence FROM event_actors "
            "WHERE article_seq BETWEEN ? AND ?", [first_seq, end_seq])
        names = [d[0] for d in cur.description]
        for actor in cur.fetchall():
            record = dict(zip(names, actor))
            actors[(record["article_seq"], record["event_id"])].append(record)
        for row in rows:
            event_row = dict(zip(EVENT_COLUMNS, row[:n_event]))
            ref = ArticleRef(*row[n_event:])
            yield row_to_event(event_row, actors.get((ref.seq, event_row["id"]), ())), ref
        last_seq, last_pos = rows[-1][0], rows[-1][1]
        if len(rows) < batch_size:
            return


def iter_events(store: Store, since: _dt.date | None = None, until: _dt.date | None = None,
                filters: EventFilter | None = None, *, batch_size: int = 1000) -> Iterator[Event]:
    """Stream the stored Events that pass the filters, in ingest order."""
    for event, _ in iter_records(store, since, until, filters, batch_size=batch_size):
        yield event


_PARQUET_ACTORS = (
    "(SELECT list(struct_pack(text := x.text, \"start\" := x.\"start\", \"end\" := x.\"end\", "
    "name := x.name, actor_id := x.actor_id, country := x.country, sector := x.sector, "
    "role := x.role, method := x.method, confidence := x.confidence) ORDER BY x.position) "
    "FROM event_actors x WHERE x.article_seq = e.article_seq AND x.event_id = e.id "
    "AND x.side = '{side}') AS {side}"
)


def copy_parquet(store: Store, out: str, since: _dt.date | None = None,
                 until: _dt.date | None = None, filters: EventFilter | None = None) -> int:
    """Write the filtered events to the Parquet file ``out`` with DuckDB's COPY; return the count.

    One row per event: the ``events`` columns (nested fields as JSON text), ``source`` and
    ``target`` as lists of actor structs, and the article's ``url``, ``published``, ``content_hash``.
    """
    cond, params = where_clause(since, until, filters)
    cols = ", ".join(f'e."{c}"' for c in EVENT_COLUMNS if c not in ("article_seq", "position"))
    query = (f"SELECT {cols}, {_PARQUET_ACTORS.format(side='source')}, "
             f"{_PARQUET_ACTORS.format(side='target')}, a.url AS article_url, "
             f"a.published AS article_published, a.content_hash AS article_content_hash "
             f"FROM events e JOIN articles a ON a.seq = e.article_seq WHERE {cond} "
             f"ORDER BY e.article_seq, e.position")
    target = out.replace("'", "''")
    try:
        store.conn.execute(f"COPY ({query}) TO '{target}' (FORMAT parquet)", params)
    except duckdb.Error as exc:
        raise StoreError(f"cannot write {out}: {first_line(exc)}") from None
    count = store.conn.execute(
        f"SELECT count(*) FROM events e WHERE {cond}", params).fetchone()[0]
    return count
