"""``merge_store`` gives the merge what ``merge_reports`` compares: the stored articles' titles too."""

from __future__ import annotations

import datetime as dt

from chronicle.schema import Actor, Article, CoderInfo, Event, EventDate, Span
from chronicle.store import Store
from chronicle.dedup.store import merge_store

INFO = CoderInfo(version="0.1.0", data_version="test")
NOW = dt.datetime(2024, 5, 7, 12, 0, 0)
ARREST = "Police arrested dozens of protesters outside the parliament building on Monday night."
DETAIN = "Riot police detained dozens of protesters who had gathered outside parliament."
BUDGET = "The finance minister said the budget vote would be delayed until next month."
FINAL = "Forty thousand supporters cheered as the club captain lifted the trophy."


def report(doc: str, n: int, sentence: str, trigger: str, event_type: str = "COERCE") -> Event:
    police = Actor(text="police", start=0, end=6, country="USA", sector="COP")
    return Event(id=f"{doc}-{n}", doc_id=doc, sentence_index=n, sentence=sentence, event_type=event_type,
                 quad_class=4 if event_type == "COERCE" else 1, factuality="actual",
                 source=[police] if event_type == "COERCE" else [],
                 trigger=Span(text=trigger, start=0, end=len(trigger)),
                 date=EventDate(value="2024-05-06", precision="day", method="publication"),
                 confidence=0.7, coder=INFO)


def merged_articles(tmp_path, title_a: str, title_b: str) -> list[int]:
    """num_articles of every merged event, after storing two articles with these titles."""
    pairs = [
        (Article(id="a", text=f"{title_a}\n{ARREST} {BUDGET}", title=title_a,
                 published=dt.date(2024, 5, 6), source="Reuters"),
         [report("a", 0, ARREST, "arrested"), report("a", 1, BUDGET, "delayed", "AGREE")]),
        (Article(id="b", text=f"{title_b}\n{DETAIN} {FINAL}", title=title_b,
                 published=dt.date(2024, 5, 6), source="AP"),
         [report("b", 0, DETAIN, "detained"), report("b", 1, FINAL, "cheered", "SUPPORT")]),
    ]
    path = tmp_path / f"{len(title_a)}-{len(title_b)}.duckdb"
    with Store(path) as store:
        with store.transaction():
            store.add_articles(pairs, INFO, NOW)
        merge_store(store)
        return sorted(n for (n,) in store.conn.execute("SELECT num_articles FROM merged_events").fetchall())


def test_stored_titles_tell_the_merge_that_two_articles_are_one_story(tmp_path):
    """Generic "police" (1 point) and overlapping sentences (2) merge only with the story point,
    which here only the shared headline gives."""
    same = "Police arrest dozens at parliament protest"
    assert merged_articles(tmp_path, same, same) == [1, 1, 2]
    assert merged_articles(tmp_path, "Budget vote delayed again", "City club wins the cup") == [1, 1, 1, 1]
