"""``write_sqlite``: the store as a SQLite file with keys, views and datasette metadata (no spaCy);
datasette's own test client opens it."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
import sqlite3

import pytest

from chronicle.dedup.store import merge_store
from chronicle.schema import Article
from chronicle.store import Store, StoreError
from chronicle.store.sqlite_export import write_sqlite
from tests.test_store_schema import INFO, ISRAEL, NOW, actor, corpus, event, make_v2


def stored(tmp_path, *, merged: bool = True):
    """A store of two articles: the corpus of ``test_store_schema`` (two events) and a second
    outlet's report of the accusation, its date assumed (--published)."""
    path = tmp_path / "c.duckdb"
    second = (Article(id="b1", text="Story two.", published=dt.date(2024, 5, 7), published_assumed=True,
                      source="BBC"),
              [event("b1", source=[actor("Israel", "knowledge-base", **ISRAEL)],
                     target=[actor("Hamas", "knowledge-base", actor_id="hamas", country="PSE", sector="PTY")])])
    with Store(path) as store:
        with store.transaction():
            store.add_articles(corpus() + [second], INFO, NOW)
        if merged:
            merge_store(store)
    return path


def rows(path, sql: str) -> list[tuple]:
    con = sqlite3.connect(path)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_sqlite_file_has_the_tables_keys_views_and_typed_values(tmp_path):
    db = stored(tmp_path)
    out = tmp_path / "events.sqlite"
    with Store(db, read_only=True) as store:
        result = write_sqlite(store, out)
        flat = store.conn.execute("SELECT event_id, source_country, target_country, published_assumed "
                                  "FROM events_flat ORDER BY 1").fetchall()
        dyads = store.conn.execute("SELECT count(*) FROM dyads").fetchone()[0]
    assert result["tables"] == {"articles": 2, "events": 3, "event_actors": 6, "merged_events": 3,
                                "reports": 3, "quarantine": 0}
    assert result["merged"] is True and result["metadata"] == str(tmp_path / "metadata.json")
    assert rows(out, "PRAGMA foreign_key_check") == []
    assert rows(out, "SELECT event_id, source_country, target_country, published_assumed FROM events_flat "
                     "ORDER BY 1") == [(e, s, t, int(a)) for e, s, t, a in flat]
    assert rows(out, "SELECT count(*) FROM dyads") == [(dyads,)] == [(3,)]
    assert rows(out, "SELECT published, published_assumed, typeof(ingested_at) FROM articles ORDER BY seq") == [
        ("2024-05-06", 0, "text"), ("2024-05-07", 1, "text")]
    cameo, contexts, date = rows(out, "SELECT cameo, contexts, date FROM events LIMIT 1")[0]
    assert cameo == "111" and json.loads(contexts) == [] and json.loads(date)["method"] == "publication"
    assert rows(out, "SELECT DISTINCT method FROM event_actors ORDER BY 1") == [
        ("agent",), ("anaphor",), ("dictionary",), ("linked",)]
    keys = {r[2] for r in rows(out, "SELECT * FROM pragma_foreign_key_list('reports')")}
    assert keys == {"merged_events", "events"}


def test_a_stale_merge_is_left_out_and_the_file_is_replaced_whole(tmp_path):
    db = stored(tmp_path)
    out = tmp_path / "events.sqlite"
    out.write_text("an older export")
    with Store(db) as store:
        with store.transaction():
            store.add_articles([(Article(id="c1", text="Story three."), [event("c1")])], INFO, NOW)
        result = write_sqlite(store, out)
    assert result["merged"] is False
    assert result["tables"]["events"] == 4 and result["tables"]["reports"] == 0
    assert rows(out, "SELECT count(*) FROM events_flat WHERE merged_id IS NOT NULL") == [(0,)]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []   # no temporary file left
    mask = os.umask(0)
    os.umask(mask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~mask                             # not mkstemp's 0600


def test_export_refuses_an_old_store_and_an_unwritable_place_in_one_line(tmp_path):
    db = stored(tmp_path)
    old = tmp_path / "v2.duckdb"
    make_v2(db, old)
    with Store(old, read_only=True) as store:
        with pytest.raises(StoreError, match=r"has schema version 2: open it for writing once"):
            write_sqlite(store, tmp_path / "x.sqlite")
    with Store(db, read_only=True) as store:
        with pytest.raises(StoreError, match=r"cannot write .*nowhere/x.sqlite: No such file or directory"):
            write_sqlite(store, tmp_path / "nowhere" / "x.sqlite")


def test_metadata_names_the_database_and_describes_columns_and_facets(tmp_path):
    db = stored(tmp_path)
    with Store(db, read_only=True) as store:
        write_sqlite(store, tmp_path / "corpus.sqlite")
    metadata = json.loads((tmp_path / "metadata.json").read_text())
    tables = metadata["databases"]["corpus"]["tables"]
    assert tables["events_flat"]["facets"][:5] == ["event_type", "quad_class", "factuality",
                                                   "source_country", "target_country"]
    assert "sentence" in tables["events_flat"]["columns"]
    assert "linked (" in tables["event_actors"]["columns"]["method"]        # the categories, explained
    for table, spec in tables.items():            # every described column exists
        columns = {r[1] for r in rows(tmp_path / "corpus.sqlite", f"PRAGMA table_xinfo('{table}')")}
        assert set(spec.get("columns", {})) <= columns, table


def test_datasette_serves_the_tables_views_and_facets(tmp_path):
    datasette_app = pytest.importorskip("datasette.app")
    db = stored(tmp_path)
    out = tmp_path / "corpus.sqlite"
    with Store(db, read_only=True) as store:
        write_sqlite(store, out)
    metadata = json.loads((tmp_path / "metadata.json").read_text())

    async def fetch(paths):
        ds = datasette_app.Datasette([str(out)], metadata=metadata)
        return {p: await ds.client.get(p) for p in paths}

    pages = ["/corpus/" + t for t in ("events", "event_actors", "articles", "merged_events", "reports",
                                      "quarantine", "events_flat", "dyads")]
    faceted = "/corpus/events_flat.json?_facet=event_type&_facet=source_country"
    got = asyncio.run(fetch(pages + [faceted, "/corpus/dyads.json"]))
    assert {p: r.status_code for p, r in got.items()} == {p: 200 for p in got}
    facets = got[faceted].json()["facet_results"]
    assert {"event_type", "quad_class", "factuality", "source_country", "target_country"} <= set(facets)
    counts = {v["value"]: v["count"] for v in facets["event_type"]["results"]}
    assert counts == {"ACCUSE": 2, "COERCE": 1}
    html = got["/corpus/events_flat"].text
    assert 'data-column-description="The evidence, the sentence of the article that reports the event."' in html
    assert "Israel accused Hamas and Fatah of firing rockets." in html


def test_reviews_are_exported_when_the_store_has_them(tmp_path):
    from chronicle.store.reviews import add_review, ensure_reviews_table

    db = stored(tmp_path)
    with Store(db) as store:
        ensure_reviews_table(store.conn)
        seq, event_id = store.conn.execute("SELECT article_seq, id FROM events LIMIT 1").fetchone()
        add_review(store.conn, event_id=event_id, article_seq=seq, verdict="right", corrections=None,
                   reviewer="ann", note=None)
        result = write_sqlite(store, tmp_path / "r.sqlite")
    assert result["tables"]["reviews"] == 1
    assert rows(tmp_path / "r.sqlite", "SELECT verdict, reviewer FROM reviews") == [("right", "ann")]
