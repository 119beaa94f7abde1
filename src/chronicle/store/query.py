"""Reading events back out of the store: filters, a streaming iterator, and Parquet export.

Events stream in pages (keyset pagination on ingest order), so exporting a corpus of any size holds
one page in memory. Dates filter on the event's own date *period*: an event dated ``2024-05``
(month precision) matches ``--since 2024-05-20`` because the month overlaps it. Events without a
date never match a date filter.

Merged events (after ``chronicle.dedup.store.merge_store``) stream the same way, one per real
event: its representative event, its counts and its reports; the filters apply to the
representative event.
"""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterator, NamedTuple

import duckdb

from chronicle.store.db import EVENT_COLUMNS, Store, StoreError, first_line, row_to_event
from chronicle.schema import Event, Report


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
    title: str | None = None
    published_assumed: bool = False   # ``published`` is the user's --published fallback


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


_ARTICLE_FIELDS = "a.seq, a.id, a.content_hash, a.url, a.source, a.published, a.ingested_at, a.title"


def _article_fields(store: Store) -> str:
    """The ``ArticleRef`` columns of ``articles a`` (a version 2 store, read-only, has no
    ``published_assumed``: false)."""
    assumed = "a.published_assumed" if store.has_column("articles", "published_assumed") else "FALSE"
    return f"{_ARTICLE_FIELDS}, {assumed}"


def _actor_fields(store: Store) -> str:
    """The ``event_actors`` columns ``row_to_event`` reads, ``method_detail`` last (a version 2 store
    has the whole method in ``method``)."""
    detail = "method_detail" if store.has_column("event_actors", "method_detail") else "method AS method_detail"
    return ('article_seq, event_id, side, position, text, "start", "end", name, actor_id, country, '
            f"sector, role, method, confidence, {detail}")


class MergedRecord(NamedTuple):
    """One merged event: its representative ``event`` and that event's article, its counts and its
    reports (every stored event merged into it, the representative included)."""

    id: str
    event: Event
    ref: ArticleRef
    num_mentions: int
    num_articles: int
    num_sources: int
    reports: list[Report]

    def to_dict(self) -> dict:
        """The event record of the representative plus ``merged_id``, the counts and ``reports``."""
        record = self.event.model_dump(mode="json")
        record.update(merged_id=self.id, num_mentions=self.num_mentions,
                      num_articles=self.num_articles, num_sources=self.num_sources,
                      reports=[r.model_dump(mode="json") for r in self.reports])
        return record


def _pages(store: Store, sql: str, params: list, batch_size: int) -> Iterator[tuple[list, dict]]:
    """Pages of rows (event columns first) of ``sql``, keyset-paginated on (article_seq, position),
    with the actor rows of their events keyed by (article_seq, event_id)."""
    last_seq, last_pos = 0, -1
    while True:
        rows = store.conn.execute(sql, [*params, last_seq, last_seq, last_pos, batch_size]).fetchall()
        if not rows:
            return
        first_seq, end_seq = rows[0][0], rows[-1][0]
        actors: dict[tuple[int, str], list[dict]] = defaultdict(list)
        cur = store.conn.execute(f"SELECT {_actor_fields(store)} FROM event_actors "
                                 "WHERE article_seq BETWEEN ? AND ?", [first_seq, end_seq])
        names = [d[0] for d in cur.description]
        for actor in cur.fetchall():
            record = dict(zip(names, actor))
            actors[(record["article_seq"], record["event_id"])].append(record)
        yield rows, actors
        last_seq, last_pos = rows[-1][0], rows[-1][1]
        if len(rows) < batch_size:
            return


_KEYSET = ("AND (e.article_seq > ? OR (e.article_seq = ? AND e.position > ?)) "
           "ORDER BY e.article_seq, e.position LIMIT ?")


def iter_records(store: Store, since: _dt.date | None = None, until: _dt.date | None = None,
                 filters: EventFilter | None = None, *,
                 batch_size: int = 1000) -> Iterator[tuple[Event, ArticleRef]]:
    """Stream (Event, ArticleRef) in ingest order, ``batch_size`` events per query."""
    cond, params = where_clause(since, until, filters)
    cols = store.event_columns()
    sql = (f"SELECT {cols}, {_article_fields(store)} FROM events e JOIN articles a ON a.seq = e.article_seq "
           f"WHERE {cond} {_KEYSET}")
    n_event = len(EVENT_COLUMNS)
    for rows, actors in _pages(store, sql, params, batch_size):
        for row in rows:
            event_row = dict(zip(EVENT_COLUMNS, row[:n_event]))
            ref = ArticleRef(*row[n_event:])
            yield row_to_event(event_row, actors.get((ref.seq, event_row["id"]), ())), ref


def require_merged(store: Store) -> None:
    """Raise StoreError unless the merge tables hold every stored event and only stored events."""
    if not store.has_table("merged_events"):
        raise StoreError(f"{store.path} has no merged events (schema version {store.schema_version}): "
                         f"run 'chronicle dedupe' first (it upgrades the database)")
    unmerged = store.conn.execute(
        "SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM reports r "
        "WHERE r.article_seq = e.article_seq AND r.event_id = e.id)").fetchone()[0]
    gone = store.conn.execute(
        "SELECT count(*) FROM reports r WHERE NOT EXISTS (SELECT 1 FROM events e "
        "WHERE e.article_seq = r.article_seq AND e.id = r.event_id)").fetchone()[0]
    if unmerged or gone:
        what = (f"{unmerged} stored events are not merged" if unmerged
                else f"{gone} merged reports are no longer stored")
        raise StoreError(f"{what} (articles were ingested or re-coded after the last merge): "
                         f"run 'chronicle dedupe' first")


_MERGED_FROM = ("FROM merged_events m JOIN events e ON e.article_seq = m.article_seq "
                "AND e.id = m.event_id JOIN articles a ON a.seq = e.article_seq")


def merge_current(store: Store) -> bool:
    """Whether the stored merge covers exactly the stored events (``require_merged`` as a test)."""
    try:
        require_merged(store)
    except StoreError:
        return False
    return True


def iter_merged(store: Store, since: _dt.date | None = None, until: _dt.date | None = None,
                filters: EventFilter | None = None, *,
                batch_size: int = 1000) -> Iterator[MergedRecord]:
    """Stream the merged events whose representative event passes the filters, in the ingest
    order of the representatives. Raises StoreError at once when the merge is missing or stale."""
    require_merged(store)
    return _iter_merged(store, since, until, filters, batch_size)


def _iter_merged(store, since, until, filters, batch_size) -> Iterator[MergedRecord]:
    cond, params = where_clause(since, until, filters)
    cols = store.event_columns()
    sql = (f"SELECT {cols}, {_article_fields(store)}, m.id, m.num_mentions, m.num_articles, m.num_sources "
           f"{_MERGED_FROM} WHERE {cond} {_KEYSET}")
    n_event, n_ref = len(EVENT_COLUMNS), len(ArticleRef._fields)
    for rows, actors in _pages(store, sql, params, batch_size):
        ids = [row[n_event + n_ref] for row in rows]
        reports: dict[str, list[Report]] = defaultdict(list)
        cur = store.conn.execute(
            "SELECT r.merged_id, e.id AS event_id, a.id AS doc_id, r.source, a.url, a.published, "
            "e.sentence, e.trigger_text AS trigger, e.date_value AS date, e.confidence, e.mentions "
            "FROM reports r JOIN events e ON e.article_seq = r.article_seq AND e.id = r.event_id "
            "JOIN articles a ON a.seq = r.article_seq WHERE r.merged_id IN (SELECT unnest(?::VARCHAR[])) "
            "ORDER BY r.merged_id, r.position", [ids])
        names = [d[0] for d in cur.description]
        for row in cur.fetchall():
            fields = dict(zip(names, row))
            reports[fields.pop("merged_id")].append(Report(**fields))
        for row in rows:
            event_row = dict(zip(EVENT_COLUMNS, row[:n_event]))
            ref = ArticleRef(*row[n_event:n_event + n_ref])
            merged_id, mentions, articles, sources = row[n_event + n_ref:]
            event = row_to_event(event_row, actors.get((ref.seq, event_row["id"]), ()))
            yield MergedRecord(merged_id, event, ref, mentions, articles, sources, reports[merged_id])


def iter_events(store: Store, since: _dt.date | None = None, until: _dt.date | None = None,
                filters: EventFilter | None = None, *, batch_size: int = 1000) -> Iterator[Event]:
    """Stream the stored Events that pass the filters, in ingest order."""
    for event, _ in iter_records(store, since, until, filters, batch_size=batch_size):
        yield event


_PARQUET_ACTORS = (
    "(SELECT list(struct_pack(text := x.text, \"start\" := x.\"start\", \"end\" := x.\"end\", "
    "name := x.name, actor_id := x.actor_id, country := x.country, sector := x.sector, "
    "role := x.role, method := x.method_detail, confidence := x.confidence) ORDER BY x.position) "
    "FROM event_actors x WHERE x.article_seq = e.article_seq AND x.event_id = e.id "
    "AND x.side = '{side}') AS {side}"
)


_PARQUET_REPORTS = (
    "(SELECT list(struct_pack(event_id := r.event_id, doc_id := ra.id, source := r.source, "
    "url := ra.url, published := ra.published, sentence := re.sentence, trigger := re.trigger_text, "
    "date := re.date_value, confidence := re.confidence, mentions := re.mentions) "
    "ORDER BY r.position) FROM reports r JOIN events re ON re.article_seq = r.article_seq "
    "AND re.id = r.event_id JOIN articles ra ON ra.seq = r.article_seq "
    "WHERE r.merged_id = m.id) AS reports"
)


def copy_parquet(store: Store, out: str, since: _dt.date | None = None,
                 until: _dt.date | None = None, filters: EventFilter | None = None, *,
                 merged: bool = False) -> int:
    """Write the filtered events to the Parquet file ``out`` with DuckDB's COPY; return the count.

    One row per event: the ``events`` columns (nested fields as JSON text), ``source`` and
    ``target`` as lists of actor structs, and the article's ``url``, ``published``, ``content_hash``.
    ``merged``: one row per merged event (its representative event) with ``merged_id``,
    ``num_mentions``, ``num_articles``, ``num_sources`` and ``reports`` (a list of structs).
    """
    if merged:
        require_merged(store)
    cond, params = where_clause(since, until, filters)
    cols = store.event_columns(skip=("article_seq", "position"))
    extra, source = "", "FROM events e JOIN articles a ON a.seq = e.article_seq"
    if merged:
        extra = (", m.id AS merged_id, m.num_mentions, m.num_articles, m.num_sources, "
                 + _PARQUET_REPORTS)
        source = _MERGED_FROM
    query = (f"SELECT {cols}, {_PARQUET_ACTORS.format(side='source')}, "
             f"{_PARQUET_ACTORS.format(side='target')}, a.url AS article_url, "
             f"a.published AS article_published, a.content_hash AS article_content_hash{extra} "
             f"{source} WHERE {cond} ORDER BY e.article_seq, e.position")
    target = out.replace("'", "''")
    try:
        store.conn.execute(f"COPY ({query}) TO '{target}' (FORMAT parquet)", params)
    except duckdb.Error as exc:
        raise StoreError(f"cannot write {out}: {first_line(exc)}") from None
    count = store.conn.execute(f"SELECT count(*) {source} WHERE {cond}", params).fetchone()[0]
    return count


def stored_event(store: Store, article_seq: int, event_id: str) -> tuple[Event, ArticleRef] | None:
    """One stored event and its article, or None when it is no longer stored (a re-code with
    another coder can drop or re-number an article's events; its reviews stay)."""
    cols = store.event_columns()
    row = store.conn.execute(
        f"SELECT {cols}, {_article_fields(store)} FROM events e JOIN articles a ON a.seq = e.article_seq "
        "WHERE e.article_seq = ? AND e.id = ?", [article_seq, event_id]).fetchone()
    if row is None:
        return None
    cur = store.conn.execute(f"SELECT {_actor_fields(store)} FROM event_actors "
                             "WHERE article_seq = ? AND event_id = ?", [article_seq, event_id])
    names = [d[0] for d in cur.description]
    actors = [dict(zip(names, a)) for a in cur.fetchall()]
    n_event = len(EVENT_COLUMNS)
    return row_to_event(dict(zip(EVENT_COLUMNS, row[:n_event])), actors), ArticleRef(*row[n_event:])
