"""A user's trigger lexicon reaches every stage that reads the lexicon: the screen (which decides what
is parsed), the events stage (triggers and event nouns) and the places stage (which event noun owns a
place). The verb "zorble" and the noun "zorblement" exist in no dictionary, so only the user file can
make them events."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from chronicle.cli import cli

pytestmark = pytest.mark.model

LEXICON = """\
- lemma: zorble
  pos: VERB
  event_type: ASSAULT
  cameo: "190"
- lemma: zorblement
  pos: NOUN
  event_type: ASSAULT
  cameo: "190"
"""
SENTENCE = "Russian troops zorbled Ukrainian soldiers in Kharkiv on Monday."


@pytest.fixture(scope="module")
def lexicon(tmp_path_factory):
    path = tmp_path_factory.mktemp("lexicon") / "mine.yaml"
    path.write_text(LEXICON, encoding="utf-8")
    return str(path)


@pytest.fixture(scope="module")
def coders(lexicon):
    from chronicle.pipeline import Coder

    return Coder(lexicon_files=[lexicon]), Coder()


def test_an_invented_verb_is_coded_with_its_place_and_date(coders):
    mine, _ = coders
    [event] = mine.code(SENTENCE, published="2024-05-08")   # a Wednesday
    assert (event.event_type, event.trigger.text) == ("ASSAULT", "zorbled")
    assert [a.text for a in event.source] == ["Russian troops"]
    assert [a.text for a in event.target] == ["Ukrainian soldiers"]
    assert event.location.name == "Kharkiv" and event.location.country == "UKR"
    assert (event.date.value, event.date.method) == ("2024-05-06", "expression")


def test_without_the_user_lexicon_the_verb_is_no_event(coders):
    _, shipped = coders
    assert shipped.code(SENTENCE, published="2024-05-08") == []


def test_the_places_stage_reads_the_user_lexicon(coders):
    """"Ahead of the zorblement in Cairo": Cairo is where the user's event noun happens, not where
    the warning was made; with the shipped lexicon the noun is unknown and Cairo goes to the warning."""
    mine, shipped = coders
    text = "Ahead of the zorblement in Cairo, Israel warned Hamas."
    [with_user] = mine.code(text, published="2024-05-08")
    [with_shipped] = shipped.code(text, published="2024-05-08")
    assert with_user.trigger.text == with_shipped.trigger.text == "warned"
    assert with_user.location is None
    assert with_shipped.location.name == "Cairo"


def test_the_screen_parses_a_sentence_only_the_user_lexicon_makes_a_candidate(lexicon):
    from chronicle.stages.screen import ScreenStage, screen_text

    mine, shipped = ScreenStage(lexicon_files=(lexicon,)), ScreenStage()
    mine.initialize()
    shipped.initialize()
    assert screen_text(SENTENCE, mine.forms, mine.actors)[1] == 1
    assert screen_text(SENTENCE, shipped.forms, shipped.actors)[1] == 0


def test_code_lexicon_option(lexicon, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(SENTENCE + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["code", str(article), "--published", "2024-05-08",
                                      "--lexicon", lexicon, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    [line] = result.stdout.splitlines()
    assert json.loads(line)["trigger"]["text"] == "zorbled"


def test_a_malformed_lexicon_is_one_line_naming_the_file(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text('- lemma: zorble\n  pos: VERB\n  event_type: SMASH\n  cameo: "190"\n', encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text(SENTENCE + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["code", str(article), "--lexicon", str(bad)])
    assert result.exit_code == 1
    assert result.output == f"Error: {bad}: entry 1: event_type 'SMASH' is not a PLOVER type\n"
