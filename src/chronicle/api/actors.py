"""Actors of the knowledge base with their dated roles and how many stored events name them."""

from __future__ import annotations

from chronicle.knowledge.actors import ActorEntry, ActorKB


def _matches(entry: ActorEntry, needle: str) -> bool:
    return any(needle in name.lower() for name in (entry.id, entry.name, *entry.aliases))


def _as_dict(entry: ActorEntry, count: int) -> dict:
    return {"actor_id": entry.id, "name": entry.name, "kind": entry.kind, "country": entry.country,
            "sector": entry.sector, "aliases": list(entry.aliases),
            "roles": [{"role": r.role, "country": r.country, "sector": r.sector,
                       "start": r.start.isoformat() if r.start else None,
                       "end": r.end.isoformat() if r.end else None} for r in entry.roles],
            "event_count": count}


def event_counts(conn, actor_ids: list[str] | None = None) -> dict[str, int]:
    """Distinct events (as source or target) per actor id; all ids, or only ``actor_ids``."""
    sql = "SELECT actor_id, count(DISTINCT (article_seq, event_id)) FROM event_actors WHERE actor_id IS NOT NULL"
    params: list = []
    if actor_ids is not None:
        sql += " AND actor_id IN (SELECT unnest(?::VARCHAR[]))"
        params.append(actor_ids)
    return dict(conn.execute(sql + " GROUP BY 1", params).fetchall())


def search_actors(conn, kb: ActorKB, q: str | None, limit: int) -> list[dict]:
    """Actors whose id, name or an alias contains ``q`` (case-insensitive; all when empty), those
    with the most stored events first, then by name."""
    needle = (q or "").strip().lower()
    entries = [e for e in kb.entries.values() if not needle or _matches(e, needle)]
    counts = event_counts(conn, None if len(entries) > 500 else [e.id for e in entries])
    entries.sort(key=lambda e: (-counts.get(e.id, 0), e.name.lower(), e.id))
    return [_as_dict(e, counts.get(e.id, 0)) for e in entries[:limit]]


def actor_by_id(conn, kb: ActorKB, actor_id: str) -> dict | None:
    """One actor of the knowledge base by id, or None."""
    entry = kb.entries.get(actor_id)
    if entry is None:
        return None
    return _as_dict(entry, event_counts(conn, [actor_id]).get(actor_id, 0))
