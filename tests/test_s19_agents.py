"""Session 19, bodies a political story names by their kind alone (issue 10: recall).

A speech act whose trigger the lexicon has is drafted only with a coded actor: "the select committee
criticised ...", "peers urged the government ..." had none. agents.yaml now codes a committee, a
caucus, or the peers of the House of Lords as the legislature (LEG, the guideline's "legislators as
such, committees"), an all-party group of MPs likewise, and a university's faculty members or
scholars as the university (EDU).

All sentences are written for this test.
"""

from __future__ import annotations

import pytest

from coding import actors_of, actual_with_actors, has_event

pytestmark = pytest.mark.model


def _found(coder, text):
    return actual_with_actors(coder, text, published="2016-09-20")


@pytest.mark.parametrize("text, event_type, trigger, source", [
    ("The committee urged the transport ministry to publish its figures.", "REQUEST", "urged", "The committee"),
    ("The caucus accused the speaker of blocking the vote.", "ACCUSE", "accused", "The caucus"),
    ("The select committee urged the government to rethink the scheme.", "REQUEST", "urged", "The select committee"),
    ("Peers urged the government to think again about the cuts.", "REQUEST", "urged", "Peers"),
    ("The all-party group urged ministers to fund the clinics.", "REQUEST", "urged", "The all-party group"),
    ("Dozens of faculty members criticised the government over the fees.", "ACCUSE", "criticised",
     "faculty members"),
])
def test_a_body_named_by_its_kind_is_the_source(coder, text, event_type, trigger, source):
    found = _found(coder, text)
    assert has_event(found, event_type, trigger, source=source), found


def test_the_story_country_and_the_legislature(coder):
    text = ("The Home Office has delayed the asylum figures again. "
            "The committee criticised the Home Office on Tuesday, and peers urged ministers to act.")
    actors = actors_of(coder, text, "2016-09-20")
    assert actors["committee"][:2] == ("GBR", "LEG"), actors
    assert actors["peers"][:2] == ("GBR", "LEG"), actors


@pytest.mark.parametrize("text", [
    "The young striker outperformed his peers in the final.",
    "The committee room was repainted over the summer.",
])
def test_no_act_without_a_political_one(coder, text):
    found = _found(coder, text)
    assert not found, found
