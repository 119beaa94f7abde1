"""Reviews: what people who checked a stored event against its article said about it.

A review marks an event ``right`` or ``wrong`` (or neither, ``verdict`` null) and may correct its
``event_type``, ``factuality`` or actors (``corrections``, JSON). Reviews never change the event
itself: they sit in their own table, with who wrote them and when, so an export or a training run
can use them (``iter_reviews``) and a re-code keeps them.

The ``reviews`` table is created on demand (``ensure_reviews_table``) by the first writer that needs
it; a store without it simply has no reviews. Functions take a DuckDB connection (a ``Store``'s
``conn`` or one of its cursors), so a server can write reviews on its own cursor while another
thread ingests.
"""

from __future__ import annotations

import datetime as _dt
import json
from typing import Iterator

REVIEWS_TABLE = """
CREATE SEQUENCE IF NOT EXISTS review_seq START 1;
CREATE TABLE IF NOT EXISTS reviews (
    id BIGINT NOT NULL DEFAULT nextval('review_seq'),
    event_id VARCHAR NOT NULL, article_seq BIGINT NOT NULL,
    verdict VARCHAR, corrections JSON, reviewer VARCHAR NOT NULL, note VARCHAR,
    created_at TIMESTAMP NOT NULL
);
"""

REVIEW_COLUMNS = ("id", "event_id", "article_seq", "verdict", "corrections", "reviewer", "note",
                  "created_at")
VERDICTS = ("right", "wrong")


def has_reviews_table(conn) -> bool:
    """Whether the store holds a ``reviews`` table (none until the first review is written)."""
    return conn.execute("SELECT 1 FROM information_schema.tables WHERE table_schema = 'main' "
                        "AND table_name = 'reviews'").fetchone() is not None


def ensure_reviews_table(conn) -> None:
    """Create the ``reviews`` table and its id sequence when absent (needs a writable store)."""
    conn.execute(REVIEWS_TABLE)


def add_review(conn, *, event_id: str, article_seq: int, verdict: str | None,
               corrections: dict | None, reviewer: str, note: str | None,
               now: _dt.datetime | None = None) -> dict:
    """Store one review of the event (``article_seq``, ``event_id``) and return it as a dict."""
    if verdict is not None and verdict not in VERDICTS:
        raise ValueError(f"verdict must be one of {VERDICTS} or None, not {verdict!r}")
    created = now or _dt.datetime.now(_dt.timezone.utc).replace(tzinfo=None)
    ensure_reviews_table(conn)
    row = conn.execute(
        "INSERT INTO reviews (event_id, article_seq, verdict, corrections, reviewer, note, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING " + ", ".join(REVIEW_COLUMNS),
        [event_id, article_seq, verdict, None if corrections is None else json.dumps(corrections),
         reviewer, note, created]).fetchone()
    return _as_dict(row)


def reviews_of(conn, event_id: str, article_seq: int | None = None) -> list[dict]:
    """The reviews of one event, oldest first (all articles' events of that id when no seq)."""
    if not has_reviews_table(conn):
        return []
    sql = f"SELECT {', '.join(REVIEW_COLUMNS)} FROM reviews WHERE event_id = ?"
    params: list = [event_id]
    if article_seq is not None:
        sql += " AND article_seq = ?"
        params.append(article_seq)
    return [_as_dict(r) for r in conn.execute(sql + " ORDER BY id", params).fetchall()]


def count_reviews(conn) -> int:
    """How many reviews the store holds (0 without a reviews table)."""
    if not has_reviews_table(conn):
        return 0
    return conn.execute("SELECT count(*) FROM reviews").fetchone()[0]


def iter_reviews(store, *, batch_size: int = 1000) -> Iterator[dict]:
    """Every review of ``store`` as a plain dict (``REVIEW_COLUMNS``; ``corrections`` parsed,
    ``created_at`` ISO 8601 UTC), oldest first, ``batch_size`` per query: what ``chronicle export
    --reviews`` writes and ``chronicle train`` reads."""
    conn = store.conn
    if not has_reviews_table(conn):
        return
    after = 0
    while True:
        rows = conn.execute(f"SELECT {', '.join(REVIEW_COLUMNS)} FROM reviews WHERE id > ? "
                            f"ORDER BY id LIMIT ?", [after, batch_size]).fetchall()
        for row in rows:
            yield _as_dict(row)
        if len(rows) < batch_size:
            return
        after = rows[-1][0]


def _as_dict(row: tuple) -> dict:
    record = dict(zip(REVIEW_COLUMNS, row))
    if record["corrections"] is not None:
        record["corrections"] = json.loads(record["corrections"])
    record["created_at"] = record["created_at"].isoformat(timespec="seconds") + "Z"
    return record
