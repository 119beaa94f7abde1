"""Session 18, the recall stage's roles for proposals (``_proposal_roles``): where no word of a type
the sentence head proposed has a coded actor in its slots, the people the actor stage does not code
may fill them, for the recall stage's words only (the rules' own triggers keep their roles).
Sentences written for these tests."""

from __future__ import annotations

import pytest

from chronicle import Coder
from chronicle.stages.events.recall import EventRecallStage
from tests.test_event_recall import ProposingClassifier  # the stand-in classifier (fixed probabilities)

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def unscreened():
    return Coder(screen=False)


def _propose(coder, event_type: str, prefer: str = "", threshold: float = 0.5) -> None:
    stage = next(s for s in coder.stages if isinstance(s, EventRecallStage))
    stage.classifier, stage.threshold, stage.coded_threshold = ProposingClassifier(event_type, 0.9, prefer), threshold, threshold


def _rows(coder, text, event_type):
    return [(e.trigger.text, [(a.text, a.country, a.sector) for a in e.source], e.factuality)
            for e in coder.code(text, published="2024-03-12")
            if e.event_type == event_type and e.proposed_by == "model"]


def test_a_role_noun_speaker_is_the_source_of_a_proposed_accusation(unscreened):
    _propose(unscreened, "ACCUSE", "say")
    rows = _rows(unscreened, "A leading barrister says the Home Office has treated asylum seekers "
                             "shamefully.", "ACCUSE")
    assert rows and rows[0][0] == "says", rows
    assert any(text == "A leading barrister" and country == "GBR" for text, country, _ in rows[0][1]), rows


def test_a_generic_group_subject_is_the_source_of_a_proposed_demand(unscreened):
    _propose(unscreened, "REQUEST", "call")
    rows = _rows(unscreened, "Some prominent conservatives in Ohio called for Hartwell's resignation "
                             "over the weekend.", "REQUEST")
    assert rows and rows[0][0] == "called", rows
    assert any("conservatives" in text and sector is None for text, _, sector in rows[0][1]), rows


def test_the_rules_alone_still_make_no_event_of_such_a_phrase(unscreened):
    _propose(unscreened, "REQUEST", "call", threshold=1.01)  # the recall stage off
    rows = [(e.event_type, e.trigger.text) for e in unscreened.code("Some prominent conservatives in Ohio called for Hartwell's "
                                       "resignation over the weekend.", published="2024-03-12") if e.event_type == "REQUEST"]
    assert not rows, rows


def test_a_passive_subject_is_no_doer(unscreened):
    _propose(unscreened, "ACCUSE", "criticis")
    rows = _rows(unscreened, "Some prominent barristers in London were criticised over the weekend.", "ACCUSE")
    assert not any("barristers" in text for _, sources, _ in rows for text, _, _ in sources), rows


def test_an_unnamed_doer_makes_no_material_act(unscreened):
    _propose(unscreened, "ASSAULT", "smash")
    rows = _rows(unscreened, "Some barristers in Ohio smashed windows on Tuesday night.", "ASSAULT")
    assert not rows, rows
