"""The store's schema (version 5): keys, the ``events_flat`` and ``dyads`` views, the actor method
category, ``published_assumed``, ``events.repeats``, ``events.proposed_by``, and the upgrades of
version 2, 3 and 4 databases (no spaCy)."""

from __future__ import annotations

import datetime as dt
import hashlib

import duckdb
import pytest

from chronicle.dedup.store import merge_new, merge_store
from chronicle.schema import Actor, Article, CoderInfo, Event, EventDate, Repeat, Span
from chronicle.store import SCHEMA_VERSION, Store, recode
from chronicle.io.parquet import write_parquet
from chronicle.io.selection import Selection
from chronicle.store.query import iter_records
from chronicle.store.tables import method_categories, method_category

INFO = CoderInfo(version="0.1.0", data_version="test")
NOW = dt.datetime(2024, 5, 7, 12, 0, 0)

# The version 2 schema as Chronicle 0.2 wrote it (no keys, no published_assumed, whole methods).
V2_SCHEMA = """
CREATE SEQUENCE article_seq START {start};
CREATE TABLE schema_version (version INTEGER NOT NULL);
CREATE TABLE articles (
    seq BIGINT NOT NULL DEFAULT nextval('article_seq'), id VARCHAR NOT NULL,
    content_hash VARCHAR NOT NULL UNIQUE, title VARCHAR, published DATE, source VARCHAR, url VARCHAR,
    text VARCHAR NOT NULL, ingested_at TIMESTAMP NOT NULL, coder_version VARCHAR, data_version VARCHAR);
CREATE TABLE events AS SELECT * EXCLUDE (repeats, proposed_by) FROM v3.events LIMIT 0;
CREATE TABLE event_actors (
    article_seq BIGINT NOT NULL, event_id VARCHAR NOT NULL, side VARCHAR NOT NULL, position INTEGER NOT NULL,
    text VARCHAR, "start" INTEGER, "end" INTEGER, name VARCHAR, actor_id VARCHAR,
    country VARCHAR, sector VARCHAR, role VARCHAR, method VARCHAR, confidence DOUBLE);
CREATE TABLE quarantine ("where" VARCHAR NOT NULL, reason VARCHAR NOT NULL, excerpt VARCHAR, "at" TIMESTAMP NOT NULL);
CREATE TABLE merged_events (id VARCHAR NOT NULL, article_seq BIGINT NOT NULL, event_id VARCHAR NOT NULL,
    num_mentions INTEGER NOT NULL, num_articles INTEGER NOT NULL, num_sources INTEGER NOT NULL);
CREATE TABLE reports (merged_id VARCHAR NOT NULL, article_seq BIGINT NOT NULL, event_id VARCHAR NOT NULL,
    position INTEGER NOT NULL, source VARCHAR);
"""


def make_v2(v3_path, v2_path) -> None:
    """A version 2 database holding the rows of the version 3 store at ``v3_path``."""
    con = duckdb.connect(str(v2_path))
    con.execute(f"ATTACH '{v3_path}' AS v3 (READ_ONLY)")
    start = con.execute("SELECT coalesce(max(seq), 0) + 1 FROM v3.articles").fetchone()[0]
    con.execute(V2_SCHEMA.format(start=start))
    con.execute("INSERT INTO schema_version VALUES (2)")
    con.execute("INSERT INTO articles SELECT seq, id, content_hash, title, published, source, url, text, "
                "ingested_at, coder_version, data_version FROM v3.articles")
    con.execute("INSERT INTO events SELECT * EXCLUDE (repeats, proposed_by) FROM v3.events")
    con.execute('INSERT INTO event_actors SELECT article_seq, event_id, side, position, text, "start", '
                '"end", name, actor_id, country, sector, role, method_detail, confidence FROM v3.event_actors')
    for table in ("quarantine", "merged_events", "reports"):
        con.execute(f"INSERT INTO {table} SELECT * FROM v3.{table}")
    con.close()


def actor(text: str, method: str | None, **codes) -> Actor:
    return Actor(text=text, start=0, end=len(text), name=text, method=method, **codes)


ISRAEL = dict(actor_id="israel", country="ISR", sector="GOV")


def event(doc: str, n: int = 0, *, source=(), target=(), date: EventDate | None = None,
          event_type: str = "ACCUSE") -> Event:
    return Event(
        id=hashlib.sha1(f"{doc}|{n}".encode()).hexdigest()[:16], doc_id=doc, sentence_index=n,
        sentence="Israel accused Hamas and Fatah of firing rockets.", event_type=event_type,
        cameo="111", quad_class=3, goldstein=-2.0, factuality="actual", source=list(source),
        target=list(target), trigger=Span(text="accused", start=7, end=14),
        date=date or EventDate(value="2024-05-06", precision="day", method="publication"),
        confidence=0.8, coder=INFO)


def corpus() -> list[tuple[Article, list[Event]]]:
    """One article, two events: Israel accuses Hamas and Fatah (two targets), and an event
    without a target."""
    accuse = event("a1", 0, source=[actor("Israel", "knowledge-base", **ISRAEL)],
                   target=[actor("Hamas", "link:name:Hamas+story-country", country="PSE", sector="PTY"),
                           actor("they", "anaphor:Fatah", country="PSE", sector="PTY")])
    lone = event("a1", 1, source=[actor("police", "agent+article-country", country="ISR", sector="COP")],
                 event_type="COERCE")
    return [(Article(id="a1", text="Story one.", title="Israel accuses", published=dt.date(2024, 5, 6),
                     source="Reuters", url="https://r.example/1"), [accuse, lone])]


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "c.duckdb"
    with Store(path) as store, store.transaction():
        store.add_articles(corpus(), INFO, NOW)
    return path


# -- keys -------------------------------------------------------------------------------------------
def test_keys_refuse_a_second_event_with_an_id_and_an_event_without_its_article(db):
    with Store(db) as store:
        with pytest.raises(duckdb.ConstraintException, match="primary key"):
            store.conn.execute("INSERT INTO events (article_seq, position, id, doc_id, event_type) "
                               "SELECT article_seq, 9, id, doc_id, event_type FROM events LIMIT 1")
        with pytest.raises(duckdb.ConstraintException, match="foreign key"):
            store.conn.execute("INSERT INTO events (article_seq, position, id, doc_id, event_type) "
                               "VALUES (99, 0, 'x', 'x', 'ACCUSE')")
        keys = store.conn.execute(
            "SELECT table_name, constraint_type FROM information_schema.table_constraints "
            "WHERE constraint_type IN ('PRIMARY KEY', 'FOREIGN KEY') ORDER BY 1, 2").fetchall()
    assert set(keys) >= {("articles", "PRIMARY KEY"), ("events", "PRIMARY KEY"),
                         ("events", "FOREIGN KEY"), ("event_actors", "PRIMARY KEY"),
                         ("event_actors", "FOREIGN KEY"), ("merged_events", "PRIMARY KEY"),
                         ("reports", "PRIMARY KEY"), ("reports", "FOREIGN KEY")}


class Recoder:
    info = CoderInfo(version="0.2.0", data_version="test")

    def pipe(self, articles, batch_size=16):
        for article in articles:
            yield article, [e.model_copy(update={"coder": self.info}) for e in corpus()[0][1]]


def test_recode_and_merges_replace_keyed_rows_in_one_transaction(db):
    """DuckDB checks keys against rows deleted earlier in the same transaction only from 1.2 on:
    re-coding an article re-inserts its events under the same keys, a merge its merged events."""
    with Store(db) as store:
        assert merge_store(store).merged == 2
        assert recode(store, Recoder()).recoded == 1
        assert merge_new(store).merged == 2
        assert merge_store(store).merged == 2
        assert store.conn.execute("SELECT DISTINCT coder_version FROM events").fetchall() == [("0.2.0",)]


# -- method category --------------------------------------------------------------------------------
@pytest.mark.parametrize("method, category", [
    ("knowledge-base", "dictionary"), ("knowledge-base:role+title", "dictionary"),
    ("country", "dictionary"), ("demonym", "dictionary"), ("agent+article-country", "agent"),
    ("modifiers+party-tag", "agent"), ("title", "title"), ("link:name:Donald Trump+story-country", "linked"),
    ("link:same-name:Roy Moore", "linked"), ("owner:donald-trump", "owner"), ("anaphor:Mr. Trump", "anaphor"),
    ("ner+subnational", "name"), ("unknown", "unknown"), ("something-new:x", "other"), (None, None),
    ("implicit:state+story-country", "implied"), ("unnamed-people+story-country", "implied"),
])
def test_method_category(method, category):
    assert method_category(method) == category


def test_method_is_a_category_and_the_detail_keeps_the_coders_method(db):
    with Store(db, read_only=True) as store:
        rows = store.conn.execute("SELECT method, method_detail FROM event_actors ORDER BY event_id, "
                                  "side, position").fetchall()
        events = [e for e, _ in iter_records(store)]
    assert set(rows) == {("dictionary", "knowledge-base"), ("linked", "link:name:Hamas+story-country"),
                         ("anaphor", "anaphor:Fatah"), ("agent", "agent+article-country")}
    assert events == corpus()[0][1]                      # the Event keeps the coder's whole method
    assert {r[0] for r in rows} <= set(method_categories())


# -- views ------------------------------------------------------------------------------------------
def test_events_flat_has_one_row_per_event_with_its_article_and_first_actors(db):
    with Store(db, read_only=True) as store:
        cur = store.conn.execute("SELECT * FROM events_flat ORDER BY event_type")
        names = [d[0] for d in cur.description]
        rows = [dict(zip(names, r)) for r in cur.fetchall()]
    assert len(rows) == 2
    accuse, coerce = rows
    assert (accuse["published"], accuse["published_assumed"], accuse["outlet"], accuse["url"],
            accuse["title"]) == (dt.date(2024, 5, 6), False, "Reuters", "https://r.example/1",
                                 "Israel accuses")
    assert (accuse["source_name"], accuse["source_country"], accuse["source_sector"],
            accuse["source_actor_id"]) == ("Israel", "ISR", "GOV", "israel")
    assert (accuse["target_name"], accuse["target_country"]) == ("Hamas", "PSE")   # the first target
    assert coerce["target_name"] is None and coerce["source_sector"] == "COP"
    assert accuse["merged_id"] is None                   # not merged yet


def test_dyads_have_one_row_per_source_and_target_pair(db):
    with Store(db) as store:
        merge_store(store)
        rows = store.conn.execute(
            "SELECT event_type, source_country, source_sector, target_country, target_name, "
            "target_position, merged_id IS NOT NULL FROM dyads ORDER BY target_position").fetchall()
    assert rows == [("ACCUSE", "ISR", "GOV", "PSE", "Hamas", 0, True),
                    ("ACCUSE", "ISR", "GOV", "PSE", "they", 1, True)]   # the event without target: none


# -- published_assumed ------------------------------------------------------------------------------
def test_published_assumed_is_stored_and_read_back(tmp_path):
    pairs = [(Article(id=f"d{i}", text=f"Text {i}.", published=dt.date(2024, 5, 6), published_assumed=assumed),
              [event(f"d{i}", source=[actor("Israel", "knowledge-base", **ISRAEL)])])
             for i, assumed in ((1, True), (2, False))]
    with Store(tmp_path / "c.duckdb") as store:
        with store.transaction():
            store.add_articles(pairs, INFO, NOW)
        refs = {ref.id: ref.published_assumed for _, ref in iter_records(store)}
        flat = dict(store.conn.execute("SELECT doc_id, published_assumed FROM events_flat").fetchall())
        recoded = store.articles_to_recode(CoderInfo(version="new", data_version="x"), 0, 10)
    assert refs == flat == {"d1": True, "d2": False}
    assert [a.published_assumed for _, a in recoded] == [True, False]


# -- upgrade from version 2 -------------------------------------------------------------------------
def test_version_2_store_is_upgraded_with_keys_categories_and_views(db, tmp_path):
    with Store(db) as store:
        merge_store(store)
        before = [(e, ref[:7]) for e, ref in iter_records(store)]
        merged = store.conn.execute("SELECT * FROM merged_events ORDER BY id").fetchall()
    old = tmp_path / "v2.duckdb"
    make_v2(db, old)
    with Store(old, read_only=True) as store:       # read-only: read as it is
        assert store.schema_version == 2
        assert [(e, ref[:7]) for e, ref in iter_records(store)] == before
        assert not any(ref.published_assumed for _, ref in iter_records(store))
    with Store(old) as store:                       # opened for writing: upgraded
        assert store.schema_version == SCHEMA_VERSION == 5
        assert [(e, ref[:7]) for e, ref in iter_records(store)] == before
        assert store.conn.execute("SELECT * FROM merged_events ORDER BY id").fetchall() == merged
        methods = store.conn.execute("SELECT DISTINCT method FROM event_actors ORDER BY 1").fetchall()
        assert methods == [("agent",), ("anaphor",), ("dictionary",), ("linked",)]
        assert store.conn.execute("SELECT count(*) FROM events_flat").fetchone()[0] == 2
        assert store.conn.execute("SELECT count(*) FROM dyads").fetchone()[0] == 2
        assert store.conn.execute("SELECT bool_or(published_assumed) FROM articles").fetchone()[0] is False
        with pytest.raises(duckdb.ConstraintException):
            store.conn.execute("INSERT INTO articles (seq, id, content_hash, text, ingested_at) "
                               "SELECT seq, 'x', 'new', 'x', ingested_at FROM articles")
        with store.transaction():                   # new articles take the next seq
            store.add_articles([(Article(id="a2", text="Story two."), [])], INFO, NOW)
        assert merge_new(store).merged == 2


def test_stored_reports_never_merge_on_an_assumed_publication_day(tmp_path):
    """The same rule in a store, merged whole and merged incrementally (a new report meets the
    merged ones through ``dedup.reading``): an assumed day ties nothing together."""
    def pair(doc: str, assumed: bool):
        return (Article(id=doc, text=f"Story {doc}.", published=dt.date(2024, 5, 6), source=doc,
                        published_assumed=assumed),
                [event(doc, source=[actor("Israel", "knowledge-base", **ISRAEL)],
                       target=[actor("Hamas", "knowledge-base", actor_id="hamas", country="PSE",
                                     sector="PTY")])])

    for first, second, merged in ((False, False, 1), (True, False, 2), (False, True, 2), (True, True, 2)):
        path = tmp_path / f"{first}-{second}.duckdb"
        with Store(path) as store:
            with store.transaction():
                store.add_articles([pair("reuters", first)], INFO, NOW)
            merge_new(store)
            with store.transaction():
                store.add_articles([pair("bbc", second)], INFO, NOW)
            assert merge_new(store).merged == merged, (first, second)
            assert merge_store(store).merged == merged, (first, second)


def test_an_upgrade_that_fails_leaves_the_version_2_store_as_it_was(db, tmp_path, monkeypatch):
    import chronicle.store.db as store_db
    from chronicle.store import StoreError

    old = tmp_path / "v2.duckdb"
    make_v2(db, old)
    failing = {**store_db._MIGRATIONS, 2: store_db._MIGRATIONS[2] + "\nSELECT error('disk full');"}
    monkeypatch.setattr(store_db, "_MIGRATIONS", failing)
    with pytest.raises(StoreError, match="disk full"):
        Store(old)
    monkeypatch.undo()
    with Store(old, read_only=True) as store:
        assert store.schema_version == 2 and not store.has_table("events_flat")
        assert [t for t in ("articles_v2", "events_v2") if store.has_table(t)] == []
        assert len(list(iter_records(store))) == 2
    with Store(old) as store:
        assert store.schema_version == SCHEMA_VERSION


# -- upgrade from version 3 -------------------------------------------------------------------------
def test_version_3_store_reads_without_repeats_and_is_upgraded(db, tmp_path):
    """A version 3 store has no ``events.repeats``: read-only it exports events with no repeats;
    opened for writing it gains the column (empty lists) and new events keep theirs."""
    with Store(db) as store:
        before = [e for e, _ in iter_records(store)]
        store.conn.execute("ALTER TABLE events DROP COLUMN repeats")
        store.conn.execute("ALTER TABLE events DROP COLUMN proposed_by")
        store.conn.execute("UPDATE schema_version SET version = 3")
    with Store(db, read_only=True) as store:
        assert store.schema_version == 3 and not store.has_column("events", "repeats")
        assert [e for e, _ in iter_records(store)] == before
    with Store(db) as store:
        assert store.schema_version == SCHEMA_VERSION == 5
        assert [e for e, _ in iter_records(store)] == before
        repeated = event("a3", source=[actor("Israel", "knowledge-base", **ISRAEL)]).model_copy(
            update={"mentions": 2, "repeats": [Repeat(text="accused", start=60, end=67)]})
        with store.transaction():
            store.add_articles([(Article(id="a3", text="Story three."), [repeated])], INFO, NOW)
        assert [e.repeats for e, ref in iter_records(store) if ref.id == "a3"] == [repeated.repeats]


# -- upgrade from version 4 -------------------------------------------------------------------------
def test_version_4_store_reads_without_proposed_by_and_is_upgraded(db, tmp_path):
    """A version 4 store has no ``events.proposed_by``: read-only its events read as the rules'
    (the store cannot tell); opened for writing it gains the column, ``events_flat`` shows it, and
    an event the learned model proposed keeps ``proposed_by == "model"``."""
    with Store(db) as store:
        before = [e for e, _ in iter_records(store)]
        store.conn.execute("DROP VIEW events_flat")
        store.conn.execute("DROP VIEW dyads")
        store.conn.execute("ALTER TABLE events DROP COLUMN proposed_by")
        store.conn.execute("UPDATE schema_version SET version = 4")
    with Store(db, read_only=True) as store:
        assert store.schema_version == 4 and not store.has_column("events", "proposed_by")
        assert [e for e, _ in iter_records(store)] == before
        assert {e.proposed_by for e in before} == {"rules"}
        out = tmp_path / "v4.parquet"                  # the typed export (chronicle export --format parquet)
        assert write_parquet(store, str(out), Selection()) == len(before)
    assert {r[0] for r in duckdb.connect().execute(f"SELECT proposed_by FROM read_parquet('{out}')").fetchall()} \
        == {"rules"}
    with Store(db) as store:
        assert store.schema_version == SCHEMA_VERSION == 5
        assert [e for e, _ in iter_records(store)] == before
        proposed = event("a4", source=[actor("Israel", "knowledge-base", **ISRAEL)]).model_copy(
            update={"proposed_by": "model"})
        with store.transaction():
            store.add_articles([(Article(id="a4", text="Story four."), [proposed])], INFO, NOW)
        assert [e.proposed_by for e, ref in iter_records(store) if ref.id == "a4"] == ["model"]
        flat = dict(store.conn.execute("SELECT doc_id, proposed_by FROM events_flat").fetchall())
        assert flat["a4"] == "model" and set(flat.values()) == {"rules", "model"}
