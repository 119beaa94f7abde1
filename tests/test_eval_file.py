"""``chronicle eval FILE.jsonl``: a user's own gold file in the plover-dev format, scored like
plover-dev, with "n/a" where a label has no gold support, and one clear line for a file that cannot
be scored (naming the file, the line and the field) before the model is loaded.

The gold files are written here, by hand; nothing is copied from plover-dev.
"""

from __future__ import annotations

import gzip
import json

import pytest
from click.testing import CliRunner

from chronicle.cli import cli
from chronicle.errors import DatasetError
from chronicle.evaluate.goldfile import load_gold_file, looks_like_gold_file
from chronicle.evaluate.runner import evaluate_file
from chronicle.schema import QUAD_CLASS, Actor, CoderInfo, Event, Span

AGREE = "Jordan and Britain agreed to hold joint exercises."
RESIGN = "The minister agreed to resign after the protests."
QUIET = "The match ended in a draw on Sunday."

GOLD = [
    {"id": "s1", "text": AGREE,
     "relations": [{"event_type": "AGREE", "source_text": "Jordan", "target_text": "Britain"}]},
    {"id": "s2", "text": RESIGN, "published": "2024-05-09",
     "relations": [{"event_type": "CONCEDE", "source_text": "The minister", "target_text": None}]},
    {"id": 3, "text": QUIET, "relations": [], "note": "extra fields are ignored"},
]


def write(tmp_path, records, name="gold.jsonl") -> str:
    path = tmp_path / name
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records),
                    encoding="utf-8")
    return str(path)


def event(event_type: str, sentence: str, source: str | None = None) -> Event:
    actors = []
    if source:
        start = sentence.index(source)
        actors = [Actor(text=source, start=start, end=start + len(source))]
    return Event(id="e1", doc_id="sentence", sentence_index=0, sentence=sentence,
                 event_type=event_type, quad_class=QUAD_CLASS[event_type], factuality="actual",
                 source=actors, trigger=Span(text="x", start=0, end=1), confidence=0.8,
                 coder=CoderInfo(version="t", data_version="t"))


def canned_coder(calls: list):
    """AGREE right, RESIGN coded as CONCEDE (scored as YIELD), a false ASSAULT on the quiet line."""
    answers = {AGREE: [event("AGREE", AGREE, "Jordan")],
               RESIGN: [event("CONCEDE", RESIGN, "The minister")],
               QUIET: [event("ASSAULT", QUIET)]}

    def code(text, published=None):
        calls.append((text, published))
        return answers[text]
    return code


# --------------------------------------------------------------------------- reading the file

def test_load_gold_file_reads_the_plover_dev_shape(tmp_path):
    first, second, third = load_gold_file(write(tmp_path, GOLD))

    assert (first.id, first.text, first.noevent) == ("s1", AGREE, False)
    assert [(r.event_type, r.source_text, r.target_text) for r in first.relations] == [
        ("AGREE", "Jordan", "Britain")]
    # CONCEDE and RETREAT are one label, YIELD, as in plover-dev; a null target stays None.
    assert [(r.event_type, r.target_text) for r in second.relations] == [("YIELD", None)]
    assert second.published == "2024-05-09"
    assert (third.id, third.relations, third.noevent) == ("3", [], True)


def test_load_gold_file_reads_gzip(tmp_path):
    path = tmp_path / "gold.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps(GOLD[0]) + "\n")

    assert [s.id for s in load_gold_file(path)] == ["s1"]


@pytest.mark.parametrize(
    "line, message",
    [
        ('{"id": "a", "text": "x", "relations": []', "line 2: not JSON"),
        ('["a", "b"]', "line 2: expected a JSON object, got list"),
        ('{"id": "a", "relations": []}', "line 2: field 'text' is missing"),
        ('{"text": "x", "relations": []}', "line 2: field 'id' is missing"),
        ('{"id": "a", "text": "  ", "relations": []}', "line 2: field 'text' must be a non-empty string"),
        ('{"id": "a", "text": "x"}', "line 2: field 'relations' is missing (use [] for a sentence with no event)"),
        ('{"id": "a", "text": "x", "relations": "AGREE"}', "line 2: field 'relations' must be a list"),
        ('{"id": "a", "text": "x", "relations": [{"source_text": "A"}]}',
         "line 2: relations[0]: field 'event_type' is missing"),
        ('{"id": "a", "text": "x", "relations": [{"event_type": "FIGHT"}]}',
         "line 2: relations[0]: field 'event_type' 'FIGHT' is not a PLOVER type"),
        ('{"id": "a", "text": "x", "relations": [{"event_type": "AGREE", "source_text": 7}]}',
         "line 2: relations[0]: field 'source_text' must be a string or null"),
        ('{"id": "a", "text": "x", "relations": [], "published": "2024-02-30"}',
         "line 2: field 'published' '2024-02-30' is not a date (YYYY-MM-DD)"),
        ('{"id": "s1", "text": "x", "relations": []}', "line 2: id 's1' already used on line 1"),
    ],
)
def test_a_malformed_line_is_one_error_naming_file_line_and_field(tmp_path, line, message):
    path = write(tmp_path, [GOLD[0], line])

    with pytest.raises(DatasetError) as caught:
        load_gold_file(path)
    assert caught.value.message.startswith(f"gold file {path} {message}"), caught.value.message


def test_missing_empty_folder_and_binary_files_are_one_line_each(tmp_path):
    cases = {
        str(tmp_path / "absent.jsonl"): "not found",
        write(tmp_path, [], "empty.jsonl"): "no sentences (expected one JSON object a line)",
        str(tmp_path): "is a folder, not a file",
    }
    binary = tmp_path / "binary.jsonl"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    cases[str(binary)] = "not UTF-8 JSON Lines"
    for path, problem in cases.items():
        with pytest.raises(DatasetError) as caught:
            load_gold_file(path)
        assert caught.value.message.startswith(f"gold file {path}: {problem}")
        assert "\n" not in caught.value.message


@pytest.mark.parametrize("name, is_file", [
    ("mine.jsonl", True), ("mine.jsonl.gz", True), ("data/gold", True), ("./examples", True),
    ("plover-dev", False), ("no-such-set", False)])
def test_looks_like_gold_file(name, is_file, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert looks_like_gold_file(name) is is_file


# --------------------------------------------------------------------------- scoring

def test_evaluate_file_scores_like_plover_dev_with_na_for_unsupported_labels(tmp_path):
    calls: list = []
    report = evaluate_file(write(tmp_path, GOLD), canned_coder(calls))

    m = report.metrics
    assert report.n_sentences == 3
    assert calls == [(AGREE, None), (RESIGN, "2024-05-09"), (QUIET, None)]  # published passed on
    assert (m["per_label"]["AGREE"]["precision"], m["per_label"]["AGREE"]["recall"]) == (1.0, 1.0)
    assert m["per_label"]["YIELD"]["tp"] == 1  # gold CONCEDE == coded CONCEDE, both YIELD
    # ASSAULT was coded but nothing in the gold is ASSAULT: recall and F1 are undefined, not 0.
    assert m["per_label"]["ASSAULT"] == {"precision": 0.0, "recall": None, "f1": None, "support": 0,
                                         "tp": 0, "fp": 1, "fn": 0}
    assert m["noevent_sentences"] == {"n": 1, "no_event": 0.0, "no_actual_event": 0.0}
    assert (m["overall"]["tp"], m["overall"]["fp"], m["overall"]["fn"]) == (2, 1, 0)

    rows = {row[0]: row for row in report.to_table()}
    assert rows["ASSAULT"] == ["ASSAULT", "0.000", "n/a", "n/a", "0"]
    assert rows["overall (micro)"] == ["overall (micro)", "0.667", "1.000", "0.800", "2"]
    text = report.format_text()
    assert text.startswith(f"{tmp_path / 'gold.jsonl'}: 3 sentences")
    assert "sentences labelled with no event: no event coded 0.000" in text
    assert json.loads(report.to_json())["metrics"]["per_label"]["ASSAULT"]["recall"] is None


def test_evaluate_file_limit_and_a_bad_file_codes_nothing(tmp_path):
    calls: list = []
    assert evaluate_file(write(tmp_path, GOLD), canned_coder(calls), limit=1).n_sentences == 1
    assert calls == [(AGREE, None)]

    calls.clear()
    with pytest.raises(DatasetError, match="line 3: field 'text' is missing"):
        evaluate_file(write(tmp_path, [*GOLD[:2], {"id": "x", "relations": []}]), canned_coder(calls))
    assert calls == []  # the whole file is checked before the first sentence is coded


# --------------------------------------------------------------------------- the CLI

def test_cli_rejects_a_bad_gold_file_in_one_line_without_loading_the_model(tmp_path, monkeypatch):
    from chronicle.syntax import model

    def refuse(name):
        raise AssertionError("the model was loaded for a file that cannot be scored")

    monkeypatch.setattr(model, "_load_model", refuse)
    path = write(tmp_path, [GOLD[0], '{"id": "b", "text": "y", "relations": [{"event_type": "FIGHT"}]}'])
    result = CliRunner().invoke(cli, ["eval", path])

    assert result.exit_code == 1, result.output
    assert result.output.startswith(
        f"Error: gold file {path} line 2: relations[0]: field 'event_type' 'FIGHT' is not a PLOVER type")
    assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output

    missing = CliRunner().invoke(cli, ["eval", str(tmp_path / "nope.jsonl")])
    assert (missing.exit_code, missing.output) == (1, f"Error: gold file {tmp_path / 'nope.jsonl'}: not found\n")


def test_cli_unknown_name_is_a_usage_error_listing_the_datasets():
    result = CliRunner().invoke(cli, ["eval", "plover-devv"])

    assert result.exit_code == 2, result.output
    assert "'plover-devv' is neither a dataset (bbc-quiet, conflibert-cameo, examples," in result.output
    assert "nor a .jsonl gold file" in result.output


@pytest.mark.model
def test_cli_scores_a_gold_file_with_the_real_coder(tmp_path):
    path = write(tmp_path, GOLD)
    result = CliRunner().invoke(cli, ["eval", path, "--json"])

    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["dataset"] == path and report["n_sentences"] == 3
    assert report["metrics"]["per_label"]["AGREE"]["support"] == 1
    text = CliRunner().invoke(cli, ["eval", path])
    assert text.exit_code == 0 and f"{path}: 3 sentences" in text.stdout


@pytest.mark.model
def test_cli_builtin_names_keep_working():
    result = CliRunner().invoke(cli, ["eval", "examples", "--limit", "3", "--json"])

    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["dataset"] == "examples"
