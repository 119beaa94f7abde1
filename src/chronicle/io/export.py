"""Stored events out as JSONL, CSV or GDELT rows, streaming: what ``chronicle export`` writes (the
CLI only parses its options and opens the output)."""

from __future__ import annotations

import csv
import json

from chronicle.io.gdelt import GdeltWriter
from chronicle.io.writers import CSV_COLUMNS, CsvWriter, JsonlWriter, flat_row

MERGED_CSV_COLUMNS = ("merged_id", "num_mentions", "num_articles", "num_sources", "reports")
"""Columns ``--merged --format csv`` adds; ``reports`` is the reports' doc_ids joined with '; '."""


def write_records(fmt: str, stream, records, *, merged: bool = False, page: int = 1000) -> int:
    """Write stored records (``(event, article)`` pairs, or ``MergedRecord``s when ``merged``) to
    ``stream`` as jsonl, csv or gdelt, ``page`` at a time so memory stays flat; the count written."""
    if merged and fmt != "gdelt":
        return _write_merged(fmt, stream, records, page)
    if fmt == "gdelt":
        write_page, rows = GdeltWriter(stream).write, records   # GDELT rows need the article too
    else:
        events = JsonlWriter(stream) if fmt == "jsonl" else CsvWriter(stream)
        write_page, rows = (lambda batch: events.write(None, batch)), (event for event, _ in records)
    count, buffer = 0, []
    for row in rows:
        buffer.append(row)
        count += 1
        if len(buffer) >= page:
            write_page(buffer)
            buffer = []
    write_page(buffer)
    return count


def _write_merged(fmt: str, stream, records, page: int) -> int:
    """MergedRecords as JSONL (the representative's event record plus ``merged_id``, the counts and
    ``reports``) or CSV (the event columns plus ``MERGED_CSV_COLUMNS``)."""
    writer = None
    if fmt == "csv":
        writer = csv.DictWriter(stream, fieldnames=[*CSV_COLUMNS, *MERGED_CSV_COLUMNS])
        writer.writeheader()
    count = 0
    for record in records:
        if writer is None:
            stream.write(json.dumps(record.to_dict(), ensure_ascii=False, separators=(",", ":")) + "\n")
        else:
            writer.writerow({**flat_row(record.event), "merged_id": record.id,
                             "num_mentions": record.num_mentions, "num_articles": record.num_articles,
                             "num_sources": record.num_sources,
                             "reports": "; ".join(r.doc_id for r in record.reports)})
        count += 1
        if count % page == 0:
            stream.flush()
    stream.flush()
    return count
