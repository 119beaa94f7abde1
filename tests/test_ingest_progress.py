"""The ingest progress bar: a total and the time left when the inputs can be counted beforehand
(files and folders), counting up when not (stdin). No spaCy: the store commands code with FakeCoder."""

from __future__ import annotations

import gzip
import importlib
import io
import json

import pytest
from click.testing import CliRunner
from rich.console import Console

from chronicle.cli import cli
from chronicle.io.read import read_paths
from test_cli_store import fake, write_corpus  # noqa: F401 (fake: the fixture)

PROGRESS = importlib.import_module("chronicle.cli.progress")

FEED = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>'
        b"<item><title>a</title><description>Police arrested ten people.</description></item>"
        b"<item><title>b</title><description>Troops withdrew.</description></item></channel></rss>")


@pytest.fixture
def inputs(tmp_path):
    """A folder of every kind of input, with things the reader skips or refuses."""
    root = tmp_path / "news"
    (root / "sub").mkdir(parents=True)
    (root / ".hidden").mkdir()
    (root / "a.txt").write_text("Police arrested ten people.")
    (root / "b.jsonl").write_text('{"text": "one"}\n\n{"text": "two"}\nnot json\n')
    with gzip.open(root / "c.jsonl.gz", "wt") as handle:
        handle.write('{"text": "three"}\n{"text": "four"}\n')
    (root / "d.rss").write_bytes(FEED)
    (root / "sub" / "e.html").write_text("<html><body><p>Troops withdrew from the town.</p></body></html>")
    (root / "sub" / "empty.jsonl").write_text("")
    (root / "sub" / "notes.pdf").write_text("skipped")
    (root / ".hidden" / "f.txt").write_text("skipped")
    (root / "broken.jsonl.gz").write_bytes(b"\x1f\x8b not really gzip")
    return root


def test_count_inputs_is_what_the_reader_yields(inputs, tmp_path):
    paths = [str(inputs), str(inputs / "a.txt"), str(tmp_path / "missing.txt"), str(inputs / "sub" / "notes.pdf")]
    assert PROGRESS.count_inputs(paths) == len(list(read_paths(paths))) == 13
    empty = tmp_path / "empty"
    empty.mkdir()
    assert PROGRESS.count_inputs([str(empty)]) == len(list(read_paths([str(empty)]))) == 1


def test_no_total_for_stdin_or_when_limit_stops_before_the_end(inputs):
    assert PROGRESS.count_inputs([str(inputs), "-"]) is None
    assert PROGRESS.ingest_total([str(inputs)], limit=None) == 10
    assert PROGRESS.ingest_total([str(inputs)], limit=10) == 10
    assert PROGRESS.ingest_total([str(inputs)], limit=3) is None


@pytest.fixture
def terminal(monkeypatch):
    """Draw the bar on a terminal of the test's own; its output is returned."""
    screen = io.StringIO()
    monkeypatch.setattr(PROGRESS, "make_console",
                        lambda: Console(file=screen, force_terminal=True, width=160, color_system=None))
    return screen


def test_ingest_shows_the_total_and_the_time_left(tmp_path, fake, terminal):
    corpus = write_corpus(tmp_path, n=7)
    result = CliRunner().invoke(cli, ["ingest", str(corpus), "--db", str(tmp_path / "c.duckdb"), "--no-dedupe"])
    assert result.exit_code == 0, result.output
    shown = terminal.getvalue()
    assert "7/7 articles" in shown and "eta" in shown


def test_ingest_from_stdin_counts_up_without_a_total(tmp_path, fake, terminal):
    text = json.dumps({"text": "Israel accused Hamas."})
    result = CliRunner().invoke(cli, ["ingest", "-", "--db", str(tmp_path / "c.duckdb"), "--no-dedupe"],
                                input=text)
    assert result.exit_code == 0, result.output
    shown = terminal.getvalue()
    assert "1 articles" in shown and "/" not in shown.replace("articles/s", "") and "eta" not in shown


def test_without_a_terminal_nothing_is_counted(tmp_path, fake, monkeypatch):
    counted = []
    monkeypatch.setattr(PROGRESS, "count_inputs", lambda paths: counted.append(paths) or 0)
    result = CliRunner().invoke(cli, ["ingest", str(write_corpus(tmp_path)), "--db", str(tmp_path / "c.duckdb")])
    assert result.exit_code == 0, result.output
    assert counted == []
