"""Fault injection: ``kill -9`` at random moments during ``chronicle ingest``, ``recode`` and
``dedupe``, then the same command again. Afterwards every article and every event is stored exactly
once, the database opens cleanly, and the store equals that of an uninterrupted run (same content
hashes, event ids, actors, quarantined inputs, merged events). What a kill leaves behind is checked
too: whole batches only (ingest, recode), all of a merge or none of it (dedupe).

By default each scenario kills once (about 20 s in all); ``CHRONICLE_FAULT_KILLS=N`` kills N times
each and ``CHRONICLE_FAULT_LONG=1`` adds the Dask path (``--workers 1``) and the real coder on 20
articles of ../shared/corpus. ``bench/reliability.py`` runs the long version.
"""

from __future__ import annotations

import json

import pytest

import chronicle
from chronicle.io.read import read_paths
from chronicle.schema import CoderInfo
from chronicle.store import Store, ingest
from conftest import shared_path
from test_store import FakeCoder, assert_consistent, ingest_and_die, make_article, stored_ids
from reliability.faults import Scenario, chronicle_env, run, snapshot, write_corpus
from reliability.support import FAULT_KILLS, FAULT_LONG, record

DELAY = 0.02          # seconds the fake coder takes an article: room for a kill while coding
N_ARTICLES = 24
N_DEDUPE = 200        # merging 200 reports takes most of a second: room for a kill inside the merge

long_only = pytest.mark.skipif(not FAULT_LONG, reason="long run only (CHRONICLE_FAULT_LONG=1)")


def events_by_article(snap: dict) -> dict:
    out: dict = {}
    for row in snap["events"]:
        out.setdefault(row[0], []).append(row)
    return out


def ingest_partial(reference: dict):
    """What a killed ingest may leave: the first articles of the input, each with all its events
    (whole batches), and the merge either absent or complete."""
    ref_events = events_by_article(reference)

    def check(db, snap):
        hashes = [row[0] for row in snap["articles"]]
        assert snap["articles"] == reference["articles"][:len(hashes)], "stored articles are not a prefix"
        got = events_by_article(snap)
        for digest in hashes:
            assert got.get(digest, []) == ref_events.get(digest, []), "an article without all its events"
        assert snap["orphans"] == 0
        assert snap["merged"] in ([], reference["merged"]) or not reference["merged"]
    return check


def fake_ingest_partial(articles, reference):
    generic = ingest_partial(reference)

    def check(db, snap):
        generic(db, snap)
        ids = stored_ids(db)
        assert_consistent(db, articles[:len(ids)])
    return check


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fault-corpus")
    path = folder / "news.jsonl"
    return path, write_corpus(path, N_ARTICLES)


def test_kill_9_during_ingest_then_rerun(corpus, tmp_path):
    path, articles = corpus
    scenario = Scenario("kill ingest", ["ingest", str(path), "--db", "{db}", "--batch-size", "4"],
                        chronicle_env(delay=DELAY), start=None, expect_rc=(1,))   # 1: two bad lines
    scenario.calibrate(tmp_path)
    assert_consistent(tmp_path / "reference" / "c.duckdb", articles)
    assert len(scenario.reference["quarantine"]) == 2 and scenario.reference["merged"]
    scenario.check_partial = fake_ingest_partial(articles, scenario.reference)
    scenario.run_kills(tmp_path, FAULT_KILLS, calibrated=True)


def test_kill_9_inside_a_batch_transaction_then_cli_rerun(corpus, tmp_path):
    """The store tests' kill (``test_store.ingest_and_die``: SIGKILL inside the third batch's
    transaction, articles inserted, events not), then ``chronicle ingest`` finishes the rest."""
    db = ingest_and_die(tmp_path, "from reliability.support import slow_fake_coder_class",
                        "slow_fake_coder_class()(), batch_size=3")
    articles = [make_article(i) for i in range(1, 12)]
    assert stored_ids(db) == [a.id for a in articles[:6]]
    inputs = tmp_path / "eleven.jsonl"
    inputs.write_text("".join(a.model_dump_json() + "\n" for a in articles), encoding="utf-8")
    env = chronicle_env()
    outcome = run(["ingest", str(inputs), "--db", str(db)], env, cwd=tmp_path)
    assert outcome.returncode == 0 and "stored 5 articles" in outcome.stdout, outcome.stderr
    reference = tmp_path / "reference.duckdb"
    assert run(["ingest", str(inputs), "--db", str(reference)], env, cwd=tmp_path).returncode == 0
    assert_consistent(db, articles)
    got, want = snapshot(db), snapshot(reference)
    for key in ("articles", "events", "actors", "merged", "reports"):
        assert got[key] == want[key], key
    record("kill ingest", runs=3, kills=1, records=len(articles))


@pytest.fixture(scope="module")
def stale_store(corpus, tmp_path_factory):
    """The corpus ingested by an older coder version (the store tests' ``FakeCoder`` with another
    ``info``), without a merge: every article to recode."""
    path, _ = corpus
    db = tmp_path_factory.mktemp("stale") / "stale.duckdb"
    with Store(db) as store:
        ingest(store, read_paths([str(path)]), FakeCoder(info=CoderInfo(version="0.0.1-old", data_version="old")),
               batch_size=4)
    return db


def test_kill_9_during_recode_then_rerun(corpus, stale_store, tmp_path):
    _, articles = corpus
    base = snapshot(stale_store)
    assert {row[3] for row in base["articles"]} == {"0.0.1-old"}
    scenario = Scenario("kill recode", ["recode", "--db", "{db}", "--batch-size", "4"],
                        chronicle_env(delay=DELAY), start=stale_store)
    scenario.calibrate(tmp_path)
    assert_consistent(tmp_path / "reference" / "c.duckdb", articles)
    assert "0.0.1-old" not in {row[-1] for row in scenario.reference["events"]}
    old, new = events_by_article(base), events_by_article(scenario.reference)
    assert {row[3] for row in scenario.reference["articles"]} == {chronicle.__version__}

    def partial(db, snap):
        assert [row[:3] for row in snap["articles"]] == [row[:3] for row in base["articles"]]
        got = events_by_article(snap)
        for digest, _, _, version in snap["articles"]:   # each article old or new, whole, and so stamped
            events = got.get(digest, [])
            assert events == (new if version == chronicle.__version__ else old).get(digest, []), \
                f"article {digest[:12]} ({version}): its events are not those of its coder version"
        assert snap["orphans"] == 0
        assert_consistent(db, articles)
    scenario.check_partial = partial
    scenario.run_kills(tmp_path, FAULT_KILLS, calibrated=True)


@pytest.fixture(scope="module")
def unmerged_store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("unmerged")
    path = folder / "many.jsonl"
    write_corpus(path, N_DEDUPE, bad=False)
    db = folder / "unmerged.duckdb"
    outcome = run(["ingest", str(path), "--db", str(db), "--no-dedupe", "--batch-size", "64"], chronicle_env(),
                  cwd=folder)
    assert outcome.returncode == 0, outcome.stderr
    return db


def test_kill_9_during_dedupe_then_rerun(unmerged_store, tmp_path):
    base = snapshot(unmerged_store)
    assert base["merged"] == []
    scenario = Scenario("kill dedupe", ["dedupe", "--db", "{db}"], chronicle_env(), start=unmerged_store)
    scenario.calibrate(tmp_path)
    assert scenario.reference["merged"] and scenario.reference["articles"] == base["articles"]

    def partial(db, snap):           # one transaction: all of the merge or none of it
        assert (snap["merged"], snap["reports"]) in (([], []), (scenario.reference["merged"],
                                                                 scenario.reference["reports"]))
        assert snap["events"] == base["events"]
    scenario.check_partial = partial
    scenario.run_kills(tmp_path, FAULT_KILLS, calibrated=True)


@long_only
def test_kill_9_during_dask_ingest_then_rerun(corpus, tmp_path):
    """``--workers 1``: the Dask workers code (with the fake coder, via their preload), this
    process writes; killed, re-run, and equal to a single-process ingest."""
    path, articles = corpus
    single = tmp_path / "single.duckdb"
    assert run(["ingest", str(path), "--db", str(single), "--batch-size", "4"], chronicle_env(),
               cwd=tmp_path).returncode == 1
    scenario = Scenario("kill ingest --workers 1",
                        ["ingest", str(path), "--db", "{db}", "--batch-size", "4", "--workers", "1"],
                        chronicle_env(delay=DELAY), start=None, expect_rc=(1,))
    scenario.calibrate(tmp_path)
    want = snapshot(single)
    for key in ("articles", "events", "actors", "quarantine", "merged", "reports"):
        assert scenario.reference[key] == want[key], key
    scenario.check_partial = fake_ingest_partial(articles, scenario.reference)
    scenario.run_kills(tmp_path, FAULT_KILLS, calibrated=True)


@long_only
@pytest.mark.model
@pytest.mark.shared
def test_kill_9_during_ingest_with_the_real_coder_then_rerun(tmp_path):
    """The real coder on 20 articles of ../shared/corpus/basil: killed while loading the model,
    coding or storing, re-run, and equal to an uninterrupted run."""
    source = shared_path("corpus", "basil", "basil.jsonl")
    seen, lines = set(), []
    with source.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["text"] not in seen:
                seen.add(rec["text"])
                lines.append(json.dumps({k: rec.get(k) for k in ("id", "title", "text", "published",
                                                                "source", "url")}))
            if len(lines) == 20:
                break
    path = tmp_path / "basil-20.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    scenario = Scenario("kill ingest, real coder", ["ingest", str(path), "--db", "{db}", "--batch-size", "4"],
                        chronicle_env(fake=False), start=None)
    scenario.calibrate(tmp_path)
    assert len(scenario.reference["articles"]) == 20 and len(scenario.reference["events"]) > 20
    scenario.check_partial = ingest_partial(scenario.reference)
    scenario.run_kills(tmp_path, max(1, FAULT_KILLS // 2), calibrated=True)
