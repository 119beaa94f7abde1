"""Each merged repeat of an event keeps the words that name its actors (``Repeat.source``/``target``):
the assembler records them in the record's roles, the store and JSON keep them (older records without
them still load), the explorer can mark them and the realnews scorer reads a repeat's actors in the
repeat's own sentence, exactly as strictly as a first report's."""

from __future__ import annotations

import datetime as dt
import json

from chronicle.evaluate.in_article import code_in_articles
from chronicle.evaluate.realnews import RealNewsEvent, RealNewsSentence, score_realnews
from chronicle.schema import QUAD_CLASS, Actor, ActorWords, Article, CoderInfo, Event, Repeat, Span
from chronicle.stages.assemble import merge_repeats
from chronicle.store import Store
from chronicle.store.query import iter_records
from tests.coding import events_of

INFO = CoderInfo(version="t", data_version="t")


def actor(text: str, start: int, key: str, country: str, method: str = "knowledge-base") -> Actor:
    return Actor(text=text, start=start, end=start + len(text), actor_id=key, country=country, method=method)


def record(trigger: str, at: int, source: list[Actor], target: list[Actor], event_type: str = "CONSULT") -> Event:
    return Event(id=f"e{at}", doc_id="d", sentence_index=0, sentence="", event_type=event_type,
                 quad_class=QUAD_CLASS[event_type], factuality="actual", source=source, target=target,
                 trigger=Span(text=trigger, start=at, end=at + len(trigger)), confidence=0.9, coder=INFO)


# -- the assembler ----------------------------------------------------------------------------------
def test_a_repeat_keeps_the_words_its_own_report_names_the_actors_with(coder):
    text = ("Chile accused Peru of dumping waste in a shared river on Monday. Farmers said the water "
            "had turned brown. Santiago also accused Lima of ignoring earlier complaints, an official said.")
    [accuse] = [e for e in events_of(coder, text, "2026-03-02") if e.event_type == "ACCUSE"]
    assert accuse.mentions == 2 and [a.text for a in accuse.source] == ["Chile"]
    [rep] = accuse.repeats
    assert text[rep.start:rep.end] == "accused" and rep.start > text.index("Santiago")
    assert [text[w.start:w.end] for w in rep.source] == ["Santiago"]
    assert [text[w.start:w.end] for w in rep.target] == ["Lima"]
    assert accuse.source[0].start == 0  # the record keeps the first report's words


def test_a_report_naming_the_sides_swapped_gives_its_words_in_the_records_roles():
    """"Putin met Erdogan" then "Erdogan met Putin": one record; the repeat's words for the record's
    source (Putin) are the second report's target words."""
    putin, erdogan = ("putin", "RUS"), ("erdogan", "TUR")
    first = record("met", 6, [actor("Putin", 0, *putin)], [actor("Erdogan", 10, *erdogan)])
    second = record("met", 50, [actor("Erdogan", 42, *erdogan)], [actor("Mr Putin", 54, *putin)])
    [merged] = merge_repeats([first, second])
    [rep] = merged.repeats
    assert [(w.text, w.start) for w in rep.source] == [("Mr Putin", 54)]
    assert [(w.text, w.start) for w in rep.target] == [("Erdogan", 42)]


def test_merging_a_record_that_already_had_repeats_carries_their_words_over():
    a, b = ("a", "AAA"), ("b", "BBB")
    first = record("met", 5, [actor("Aland", 0, *a)], [actor("Bland", 9, *b)])
    earlier = Repeat(text="met", start=75, end=78, source=[ActorWords(text="Bland", start=69, end=74)],
                     target=[ActorWords(text="Aland", start=79, end=84)])
    swapped = record("talks", 50, [actor("Bland", 40, *b)], [actor("Aland", 60, *a)]).model_copy(
        update={"repeats": [earlier], "mentions": 2})
    [merged] = merge_repeats([first, swapped])
    assert merged.mentions == 3
    assert [(r.text, [w.start for w in r.source], [w.start for w in r.target]) for r in merged.repeats] == [
        ("talks", [60], [40]), ("met", [79], [69])]


def test_reports_of_different_events_are_not_merged_and_keep_no_repeat_words():
    first = record("met", 6, [actor("Putin", 0, "putin", "RUS")], [actor("Erdogan", 10, "erdogan", "TUR")])
    other = record("met", 50, [actor("Putin", 44, "putin", "RUS")], [actor("Macron", 54, "macron", "FRA")])
    assert [e.repeats for e in merge_repeats([first, other])] == [[], []]


# -- JSON and the store ----------------------------------------------------------------------------
def test_an_old_record_whose_repeats_hold_only_the_trigger_loads():
    old = json.loads(record("met", 6, [], []).model_dump_json())
    old["repeats"] = [{"text": "talks", "start": 40, "end": 45}]
    [rep] = Event.model_validate(old).repeats
    assert (rep.text, rep.source, rep.target) == ("talks", [], [])


def test_the_store_keeps_a_repeats_actor_words_and_reads_an_old_row(tmp_path):
    rep = Repeat(text="met", start=50, end=53, source=[ActorWords(text="Mr Putin", start=54, end=62, method="anaphor:Putin")],
                 target=[ActorWords(text="Erdogan", start=42, end=49)])
    event = record("met", 6, [actor("Putin", 0, "putin", "RUS")], [actor("Erdogan", 10, "erdogan", "TUR")]
                   ).model_copy(update={"repeats": [rep], "mentions": 2})
    with Store(tmp_path / "c.duckdb") as store:
        with store.transaction():
            store.add_articles([(Article(id="d", text="x" * 70, published=dt.date(2026, 3, 2)), [event])],
                               INFO, dt.datetime(2026, 3, 3))
        [(back, _)] = list(iter_records(store))
        assert back.repeats == [rep]
        store.conn.execute("""UPDATE events SET repeats = '[{"text": "met", "start": 50, "end": 53}]'""")
        [(old, _)] = list(iter_records(store))
    assert old.repeats == [Repeat(text="met", start=50, end=53)]


# -- the realnews scorer ---------------------------------------------------------------------------
ARTICLE = ("Chile and Peru held talks in Lima on Monday. Rain fell all day. "
           "The Chilean minister met Peru's foreign minister again on Tuesday.")


def scored(tmp_path, monkeypatch, repeat_source, gold_source: str, gold_country: str,
           extra_source: Actor | None = None) -> float | None:
    """``given_type`` of the source when the third sentence is a repeat whose source words are
    ``repeat_source`` (``None``: the repeat named no source)."""
    folder = tmp_path / "corpus" / "bbc-news"
    folder.mkdir(parents=True)
    (folder / "bbc-news.jsonl").write_text(json.dumps({"id": "art", "text": ARTICLE, "title": "t"}) + "\n")
    (tmp_path / "eval-data").mkdir()
    monkeypatch.setenv("CHRONICLE_SHARED", str(tmp_path))
    met = ARTICLE.index("met")
    words = [] if repeat_source is None else [
        ActorWords(text=repeat_source, start=ARTICLE.index(repeat_source), end=ARTICLE.index(repeat_source) + len(repeat_source))]
    sources = [actor("Chile", 0, "chile", "CHL"), *([extra_source] if extra_source else [])]
    event = record("talks", ARTICLE.index("talks"), sources, []).model_copy(
        update={"mentions": 2, "repeats": [Repeat(text="met", start=met, end=met + 3, source=words)]})
    third = ARTICLE.split(". ")[2]
    start = ARTICLE.index(third)
    gold = RealNewsSentence(id="s3", text=third, corpus="bbc-news", article_id="art", start=start,
                            end=start + len(third), noevent=False,
                            events=[RealNewsEvent("CONSULT", "actual", "met", gold_source, gold_country)])
    predicted, _ = code_in_articles([gold], lambda art: [event], lambda text, published=None: [])
    return score_realnews([gold], predicted)["type_source"]["given_type"]


def test_the_scorer_matches_a_repeats_actor_in_its_own_sentence(tmp_path, monkeypatch):
    assert scored(tmp_path, monkeypatch, "The Chilean minister", "The Chilean minister", "CHL") == 1.0


def test_the_scorer_is_as_strict_for_a_repeat_as_for_a_first_report(tmp_path, monkeypatch):
    """Other words of the sentence, or the right words with the wrong country, do not match."""
    assert scored(tmp_path, monkeypatch, "The Chilean minister", "Peru's foreign minister", "CHL") == 0.0


def test_a_repeat_of_the_wrong_country_does_not_match(tmp_path, monkeypatch):
    assert scored(tmp_path, monkeypatch, "The Chilean minister", "The Chilean minister", "PER") == 0.0


def test_an_actor_the_repeat_did_not_name_is_not_scored_in_its_sentence(tmp_path, monkeypatch):
    """The record's actor has no words in the repeat's sentence: the sentence is scored as a report
    naming no source, so a named gold source does not match (the first report's country does not
    count there)."""
    assert scored(tmp_path, monkeypatch, None, "The Chilean minister", "CHL") == 0.0


def test_a_repeat_naming_one_of_two_source_actors_is_scored_with_that_one_only(tmp_path, monkeypatch):
    """Chile and Peru are the record's sources; the repeat names only Chile ("The Chilean minister"):
    Peru's country does not make a gold Peruvian source match those words."""
    assert scored(tmp_path, monkeypatch, "The Chilean minister", "The Chilean minister", "PER",
                  extra_source=actor("Peru", 10, "peru", "PER")) == 0.0
