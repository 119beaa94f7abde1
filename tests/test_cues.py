"""The cue word lists of data/cues.yaml: every list is there and holds words, not YAML booleans."""

from __future__ import annotations

import dataclasses

import pytest

from chronicle.errors import DataFileError
from chronicle.knowledge import cues as cues_module
from chronicle.knowledge.cues import load_cues


def test_every_cue_list_holds_words():
    cues = load_cues()
    for field in dataclasses.fields(cues):
        words = getattr(cues, field.name)
        assert words, field.name
        assert all(isinstance(w, str) and w not in ("True", "False") for w in words), field.name


def test_words_yaml_would_read_as_booleans_are_there():
    cues = load_cues()
    assert "on" in cues.place_preps and "on" in cues.object_target_preps and "on" in cues.reference_preps
    assert "no" in cues.negations


def test_an_unquoted_boolean_is_refused_with_the_list_named():
    with pytest.raises(DataFileError, match="place_preps: True is not a word"):
        cues_module._word(True, "place_preps")


def test_the_data_version_names_the_data_files():
    import re

    import chronicle

    assert re.fullmatch(r"\d{4}\.\d{2}\.\d{2}\+[0-9a-f]{8}", chronicle.DATA_VERSION)
    assert chronicle.DATA_VERSION.endswith(chronicle.version._data_digest())
