"""Count events, not reports: merge the stored events that report one real event.

Two entry points, one result:

* ``merge_new(store)`` merges the events stored since the last merge (``chronicle ingest`` after
  storing articles). It reads only what the new reports could match: the merged reports of the
  same type and factuality near them in time (``chronicle.dedup.reading``), the compatible pairs and
  components kept from earlier merges (``chronicle.dedup.state``), and the word frequencies of the
  article similarity kept in the store. New reports go in chunks of ``CHUNK_EVENTS``, in date order,
  each merged and written in one transaction: a kill leaves whole chunks merged and the rest
  waiting, and running it again merges the rest.
* ``merge_store(store, **options)`` (``chronicle dedupe``) forgets the stored merge and merges every
  stored event with ``options`` in one transaction, by the same chunks (so memory follows a chunk,
  not the store). Its settings are stored and used by later ``merge_new`` runs.

Why the two agree: the merge (``merge_reports``) clusters each connected part of the graph of
compatible pairs on its own, strongest pair first. A pair is found and scored once, when the later of
its two reports is merged (blocking decides candidates from the two reports alone); the new reports
then re-cluster only the components they join, with the stored pairs of those components. So
merging in batches gives the clusters of one merge of everything, with one documented exception:
the article similarity weighs words by their document frequency over the stored articles, and a
pair is scored with the frequencies of the moment it is found. Articles stored later shift those
frequencies a little; a full merge rescores every pair with the frequencies of the whole store,
so the two can differ for a pair whose similarity lies right at ``article_similarity``
(``tests/test_dedup_incremental.py`` measures this on real articles).

The merge is redone in full (by ``merge_new`` too) when there is no stored merge state (a store
merged by an older Chronicle, or never merged), when it was written by other rules
(``state.RULES_VERSION``), or when stored reports were re-coded away (``chronicle recode``): their
pairs and the word frequencies of their articles are no longer known.

Articles are identified by their content hash (not their ``id``, which two stored texts may share),
so a merged event's id is the hash of its reports' (content hash, event id) pairs: the same events
give the same ids in any database, in any run and in any batching.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections import Counter, OrderedDict
from dataclasses import dataclass, field
from typing import Callable, Iterable

from chronicle.dedup import (MergedEvent, MergeSettings, _candidate_pairs, _cluster, _compatible,
                             _merged, plausible)
from chronicle.dedup import reading
from chronicle.dedup import state as kept
from chronicle.dedup.evidence import ArticleSimilarity, profile_counts
from chronicle.dedup.reading import Stored
from chronicle.dedup.state import Key
from chronicle.store.db import MERGED_COLUMNS, REPORT_COLUMNS, Store, StoreError

__all__ = ["CHUNK_EVENTS", "MergeStatus", "MergeSummary", "merge_new", "merge_status", "merge_store"]

CHUNK_EVENTS = 10000
"""New events merged per chunk (and per transaction in ``merge_new``): memory follows this."""


@dataclass(frozen=True)
class MergeSummary:
    events: int          # stored events (reports)
    merged: int          # merged events stored
    articles: int        # articles those events came from
    new_events: int | None = field(default=None, compare=False)  # events merged by this run
    full: bool = field(default=True, compare=False)              # the whole store was re-merged

    @property
    def merged_away(self) -> int:
        """Events that are another report of an event already counted."""
        return self.events - self.merged

    def summary(self) -> str:
        """One line for the CLI: what the stored merge counts."""
        return (f"{self.events} events, {self.merged} merged events, "
                f"{self.merged_away} events merged away")


@dataclass(frozen=True)
class MergeStatus:
    pending: int         # stored events not merged yet (new, or re-coded)
    gone: int            # merged reports whose events are no longer stored (re-coded away)
    incremental: bool    # new events can be merged incrementally (else the next merge is full)

    @property
    def current(self) -> bool:
        """Whether the stored merge covers exactly the stored events."""
        return self.pending == 0 and self.gone == 0


def merge_status(store: Store) -> MergeStatus:
    """How far the stored merge is behind the stored events (two anti-joins, no event is read)."""
    if not store.has_table("reports") or not store.has_table("merged_events"):
        events = store.conn.execute("SELECT count(*) FROM events").fetchone()[0]
        return MergeStatus(pending=events, gone=0, incremental=False)
    pending = store.conn.execute(
        "SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM reports r "
        "WHERE r.article_seq = e.article_seq AND r.event_id = e.id)").fetchone()[0]
    gone = _gone(store)
    current = kept.load(store)
    return MergeStatus(pending, gone, current is not None and current.current and gone == 0)


Progress = Callable[[int], None]
"""Told the number of events merged so far by this run, after each chunk."""


def merge_store(store: Store, *, chunk_events: int = CHUNK_EVENTS, progress: Progress | None = None,
                **merge_options) -> MergeSummary:
    """Merge every stored event anew with ``merge_options`` (those of ``merge_reports``:
    ``window_days``, ``min_evidence``, ...) and rewrite the merge tables; one transaction."""
    _writable(store)
    settings = MergeSettings.of(**merge_options)
    with store.transaction():
        kept.create_tables(store)
        kept.reset(store, settings)
        run = _Run(kept.count_articles(store, kept.State(settings, 0, 0)), chunk_events)
        done = 0
        while keys := _pending(store, settings, chunk_events):
            _merge_chunk(store, run, keys)
            done += len(keys)
            if progress is not None:
                progress(done)
        return _summary(store, done, full=True)


def merge_new(store: Store, *, chunk_events: int = CHUNK_EVENTS,
              progress: Progress | None = None) -> MergeSummary:
    """Merge the stored events that are not merged yet, with the stored merge's settings; each chunk
    of ``chunk_events`` is one transaction. Falls back to ``merge_store`` (with the stored settings,
    else the defaults) when the stored merge cannot be extended (see the module's docstring)."""
    _writable(store)
    with store.transaction():
        kept.create_tables(store)
        current = kept.load(store)
        full = current is None or not current.current or _gone(store) > 0
        if not full:
            current = kept.count_articles(store, current)
    if full:
        options = dataclasses.asdict(current.settings) if current is not None else {}
        return merge_store(store, chunk_events=chunk_events, progress=progress, **options)
    run, done = _Run(current, chunk_events), 0
    while True:
        with store.transaction():
            keys = _pending(store, current.settings, chunk_events)
            if keys:
                _merge_chunk(store, run, keys)
        if not keys:
            return _summary(store, done, full=False)
        done += len(keys)
        if progress is not None:
            progress(done)


def _writable(store: Store) -> None:
    if store.read_only:
        raise StoreError(f"cannot merge {store.path}: it is open read-only")


def _gone(store: Store) -> int:
    return store.conn.execute(
        "SELECT count(*) FROM reports r WHERE NOT EXISTS (SELECT 1 FROM events e "
        "WHERE e.article_seq = r.article_seq AND e.id = r.event_id)").fetchone()[0]


def _summary(store: Store, done: int, full: bool) -> MergeSummary:
    events, articles = store.conn.execute(
        "SELECT count(*), count(DISTINCT article_seq) FROM events").fetchone()
    merged = store.conn.execute("SELECT count(*) FROM merged_events").fetchone()[0]
    return MergeSummary(events=events, merged=merged, articles=articles, new_events=done, full=full)


def _pending(store: Store, settings: MergeSettings, limit: int) -> list[Key]:
    """The next ``limit`` events without a ``reports`` row, in date order (a chunk's reports lie
    near each other in time, so the merged reports they could match are few)."""
    rows = store.conn.execute(
        "SELECT e.article_seq, e.id FROM events e JOIN articles a ON a.seq = e.article_seq "
        "WHERE NOT EXISTS (SELECT 1 FROM reports r WHERE r.article_seq = e.article_seq "
        "AND r.event_id = e.id) ORDER BY coalesce(e.date_first, a.published, $default::DATE) "
        "NULLS LAST, e.article_seq, e.position LIMIT $limit",
        {"default": settings.default_published, "limit": limit}).fetchall()
    return [(seq, eid) for seq, eid in rows]


# --------------------------------------------------------------------------- one chunk

class _Run:
    """One merge run: the stored state, and what its chunks share (bounded, least recently used
    first out): the events rebuilt whole and the articles' profile counts. Chunks go in date order,
    so one chunk's new reports are the next chunk's candidates."""

    def __init__(self, current: kept.State, limit: int):
        self.current, self.settings, self.limit = current, current.settings, max(limit, 1000)
        self._items: OrderedDict[Key, Stored] = OrderedDict()
        self._counts: OrderedDict[int, tuple[str, Counter]] = OrderedDict()

    def items(self, store: Store, keys: Iterable[Key]) -> dict[Key, Stored]:
        """The stored events ``keys`` as whole items."""
        keys = set(keys)
        found = {k: self._items[k] for k in keys if k in self._items}
        found.update(reading.full_items(store, keys - set(found), self.settings.default_published))
        return self._keep(self._items, found)

    def counts(self, store: Store, seqs: Iterable[int]) -> dict[str, Counter]:
        """Content hash -> stem counts of the profiles of the articles ``seqs``."""
        seqs = set(seqs)
        found = {q: self._counts[q] for q in seqs if q in self._counts}
        for seq, (doc, profile) in reading.profiles(store, seqs - set(found)).items():
            found[seq] = (doc, profile_counts(profile))
        return dict(self._keep(self._counts, found).values())

    def _keep(self, cache: OrderedDict, found: dict) -> dict:
        for key, value in found.items():
            cache[key] = value
            cache.move_to_end(key)
        while len(cache) > self.limit:
            cache.popitem(last=False)
        return found


def _merge_chunk(store: Store, run: _Run, keys: list[Key]) -> None:
    """Merge the new events ``keys`` into the stored merge (inside the caller's transaction)."""
    settings = run.settings
    new = run.items(store, keys)
    dated = sorted((s for s in new.values() if s.item.dated), key=lambda s: s.rank)
    pool = dated + reading.light_items(store, [s.item for s in dated], settings)
    pairs = _candidate_pairs([s.item for s in pool], settings.groups(), settings.radius,
                             fresh=len(dated))
    known = {s.key: s for s in pool}
    loose = settings.rules(None)
    pairs = [(pool[i].key, pool[j].key) for i, j in sorted(pairs)
             if plausible(pool[i].item, pool[j].item, loose)]
    reading.add_rule_fields([known[k] for k in {k for pair in pairs for k in pair} if k not in new])
    edges = _score(store, run, pairs, known)
    _resolve(store, run, new, known, edges)


class _Asked:
    """An article similarity that answers 0 and notes which articles were compared: a first pass
    finds the pairs whose score depends on it, so only their articles' profiles are read."""

    def __init__(self):
        self.pairs: set[tuple[str, str]] = set()

    def __call__(self, doc_a: str, doc_b: str) -> float:
        self.pairs.add((doc_a, doc_b))
        return 0.0


def _score(store: Store, run: _Run, pairs: list[tuple[Key, Key]],
           items: dict[Key, Stored]) -> list[tuple[Key, Key, int]]:
    """The compatible pairs among ``pairs`` with their strength, the article similarity weighing
    words by the stored document frequencies (as a merge of every stored article does)."""
    settings, asked = run.settings, _Asked()
    first = settings.rules(asked)
    strengths = {(a, b): _compatible(items[a].item, items[b].item, first) for a, b in pairs}
    if asked.pairs:
        seq_of = {items[k].item.doc: k[0] for pair in pairs for k in pair}
        counts = run.counts(store, {seq_of[d] for pair in asked.pairs for d in pair})
        words = set().union(*counts.values())
        rules = settings.rules(ArticleSimilarity.from_counts(counts, kept.frequencies(store, words),
                                                             run.current.articles))
        for a, b in pairs:
            if (items[a].item.doc, items[b].item.doc) in asked.pairs:
                strengths[(a, b)] = _compatible(items[a].item, items[b].item, rules)
    return [(a, b, strength) for (a, b), strength in strengths.items() if strength]


@dataclass
class _Graph:
    """The reports whose clusters the new pairs can change: the new reports with a pair, and every
    report of the stored components they join."""

    nodes: dict[Key, tuple[tuple[int, int], str]]   # key -> (rank, article content hash)
    merged: dict[Key, str]                           # old report -> its merged event now
    labels: dict[Key, str]                           # old report -> its component label
    edges: list[tuple[Key, Key, int]]                # stored and new compatible pairs


def _graph(store: Store, new: dict[Key, Stored], known: dict[Key, Stored],
           edges: list[tuple[Key, Key, int]]) -> _Graph:
    """Gather the components the new pairs touch, with their stored pairs (``known``: the items
    read so far, whose rank and article need not be read again)."""
    touched = {k for a, b, _ in edges for k in (a, b) if k not in new}
    labels = kept.members(store, set(kept.labels(store, touched).values()))
    keys = set(labels) | touched | {k for a, b, _ in edges for k in (a, b)}
    nodes = {k: (known[k].rank, known[k].item.doc) for k in keys if k in known}
    nodes.update(reading.ranks(store, keys - set(nodes)))
    merged = reading.merged_ids(store, set(labels) | touched)
    return _Graph(nodes, merged, labels, kept.pairs(store, set(labels.values())) + edges)


def _resolve(store: Store, run: _Run, new: dict[Key, Stored], known: dict[Key, Stored],
             edges: list[tuple[Key, Key, int]]) -> None:
    """Re-cluster the touched components, write the merged events that changed, keep the pairs."""
    graph = _graph(store, new, known, edges)
    order = sorted(graph.nodes, key=lambda k: graph.nodes[k][0])
    index = {k: n for n, k in enumerate(order)}
    scored = sorted((-strength, tuple(sorted((a[1], b[1]))), *sorted((index[a], index[b])))
                    for a, b, strength in graph.edges)
    clusters = [[order[n] for n in c] for c in
                _cluster(len(order), scored, [graph.nodes[k][1] for k in order], run.settings.linkage)]
    existing = set(graph.merged.values())
    ids = [_merged_id(c, graph.nodes) for c in clusters]
    build = [c for c, i in zip(clusters, ids) if i not in existing]
    build += [[k] for k in new if k not in graph.nodes]          # new reports without a pair
    full = {**new, **run.items(store, {k for c in build for k in c if k not in new})}
    _write_merged(store, existing - set(ids), [(c, _merged([full[k].item for k in c])) for c in build],
                  full)
    kept.add_pairs(store, edges)
    _relabel(store, graph)


def _merged_id(cluster: list[Key], nodes: dict) -> str:
    """The id ``_merged`` gives these reports (a hash of their content hashes and event ids)."""
    key = "|".join(sorted(f"{nodes[k][1]}/{k[1]}" for k in cluster))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _write_merged(store: Store, stale: set[str], built: list[tuple[list[Key], MergedEvent]],
                  full: dict[Key, Stored]) -> None:
    """Delete the merged events no longer formed, insert the new ones with their reports."""
    if stale:
        ids = sorted(stale)
        store.conn.execute("DELETE FROM reports WHERE merged_id IN (SELECT unnest(?::VARCHAR[]))", [ids])
        store.conn.execute("DELETE FROM merged_events WHERE id IN (SELECT unnest(?::VARCHAR[]))", [ids])
    merged_rows, report_rows = [], []
    for cluster, m in sorted(built, key=lambda b: b[1].id):
        seq_of = {(full[k].item.doc, k[1]): k[0] for k in cluster}
        rep = next(k for k in cluster if full[k].item.event is m.event)
        merged_rows.append((m.id, rep[0], m.event.id, m.num_mentions, m.num_articles, m.num_sources))
        report_rows.extend((m.id, seq_of[(r.doc_id, r.event_id)], r.event_id, position, r.source)
                           for position, r in enumerate(m.reports))
    store._insert_rows("merged_events", MERGED_COLUMNS, merged_rows)
    store._insert_rows("reports", REPORT_COLUMNS, report_rows)


def _relabel(store: Store, graph: _Graph) -> None:
    """One label per component after the new pairs joined some: the smallest label it held, or
    (a new component) its first report's key."""
    parent = {k: k for k in graph.nodes}

    def find(x: Key) -> Key:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b, _ in graph.edges:
        parent[find(a)] = find(b)
    parts: dict[Key, list[Key]] = {}
    for k in graph.nodes:
        parts.setdefault(find(k), []).append(k)
    renamed, added = {}, {}
    for part in parts.values():
        held = {graph.labels[k] for k in part if k in graph.labels}
        label = min(held) if held else min(f"{k[0]}/{k[1]}" for k in part)
        renamed.update({old: label for old in held if old != label})
        added.update({k: label for k in part if k not in graph.labels})
    kept.relabel(store, renamed, added)
