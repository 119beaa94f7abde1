"""realnews-train/dev/test: the scorer on hand-made gold and events, the reader, and the CLI run."""

from __future__ import annotations

import json

import pytest

from chronicle.errors import DatasetError
from chronicle.evaluate import realnews
from chronicle.evaluate.datasets import DATASETS
from chronicle.evaluate.realnews import (
    RealNewsEvent,
    RealNewsSentence,
    actor_matches,
    load_realnews,
    realnews_file,
    score_realnews,
)
from chronicle.evaluate.runner import EvalReport, evaluate
from chronicle.schema import QUAD_CLASS, Actor, CoderInfo, Event, Span


# --------------------------------------------------------------------------- helpers

def actor(sentence: str, text: str, country: str | None = None) -> Actor:
    start = sentence.index(text)
    return Actor(text=text, start=start, end=start + len(text), country=country)


def event(event_type: str, sentence: str, trigger: str = "x", *, source=(), target=(),
          factuality="actual", reciprocal=False) -> Event:
    return Event(
        id="e1", doc_id="d1", sentence_index=0, sentence=sentence, event_type=event_type,
        quad_class=QUAD_CLASS[event_type], factuality=factuality, source=list(source),
        target=list(target), reciprocal=reciprocal, trigger=Span(text=trigger, start=0, end=1),
        confidence=0.8, coder=CoderInfo(version="t", data_version="t"),
    )


def gev(event_type: str, source=(None, None), target=(None, None), factuality="actual",
        trigger="x") -> RealNewsEvent:
    return RealNewsEvent(event_type, factuality, trigger, source[0], source[1], target[0], target[1])


def sentence(text: str, *events: RealNewsEvent, corpus="bbc-news") -> RealNewsSentence:
    return RealNewsSentence(id=text[:8], text=text, corpus=corpus, events=list(events),
                            noevent=not any(e.factuality == "actual" for e in events))


A = "Michael Howard accused Tony Blair of misleading the country."
B = "The weather was fine in London on Monday."
C = "The senators will meet the president on Tuesday."
D = "They were all jailed for handling explosives."


# --------------------------------------------------------------------------- scorer

def test_types_detection_and_actors_on_a_small_set():
    golds = [sentence(A, gev("ACCUSE", ("Michael Howard", "GBR"), ("Tony Blair", "GBR"))),
             sentence(B),
             sentence(D, gev("COERCE", (None, "GBR"), ("They", None)))]
    preds = [
        [event("ACCUSE", A, "accused", source=[actor(A, "Howard", "GBR")], target=[actor(A, "Tony Blair", "GBR")]),
         event("ASSAULT", A, "misleading")],                       # wrong type
        [event("PROTEST", B, "fine")],                             # a false alarm on a quiet sentence
        [],                                                        # COERCE missed
    ]
    m = score_realnews(golds, preds)
    assert m["event_detection"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "support": 2,
                                    "tp": 1, "fp": 1, "fn": 1}
    assert m["per_label"]["ACCUSE"]["precision"] == 1.0 and m["per_label"]["ACCUSE"]["recall"] == 1.0
    assert m["per_label"]["COERCE"]["recall"] == 0.0 and m["per_label"]["COERCE"]["support"] == 1
    assert m["per_label"]["ASSAULT"]["coded"] == 1 and m["per_label"]["ASSAULT"]["support"] == 0
    o = m["overall"]
    assert (o["coded"], o["coded_right"], o["gold"], o["gold_found"]) == (3, 1, 2, 1)
    assert (o["precision"], o["recall"], o["f1"]) == (0.3333, 0.5, 0.4)
    assert m["type_source"] == {"share": 0.3333, "hit": 1, "n": 3, "type_right": 1, "given_type": 1.0}
    assert m["type_target"]["hit"] == 1
    assert m["errors"]["false_positive_triggers"] == [["misleading (ASSAULT)", 1], ["fine (PROTEST)", 1]]
    assert m["errors"]["missed_types"] == [["COERCE", 1]]
    assert m["counts"]["sentences_with_gold_event"] == 2 and m["counts"]["coded_events"] == 3


def test_a_coded_event_counts_once_per_sentence_and_type_not_one_to_one():
    golds = [sentence(A, gev("ACCUSE"), gev("ACCUSE"))]
    m = score_realnews(golds, [[event("ACCUSE", A)]])
    assert (m["overall"]["precision"], m["overall"]["recall"]) == (1.0, 1.0)


def test_empty_gold_sentences_and_an_empty_set():
    m = score_realnews([sentence(B)], [[]])
    assert m["event_detection"]["tp"] + m["event_detection"]["fp"] + m["event_detection"]["fn"] == 0
    assert m["per_label"] == {} and m["overall"]["precision"] == 0.0
    assert m["type_source"]["share"] is None and m["factuality"]["accuracy"] is None
    m = score_realnews([sentence(B)], [[event("ASSAULT", B, "fine")]])
    assert m["event_detection"]["fp"] == 1 and m["overall"]["coded_right"] == 0
    assert m["errors"]["false_positive_types"] == [["ASSAULT (no gold event)", 1]]
    empty = score_realnews([], [])
    assert empty["counts"]["sentences"] == 0 and empty["by_corpus"] == {}
    text = EvalReport("realnews-dev", 0, empty).format_text()       # nothing to divide by: no crash
    assert "event detection" in text


def test_null_source_text_matches_on_country_alone():
    gold = gev("COERCE", (None, "GBR"), ("They", None))
    police = Actor(text="police", start=0, end=6, country="GBR")   # anywhere in the sentence
    assert actor_matches(D, gold, event("COERCE", D, source=[police]), "source")
    assert not actor_matches(D, gold, event("COERCE", D, source=[police.model_copy(update={"country": "USA"})]), "source")
    assert not actor_matches(D, gold, event("COERCE", D), "source")     # gold knows GBR; nothing coded
    nobody = gev("ASSAULT", (None, None), ("They", None))
    assert actor_matches(D, nobody, event("ASSAULT", D), "source")      # no source either side
    assert not actor_matches(D, nobody, event("ASSAULT", D, source=[police]), "source")  # invented one


def test_a_source_needs_the_span_and_the_country():
    gold = gev("ACCUSE", ("Michael Howard", "GBR"), ("Tony Blair", "GBR"))
    assert actor_matches(A, gold, event("ACCUSE", A, source=[actor(A, "Howard", "GBR")]), "source")
    assert not actor_matches(A, gold, event("ACCUSE", A, source=[actor(A, "Howard", "USA")]), "source")
    assert not actor_matches(A, gold, event("ACCUSE", A, source=[actor(A, "Tony Blair", "GBR")]), "source")
    assert not actor_matches(A, gold, event("ACCUSE", A, source=[actor(A, "Howard", None)]), "source")
    # target: a named gold target with an unknown country matches a coded actor without a country
    gold = gev("COERCE", (None, "GBR"), ("They", None))
    assert actor_matches(D, gold, event("COERCE", D, target=[actor(D, "They")]), "target")
    # a reciprocal event may list the gold source on either side
    both = event("ACCUSE", A, source=[actor(A, "Tony Blair", "GBR")], target=[actor(A, "Michael Howard", "GBR")],
                 reciprocal=True)
    assert actor_matches(A, gev("ACCUSE", ("Michael Howard", "GBR"), ("Tony Blair", "GBR")), both, "source")


def test_the_gold_span_may_occur_twice():
    text = "The government said the government would not yield."
    gold = gev("REJECT", ("the government", "GBR"))
    second = Actor(text="government", start=text.rindex("government"), end=len(text) - len(" would not yield."),
                   country="GBR")
    assert actor_matches(text, gold, event("REJECT", text, source=[second]), "source")


def test_future_gold_events_are_not_events_but_are_scored_for_factuality():
    golds = [sentence(C, gev("CONSULT", ("The senators", "USA"), ("the president", "USA"), factuality="future"))]
    right = score_realnews(golds, [[event("CONSULT", C, "meet", factuality="future")]])
    assert right["event_detection"]["tp"] + right["event_detection"]["fp"] + right["event_detection"]["fn"] == 0
    assert right["overall"]["coded"] == 0 and right["overall"]["gold"] == 0
    assert right["factuality"]["accuracy"] == 1.0 and right["factuality"]["by_gold"]["future"]["n"] == 1
    assert right["overall_all_factualities"]["coded"] == 1                 # counted when every event counts
    wrong = score_realnews(golds, [[event("CONSULT", C, "meet")]])       # coded as actual: a false alarm
    assert wrong["event_detection"]["fp"] == 1 and wrong["per_label"]["CONSULT"]["precision"] == 0.0
    assert wrong["factuality"]["accuracy"] == 0.0
    other = score_realnews(golds, [[event("ACCUSE", C, factuality="future")]])  # type not coded: not scored
    assert other["factuality"]["n"] == 0


def test_factuality_over_gold_events_of_any_factuality():
    golds = [sentence(A, gev("ACCUSE"), gev("CONSULT", factuality="negated"), gev("REJECT", factuality="hypothetical"))]
    preds = [[event("ACCUSE", A), event("CONSULT", A, factuality="actual"), event("CONSULT", A, factuality="negated")]]
    f = score_realnews(golds, preds)["factuality"]
    assert (f["right"], f["n"]) == (2, 2)                                  # REJECT was not coded: left out
    assert f["by_gold"]["negated"] == {"accuracy": 1.0, "right": 1, "n": 1}
    assert f["by_gold"]["hypothetical"]["n"] == 0


def test_per_corpus_figures():
    golds = [sentence(A, gev("ACCUSE"), corpus="bbc-news"), sentence(C, gev("CONSULT"), corpus="basil")]
    m = score_realnews(golds, [[event("ACCUSE", A)], []])
    assert m["by_corpus"]["bbc-news"]["type"]["f1"] == 1.0
    assert m["by_corpus"]["basil"]["event_detection"]["recall"] == 0.0


# --------------------------------------------------------------------------- reader and runner

def _gold_line(id_: str, split: str, events: list[dict], published=None) -> str:
    return json.dumps({"id": id_, "corpus": "basil", "split": split, "published": published,
                       "text": f"Sentence {id_}.", "events": events})


def test_load_realnews_reads_one_split(tmp_path):
    path = tmp_path / "gold.jsonl"
    future = {"event_type": "CONSULT", "factuality": "future", "source_text": None, "target_text": None}
    actual = {"event_type": "ACCUSE", "factuality": "actual", "source_text": "Sentence", "target_text": None,
              "source_country": "USA", "target_country": None, "trigger": "x"}
    path.write_text("\n".join([_gold_line("rn-1", "dev", [future], "2016-09-29"), _gold_line("rn-2", "train", []),
                               _gold_line("rn-3", "dev", [actual, future])]) + "\n")
    dev = load_realnews("dev", path)
    assert [g.id for g in dev] == ["rn-1", "rn-3"]
    assert dev[0].published == "2016-09-29" and dev[0].noevent and dev[0].relations == []
    assert len(dev[1].events) == 2 and [r.event_type for r in dev[1].relations] == ["ACCUSE"]
    with pytest.raises(DatasetError, match="unknown split"):
        load_realnews("validation", path)
    path.write_text(_gold_line("rn-1", "dev", [dict(future, factuality="maybe")]) + "\n")
    with pytest.raises(DatasetError, match="line 1"):
        load_realnews("dev", path)


def test_a_missing_gold_file_names_the_path(tmp_path, monkeypatch):
    with pytest.raises(DatasetError, match=str(tmp_path / "datasets" / "realnews" / "gold.jsonl")):
        realnews_file(tmp_path)
    monkeypatch.setattr(realnews, "repository_root", lambda: tmp_path)   # an installed wheel: no repository
    with pytest.raises(DatasetError, match="not found"):
        DATASETS["realnews-dev"].loader()


def test_the_splits_are_registered_and_read_from_the_repository():
    assert {"realnews-train", "realnews-dev", "realnews-test"} <= set(DATASETS)
    assert realnews_file().parts[-3:] == ("datasets", "realnews", "gold.jsonl")
    dev = DATASETS["realnews-dev"].loader()
    assert len(dev) == 408 and sum(len(g.events) for g in dev) == 242     # datasets/realnews/README.md


def test_the_runner_codes_each_sentence_with_its_publication_date():
    calls = []

    def code(text, published=None):
        calls.append((text, published))
        return []

    report = evaluate("realnews-dev", code, limit=30)
    gold = DATASETS["realnews-dev"].loader()[:30]
    assert report.n_sentences == 30 and len(calls) == len({(g.text, g.published) for g in gold})
    assert {p for _, p in calls} == {g.published for g in gold} and any(p for _, p in calls)
    assert report.metrics["event_detection"]["fn"] == sum(1 for g in gold if not g.noevent)
    text = report.format_text()
    assert text.startswith("realnews-dev: 30 sentences") and "type + source" in text
    assert json.loads(report.to_json())["metrics"]["counts"]["sentences"] == 30


# --------------------------------------------------------------------------- the command

@pytest.mark.model
def test_eval_realnews_dev_through_the_cli():
    from click.testing import CliRunner

    from chronicle.cli import cli

    result = CliRunner().invoke(cli, ["eval", "realnews-dev", "--limit", "20", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["dataset"] == "realnews-dev" and report["n_sentences"] == 20
    m = report["metrics"]
    assert {"per_label", "overall", "event_detection", "type_source", "type_target", "factuality",
            "counts", "errors"} <= set(m)
    assert m["counts"]["sentences"] == 20
    # Coded inside their articles where ../shared/corpus is there (the default), else alone.
    assert m["context"]["mode"] == "article"
    assert m["context"]["sentences_in_articles"] + m["context"]["sentences_alone"] == 20


@pytest.mark.model
def test_eval_realnews_context_sentence_codes_each_sentence_alone():
    from click.testing import CliRunner

    from chronicle.cli import cli

    result = CliRunner().invoke(cli, ["eval", "realnews-dev", "--limit", "5", "--context", "sentence"])
    assert result.exit_code == 0, result.output
    assert "coded: each sentence alone" in result.output


# --------------------------------------------------------------------------- intervals

def _with_article(s: RealNewsSentence, article: str) -> RealNewsSentence:
    return RealNewsSentence(id=s.id, text=s.text, corpus=s.corpus, events=s.events, noevent=s.noevent,
                            article_id=article)


def test_intervals_resample_articles_and_hold_the_figure():
    right = event("ACCUSE", A, "accused", source=[actor(A, "Howard", "GBR")])
    golds, preds = [], []
    for i in range(12):     # 12 articles: two right, one false alarm, one miss in each third
        golds += [_with_article(sentence(A, gev("ACCUSE", ("Michael Howard", "GBR"))), f"a{i}"),
                  _with_article(sentence(B), f"a{i}")]
        preds += [[right] if i % 3 else [], [event("PROTEST", B, "fine")] if i % 3 == 0 else []]
    m = score_realnews(golds, preds)
    ci = m["intervals"]
    assert ci["articles"] == 12 and ci["samples"] == 1000
    for key, figure in (("detection_f1", m["event_detection"]["f1"]), ("type_precision", m["overall"]["precision"]),
                        ("type_source", m["type_source"]["share"])):
        assert ci[key]["low"] <= figure <= ci[key]["high"], key
    assert ci["detection_f1"]["low"] < ci["detection_f1"]["high"]       # articles differ: a spread
    assert score_realnews(golds, preds)["intervals"] == ci             # fixed seed: the same interval


def test_one_article_has_no_spread_and_no_article_no_interval():
    golds = [_with_article(sentence(A, gev("ACCUSE")), "only"), _with_article(sentence(B), "only")]
    m = score_realnews(golds, [[event("ACCUSE", A)], [event("PROTEST", B)]])
    assert m["intervals"]["detection_f1"] == {"low": 0.6667, "high": 0.6667}
    assert score_realnews([], [])["intervals"] == {"samples": 0, "articles": 0}


def test_paired_comparison_sees_a_small_gain_and_refuses_other_articles():
    from chronicle.evaluate.intervals import paired_intervals

    # 40 articles with one right and one missed event each; the new run finds 4 of the missed ones.
    base = {f"a{i}": [1, 0, 1, 1, 1, 2, 1, 1] for i in range(40)}
    new = {k: ([2, 0, 0, 2, 2, 2, 2, 2] if i < 4 else v) for i, (k, v) in enumerate(base.items())}
    m = paired_intervals(base, new)
    d = m["type_f1"]
    assert d["new"] > d["base"] and d["difference"] > 0 and d["low"] >= 0 and d["new_ahead"] > 0.9
    assert m["type_precision"]["difference"] == 0.0              # all coded events were right both times
    same = paired_intervals(base, base)
    assert same["detection_f1"]["low"] == same["detection_f1"]["high"] == 0.0
    with pytest.raises(ValueError, match="different articles"):
        paired_intervals(base, {"other": [0] * 8})


def test_the_check_slice_is_a_fixed_fifth_of_train_articles():
    from chronicle.evaluate.realnews import in_check_slice

    train, check = DATASETS["realnews-train"].loader(), DATASETS["realnews-check"].loader()
    articles = {g.article_id for g in train}
    held = {g.article_id for g in check}
    assert held < articles and all(in_check_slice(a) for a in held)
    assert {g.id for g in check} == {g.id for g in train if in_check_slice(g.article_id)}
    assert 0.15 < len(held) / len(articles) < 0.25


def test_compare_reports_the_difference_and_names_a_bad_file(tmp_path):
    from chronicle.evaluate.runner import compare_with, read_comparison

    def code(text, published=None):
        return []

    first = evaluate("realnews-dev", code, limit=20)
    path = tmp_path / "first.json"
    path.write_text(first.to_json())
    again = compare_with(evaluate("realnews-dev", code, limit=20), read_comparison(path), path)
    assert again.metrics["compared"]["detection_f1"]["difference"] == 0.0
    assert "compared with" in again.format_text()
    with pytest.raises(DatasetError, match="scores realnews-dev"):
        compare_with(evaluate("realnews-train", code, limit=5), read_comparison(path), path)
    with pytest.raises(DatasetError, match="different articles"):
        compare_with(evaluate("realnews-dev", code, limit=5), read_comparison(path), path)
    (tmp_path / "bad.json").write_text("{not json")
    for bad, problem in (("bad.json", "not the JSON"), ("missing.json", "cannot read")):
        with pytest.raises(DatasetError, match=problem):
            read_comparison(tmp_path / bad)


def test_compare_with_a_missing_file_stops_before_coding(tmp_path):
    from click.testing import CliRunner

    from chronicle.cli import cli

    result = CliRunner().invoke(cli, ["eval", "realnews-dev", "--compare", str(tmp_path / "nope.json")])
    assert result.exit_code != 0 and "nope.json: cannot read it" in result.output
    assert "Traceback" not in result.output
