"""Count events, not reports: merge the stored events that report one real event.

``merge_store`` reads every stored event with its article's title, outlet, URL and publication day,
runs ``chronicle.dedup.merge_reports`` over them and rewrites ``merged_events`` and ``reports`` in
one transaction: afterwards every stored event has exactly one ``reports`` row naming its merged
event, and every merged event has its representative event and its counts (mentions, articles,
outlets).

Articles are identified by their content hash (not their ``id``, which two stored texts may share),
so a merged event's id is the hash of its reports' (content hash, event id) pairs: the same events
give the same ids in any database and in any run. Running the merge twice writes the same rows.

A merge is a snapshot: events ingested or re-coded afterwards are not in it until the next merge
(``require_merged`` in ``chronicle.store.query`` refuses to export a stale one).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

from chronicle.dedup import MergedEvent, merge_reports
from chronicle.schema import Article, Event
from chronicle.store.db import Store, StoreError
from chronicle.store.query import ArticleRef, iter_records


@dataclass(frozen=True)
class MergeSummary:
    events: int          # stored events (reports) read
    merged: int          # merged events written
    articles: int        # articles those events came from

    @property
    def merged_away(self) -> int:
        """Events that are another report of an event already counted."""
        return self.events - self.merged

    def summary(self) -> str:
        """One line for the CLI: what the merge did."""
        return (f"{self.events} events, {self.merged} merged events, "
                f"{self.merged_away} events merged away")


def merge_store(store: Store, **merge_options) -> MergeSummary:
    """Merge the stored events across articles and rewrite the merge tables; one transaction.

    ``merge_options`` go to ``merge_reports`` (``window_days``, ``min_evidence``, ...).
    """
    if store.read_only:
        raise StoreError(f"cannot merge {store.path}: it is open read-only")
    with store.transaction():  # read and write one snapshot
        records = list(iter_records(store))
        titles = _titles(store)
        items: list[tuple[Article, list[Event]]] = []
        seq_of: dict[tuple[str, str], int] = {}      # (content hash, event id) -> article seq
        seq_by_object: dict[int, int] = {}           # id(Event) -> article seq
        for _, group in groupby(records, key=lambda r: r[1].seq):
            group = list(group)
            ref: ArticleRef = group[0][1]
            article = Article(id=ref.content_hash, text="", title=titles.get(ref.seq),
                              published=ref.published, source=ref.source, url=ref.url)
            items.append((article, [event for event, _ in group]))
            for event, _ in group:
                seq_of[(ref.content_hash, event.id)] = ref.seq
                seq_by_object[id(event)] = ref.seq
        merged = merge_reports(items, **merge_options)
        merged_rows, report_rows = [], []
        for m in sorted(merged, key=lambda m: m.id):
            merged_rows.append((m.id, _representative_seq(m, seq_of, seq_by_object), m.event.id,
                                m.num_mentions, m.num_articles, m.num_sources))
            report_rows.extend((m.id, seq_of[(r.doc_id, r.event_id)], r.event_id, position, r.source)
                               for position, r in enumerate(m.reports))
        store.replace_merged(merged_rows, report_rows)
    return MergeSummary(events=len(records), merged=len(merged_rows), articles=len(items))


def _titles(store: Store) -> dict[int, str]:
    """Article seq -> title: the merge compares articles by their titles and event sentences (the
    texts stay in the store: a merge of every stored event must not hold every stored text)."""
    rows = store.conn.execute("SELECT seq, title FROM articles WHERE title IS NOT NULL").fetchall()
    return dict(rows)


def _representative_seq(m: MergedEvent, seq_of: dict, seq_by_object: dict) -> int:
    """The article of the representative event (``m.event`` is one of the input objects)."""
    if id(m.event) in seq_by_object:
        return seq_by_object[id(m.event)]
    for r in m.reports:  # fallback: the report with that event id (two never share one article)
        if r.event_id == m.event.id:
            return seq_of[(r.doc_id, r.event_id)]
    raise AssertionError(f"merged event {m.id} does not report its own event")
