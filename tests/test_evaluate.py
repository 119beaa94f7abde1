"""chronicle.evaluate: scorers on hand-made gold and events, readers on the shared labelled sets."""

from __future__ import annotations

from collections import Counter

import pytest

from chronicle.errors import DatasetError
from chronicle.evaluate import petrarch
from chronicle.evaluate import evaluate
from chronicle.evaluate import quiet
from chronicle.evaluate.datasets import (
    DATASETS,
    NOT_EVENTLESS,
    DatasetInfo,
    GoldRelation,
    GoldSentence,
    eval_data_root,
    load_conflibert,
    load_petrarch_gsr,
    load_petrarch_noevents,
    load_plover_dev,
    parse_petrarch_records,
)
from chronicle.evaluate.scorer import (
    cameo_root,
    gold_country,
    score_petrarch,
    score_plover,
    score_quad,
    sentence_class,
)
from chronicle.schema import QUAD_CLASS, Actor, CoderInfo, Event, Span


# --------------------------------------------------------------------------- helpers

def actor(sentence: str, text: str, country: str | None = None) -> Actor:
    start = sentence.index(text)
    return Actor(text=text, start=start, end=start + len(text), country=country)


def event(event_type: str, sentence: str = "s", *, source=(), target=(), cameo=None,
          confidence=0.8, factuality="actual", reciprocal=False) -> Event:
    return Event(
        id="e1", doc_id="d1", sentence_index=0, sentence=sentence, event_type=event_type,
        cameo=cameo, quad_class=QUAD_CLASS[event_type], factuality=factuality,
        source=list(source), target=list(target), reciprocal=reciprocal,
        trigger=Span(text="x", start=0, end=1), confidence=confidence,
        coder=CoderInfo(version="t", data_version="t"),
    )


def gold(text: str, *relations: tuple, label=None, noevent=False) -> GoldSentence:
    return GoldSentence(id=text[:10], text=text, relations=[GoldRelation(*r) for r in relations],
                        label=label, noevent=noevent)


# --------------------------------------------------------------------------- plover-dev scorer

A = "Jordan and Britain agreed to hold joint exercises."
B = "Nepal's prime minister has agreed to resign."
C = "Israeli troops attacked Gaza and Egypt condemned Israel."


def test_score_plover_types_and_actor_agreement():
    golds = [gold(A, ("AGREE", "Jordan", "Britain")),
             gold(B, ("YIELD", "Nepal's prime minister", "a recipient")),
             gold(C, ("ASSAULT", "Israeli troops", "Gaza"), ("ACCUSE", "Egypt", "Israel"))]
    preds = [
        [event("AGREE", A, source=[actor(A, "Jordan")], target=[actor(A, "Britain")]),
         event("ASSAULT", A)],                                            # a false alarm
        [event("CONCEDE", B, source=[actor(B, "prime minister")])],       # CONCEDE counts as YIELD
        [event("ASSAULT", C, source=[actor(C, "Egypt")], target=[actor(C, "Gaza")])],  # ACCUSE missed
    ]
    m = score_plover(golds, preds)
    assert m["per_label"]["AGREE"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "support": 1,
                                       "tp": 1, "fp": 0, "fn": 0}
    assert (m["per_label"]["ASSAULT"]["tp"], m["per_label"]["ASSAULT"]["fp"]) == (1, 1)
    assert m["per_label"]["ASSAULT"]["precision"] == 0.5
    assert m["per_label"]["YIELD"]["tp"] == 1 and "CONCEDE" not in m["per_label"]
    # Nothing coded as ACCUSE: its precision is undefined (None, "n/a"), its recall and F1 are 0.
    assert m["per_label"]["ACCUSE"] == {"precision": None, "recall": 0.0, "f1": 0.0, "support": 1,
                                        "tp": 0, "fp": 0, "fn": 1}
    assert (m["overall"]["tp"], m["overall"]["fp"], m["overall"]["fn"]) == (3, 1, 1)
    assert m["overall"]["precision"] == m["overall"]["recall"] == m["overall"]["f1"] == 0.75
    # Sources of matched relations: Jordan yes, prime minister yes, Egypt vs Israeli troops no.
    assert (m["source_agreement"], m["source_agreement_n"]) == (0.6667, 3)
    # Targets: Britain yes, Gaza yes; "a recipient" is not in the sentence and is left out.
    assert (m["target_agreement"], m["target_agreement_n"]) == (1.0, 2)


def test_plover_quad_accuracy_reads_the_most_confident_actual_event():
    golds = [gold(A, ("AGREE", "Jordan", "Britain")),               # verbal cooperation, 1
             gold(B, ("YIELD", "Nepal's prime minister", "a recipient")),  # YIELD counts as 2
             gold(C, ("ASSAULT", "Israeli troops", "Gaza"), ("ACCUSE", "Egypt", "Israel")),
             gold("No event here at all.")]                          # no gold relation: not scored
    preds = [
        [event("CONSULT", A, confidence=0.9), event("ASSAULT", A, confidence=0.4)],  # 1: right quad
        [event("CONCEDE", B)],                                       # CONCEDE is 2 like YIELD
        [event("ASSAULT", C, factuality="negated", confidence=0.9), event("AID", C, confidence=0.2)],
        [event("ASSAULT", "No event here at all.")],
    ]
    m = score_plover(golds, preds)
    # A right, B right, C wrong (the negated assault is ignored; AID is 2, gold has 3 and 4).
    assert m["quad"] == {"accuracy": 0.6667, "n": 3}
    assert score_plover(golds[:1], [[]])["quad"] == {"accuracy": 0.0, "n": 1}  # nothing coded is class 0


def test_score_plover_pairs_same_type_by_actors_and_reads_reciprocal():
    s = "Rebels shelled Aleppo while the army bombed Idlib."
    g = [gold(s, ("ASSAULT", "Rebels", "Aleppo"), ("ASSAULT", "the army", "Idlib"))]
    p = [[event("ASSAULT", s, source=[actor(s, "army")], target=[actor(s, "Idlib")]),
          event("ASSAULT", s, source=[actor(s, "Rebels")], target=[actor(s, "Aleppo")])]]
    m = score_plover(g, p)
    assert m["source_agreement"] == m["target_agreement"] == 1.0
    recip = [[event("AGREE", A, source=[actor(A, "Jordan"), actor(A, "Britain")], reciprocal=True)]]
    m = score_plover([gold(A, ("AGREE", "Jordan", "Britain"))], recip)
    assert m["source_agreement"] == m["target_agreement"] == 1.0


def test_score_plover_needs_one_prediction_list_per_sentence():
    with pytest.raises(ValueError):
        score_plover([gold(A, ("AGREE", "Jordan", "Britain"))], [])


# --------------------------------------------------------------------------- conflibert scorer

def test_sentence_class_uses_most_confident_non_negated_event():
    assert sentence_class([]) == 0
    assert sentence_class([event("ACCUSE", factuality="negated", confidence=0.9)]) == 0
    assert sentence_class([event("ACCUSE", factuality="negated", confidence=0.9),
                           event("ASSAULT", confidence=0.5)]) == 4
    assert sentence_class([event("ASSAULT", confidence=0.4), event("ACCUSE", confidence=0.6)]) == 3


def test_score_quad():
    golds = [gold(f"s{i}", label=lab) for i, lab in enumerate([0, 1, 3, 4, 2])]
    preds = [[], [event("AGREE", confidence=0.9)],
             [event("ACCUSE", factuality="negated", confidence=0.9), event("ASSAULT", confidence=0.5)],
             [event("ASSAULT", confidence=0.4), event("ACCUSE", confidence=0.6)],
             [event("AID")]]
    m = score_quad(golds, preds)
    assert m["overall"]["accuracy"] == 0.6 and m["overall"]["support"] == 5
    assert m["overall"]["macro_f1"] == 0.6
    assert m["per_label"]["0"]["f1"] == 1.0
    assert (m["per_label"]["3"]["fp"], m["per_label"]["3"]["fn"], m["per_label"]["3"]["f1"]) == (1, 1, 0.0)
    assert m["confusion"][3][4] == 1 and m["confusion"][4][3] == 1
    assert sum(map(sum, m["confusion"])) == 5


# --------------------------------------------------------------------------- petrarch scorer

def test_gold_country_and_root():
    assert gold_country("USAGOV") == "USA" and gold_country("PSEGZA") == "PSE"
    for code in ("---", "---REB", '"THE MINISTRY OF MAGIC"', "IGOEUREEC", "", None):
        assert gold_country(code) is None
    assert cameo_root("0874") == "08" and cameo_root(None) is None


def test_score_petrarch():
    s1, s2, s3 = "US talks with China.", "Brazil and the US agreed.", "Rebels attacked the EU."
    golds = [gold(s1, ("CONSULT", None, None, "042", "USAGOV", "CHN")),
             gold(s2, ("AGREE", None, None, "031", "BRA", "USA"), ("AGREE", None, None, "031", "USA", "BRA")),
             gold(s3, ("ASSAULT", None, None, "190", "---REB", "IGOEUREEC")),
             gold("Nothing happened.", noevent=True), gold("Talks may follow.", noevent=True)]
    preds = [
        [event("CONSULT", s1, cameo="040", source=[actor(s1, "US", "USA")], target=[actor(s1, "China", "CHN")])],
        [event("AGREE", s2, cameo="031", source=[actor(s2, "Brazil", "BRA")], target=[actor(s2, "US", "GBR")]),
         event("SUPPORT", s2)],                                     # no CAMEO code: a wrong prediction
        [event("ASSAULT", s3, cameo="193")],
        [], [event("CONSULT", factuality="future")],
    ]
    m = score_petrarch(golds, preds)
    assert (m["overall"]["tp"], m["overall"]["fp"], m["overall"]["fn"]) == (3, 1, 1)
    assert m["overall"]["f1"] == 0.75
    assert m["per_label"]["03"]["recall"] == 0.5 and m["per_label"]["none"]["fp"] == 1
    assert m["events_without_cameo"] == 1
    # "---REB" and the IGO code have no country and are not counted.
    assert (m["source_country_agreement"], m["source_country_n"]) == (1.0, 2)
    assert (m["target_country_agreement"], m["target_country_n"]) == (0.5, 2)
    assert m["noevents"] == {"n": 2, "no_event": 0.5, "no_actual_event": 1.0}


def test_parse_petrarch_records_tolerates_malformed_markup():
    text = """<Validation>
<!-- header <!-- nested --> still header <Sentence id="HEADER"/> -->
<Sentences>
<Sentence category="AFP" date="20080806" id="R1" evaluate="true"/>
<EventCoding eventcode="031" sourcecode="BRA" targetcode="&quot;THE MINISTRY&quot;" />
<!-- <EventCoding eventcode="999" sourcecode="X" targetcode="Y" /> -->
<Text>
Brazil and the
ministry agreed &amp; signed.
</Text>
<Parse>1 Brazil</Parse></Sentence>
<Sentence date = "20080804" id ="R2" category="PARSING" sentence="true">
<EventCoding noevents = "True"></EventCoding>
<Text>Nothing.</Text>
</Sentence>
</Sentences></Validation>"""
    r1, r2 = parse_petrarch_records(text, "f.xml")
    assert r1.id == "R1" and r1.text == "Brazil and the ministry agreed & signed."
    assert [(r.cameo, r.source_code, r.target_code) for r in r1.relations] == [("031", "BRA", '"THE MINISTRY"')]
    assert r1.meta["category"] == "AFP" and not r1.noevent
    assert r2.noevent and not r2.relations and r2.meta["category"] == "PARSING"


# --------------------------------------------------------------------------- locating data, runner

def test_missing_dataset_says_where_and_what_to_set(monkeypatch, tmp_path):
    monkeypatch.setenv("CHRONICLE_SHARED", str(tmp_path))
    with pytest.raises(DatasetError, match=r"dataset plover-dev not found at .*CHRONICLE_SHARED"):
        load_plover_dev()
    with pytest.raises(DatasetError, match="unknown dataset"):
        evaluate("nope", lambda s: [])


def test_conflibert_test_split_attaches_row_aligned_spans(monkeypatch, tmp_path):
    root = tmp_path / "eval-data" / "conflibert-cameo"
    (root / "cameo_class").mkdir(parents=True)
    (root / "cameo_ner").mkdir()
    (root / "cameo_class" / "test.tsv").write_text(
        'Iran condemned Israel .\t3\n"He said ""no"" ."\t0\n', encoding="utf-8")
    (root / "cameo_ner" / "test.txt").write_text(
        "Iran B-S\ncondemned O\nIsrael B-T\n. O\n\nHe B-S\nsaid O\nno O\n. O\n", encoding="utf-8")
    monkeypatch.setenv("CHRONICLE_SHARED", str(tmp_path))
    first, second = load_conflibert("test")
    assert (first.label, first.spans) == (3, {"source": ["Iran"], "target": ["Israel"]})
    assert second.text == 'He said "no" .' and second.noevent and second.label == 0
    with pytest.raises(DatasetError, match="train.tsv is missing"):
        load_conflibert("train")


def test_evaluate_runs_a_coder_and_formats(monkeypatch):
    golds = [gold(A, ("AGREE", "Jordan", "Britain")), gold(B, ("YIELD", "Nepal's prime minister", ""))]
    monkeypatch.setitem(DATASETS, "plover-dev", DatasetInfo("plover-dev", "x", lambda: golds, "test"))
    seen = []

    def coder(text):
        return [event("AGREE", A, source=[actor(A, "Jordan")], target=[actor(A, "Britain")])] if text == A else []

    report = evaluate("plover-dev", coder, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 2), (2, 2)] and report.n_sentences == 2
    assert report.metrics["overall"]["recall"] == 0.5
    rows = report.to_table()
    assert rows[0] == ["label", "precision", "recall", "f1", "support"]
    assert rows[-1] == ["overall (micro)", "1.000", "0.500", "0.667", "2"]
    text = report.format_text()
    assert "plover-dev: 2 sentences" in text and "source actor span overlap" in text
    assert '"n_sentences": 2' in report.to_json()
    assert evaluate("plover-dev", coder, limit=1).n_sentences == 1


# --------------------------------------------------------------------------- the shared sets

needs_shared = pytest.mark.skipif(
    eval_data_root() is None, reason="../shared/eval-data not found; set CHRONICLE_SHARED to run")


@pytest.mark.shared
@needs_shared
def test_load_plover_dev():
    sents = load_plover_dev()
    assert len(sents) == 1077                              # SOURCE.md
    types = Counter(r.event_type for s in sents for r in s.relations)
    assert sum(types.values()) == 1082 and len(types) == 15
    assert "YIELD" in types and not {"CONCEDE", "RETREAT"} & set(types)


@pytest.mark.shared
@needs_shared
def test_load_conflibert():
    train = load_conflibert("train")
    assert len(train) == 1349                              # SOURCE.md: 0:240 1:248 2:303 3:337 4:221
    assert Counter(s.label for s in train) == {0: 240, 1: 248, 2: 303, 3: 337, 4: 221}
    try:
        test = load_conflibert("test")
    except DatasetError:
        pytest.skip("conflibert-cameo/cameo_class/test.tsv is not in this copy of the shared data")
    assert len(test) == 451                                # SOURCE.md: 0:56 1:80 2:57 3:150 4:108
    assert Counter(s.label for s in test) == {0: 56, 1: 80, 2: 57, 3: 150, 4: 108}


@pytest.mark.shared
@needs_shared
def test_load_petrarch_files():
    gsr = load_petrarch_gsr()                              # SOURCE.md: 78 / 80 triples / 12 noevents / 66
    assert len(gsr) == 78
    assert sum(len(s.relations) for s in gsr) == 80
    assert sum(s.noevent for s in gsr) == 12
    assert sum(1 for s in gsr if s.relations) == 66
    assert all(s.text and not (s.noevent and s.relations) for s in gsr)
    # The two functional-test files (SOURCE.md): records, triples, noevents.
    for parts, counts in ((petrarch._OTHERS[0], (284, 359, 19)), (petrarch._OTHERS[1], (274, 322, 20))):
        recs = petrarch._read_petrarch(parts)
        assert (len(recs), sum(len(s.relations) for s in recs), sum(s.noevent for s in recs)) == counts


@pytest.mark.shared
@needs_shared
def test_load_petrarch_noevents_rule():
    sents = load_petrarch_noevents()
    gsr_noevents = {s.id for s in load_petrarch_gsr() if s.noevent}
    ids = {s.id for s in sents}
    assert gsr_noevents - set(NOT_EVENTLESS) <= ids
    assert not ids & set(NOT_EVENTLESS)
    assert all(s.noevent and not s.relations and not petrarch._FICTIONAL.search(s.text) for s in sents)
    assert all(s.meta["category"] == "PARSING" for s in sents if s.meta["file"] != "PETR2_GSR_validation.xml")
    assert len({s.text.lower() for s in sents}) == len(sents) == 16
    labelled = load_petrarch_noevents(exclude=False)
    assert {s.id for s in labelled} == ids | (set(NOT_EVENTLESS) & {s.id for s in labelled})
    assert len(labelled) == 21


@pytest.mark.shared
@needs_shared
def test_evaluate_petrarch_gsr_with_a_silent_coder():
    report = evaluate("petrarch-gsr", lambda text: [])
    m = report.metrics
    assert report.n_sentences == 78
    assert (m["overall"]["tp"], m["overall"]["fn"]) == (0, 80)
    assert m["noevents"] == {"n": 12, "no_event": 1.0, "no_actual_event": 1.0}
    assert m["noevents_extended"]["n"] == 16 and m["noevents_all"]["n"] == 21
    assert "real-actor test records, as labelled" in report.format_text()


# --------------------------------------------------------------------------- bbc-quiet

def fired(event_type: str, trigger: str, factuality: str = "actual") -> Event:
    return event(event_type, factuality=factuality).model_copy(
        update={"trigger": Span(text=trigger, start=0, end=len(trigger))})


def article(id_: str, text: str, category: str) -> GoldSentence:
    return GoldSentence(id=id_, text=text, meta={"category": category})


def test_count_sentences_keeps_sentences_of_three_words():
    text = ('Arsenal won 2-1 at home. Yes! The match ended late on Saturday.\n\n'
            'He said: "We played well." (AP) Mr. Wenger smiled.')
    # "Yes!" has one word token; punctuation and the paragraph break are not words.
    assert quiet.count_sentences([text, "", "Goal! Great."]) == [4, 0, 0]


def test_score_quiet_rates_per_category_and_top_triggers():
    golds = [article("s1", "a", "sport"), article("s2", "b", "sport"), article("t1", "c", "tech")]
    preds = [[fired("ASSAULT", "Attack"), fired("ASSAULT", " attack"), fired("ACCUSE", "criticised", "negated")],
             [],
             [fired("ASSAULT", "attack", "future"), fired("COERCE", "ban")]]
    m = quiet.score_quiet(golds, preds, sentences=[40, 60, 50])
    assert m["per_category"] == {
        "sport": {"articles": 2, "sentences": 100, "events": 3, "actual_events": 2,
                  "events_per_100": 3.0, "actual_per_100": 2.0},
        "tech": {"articles": 1, "sentences": 50, "events": 2, "actual_events": 1,
                 "events_per_100": 4.0, "actual_per_100": 2.0}}
    assert m["overall"] == {"articles": 3, "sentences": 150, "events": 5, "actual_events": 3,
                            "events_per_100": 3.33, "actual_per_100": 2.0}
    assert m["target_per_100"] == 1.5
    # Trigger text is lower-cased and whitespace-normalised; ties are broken alphabetically.
    assert m["top_triggers"] == [{"event_type": "ASSAULT", "trigger": "attack", "count": 3},
                                 {"event_type": "ACCUSE", "trigger": "criticised", "count": 1},
                                 {"event_type": "COERCE", "trigger": "ban", "count": 1}]
    silent = quiet.score_quiet([article("e", "", "tech")], [[]], sentences=[0])
    assert silent["overall"]["events_per_100"] is None and silent["top_triggers"] == []
    with pytest.raises(ValueError):
        quiet.score_quiet(golds, preds, sentences=[1])


def test_evaluate_bbc_quiet_codes_whole_articles_and_formats(monkeypatch):
    arts = [article("bbc-sport-001", "Chelsea beat Everton on Sunday. The fans cheered loudly.", "sport"),
            article("bbc-tech-001", "Apple sued the firm in court. Analysts expect more lawsuits soon.", "tech")]
    monkeypatch.setitem(DATASETS, "bbc-quiet", DatasetInfo("bbc-quiet", "x", lambda: arts, "test"))
    seen = []

    def coder(text):
        seen.append(text)
        return [fired("ACCUSE", "sued")] if "sued" in text else []

    report = evaluate("bbc-quiet", coder)
    assert seen == [a.text for a in arts]                     # one call per article, not per sentence
    assert report.n_sentences == 4
    assert report.metrics["per_category"]["tech"]["events_per_100"] == 50.0
    assert report.to_table()[-1] == ["overall", "2", "4", "1", "25.00", "1", "25.00", "<= 1.5"]
    text = report.format_text()
    assert "bbc-quiet: 4 sentences" in text and "actual events 25.00 missed" in text
    assert "ACCUSE  sued" in text
    assert evaluate("bbc-quiet", coder, limit=1).metrics["overall"]["articles"] == 1


def test_missing_bbc_news_says_where(monkeypatch, tmp_path):
    monkeypatch.setenv("CHRONICLE_SHARED", str(tmp_path / "eval-data"))
    with pytest.raises(DatasetError, match=r"bbc-quiet: corpus not found at .*corpus.bbc-news.*CHRONICLE_SHARED"):
        quiet.load_bbc_quiet()


@pytest.mark.shared
def test_load_bbc_quiet():
    try:
        records = quiet.read_bbc_news()
    except DatasetError as exc:
        pytest.skip(f"corpus/bbc-news is absent: {exc.message}")
    by_cat = Counter(quiet.category(r["id"]) for r in records)
    assert (by_cat["sport"], by_cat["tech"]) == (511, 401)                 # SOURCE.md
    # SOURCE.md: 98 pairs identical in title and text over all categories. By text alone there
    # are 133: 35 more pairs repeat the story under a reworded headline.
    assert len(records) - len({(r["title"], r["text"]) for r in records}) == 98
    assert len(records) - len({r["text"] for r in records}) == 133
    arts = quiet.load_bbc_quiet()
    cats = Counter(a.meta["category"] for a in arts)
    assert cats == {"sport": 494, "tech": 337}                              # 17 and 64 repeats dropped
    assert len({a.text for a in arts}) == len(arts) == 831
    assert [a.meta["category"] for a in arts[:4]] == ["sport", "tech", "sport", "tech"]
