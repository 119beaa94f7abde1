"""What a store holds, in numbers: ``store_stats`` (behind ``chronicle stats``).

Totals: articles, events (reports), merged events (real events, after ``chronicle dedupe``) and
quarantined inputs. Grouped (``by``), each group's events, merged events and mean Goldstein score:

* ``type``: the PLOVER event type; ``factuality``: actual, negated, hypothetical, future;
* ``month``: the month of the event's date (``YYYY-MM``); an event dated by its year only, or not
  at all, is in the group ``None``;
* ``country``: every country the event involves, as ``chronicle export --country`` matches it (a
  source or target actor's country, or the place's): an event counts once in each of its countries,
  so the groups add up to more than the events; events with no country are in no group;
* ``dyad``: ``SRC -> TGT``, the countries of a source and a target actor (actors of unknown
  country left out), an event counting once per distinct pair.

Merged events per group count the distinct merged events of the group's reports; they are given
only when the stored merge covers the stored events (else None, and ``merge_current`` is False).
Works on a store opened read-only, of any schema version.
"""

from __future__ import annotations

from chronicle.store.db import Store
from chronicle.store.query import merge_current

GROUPINGS = ("type", "country", "month", "factuality", "dyad")

_KEYS = {
    "type": "SELECT article_seq, id AS event_id, event_type AS key FROM events",
    "factuality": "SELECT article_seq, id AS event_id, factuality AS key FROM events",
    "month": ("SELECT article_seq, id AS event_id, CASE WHEN date_precision IN ('day', 'week', 'month') "
              "THEN strftime(date_first, '%Y-%m') END AS key FROM events"),
    "country": ("SELECT article_seq, id AS event_id, location_country AS key FROM events "
                "WHERE location_country IS NOT NULL UNION "
                "SELECT article_seq, event_id, country FROM event_actors WHERE country IS NOT NULL"),
    "dyad": ("SELECT DISTINCT s.article_seq, s.event_id, s.country || ' -> ' || t.country AS key "
             "FROM event_actors s JOIN event_actors t ON t.article_seq = s.article_seq "
             "AND t.event_id = s.event_id AND t.side = 'target' AND t.country IS NOT NULL "
             "WHERE s.side = 'source' AND s.country IS NOT NULL"),
}
"""Per grouping: (article_seq, event_id, key) of every event and group it is in."""

_ORDER = {"month": "key NULLS LAST"}



def totals(store: Store, merged: bool) -> dict[str, int | None]:
    """Articles, events, merged events (None when the merge is missing or stale), quarantined."""
    counts = store.counts()
    return {"articles": counts["articles"], "events": counts["events"],
            "merged_events": counts.get("merged_events") if merged else None,
            "quarantined": counts["quarantine"]}


def grouped(store: Store, by: str, merged: bool) -> list[dict]:
    """One row per group of ``by`` (``GROUPINGS``): ``key``, ``events``, ``merged_events`` (None
    unless ``merged``), ``mean_goldstein`` (rounded to 3 places; None when no event has one)."""
    if by not in _KEYS:
        raise ValueError(f"unknown grouping {by!r} (one of {', '.join(GROUPINGS)})")
    merged_count = ("count(DISTINCT r.merged_id)" if merged else "NULL")
    join = ("LEFT JOIN reports r ON r.article_seq = g.article_seq AND r.event_id = g.event_id"
            if merged else "")
    rows = store.conn.execute(
        f"SELECT g.key, count(*) AS events, {merged_count} AS merged, round(avg(e.goldstein), 3) "
        f"FROM ({_KEYS[by]}) g JOIN events e ON e.article_seq = g.article_seq AND e.id = g.event_id "
        f"{join} GROUP BY g.key ORDER BY {_ORDER.get(by, 'events DESC, key NULLS LAST')}").fetchall()
    return [{"key": key, "events": events, "merged_events": merged_events, "mean_goldstein": mean}
            for key, events, merged_events, mean in rows]


def store_stats(store: Store, by: str | None = None) -> dict:
    """``{"totals": ..., "merge_current": bool, "by": by, "groups": [...]}`` (no groups without
    ``by``)."""
    merged = merge_current(store)
    return {"totals": totals(store, merged), "merge_current": merged, "by": by,
            "groups": grouped(store, by, merged) if by else []}
