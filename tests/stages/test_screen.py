"""The screen stage alone: blank the sentences that cannot hold a political event before parsing.

What the screen keeps (``screen_text``, trigger forms, actor words) is tested in
``tests/test_screen.py``; these tests check the stage around it. ``initialize`` must build its
actor words from the user's actor files handed over by the ``StageContext`` (else a sentence about
an actor only the user knows is never parsed, and its event silently lost), and ``__call__`` must
blank whole sentences with spaces, keep every offset and newline, keep the clean stage's dropped
spans, blank by the sentence spans the clean stage found (the ones events are numbered by), and
record how many sentences it kept.

The trigger forms normally take irregular verb forms from the spaCy model's lemmatizer table; here
that table is empty (the sentences use regular forms), so no model is loaded.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from chronicle.record import CleanResult, DroppedSpan, Work
from chronicle.schema import Article
from chronicle.stages import screen
from chronicle.stages.base import StageContext
from chronicle.stages.screen import ScreenStage
from chronicle.syntax.sentences import sentence_spans


@pytest.fixture(autouse=True)
def no_model(monkeypatch):
    """An empty lemma-exception table instead of the model's, and ``trigger_forms`` uncached, so the
    forms built here never reach a test that runs with the model."""
    lookups = SimpleNamespace(get_table=lambda name: {})
    model = SimpleNamespace(get_pipe=lambda name: SimpleNamespace(lookups=lookups))
    monkeypatch.setattr(screen, "load_model", lambda *args, **kwargs: model)
    monkeypatch.setattr(screen, "trigger_forms", screen.trigger_forms.__wrapped__)


def screened(stage: ScreenStage, text: str, dropped: list[DroppedSpan] = (),
             sentences: list[tuple[int, int]] | None = None) -> Work:
    work = Work(article=Article(id="t", text=text), clean=CleanResult(text=text, dropped=list(dropped)),
                sentences=sentence_spans(text) if sentences is None else sentences)
    return stage(work)


@pytest.fixture(scope="module")
def user_actors(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("actors") / "actors.yaml"
    path.write_text("- id: vela-tarsk\n  kind: person\n  name: Vela Tarsk\n  country: EST\n  sector: PTY\n",
                    encoding="utf-8")
    return str(path)


def test_initialize_reads_the_users_actor_files_from_the_context(user_actors):
    text = "Vela Tarsk condemned the verdict."
    builtin = ScreenStage()
    builtin.initialize(StageContext())
    work = screened(builtin, text)
    assert work.screened == (0, 1) and work.clean.text.strip() == ""
    with_user = ScreenStage()
    with_user.initialize(StageContext(actor_files=(user_actors,)))
    work = screened(with_user, text)
    assert work.screened == (1, 1) and work.clean.text == text


def test_non_candidate_sentences_are_blanked_and_offsets_kept():
    stage = ScreenStage()
    stage.initialize(StageContext())
    credit = "Photo: Lena Ost/Reuters"
    event = "Turkish police detained two journalists in Ankara."
    text = (f"The weather stayed mild over the weekend.\n{' ' * len(credit)}\n"
            f"{event} Markets closed early on Friday.")
    credit_at = text.index("\n") + 1
    dropped = [DroppedSpan(credit_at, credit_at + len(credit), "credit")]
    work = screened(stage, text, dropped)
    out = work.clean.text
    assert work.screened == (1, 3)
    assert len(out) == len(text) and out.count("\n") == text.count("\n")
    assert [i for i, ch in enumerate(out) if ch == "\n"] == [i for i, ch in enumerate(text) if ch == "\n"]
    assert out[text.index(event):text.index(event) + len(event)] == event
    assert set(out) <= set(text) and out.replace(event, "").strip() == ""
    assert work.clean.dropped == dropped  # the clean stage's record of what it dropped survives


def test_the_screen_blanks_by_the_sentence_spans_of_the_clean_stage():
    stage = ScreenStage()
    stage.initialize(StageContext())
    text = "The weather stayed mild. Turkish police detained two journalists."
    # one span for both: the screen must not split again (events are numbered by these spans)
    work = screened(stage, text, sentences=[(0, len(text))])
    assert work.screened == (1, 1) and work.clean.text == text
    work = screened(stage, text)
    assert work.screened == (1, 2) and work.clean.text.lstrip() == "Turkish police detained two journalists."
