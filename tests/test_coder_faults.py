"""The coder under faults: one article that breaks a stage is set aside with its reason and the rest of
its batch is coded; run-on sentences are cut so coding time stays linear; dates at the ends of the
calendar do not crash."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from chronicle.cli import cli
from chronicle.schema import Article
from chronicle.stages.sizes import SizesStage
from chronicle.syntax.model import MAX_SENTENCE_TOKENS

pytestmark = pytest.mark.model

GOOD = "Israeli troops arrested twelve protesters in Hebron on Monday."


@pytest.fixture
def breaks_on_bad(monkeypatch):
    """The sizes stage raises for the article whose id is "bad" (a stand-in for any bug)."""
    original = SizesStage.__call__

    def call(self, work):
        if work.article.id == "bad":
            raise RuntimeError("sizes exploded\nsecond line")
        return original(self, work)

    monkeypatch.setattr(SizesStage, "__call__", call)


def test_an_article_that_breaks_a_stage_is_set_aside_and_its_batch_coded(coder, breaks_on_bad):
    articles = [Article(id=i, text=GOOD, published=dt.date(2024, 5, 8)) for i in ("a", "bad", "c")]
    failed = []
    coded = list(coder.pipe(articles, batch_size=3, on_error=lambda a, e: failed.append((a.id, str(e)))))
    assert [a.id for a, _ in coded] == ["a", "c"]
    assert all(events for _, events in coded)
    assert failed == [("bad", "sizes exploded\nsecond line")]


def test_without_on_error_the_library_raises(coder, breaks_on_bad):
    with pytest.raises(RuntimeError, match="sizes exploded"):
        coder.code_article(Article(id="bad", text=GOOD))


def test_code_reports_the_article_it_cannot_code_and_codes_the_rest(tmp_path, breaks_on_bad):
    data = tmp_path / "in.jsonl"
    data.write_text("".join(json.dumps({"id": i, "text": GOOD, "published": "2024-05-08"}) + "\n"
                            for i in ("a", "bad", "c")), encoding="utf-8")
    result = CliRunner().invoke(cli, ["code", str(data), "--format", "jsonl"])
    assert result.exit_code == 1, result.output
    assert "chronicle: skipped bad: cannot be coded (RuntimeError: sizes exploded)" in result.stderr
    assert {json.loads(line)["doc_id"] for line in result.stdout.splitlines()} == {"a", "c"}
    assert "Traceback" not in result.output


def test_a_run_on_sentence_is_cut_into_bounded_sentences(coder):
    text = " ".join(["police arrested protesters and troops attacked rebels"] * 100)  # 700 words, no stop
    doc = coder.nlp_stage.nlp(text)
    lengths = [len(sent) for sent in doc.sents]
    assert max(lengths) <= MAX_SENTENCE_TOKENS and sum(lengths) == len(doc)


def test_ordinary_sentences_are_not_cut(coder):
    doc = coder.nlp_stage.nlp(GOOD + " " + GOOD)
    assert [len(s) for s in doc.sents] == [10, 10]


@pytest.mark.parametrize("published, text", [
    (dt.date(9999, 12, 31), "Police arrested protesters in Cairo tomorrow."),
    (dt.date(9999, 12, 31), "Israel said it would attack Gaza next year."),
    (dt.date(1, 1, 1), "Israel attacked Gaza yesterday."),
    (dt.date(1, 1, 1), "Troops shelled the town last month."),
])
def test_dates_at_the_ends_of_the_calendar_do_not_crash(coder, published, text):
    events = coder.code_article(Article(id="edge", text=text, published=published))
    assert events and all(e.date is None or e.date.value for e in events)


def test_a_long_text_is_parsed_in_pieces_with_its_offsets(coder, monkeypatch):
    import chronicle.pipeline as pipeline

    monkeypatch.setattr(pipeline, "PARSE_CHUNK_CHARS", 300)
    text = "".join(f"Police arrested {n} protesters in Cairo on Monday.\n" for n in range(40))
    doc = pipeline.parse_long(coder.nlp_stage.nlp, text)
    assert doc.text == text and len(list(doc.sents)) == 40
    events = coder.code(text, published="2024-05-08")
    assert len({e.sentence_index for e in events}) == 40
    assert all(text[e.trigger.start:e.trigger.end] == e.trigger.text for e in events)


def test_ingest_quarantines_an_article_it_cannot_code_and_stores_the_rest(tmp_path, breaks_on_bad):
    from chronicle.store import Store

    data = tmp_path / "in.jsonl"
    data.write_text("".join(json.dumps({"id": i, "text": f"{GOOD} ({i})", "published": "2024-05-08"}) + "\n"
                            for i in ("a", "bad", "c")), encoding="utf-8")
    db = tmp_path / "c.duckdb"
    result = CliRunner().invoke(cli, ["ingest", str(data), "--db", str(db), "--no-dedupe"])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    with Store(str(db), create=False) as store:
        assert store.counts()["articles"] == 2
        [(where, reason, _)] = store.quarantined()
    assert where == "article bad" and reason.startswith("cannot be coded (RuntimeError: sizes exploded")


def test_a_dask_batch_with_an_article_its_worker_could_not_code():
    from chronicle.distributed import DaskCoder
    from chronicle.errors import ChronicleError, coding_failure

    class Done:
        def __init__(self, value):
            self.value = value

        def result(self):
            return self.value

        def release(self):
            pass

    runner = DaskCoder(workers=1)
    batch = [Article(id=i, text=GOOD) for i in ("a", "bad")]
    failed = []
    coded = runner._collect(batch, Done([[], {"failed": "RuntimeError: boom"}]),
                            lambda article, exc: failed.append((article.id, coding_failure(exc))))
    assert [a.id for a, _ in coded] == ["a"] and failed == [("bad", "RuntimeError: boom")]
    with pytest.raises(ChronicleError, match="cannot code article bad: RuntimeError: boom"):
        runner._collect(batch, Done([[], {"failed": "RuntimeError: boom"}]))
