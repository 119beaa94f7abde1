"""Exports that load anywhere: every format carries its article, loads in pandas, polars and DuckDB,
and has the types its documentation promises; the GDELT exports count actual events by default;
and every ``chronicle export`` command and Python snippet of ``docs/exports.md`` runs.

The store is built through the Store API from hand-made events (no spaCy model), with what real
data holds: a CAMEO code with a leading zero, day/month/year dates, casualties, a place, several
actors on a side (one of unknown country), negated and hypothetical events, an article whose date
was assumed, and reports of one event in two articles (merged).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import shlex
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from chronicle.cli import cli
from chronicle.dedup.store import merge_store
from chronicle.io.gdelt import COLUMNS
from chronicle.io.mentions import MENTION_COLUMNS
from chronicle.io.rows import ACTOR_COLUMNS, FLAT_COLUMNS, ArticleInfo, flat_row, json_row
from chronicle.io.table_schema import SCHEMAS, field_names, field_types, table_schema
from chronicle.io.writers import CsvWriter, csv_cell
from chronicle.schema import (
    Actor, Article, Attribution, Casualties, CoderInfo, Event, EventDate, Location, Size, Span,
)
from chronicle.store import Store
from conftest import REPO

INFO = CoderInfo(version="test", data_version="test")
NOW = dt.datetime(2024, 6, 1, 12, 0, 0)
DOCS = REPO / "docs" / "exports.md"
CAIRO = Location(name="Cairo", country="EGY", admin1="Cairo Governorate", lat=30.06263, lon=31.24967,
                 geonameid=360630, precision="city", text="Cairo", start=40, end=45)


def actor(text, start, **codes) -> Actor:
    return Actor(text=text, start=start, end=start + len(text), confidence=0.8, **codes)


FATAH = dict(name="Fatah", country="PSE", sector="PTY", actor_id="fatah")
HAMAS = dict(name="Hamas", country="PSE", sector="PTY", actor_id="hamas")
UK = dict(name="United Kingdom", country="GBR", sector="GOV")


def make_event(doc_id: str, k: int, **fields) -> Event:
    base = dict(
        id=f"{doc_id}-e{k}", doc_id=doc_id, sentence_index=k, sentence=f"Sentence {k} of {doc_id}.",
        event_type="AGREE", cameo="030", quad_class=1, goldstein=4.0, factuality="actual",
        source=[actor("Fatah", 0, **FATAH)], target=[actor("Hamas", 10, **HAMAS)], reciprocal=True,
        trigger=Span(text="agreed", start=20, end=26),
        date=EventDate(value="2017-10-12", precision="day", method="publication"),
        confidence=0.7, coder=INFO)
    base.update(fields)
    return Event(**base)


def corpus() -> list[tuple[Article, list[Event]]]:
    """Three articles; ``cairo-1`` and ``cairo-2`` report the same agreement (merged)."""
    one = Article(id="cairo-1", text="x" * 400, title="Fatah and Hamas agree in Cairo",
                  published=dt.date(2017, 10, 12), source="Reuters", url="https://www.reuters.com/a/1")
    two = Article(id="cairo-2", text="y" * 300, title="Palestinian rivals sign deal",
                  published=dt.date(2017, 10, 12), source="BBC", url="https://www.bbc.co.uk/news/2")
    three = Article(id="assumed-3", text="z" * 200, published=dt.date(2017, 10, 13),
                    published_assumed=True)
    agreed = dict(location=CAIRO)
    events_one = [
        make_event("cairo-1", 0, **agreed),
        make_event("cairo-1", 1, event_type="ASSAULT", cameo="190", quad_class=4, goldstein=-10.0,
                   reciprocal=False, source=[actor("gunmen", 50)],
                   target=[actor("protesters", 60), actor("British diplomats", 75, **UK)],
                   casualties=Casualties(killed=3, injured=12, text="killing 3 and wounding 12"),
                   size=Size(count=200, unit="protesters", text="200 protesters"),
                   date=EventDate(value="2017-10", precision="month", method="expression", text="in October",
                                  start=80, end=90),
                   attribution=Attribution(speaker=actor("police", 95, country="PSE", sector="COP"),
                                           channel="Reuters", text="police told Reuters", start=95, end=114)),
        make_event("cairo-1", 2, event_type="THREATEN", cameo="138", quad_class=3, goldstein=-7.0,
                   factuality="hypothetical", reciprocal=False, confidence=0.4,
                   date=EventDate(value="2017", precision="year", method="expression")),
    ]
    events_two = [make_event("cairo-2", 0, target=[actor("the movement", 10, method="anaphor:Hamas", **HAMAS)],
                             **agreed),
                  make_event("cairo-2", 1, event_type="REJECT", cameo="120", quad_class=3, goldstein=-4.0,
                             factuality="negated", reciprocal=False, date=None)]
    events_three = [make_event("assumed-3", 0, event_type="CONSULT", cameo="040", quad_class=1,
                               goldstein=1.0, reciprocal=False, contexts=["economic"],
                               date=EventDate(value="2017-10-13", precision="day", method="publication"))]
    return [(one, events_one), (two, events_two), (three, events_three)]


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("exports") / "corpus.duckdb"
    with Store(path) as store:
        with store.transaction():
            store.add_articles(corpus(), INFO, NOW)
        merge_store(store)
    return path


@pytest.fixture(scope="module")
def export(db, tmp_path_factory):
    """``export(fmt, *options)`` -> the path of the file ``chronicle export`` wrote."""
    folder = tmp_path_factory.mktemp("out")
    runner = CliRunner()

    def run(fmt, *options, name=None):
        out = folder / (name or f"{fmt}{''.join(options).replace(' ', '')}.{fmt}")
        result = runner.invoke(cli, ["export", "--db", str(db), "--format", fmt, "--out", str(out), *options])
        assert result.exit_code == 0, result.output
        return out
    return run


def merged_events(db) -> int:
    with Store(db, read_only=True) as store:
        return store.conn.execute("SELECT count(*) FROM merged_events").fetchone()[0]


# -- the Table Schemas ------------------------------------------------------------------------------
def test_table_schemas_are_valid_and_drive_the_writers():
    for name in SCHEMAS:
        schema = table_schema(name)
        names = field_names(name)
        assert len(names) == len(set(names)), f"{name}: duplicate columns"
        assert set(field_types(name).values()) <= {"string", "integer", "number", "boolean", "date"}
        assert all(f.get("description") for f in schema["fields"]), f"{name}: a column lacks a description"
    assert FLAT_COLUMNS == field_names("events") and ACTOR_COLUMNS == field_names("actors")
    assert field_names("events-merged")[:len(FLAT_COLUMNS)] == FLAT_COLUMNS
    types = field_types("events")
    assert (types["cameo"], types["date_first"], types["killed"], types["article_published_assumed"]) \
        == ("string", "date", "integer", "boolean")
    assert "date" not in types                          # one mixed date column no more


def test_flat_row_has_the_schema_columns_and_no_stray_separators():
    event = corpus()[0][1][1]
    row = flat_row(event, ArticleInfo(id="cairo-1"))
    assert tuple(row) == FLAT_COLUMNS
    assert row["target"] == "protesters; United Kingdom"                    # name, else the words
    assert row["target_country"] == "GBR" and row["target_sector"] == "GOV"   # not "; GBR"
    assert row["source_country"] is None                                      # empty, not ""
    assert (row["date_value"], row["date_first"], row["date_last"], row["date_precision"]) \
        == ("2017-10", dt.date(2017, 10, 1), dt.date(2017, 10, 31), "month")
    assert (row["killed"], row["injured"], row["arrested"]) == (3, 12, None)


@pytest.mark.parametrize("value, cell", [
    ("030", '"030"'), ('say "no"', '"say ""no"""'), (None, ""), (True, "true"), (False, "false"),
    (3, "3"), (-2.0, "-2.0"), (dt.date(2024, 5, 6), "2024-05-06"), ("", '""'),
])
def test_csv_cells_quote_text_only(value, cell):
    assert csv_cell(value) == cell


# -- every format carries its article ---------------------------------------------------------------
def test_jsonl_rows_carry_the_article_and_keep_one_shape(export):
    lines = [json.loads(line) for line in export("jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 6
    assert len({tuple(row) for row in lines}) == 1, "every line has the same keys in the same order"
    assert all(isinstance(row["source"], list) and isinstance(row["contexts"], list) for row in lines)
    by_doc = {row["doc_id"]: row["article"] for row in lines}
    assert by_doc["cairo-1"] == {"id": "cairo-1", "title": "Fatah and Hamas agree in Cairo",
                                 "published": "2017-10-12", "published_assumed": False,
                                 "source": "Reuters", "url": "https://www.reuters.com/a/1"}
    assert by_doc["assumed-3"]["published_assumed"] is True
    assert all(isinstance(row["goldstein"], float) for row in lines)   # -10.0, never -10
    for row in lines:
        assert Event.model_validate({k: v for k, v in row.items() if k != "article"})


def test_jsonl_rows_validate_against_the_shipped_row_schema(export):
    jsonschema = pytest.importorskip("jsonschema")
    from importlib import resources

    from chronicle.io.rows import row_json_schema

    shipped = json.loads(resources.files("chronicle").joinpath("data", "schema", "event-row.schema.json")
                         .read_text(encoding="utf-8"))
    assert shipped == row_json_schema(), "run `python -m chronicle.io.rows` to regenerate it"
    for line in export("jsonl").read_text(encoding="utf-8").splitlines():
        jsonschema.validate(json.loads(line), shipped)


def json_types(value, path="", found=None) -> dict[str, set[str]]:
    """Path -> JSON types found there (null left out), lists' items under ``path[]``."""
    found = {} if found is None else found
    if isinstance(value, dict):
        for key, item in value.items():
            json_types(item, f"{path}.{key}", found)
    elif isinstance(value, list):
        found.setdefault(path, set()).add("list")
        for item in value:
            json_types(item, f"{path}[]", found)
    elif value is not None:
        found.setdefault(path, set()).add(type(value).__name__)
    return found


@pytest.mark.parametrize("merged", [False, True])
def test_jsonl_never_mixes_json_types_at_one_path(export, merged):
    found: dict[str, set[str]] = {}
    path = export("jsonl", *(["--merged"] if merged else []))
    for line in path.read_text(encoding="utf-8").splitlines():
        json_types(json.loads(line), found=found)
    mixed = {p: kinds for p, kinds in found.items() if len(kinds) > 1}
    assert not mixed


def test_csv_and_csv_actors_carry_the_article(export):
    rows = list(csv.DictReader(io.StringIO(export("csv").read_text(encoding="utf-8"))))
    assumed = next(r for r in rows if r["doc_id"] == "assumed-3")
    assert (assumed["article_published"], assumed["article_published_assumed"]) == ("2017-10-13", "true")
    first = rows[0]
    assert (first["article_title"], first["article_source"], first["article_url"]) \
        == ("Fatah and Hamas agree in Cairo", "Reuters", "https://www.reuters.com/a/1")
    actors = list(csv.DictReader(io.StringIO(export("csv-actors").read_text(encoding="utf-8"))))
    assert list(actors[0]) == list(ACTOR_COLUMNS)
    assault = [a for a in actors if a["event_type"] == "ASSAULT"]
    assert [(a["side"], a["position"], a["text"], a["country"]) for a in assault] == [
        ("source", "0", "gunmen", ""), ("target", "0", "protesters", ""),
        ("target", "1", "British diplomats", "GBR")]
    assert {a["article_source"] for a in assault} == {"Reuters"}


# -- loading with default options -------------------------------------------------------------------
def duck_types(path: Path) -> dict[str, str]:
    rel = duckdb.connect().sql(f"SELECT * FROM '{path}'")
    return dict(zip(rel.columns, (str(t) for t in rel.types)))


def test_parquet_loads_typed_in_pandas_polars_and_duckdb(export):
    pd = pytest.importorskip("pandas")
    pl = pytest.importorskip("polars")
    pytest.importorskip("pyarrow")
    path = export("parquet")
    types = duck_types(path)
    assert (types["cameo"], types["date_first"], types["date_last"], types["killed"]) \
        == ("VARCHAR", "DATE", "DATE", "BIGINT")
    assert types["source"].startswith("STRUCT(") and types["source"].endswith(")[]")
    for column in ("date", "location", "size", "casualties", "attribution", "trigger", "confidences"):
        assert types[column].startswith("STRUCT("), column
    assert (types["article_published"], types["article_published_assumed"]) == ("DATE", "BOOLEAN")
    assert types["proposed_by"] == "VARCHAR"
    frame = pl.read_parquet(path)
    assert set(frame["proposed_by"]) <= {"rules", "model"} and frame["proposed_by"].null_count() == 0
    assert frame.schema["cameo"] == pl.String and frame.schema["date_first"] == pl.Date
    assert frame.schema["killed"] == pl.Int64 and isinstance(frame.schema["target"], pl.List)
    assert isinstance(frame.schema["target"].inner, pl.Struct)
    assault = frame.filter(pl.col("event_type") == "ASSAULT").row(0, named=True)
    assert assault["killed"] == 3 and assault["casualties"]["injured"] == 12
    assert [a["country"] for a in assault["target"]] == [None, "GBR"]
    assert assault["location"] is None and assault["size"]["count"] == 200
    assert assault["attribution"]["speaker"]["sector"] == "COP"
    resolved = frame.filter(pl.col("doc_id") == "cairo-2").row(0, named=True)["target"][0]
    assert (resolved["method"], resolved["method_category"]) == ("anaphor:Hamas", "anaphor")
    df = pd.read_parquet(path)
    assert pd.api.types.is_string_dtype(df["cameo"]) and set(df["cameo"]) >= {"030", "040"}
    assert pd.api.types.is_numeric_dtype(df["killed"]) and pd.api.types.is_bool_dtype(df["reciprocal"])
    assert isinstance(df["date_first"].dropna().iloc[0], dt.date)
    assert list(df.loc[df["doc_id"] == "assumed-3", "contexts"].iloc[0]) == ["economic"]


def test_merged_parquet_has_reports_as_structs(export, db):
    pl = pytest.importorskip("polars")
    frame = pl.read_parquet(export("parquet", "--merged"))
    assert frame.height == merged_events(db)
    agreement = frame.filter(pl.col("num_articles") == 2).row(0, named=True)
    assert sorted(r["doc_id"] for r in agreement["reports"]) == ["cairo-1", "cairo-2"]
    assert {r["title"] for r in agreement["reports"]} == {"Fatah and Hamas agree in Cairo",
                                                          "Palestinian rivals sign deal"}


def test_csv_loads_in_pandas_polars_and_duckdb(export):
    pd = pytest.importorskip("pandas")
    pl = pytest.importorskip("polars")
    path = export("csv")
    types = duck_types(path)                                   # DuckDB honours the quotes
    assert (types["cameo"], types["date_first"], types["article_published"]) == ("VARCHAR", "DATE", "DATE")
    assert (types["killed"], types["reciprocal"], types["lat"]) == ("BIGINT", "BOOLEAN", "DOUBLE")
    assert duckdb.connect().execute(f"SELECT list(DISTINCT cameo ORDER BY cameo) FROM '{path}'").fetchone()[0] \
        == ["030", "040", "120", "138", "190"]
    df = pd.read_csv(path)                                     # defaults: loads, numbers numeric
    assert len(df) == 6 and pd.api.types.is_numeric_dtype(df["killed"])
    assert pd.api.types.is_bool_dtype(df["article_published_assumed"])
    frame = pl.read_csv(path)
    assert frame.height == 6 and frame.schema["reciprocal"] == pl.Boolean


def test_csv_with_the_table_schema_types_keeps_cameo_text_and_dates(export):
    pd = pytest.importorskip("pandas")
    pl = pytest.importorskip("polars")
    from chronicle.io.table_schema import duckdb_types, pandas_options, polars_schema

    for fmt, schema in (("csv", "events"), ("csv-actors", "actors")):
        path = export(fmt)
        df = pd.read_csv(path, **pandas_options(schema))
        assert set(df["cameo"].dropna()) >= {"030", "190"}
        assert pd.api.types.is_datetime64_any_dtype(df["date_first"])
        frame = pl.read_csv(path, schema_overrides=polars_schema(schema))
        assert frame.schema["cameo"] == pl.String and frame.schema["date_first"] == pl.Date
        rel = duckdb.connect().read_csv(str(path), dtype=duckdb_types(schema))
        assert dict(zip(rel.columns, map(str, rel.types)))["article_published_assumed"] == "BOOLEAN"


def test_jsonl_loads_in_duckdb_pandas_and_polars(export):
    pd = pytest.importorskip("pandas")
    pl = pytest.importorskip("polars")
    path = export("jsonl")
    types = duck_types(path)
    assert types["cameo"] == "VARCHAR" and types["article"].startswith("STRUCT(")
    assert "published DATE" in types["article"] and types["source"].endswith("[]")
    assert len(pd.read_json(path, lines=True)) == 6
    frame = pl.read_ndjson(path, infer_schema_length=None)
    assert frame.schema["cameo"] == pl.String and isinstance(frame.schema["source"], pl.List)


# -- GDELT ------------------------------------------------------------------------------------------
def read_tsv(path: Path, columns) -> list[dict]:
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]
    assert all(len(r) == len(columns) for r in rows)
    return [dict(zip(columns, r)) for r in rows]


def test_gdelt_writes_actual_events_unless_told_otherwise(export):
    actual = read_tsv(export("gdelt"), COLUMNS)
    # actual events: 3 agreements (1 row each) and the assault (1 source x 2 targets = 2 rows)
    assert sorted(r["EventCode"] for r in actual) == ["030", "030", "040", "190", "190"]
    every = read_tsv(export("gdelt", "--factuality", "all"), COLUMNS)
    assert sorted(r["EventCode"] for r in every) == ["030", "030", "040", "120", "138", "190", "190"]
    some = read_tsv(export("gdelt", "--factuality", "negated,hypothetical"), COLUMNS)
    assert sorted(r["EventCode"] for r in some) == ["120", "138"]


def test_gdelt_mentions_join_the_merged_event_rows(export):
    events = read_tsv(export("gdelt", "--merged"), COLUMNS)
    mentions = read_tsv(export("gdelt-mentions", "--merged"), MENTION_COLUMNS)
    ids = {r["GLOBALEVENTID"] for r in events}
    assert {m["GlobalEventID"] for m in mentions} == ids
    agreement = next(r for r in events if r["EventCode"] == "030" and r["NumArticles"] == "2")
    reports = [m for m in mentions if m["GlobalEventID"] == agreement["GLOBALEVENTID"]]
    assert sorted(m["MentionIdentifier"] for m in reports) == ["https://www.bbc.co.uk/news/2",
                                                                "https://www.reuters.com/a/1"]
    assert {m["MentionSourceName"] for m in reports} == {"Reuters", "BBC"}
    one = next(m for m in reports if m["MentionSourceName"] == "Reuters")
    assert (one["MentionType"], one["SentenceID"], one["Actor1CharOffset"], one["Actor2CharOffset"],
            one["ActionCharOffset"], one["InRawText"], one["Confidence"], one["MentionDocLen"]) \
        == ("1", "1", "0", "10", "20", "1", "70", "400")
    assert one["EventTimeDate"] == agreement["DATEADDED"] == one["MentionTimeDate"] == "20240601120000"
    other = next(m for m in reports if m["MentionSourceName"] == "BBC")   # "the movement" -> Hamas
    assert (other["InRawText"], other["Actor2CharOffset"], other["MentionDocLen"]) == ("0", "10", "300")
    assault = [m for m in mentions if m["ActionCharOffset"] == "20" and m["Actor1CharOffset"] == "50"]
    assert sorted(m["Actor2CharOffset"] for m in assault) == ["60", "75"]   # one mention per row


def test_gdelt_mentions_without_merge_match_the_per_report_rows(export):
    events = read_tsv(export("gdelt"), COLUMNS)
    mentions = read_tsv(export("gdelt-mentions"), MENTION_COLUMNS)
    assert [m["GlobalEventID"] for m in mentions] == [r["GLOBALEVENTID"] for r in events]
    assumed = next(m for m in mentions if m["MentionIdentifier"] == "assumed-3")
    assert (assumed["MentionType"], assumed["MentionSourceName"]) == ("2", "")


# -- filters and option errors ----------------------------------------------------------------------
def test_min_confidence_and_factuality_lists_filter_every_format(export):
    lines = [json.loads(line) for line in export("jsonl", "--min-confidence", "0.5").read_text().splitlines()]
    assert len(lines) == 5 and min(r["confidence"] for r in lines) >= 0.5
    rows = list(csv.DictReader(io.StringIO(export("csv", "--factuality", "actual", "--factuality", "future")
                                          .read_text(encoding="utf-8"))))
    assert {r["factuality"] for r in rows} == {"actual"}
    pl = pytest.importorskip("polars")
    frame = pl.read_parquet(export("parquet", "--factuality", "negated,hypothetical", "--min-confidence", "0.5"))
    assert frame["factuality"].to_list() == ["negated"]


@pytest.mark.parametrize("args, message", [
    (["--factuality", "sure"], "'sure' is not one of actual, negated, hypothetical, future or all"),
    (["--min-confidence", "2"], "2.0 is not in the range 0<=x<=1"),
    (["--format", "csv-actors", "--merged"], "--merged does not apply to --format csv-actors"),
    (["--format", "sqlite", "--out", "x.sqlite", "--since", "2020-01-01"],
     "--format sqlite copies the whole store (merged events included): filters and --merged do not apply"),
])
def test_export_option_errors_are_one_line_usage_errors(db, args, message):
    result = CliRunner().invoke(cli, ["export", "--db", str(db), *args])
    assert result.exit_code == 2, result.output
    assert message in result.stderr and "Traceback" not in result.output


@pytest.mark.parametrize("fmt, name", [("parquet", "Parquet"), ("sqlite", "SQLite")])
def test_file_formats_need_out(db, fmt, name):
    result = CliRunner().invoke(cli, ["export", "--db", str(db), "--format", fmt])
    assert result.exit_code == 1
    assert result.stderr == f"Error: --format {fmt} needs --out FILE ({name} is not written to stdout)\n"


# -- chronicle code writes the same rows --------------------------------------------------------------
def test_code_writers_carry_the_article():
    article, events = corpus()[2]
    buffer = io.StringIO()
    CsvWriter(buffer).write(article, events)
    row = next(csv.DictReader(io.StringIO(buffer.getvalue())))
    assert (row["article_published"], row["article_published_assumed"], row["cameo"]) \
        == ("2017-10-13", "true", "040")
    assert json_row(events[0], ArticleInfo.of(article))["article"]["published_assumed"] is True


# -- the documentation's commands and snippets run ----------------------------------------------------
def doc_blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", DOCS.read_text(encoding="utf-8"), flags=re.S)


def run_documented_commands(db: Path, folder: Path, monkeypatch) -> set[str]:
    """Run the ``chronicle export`` lines of docs/exports.md on a copy of ``db`` in ``folder``, then
    the Python snippets there on what they wrote; the formats run."""
    (folder / "corpus.duckdb").write_bytes(Path(db).read_bytes())
    monkeypatch.chdir(folder)
    commands = [shlex.split(line) for block in doc_blocks("bash") for line in block.splitlines()
                if line.startswith("chronicle export")]
    runner, ran = CliRunner(), set()
    for command in commands:
        fmt = command[command.index("--format") + 1]
        result = runner.invoke(cli, command[1:])
        assert result.exit_code == 0, f"{' '.join(command)}: {result.output}"
        assert Path(command[command.index("--out") + 1]).stat().st_size > 0, " ".join(command)
        ran.add(fmt)
    for snippet in doc_blocks("python"):
        exec(compile(snippet, str(DOCS), "exec"), {})
    return ran


def test_every_documented_export_command_runs(db, tmp_path, monkeypatch):
    pytest.importorskip("pandas")
    pytest.importorskip("polars")
    pytest.importorskip("pyarrow")
    ran = run_documented_commands(db, tmp_path, monkeypatch)
    assert ran >= {"jsonl", "csv", "csv-actors", "parquet", "gdelt", "gdelt-mentions", "sqlite"}


@pytest.mark.model
def test_documented_commands_on_a_store_ingested_from_the_samples(coder, tmp_path, monkeypatch):
    """``chronicle ingest samples/articles.jsonl`` with the real coder, then every documented export,
    and the Parquet export's types with no reader options."""
    pd = pytest.importorskip("pandas")
    pl = pytest.importorskip("polars")
    pytest.importorskip("pyarrow")
    import importlib

    monkeypatch.setattr(importlib.import_module("chronicle.cli.coding"), "make_coder",
                        lambda actor_files=(), batch_size=16, lexicon_files=(): coder)
    db = tmp_path / "ingested.duckdb"
    result = CliRunner().invoke(cli, ["ingest", str(REPO / "samples" / "articles.jsonl"), "--db", str(db)])
    assert result.exit_code == 0, result.output
    folder = tmp_path / "docs"
    folder.mkdir()
    assert run_documented_commands(db, folder, monkeypatch) >= {"jsonl", "csv", "parquet", "gdelt"}
    frame = pl.read_parquet(folder / "events.parquet")
    assert frame.height > 10 and frame.schema["cameo"] == pl.String
    assert frame.schema["date_first"] == pl.Date and frame.schema["killed"] == pl.Int64
    assert frame["article_published"].null_count() == 0 and frame["article_title"].null_count() == 0
    df = pd.read_parquet(folder / "events.parquet")
    assert df["cameo"].str.fullmatch(r"\d{2,4}").all()
    rows = [json.loads(line) for line in (folder / "events.jsonl").read_text(encoding="utf-8").splitlines()]
    assert all(r["article"]["source"] and r["article"]["published"] for r in rows)
    gdelt = read_tsv(folder / "all.gdelt.tsv", COLUMNS)
    actual = read_tsv(folder / "events.gdelt.tsv", COLUMNS)
    assert len(actual) <= len(gdelt)


def test_the_readmes_export_commands_run(db, tmp_path, monkeypatch):
    """Every one-line ``chronicle export`` command of the README's bash blocks runs on a store (the
    README's commands use the default database, here through $CHRONICLE_DB) and writes something."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```bash\n(.*?)```", readme, flags=re.S)
    commands = [shlex.split(line.split("#")[0]) for block in blocks for line in block.splitlines()
                if line.startswith("chronicle export")]
    assert commands, "the README shows no chronicle export command"
    (tmp_path / "chronicle.duckdb").write_bytes(Path(db).read_bytes())
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CHRONICLE_DB", str(tmp_path / "chronicle.duckdb"))
    for command in commands:
        result = CliRunner().invoke(cli, command[1:])
        assert result.exit_code == 0, f"{' '.join(command)}: {result.output}"
        out = command[command.index("--out") + 1] if "--out" in command else None
        assert (Path(out).stat().st_size if out else len(result.stdout)) > 0, " ".join(command)
