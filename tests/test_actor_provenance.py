"""``chronicle actors lookup`` and ``list`` say where each fact came from: the file and line, and
whether that is the project's data, the Phoenix dictionary conversion (with its Phoenix record) or
the user's ``--actors`` file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from chronicle.cli import cli
from chronicle.knowledge.provenance import entry_lines

DATA = Path(__file__).resolve().parents[1] / "src" / "chronicle" / "data"


def line_of(path: Path, text: str) -> int:
    return path.read_text(encoding="utf-8").splitlines().index(text) + 1


def run(*args: str):
    result = CliRunner().invoke(cli, ["actors", *args])
    assert result.exit_code == 0, result.output
    return result


def test_lookup_names_the_project_file_and_line():
    out = run("lookup", "Netanyahu", "--date", "2017-10-12").output.splitlines()
    line = line_of(DATA / "actors" / "people.yaml", "- id: benjamin-netanyahu")
    assert f"    from data/actors/people.yaml line {line} (Chronicle data)" in out


def test_lookup_names_the_phoenix_record_a_converted_entry_came_from():
    out = run("lookup", "Jakup Krasniqi").output.splitlines()
    line = line_of(DATA / "actors" / "phoenix.yaml", "- id: phx-jakup-krasniqi")
    assert (f"    from data/actors/phoenix.yaml line {line} (Phoenix dictionary conversion, "
            "from Phoenix.Countries.actors.txt line 35561)") in out


def test_lookup_shows_every_file_that_added_to_an_entry():
    rows = json.loads(run("lookup", "Fatah", "--json").output)
    [fatah] = [r for r in rows if r["actor_id"] == "fatah"]
    assert [(o["origin"], o["file"], o["what"]) for o in fatah["from"]] == [
        ("chronicle", "data/actors/organisations.yaml", "entry"), ("chronicle", "data/parties.yaml", "party names")]


@pytest.mark.parametrize("name, file, first", [
    ("New Jersey", "regions.yaml", "- {name: New Jersey, country: USA, kind: state, abbreviations: [N.J., NJ], as_actor: true}"),
    ("governor", "actors/titles.yaml", None),
])
def test_lookup_of_a_region_or_title_names_its_table(name, file, first):
    [row] = json.loads(run("lookup", name, "--json").output)
    [origin] = row["from"]
    assert (origin["origin"], origin["file"]) == ("chronicle", f"data/{file}")
    if first is not None:
        assert origin["line"] == line_of(DATA / file, first)
        assert (row["country"], row["sector"], row["role"]) == ("USA", "GOV", "government of New Jersey")


def test_a_users_file_that_replaces_a_builtin_entry_is_named_with_its_line(tmp_path):
    mine = tmp_path / "mine.yaml"
    mine.write_text("# my actors\n\n- id: jane-velkan\n  kind: person\n  name: Jane Velkan\n  country: HUN\n"
                    "  sector: GOV\n\n- id: benjamin-netanyahu\n  kind: person\n  name: Benjamin Netanyahu\n"
                    "  aliases: [Netanyahu]\n  country: ISR\n  sector: OPP\n", encoding="utf-8")
    out = run("lookup", "Netanyahu", "--actors", str(mine)).output.splitlines()
    assert out[0] == ("'Netanyahu' -> Benjamin Netanyahu (person, id benjamin-netanyahu): ISR OPP "
                      "[knowledge-base:default, matched as alias]")
    assert out[-1] == f"    from {mine} line 9 (your actor file; replaces an earlier entry)"
    assert out[-2].startswith("    from data/actors/people.yaml line ")


def test_list_filters_by_origin_and_shows_the_source(tmp_path):
    mine = tmp_path / "mine.yaml"
    mine.write_text("- id: jane-velkan\n  kind: person\n  name: Jane Velkan\n  country: HUN\n  sector: GOV\n",
                    encoding="utf-8")
    result = run("list", "--origin", "user", "--actors", str(mine))
    assert result.stdout == f"jane-velkan\tperson\tJane Velkan\tHUN GOV\t{mine} line 1 (your actor file)\n"
    assert result.stderr == "chronicle: 1 entries\n"


def test_list_json_by_country_kind_and_name():
    rows = json.loads(run("list", "--country", "isr", "--kind", "person", "--name", "netanyahu", "--json").output)
    assert [r["actor_id"] for r in rows] == ["benjamin-netanyahu"]
    assert rows[0]["from"][0]["file"] == "data/actors/people.yaml"


def test_entry_lines_follow_the_top_level_list_even_when_indented(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text("# c\n  - id: a\n    roles:\n      - {role: x}\n  - id: b\n", encoding="utf-8")
    assert entry_lines(str(path)) == (2, 5)
