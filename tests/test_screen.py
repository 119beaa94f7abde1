"""The sentence screen: what is parsed, what is blanked, and that offsets never move."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chronicle import Coder
from chronicle.knowledge.actors import load_actor_kb
from chronicle.stages.screen import ScreenStage, TriggerForms, actor_words, screen_text, trigger_forms
from chronicle.syntax.sentences import sentence_spans

pytestmark = pytest.mark.model  # the trigger forms use the spaCy lemmatizer's exception table


@pytest.mark.parametrize("text, expected", [
    ("Gen. Pervez Musharraf met U.S. officials in Jan. 2004. He left.",
     ["Gen. Pervez Musharraf met U.S. officials in Jan. 2004.", "He left."]),
    ("Talks ended. Mr. Smith left.\nNew line", ["Talks ended.", "Mr. Smith left.", "New line"]),
    ("“We will fight,” he said. Then he left.", ["“We will fight,” he said.", "Then he left."]),
    ("Troops entered Gaza. Iran protested. J. Smith left.", ["Troops entered Gaza.", "Iran protested.", "J. Smith left."]),
])
def test_sentence_spans_respect_abbreviations_and_lines(text, expected):
    assert [text[s:e] for s, e in sentence_spans(text)] == expected


def test_screen_keeps_trigger_sentences_and_blanks_the_rest():
    text = ("Shares in BP rose on Monday. The weather was mild in London.\n"
            "Russian troops shelled Kharkiv overnight. It was raining.")
    screened, kept, total = screen_text(text, trigger_forms())
    assert len(screened) == len(text)
    assert total == 4 and kept == 1
    assert "Russian troops shelled Kharkiv overnight." in screened
    assert "BP" not in screened and "weather" not in screened
    assert screened.count("\n") == text.count("\n")


def test_screen_keeps_the_sentence_a_pronoun_points_back_to():
    text = "The Kenyan interior minister spoke in Nairobi. He condemned the attack on the police station."
    screened, kept, total = screen_text(text, trigger_forms())
    assert (kept, total) == (2, 2) and screened == text


def test_constrained_lemmas_need_their_object():
    bare, constrained, _ = trigger_forms()
    assert "lift" not in bare and "lifted" in constrained and "sanctions" in constrained["lifted"]
    text = "The crane lifted a box. The EU lifted sanctions on Belarus."
    screened, kept, _ = screen_text(text, TriggerForms(bare, constrained))
    assert kept == 1 and "The EU lifted sanctions on Belarus." in screened and "crane" not in screened


def test_irregular_forms_come_from_the_lemmatizer_exceptions():
    bare = trigger_forms().bare
    assert {"fought", "met", "seized", "withdrew"} <= bare


def test_phrasal_lemmas_need_their_particle_and_fixed_prepositions_are_not_triggers():
    forms = trigger_forms()
    assert "looked" not in forms.bare and "into" in forms.constrained["looked"]
    assert "according" not in forms.bare
    text = "Police looked at the map. Police looked into the killing. According to police, it rained."
    screened, kept, _ = screen_text(text, forms)
    assert kept == 1 and "looked into the killing" in screened and "map" not in screened


def test_actor_screen_needs_a_possible_political_actor():
    actors = actor_words(load_actor_kb())
    text = ("The company attacked the market with a cheaper phone. "
            "Russian troops attacked the village. "
            "Rebels of the Zorvian Liberation Front attacked a convoy. "
            "The minister condemned the raid.")
    screened, kept, total = screen_text(text, trigger_forms(), actors)
    assert (kept, total) == (3, 4)
    assert "company" not in screened and "Russian troops attacked" in screened
    assert "Zorvian Liberation Front" in screened and "minister condemned" in screened


def test_actor_screen_keeps_protests_by_anyone_and_pronoun_antecedents():
    actors = actor_words(load_actor_kb())
    forms = trigger_forms()
    assert screen_text("Teachers in Denver went on strike for better pay.", forms, actors)[1] == 1
    text = "The weather was mild. It attacked nothing. Hamas spoke in Gaza. It condemned the raid."
    screened, kept, total = screen_text(text, forms, actors)
    assert (kept, total) == (2, 4) and "Hamas spoke in Gaza. It condemned the raid." in screened


def test_user_actor_files_reach_the_screen(tmp_path):
    user = tmp_path / "actors.yaml"
    user.write_text("- id: zorg-unity\n  name: Zorg Unity\n  kind: organisation\n  country: USA\n  sector: PTY\n")
    text = "Zorg Unity condemned the raid."
    builtin = ScreenStage()
    builtin.initialize()
    assert screen_text(text, builtin.forms, builtin.actors)[1] == 0
    with_user = ScreenStage(actor_files=(str(user),))
    with_user.initialize()
    assert screen_text(text, with_user.forms, with_user.actors)[1] == 1


def test_sentence_indexes_do_not_depend_on_the_screen(coder):
    text = (Path(__file__).parent.parent / "samples" / "articles.jsonl").read_text(encoding="utf-8")
    articles = [json.loads(line) for line in text.splitlines() if line.strip()]
    unscreened = Coder(screen=False)
    for article in articles:
        screened = [(e.sentence_index, e.event_type, e.trigger.start) for e in coder.code(article["text"], doc_id="a")]
        parsed_all = [(e.sentence_index, e.event_type, e.trigger.start) for e in unscreened.code(article["text"], doc_id="a")]
        assert screened and screened == parsed_all
