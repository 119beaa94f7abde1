"""The real CLI, driven through click's runner: exit codes, full error texts, output formats."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from chronicle.cli import cli
from conftest import REPO, shared_path

SAMPLE = REPO / "samples" / "2023-08-16-kenya-fuel-protest.txt"


@pytest.fixture(scope="module")
def runner():
    return CliRunner()


@pytest.mark.model
def test_code_jsonl_writes_one_valid_event_per_line(runner, tmp_path):
    out = tmp_path / "events.jsonl"
    result = runner.invoke(cli, ["code", str(SAMPLE), "--published", "2023-08-16", "--format", "jsonl",
                                 "--out", str(out)])
    assert result.exit_code == 0, result.output
    lines = out.read_text().splitlines()
    assert lines
    events = [json.loads(line) for line in lines]
    assert all(e["doc_id"] == SAMPLE.name for e in events)
    assert {"PROTEST", "COERCE"} <= {e["event_type"] for e in events}


@pytest.mark.model
def test_code_csv_has_header_and_rows(runner):
    result = runner.invoke(cli, ["code", str(SAMPLE), "--published", "2023-08-16", "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert rows and rows[0]["event_type"]
    assert any(r["event_type"] == "PROTEST" and r["size"] == "2000" for r in rows)


@pytest.mark.model
def test_code_table_names_the_article(runner):
    result = runner.invoke(cli, ["code", str(SAMPLE), "--published", "2023-08-16"])
    assert result.exit_code == 0, result.output
    assert SAMPLE.name in result.output and "PROTEST" in result.output


@pytest.mark.model
def test_code_reads_stdin(runner):
    text = "Egyptian police arrested 40 protesters in Cairo on Friday, the interior ministry said."
    result = runner.invoke(cli, ["code", "-", "--published", "2024-03-03", "--format", "jsonl"], input=text)
    assert result.exit_code == 0, result.output
    event = json.loads(result.output.splitlines()[0])
    assert event["doc_id"] == "stdin"
    assert event["event_type"] == "COERCE"
    assert event["source"][0]["country"] == "EGY" and event["source"][0]["sector"] == "COP"
    assert event["date"] == {"value": "2024-03-01", "precision": "day", "text": "Friday",
                             "start": text.index("Friday"), "end": text.index("Friday") + 6,
                             "method": "expression", "confidence": event["date"]["confidence"]}


@pytest.mark.model
def test_bad_records_are_skipped_with_their_reason_and_exit_1(runner, tmp_path):
    data = tmp_path / "mixed.jsonl"
    good = {"id": "ok-1", "text": "Russian troops shelled Kharkiv on Monday.", "published": "2024-05-08"}
    data.write_text(json.dumps(good) + "\n{not json\n" +
                    json.dumps({"id": "bad-date", "text": "x", "published": "2017-02-30"}) + "\n")
    missing = tmp_path / "missing.txt"
    result = runner.invoke(cli, ["code", str(data), str(missing), "--format", "jsonl"])
    assert result.exit_code == 1, result.output
    assert f"chronicle: skipped {data}:2: " in result.stderr
    assert f"chronicle: skipped {data}:3: " in result.stderr and "2017-02-30" in result.stderr
    assert f"chronicle: skipped {missing}: no such file" in result.stderr
    assert "chronicle: 3 input(s) skipped" in result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert events and all(e["doc_id"] == "ok-1" for e in events)
    assert "Traceback" not in result.output


def test_code_without_paths_is_a_usage_error(runner):
    result = runner.invoke(cli, ["code"])
    assert result.exit_code == 2
    assert "give at least one PATH" in result.output


def test_impossible_published_date_is_rejected(runner):
    result = runner.invoke(cli, ["code", str(SAMPLE), "--published", "2017-02-30"])
    assert result.exit_code == 2
    assert "Invalid value for '--published': impossible date '2017-02-30'" in result.output


def test_actors_lookup_is_date_aware(runner):
    result = runner.invoke(cli, ["actors", "lookup", "Netanyahu", "--date", "2017-10-12", "--json"])
    assert result.exit_code == 0, result.output
    row = json.loads(result.output)[0]
    assert (row["country"], row["sector"], row["role"]) == ("ISR", "GOV", "prime minister")
    result = runner.invoke(cli, ["actors", "lookup", "Netanyahu", "--date", "2022-01-01", "--json"])
    row = json.loads(result.output)[0]
    assert row["sector"] != "GOV"


def test_actors_lookup_unknown_name_exits_1(runner):
    result = runner.invoke(cli, ["actors", "lookup", "Zzyzx Quorblat"])
    assert result.exit_code == 1
    assert "not in the knowledge base" in result.output


def test_user_actor_file_overrides_and_bad_file_is_a_clear_error(runner, tmp_path):
    good = tmp_path / "mine.yaml"
    good.write_text("- id: acme-militia\n  kind: organisation\n  name: Acme Militia\n"
                    "  aliases: [Acme Militia, AM-7]\n  country: KEN\n  sector: REB\n")
    result = runner.invoke(cli, ["actors", "lookup", "AM-7", "--actors", str(good), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)[0]["sector"] == "REB"
    bad = tmp_path / "bad.yaml"
    bad.write_text("- id: x\n  kind: organisation\n  name: X\n  country: XYZ\n")
    result = runner.invoke(cli, ["actors", "lookup", "X", "--actors", str(bad)])
    assert result.exit_code == 1
    assert f"Error: {bad}: entry 1 (id=x): country: Value error, country 'XYZ' is not an ISO 3166 alpha-3 code" in result.output


@pytest.mark.model
@pytest.mark.shared
def test_eval_prints_scores(runner):
    shared_path("eval-data", "plover-dev", "plover-dev.jsonl")
    result = runner.invoke(cli, ["eval", "plover-dev", "--limit", "20", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["dataset"] == "plover-dev" and report["n_sentences"] == 20


def test_every_command_and_option_is_documented():
    readme = (REPO / "README.md").read_text()
    for name, command in _commands(cli):
        assert f"chronicle {name}" in readme, f"README does not show `chronicle {name}`"
        for param in command.params:
            for opt in getattr(param, "opts", []):
                if opt.startswith("--") and opt not in ("--help",):
                    assert opt in readme, f"README does not document {opt} of `chronicle {name}`"


def _commands(group, prefix=""):
    import click

    for name, command in group.commands.items():
        full = f"{prefix}{name}"
        if isinstance(command, click.Group):
            yield from _commands(command, full + " ")
        else:
            yield full, command


def test_the_command_reference_is_current():
    """docs/cli.md is generated from the commands' --help; regenerate it after changing an option."""
    from chronicle.cli.reference import render

    import difflib

    current = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    diff = "\n".join(difflib.unified_diff(current.splitlines(), render().splitlines(), lineterm="", n=1))
    assert not diff, "docs/cli.md is stale: run python -m chronicle.cli.reference > docs/cli.md\n" + diff
