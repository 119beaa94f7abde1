"""``chronicle actors unknown``: the names a corpus codes without a country or an entry, and the
starter actor file it writes for the user to complete.

The store tests build a corpus database from hand-made events (no spaCy); one test marked ``model``
codes a written article, completes the starter file and codes the article again with it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json

import pytest
from click.testing import CliRunner

from chronicle.cli import cli
from chronicle.knowledge.actors import ActorKB
from chronicle.knowledge.unknown_actors import Sighting, starter_yaml, unknown_names
from chronicle.schema import Actor, Article, CoderInfo, Event, Span
from chronicle.store import Store

INFO = CoderInfo(version="test", data_version="test")


def sighting(text, name=None, actor_id=None, country=None, sector=None, role=None, method="ner",
             sentence="A sentence.", doc_id="d1") -> Sighting:
    return Sighting(text, name, actor_id, country, sector, role, method, sentence, doc_id)


def fill(text: str, name: str, country: str, sector: str) -> str:
    """Fill in the country and sector of the starter entry named ``name``."""
    head, marker, rest = text.partition(f"  name: {name}\n")
    assert marker, text
    rest = rest.replace("  country:", f"  country: {country}", 1).replace("  sector:", f"  sector: {sector}", 1)
    return head + marker + rest


# -- counting --------------------------------------------------------------------------------------
def test_names_are_grouped_counted_and_ordered_by_frequency():
    rows = unknown_names([
        sighting("Mr Velkan", name="Velkan", sentence="Mr Velkan resigned."),
        sighting("Velkan", name="Velkan", sentence="Velkan spoke."),
        sighting("the Orvian Water Board", sentence="The Orvian Water Board sued."),
        sighting("Senator Ida Marsh", name="Ida Marsh", country="USA", sector="LEG", role="senator",
                 method="modifiers"),
        sighting("Israel", name="Israel", actor_id="isr", country="ISR", sector="GOV", method="country"),
    ])
    assert [(r.name, r.count, r.missing) for r in rows] == [
        ("Velkan", 2, "country"), ("Ida Marsh", 1, "entry"), ("Orvian Water Board", 1, "country")]
    assert rows[0].example == "Mr Velkan resigned."
    assert rows[1].as_dict()["coded_as"] == {"country": "USA", "sector": "LEG"}


@pytest.mark.parametrize("text, method", [
    ("the police", "agent"), ("the prime minister", "title+story-country"), ("he", "anaphor:Mr Velkan"),
    ("Labour's pledges", "owner:labour-party-uk"), ("Azerbaijanis", "demonym"), ("the union", "unknown"),
])
def test_agents_titles_pronouns_and_owned_things_are_not_names(text, method):
    assert unknown_names([sighting(text, method=method)]) == []


# -- the starter file ------------------------------------------------------------------------------
def test_the_starter_file_loads_as_it_is_and_codes_once_filled_in(tmp_path):
    rows = unknown_names([sighting("Mr Velkan", name="Velkan", role="minister"),
                          sighting("the Orvian Water Board")])
    text = starter_yaml(rows, ActorKB(), day=dt.date(2026, 1, 2))
    path = tmp_path / "starter.yaml"
    path.write_text(text, encoding="utf-8")
    blank = ActorKB()
    blank.add_file(path, override=True)                  # the loader --actors uses
    assert {(e.name, e.kind, e.country, e.sector) for e in blank.entries.values()} == {
        ("Velkan", "person", None, None), ("Orvian Water Board", "organisation", None, None)}

    path.write_text(fill(text, "Velkan", "HUN", "GOV"), encoding="utf-8")
    line = text.splitlines().index("- id: velkan") + 1
    result = CliRunner().invoke(cli, ["actors", "lookup", "Velkan", "--actors", str(path)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == ("'Velkan' -> Velkan (person, id velkan): HUN GOV "
                                              "[knowledge-base:default, matched as alias]")
    assert f"    from {path} line {line} (your actor file)" in result.output.splitlines()


def test_a_known_entry_without_a_country_keeps_its_id_aliases_and_roles():
    kb = ActorKB()
    kb._add_item("kb.yaml", 1, {"id": "orvian-front", "kind": "organisation", "name": "Orvian Front",
                                "aliases": ["OF"], "sector": "REB"}, False)
    rows = unknown_names([sighting("the Orvian Front", name="Orvian Front", actor_id="orvian-front",
                                   sector="REB", method="knowledge-base")])
    text = starter_yaml(rows, kb)
    assert "- id: orvian-front\n  kind: organisation\n  name: Orvian Front\n  aliases: [OF, Orvian Front]\n" in text
    assert "# replaces the built-in entry orvian-front" in text


def test_starter_ids_do_not_take_a_knowledge_base_id():
    kb = ActorKB()
    kb._add_item("kb.yaml", 1, {"id": "velkan", "kind": "person", "name": "Ann Velkan"}, False)
    text = starter_yaml(unknown_names([sighting("Velkan", name="Velkan")]), kb)
    assert "- id: velkan-2\n" in text


# -- the command on a store ------------------------------------------------------------------------
def event(article: Article, k: int, actors: list[Actor], sentence: str) -> Event:
    return Event(id=hashlib.sha1(f"{article.id}{k}".encode()).hexdigest()[:16], doc_id=article.id,
                 sentence_index=k, sentence=sentence, event_type="ACCUSE", cameo="111", quad_class=3,
                 factuality="actual", source=actors[:1], target=actors[1:],
                 trigger=Span(text="accused", start=0, end=7), confidence=0.6, coder=INFO)


@pytest.fixture
def store_db(tmp_path):
    velkan = Actor(text="Mr Velkan", start=0, end=9, name="Velkan", method="ner")
    board = Actor(text="the Orvian Water Board", start=20, end=42, method="unknown")
    israel = Actor(text="Israel", start=0, end=6, name="Israel", actor_id="isr", country="ISR", sector="GOV",
                   method="country")
    pairs = []
    for i in range(3):
        article = Article(id=f"a{i}", text=f"Story {i} about Mr Velkan and the Orvian Water Board.")
        events = [event(article, 0, [velkan, board] if i == 0 else [velkan, israel],
                        f"Mr Velkan accused someone in story {i}.")]
        pairs.append((article, events))
    db = tmp_path / "c.duckdb"
    with Store(db) as store:
        with store.transaction():
            store.add_articles(pairs, INFO, dt.datetime(2026, 1, 1))
    return db


def test_unknown_lists_a_stores_names_with_counts_and_an_example(store_db):
    result = CliRunner().invoke(cli, ["actors", "unknown", "--db", str(store_db)])
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "    3  Velkan  [no country; no codes]\n"
        "       e.g. a0: Mr Velkan accused someone in story 0.\n"
        "    1  Orvian Water Board  [no country; no codes]\n"
        "       e.g. a0: Mr Velkan accused someone in story 0.\n")


def test_unknown_json_limit_and_starter_file(store_db, tmp_path):
    starter = tmp_path / "mine.yaml"
    result = CliRunner().invoke(cli, ["actors", "unknown", "--db", str(store_db), "--limit", "1", "--json",
                                      "--write-starter", str(starter)])
    assert result.exit_code == 0, result.output
    assert [(r["name"], r["count"], r["missing"]) for r in json.loads(result.stdout)] == [("Velkan", 3, "country")]
    assert result.stderr == (f"chronicle: wrote 1 starter entries to {starter}; fill in country and sector, "
                             f"then pass it with --actors {starter}\n")
    kb = ActorKB()
    kb.add_file(starter, override=True)
    assert [e.name for e in kb.entries.values()] == ["Velkan"]


def test_unknown_refuses_a_database_and_paths_together(store_db, tmp_path):
    result = CliRunner().invoke(cli, ["actors", "unknown", "--db", str(store_db), str(tmp_path / "x.txt")])
    assert result.exit_code == 2, result.output
    assert "Error: give either --db FILE or PATHs to code, not both" in result.output


def test_unknown_on_a_missing_database_is_one_line(tmp_path):
    missing = tmp_path / "none.duckdb"
    result = CliRunner().invoke(cli, ["actors", "unknown", "--db", str(missing)])
    assert result.exit_code == 1
    assert result.output == f"Error: no database at {missing} (run 'chronicle ingest' first)\n"


@pytest.mark.model
def test_code_find_the_unknown_name_fill_it_in_and_code_again(tmp_path):
    article = tmp_path / "story.txt"
    article.write_text("Orvian Water Board chairman Tomas Velkan accused the Brenmark Alliance of fraud.\n"
                       "Velkan also accused the Brenmark Alliance of lying.\n", encoding="utf-8")
    starter = tmp_path / "starter.yaml"
    runner = CliRunner()
    first = runner.invoke(cli, ["actors", "unknown", str(article), "--published", "2026-01-05", "--json",
                                "--write-starter", str(starter)])
    assert first.exit_code == 0, first.output
    names = {r["name"]: r for r in json.loads(first.stdout)}
    assert "Brenmark Alliance" in names and names["Brenmark Alliance"]["missing"] == "country"
    starter.write_text(fill(starter.read_text(encoding="utf-8"), "Brenmark Alliance", "NOR", "PTY"),
                       encoding="utf-8")
    coded = runner.invoke(cli, ["code", str(article), "--published", "2026-01-05", "--format", "jsonl",
                                "--actors", str(starter)])
    assert coded.exit_code == 0, coded.output
    targets = [a for line in coded.stdout.splitlines() for a in json.loads(line)["target"]]
    assert targets and all((a["country"], a["sector"]) == ("NOR", "PTY") for a in targets
                           if "Brenmark" in a["text"])
    assert any("Brenmark" in a["text"] for a in targets)


def test_a_place_kept_as_a_target_is_not_an_unknown_actor():
    rows = unknown_names([sighting("Zorvik", method="place"), sighting("Mr Zorvik", method="ner")])
    assert [r.name for r in rows] == ["Zorvik"] and rows[0].forms == {"Mr Zorvik": 1}
