"""Aggregates over the filtered events: the timeline, who acts on whom, where, and the store's facts.

Each takes the same ``EventQuery`` as ``GET /v1/events``, so a chart always shows the events the
table shows.
"""

from __future__ import annotations

from chronicle.api.queries import EventQuery, Schema, source_of, where_of
from chronicle.schema import PLOVER_TYPES, QUAD_CLASS

INTERVALS = {"day": "day", "week": "week", "month": "month"}
"""Interval name -> DuckDB ``date_trunc`` part (the SQL text comes from here, never the request)."""

QUAD_CLASS_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
                    4: "material conflict"}
FACTUALITIES = ("actual", "negated", "hypothetical", "future")


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def timeseries(conn, schema: Schema, query: EventQuery, interval: str) -> list[dict]:
    """Events per period (by the first day of the event's date) and quad class, with their mean
    Goldstein score; events without a date are left out."""
    part = INTERVALS[interval]
    cond, params = where_of(query)
    rows = conn.execute(
        f"SELECT date_trunc('{part}', e.date_first) AS period, e.quad_class, count(*), avg(e.goldstein) "
        f"FROM {source_of(query, schema)} WHERE {cond} AND e.date_first IS NOT NULL "
        f"GROUP BY 1, 2 ORDER BY 1, 2", params).fetchall()
    return [{"period": period.isoformat()[:10], "quad_class": quad, "count": count,
             "mean_goldstein": _round(mean)} for period, quad, count, mean in rows]


def dyads(conn, schema: Schema, query: EventQuery, limit: int) -> dict:
    """The ``limit`` heaviest (source country, target country) edges of the filtered events, and
    the countries they join with their event counts. Actors of unknown country are left out."""
    cond, params = where_of(query)
    filtered = (f"WITH f AS (SELECT e.article_seq, e.id, e.goldstein FROM {source_of(query, schema)} "
                f"WHERE {cond}) ")
    edges = conn.execute(
        filtered + "SELECT src, tgt, count(*) AS n, avg(goldstein) FROM (SELECT DISTINCT f.article_seq, "
        "f.id, f.goldstein, s.country AS src, t.country AS tgt FROM f "
        "JOIN event_actors s ON s.article_seq = f.article_seq AND s.event_id = f.id "
        "AND s.side = 'source' AND s.country IS NOT NULL "
        "JOIN event_actors t ON t.article_seq = f.article_seq AND t.event_id = f.id "
        "AND t.side = 'target' AND t.country IS NOT NULL) GROUP BY 1, 2 ORDER BY n DESC, 1, 2 LIMIT ?",
        [*params, limit]).fetchall()
    countries = sorted({c for src, tgt, _, _ in edges for c in (src, tgt)})
    nodes = conn.execute(
        filtered + "SELECT country, count(*) FROM (SELECT DISTINCT f.article_seq, f.id, x.country "
        "FROM f JOIN event_actors x ON x.article_seq = f.article_seq AND x.event_id = f.id "
        "WHERE x.country IN (SELECT unnest(?::VARCHAR[]))) GROUP BY 1 ORDER BY 2 DESC, 1",
        [*params, countries]).fetchall()
    return {"nodes": [{"id": c, "count": n} for c, n in nodes],
            "edges": [{"source": s, "target": t, "count": n, "mean_goldstein": _round(g)}
                      for s, t, n, g in edges]}


def places(conn, schema: Schema, query: EventQuery, limit: int) -> dict:
    """The places of the filtered events (those geocoded to a point) and events per country."""
    cond, params = where_of(query)
    source = source_of(query, schema)
    rows = conn.execute(
        f"SELECT e.location_name, e.location_country, e.location_lat, e.location_lon, count(*) AS n "
        f"FROM {source} WHERE {cond} AND e.location_lat IS NOT NULL AND e.location_lon IS NOT NULL "
        f"GROUP BY 1, 2, 3, 4 ORDER BY n DESC, 1 LIMIT ?", [*params, limit]).fetchall()
    countries = conn.execute(
        f"SELECT e.location_country, count(*) AS n FROM {source} WHERE {cond} "
        f"AND e.location_country IS NOT NULL GROUP BY 1 ORDER BY n DESC, 1", params).fetchall()
    return {"places": [{"name": n, "country": c, "lat": lat, "lon": lon, "count": k}
                       for n, c, lat, lon, k in rows],
            "countries": [{"country": c, "count": k} for c, k in countries]}


def meta(conn, counts: dict[str, int], writable: bool) -> dict:
    """What a client needs to build its filters: the vocabularies, the store's counts and dates."""
    first, last = conn.execute("SELECT min(date_first), max(date_last) FROM events").fetchone()
    return {
        "event_types": list(PLOVER_TYPES),
        "event_type_quad_class": dict(QUAD_CLASS),
        "quad_classes": {str(k): v for k, v in QUAD_CLASS_NAMES.items()},
        "factualities": list(FACTUALITIES),
        "sorts": ["-date", "date", "-confidence", "confidence", "-mentions", "mentions"],
        "intervals": list(INTERVALS),
        "counts": counts,
        "date_range": {"first": first.isoformat() if first else None,
                       "last": last.isoformat() if last else None},
        "writable": writable,
    }
