"""The corpus store: exactly-once ingest, crash safety, quarantine, recode, queries and exports."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import pytest

import chronicle
from chronicle.schema import (
    Actor, Article, CoderInfo, Event, EventDate, Location, Span,
)
from chronicle.record import Rejected
from chronicle.io.read import read_paths
from chronicle.store import (
    SCHEMA_VERSION, EventFilter, Store, StoreError, coder_info, copy_parquet, ingest, iter_events,
    iter_records, recode,
)
from chronicle.io.gdelt import COLUMNS, GdeltWriter, cameo_country, fips_country

TESTS = Path(__file__).resolve().parent

ISR = dict(name="Israel", country="ISR", sector="GOV")
HAMAS = dict(name="Hamas", country="PSE", sector="PTY")
ROMANIA = dict(name="Romania", country="ROU", sector="GOV")
CAIRO = Location(name="Cairo", country="EGY", lat=30.06263, lon=31.24967, geonameid=360630,
                 precision="city")


def make_article(i: int, **meta) -> Article:
    return Article(id=f"a{i}", text=f"Article {i}: Israel accused Hamas of firing rockets (story {i}).",
                   published=dt.date(2024, 5, 6), **meta)


def events_for(article: Article, info: CoderInfo) -> list[Event]:
    """Deterministic events: article aN gets N % 3 events (so some articles have none)."""
    n = int(article.id.lstrip("a")) % 3 if article.id.lstrip("a").isdigit() else 1
    out = []
    for k in range(n):
        key = f"{article.id}|{k}|{info.version}|{info.data_version}"
        out.append(Event(
            id=hashlib.sha1(key.encode()).hexdigest()[:16], doc_id=article.id, sentence_index=k,
            sentence=article.text, event_type="ACCUSE" if k == 0 else "ASSAULT",
            cameo="111" if k == 0 else "190", quad_class=3 if k == 0 else 4,
            goldstein=-2.0 if k == 0 else -10.0, factuality="actual" if k == 0 else "hypothetical",
            source=[Actor(text="Israel", start=12, end=18, **ISR)],
            target=[Actor(text="Hamas", start=28, end=33, **HAMAS),
                    Actor(text="Romania", start=0, end=0, **ROMANIA)][: k + 1],
            trigger=Span(text="accused", start=19, end=26),
            date=EventDate(value="2024-05-06" if k == 0 else "2024-04", precision="day" if k == 0 else "month"),
            location=CAIRO if k == 0 else None, confidence=0.7, coder=info,
        ))
    return out


class FakeCoder:
    """Codes articles with ``events_for``; ``fail_on_batch=N`` raises while coding the N-th batch."""

    def __init__(self, info: CoderInfo | None = None, fail_on_batch: int | None = None):
        if info is not None:
            self.info = info
        self.fail_on_batch = fail_on_batch
        self.coded: list[str] = []

    def pipe(self, articles, batch_size=16, n_process=1):
        batch, number = [], 0
        for article in articles:
            batch.append(article)
            if len(batch) >= batch_size:
                number += 1
                yield from self._code(batch, number)
                batch = []
        if batch:
            yield from self._code(batch, number + 1)

    def _code(self, batch, number):
        if self.fail_on_batch == number:
            raise RuntimeError(f"coder crashed on batch {number}")
        info = coder_info(self)
        for article in batch:
            self.coded.append(article.id)
            yield article, events_for(article, info)


def stored_ids(db) -> list[str]:
    with Store(db, read_only=True) as store:
        return [r[0] for r in store.conn.execute("SELECT id FROM articles ORDER BY seq").fetchall()]


def assert_consistent(db, articles: list[Article]) -> None:
    """Every article stored exactly once, with exactly its events; no event without its article."""
    with Store(db, read_only=True) as store:
        rows = store.conn.execute(
            "SELECT a.id, count(e.id) FROM articles a LEFT JOIN events e ON e.article_seq = a.seq "
            "GROUP BY a.seq, a.id ORDER BY a.seq").fetchall()
        orphans = store.conn.execute(
            "SELECT count(*) FROM events e WHERE NOT EXISTS "
            "(SELECT 1 FROM articles a WHERE a.seq = e.article_seq)").fetchone()[0]
        orphan_actors = store.conn.execute(
            "SELECT count(*) FROM event_actors x WHERE NOT EXISTS (SELECT 1 FROM events e "
            "WHERE e.article_seq = x.article_seq AND e.id = x.event_id)").fetchone()[0]
    info = coder_info(FakeCoder())
    expected = {a.id: len(events_for(a, info)) for a in articles}
    assert sorted(i for i, _ in rows) == sorted(expected)          # each article once
    assert dict(rows) == expected                                  # with all its events
    assert orphans == 0 and orphan_actors == 0


# -- ingest -----------------------------------------------------------------------------------------
def test_new_store_has_schema_and_empty_tables(tmp_path):
    with Store(tmp_path / "c.duckdb") as store:
        assert store.schema_version == SCHEMA_VERSION == 5
        assert store.counts() == {"articles": 0, "events": 0, "event_actors": 0, "quarantine": 0,
                                  "reports": 0, "merged_events": 0}
        columns = [r[0] for r in store.conn.execute("DESCRIBE reports").fetchall()]
        assert columns == ["merged_id", "article_seq", "event_id", "position", "source"]


def test_ingest_stores_articles_with_their_events(tmp_path):
    db = tmp_path / "c.duckdb"
    articles = [make_article(i, url=f"https://news.example/{i}") for i in range(1, 8)]
    with Store(db) as store:
        stats = ingest(store, articles, FakeCoder(), batch_size=3)
        counts = store.counts()
        row = store.conn.execute("SELECT id, title, published, url, text, coder_version FROM articles "
                                 "WHERE id = 'a2'").fetchone()
    assert (stats.stored, stats.duplicates, stats.quarantined) == (7, 0, 0)
    assert stats.events == counts["events"] == sum(i % 3 for i in range(1, 8))
    assert counts["articles"] == 7
    assert row == ("a2", None, dt.date(2024, 5, 6), "https://news.example/2", articles[1].text, chronicle.__version__)
    assert_consistent(db, articles)


def test_reingest_is_idempotent(tmp_path):
    db = tmp_path / "c.duckdb"
    articles = [make_article(i) for i in range(1, 6)]
    items = [*articles, Rejected("x.jsonl:3", "not JSON (Expecting value at column 1)")]
    with Store(db) as store:
        ingest(store, items, FakeCoder(), batch_size=2)
        before = store.counts()
        coder = FakeCoder()
        again = ingest(store, items, coder, batch_size=2)
        after = store.counts()
    assert (again.stored, again.duplicates, again.quarantined, again.events) == (0, 5, 1, 0)
    assert coder.coded == []                      # duplicates are skipped before coding
    assert after == before and before["quarantine"] == 1


def test_same_text_twice_in_one_run_is_stored_once(tmp_path):
    first = make_article(1)
    copy = Article(id="copy-of-a1", text=first.text)
    with Store(tmp_path / "c.duckdb") as store:
        stats = ingest(store, [first, make_article(2), copy], FakeCoder(), batch_size=16)
        assert store.counts()["articles"] == 2
    assert (stats.stored, stats.duplicates) == (2, 1)


def test_limit_counts_new_articles_so_limited_runs_walk_the_corpus(tmp_path):
    db = tmp_path / "c.duckdb"
    articles = [make_article(i) for i in range(1, 8)]
    with Store(db) as store:
        assert ingest(store, articles, FakeCoder(), batch_size=2, limit=3).stored == 3
        second = ingest(store, articles, FakeCoder(), batch_size=2, limit=3)
        assert (second.stored, second.duplicates) == (3, 3)
        assert ingest(store, articles, FakeCoder(), batch_size=2, limit=3).stored == 1
    assert stored_ids(db) == [a.id for a in articles]


def test_bad_jsonl_line_is_quarantined_with_file_line_and_reason(tmp_path):
    data = tmp_path / "news.jsonl"
    good = [{"id": f"a{i}", "text": f"Israel accused Hamas of attacks, story {i}."} for i in (1, 2, 4)]
    lines = [json.dumps(good[0]), json.dumps(good[1]), '{"id": "broken", "text": ', json.dumps(good[2]),
             json.dumps({"id": "no-text"})]
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with Store(tmp_path / "c.duckdb") as store:
        stats = ingest(store, read_paths([str(data)]), FakeCoder(), batch_size=2)
        quarantined = store.quarantined()
        ids = [r[0] for r in store.conn.execute("SELECT id FROM articles ORDER BY seq").fetchall()]
    assert (stats.stored, stats.quarantined) == (3, 2)
    assert ids == ["a1", "a2", "a4"]
    assert quarantined == [
        (f"{data}:3", "not JSON (Expecting value at column 1)", '{"id": "broken", "text": '),
        (f"{data}:5", "missing field 'text'", '{"id": "no-text"}'),
    ]


def test_coder_crash_on_third_batch_then_rerun_stores_each_article_once(tmp_path):
    db = tmp_path / "c.duckdb"
    articles = [make_article(i) for i in range(1, 12)]
    with Store(db) as store, pytest.raises(RuntimeError, match="batch 3"):
        ingest(store, articles, FakeCoder(fail_on_batch=3), batch_size=3)
    assert stored_ids(db) == [a.id for a in articles[:6]]        # two whole batches committed
    assert_consistent(db, articles[:6])
    coder = FakeCoder()
    with Store(db) as store:
        stats = ingest(store, articles, coder, batch_size=3)
    assert coder.coded == [a.id for a in articles[6:]]          # only the rest is coded
    assert (stats.stored, stats.duplicates) == (5, 6)
    assert_consistent(db, articles)


KILL_SCRIPT = """
import os, signal, sys
sys.path.insert(0, {tests!r})
{imports}
from test_store import make_article
from chronicle.store import Store, ingest
from chronicle.store import db as store_db

calls = 0
original = store_db.Store._insert_events

def insert_then_die(self, coded):
    global calls
    calls += 1
    if calls == 3:  # batch 3: its articles are already inserted in the open transaction
        self.conn.execute("SELECT count(*) FROM articles").fetchone()
        os.kill(os.getpid(), signal.SIGKILL)
    original(self, coded)

store_db.Store._insert_events = insert_then_die
with Store({db!r}) as store:
    ingest(store, [make_article(i) for i in range(1, 12)], {ingest_args})
"""


def ingest_and_die(tmp_path, imports: str = "from test_store import FakeCoder",
                   ingest_args: str = "FakeCoder(), batch_size=3"):
    """Ingest articles 1-11 in a subprocess that SIGKILLs itself inside the transaction of its
    third batch; the database's path."""
    db = tmp_path / "c.duckdb"
    script = tmp_path / "ingest_and_die.py"
    script.write_text(KILL_SCRIPT.format(tests=str(TESTS), db=str(db), imports=imports, ingest_args=ingest_args),
                      encoding="utf-8")
    proc = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    return db


def test_kill_9_inside_a_batch_transaction_then_rerun(tmp_path):
    db = ingest_and_die(tmp_path)
    articles = [make_article(i) for i in range(1, 12)]
    assert stored_ids(db) == [a.id for a in articles[:6]]
    assert_consistent(db, articles[:6])
    with Store(db) as store:
        stats = ingest(store, articles, FakeCoder(), batch_size=3)
    assert stats.stored == 5
    assert_consistent(db, articles)


# -- recode -----------------------------------------------------------------------------------------
def test_recode_replaces_events_of_another_version(tmp_path):
    db = tmp_path / "c.duckdb"
    old, new = CoderInfo(version="0.1.0", data_version="old"), CoderInfo(version="0.1.0", data_version="new")
    articles = [make_article(i) for i in range(1, 8)]
    with Store(db) as store:
        ingest(store, articles[:5], FakeCoder(old), batch_size=2)
        ingest(store, articles[5:], FakeCoder(new), batch_size=2)
        coder = FakeCoder(new)
        stats = recode(store, coder, batch_size=2)
        versions = store.conn.execute("SELECT DISTINCT data_version FROM events").fetchall()
        art_versions = store.conn.execute("SELECT DISTINCT data_version FROM articles").fetchall()
        again = recode(store, FakeCoder(new), batch_size=2)
        events = list(iter_events(store))
    assert coder.coded == [a.id for a in articles[:5]]          # only the old-version articles
    assert (stats.recoded, stats.events) == (5, sum(i % 3 for i in range(1, 6)))
    assert versions == [("new",)] and art_versions == [("new",)]
    assert again.recoded == 0
    assert events == [e for a in articles for e in events_for(a, new)]


# -- queries and exports ----------------------------------------------------------------------------
@pytest.fixture
def filled(tmp_path):
    db = tmp_path / "c.duckdb"
    articles = [make_article(i, url=f"https://news.example/{i}") for i in range(1, 8)]
    with Store(db) as store:
        ingest(store, articles, FakeCoder(), batch_size=3)
    return db, articles


def test_iter_events_round_trips_every_event(filled):
    db, articles = filled
    info = coder_info(FakeCoder())
    with Store(db, read_only=True) as store:
        got = list(iter_events(store, batch_size=2))               # several pages
    assert got == [e for a in articles for e in events_for(a, info)]
    assert [Event.model_validate_json(e.model_dump_json()) for e in got] == got


def test_filters(filled):
    db, _ = filled
    with Store(db, read_only=True) as store:
        def ids(since=None, until=None, **kw):
            return [(e.doc_id, e.event_type) for e in iter_events(store, since, until, EventFilter(**kw))]

        assert ids(event_types=("ASSAULT",)) == [("a2", "ASSAULT"), ("a5", "ASSAULT")]
        assert ids(factuality="hypothetical") == ids(event_types=("ASSAULT",))
        assert ids(country="ROU") == ids(event_types=("ASSAULT",))     # second target actor
        assert len(ids(country="EGY")) == 5                             # the location
        assert ids(country="FRA") == []
        # The month-precision ASSAULTs (2024-04) overlap --since 2024-04-30, not --since 2024-05-01.
        assert len(ids(since=dt.date(2024, 4, 30))) == 7
        assert len(ids(since=dt.date(2024, 5, 1))) == 5
        assert ids(until=dt.date(2024, 4, 30)) == ids(event_types=("ASSAULT",))


def test_parquet_export_is_readable_by_duckdb(filled, tmp_path):
    db, _ = filled
    out = tmp_path / "events.parquet"
    with Store(db, read_only=True) as store:
        assert copy_parquet(store, str(out), filters=EventFilter(event_types=("ACCUSE",))) == 5
    rows = duckdb.connect().execute(
        f"SELECT doc_id, event_type, source, target, location_country, article_url "
        f"FROM read_parquet('{out}') ORDER BY doc_id").fetchall()
    assert len(rows) == 5
    doc_id, event_type, source, target, country, url = rows[0]
    assert (doc_id, event_type, country, url) == ("a1", "ACCUSE", "EGY", "https://news.example/1")
    assert source[0]["country"] == "ISR" and target[0]["name"] == "Hamas"


def test_parquet_to_a_missing_folder_is_a_store_error(filled, tmp_path):
    db, _ = filled
    with Store(db, read_only=True) as store, pytest.raises(StoreError, match="cannot write"):
        copy_parquet(store, str(tmp_path / "no" / "such" / "dir" / "x.parquet"))


def test_gdelt_rows_have_61_columns_and_the_documented_values(filled):
    db, _ = filled
    buffer = io.StringIO()
    with Store(db, read_only=True) as store:
        records = list(iter_records(store))
        GdeltWriter(buffer).write(records)
        added = records[0][1].ingested_at.strftime("%Y%m%d%H%M%S")
    lines = buffer.getvalue().splitlines()
    # ACCUSE events: 1 row (1 source x 1 target); ASSAULT events: 2 rows (1 source x 2 targets).
    assert len(lines) == 5 + 2 * 2
    rows = [dict(zip(COLUMNS, line.split("\t"))) for line in lines]
    assert all(len(line.split("\t")) == 61 for line in lines)
    first = rows[0]
    assert first["SQLDATE"] == "20240506" and first["MonthYear"] == "202405" and first["Year"] == "2024"
    assert first["FractionDate"] == "2024.3479"  # day 127 / 365
    assert (first["Actor1Code"], first["Actor1Name"], first["Actor1CountryCode"], first["Actor1Type1Code"]) \
        == ("ISRGOV", "ISRAEL", "ISR", "GOV")
    assert (first["Actor2Code"], first["Actor2CountryCode"], first["Actor2Type1Code"]) == ("PSEPTY", "PSE", "PTY")
    assert (first["EventCode"], first["EventBaseCode"], first["EventRootCode"]) == ("111", "111", "11")
    assert (first["QuadClass"], first["GoldsteinScale"], first["NumMentions"], first["IsRootEvent"]) \
        == ("3", "-2", "1", "1")
    assert (first["ActionGeo_Type"], first["ActionGeo_FullName"], first["ActionGeo_CountryCode"],
            first["ActionGeo_ADM1Code"], first["ActionGeo_Lat"], first["ActionGeo_Long"],
            first["ActionGeo_FeatureID"]) == ("4", "Cairo, Egypt", "EG", "EG11", "30.0626", "31.2497", "360630")
    assert all(first[c] == "" for c in COLUMNS if c.startswith(("Actor1Geo", "Actor2Geo")))
    assert first["AvgTone"] == "" and first["Actor1KnownGroupCode"] == ""
    assert (first["DATEADDED"], first["SOURCEURL"]) == (added, "https://news.example/1")
    assault = [r for r in rows if r["EventCode"] == "190"]
    assert [r["Actor2Code"] for r in assault[:2]] == ["PSEPTY", "ROMGOV"]   # CAMEO's code for Romania
    assert assault[0]["SQLDATE"] == "20240401" and assault[0]["ActionGeo_Type"] == ""
    assert len({r["GLOBALEVENTID"] for r in rows}) == len(rows)


def test_country_code_tables():
    assert cameo_country("EGY") == "EGY" and cameo_country("XKX") == "KSV" and cameo_country("IGO") == ""
    assert fips_country("DEU") == "GM" and fips_country("EGY") == "EG" and fips_country("ISR") == "IS"
    assert fips_country("PSE", "Gaza Strip") == "GZ" and fips_country("PSE", "Ramallah") == "WE"
    assert fips_country(None) == "" and fips_country("ZZZ") == ""


# -- errors -----------------------------------------------------------------------------------------
def test_store_errors_name_the_file_and_problem(tmp_path):
    with pytest.raises(StoreError, match=r"no database at .*missing.duckdb \(run 'chronicle ingest' first\)"):
        Store(tmp_path / "missing.duckdb", read_only=True)
    junk = tmp_path / "junk.duckdb"
    junk.write_text("not a database " * 100)
    with pytest.raises(StoreError, match=r"cannot open database .*junk.duckdb: .*not a valid DuckDB"):
        Store(junk)
    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).execute("CREATE TABLE t (x INTEGER)").close()
    with pytest.raises(StoreError, match="is a DuckDB database but not a Chronicle corpus"):
        Store(other)
    newer = tmp_path / "newer.duckdb"
    with Store(newer) as store:
        store.conn.execute("UPDATE schema_version SET version = 99")
    with pytest.raises(StoreError, match="has schema version 99; this Chronicle reads version 5"):
        Store(newer)
    with pytest.raises(StoreError, match="it is a directory"):
        Store(tmp_path)


# -- the real coder ---------------------------------------------------------------------------------
@pytest.mark.model
def test_real_coder_events_round_trip_through_the_store(coder, tmp_path):
    text = ("Egyptian police arrested 40 protesters in Cairo on Friday, the interior ministry said. "
            "Israel and Egypt agreed on Monday to reopen the crossing.")
    article = Article(id="real", text=text, published=dt.date(2024, 3, 3), url="https://news.example/r")
    expected = coder.code_article(article)
    assert expected
    with Store(tmp_path / "c.duckdb") as store:
        stats = ingest(store, [article], coder, batch_size=4)
        got = list(iter_events(store))
        assert recode(store, coder).recoded == 0             # same version: nothing to do
    assert stats.events == len(expected)
    assert got == expected
