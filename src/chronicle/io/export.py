"""Stored events out as JSONL, CSV, a long CSV of actors, GDELT events or GDELT mentions, streaming:
what ``chronicle export`` writes (the CLI only parses its options and opens the output).

Every row carries its article (``chronicle.io.rows``): JSONL an ``article`` object, the CSVs
``article_*`` columns. Records are read and written a page at a time, so memory stays flat.
Parquet is written by DuckDB itself (``chronicle.io.parquet``).
"""

from __future__ import annotations

import dataclasses
import json
from typing import IO, Iterable, Iterator

from chronicle.io.gdelt import GdeltWriter
from chronicle.io.mentions import MentionsWriter, mention_rows, merged_reports, report_of_event
from chronicle.io.rows import json_row
from chronicle.io.selection import ArticleLookup, Selection, pages
from chronicle.io.table_schema import field_names
from chronicle.io.writers import CsvActorsWriter, CsvWriter, csv_line, flat_row
from chronicle.store import Store, iter_records
from chronicle.store.query import MergedRecord, iter_merged

STREAM_FORMATS = ("jsonl", "csv", "csv-actors", "gdelt", "gdelt-mentions")
"""Formats written to a stream (stdout or --out); Parquet and SQLite need a file."""
MERGED_CSV_COLUMNS = field_names("events-merged")[len(field_names("events")):]
"""Columns ``--merged --format csv`` adds; ``reports`` is the reports' doc_ids joined with '; '."""


def select_records(store: Store, selection: Selection, *, merged: bool = False,
                   page: int = 1000) -> Iterator:
    """The selected records: ``(Event, ArticleRef)`` pairs, or ``MergedRecord``s with ``merged``
    (which raises StoreError at once when the merge is missing or stale)."""
    store_filter = selection.filters
    if len(selection.factualities) == 1:  # one value: let the store's query do the filtering
        store_filter = dataclasses.replace(store_filter, factuality=selection.factualities[0])
    if merged:
        records = iter_merged(store, selection.since, selection.until, store_filter, batch_size=page)
        return (r for r in records if selection.keep(r.event))
    records = iter_records(store, selection.since, selection.until, store_filter, batch_size=page)
    return (r for r in records if selection.keep(r[0]))


def write_records(fmt: str, stream: IO[str], records: Iterable, lookup: ArticleLookup, *,
                  merged: bool = False, page: int = 1000) -> int:
    """Write records (from ``select_records``) to ``stream`` in ``fmt``, ``page`` at a time; the
    number of events (or merged events) written."""
    writer = _PAGE_WRITERS[fmt](stream, lookup, merged)
    count = 0
    for batch in pages(records, page):
        writer(batch)
        count += len(batch)
    stream.flush()
    return count


def _split(record) -> tuple:
    """(event, article ref) of a record, merged or not."""
    return (record.event, record.ref) if isinstance(record, MergedRecord) else record


def _jsonl(stream, lookup, merged):
    def write(batch):
        articles = lookup.fetch(_split(r)[1].seq for r in batch)
        for record in batch:
            event, ref = _split(record)
            info = articles[ref.seq][0]
            if merged:
                row = {**record.to_dict(), "article": info.model_dump(mode="json")}
            else:
                row = json_row(event, info)
            stream.write(json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n")
        stream.flush()
    return write


def _csv(stream, lookup, merged):
    if not merged:
        return _rows_writer(CsvWriter(stream), lookup)
    columns = field_names("events-merged")
    stream.write(csv_line(columns))

    def write(batch):
        articles = lookup.fetch(r.ref.seq for r in batch)
        for record in batch:
            row = flat_row(record.event, articles[record.ref.seq][0])
            row.update(merged_id=record.id, num_mentions=record.num_mentions,
                       num_articles=record.num_articles, num_sources=record.num_sources,
                       reports="; ".join(r.doc_id for r in record.reports))
            stream.write(csv_line(row[c] for c in columns))
        stream.flush()
    return write


def _rows_writer(writer: CsvWriter, lookup: ArticleLookup):
    def write(batch):
        articles = lookup.fetch(ref.seq for _, ref in batch)
        for event, ref in batch:
            writer.write(articles[ref.seq][0], [event])
    return write


def _gdelt(stream, lookup, merged):
    return GdeltWriter(stream).write


def _mentions(stream, lookup, merged):
    writer = MentionsWriter(stream)

    def write(batch):
        if merged:
            reports = merged_reports(lookup.store, [r.id for r in batch])
            writer.write(row for r in batch for row in mention_rows(r.event, r.ref, reports[r.id], r))
            return
        articles = lookup.fetch(ref.seq for _, ref in batch)
        writer.write(row for event, ref in batch
                     for row in mention_rows(event, ref, [report_of_event(event, ref, articles[ref.seq][1])]))
    return write


_PAGE_WRITERS = {
    "jsonl": _jsonl, "csv": _csv, "gdelt": _gdelt, "gdelt-mentions": _mentions,
    "csv-actors": lambda stream, lookup, merged: _rows_writer(CsvActorsWriter(stream), lookup),
}
