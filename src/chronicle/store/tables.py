"""The store's tables, keys, views and upgrades, as SQL (``chronicle.store.db`` runs them).

Keys (schema version 5): ``articles.seq`` is the primary key (``content_hash`` UNIQUE); ``events``
is keyed by ``(article_seq, id)``, ``event_actors`` by ``(article_seq, event_id, side, position)``,
``merged_events`` by ``id`` and ``reports`` by ``(article_seq, event_id)`` (an event belongs to one
merged event). Every ``article_seq`` is a foreign key to ``articles.seq``: articles are never
deleted, so these keys cost nothing to the write paths. The links *between* events and their actors
or merged events are not declared in DuckDB: DuckDB refuses to delete a referenced row even when the
rows referencing it were deleted earlier in the same transaction, and ``recode`` (events and their
actors) and every merge (merged events and their reports) replace both in one transaction. The
transactions keep those links whole; the SQLite export (``chronicle.store.sqlite_export``), a
snapshot nobody rewrites, declares them. Keys need DuckDB 1.2 or newer: 1.1 checks a primary key
against rows deleted earlier in the same transaction, which breaks re-coding an article.

Views: ``events_flat`` (one row per event with its article's fields and its first source and first
target actor) and ``dyads`` (one row per event and (source actor, target actor) pair; events with an
empty side have no dyad). Both are plain SQL that DuckDB and SQLite read alike.

``event_actors.method`` is a small category of how the actor was coded (``METHOD_CATEGORIES``, from
``data/actor_methods.yaml``); ``method_detail`` keeps the coder's whole method string.
"""

from __future__ import annotations

import functools
import re
from importlib import resources

import yaml

SCHEMA_VERSION = 5

_ARTICLES = """
CREATE TABLE IF NOT EXISTS articles (
    seq BIGINT NOT NULL DEFAULT nextval('article_seq') PRIMARY KEY,
    id VARCHAR NOT NULL,
    content_hash VARCHAR NOT NULL UNIQUE,
    title VARCHAR, published DATE, source VARCHAR, url VARCHAR,
    text VARCHAR NOT NULL,
    ingested_at TIMESTAMP NOT NULL,
    coder_version VARCHAR, data_version VARCHAR,
    published_assumed BOOLEAN NOT NULL DEFAULT false
);
"""

_EVENTS = """
CREATE TABLE IF NOT EXISTS events (
    article_seq BIGINT NOT NULL REFERENCES articles (seq), position INTEGER NOT NULL,
    id VARCHAR NOT NULL, doc_id VARCHAR NOT NULL, sentence_index INTEGER, sentence VARCHAR,
    event_type VARCHAR NOT NULL, mode VARCHAR, contexts VARCHAR[], cameo VARCHAR,
    quad_class TINYINT, goldstein DOUBLE, factuality VARCHAR, factuality_cue JSON,
    reciprocal BOOLEAN, trigger_text VARCHAR, trigger_start INTEGER, trigger_end INTEGER,
    date_value VARCHAR, date_precision VARCHAR, date_first DATE, date_last DATE, date JSON,
    location_name VARCHAR, location_country VARCHAR, location_admin1 VARCHAR,
    location_lat DOUBLE, location_lon DOUBLE, location_geonameid BIGINT, location JSON,
    attribution JSON, size JSON, casualties JSON,
    confidence DOUBLE, confidences JSON, mentions INTEGER,
    coder_version VARCHAR, data_version VARCHAR, repeats JSON, proposed_by VARCHAR,
    PRIMARY KEY (article_seq, id)
);
CREATE TABLE IF NOT EXISTS event_actors (
    article_seq BIGINT NOT NULL REFERENCES articles (seq), event_id VARCHAR NOT NULL,
    side VARCHAR NOT NULL CHECK (side IN ('source', 'target')), position INTEGER NOT NULL,
    text VARCHAR, "start" INTEGER, "end" INTEGER, name VARCHAR, actor_id VARCHAR,
    country VARCHAR, sector VARCHAR, role VARCHAR, method VARCHAR, confidence DOUBLE,
    method_detail VARCHAR,
    PRIMARY KEY (article_seq, event_id, side, position)
);
"""

_OTHER = """
CREATE TABLE IF NOT EXISTS quarantine (
    "where" VARCHAR NOT NULL, reason VARCHAR NOT NULL, excerpt VARCHAR, "at" TIMESTAMP NOT NULL
);
"""

MERGE_TABLES = """
CREATE TABLE IF NOT EXISTS merged_events (
    id VARCHAR NOT NULL PRIMARY KEY, article_seq BIGINT NOT NULL REFERENCES articles (seq),
    event_id VARCHAR NOT NULL,
    num_mentions INTEGER NOT NULL, num_articles INTEGER NOT NULL, num_sources INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS reports (
    merged_id VARCHAR NOT NULL, article_seq BIGINT NOT NULL REFERENCES articles (seq),
    event_id VARCHAR NOT NULL, position INTEGER NOT NULL, source VARCHAR,
    PRIMARY KEY (article_seq, event_id)
);
"""

VIEWS = """
CREATE OR REPLACE VIEW events_flat AS
SELECT e.article_seq, e.id AS event_id, e.doc_id,
       a.published, a.published_assumed, a.source AS outlet, a.url, a.title,
       e.event_type, e.mode, e.cameo, e.quad_class, e.goldstein, e.factuality, e.reciprocal,
       e.date_value, e.date_precision, e.date_first, e.date_last,
       e.location_name, e.location_country, e.location_admin1, e.location_lat, e.location_lon,
       s.name AS source_name, s.country AS source_country, s.sector AS source_sector,
       s.actor_id AS source_actor_id,
       t.name AS target_name, t.country AS target_country, t.sector AS target_sector,
       t.actor_id AS target_actor_id,
       e.sentence, e.trigger_text, e.confidence, e.proposed_by, e.mentions, r.merged_id
FROM events e
JOIN articles a ON a.seq = e.article_seq
LEFT JOIN event_actors s ON s.article_seq = e.article_seq AND s.event_id = e.id
     AND s.side = 'source' AND s.position = 0
LEFT JOIN event_actors t ON t.article_seq = e.article_seq AND t.event_id = e.id
     AND t.side = 'target' AND t.position = 0
LEFT JOIN reports r ON r.article_seq = e.article_seq AND r.event_id = e.id;
CREATE OR REPLACE VIEW dyads AS
SELECT e.article_seq, e.id AS event_id, s.position AS source_position, t.position AS target_position,
       s.country AS source_country, s.sector AS source_sector, s.name AS source_name,
       s.actor_id AS source_actor_id,
       t.country AS target_country, t.sector AS target_sector, t.name AS target_name,
       t.actor_id AS target_actor_id,
       e.event_type, e.cameo, e.quad_class, e.goldstein, e.factuality, e.reciprocal,
       e.date_first, e.date_last, a.published, a.published_assumed, r.merged_id
FROM events e
JOIN articles a ON a.seq = e.article_seq
JOIN event_actors s ON s.article_seq = e.article_seq AND s.event_id = e.id AND s.side = 'source'
JOIN event_actors t ON t.article_seq = e.article_seq AND t.event_id = e.id AND t.side = 'target'
LEFT JOIN reports r ON r.article_seq = e.article_seq AND r.event_id = e.id;
"""
"""The two views, in SQL that DuckDB and SQLite both read (SQLite has no OR REPLACE: see
``sqlite_views``)."""

CREATE = ("CREATE SEQUENCE IF NOT EXISTS article_seq START 1;\n"
          "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);\n"
          + _ARTICLES + _EVENTS + _OTHER + MERGE_TABLES + VIEWS)
"""A new database, at ``SCHEMA_VERSION``."""

# -- upgrades -------------------------------------------------------------------------------------
_V2_MERGE_TABLES = """
CREATE TABLE IF NOT EXISTS merged_events (
    id VARCHAR NOT NULL, article_seq BIGINT NOT NULL, event_id VARCHAR NOT NULL,
    num_mentions INTEGER NOT NULL, num_articles INTEGER NOT NULL, num_sources INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS reports (
    merged_id VARCHAR NOT NULL, article_seq BIGINT NOT NULL, event_id VARCHAR NOT NULL,
    position INTEGER NOT NULL, source VARCHAR
);
"""

_V2_COLUMNS = {
    "articles": ("seq", "id", "content_hash", "title", "published", "source", "url", "text",
                 "ingested_at", "coder_version", "data_version"),
    "events": ("article_seq", "position", "id", "doc_id", "sentence_index", "sentence", "event_type", "mode",
               "contexts", "cameo", "quad_class", "goldstein", "factuality", "factuality_cue", "reciprocal",
               "trigger_text", "trigger_start", "trigger_end", "date_value", "date_precision", "date_first",
               "date_last", "date", "location_name", "location_country", "location_admin1", "location_lat",
               "location_lon", "location_geonameid", "location", "attribution", "size", "casualties",
               "confidence", "confidences", "mentions", "coder_version", "data_version"),
    "merged_events": None,
    "reports": None,
}
_ACTOR_COLUMNS_V2 = ("article_seq", "event_id", "side", "position", "text", "start", "end", "name",
                     "actor_id", "country", "sector", "role")


def _quoted(columns) -> str:
    return ", ".join(f'"{c}"' for c in columns)


def _upgrade_2_to_3() -> str:
    """Version 2 -> 3: keys on every table (DuckDB adds keys only to a new table, so each table is
    renamed, created anew with its keys and copied), ``articles.published_assumed`` (false: a
    version 2 store cannot tell), ``event_actors.method`` split into a category and its detail, and
    the two views."""
    steps = [f"ALTER TABLE {t} RENAME TO {t}_v2;" for t in (*_V2_COLUMNS, "event_actors")]
    steps.append(_ARTICLES + _EVENTS + MERGE_TABLES)
    for table, columns in _V2_COLUMNS.items():
        if columns is None:
            steps.append(f"INSERT INTO {table} SELECT * FROM {table}_v2;")
        else:
            steps.append(f"INSERT INTO {table} ({_quoted(columns)}) SELECT {_quoted(columns)} "
                         f"FROM {table}_v2;")
    old = ", ".join(f'x."{c}"' for c in _ACTOR_COLUMNS_V2)
    steps.append(f"INSERT INTO event_actors ({_quoted(_ACTOR_COLUMNS_V2)}, method, confidence, "
                 f"method_detail) SELECT {old}, {method_category_sql('x.method')}, x.confidence, "
                 f"x.method FROM event_actors_v2 x;")
    steps += [f"DROP TABLE {t}_v2;" for t in ("event_actors", "reports", "merged_events", "events",
                                              "articles")]
    steps.append(VIEWS)
    return "\n".join(steps)


def migrations() -> dict[int, str]:
    """SQL that upgrades a database from the version of the key to the next one."""
    return {
        # 1 -> 2: ``reports`` was reserved and never written; it becomes the event -> merged event map.
        1: "DROP TABLE IF EXISTS reports;" + _V2_MERGE_TABLES,
        2: _upgrade_2_to_3(),
        # 3 -> 4: ``events.repeats``, the triggers of an article's later reports of the event (a
        # version 3 store kept only their count: its events get an empty list). A store upgraded
        # from version 2 already has the column (the 2 -> 3 step creates today's table).
        3: "ALTER TABLE events ADD COLUMN IF NOT EXISTS repeats JSON;"
           "UPDATE events SET repeats = '[]' WHERE repeats IS NULL;",
        # 4 -> 5: ``events.proposed_by`` (rules or the learned model's recall stage; before version 5
        # the model proposed none of the stored events unless its recall thresholds were on, and
        # the store cannot tell: "rules"), and ``events_flat`` with it.
        4: "ALTER TABLE events ADD COLUMN IF NOT EXISTS proposed_by VARCHAR;"
           "UPDATE events SET proposed_by = 'rules' WHERE proposed_by IS NULL;" + VIEWS,
    }


# -- actor methods --------------------------------------------------------------------------------
_HEAD = re.compile(r"[^:+@]*")


@functools.lru_cache(maxsize=1)
def method_categories() -> dict[str, dict]:
    """Category -> {description, heads} from ``data/actor_methods.yaml``, ``other`` last."""
    text = resources.files("chronicle").joinpath("data", "actor_methods.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    return {**data["categories"], "other": {"description": data["other"]["description"], "heads": []}}


@functools.lru_cache(maxsize=1)
def _category_of_head() -> dict[str, str]:
    return {head: name for name, entry in method_categories().items() for head in entry["heads"]}


def method_category(method: str | None) -> str | None:
    """The category of a coder's method string ("link:name:Donald Trump" -> "linked"); None stays
    None, a first word no category lists is "other"."""
    if method is None:
        return None
    return _category_of_head().get(_HEAD.match(method).group(0), "other")


def method_category_sql(column: str) -> str:
    """``method_category`` as a DuckDB SQL expression over ``column`` (for the upgrade)."""
    heads = _category_of_head()
    cases = " ".join(f"WHEN '{head}' THEN '{name}'" for head, name in sorted(heads.items()))
    head = f"regexp_extract({column}, '^[^:+@]*')"
    return f"CASE WHEN {column} IS NULL THEN NULL ELSE (CASE {head} {cases} ELSE 'other' END) END"
