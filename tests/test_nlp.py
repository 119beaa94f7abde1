"""The English pipeline is the genuine spaCy en_core_web_sm 3.8.0, installed from a pinned PyPI package."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from chronicle.syntax.model import MODEL_PACKAGE


def test_model_package_is_the_genuine_small_english_pipeline():
    meta = json.loads(resources.files(MODEL_PACKAGE).joinpath("meta.json").read_text())
    assert meta["lang"] == "en"
    assert meta["version"] == "3.8.0"
    assert meta["author"] == "Explosion" and meta["license"] == "MIT"
    assert meta["pipeline"] == ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"]
    assert meta["performance"]["ents_f"] == pytest.approx(0.843, abs=0.001)
    assert meta["performance"]["dep_las"] == pytest.approx(0.899, abs=0.001)


@pytest.mark.model
def test_nlp_keeps_offsets_of_the_cleaned_text(coder):
    text = "Members of X in Cairo\n\nPhoto Credit: EPA\n\nEgypt hosted talks on Monday."
    events = coder.code(text, published="2024-01-03")
    for event in events:
        assert text[event.trigger.start:event.trigger.end] == event.trigger.text
