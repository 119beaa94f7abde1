"""The scores stage: QuadClass from the PLOVER type, the Goldstein score of the CAMEO code from GDELT's
published table (falling back to the parent code), and PLOVER mode and context from the code's row in
the CAMEO->PLOVER table, used only when that row is of the draft's own type. A CONSULT held in a
country that none of its parties belongs to gets PLOVER's ``third-party`` mode.

The cases matter because the draft's type can differ from its CAMEO code's row (framing re-types
a refused release as REJECT), and then the row's mode and context must not leak into the event; and
because a lexicon mode, or a context already on the draft, must not be overwritten or duplicated.
The parse plays no part here, so a one-word doc stands in for the sentence.
"""

from __future__ import annotations

import pytest

from chronicle.knowledge.lexicon import TriggerEntry
from chronicle.record import ActorMention, Draft, Work
from chronicle.schema import Article, Location, Span
from chronicle.stages.scores import ScoresStage
from parses import parsed


def country(code: str) -> ActorMention:
    return ActorMention(text=code, start=0, end=3, country=code, kind="country", method="knowledge-base")


def place(name: str, code: str) -> Location:
    return Location(name=name, country=code, precision="city", method="attached", confidence=0.8)


def run(event_type: str, cameo: str | None, *, mode: str | None = None, contexts=(), source=(), target=(),
        location: Location | None = None) -> Draft:
    """Run the scores stage alone on one draft of ``event_type`` with CAMEO code ``cameo``."""
    doc = parsed("Met.", """
        Met  meet  VERB  VBD ROOT  0 O
        .    .     PUNCT .   punct 0 O
    """)
    entry = TriggerEntry(lemma="meet", pos="VERB", event_type=event_type, cameo=cameo or "040")
    draft = Draft(sentence_index=0, sentence=doc[0:2], trigger=doc[0], trigger_span=Span(text="Met", start=0, end=3),
                  entry=entry, event_type=event_type, cameo=cameo, mode=mode, contexts=list(contexts),
                  source=list(source), target=list(target), location=location)
    ScoresStage()(Work(article=Article(id="c1", text=doc.text), doc=doc, drafts=[draft]))
    return draft


@pytest.mark.parametrize("event_type, cameo, quad_class, goldstein", [
    ("CONSULT", "040", 1, 1.0),
    ("AID", "073", 2, 7.4),
    ("ACCUSE", "111", 3, -2.0),
    ("COERCE", "173", 4, -5.0),
    ("ASSAULT", "190", 4, -10.0),
    ("REQUEST", "1213", 3, -4.0),   # no row for 1213 in the Goldstein table: its parent 121's score
    ("PROTEST", None, 4, None),     # no CAMEO code, no Goldstein score
    ("REQUEST", "020", 3, 3.0),     # an appeal is a PLOVER REQUEST (verbal conflict) with CAMEO's score
])
def test_quad_class_and_goldstein_from_the_published_tables(event_type, cameo, quad_class, goldstein):
    draft = run(event_type, cameo)

    assert (draft.quad_class, draft.goldstein) == (quad_class, goldstein)


@pytest.mark.parametrize("event_type, cameo, mode, contexts", [
    ("RETREAT", "0841", "release", ["legal"]),
    ("AID", "073", None, ["humanitarian"]),
    ("CONSULT", "044", "third-party", []),
])
def test_mode_and_context_from_the_cameo_to_plover_row(event_type, cameo, mode, contexts):
    draft = run(event_type, cameo)

    assert (draft.mode, draft.contexts) == (mode, contexts)


def test_row_of_another_type_leaves_mode_and_context_alone():
    # A release re-typed as REJECT (a refused release) keeps its CAMEO code, but not RETREAT's mode.
    draft = run("REJECT", "0841")

    assert (draft.mode, draft.contexts) == (None, [])
    assert draft.quad_class == 3


def test_draft_mode_and_contexts_are_kept_and_not_repeated():
    draft = run("RETREAT", "0841", mode="return", contexts=["legal"])

    assert (draft.mode, draft.contexts) == ("return", ["legal"])


@pytest.mark.parametrize("where, mode", [
    (place("Doha", "QAT"), "third-party"),   # neither party's country
    (place("Cairo", "EGY"), None),           # one party hosts
    (None, None),                            # nowhere stated
])
def test_consult_in_a_third_country_is_third_party(where, mode):
    draft = run("CONSULT", "040", source=[country("EGY")], target=[country("ISR")], location=where)

    assert draft.mode == mode


def test_third_party_mode_only_for_consult():
    draft = run("AGREE", "036", source=[country("EGY")], target=[country("ISR")], location=place("Doha", "QAT"))

    assert draft.mode is None
