"""Which clause's cues belong to an event (s19): events that happened, read as aimed, scheduled or
prospective through a clause that is not theirs. GUIDELINE.md section 3. All sentences are written
for this test."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from chronicle.knowledge.cues import load_cues
from chronicle.stages.factuality import classify

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp():
    from chronicle.syntax.model import load_model

    return load_model()


def factuality(nlp, text: str, trigger: str, event_type: str) -> str:
    doc = nlp(text)
    word = next(t for t in doc if t.text == trigger)
    draft = SimpleNamespace(trigger=word, anchor=None, event_type=event_type, cameo=None, sentence=word.sent)
    return classify(draft, load_cues())[0]


def test_an_infinitive_that_ranks_is_done_not_aimed(nlp):
    assert factuality(nlp, "She is the third minister this year to be arrested for fraud.", "arrested",
                      "COERCE") == "actual"
    assert factuality(nlp, "He would be the first president to visit Havana.", "visit", "CONSULT") == "hypothetical"
    assert factuality(nlp, "He is the next president to visit Havana.", "visit", "CONSULT") == "future"
    assert factuality(nlp, "The ministers are to meet in Rome.", "meet", "CONSULT") == "future"
    assert factuality(nlp, "They sent troops to fight the rebels.", "fight", "ASSAULT") == "hypothetical"


def test_a_quotation_parsed_as_the_main_clause_does_not_lend_its_modal_to_the_saying(nlp):
    text = ('His handling of the budget should deeply trouble every taxpayer," Finance Committee Chairwoman '
            'Ruth Adler, D-Ore., said in a statement to CNN.')
    assert factuality(nlp, text, "said", "ACCUSE") == "actual"
    assert factuality(nlp, '"We will meet them next week," Ross said.', "meet", "CONSULT") == "future"
    assert factuality(nlp, "He hopes they will say yes.", "say", "CONSULT") == "hypothetical"


def test_a_day_that_names_a_hearing_does_not_schedule_the_act(nlp):
    assert factuality(nlp, "Critics are disputing the figures during Tuesday's hearing.", "disputing",
                      "ACCUSE") == "actual"
    assert factuality(nlp, "The ministers are meeting on Tuesday.", "meeting", "CONSULT") == "future"
