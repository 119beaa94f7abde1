"""``chronicle ingest``, ``export`` and ``recode`` through click's runner: exit codes, full texts."""

from __future__ import annotations

import csv
import importlib
import io
import json

import duckdb
import pytest
from click.testing import CliRunner

import chronicle
import chronicle.version
from chronicle.cli import cli
from chronicle.io.writers import CSV_COLUMNS
from chronicle.schema import Event
from conftest import REPO
from test_store import FakeCoder

CODING = importlib.import_module("chronicle.cli.coding")  # where the store commands get their Coder
SAMPLE = REPO / "samples" / "2023-08-16-kenya-fuel-protest.txt"


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def fake(monkeypatch):
    """The store commands code with FakeCoder instead of loading spaCy."""
    coders = []

    def make(actor_files=(), batch_size=16):
        coders.append(FakeCoder())
        return coders[-1]

    monkeypatch.setattr(CODING, "make_coder", make)
    return coders


def write_corpus(tmp_path, n=5, bad=False):
    path = tmp_path / "news.jsonl"
    lines = [json.dumps({"id": f"a{i}", "text": f"Article {i}: Israel accused Hamas (story {i}).",
                         "published": "2024-05-06", "url": f"https://news.example/{i}"})
             for i in range(1, n + 1)]
    if bad:
        lines.insert(2, '{"id": "broken"')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def db(tmp_path, runner, fake):
    db = tmp_path / "c.duckdb"
    result = runner.invoke(cli, ["ingest", str(write_corpus(tmp_path, n=7)), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db


# -- ingest -----------------------------------------------------------------------------------------
def test_ingest_summary_and_idempotent_rerun(runner, tmp_path, fake):
    corpus, db = write_corpus(tmp_path), tmp_path / "c.duckdb"
    first = runner.invoke(cli, ["ingest", str(corpus), "--db", str(db), "--batch-size", "2"])
    assert first.exit_code == 0, first.output
    assert first.stdout == ("chronicle: stored 5 articles (6 events), skipped 0 as duplicates, quarantined 0\n"
                            "chronicle: 6 events, 2 merged events, 4 events merged away\n")
    second = runner.invoke(cli, ["ingest", str(corpus), "--db", str(db)])
    assert second.exit_code == 0
    assert second.stdout == "chronicle: stored 0 articles (0 events), skipped 5 as duplicates, quarantined 0\n"
    assert len(fake) == 1          # nothing new: the second run never loads a coder


def test_ingest_quarantines_bad_lines_and_exits_1(runner, tmp_path, fake):
    corpus, db = write_corpus(tmp_path, bad=True), tmp_path / "c.duckdb"
    result = runner.invoke(cli, ["ingest", str(corpus), "--db", str(db)])
    assert result.exit_code == 1
    assert result.stderr == (f"chronicle: quarantined {corpus}:3: not JSON (Expecting ',' delimiter "
                             f"at column 1)\n")
    assert result.stdout.startswith("chronicle: stored 5 articles (6 events), skipped 0 as duplicates, quarantined 1\n")
    with duckdb.connect(str(db), read_only=True) as conn:
        assert conn.execute('SELECT "where", excerpt FROM quarantine').fetchall() == [
            (f"{corpus}:3", '{"id": "broken"')]


def test_ingest_merges_reports_across_articles_unless_told_not_to(runner, tmp_path, fake):
    corpus = write_corpus(tmp_path)
    merged_db, plain_db = tmp_path / "m.duckdb", tmp_path / "p.duckdb"
    assert runner.invoke(cli, ["ingest", str(corpus), "--db", str(merged_db)]).exit_code == 0
    exported = runner.invoke(cli, ["export", "--db", str(merged_db), "--merged"])
    assert exported.exit_code == 0 and len(exported.stdout.splitlines()) == 2     # 6 reports, 2 events
    plain = runner.invoke(cli, ["ingest", str(corpus), "--db", str(plain_db), "--no-dedupe"])
    assert plain.stdout.count("\n") == 1 and "merged" not in plain.stdout
    refused = runner.invoke(cli, ["export", "--db", str(plain_db), "--merged"])
    assert refused.exit_code != 0 and "chronicle dedupe" in refused.stderr


def test_ingest_uses_chronicle_db_env_and_limit(runner, tmp_path, fake):
    corpus, db = write_corpus(tmp_path), tmp_path / "env.duckdb"
    result = runner.invoke(cli, ["ingest", str(corpus), "--limit", "2"], env={"CHRONICLE_DB": str(db)})
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("chronicle: stored 2 articles")
    assert db.exists()


def test_ingest_errors(runner, tmp_path, fake):
    result = runner.invoke(cli, ["ingest", "--db", str(tmp_path / "c.duckdb")])
    assert result.exit_code == 2
    assert "Error: give at least one PATH (a file, a folder) or - for stdin" in result.stderr
    result = runner.invoke(cli, ["ingest", str(write_corpus(tmp_path)), "--db", str(tmp_path)])
    assert result.exit_code == 2 and "is a directory" in result.stderr   # click's own path check
    junk = tmp_path / "junk.duckdb"
    junk.write_text("x" * 5000)
    result = runner.invoke(cli, ["ingest", str(write_corpus(tmp_path)), "--db", str(junk)])
    assert result.exit_code == 1
    assert result.stderr == (f'Error: cannot open database {junk}: IO Error: The file "{junk}" exists, '
                             f"but it is not a valid DuckDB database file!\n")
    missing = tmp_path / "missing.jsonl"
    result = runner.invoke(cli, ["ingest", str(missing), "--db", str(tmp_path / "c.duckdb")])
    assert result.exit_code == 1
    assert result.stderr == f"chronicle: quarantined {missing}: no such file\n"


# -- export -----------------------------------------------------------------------------------------
def test_export_jsonl_round_trips_to_events(runner, db):
    result = runner.invoke(cli, ["export", "--db", str(db)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert all(row.pop("article")["id"] == row["doc_id"] for row in rows)   # each row names its article
    events = [Event.model_validate(row) for row in rows]
    assert len(events) == sum(i % 3 for i in range(1, 8)) == 7
    assert result.stderr == "chronicle: exported 7 events\n"


def test_export_csv_has_the_csv_header(runner, db, tmp_path):
    out = tmp_path / "events.csv"
    result = runner.invoke(cli, ["export", "--db", str(db), "--format", "csv", "--out", str(out),
                                 "--event-type", "assault"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert list(rows[0]) == CSV_COLUMNS
    assert [r["event_type"] for r in rows] == ["ASSAULT", "ASSAULT"]
    assert rows[0]["target"] == "Hamas; Romania"


def test_export_parquet_needs_out_and_is_readable(runner, db, tmp_path):
    result = runner.invoke(cli, ["export", "--db", str(db), "--format", "parquet"])
    assert result.exit_code == 1
    assert result.stderr == "Error: --format parquet needs --out FILE (Parquet is not written to stdout)\n"
    out = tmp_path / "events.parquet"
    result = runner.invoke(cli, ["export", "--db", str(db), "--format", "parquet", "--out", str(out),
                                 "--country", "egy"])
    assert result.exit_code == 0, result.output
    assert result.stderr == "chronicle: exported 5 events\n"
    rows = duckdb.connect().execute(f"SELECT event_type, location_country FROM read_parquet('{out}')").fetchall()
    assert rows == [("ACCUSE", "EGY")] * 5


def test_export_gdelt_rows(runner, db):
    result = runner.invoke(cli, ["export", "--db", str(db), "--format", "gdelt", "--factuality", "actual",
                                 "--since", "2024-05-01", "--until", "2024-05-31"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 5
    cols = lines[0].split("\t")
    assert len(cols) == 61
    assert cols[1] == "20240506" and cols[5] == "ISRGOV" and cols[26] == "111"
    assert cols[53] == "EG" and cols[60] == "https://news.example/1"


def test_export_errors(runner, db, tmp_path):
    missing = tmp_path / "none.duckdb"
    result = runner.invoke(cli, ["export", "--db", str(missing)])
    assert result.exit_code == 1
    assert result.stderr == f"Error: no database at {missing} (run 'chronicle ingest' first)\n"
    result = runner.invoke(cli, ["export", "--db", str(db), "--since", "2024-06-01", "--until", "2024-05-01"])
    assert result.exit_code == 1
    assert result.stderr == "Error: --since 2024-06-01 is after --until 2024-05-01\n"
    result = runner.invoke(cli, ["export", "--db", str(db), "--out", str(tmp_path / "no" / "x.jsonl")])
    assert result.exit_code == 1
    assert result.stderr == f"Error: cannot write {tmp_path / 'no' / 'x.jsonl'}: No such file or directory\n"
    result = runner.invoke(cli, ["export", "--db", str(db), "--country", "Egypt"])
    assert result.exit_code == 2
    assert ("Invalid value for '--country': 'Egypt' is not a 3-letter code (ISO alpha-3 such as EGY, "
            "or IGO/NGO/MNC)") in result.stderr
    result = runner.invoke(cli, ["export", "--db", str(db), "--since", "2024-02-30"])
    assert result.exit_code == 2 and "impossible date '2024-02-30'" in result.stderr
    assert "Traceback" not in result.output


# -- recode -----------------------------------------------------------------------------------------
def test_recode_after_a_data_version_change(runner, db, fake, monkeypatch):
    result = runner.invoke(cli, ["recode", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert result.stdout == "chronicle: recoded 0 articles (0 events)\n"
    monkeypatch.setattr(chronicle.version, "DATA_VERSION", "2099.01.01")
    result = runner.invoke(cli, ["recode", "--db", str(db), "--batch-size", "3"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "chronicle: recoded 7 articles (7 events)\n"
    exported = runner.invoke(cli, ["export", "--db", str(db)]).stdout.splitlines()
    assert {json.loads(line)["coder"]["data_version"] for line in exported} == {"2099.01.01"}
    again = runner.invoke(cli, ["recode", "--db", str(db)])
    assert again.stdout == "chronicle: recoded 0 articles (0 events)\n"


def test_recode_without_a_database(runner, tmp_path):
    missing = tmp_path / "none.duckdb"
    result = runner.invoke(cli, ["recode", "--db", str(missing)])
    assert result.exit_code == 1
    assert result.stderr == f"Error: no database at {missing} (run 'chronicle ingest' first)\n"
    assert not missing.exists()


# -- the real coder ---------------------------------------------------------------------------------
@pytest.mark.model
def test_ingest_and_export_with_the_real_coder(runner, tmp_path, coder, monkeypatch):
    monkeypatch.setattr(CODING, "make_coder", lambda actor_files=(), batch_size=16: coder)
    db = tmp_path / "c.duckdb"
    result = runner.invoke(cli, ["ingest", str(SAMPLE), "--published", "2023-08-16", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("chronicle: stored 1 articles (")
    exported = runner.invoke(cli, ["export", "--db", str(db), "--event-type", "PROTEST"])
    rows = [json.loads(line) for line in exported.stdout.splitlines()]
    events = [Event.model_validate({k: v for k, v in row.items() if k != "article"}) for row in rows]
    assert events and all(e.event_type == "PROTEST" and e.doc_id == SAMPLE.name for e in events)
    gdelt = runner.invoke(cli, ["export", "--db", str(db), "--format", "gdelt"]).stdout.splitlines()
    assert gdelt and all(len(line.split("\t")) == 61 for line in gdelt)


@pytest.mark.parametrize("command, done", [("ingest", "stored"), ("recode", "recoded")])
def test_ctrl_c_keeps_the_batches_and_says_how_to_finish(runner, db, tmp_path, monkeypatch, command, done):
    import chronicle.store

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(chronicle.store, command, interrupted)
    corpus = write_corpus(tmp_path, n=7)
    args = [command, str(corpus), "--db", str(db)] if command == "ingest" else [command, "--db", str(db)]
    result = runner.invoke(cli, args)
    assert result.exit_code == 130
    assert result.stderr == (f"chronicle: interrupted; the batches {done} so far are kept, run the same "
                             "command again to finish\n")
