"""What a store keeps about its merge, besides ``merged_events`` and ``reports``: the tables that let
new reports be merged without reading the old ones again (``chronicle.dedup.store``).

* ``dedup_state`` (one row): the merge's settings and ``RULES_VERSION`` (as JSON), the number of
  articles counted in the word frequencies and ``counted_through``, the highest article ``seq``
  counted (articles are counted once, in ``seq`` order, before their events are merged).
* ``dedup_words``: for each word stem, the number of stored articles whose profile (title and event
  sentences, ``chronicle.dedup.evidence``) holds it: the document frequencies of the article
  similarity, which a merge of everything counts over every article.
* ``dedup_pairs``: every compatible pair of stored reports with its strength, found when the later
  of the two was merged (``seq_a``/``id_a`` and ``seq_b``/``id_b`` name the two events).
* ``dedup_nodes``: the connected component (``component``, a label) of every report that has a
  compatible pair; a report without one is its own component and has no row. Clustering runs
  component by component, so new reports only re-cluster the components they join.

Which events are merged is the ``reports`` table itself: an event without a ``reports`` row is
waiting to be merged, a ``reports`` row without its event was re-coded away (the next merge is then
a full one). One case is only approximated until the next full merge: an article that had no events
when it was counted and gains some by ``chronicle recode`` keeps its words out of the frequencies.
Every table here is created idempotently inside the merge's own transaction, so an older store
gains them on its first merge and a killed merge leaves none of its writes behind.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass
from typing import Iterable

from chronicle.dedup import MergeSettings
from chronicle.dedup.evidence import article_profile, profile_words
from chronicle.store.db import Store

RULES_VERSION = 1
"""Raised when the rules change what a stored pair means: a stored merge of another version is redone
in full by the next merge."""

_TABLES = """
CREATE TABLE IF NOT EXISTS dedup_state (
    settings VARCHAR NOT NULL, articles BIGINT NOT NULL, counted_through BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS dedup_words (word VARCHAR NOT NULL, df BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS dedup_pairs (
    seq_a BIGINT NOT NULL, id_a VARCHAR NOT NULL, seq_b BIGINT NOT NULL, id_b VARCHAR NOT NULL,
    strength INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS dedup_nodes (
    article_seq BIGINT NOT NULL, event_id VARCHAR NOT NULL, component VARCHAR NOT NULL
);
"""
TABLES = ("dedup_state", "dedup_words", "dedup_pairs", "dedup_nodes")

PROFILE_PAGE = 20000
"""Article seqs read per query when counting word frequencies (memory stays one page)."""


@dataclass(frozen=True)
class State:
    """The stored merge's settings and how far its word frequencies reach; ``current`` is False when
    another version of the rules wrote it (its pairs then mean something else: merge anew)."""

    settings: MergeSettings
    articles: int
    counted_through: int
    current: bool = True


def create_tables(store: Store) -> None:
    """Create the merge's own tables when missing (call inside the merge's transaction)."""
    store.conn.execute(_TABLES)


def settings_json(settings: MergeSettings) -> str:
    """The settings as stored, with the rules version: a stored merge of other settings is redone."""
    fields = dataclasses.asdict(settings)
    fields["compatible_types"] = [list(p) for p in settings.compatible_types]
    published = settings.default_published
    fields["default_published"] = published.isoformat() if published else None
    return json.dumps({"rules": RULES_VERSION, **fields}, sort_keys=True)


def load(store: Store) -> State | None:
    """The stored state, or None when there is none."""
    if not store.has_table("dedup_state"):
        return None
    row = store.conn.execute("SELECT settings, articles, counted_through FROM dedup_state").fetchone()
    if row is None:
        return None
    fields = json.loads(row[0])
    rules = fields.pop("rules", None)
    try:
        fields["compatible_types"] = tuple(tuple(p) for p in fields["compatible_types"])
        if fields["default_published"]:
            fields["default_published"] = dt.date.fromisoformat(fields["default_published"])
        settings = MergeSettings(**fields)
    except (KeyError, TypeError, ValueError):
        return State(MergeSettings(), row[1], row[2], current=False)
    return State(settings, row[1], row[2], current=rules == RULES_VERSION)


def reset(store: Store, settings: MergeSettings) -> None:
    """Forget the whole merge (a full merge starts here): merge tables emptied, settings stored."""
    for table in ("reports", "merged_events", "dedup_words", "dedup_pairs", "dedup_nodes", "dedup_state"):
        store.conn.execute(f"DELETE FROM {table}")
    store.conn.execute("INSERT INTO dedup_state VALUES (?, 0, 0)", [settings_json(settings)])


def count_articles(store: Store, state: State) -> State:
    """Add the articles stored after ``state.counted_through`` (those with events) to the word
    frequencies, a range of ``PROFILE_PAGE`` seqs at a time; returns the new state (also stored)."""
    articles, delta = state.articles, Counter()
    last = store.conn.execute("SELECT coalesce(max(seq), 0) FROM articles").fetchone()[0]
    for start in range(state.counted_through, last, PROFILE_PAGE):
        rows = store.conn.execute(
            "SELECT a.seq, a.title, list(e.sentence) FROM articles a JOIN events e "
            "ON e.article_seq = a.seq WHERE a.seq > ? AND a.seq <= ? AND e.article_seq > ? "
            "AND e.article_seq <= ? GROUP BY a.seq, a.title",
            [start, start + PROFILE_PAGE] * 2).fetchall()
        for _, title, sentences in rows:
            delta.update(profile_words(article_profile(title, sentences)))
        articles += len(rows)
    _add_words(store, delta)
    through = max(last, state.counted_through)
    store.conn.execute("UPDATE dedup_state SET articles = ?, counted_through = ?", [articles, through])
    return dataclasses.replace(state, articles=articles, counted_through=through)


def _add_words(store: Store, delta: Counter) -> None:
    """Raise the document frequencies by ``delta`` (new words are inserted)."""
    if not delta:
        return
    words, counts = list(delta), list(delta.values())
    values = "(SELECT unnest($w::VARCHAR[]) AS w, unnest($n::BIGINT[]) AS n)"
    params = {"w": words, "n": counts}
    store.conn.execute(f"UPDATE dedup_words SET df = dedup_words.df + d.n FROM {values} d "
                       f"WHERE dedup_words.word = d.w", params)
    store.conn.execute(f"INSERT INTO dedup_words SELECT d.w, d.n FROM {values} d WHERE NOT EXISTS "
                       f"(SELECT 1 FROM dedup_words x WHERE x.word = d.w)", params)


def frequencies(store: Store, words: Iterable[str]) -> dict[str, int]:
    """The stored document frequency of each of ``words`` that has one."""
    words = list(set(words))
    if not words:
        return {}
    return dict(store.conn.execute("SELECT word, df FROM dedup_words WHERE word IN "
                                   "(SELECT unnest(?::VARCHAR[]))", [words]).fetchall())


Key = tuple[int, str]
"""A stored event: (article seq, event id)."""


def _keys_relation(name: str = "k") -> str:
    return f"(SELECT unnest($seqs::BIGINT[]) AS s, unnest($ids::VARCHAR[]) AS i) {name}"


def _key_params(keys: Iterable[Key]) -> dict:
    keys = list(keys)
    return {"seqs": [k[0] for k in keys], "ids": [k[1] for k in keys]}


def labels(store: Store, keys: Iterable[Key]) -> dict[Key, str]:
    """The component label of each of ``keys`` that has a compatible pair."""
    rows = store.conn.execute(
        f"SELECT n.article_seq, n.event_id, n.component FROM dedup_nodes n JOIN {_keys_relation()} "
        f"ON n.article_seq = k.s AND n.event_id = k.i", _key_params(keys)).fetchall()
    return {(s, i): c for s, i, c in rows}


def members(store: Store, components: Iterable[str]) -> dict[Key, str]:
    """Every report of the ``components`` with its label."""
    rows = store.conn.execute(
        "SELECT article_seq, event_id, component FROM dedup_nodes WHERE component IN "
        "(SELECT unnest(?::VARCHAR[]))", [sorted(set(components))]).fetchall()
    return {(s, i): c for s, i, c in rows}


def pairs(store: Store, components: Iterable[str]) -> list[tuple[Key, Key, int]]:
    """The stored compatible pairs inside the ``components``."""
    rows = store.conn.execute(
        "SELECT p.seq_a, p.id_a, p.seq_b, p.id_b, p.strength FROM dedup_pairs p JOIN dedup_nodes n "
        "ON n.article_seq = p.seq_a AND n.event_id = p.id_a WHERE n.component IN "
        "(SELECT unnest(?::VARCHAR[]))", [sorted(set(components))]).fetchall()
    return [((sa, ia), (sb, ib), strength) for sa, ia, sb, ib, strength in rows]


def add_pairs(store: Store, new: list[tuple[Key, Key, int]]) -> None:
    """Store newly found compatible pairs."""
    if new:
        store.conn.execute(
            "INSERT INTO dedup_pairs SELECT unnest($sa::BIGINT[]), unnest($ia::VARCHAR[]), "
            "unnest($sb::BIGINT[]), unnest($ib::VARCHAR[]), unnest($st::INTEGER[])",
            {"sa": [a[0] for a, _, _ in new], "ia": [a[1] for a, _, _ in new],
             "sb": [b[0] for _, b, _ in new], "ib": [b[1] for _, b, _ in new],
             "st": [s for _, _, s in new]})


def relabel(store: Store, renamed: dict[str, str], added: dict[Key, str]) -> None:
    """Give joined components one label (``renamed``: old label -> new) and label the reports that
    have their first compatible pair (``added``)."""
    if renamed:
        store.conn.execute(
            "UPDATE dedup_nodes SET component = m.new FROM (SELECT unnest($old::VARCHAR[]) AS old, "
            "unnest($new::VARCHAR[]) AS new) m WHERE dedup_nodes.component = m.old",
            {"old": list(renamed), "new": list(renamed.values())})
    if added:
        store.conn.execute(
            "INSERT INTO dedup_nodes SELECT unnest($seqs::BIGINT[]), unnest($ids::VARCHAR[]), "
            "unnest($labels::VARCHAR[])", {**_key_params(added), "labels": list(added.values())})
