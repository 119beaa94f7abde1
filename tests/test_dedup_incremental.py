"""Incremental merging (``chronicle.dedup.store.merge_new``) gives the full merge's result.

Merging new reports into a stored merge must give what one merge of every stored event gives
(``merge_store``), read only what the new reports could match, and survive a kill: each chunk is one
transaction, and running it again merges the rest. The one documented difference: the article
similarity weighs words by their frequency over the articles stored *when a pair is scored*; with
the frequencies pinned to the final store's, batches give exactly the full merge.

The fast tests build stored events by hand (random reports of a few actors, types, days, triggers
and words, so that many pairs are compatible and clusters compete); the last one codes real
articles of ``../shared/corpus/basil`` with the model.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import signal
import subprocess
import sys

import pytest

from chronicle.dedup import reading
from chronicle.dedup import store as dedup_store
from chronicle.dedup.evidence import ArticleSimilarity
from chronicle.dedup.store import merge_new, merge_status, merge_store
from chronicle.schema import QUAD_CLASS, Actor, Article, CoderInfo, Event, EventDate, Location, Span
from chronicle.store import Store

INFO = CoderInfo(version="t", data_version="t")
NOW = dt.datetime(2024, 6, 1)
NAMED = [("Israel", "isr", "ISR", "GOV"), ("Egypt", "egy", "EGY", "GOV"), ("Hamas", "hamas", "PSE", "PTY"),
         ("Fatah", "fatah", "PSE", "PTY"), ("Joe Biden", "biden", "USA", "GOV")]
GENERIC = [("police", "USA", "COP"), ("Israeli troops", "ISR", "MIL")]
TRIGGERS = {"AGREE": ["agreed", "agreement", "deal"], "ACCUSE": ["accused", "accusing", "blamed"],
            "COERCE": ["arrested", "detained"]}
WORDS = "ceasefire talks cairo rockets border crossing prisoners hostages gaza truce envoy aid".split()
CAIRO = Location(name="Cairo", country="EGY", lat=30.06, lon=31.25, geonameid=360630, precision="city")


def _actor(rng: random.Random) -> Actor:
    if rng.random() < 0.75:
        text, actor_id, country, sector = rng.choice(NAMED)
        return Actor(text=text, start=0, end=len(text), name=text, actor_id=actor_id, country=country,
                     sector=sector)
    text, country, sector = rng.choice(GENERIC)
    return Actor(text=text, start=0, end=len(text), country=country, sector=sector)


def _event(rng: random.Random, doc: str, n: int, published: dt.date) -> Event:
    etype = rng.choice(list(TRIGGERS))
    trigger = rng.choice(TRIGGERS[etype])
    if rng.random() < 0.5:
        day = published - dt.timedelta(days=rng.randrange(3))
        date = EventDate(value=day.isoformat(), precision="day", method="expression")
    elif rng.random() < 0.15:
        date = EventDate(value=published.isoformat()[:7], precision="month", method="expression")
    else:
        date = EventDate(value=published.isoformat(), precision="day", method="publication")
    sentence = " ".join(rng.sample(WORDS, 5)) + f" {trigger}."
    return Event(id=f"{doc}-e{n}", doc_id=doc, sentence_index=n, sentence=sentence, event_type=etype,
                 quad_class=QUAD_CLASS[etype], factuality=rng.choice(["actual"] * 5 + ["future"]),
                 source=[_actor(rng)], target=[_actor(rng)] if rng.random() < 0.8 else [],
                 reciprocal=etype == "AGREE" and rng.random() < 0.3,
                 trigger=Span(text=trigger, start=0, end=len(trigger)), date=date,
                 location=CAIRO if rng.random() < 0.3 else None, confidence=round(rng.random(), 2),
                 mentions=rng.randint(1, 3), coder=INFO)


def random_corpus(seed: int, articles: int = 70, start: dt.date = dt.date(2024, 5, 1),
                  days: int = 12) -> list[tuple[Article, list[Event]]]:
    """Articles of a few outlets over ``days`` days, 1-4 reports each, many of them compatible."""
    rng = random.Random(seed)
    out = []
    for i in range(articles):
        doc = f"s{seed}-a{i}"
        published = start + dt.timedelta(days=rng.randrange(days))
        article = Article(id=doc, text=f"text {doc}", title=" ".join(rng.sample(WORDS, 4)),
                          published=published, source=rng.choice(["Reuters", "AP", "BBC", None]),
                          url=f"https://news.example/{doc}")
        out.append((article, [_event(rng, doc, n, published) for n in range(rng.randint(1, 4))]))
    return out


def store_pairs(store: Store, pairs) -> None:
    with store.transaction():
        store.add_articles(pairs, INFO, NOW)


def merge_tables(store: Store) -> tuple[list, list]:
    """The merge as stored, by content (merged ids are hashes of the reports, so comparable)."""
    merged = store.conn.execute("SELECT m.id, a.content_hash, m.event_id, m.num_mentions, m.num_articles, "
                                "m.num_sources FROM merged_events m JOIN articles a ON a.seq = m.article_seq "
                                "ORDER BY m.id").fetchall()
    reports = store.conn.execute("SELECT r.merged_id, a.content_hash, r.event_id, r.position, r.source "
                                 "FROM reports r JOIN articles a ON a.seq = r.article_seq "
                                 "ORDER BY r.merged_id, r.position").fetchall()
    return merged, reports


def full_merge(path, pairs, **options) -> tuple[tuple[list, list], dict[str, int], int]:
    """One merge of every article: its tables, and its word frequencies and article count."""
    with Store(path) as store:
        store_pairs(store, pairs)
        merge_store(store, **options)
        df = dict(store.conn.execute("SELECT word, df FROM dedup_words").fetchall())
        articles = store.conn.execute("SELECT articles FROM dedup_state").fetchone()[0]
        return merge_tables(store), df, articles


def incremental_merge(path, pairs, batches: int, rng: random.Random, chunk_events: int, **options):
    """The same articles stored in ``batches`` random batches, ``merge_new`` after each."""
    pairs = list(pairs)
    rng.shuffle(pairs)
    size = -(-len(pairs) // batches)
    with Store(path) as store:
        merge_store(store, **options)                       # an empty store: its settings are kept
        for start in range(0, len(pairs), size):
            store_pairs(store, pairs[start:start + size])
            summary = merge_new(store, chunk_events=chunk_events)
            added = sum(len(events) for _, events in pairs[start:start + size])
            assert not summary.full and summary.new_events == added
        assert merge_status(store).current
        return merge_tables(store)


@pytest.fixture
def pinned_frequencies(monkeypatch):
    """Make every incremental scoring use the given final word frequencies (as a full merge does)."""
    real = ArticleSimilarity.from_counts.__func__

    def pin(df: dict[str, int], articles: int) -> None:
        monkeypatch.setattr(ArticleSimilarity, "from_counts",
                            classmethod(lambda cls, counts, _df, _n: real(cls, counts, df, articles)))
    return pin


@pytest.mark.parametrize("seed, batches, chunk_events", [(1, 2, 1000), (2, 4, 7), (3, 7, 3), (4, 3, 20)])
def test_batches_give_the_full_merge_without_article_similarity(tmp_path, seed, batches, chunk_events):
    pairs = random_corpus(seed)
    full, _, _ = full_merge(tmp_path / "full.duckdb", pairs, article_similarity=None)
    assert sum(n for *_, n, _ in full[0]) > len(full[0])              # some reports did merge
    assert len({r[0] for r in full[1]}) < len(full[1])
    got = incremental_merge(tmp_path / "inc.duckdb", pairs, batches, random.Random(seed), chunk_events,
                            article_similarity=None)
    assert got == full


@pytest.mark.parametrize("seed, batches, chunk_events", [(5, 3, 10), (6, 5, 4)])
def test_batches_give_the_full_merge_with_the_final_word_frequencies(tmp_path, pinned_frequencies, seed,
                                                                     batches, chunk_events):
    pairs = random_corpus(seed)
    full, df, articles = full_merge(tmp_path / "full.duckdb", pairs)
    pinned_frequencies(df, articles)
    got = incremental_merge(tmp_path / "inc.duckdb", pairs, batches, random.Random(seed), chunk_events)
    assert got == full


def test_the_full_merge_equals_merge_reports_in_memory(tmp_path):
    """``merge_store`` in chunks gives what ``merge_reports`` gives over every stored event at once."""
    from chronicle.dedup import merge_reports

    pairs = random_corpus(7)
    with Store(tmp_path / "c.duckdb") as store:
        store_pairs(store, pairs)
        merge_store(store, chunk_events=11)
        merged, reports = merge_tables(store)
        hashes = dict(store.conn.execute("SELECT id, content_hash FROM articles").fetchall())
    items = [(a.model_copy(update={"id": hashes[a.id]}), events) for a, events in pairs]
    expected = merge_reports(items)
    assert sorted(m.id for m in expected) == [m[0] for m in merged]
    assert sorted((m.id, r.doc_id, r.event_id, p) for m in expected for p, r in enumerate(m.reports)) == \
        sorted(r[:4] for r in reports)


def test_a_merge_of_new_reports_reads_only_the_reports_near_them(tmp_path, monkeypatch):
    """A year of stored reports, then one new article: only reports of its types and factualities
    within days of it are read at all, and only those it pairs with are rebuilt whole."""
    year = [p for m in range(12) for p in random_corpus(100 + m, 40, dt.date(2023, m + 1, 1), 25)]
    new = random_corpus(99, 1, dt.date(2023, 6, 10), 1)
    with Store(tmp_path / "c.duckdb") as store:
        store_pairs(store, year)
        merge_store(store)
        store_pairs(store, new)
        light, whole = [], []
        real_light, real_full = reading.light_items, reading.full_items
        monkeypatch.setattr(reading, "light_items", lambda *a: light.extend(real_light(*a)) or light)
        monkeypatch.setattr(reading, "full_items",
                            lambda s, keys, d: whole.append(set(keys)) or real_full(s, keys, d))
        summary = merge_new(store)
        stored = store.conn.execute("SELECT count(*) FROM events").fetchone()[0]
    assert summary.new_events == len(new[0][1]) and not summary.full
    near = dt.date(2023, 6, 10).toordinal()
    assert light and all(near - 15 <= it.item.lo and it.item.hi <= near + 45 for it in light)
    assert len(light) < stored / 10
    assert sum(len(k) for k in whole) <= len(new[0][1]) + len(light)


def test_merge_status_and_what_makes_a_merge_full(tmp_path):
    pairs = random_corpus(8)
    with Store(tmp_path / "c.duckdb") as store:
        status = merge_status(store)
        assert (status.pending, status.gone, status.incremental) == (0, 0, False)
        store_pairs(store, pairs[:40])
        assert merge_new(store).full                              # no stored merge yet: a full one
        store_pairs(store, pairs[40:])
        status = merge_status(store)
        assert status.pending == sum(len(e) for _, e in pairs[40:]) and status.incremental
        assert not status.current
        summary = merge_new(store)
        assert not summary.full and merge_status(store).current
        assert merge_new(store).new_events == 0                  # nothing new: nothing merged
        # a re-coded article: its old reports are gone, so the next merge is a full one
        seq, events = 1, pairs[0][1]
        with store.transaction():
            store.replace_events([(seq, [e.model_copy(update={"id": e.id + "-v2"}) for e in events])], INFO)
        assert merge_status(store).gone == len(events) and not merge_status(store).incremental
        assert merge_new(store).full and merge_status(store).current
        # a store merged by an older Chronicle (no state tables): merged in full once, then incrementally
        store.conn.execute("DROP TABLE dedup_state")
        assert merge_new(store).full and not merge_new(store).full


def test_merge_new_keeps_the_settings_of_the_last_dedupe(tmp_path):
    pairs = random_corpus(9)
    full, _, _ = full_merge(tmp_path / "full.duckdb", pairs, window_days=0, article_similarity=None)
    with Store(tmp_path / "inc.duckdb") as store:
        store_pairs(store, pairs[:30])
        merge_store(store, window_days=0, article_similarity=None)
        store_pairs(store, pairs[30:])
        merge_new(store)
        assert merge_tables(store) == full


def consistent(store: Store) -> None:
    """Never half-merged: every merged event has its reports and counts, every report its event."""
    orphans = store.conn.execute("SELECT count(*) FROM reports r WHERE NOT EXISTS "
                                 "(SELECT 1 FROM merged_events m WHERE m.id = r.merged_id)").fetchone()[0]
    counts = store.conn.execute(
        "SELECT count(*) FROM merged_events m WHERE m.num_articles IS DISTINCT FROM "
        "(SELECT count(DISTINCT r.article_seq) FROM reports r WHERE r.merged_id = m.id)").fetchone()[0]
    twice = store.conn.execute("SELECT count(*) FROM (SELECT article_seq, event_id FROM reports "
                               "GROUP BY ALL HAVING count(*) > 1)").fetchone()[0]
    assert (orphans, counts, twice) == (0, 0, 0)


def test_a_failed_chunk_leaves_whole_chunks_and_a_rerun_merges_the_rest(tmp_path, monkeypatch):
    pairs = random_corpus(10)
    full, _, _ = full_merge(tmp_path / "full.duckdb", pairs, article_similarity=None)
    with Store(tmp_path / "inc.duckdb") as store:
        merge_store(store, article_similarity=None)
        store_pairs(store, pairs)
        real, calls = dedup_store._merge_chunk, []

        def fail_third(*args):
            calls.append(1)
            real(*args)
            if len(calls) == 3:
                raise OSError("disk full")                   # after the chunk's writes, before commit

        monkeypatch.setattr(dedup_store, "_merge_chunk", fail_third)
        with pytest.raises(OSError):
            merge_new(store, chunk_events=25)
        status = merge_status(store)
        assert status.pending == sum(len(e) for _, e in pairs) - 50 and status.gone == 0
        consistent(store)
        monkeypatch.setattr(dedup_store, "_merge_chunk", real)
        assert merge_new(store, chunk_events=25).new_events == status.pending
        assert merge_tables(store) == full


KILL = """
import os, signal, sys
from chronicle.store import Store
from chronicle.dedup import store as dedup_store
real, calls = dedup_store._merge_chunk, []
def die_in_second(*args):
    calls.append(1)
    real(*args)
    if len(calls) == 2:
        os.kill(os.getpid(), signal.SIGKILL)          # the second chunk written, not committed
dedup_store._merge_chunk = die_in_second
with Store(sys.argv[1]) as store:
    dedup_store.merge_new(store, chunk_events=20)
"""


def test_a_kill_during_merge_new_is_healed_by_running_it_again(tmp_path):
    pairs = random_corpus(11)
    full, _, _ = full_merge(tmp_path / "full.duckdb", pairs, article_similarity=None)
    db = tmp_path / "inc.duckdb"
    with Store(db) as store:
        merge_store(store, article_similarity=None)
        store_pairs(store, pairs)
    proc = subprocess.run([sys.executable, "-c", KILL, str(db)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    with Store(db) as store:
        consistent(store)
        assert merge_status(store).pending == sum(len(e) for _, e in pairs) - 20
        merge_new(store)
        assert merge_tables(store) == full


@pytest.mark.shared
@pytest.mark.model
def test_real_articles_merged_in_batches_equal_one_full_merge(tmp_path, coder, pinned_frequencies):
    """60 basil articles (20 stories, 3 outlets each), coded, merged in 4 batches."""
    from conftest import shared_path

    with shared_path("corpus", "basil", "basil.jsonl").open(encoding="utf-8") as fh:
        records = [json.loads(line) for line, _ in zip(fh, range(60))]
    articles = [Article(**{k: r.get(k) for k in ("id", "text", "title", "published", "source", "url")})
                for r in records]
    pairs = list(coder.pipe(articles))
    full, df, n = full_merge(tmp_path / "full.duckdb", pairs)
    assert any(m[4] > 1 for m in full[0])                     # reports of different outlets merged
    plain = incremental_merge(tmp_path / "plain.duckdb", pairs, 4, random.Random(1), 30)
    same = len(set(plain[1]) & set(full[1])) / len(full[1])
    assert same > 0.95, f"only {same:.1%} of the reports in the same merged events"
    pinned_frequencies(df, n)
    assert incremental_merge(tmp_path / "pinned.duckdb", pairs, 4, random.Random(1), 30) == full
    off, _, _ = full_merge(tmp_path / "off.duckdb", pairs, article_similarity=None)
    assert incremental_merge(tmp_path / "off-inc.duckdb", pairs, 4, random.Random(1), 30,
                             article_similarity=None) == off
