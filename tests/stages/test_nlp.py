"""The nlp stage only parses: it takes the spaCy pipeline the Coder loaded once (``StageContext.nlp``)
and runs it on each article's *cleaned* text, so every later stage reads one ``Doc`` whose character
offsets are those of the article (the clean stage blanks captions and bylines with spaces, it never
shortens the text).

The cases matter because parsing the raw text would bring captions back into the events, and
loading a second pipeline per stage would double the coder's start-up and memory. A blank English
pipeline stands in for the model (it only tokenises), which is all this stage's contract needs.
"""

from __future__ import annotations

import pytest
import spacy

from chronicle.record import CleanResult, DroppedSpan, Work
from chronicle.schema import Article
from chronicle.stages import nlp as nlp_module
from chronicle.stages.base import StageContext
from chronicle.stages.nlp import NlpStage

RAW = "PHOTO: Reuters\nSoldiers left the base on Sunday."
CLEANED = " " * 14 + "\nSoldiers left the base on Sunday."


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


def stage_with(pipeline) -> NlpStage:
    stage = NlpStage()
    stage.initialize(StageContext(nlp=pipeline))
    return stage


def captioned_work(doc_id: str = "n1") -> Work:
    return Work(article=Article(id=doc_id, text=RAW),
                clean=CleanResult(text=CLEANED, dropped=[DroppedSpan(0, 14, "caption")]))


def test_takes_the_pipeline_from_the_context(blank):
    assert stage_with(blank).nlp is blank


def test_parses_the_cleaned_text_with_offsets_of_the_article(blank):
    work = stage_with(blank)(captioned_work())

    assert work.doc.vocab is blank.vocab
    assert work.doc.text == CLEANED
    assert "PHOTO" not in [t.text for t in work.doc]
    soldiers = next(t for t in work.doc if t.text == "Soldiers")
    assert RAW[soldiers.idx:soldiers.idx + len("Soldiers")] == "Soldiers"


def test_parses_the_article_text_when_nothing_was_cleaned(blank):
    work = stage_with(blank)(Work(article=Article(id="n2", text="Talks resumed.")))

    assert [t.text for t in work.doc] == ["Talks", "resumed", "."]


def test_pipe_gives_each_record_its_own_doc_in_order(blank):
    works = [captioned_work("n3"), Work(article=Article(id="n4", text="Talks resumed."))]
    out = list(stage_with(blank).pipe(works))

    assert [w.article.id for w in out] == ["n3", "n4"]
    assert [w.doc.text for w in out] == [CLEANED, "Talks resumed."]


def test_loads_its_model_only_without_a_pipeline_in_the_context(blank, monkeypatch):
    loaded = []
    monkeypatch.setattr(nlp_module, "load_model", lambda name: loaded.append(name) or blank)

    stage_with(blank)(captioned_work())
    assert loaded == []

    alone = NlpStage(model="some_model")
    alone.initialize(StageContext())
    assert (loaded, alone.nlp) == (["some_model"], blank)
