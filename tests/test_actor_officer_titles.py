"""Titles holding the word "general" that name no soldier: an inspector general is a state official
(GOV), a general manager a firm's officer (BUS); "General X" stays MIL (agents.yaml). Sentences
written for these tests, with invented people."""

from __future__ import annotations

import pytest

from tests.coding import events_of

pytestmark = pytest.mark.model


def sources(coder, text: str):
    return [(a.text, a.sector) for e in events_of(coder, text, "2016-05-02") for a in e.source]


def test_an_inspector_general_is_a_state_official(coder):
    assert sources(coder, "Inspector General Mara Velden criticised the FBI over the missing files.") == [
        ("Inspector General Mara Velden", "GOV")]


def test_a_general_is_still_a_soldier(coder):
    assert sources(coder, "General Otto Brandt accused Iraq of hiding weapons.") == [("General Otto Brandt", "MIL")]


def test_a_general_manager_is_no_soldier(coder):
    found = sources(coder, "General manager Tom Perrin accused the mayor of lying about the stadium.")
    assert ("General manager Tom Perrin", "MIL") not in found
    assert all(sector != "MIL" for _, sector in found)
