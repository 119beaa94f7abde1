"""``chronicle stats``: counts of a store, per group with mean Goldstein, as a table, JSON and CSV
(hand-built store, no spaCy)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from click.testing import CliRunner

from chronicle.cli import cli
from chronicle.dedup.store import merge_store
from chronicle.schema import Article, EventDate
from chronicle.store import Store
from chronicle.store.stats import GROUPINGS, store_stats
from tests.test_store_schema import INFO, ISRAEL, NOW, actor, event

HAMAS = dict(actor_id="hamas", country="PSE", sector="PTY")


def corpus():
    """Three events in two articles: an accusation of Hamas by Israel on 6 May 2024 (Goldstein -2,
    two targets), Israeli police coercing in 2023 (year only, -5, no target), and a denied
    accusation of 7 May (-4)."""
    israel = actor("Israel", "knowledge-base", **ISRAEL)
    accuse = event("a1", 0, source=[israel], target=[actor("Hamas", "knowledge-base", **HAMAS),
                                                     actor("Gaza", "country", country="PSE", sector="GOV")])
    coerce = event("a1", 1, source=[actor("police", "agent", country="ISR", sector="COP")],
                   event_type="COERCE", date=EventDate(value="2023", precision="year", method="expression"))
    denied = event("b1", 0, source=[israel], target=[actor("Hamas", "knowledge-base", **HAMAS)],
                   date=EventDate(value="2024-05-07", precision="day", method="expression"))
    return [
        (Article(id="a1", text="Story one.", published=dt.date(2024, 5, 6)),
         [accuse, coerce.model_copy(update={"goldstein": -5.0, "quad_class": 4, "cameo": "170"})]),
        (Article(id="b1", text="Story two.", published=dt.date(2024, 5, 7)),
         [denied.model_copy(update={"goldstein": -4.0, "factuality": "negated"})]),
    ]


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "c.duckdb"
    with Store(path) as store:
        with store.transaction():
            store.add_articles(corpus(), INFO, NOW)
        merge_store(store)
    return path


EXPECTED = {
    "type": [("ACCUSE", 2, 2, -3.0), ("COERCE", 1, 1, -5.0)],
    "factuality": [("actual", 2, 2, -3.5), ("negated", 1, 1, -4.0)],
    "month": [("2024-05", 2, 2, -3.0), (None, 1, 1, -5.0)],
    "country": [("ISR", 3, 3, -3.667), ("PSE", 2, 2, -3.0)],
    "dyad": [("ISR -> PSE", 2, 2, -3.0)],
}


@pytest.mark.parametrize("by", GROUPINGS)
def test_store_stats_per_group(db, by):
    with Store(db, read_only=True) as store:
        numbers = store_stats(store, by)
    assert numbers["totals"] == {"articles": 2, "events": 3, "merged_events": 3, "quarantined": 0}
    assert numbers["merge_current"] is True
    got = [(r["key"], r["events"], r["merged_events"], r["mean_goldstein"]) for r in numbers["groups"]]
    assert got == EXPECTED[by]


@pytest.mark.parametrize("by", GROUPINGS)
def test_stats_json_and_csv(db, by):
    runner = CliRunner()
    result = runner.invoke(cli, ["stats", "--db", str(db), "--by", by, "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["by"] == by and data["totals"]["events"] == 3
    assert [(g["key"], g["events"], g["merged_events"], g["mean_goldstein"]) for g in data["groups"]] == EXPECTED[by]
    result = runner.invoke(cli, ["stats", "--db", str(db), "--by", by, "--csv"])
    assert result.exit_code == 0, result.output
    table = list(csv.reader(io.StringIO(result.stdout)))
    assert table[0] == [by, "events", "merged_events", "mean_goldstein"]
    assert table[1:] == [["" if v is None else str(v) for v in row] for row in EXPECTED[by]]


@pytest.mark.parametrize("by", GROUPINGS)
def test_stats_table(db, by):
    result = CliRunner().invoke(cli, ["stats", "--db", str(db), "--by", by])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "2 articles, 3 events, 3 merged events, 0 quarantined inputs"
    key, events, merged, mean = EXPECTED[by][0]
    first = next(line for line in lines if (key or "-") in line and "│" in line)
    assert [cell.strip() for cell in first.strip("│").split("│")] == [
        key or "-", str(events), str(merged), f"{mean:+.2f}"]


def test_stats_without_by_and_without_a_current_merge(db):
    with Store(db) as store, store.transaction():
        store.add_articles([(Article(id="c1", text="Story three."), [event("c1")])], INFO, NOW)
    runner = CliRunner()
    result = runner.invoke(cli, ["stats", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ("3 articles, 4 events, merged events: run 'chronicle dedupe', "
                             "0 quarantined inputs\n")
    result = runner.invoke(cli, ["stats", "--db", str(db), "--csv"])
    assert result.stdout == "count,value\narticles,3\nevents,4\nmerged_events,\nquarantined,0\n"
    data = json.loads(runner.invoke(cli, ["stats", "--db", str(db), "--by", "type", "--json"]).stdout)
    assert data["merge_current"] is False and {g["merged_events"] for g in data["groups"]} == {None}


def test_stats_errors_are_one_line(tmp_path, db):
    runner = CliRunner()
    result = runner.invoke(cli, ["stats", "--db", str(tmp_path / "missing.duckdb")])
    assert result.exit_code == 1
    assert result.stderr == (f"Error: no database at {tmp_path / 'missing.duckdb'} "
                             f"(run 'chronicle ingest' first)\n")
    result = runner.invoke(cli, ["stats", "--db", str(db), "--json", "--csv"])
    assert result.exit_code == 2 and "give one of them" in result.stderr
