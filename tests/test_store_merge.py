"""Counting events, not reports: ``merge_store``, ``chronicle dedupe`` and ``export --merged``.

The store is built from hand-made articles and events (no spaCy): Reuters and the BBC report that
Israel accused Hamas in Cairo on 6 May 2024; AP reports Kenyan police arresting protesters.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json

import duckdb
import pytest
from click.testing import CliRunner

from chronicle.cli import cli
from chronicle.schema import Actor, Article, CoderInfo, Event, EventDate, Location, Span
from chronicle.store import SCHEMA_VERSION, Store, StoreError
from chronicle.io.gdelt import COLUMNS
from chronicle.dedup.store import MergeSummary, merge_store
from chronicle.store.query import iter_merged, iter_records

INFO = CoderInfo(version="0.1.0", data_version="test")
NOW = dt.datetime(2024, 5, 7, 12, 0, 0)
CAIRO = Location(name="Cairo", country="EGY", lat=30.06263, lon=31.24967, geonameid=360630,
                 precision="city")
NAIROBI = Location(name="Nairobi", country="KEN", lat=-1.28333, lon=36.81667, geonameid=184745,
                   precision="city")


def actor(text: str, **codes) -> Actor:
    return Actor(text=text, start=0, end=len(text), name=text, **codes)


def accusation(doc_id: str, *, mentions: int = 1, day: str = "2024-05-06",
               method: str = "expression") -> Event:
    text = "Israel accused Hamas of firing rockets, officials said in Cairo."
    return Event(
        id=hashlib.sha1(f"{doc_id}|accuse".encode()).hexdigest()[:16], doc_id=doc_id, sentence_index=0,
        sentence=text, event_type="ACCUSE", cameo="111", quad_class=3, goldstein=-2.0,
        factuality="actual",
        source=[actor("Israel", actor_id="israel", country="ISR", sector="GOV")],
        target=[actor("Hamas", actor_id="hamas", country="PSE", sector="PTY")],
        trigger=Span(text="accused", start=7, end=14),
        date=EventDate(value=day, precision="day", method=method), location=CAIRO,
        confidence=0.8, mentions=mentions, coder=INFO)


def arrest(doc_id: str) -> Event:
    text = "Kenyan police arrested 40 protesters in Nairobi on Monday."
    return Event(
        id=hashlib.sha1(f"{doc_id}|arrest".encode()).hexdigest()[:16], doc_id=doc_id, sentence_index=1,
        sentence=text, event_type="COERCE", cameo="173", quad_class=4, goldstein=-5.0,
        factuality="actual", source=[actor("Kenyan police", country="KEN", sector="COP")],
        target=[actor("protesters")], trigger=Span(text="arrested", start=14, end=22),
        date=EventDate(value="2024-05-06", precision="day", method="expression"), location=NAIROBI,
        confidence=0.7, coder=INFO)


def corpus() -> list[tuple[Article, list[Event]]]:
    """Two outlets report one event (Reuters twice in its article), a third another event."""
    return [
        (Article(id="reuters-1", text="Reuters story", published=dt.date(2024, 5, 6), source="Reuters",
                 url="https://www.reuters.com/1"), [accusation("reuters-1", mentions=2)]),
        (Article(id="bbc-1", text="BBC story", published=dt.date(2024, 5, 6),
                 url="https://www.bbc.co.uk/news/1"), [accusation("bbc-1")]),
        (Article(id="ap-1", text="AP story", published=dt.date(2024, 5, 6), source="AP",
                 url="https://apnews.com/1"), [arrest("ap-1")]),
    ]


def build(path, pairs=None) -> None:
    with Store(path) as store, store.transaction():
        store.add_articles(pairs if pairs is not None else corpus(), INFO, NOW)


def snapshot(path) -> tuple[list, list]:
    with Store(path, read_only=True) as store:
        merged = store.conn.execute("SELECT * FROM merged_events ORDER BY id").fetchall()
        reports = store.conn.execute("SELECT * FROM reports ORDER BY merged_id, position").fetchall()
    return merged, reports


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "c.duckdb"
    build(path)
    return path


@pytest.fixture
def merged_db(db):
    with Store(db) as store:
        merge_store(store)
    return db


@pytest.fixture
def runner():
    return CliRunner()


# -- merge_store ------------------------------------------------------------------------------------
def test_merge_counts_events_not_reports(db):
    with Store(db) as store:
        summary = merge_store(store)
        counts = store.counts()
        rows = store.conn.execute(
            "SELECT m.num_mentions, m.num_articles, m.num_sources, e.doc_id, "
            "(SELECT list(a.id ORDER BY r.position) FROM reports r JOIN articles a ON a.seq = r.article_seq "
            " WHERE r.merged_id = m.id) FROM merged_events m JOIN events e "
            "ON e.article_seq = m.article_seq AND e.id = m.event_id ORDER BY m.num_articles DESC").fetchall()
        outlets = store.conn.execute("SELECT source FROM reports ORDER BY source").fetchall()
        per_event = store.conn.execute(
            "SELECT count(*) FROM events e JOIN reports r ON r.article_seq = e.article_seq "
            "AND r.event_id = e.id GROUP BY e.article_seq, e.id").fetchall()
    assert summary == MergeSummary(events=3, merged=2, articles=3)
    assert summary.merged_away == 1
    assert summary.summary() == "3 events, 2 merged events, 1 events merged away"
    assert counts["merged_events"] == 2 and counts["reports"] == 3
    assert per_event == [(1,), (1,), (1,)]                      # every event in exactly one merged event
    (m1, a1, s1, rep1, reports1), (m2, a2, s2, rep2, reports2) = rows
    assert (m1, a1, s1) == (3, 2, 2)                              # 2 Reuters mentions + 1 BBC
    assert sorted(reports1) == ["bbc-1", "reuters-1"] and rep1 in reports1
    assert (m2, a2, s2, rep2, reports2) == (1, 1, 1, "ap-1", ["ap-1"])
    assert outlets == [("ap",), ("bbc.co.uk",), ("reuters",)]    # source, else the URL's host


def test_merge_twice_changes_nothing_and_ids_do_not_depend_on_the_database(db, tmp_path):
    with Store(db) as store:
        first = merge_store(store)
    before = snapshot(db)
    with Store(db) as store:
        second = merge_store(store)
    assert second == first and snapshot(db) == before
    other = tmp_path / "other.duckdb"                  # the same articles, ingested in another order
    build(other, list(reversed(corpus())))
    with Store(other) as store:
        merge_store(store)
    assert [m[0] for m in snapshot(other)[0]] == [m[0] for m in before[0]]


def test_merge_options_reach_merge_reports(tmp_path):
    # BBC's report carries no stated date: it is dated by its publication, two days later
    pairs = corpus()
    pairs[1] = (pairs[1][0].model_copy(update={"published": dt.date(2024, 5, 8)}),
                [accusation("bbc-1", day="2024-05-08", method="publication")])
    path = tmp_path / "w.duckdb"
    build(path, pairs)
    with Store(path) as store:
        assert merge_store(store, window_days=0).merged == 3
        assert merge_store(store, window_days=3).merged == 2


def test_merge_is_one_transaction(db, monkeypatch):
    with Store(db) as store:
        merge_store(store)
    before = snapshot(db)
    with Store(db) as store:
        real = store._insert_rows

        def broken(table, columns, rows):
            if table == "reports":
                raise duckdb.Error("disk full")
            return real(table, columns, rows)

        monkeypatch.setattr(store, "_insert_rows", broken)
        with pytest.raises(StoreError, match="disk full"):
            merge_store(store)
    assert snapshot(db) == before


def test_new_events_make_the_merge_stale(merged_db):
    with Store(merged_db) as store:
        with store.transaction():
            store.add_articles([(Article(id="afp-1", text="AFP story", published=dt.date(2024, 5, 6),
                                         source="AFP"), [accusation("afp-1")])], INFO, NOW)
        with pytest.raises(StoreError, match="1 stored events are not merged .* run 'chronicle dedupe'"):
            iter_merged(store)
        assert merge_store(store) == MergeSummary(events=4, merged=2, articles=4)
        top = max(iter_merged(store), key=lambda r: r.num_articles)
    assert (top.num_mentions, top.num_articles, top.num_sources) == (4, 3, 3)


def test_iter_merged_yields_representatives_with_reports(merged_db):
    with Store(merged_db, read_only=True) as store:
        records = list(iter_merged(store))
        events = [e for e, _ in iter_records(store)]
    assert len(records) == 2
    big = next(r for r in records if r.num_articles == 2)
    assert big.event in events and big.ref.id == big.event.doc_id
    assert [r.doc_id for r in big.reports] == ["bbc-1", "reuters-1"] or \
        [r.doc_id for r in big.reports] == ["reuters-1", "bbc-1"]
    assert {r.url for r in big.reports} == {"https://www.reuters.com/1", "https://www.bbc.co.uk/news/1"}
    assert sum(r.mentions for r in big.reports) == big.num_mentions == 3


# -- schema version 1 -> 2 ----------------------------------------------------------------------------
def downgrade_to_v1(path, tmp_path):
    """A version 1 copy of the store at ``path`` (a real version 2 database, then version 1's tables)."""
    from tests.test_store_schema import make_v2

    path, v3 = tmp_path / "v1.duckdb", path
    make_v2(v3, path)
    con = duckdb.connect(str(path))
    con.execute("DROP TABLE merged_events; DROP TABLE reports; "
                "CREATE TABLE reports (event_id VARCHAR NOT NULL, report_event_id VARCHAR NOT NULL); "
                "UPDATE schema_version SET version = 1")
    con.close()
    return path


def test_version_1_database_is_read_as_is_and_upgraded_when_written(db, runner, tmp_path):
    db = downgrade_to_v1(db, tmp_path)
    with Store(db, read_only=True) as store:
        assert store.schema_version == 1
        assert store.counts() == {"articles": 3, "events": 3, "event_actors": 6, "quarantine": 0,
                                  "reports": 0}
        assert len(list(iter_records(store))) == 3
        with pytest.raises(StoreError, match="has no merged events .* run 'chronicle dedupe' first"):
            iter_merged(store)
    result = runner.invoke(cli, ["export", "--db", str(db), "--merged"])
    assert result.exit_code == 1 and "run 'chronicle dedupe' first" in result.stderr
    with Store(db) as store:                          # opened for writing: upgraded
        assert store.schema_version == SCHEMA_VERSION == 5
        assert [r[0] for r in store.conn.execute("DESCRIBE reports").fetchall()] == \
            ["merged_id", "article_seq", "event_id", "position", "source"]
        assert merge_store(store).merged == 2


# -- export --merged ----------------------------------------------------------------------------------
def test_export_merged_jsonl_has_counts_and_reports(merged_db, runner):
    result = runner.invoke(cli, ["export", "--db", str(merged_db), "--merged"])
    assert result.exit_code == 0, result.output
    assert result.stderr == "chronicle: exported 2 merged events\n"
    records = [json.loads(line) for line in result.stdout.splitlines()]
    by_type = {r["event_type"]: r for r in records}
    accuse, coerce = by_type["ACCUSE"], by_type["COERCE"]
    assert (accuse["num_mentions"], accuse["num_articles"], accuse["num_sources"]) == (3, 2, 2)
    assert sorted(r["doc_id"] for r in accuse["reports"]) == ["bbc-1", "reuters-1"]
    assert {r["source"] for r in accuse["reports"]} == {"reuters", "bbc.co.uk"}
    assert accuse["reports"][0]["published"] == "2024-05-06" and accuse["reports"][0]["trigger"] == "accused"
    assert (coerce["num_mentions"], coerce["num_articles"], coerce["num_sources"]) == (1, 1, 1)
    assert [r["doc_id"] for r in coerce["reports"]] == ["ap-1"]
    assert Event.model_validate({k: v for k, v in accuse.items()
                                 if k not in ("merged_id", "num_mentions", "num_articles",
                                              "num_sources", "reports", "article")})
    assert len({r["merged_id"] for r in records}) == 2
    # filters apply to the representative event
    only = runner.invoke(cli, ["export", "--db", str(merged_db), "--merged", "--country", "KEN"])
    assert [json.loads(line)["event_type"] for line in only.stdout.splitlines()] == ["COERCE"]


def gdelt(runner, db, *extra) -> list[dict]:
    result = runner.invoke(cli, ["export", "--db", str(db), "--format", "gdelt", *extra])
    assert result.exit_code == 0, result.output
    return [dict(zip(COLUMNS, line.split("\t"))) for line in result.stdout.splitlines()]


def test_export_merged_gdelt_counts(merged_db, runner):
    rows = gdelt(runner, merged_db, "--merged")
    assert len(rows) == 2 and all(len(r) == 61 for r in rows)
    counts = {r["EventCode"]: (r["NumMentions"], r["NumSources"], r["NumArticles"]) for r in rows}
    assert counts == {"111": ("3", "2", "2"), "173": ("1", "1", "1")}
    # without --merged: one row per report, each counting itself (its mentions, 1 source, 1 article)
    per_report = gdelt(runner, merged_db)
    assert sorted((r["EventCode"], r["NumMentions"], r["NumSources"], r["NumArticles"]) for r in per_report) \
        == [("111", "1", "1", "1"), ("111", "2", "1", "1"), ("173", "1", "1", "1")]
    assert not {r["GLOBALEVENTID"] for r in rows} & {r["GLOBALEVENTID"] for r in per_report}
    assert gdelt(runner, merged_db, "--merged") == rows                    # stable ids


def test_export_merged_csv_and_parquet(merged_db, runner, tmp_path):
    result = runner.invoke(cli, ["export", "--db", str(merged_db), "--merged", "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    accuse = next(r for r in rows if r["event_type"] == "ACCUSE")
    assert (accuse["num_mentions"], accuse["num_articles"], accuse["num_sources"]) == ("3", "2", "2")
    assert sorted(accuse["reports"].split("; ")) == ["bbc-1", "reuters-1"]
    out = tmp_path / "m.parquet"
    result = runner.invoke(cli, ["export", "--db", str(merged_db), "--merged", "--format", "parquet",
                                 "--out", str(out)])
    assert result.exit_code == 0, result.output
    got = duckdb.connect().execute(
        f"SELECT event_type, num_mentions, num_articles, num_sources, len(reports) "
        f"FROM '{out}' ORDER BY event_type").fetchall()
    assert got == [("ACCUSE", 3, 2, 2, 2), ("COERCE", 1, 1, 1, 1)]


def test_export_merged_refuses_a_stale_merge_before_writing(merged_db, runner, tmp_path):
    with Store(merged_db) as store, store.transaction():
        store.add_articles([(Article(id="x", text="x", published=dt.date(2024, 5, 6)), [arrest("x")])],
                           INFO, NOW)
    out = tmp_path / "out.jsonl"
    result = runner.invoke(cli, ["export", "--db", str(merged_db), "--merged", "--out", str(out)])
    assert result.exit_code == 1
    assert result.stderr == ("Error: 1 stored events are not merged (articles were ingested or "
                             "re-coded after the last merge): run 'chronicle dedupe' first\n")
    assert not out.exists()


# -- chronicle dedupe -------------------------------------------------------------------------------
def test_dedupe_command(db, runner):
    result = runner.invoke(cli, ["dedupe", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert result.stdout == "chronicle: 3 events, 2 merged events, 1 events merged away\n"
    before = snapshot(db)
    again = runner.invoke(cli, ["dedupe", "--db", str(db), "--window-days", "3"])
    assert again.exit_code == 0 and again.stdout == result.stdout
    assert snapshot(db) == before


def test_dedupe_needs_a_database(runner, tmp_path):
    result = runner.invoke(cli, ["dedupe", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1
    assert "no database at" in result.stderr and "run 'chronicle ingest' first" in result.stderr
    bad = runner.invoke(cli, ["dedupe", "--db", str(tmp_path / "none.duckdb"), "--window-days", "-1"])
    assert bad.exit_code == 2
