"""``chronicle export --reviews``: every review with the event it judges, as JSONL or CSV (no model)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

from click.testing import CliRunner

from chronicle.cli import cli
from chronicle.store import Store
from chronicle.store.reviews import add_review
from tests.test_api import make_store

WHEN = dt.datetime(2024, 8, 1, 12, 0, 0)


def _reviewed_store(tmp_path):
    path = tmp_path / "events.duckdb"
    make_store(path)
    with Store(path) as store:
        add_review(store.conn, event_id="a1-e0", article_seq=1, verdict="right", corrections=None,
                   reviewer="ana", note="checked against the text", now=WHEN)
        add_review(store.conn, event_id="a1-e1", article_seq=1, verdict="wrong",
                   corrections={"event_type": "THREATEN", "factuality": "actual",
                                "source": [{"name": "Hamas", "country": "PSE", "sector": "REB"}]},
                   reviewer="bo", note=None, now=WHEN)
        add_review(store.conn, event_id="gone-e9", article_seq=1, verdict="wrong", corrections=None,
                   reviewer="bo", note="event re-coded away", now=WHEN)
    return path


def _run(*args):
    result = CliRunner().invoke(cli, ["export", *args])
    return result


def test_jsonl_holds_each_review_with_its_event_and_article(tmp_path):
    db = _reviewed_store(tmp_path)
    result = _run("--db", str(db), "--reviews")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["verdict"] for r in rows] == ["right", "wrong", "wrong"]
    first, second, gone = rows
    assert first["reviewer"] == "ana" and first["created_at"] == "2024-08-01T12:00:00Z"
    assert first["event"]["event_type"] == "ACCUSE" and first["event"]["article"]["source"] == "Reuters"
    assert first["event"]["trigger"]["text"] == "accused"
    assert second["corrections"]["event_type"] == "THREATEN"
    assert second["event"]["event_type"] == "ASSAULT"          # the stored event is not changed
    assert gone["event"] is None                              # its event is no longer stored
    assert "exported 3 reviews" in result.stderr


def test_csv_has_corrections_as_columns(tmp_path):
    db = _reviewed_store(tmp_path)
    result = _run("--db", str(db), "--reviews", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 3
    assert rows[1]["corrected_event_type"] == "THREATEN"
    assert json.loads(rows[1]["corrected_source"])[0]["sector"] == "REB"
    assert rows[0]["event_type"] == "ACCUSE" and rows[0]["source_names"] == "Israel"
    assert rows[2]["event_stored"] == "False" and rows[2]["event_type"] == ""


def test_reviews_refuse_event_options(tmp_path):
    db = _reviewed_store(tmp_path)
    for args, word in ((["--format", "parquet", "--out", str(tmp_path / "x.parquet")], "jsonl or csv"),
                       (["--merged"], "do not apply"), (["--event-type", "ACCUSE"], "do not apply")):
        result = _run("--db", str(db), "--reviews", *args)
        assert result.exit_code == 2 and word in result.output, result.output


def test_a_store_without_reviews_exports_none(tmp_path):
    path = tmp_path / "plain.duckdb"
    make_store(path)
    result = _run("--db", str(path), "--reviews")
    assert result.exit_code == 0 and result.stdout == "" and "exported 0 reviews" in result.stderr
