"""``chronicle train``: reviews in the store become training data and a gold file (no spaCy model).

The store is built by hand: three articles whose events reviewers judged right, wrong, or of
another type (and a review that says nothing, one of an event no longer stored, one superseded).
Training with ``--base none`` fine-tunes the shipped classifier on those reviews alone, so these
tests never load spaCy; the model written must load like the shipped one and move toward what
the reviewers said.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from chronicle.cli import cli
from chronicle.evaluate.goldfile import load_gold_file
from chronicle.io.reviews_data import review_label, sentence_candidate, training_examples
from chronicle.models.event_classifier import CANDIDATE_LABELS, Candidate, EventClassifier
from chronicle.models.training import (
    LabelledCandidate,
    TrainingError,
    load_realnews_gold,
    review_sentences,
    train_classifier,
)
from chronicle.schema import Actor, Article, CoderInfo, Event, Span
from chronicle.store import Store
from chronicle.store.reviews import add_review

INFO = CoderInfo(version="test", data_version="test")
WHEN = dt.datetime(2024, 8, 1, 12, 0, 0)
FIRED = "Officials met in Ankara on Monday. The minister was fired by the president. Later, troops fired on protesters."
SCOLD = "Iran criticised the sanctions imposed by Washington."
VISIT = "Macron visited Berlin for talks with Scholz."
ARTICLES = [  # (article id, text, [(event type, trigger word, which occurrence, sentence index, source)])
    ("a1", FIRED, [("ASSAULT", "fired", 0, 1, None), ("ASSAULT", "fired", 1, 2, "troops")]),
    ("a2", SCOLD, [("AGREE", "criticised", 0, 0, "Iran")]),
    ("a3", VISIT, [("CONSULT", "visited", 0, 0, "Macron")]),
]


def _sentence_of(text: str, index: int) -> tuple[str, int]:
    """The index-th sentence of ``text`` (split after '. ') and its start."""
    starts = [0] + [i + 2 for i in range(len(text)) if text.startswith(". ", i)]
    start = starts[index]
    end = text.find(". ", start)
    return text[start:len(text) if end < 0 else end + 1], start


def _event(doc: str, text: str, k: int, spec) -> Event:
    event_type, word, nth, index, source = spec
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    sentence, _ = _sentence_of(text, index)
    actors = [Actor(text=source, start=text.index(source), end=text.index(source) + len(source))] if source else []
    return Event(id=f"{doc}-e{k}", doc_id=doc, sentence_index=index, sentence=sentence, event_type=event_type,
                 quad_class=1, factuality="actual", trigger=Span(text=word, start=start, end=start + len(word)),
                 source=actors, confidence=0.5, coder=INFO)


def _store(path, reviews: bool = True):
    pairs = [(Article(id=doc, text=text, published="2024-05-06"),
              [_event(doc, text, k, spec) for k, spec in enumerate(specs)]) for doc, text, specs in ARTICLES]
    with Store(path) as store:
        with store.transaction():
            store.add_articles(pairs, INFO, dt.datetime(2024, 7, 1))
        if reviews:
            _review(store, "a1-e0", 1, "right", None, "ana")       # superseded by the next one
            _review(store, "a1-e0", 1, "wrong", None, "ana")       # "fired" a minister: no ASSAULT
            _review(store, "a1-e1", 1, "right", None, "bo")        # troops fired on protesters
            _review(store, "a2-e0", 2, "wrong", {"event_type": "ACCUSE",
                                                 "source": [{"name": "Iran", "country": "IRN", "sector": "GOV"}]}, "bo")
            _review(store, "a3-e0", 3, None, None, "cy")           # says nothing
            _review(store, "gone-e9", 3, "wrong", None, "cy")      # event re-coded away
    return path


def _review(store, event_id, seq, verdict, corrections, reviewer):
    add_review(store.conn, event_id=event_id, article_seq=seq, verdict=verdict, corrections=corrections,
               reviewer=reviewer, note=None, now=WHEN)


def _train(*args):
    return CliRunner().invoke(cli, ["train", *args])


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    """One training run shared by the tests that read its outputs."""
    folder = tmp_path_factory.mktemp("train")
    db = _store(folder / "reviews.duckdb")
    result = _train("--db", str(db), "--out", str(folder / "model"), "--base", "none",
                    "--gold-out", str(folder / "gold.jsonl"), "--json")
    assert result.exit_code == 0, result.output
    return folder, json.loads(result.stdout)


def test_reviews_become_labelled_candidates_at_their_trigger(tmp_path):
    with Store(_store(tmp_path / "r.duckdb"), read_only=True) as store:
        examples, counts = training_examples(store)
    labels = {(c.text, c.text[c.start:c.end], c.event_type): label for c, label in examples}
    assert labels == {("The minister was fired by the president.", "fired", "ASSAULT"): "NONE",
                      ("Later, troops fired on protesters.", "fired", "ASSAULT"): "ASSAULT",
                      (SCOLD, "criticised", "AGREE"): "ACCUSE"}
    later = next(c for c, _ in examples if c.text.startswith("Later"))
    assert (later.start, later.end) == (14, 19)    # the second "fired", within its own sentence
    assert counts == {"reviews": 6, "used": 3, "positives": 2, "negatives": 1, "corrected_type": 1,
                      "skipped": {"event no longer stored": 1, "no verdict and no type correction": 1,
                                  "superseded by a later review of the same event": 1}}


@pytest.mark.parametrize("verdict, corrections, label", [
    ("right", None, "CODED"), ("wrong", None, "NONE"), ("wrong", {"event_type": "accuse"}, "ACCUSE"),
    ("right", {"event_type": "THREATEN"}, "THREATEN"), ("wrong", {"factuality": "negated"}, "CODED"),
    (None, {"event_type": "PROTEST"}, "PROTEST"), (None, {"factuality": "actual"}, None),
    (None, None, None), ("wrong", {"event_type": "MAYBE"}, None),
])
def test_review_label_follows_verdict_and_corrections(verdict, corrections, label):
    assert review_label({"verdict": verdict, "corrections": corrections})[0] == label


def test_trigger_outside_its_sentence_is_found_by_its_words_or_skipped():
    event = {"sentence": "Troops fired.", "article_text": "Other text.", "trigger_start": 50, "trigger_end": 55,
             "trigger_text": "fired", "event_type": "ASSAULT"}
    assert sentence_candidate(event) == Candidate("Troops fired.", 7, 12, "ASSAULT")
    assert sentence_candidate({**event, "sentence": "Troops fired and fired."}) is None


def test_review_sentences_mask_what_the_reviews_do_not_say():
    (target,) = review_sentences([LabelledCandidate(Candidate("A fired B.", 2, 7, "ASSAULT"), "NONE")])
    y, mask = target["target"]
    known = {CANDIDATE_LABELS[i] for i in range(16) if mask[i]}
    assert known == {"ASSAULT"} and y[15] == 0 and mask[16] == 0   # ANY unknown: another event may be there


def test_train_writes_a_model_that_loads_and_moves_toward_the_reviews(trained):
    folder, report = trained
    model, shipped = EventClassifier.load(folder / "model"), EventClassifier.load()
    assert report["reviews"]["used"] == 3 and report["training"]["mode"] == "fine-tuned on reviews"
    assert model.forms == shipped.forms and model.bits == shipped.bits
    with Store(folder / "reviews.duckdb", read_only=True) as store:
        examples, _ = training_examples(store)
    before, after = shipped.candidate_matrix([c for c, _ in examples]), model.candidate_matrix([c for c, _ in examples])
    for (cand, label), b, a in zip(examples, before, after):
        i = CANDIDATE_LABELS.index(label)
        assert a[i] > b[i] or a[i] > 0.999, f"{cand.text!r}: P({label}) {b[i]:.3f} -> {a[i]:.3f}"  # a certain one stays so
    assert report["agreement_with_reviews"]["trained"] == 1.0
    assert json.loads((folder / "model" / "training.json").read_text())["reviews"]["reviews"] == 6


def test_gold_out_is_a_gold_file_chronicle_eval_reads(trained):
    folder, report = trained
    sentences = {s.text: s for s in load_gold_file(folder / "gold.jsonl")}
    assert report["gold_file"]["sentences"] == 3 == len(sentences)
    assert sentences["The minister was fired by the president."].noevent   # rejected: no event there
    (troops,) = sentences["Later, troops fired on protesters."].relations
    assert troops.event_type == "ASSAULT" and troops.source_text == "troops"
    (iran,) = sentences[SCOLD].relations
    assert (iran.event_type, iran.source_text) == ("ACCUSE", "Iran")
    assert VISIT not in sentences                                             # its review said nothing


def test_train_with_base_sentences_trains_both_heads_afresh(tmp_path):
    gold = tmp_path / "gold.jsonl"
    lines = [{"id": "rn-1", "split": "train", "text": "Troops shelled the town.", "group": "g1",
              "events": [{"event_type": "ASSAULT", "trigger": "shelled"}]},
             {"id": "rn-2", "split": "dev", "text": "Leaders met in Cairo.", "events": []}]
    gold.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    base = load_realnews_gold(gold)
    assert [s["id"] for s in base] == ["rn-1"]
    examples = [LabelledCandidate(Candidate("The minister was fired.", 17, 22, "ASSAULT"), "NONE")]
    model, info = train_classifier(examples, EventClassifier.load(), base, review_weight=2)
    assert info["mode"] == "trained on base data and reviews"
    assert info["candidate_head"] == {"base": 1, "review": 2, "labels": {"NONE": 2, "ASSAULT": 1}}
    assert model.candidate_matrix([Candidate("Troops shelled the town.", 7, 14, None)])[0].argmax() == \
        CANDIDATE_LABELS.index("ASSAULT")


def test_train_errors_are_one_line(tmp_path):
    missing = _train("--db", str(tmp_path / "nope.duckdb"), "--out", str(tmp_path / "m"), "--base", "none")
    assert missing.exit_code == 1 and "no database at" in missing.output and "Traceback" not in missing.output
    plain = _train("--db", str(_store(tmp_path / "plain.duckdb", reviews=False)), "--out", str(tmp_path / "m"),
                   "--base", "none")
    assert plain.exit_code == 1, plain.output
    assert "no reviews stored (review events in 'chronicle serve' first)" in plain.output
    base = _train("--db", str(_store(tmp_path / "r.duckdb")), "--out", str(tmp_path / "m"),
                  "--base", str(tmp_path / "no-such-folder"))
    assert base.exit_code == 1 and "no-such-folder: not found" in base.output, base.output
    assert not (tmp_path / "m").exists()


def test_no_usable_review_is_an_error(tmp_path):
    path = tmp_path / "silent.duckdb"
    _store(path, reviews=False)
    with Store(path) as store:
        _review(store, "a3-e0", 3, None, None, "cy")
    result = _train("--db", str(path), "--out", str(tmp_path / "m"), "--base", "none")
    assert result.exit_code == 1
    assert "none of the 1 reviews gives a training example (1 no verdict and no type correction)" in result.output
    with pytest.raises(TrainingError):
        train_classifier([], EventClassifier.load())


def test_a_trained_model_folder_is_what_classifier_at_loads(trained, tmp_path):
    from chronicle.errors import DataFileError
    from chronicle.models.event_classifier import classifier_at, shipped_classifier

    folder, _ = trained
    model = classifier_at(folder / "model")
    assert model is classifier_at(str(folder / "model")) and model is not shipped_classifier()
    assert model.meta["trained_by"] == "chronicle train" and classifier_at(None) is shipped_classifier()
    with pytest.raises(DataFileError, match="not an event model folder"):
        classifier_at(tmp_path)


def test_code_with_a_folder_that_holds_no_model_stops_before_parsing(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Troops fired on protesters.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["code", str(article), "--event-model", str(tmp_path)])
    assert result.exit_code == 1 and "not an event model folder" in result.output, result.output


@pytest.mark.model
def test_coder_uses_the_trained_model_in_both_model_stages(trained):
    from chronicle import Coder
    from chronicle.models.event_classifier import classifier_at
    from chronicle.stages.calibration import CalibrationStage
    from chronicle.stages.event_model import EventModelStage

    folder, _ = trained
    coder = Coder(event_model=str(folder / "model"))
    used = [s.classifier for s in coder.stages if isinstance(s, (EventModelStage, CalibrationStage))]
    assert len(used) == 2 and all(c is classifier_at(folder / "model") for c in used)
    assert coder.code("Later, troops fired on protesters.", published="2024-05-06") is not None
