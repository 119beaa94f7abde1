"""The sentence screen: what is parsed, what is blanked, and that offsets never move."""

from __future__ import annotations

import pytest

from chronicle.stages.screen import screen_text, sentence_spans, trigger_forms

pytestmark = pytest.mark.model  # the trigger forms use the spaCy lemmatizer's exception table


@pytest.mark.parametrize("text, expected", [
    ("Gen. Pervez Musharraf met U.S. officials in Jan. 2004. He left.",
     ["Gen. Pervez Musharraf met U.S. officials in Jan. 2004.", "He left."]),
    ("Talks ended. Mr. Smith left.\nNew line", ["Talks ended.", "Mr. Smith left.", "New line"]),
    ("“We will fight,” he said. Then he left.", ["“We will fight,” he said.", "Then he left."]),
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
    bare, constrained = trigger_forms()
    assert "lift" not in bare and "lifted" in constrained and "sanctions" in constrained["lifted"]
    text = "The crane lifted a box. The EU lifted sanctions on Belarus."
    screened, kept, _ = screen_text(text, (bare, constrained))
    assert kept == 1 and "The EU lifted sanctions on Belarus." in screened and "crane" not in screened


def test_irregular_forms_come_from_the_lemmatizer_exceptions():
    bare, _ = trigger_forms()
    assert {"fought", "met", "seized", "withdrew"} <= bare
