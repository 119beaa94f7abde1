"""Ramped-up ingest: the first batches hold 1, 2, 4, ... articles so the first events come out
early, and what is stored is what a fixed-batch ingest stores, exactly once."""

from __future__ import annotations

import importlib
import itertools

import pytest

from chronicle.io.read import read_paths
from chronicle.store import Store, ingest
from chronicle.store.ingest import batch_sizes, batched
from test_distributed import corpus, stored  # noqa: F401 (corpus: the fixture, 11 articles)
from test_store import FakeCoder, assert_consistent, ingest_and_die, make_article, stored_ids

CODING = importlib.import_module("chronicle.cli.coding")  # where the store commands get their Coder


class BatchCoder(FakeCoder):
    """A FakeCoder that takes ingest's batches (``pipe_batches``) and records their sizes;
    ``fail_on_batch=N`` raises while coding the N-th batch."""

    def __init__(self, fail_on_batch: int | None = None):
        super().__init__(fail_on_batch=fail_on_batch)
        self.batches: list[int] = []

    def pipe_batches(self, batches):
        for number, batch in enumerate(batches, start=1):
            self.batches.append(len(batch))
            yield list(self._code(batch, number))


def ingest_recording(db, articles, coder, batch_size, **options) -> tuple[list[int], object]:
    """Ingest ``articles``; return each stored batch's size (one transaction each) and the stats."""
    written: list[int] = []

    def progress(kind, n, item=None):
        if kind == "stored":
            written.append(n)

    with Store(db) as store:
        stats = ingest(store, articles, coder, batch_size, progress=progress, **options)
    return written, stats


def test_batch_sizes_double_up_to_the_batch_size_then_stay():
    assert list(itertools.islice(batch_sizes(16, ramp_up=True), 7)) == [1, 2, 4, 8, 16, 16, 16]
    assert list(itertools.islice(batch_sizes(3, ramp_up=True), 5)) == [1, 2, 3, 3, 3]
    assert list(itertools.islice(batch_sizes(1, ramp_up=True), 3)) == [1, 1, 1]
    assert list(itertools.islice(batch_sizes(16), 3)) == [16, 16, 16]


def test_batched_cuts_in_order_and_keeps_a_short_last_batch():
    assert list(batched(range(10), batch_sizes(4, ramp_up=True))) == [
        [0], [1, 2], [3, 4, 5, 6], [7, 8, 9]]
    assert list(batched([], batch_sizes(4, ramp_up=True))) == []


def test_first_batches_ramp_up_for_the_coder_and_the_transactions(tmp_path):
    articles = [make_article(i) for i in range(1, 41)]
    coder = BatchCoder()
    written, stats = ingest_recording(tmp_path / "c.duckdb", articles, coder, 8, ramp_up=True)
    assert coder.batches == [1, 2, 4, 8, 8, 8, 8, 1]          # coded as handed over
    assert written == coder.batches                           # one transaction per coded batch
    assert stats.stored == 40
    assert stored_ids(tmp_path / "c.duckdb") == [a.id for a in articles]   # input order


def test_a_coder_without_pipe_batches_is_ramped_at_the_transactions(tmp_path):
    articles = [make_article(i) for i in range(1, 12)]
    coder = FakeCoder()                                       # pipe() only, like pipeline.Coder
    written, _ = ingest_recording(tmp_path / "c.duckdb", articles, coder, 4, ramp_up=True)
    assert written == [1, 2, 4, 4]
    assert coder.coded == [a.id for a in articles]


def test_without_ramp_up_every_batch_is_full(tmp_path):
    articles = [make_article(i) for i in range(1, 12)]
    coder = BatchCoder()
    written, _ = ingest_recording(tmp_path / "c.duckdb", articles, coder, 4)
    assert coder.batches == written == [4, 4, 3]


@pytest.mark.parametrize("coder", [FakeCoder, BatchCoder])
def test_ramped_ingest_stores_what_a_fixed_batch_ingest_stores(tmp_path, coder):
    articles = [make_article(i) for i in range(1, 30)]
    ramped, fixed = tmp_path / "ramped.duckdb", tmp_path / "fixed.duckdb"
    _, ramped_stats = ingest_recording(ramped, articles, coder(), 8, ramp_up=True)
    _, fixed_stats = ingest_recording(fixed, articles, coder(), 8)
    assert ramped_stats == fixed_stats
    assert stored_ids(ramped) == stored_ids(fixed) == [a.id for a in articles]
    assert_consistent(ramped, articles)
    assert_consistent(fixed, articles)


def test_crash_in_a_ramped_batch_keeps_whole_batches_and_a_rerun_stores_the_rest_once(tmp_path):
    db = tmp_path / "c.duckdb"
    articles = [make_article(i) for i in range(1, 21)]
    with pytest.raises(RuntimeError, match="batch 4"):
        ingest_recording(db, articles, BatchCoder(fail_on_batch=4), 8, ramp_up=True)
    assert stored_ids(db) == [a.id for a in articles[:7]]     # batches of 1, 2 and 4 committed
    assert_consistent(db, articles[:7])
    coder = BatchCoder()
    written, stats = ingest_recording(db, articles, coder, 8, ramp_up=True)
    assert coder.coded == [a.id for a in articles[7:]]        # only the rest is coded
    assert written == [1, 2, 4, 6]                            # a re-run ramps up again
    assert (stats.stored, stats.duplicates) == (13, 7)
    assert_consistent(db, articles)


def test_kill_9_inside_a_ramped_batch_then_rerun_stores_each_article_once(tmp_path):
    db = ingest_and_die(tmp_path, "from test_ingest_rampup import BatchCoder", "BatchCoder(), 3, ramp_up=True")
    articles = [make_article(i) for i in range(1, 12)]
    assert stored_ids(db) == [a.id for a in articles[:3]]     # the batches of 1 and 2
    assert_consistent(db, articles[:3])
    written, stats = ingest_recording(db, articles, BatchCoder(), 3, ramp_up=True)
    assert written == [1, 2, 3, 2] and stats.stored == 8
    assert_consistent(db, articles)


def test_nothing_new_codes_nothing(tmp_path):
    db = tmp_path / "c.duckdb"
    articles = [make_article(i) for i in range(1, 5)]
    ingest_recording(db, articles, BatchCoder(), 8, ramp_up=True)
    coder = BatchCoder()
    written, stats = ingest_recording(db, articles, coder, 8, ramp_up=True)
    assert coder.batches == written == [] and stats.duplicates == 4


@pytest.mark.model
def test_ramped_ingest_with_the_real_coder_stores_the_fixed_batch_events(corpus, tmp_path, coder,
                                                                          monkeypatch):
    monkeypatch.setattr(CODING, "make_coder", lambda actor_files=(), batch_size=16: coder)
    ramped, fixed = tmp_path / "ramped.duckdb", tmp_path / "fixed.duckdb"
    with Store(ramped) as store:        # the CLI's way: each ramped batch coded on its own
        ingest(store, read_paths([str(corpus)]), CODING.LazyCoder(batch_size=4), 4, ramp_up=True)
    with Store(fixed) as store:
        ingest(store, read_paths([str(corpus)]), coder, 4)
    ramped_articles, ramped_events = stored(ramped)
    assert len(ramped_articles) == 11 and len(ramped_events) > 20
    assert (ramped_articles, ramped_events) == stored(fixed)
