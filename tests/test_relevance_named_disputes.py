"""Accusations and demands between named people or bodies are events, whatever their dictionary codes.

The guideline (datasets/realnews/GUIDELINE.md, section 1) counts "organised parts of the public when
they act politically" as political actors; an activist or a campaign group the knowledge base does
not list has no sector, so the relevance stage used to drop its accusations. ``stages/relevance.py``
(``DISPUTE_TYPES``) keeps an ACCUSE or a REQUEST on a lexicon word when a named person or body takes
part, but not in sport and not between firms. All sentences are written for this test.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def actual_types(coder, text: str) -> list[str]:
    return [e.event_type for e in coder.code(text, published="2011-05-02") if e.factuality == "actual"]


@pytest.mark.parametrize("text, expected", [
    ("Activist Jolene Harker accused the Riverside Tenants Association of silencing its members.", "ACCUSE"),
    ("The Ocean Rescue Alliance urged the Harbour Board to halt the dredging.", "REQUEST"),
])
def test_a_dispute_between_named_parties_is_an_event(coder, text, expected):
    assert expected in actual_types(coder, text)


def test_a_players_accusation_in_a_match_report_is_no_event(coder):
    assert actual_types(coder, "Striker Tom Bell accused the referee of bias after the match against Leeds.") == []


def test_a_pronoun_alone_does_not_name_a_party(coder):
    """"She accused her coworkers ...": with no name on either side, a private quarrel as likely as not."""
    assert actual_types(coder, "She accused her coworkers of hiding the spoiled food from the inspectors.") == []


def test_a_lawsuit_between_private_parties_is_no_event(coder):
    """A civil case between an activist and a tenants' group is not political."""
    text = "Activist Jolene Harker sued the Riverside Tenants Association over the eviction."
    assert "ACCUSE" not in actual_types(coder, text)



def test_athletics_doping_and_tennis_words_make_a_sports_story():
    """Stories of doping bans and Wimbledon are sport throughout (cues.yaml sports_words), so a named
    athlete's criticism of a sports body is not a political dispute."""
    from chronicle.stages.relevance import _sports_story

    assert _sports_story("The sprinter missed two doping tests before the Olympic trials.")
    assert _sports_story("The golfer said spectators at Wimbledon had been unfair to the boxer.")
    assert not _sports_story("The minister said the Olympic budget was a matter for the Treasury.")


@pytest.mark.parametrize("text", [
    "Samsung demonstrated a folding phone at the trade fair in Berlin.",
    "Sony demonstrated its new games console at the show in Las Vegas.",
])
def test_a_firm_that_demonstrates_a_product_is_no_protest(coder, text):
    """A PROTEST needs a source of the public or of politics; a company (companies.yaml, BUS) that
    "demonstrated a phone" shows a product."""
    assert "PROTEST" not in actual_types(coder, text)


def test_an_accusation_between_firms_is_no_event(coder):
    """Google and Microsoft are business actors (organisations.yaml, companies.yaml): a commercial
    dispute, not a political one."""
    assert actual_types(coder, "Google accused Microsoft of copying its search features.") == []
