"""``chronicle ingest --workers N`` codes on a local Dask cluster and stores what one process stores."""

from __future__ import annotations

import importlib
import json

import duckdb
import pytest
from click.testing import CliRunner

from chronicle.cli import cli
from conftest import REPO

CODING = importlib.import_module("chronicle.cli.coding")  # where the store commands get their Coder

EXTRA = [
    "Russian troops shelled Kharkiv on Monday, killing three civilians, regional officials said.",
    "Egyptian police arrested 40 protesters in Cairo on Friday, the interior ministry said.",
    "Israel and Egypt agreed on Monday to reopen the Rafah crossing.",
    "Thousands of teachers marched in Nairobi on Tuesday to demand higher pay.",
    "The United States imposed sanctions on Iran's central bank on Wednesday.",
    "Turkish President Recep Tayyip Erdogan met German Chancellor Olaf Scholz in Berlin on Friday.",
    "North Korea threatened on Sunday to strike South Korea if the drills went ahead.",
]


@pytest.fixture
def corpus(tmp_path):
    path = tmp_path / "news.jsonl"
    samples = (REPO / "samples" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    extra = [json.dumps({"id": f"extra-{i}", "text": text, "published": "2024-05-06"})
             for i, text in enumerate(EXTRA)]
    path.write_text("\n".join(samples + extra) + "\n", encoding="utf-8")
    return path


def stored(db) -> tuple[list[str], set[tuple]]:
    """The stored article ids in storage order, and each event's id, type, date and actors."""
    with duckdb.connect(str(db), read_only=True) as con:
        articles = [row[0] for row in con.execute("SELECT id FROM articles ORDER BY seq").fetchall()]
        actors: dict[str, list] = {}
        for event_id, side, text, actor_id, country, sector in con.execute(
                "SELECT event_id, side, text, actor_id, country, sector FROM event_actors "
                "ORDER BY article_seq, event_id, side, position").fetchall():
            actors.setdefault(event_id, []).append((side, text, actor_id, country, sector))
        events = {(event_id, doc_id, event_type, cameo, factuality, date_value, date_precision,
                   tuple(actors.get(event_id, ())))
                  for event_id, doc_id, event_type, cameo, factuality, date_value, date_precision
                  in con.execute("SELECT id, doc_id, event_type, cameo, factuality, date_value, "
                                 "date_precision FROM events").fetchall()}
    return articles, events


def batch_lengths(db) -> list[int]:
    """The number of articles of each stored batch, in order: one transaction stamps one time."""
    with duckdb.connect(str(db), read_only=True) as con:
        return [row[0] for row in con.execute(
            "SELECT count(*) FROM articles GROUP BY ingested_at ORDER BY min(seq)").fetchall()]


@pytest.mark.model
def test_workers_store_the_events_one_process_stores(corpus, tmp_path, monkeypatch, coder):
    monkeypatch.setattr(CODING, "make_coder", lambda actor_files=(), batch_size=16: coder)
    runner = CliRunner()
    single, dask = tmp_path / "single.duckdb", tmp_path / "dask.duckdb"
    result = runner.invoke(cli, ["ingest", str(corpus), "--db", str(single), "--batch-size", "3"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(cli, ["ingest", str(corpus), "--db", str(dask), "--batch-size", "3",
                                 "--workers", "2"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("chronicle: stored 11 articles (")

    single_articles, single_events = stored(single)
    dask_articles, dask_events = stored(dask)
    assert len(single_articles) == 11 and dask_articles == single_articles   # input order kept
    assert len(single_events) > 20
    assert dask_events == single_events
    assert any(actors for *_, actors in dask_events)
    assert batch_lengths(dask) == batch_lengths(single) == [1, 2, 3, 3, 2]   # ramped up alike


@pytest.mark.model
def test_local_workers_build_their_coder_as_soon_as_the_cluster_is_up():
    from distributed import wait

    from chronicle import distributed

    with distributed.DaskCoder(workers=1, batch_size=4) as coder:
        coder._connect()
        assert len(coder.warming) == 1                      # one build per worker, before any batch
        wait(coder.warming, timeout=120)
        assert [future.result() for future in coder.warming] == [None]
        built = coder.client.run(lambda: distributed._CODER is not None)
        assert list(built.values()) == [True]
        profiled = coder.client.run(lambda dask_worker: "profile" in dask_worker.periodic_callbacks)
        assert list(profiled.values()) == [False]           # no stack sampling slows the coding


def test_workers_and_scheduler_together_are_a_usage_error(corpus, tmp_path):
    result = CliRunner().invoke(cli, ["ingest", str(corpus), "--db", str(tmp_path / "x.duckdb"),
                                      "--workers", "2", "--scheduler", "tcp://127.0.0.1:8786"])
    assert result.exit_code == 2
    assert result.stderr.endswith(
        "Error: --workers starts a local Dask cluster and --scheduler uses an existing one: give one "
        "of them, not both\n")
    assert not (tmp_path / "x.duckdb").exists()
