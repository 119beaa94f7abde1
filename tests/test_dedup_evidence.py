"""chronicle.dedup.evidence: the word evidence the merge adds to the coded fields."""

from __future__ import annotations

from chronicle.dedup.evidence import ArticleSimilarity, content_words, overlap
from chronicle.schema import Article, CoderInfo, Event, Span


def report(doc: str, sentence: str) -> Event:
    return Event(id=f"{doc}-e", doc_id=doc, sentence_index=0, sentence=sentence, event_type="ACCUSE",
                 quad_class=3, factuality="actual", trigger=Span(text="x", start=0, end=1),
                 confidence=0.5, coder=CoderInfo(version="t", data_version="t"))


def test_content_words_drop_function_words_and_inflection():
    words = content_words("The troops were withdrawing from Syria, officials said on Monday.")
    assert words == {"troop", "withdraw", "syria", "official"}
    assert content_words("Troop withdrawn; withdraws") >= {"troop", "withdraw"}
    assert content_words("He said it was so.") == frozenset()


def test_overlap_is_jaccard_and_zero_without_words():
    assert overlap(frozenset({"a", "b"}), frozenset({"b", "c"})) == 1 / 3
    assert overlap(frozenset(), frozenset({"a"})) == 0.0


def test_article_similarity_ranks_one_story_above_another():
    items = [
        (Article(id="nyt", text="", title="Mattis resigns over Syria withdrawal"),
         [report("nyt", "Jim Mattis resigned in protest of the decision to withdraw troops from Syria.")]),
        (Article(id="fox", text="", title="Mattis to leave Pentagon after Syria pullout"),
         [report("fox", "Defense Secretary Jim Mattis will leave after Trump pulled troops out of Syria.")]),
        (Article(id="hp", text="", title="House passes farm bill"),
         [report("hp", "The House passed the farm bill with support from both parties.")]),
    ]
    sim = ArticleSimilarity(items)
    assert sim("nyt", "fox") == sim("fox", "nyt") > 0.3
    assert sim("nyt", "hp") < 0.1
    assert sim("nyt", "unknown") == 0.0
