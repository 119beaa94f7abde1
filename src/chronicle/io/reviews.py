"""Reviews out: what people who checked stored events said about them, each with the event it judges.

``chronicle export --reviews`` writes one row per review (``chronicle.store.reviews``), oldest first:
in JSONL the review's fields plus ``event`` (the event record as stored now, with its ``article``, or
null when the event is no longer stored); in CSV the review's fields, the corrections as columns and
the few event fields a reader needs to see what was judged.
"""

from __future__ import annotations

import csv
import json
from typing import Iterator

from chronicle.io.rows import ArticleInfo, json_row, outlet
from chronicle.store.db import Store
from chronicle.store.query import stored_event
from chronicle.store.reviews import iter_reviews

REVIEW_CSV_COLUMNS = (
    "review_id", "event_id", "article_seq", "verdict", "corrected_event_type", "corrected_factuality",
    "corrected_source", "corrected_target", "reviewer", "note", "created_at", "event_stored",
    "event_type", "factuality", "cameo", "source_names", "target_names", "trigger_text", "sentence",
    "doc_id", "article_title", "article_source",
)
"""The columns of ``--reviews --format csv``; corrected actors are JSON lists of {name, country, sector}."""


def reviewed_events(store: Store) -> Iterator[tuple[dict, dict | None]]:
    """(review, the JSON row of its event with its article, or None) for every review, oldest first."""
    for review in iter_reviews(store):
        found = stored_event(store, review["article_seq"], review["event_id"])
        if found is None:
            yield review, None
            continue
        event, ref = found
        info = ArticleInfo(id=ref.id, title=ref.title, published=ref.published,
                           published_assumed=bool(ref.published_assumed),
                           source=outlet(ref.source, ref.url), url=ref.url)
        yield review, json_row(event, info)


def write_reviews(fmt: str, stream, store: Store) -> int:
    """Write every review as ``jsonl`` or ``csv`` to ``stream``; the number written."""
    writer = None
    if fmt == "csv":
        writer = csv.DictWriter(stream, fieldnames=REVIEW_CSV_COLUMNS)
        writer.writeheader()
    count = 0
    for review, event in reviewed_events(store):
        if writer is None:
            stream.write(json.dumps({**review, "event": event}, ensure_ascii=False,
                                    separators=(",", ":")) + "\n")
        else:
            writer.writerow(review_csv_row(review, event))
        count += 1
    stream.flush()
    return count


def review_csv_row(review: dict, event: dict | None) -> dict:
    """One CSV row of a review and (when still stored) the event it judges."""
    fixes = review["corrections"] or {}
    row = {"review_id": review["id"], "event_id": review["event_id"],
           "article_seq": review["article_seq"], "verdict": review["verdict"],
           "corrected_event_type": fixes.get("event_type"), "corrected_factuality": fixes.get("factuality"),
           "corrected_source": _json(fixes.get("source")), "corrected_target": _json(fixes.get("target")),
           "reviewer": review["reviewer"], "note": review["note"], "created_at": review["created_at"],
           "event_stored": event is not None}
    if event is not None:
        article = event.get("article") or {}
        row.update(event_type=event["event_type"], factuality=event["factuality"], cameo=event["cameo"],
                   source_names=_names(event["source"]), target_names=_names(event["target"]),
                   trigger_text=event["trigger"]["text"], sentence=event["sentence"],
                   doc_id=event["doc_id"], article_title=article.get("title"),
                   article_source=article.get("source"))
    return row


def _json(value) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def _names(actors: list[dict]) -> str | None:
    names = [a.get("name") or a.get("text") for a in actors]
    return "; ".join(n for n in names if n) or None
