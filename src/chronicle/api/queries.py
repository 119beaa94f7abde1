"""The event queries behind ``GET /v1/events`` and the stats: filters, sorting, keyset pages.

Every value a client sends reaches DuckDB as a bound parameter (``?``); the only SQL text built from
a request is chosen from fixed tables here (sort keys, interval names), never copied from it.

Pages are keyset-paginated: the cursor holds the sort key and the (article_seq, position) of the
last row, so page N costs what page 1 costs (no OFFSET), and rows added meanwhile do not shift
the pages already read.
"""

from __future__ import annotations

import base64
import datetime as _dt
import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterator

from chronicle.store.db import EVENT_COLUMNS, OPTIONAL_EVENT_COLUMNS, event_columns_sql, row_to_event

SIDES = ("source", "target", "any")
SORTS = ("date", "-date", "confidence", "-confidence", "mentions", "-mentions")


class QueryError(ValueError):
    """A request's filter, sort or cursor that cannot be answered (said in one sentence)."""


@dataclass(frozen=True)
class EventQuery:
    """The filters of one request; empty fields do not filter.

    The actor criteria (``actor``, ``country``, ``sector``) must hold for one and the same actor,
    on the side ``actor_side`` says: ``actor=Putin&country=RUS`` finds events where a Russian
    actor named Putin takes part."""

    actor: str | None = None
    actor_side: str = "any"
    country: str | None = None
    sector: str | None = None
    event_types: tuple[str, ...] = ()
    mode: str | None = None
    cameo: str | None = None
    quad_classes: tuple[int, ...] = ()
    factualities: tuple[str, ...] = ()
    min_confidence: float | None = None
    date_from: _dt.date | None = None
    date_to: _dt.date | None = None
    location_country: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    outlet: str | None = None
    q: str | None = None
    merged: bool = False
    dyad: tuple[str, str] | None = None


@dataclass(frozen=True)
class Schema:
    """What the open store holds that queries depend on (read once when the server starts)."""

    merge_tables: bool
    published_assumed: bool
    method_detail: bool = False
    event_columns: tuple[str, ...] = ()  # the optional ``events`` columns it has (OPTIONAL_EVENT_COLUMNS)


def read_schema(conn) -> Schema:
    """Which optional tables and columns the store has (older stores lack the merge tables)."""
    tables = {r[0] for r in conn.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()}
    columns = {r for r in conn.execute(
        "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'main' "
        "AND table_name IN ('articles', 'event_actors', 'events')").fetchall()}
    return Schema(merge_tables={"merged_events", "reports"} <= tables,
                  published_assumed=("articles", "published_assumed") in columns,
                  method_detail=("event_actors", "method_detail") in columns,
                  event_columns=tuple(c for c in OPTIONAL_EVENT_COLUMNS if ("events", c) in columns))


def source_of(query: EventQuery, schema: Schema) -> str:
    """The FROM clause that filtering needs, and no more: ``events e`` (with ``articles a`` only
    for the outlet filter); with ``merged``, one row per merged event (``merged_events m``) joined
    to its representative event. The rest of a row is read for the page's events only
    (``records_for``): joining every event to its article and merged event first cost ten times
    as much on 100k events."""
    article = " JOIN articles a ON a.seq = e.article_seq" if query.outlet else ""
    if not query.merged:
        return "events e" + article
    if not schema.merge_tables:
        raise QueryError("this database has no merged events yet: run 'chronicle dedupe' first")
    return ("merged_events m JOIN events e ON e.article_seq = m.article_seq AND e.id = m.event_id"
            + article)


def where_of(query: EventQuery) -> tuple[str, list]:
    """The WHERE condition on ``events e`` / ``articles a`` and its bound parameters."""
    parts, params = ["TRUE"], []

    def add(sql: str, *values) -> None:
        parts.append(sql)
        params.extend(values)

    _actor_condition(query, add)
    if query.event_types:
        add(f"e.event_type IN ({_marks(query.event_types)})", *query.event_types)
    if query.mode:
        add("e.mode = ?", query.mode)
    if query.cameo:
        add("starts_with(e.cameo, ?)", query.cameo)
    if query.quad_classes:
        add(f"e.quad_class IN ({_marks(query.quad_classes)})", *query.quad_classes)
    if query.factualities:
        add(f"e.factuality IN ({_marks(query.factualities)})", *query.factualities)
    if query.min_confidence is not None:
        add("e.confidence >= ?", query.min_confidence)
    if query.date_from is not None:
        add("e.date_last >= ?", query.date_from)
    if query.date_to is not None:
        add("e.date_first <= ?", query.date_to)
    if query.location_country:
        add("e.location_country = ?", query.location_country)
    if query.bbox is not None:
        west, south, east, north = query.bbox
        add("e.location_lon BETWEEN ? AND ? AND e.location_lat BETWEEN ? AND ?", west, east, south, north)
    if query.outlet:
        add("(lower(a.source) = lower(?) OR contains(lower(coalesce(a.url, '')), lower(?)))",
            query.outlet, query.outlet)
    if query.q:
        add("contains(lower(e.sentence), lower(?))", query.q)
    if query.dyad is not None:
        for side, code in zip(("source", "target"), query.dyad):
            add("EXISTS (SELECT 1 FROM event_actors d WHERE d.article_seq = e.article_seq AND "
                "d.event_id = e.id AND d.side = ? AND d.country = ?)", side, code)
    return " AND ".join(parts), params


def _actor_condition(query: EventQuery, add) -> None:
    """One EXISTS over ``event_actors``: an actor on the chosen side matching every actor filter."""
    conds, values = [], []
    if query.actor:
        conds.append("(x.actor_id = ? OR contains(lower(coalesce(x.name, '')), lower(?)) "
                     "OR contains(lower(x.text), lower(?)))")
        values += [query.actor, query.actor, query.actor]
    if query.country:
        conds.append("x.country = ?")
        values.append(query.country)
    if query.sector:
        conds.append("x.sector = ?")
        values.append(query.sector)
    if not conds:
        return
    if query.actor_side != "any":
        conds.append("x.side = ?")
        values.append(query.actor_side)
    add("EXISTS (SELECT 1 FROM event_actors x WHERE x.article_seq = e.article_seq AND "
        f"x.event_id = e.id AND {' AND '.join(conds)})", *values)


def _marks(values) -> str:
    return ", ".join("?" * len(values))


# -- sorting and cursors --------------------------------------------------------------------------
@dataclass(frozen=True)
class SortKey:
    """A sort: the SQL of its key (from this module's table only), its direction, its type."""

    name: str
    expr: str
    descending: bool
    kind: str  # date, float, int


def sort_key(sort: str, merged: bool) -> SortKey:
    """The key of ``sort`` (one of ``SORTS``); events without a date come last either way."""
    if sort not in SORTS:
        raise QueryError(f"sort must be one of {', '.join(SORTS)}, not {sort!r}")
    descending, field = sort.startswith("-"), sort.lstrip("-")
    if field == "date":
        sentinel = "0001-01-01" if descending else "9999-12-31"
        return SortKey(sort, f"coalesce(e.date_first, DATE '{sentinel}')", descending, "date")
    if field == "confidence":
        return SortKey(sort, "e.confidence", descending, "float")
    return SortKey(sort, "m.num_mentions" if merged else "e.mentions", descending, "int")


def encode_cursor(key: SortKey, value, seq: int, position: int) -> str:
    """The opaque cursor after a row: its sort key value and its (article_seq, position)."""
    if isinstance(value, _dt.date):
        value = value.isoformat()
    raw = json.dumps([key.name, value, seq, position], separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, key: SortKey) -> tuple:
    """(value, seq, position) of a cursor this server gave for the same sort, or QueryError."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        name, value, seq, position = json.loads(base64.urlsafe_b64decode(padded.encode()))
        if name != key.name or not isinstance(seq, int) or not isinstance(position, int):
            raise ValueError(name)
        value = _typed(value, key.kind)
    except (ValueError, TypeError, UnicodeDecodeError):
        raise QueryError("the cursor is not one this server gave for this sort: start again "
                         "without it") from None
    return value, seq, position


def _typed(value, kind: str):
    if kind == "date":
        return _dt.date.fromisoformat(value)
    if kind == "float":
        return float(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(value)
    return value


def keyset_of(key: SortKey, after: tuple | None) -> tuple[str, list, str]:
    """The condition that starts after the cursor's row, its parameters, and the ORDER BY."""
    way = "DESC" if key.descending else "ASC"
    order = f"ORDER BY {key.expr} {way}, e.article_seq {way}, e.position {way}"
    if after is None:
        return "TRUE", [], order
    op = "<" if key.descending else ">"
    value, seq, position = after
    cond = (f"({key.expr} {op} ? OR ({key.expr} = ? AND (e.article_seq {op} ? OR "
            f"(e.article_seq = ? AND e.position {op} ?))))")
    return cond, [value, value, seq, seq, position], order


# -- reading rows ---------------------------------------------------------------------------------
ARTICLE_FIELDS = ("seq", "id", "title", "published", "published_assumed", "source", "url")
MERGED_FIELDS = ("id", "num_mentions", "num_articles", "num_sources")
_ACTOR_FIELDS = ('article_seq, event_id, side, position, text, "start", "end", name, actor_id, country, '
                 "sector, role, method, confidence")

Key = tuple[int, int]
"""An event's place in the store: (article_seq, position)."""


def _by_pairs(conn, sql: str, second: str, seqs: list[int], seconds: list,
              kind: str) -> tuple[list[str], list[tuple]]:
    """Rows of ``sql`` (a SELECT ... WHERE, the condition appended here) whose (article_seq,
    ``second``) is one of the pairs (``seqs``, ``seconds``); the BETWEEN lets DuckDB skip row groups
    outside the pairs' range before it matches them."""
    cur = conn.execute(f"{sql} article_seq BETWEEN ? AND ? AND (article_seq, {second}) IN "
                       f"(SELECT unnest(?::BIGINT[]), unnest(?::{kind}[]))",
                       [min(seqs), max(seqs), seqs, seconds])
    return [d[0] for d in cur.description], cur.fetchall()


def records_for(conn, schema: Schema, keys: list[Key]) -> list[dict]:
    """The API event objects of ``keys``, in that order: the Event's JSON plus ``article`` and
    ``merged``. A few queries that read the page's rows only, whatever the size of the store."""
    if not keys:
        return []
    cols = event_columns_sql(schema.event_columns, alias="")
    _, rows = _by_pairs(conn, f"SELECT {cols} FROM events WHERE", "position",
                        [k[0] for k in keys], [k[1] for k in keys], "INTEGER")
    events = {(r[0], r[1]): dict(zip(EVENT_COLUMNS, r)) for r in rows}
    ids = [(seq, row["id"]) for (seq, _), row in events.items()]
    if not ids:
        return []
    seqs, event_ids = [i[0] for i in ids], [i[1] for i in ids]
    fields = _ACTOR_FIELDS + (", method_detail" if schema.method_detail else "")
    names, rows = _by_pairs(conn, f"SELECT {fields} FROM event_actors WHERE", "event_id",
                            seqs, event_ids, "VARCHAR")
    actors: dict[tuple[int, str], list[dict]] = defaultdict(list)
    for row in rows:
        record = dict(zip(names, row))
        actors[(record["article_seq"], record["event_id"])].append(record)
    articles = _articles(conn, schema, sorted(set(seqs)))
    merged = _merged_of(conn, schema, seqs, event_ids)
    out = []
    for key in keys:
        row = events.get(key)
        if row is None:        # gone meanwhile (re-coded): not shown
            continue
        record = row_to_event(row, actors.get((key[0], row["id"]), ())).model_dump(mode="json")
        record["article"] = articles[key[0]]
        record["merged"] = merged.get((key[0], row["id"]))
        out.append(record)
    return out


def _articles(conn, schema: Schema, seqs: list[int]) -> dict[int, dict]:
    assumed = "published_assumed" if schema.published_assumed else "FALSE"
    rows = conn.execute(f"SELECT seq, id, title, published, {assumed}, source, url FROM articles "
                        f"WHERE seq IN (SELECT unnest(?::BIGINT[]))", [seqs]).fetchall()
    found = {}
    for row in rows:
        article = dict(zip(ARTICLE_FIELDS, row))
        article["published"] = article["published"].isoformat() if article["published"] else None
        article["published_assumed"] = bool(article["published_assumed"])
        found[article["seq"]] = article
    return found


def _merged_of(conn, schema: Schema, seqs: list[int],
               event_ids: list[str]) -> dict[tuple[int, str], dict]:
    """The merged event of each stored event (absent: not merged yet)."""
    if not schema.merge_tables:
        return {}
    _, reports = _by_pairs(conn, "SELECT article_seq, event_id, merged_id FROM reports WHERE", "event_id",
                           seqs, event_ids, "VARCHAR")
    if not reports:
        return {}
    rows = conn.execute(f"SELECT {', '.join(MERGED_FIELDS)} FROM merged_events WHERE id IN "
                        f"(SELECT unnest(?::VARCHAR[]))", [sorted({r[2] for r in reports})]).fetchall()
    merged = {row[0]: dict(zip(MERGED_FIELDS, row)) for row in rows}
    return {(seq, event_id): merged[mid] for seq, event_id, mid in reports if mid in merged}


def event_keys(conn, event_id: str) -> list[Key]:
    """Where the event ``event_id`` is stored (the first article that holds it), or []."""
    row = conn.execute("SELECT article_seq, position FROM events WHERE id = ? ORDER BY article_seq "
                       "LIMIT 1", [event_id]).fetchone()
    return [] if row is None else [tuple(row)]


def report_keys(conn, merged_id: str) -> list[Key]:
    """The stored events merged into ``merged_id``, in the merge's order."""
    return [tuple(r) for r in conn.execute(
        "SELECT e.article_seq, e.position FROM reports r JOIN events e ON e.article_seq = r.article_seq "
        "AND e.id = r.event_id WHERE r.merged_id = ? ORDER BY r.position", [merged_id]).fetchall()]


@dataclass
class Page:
    """One page of events, the cursor of the next one (None at the end) and the total (first page
    only: counting costs a scan, and later pages do not need it)."""

    events: list[dict]
    next_cursor: str | None
    total: int | None


def _page_keys(conn, query: EventQuery, schema: Schema, key: SortKey, after: tuple | None,
               limit: int, counted: bool = False) -> list[tuple]:
    """(article_seq, position, sort value[, total]) of up to ``limit`` events after ``after``, in
    order; ``counted`` adds the number of all matching events (a window over the same scan: the
    filters are evaluated once, not again by a separate count)."""
    cond, params = where_of(query)
    keyset, keyset_params, order = keyset_of(key, after)
    total = ", count(*) OVER ()" if counted else ""
    return conn.execute(f"SELECT e.article_seq, e.position, {key.expr}{total} FROM "
                        f"{source_of(query, schema)} WHERE {cond} AND {keyset} {order} LIMIT ?",
                        [*params, *keyset_params, limit]).fetchall()


def events_page(conn, schema: Schema, query: EventQuery, sort: str, limit: int,
                cursor: str | None) -> Page:
    """One page of ``limit`` events matching ``query`` in ``sort`` order, after ``cursor``; the
    total on the first page only."""
    key = sort_key(sort, query.merged)
    after = decode_cursor(cursor, key) if cursor else None
    rows = _page_keys(conn, query, schema, key, after, limit + 1, counted=cursor is None)
    total = (rows[0][3] if rows else 0) if cursor is None else None
    more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = None
    if more:
        seq, position, value = rows[-1][:3]
        next_cursor = encode_cursor(key, value, seq, position)
    return Page(records_for(conn, schema, [(r[0], r[1]) for r in rows]), next_cursor, total)


def iter_event_records(conn, schema: Schema, query: EventQuery, sort: str,
                       page: int = 1000) -> Iterator[dict]:
    """Every event matching ``query`` in ``sort`` order, ``page`` rows per query (for downloads:
    memory holds one page whatever the size of the result)."""
    key = sort_key(sort, query.merged)
    after = None
    while True:
        rows = _page_keys(conn, query, schema, key, after, page)
        yield from records_for(conn, schema, [(s, p) for s, p, _ in rows])
        if len(rows) < page:
            return
        seq, position, value = rows[-1]
        after = (value, seq, position)
