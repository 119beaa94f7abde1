"""Reviews as data: training examples for ``chronicle train`` and a gold file for ``chronicle eval``.

A review (``chronicle.store.reviews``) judges one stored event. What it says about the event's type
at its trigger:

- ``right``: the coded type is right (a positive example of that type);
- a corrected ``event_type``: the trigger reports an event of the corrected type (whatever the
  verdict);
- ``wrong`` with no correction at all: no event of the coded type at that trigger (a negative:
  the candidate head's NONE);
- ``wrong`` with only the actors or factuality corrected: the reviewer fixed those fields and left
  the type, so the type stands (a positive);
- no verdict and no type correction: nothing about the type (skipped).

When one event has several reviews the latest speaks for it (a reviewer may change their mind; the
earlier ones are counted as superseded). A review whose event is no longer stored (a re-code can
drop or re-number events; reviews stay) is skipped and counted.

The trigger's offsets are stored in article characters; the classifier reads them within the
event's sentence (stripped, as ``Event.sentence``), found in the article text around the trigger.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from chronicle.models.event_classifier import Candidate
from chronicle.models.training import LabelledCandidate, TrainingError
from chronicle.schema import PLOVER_TYPES
from chronicle.store.reviews import iter_reviews

SKIP_REASONS = {
    "event_gone": "event no longer stored",
    "no_judgement": "no verdict and no type correction",
    "superseded": "superseded by a later review of the same event",
    "trigger_not_in_sentence": "trigger not found in its sentence",
    "unknown_type": "corrected event_type is not a PLOVER type",
}
"""Why a review gives no training example, as ``chronicle train`` reports it."""

_EVENT_SQL = """
SELECT e.id, e.sentence_index, e.sentence, e.event_type, e.trigger_text, e.trigger_start, e.trigger_end,
       e.doc_id, a.published, a.text,
       (SELECT s.text FROM event_actors s WHERE s.article_seq = e.article_seq AND s.event_id = e.id
        AND s.side = 'source' ORDER BY s.position LIMIT 1) AS source_text,
       (SELECT t.text FROM event_actors t WHERE t.article_seq = e.article_seq AND t.event_id = e.id
        AND t.side = 'target' ORDER BY t.position LIMIT 1) AS target_text
FROM events e JOIN articles a ON a.seq = e.article_seq
WHERE e.article_seq = ? AND {where} ORDER BY e.position
"""
_FIELDS = ("id", "sentence_index", "sentence", "event_type", "trigger_text", "trigger_start",
           "trigger_end", "doc_id", "published", "article_text", "source_text", "target_text")


@dataclass
class ReviewedEvent:
    """A review with the stored event it judges (``event`` None when no longer stored) and what it
    says about the type at the trigger (``label``: a type, NONE, or None with ``skip`` saying why)."""

    review: dict
    event: dict | None
    label: str | None
    skip: str | None = None


def review_label(review: dict) -> tuple[str | None, str | None]:
    """(label, skip reason) of one review, by the rules in the module docstring; ``CODED`` stands
    for the event's coded type."""
    fixes = review.get("corrections") or {}
    corrected = fixes.get("event_type")
    if corrected:
        corrected = str(corrected).upper()
        return (corrected, None) if corrected in PLOVER_TYPES else (None, "unknown_type")
    if review.get("verdict") == "right":
        return "CODED", None
    if review.get("verdict") == "wrong":
        return ("CODED", None) if any(fixes.get(k) for k in ("source", "target", "factuality")) else ("NONE", None)
    return None, "no_judgement"


def _events(conn, article_seq: int, where: str, params: list) -> list[dict]:
    rows = conn.execute(_EVENT_SQL.format(where=where), [article_seq, *params]).fetchall()
    return [dict(zip(_FIELDS, row)) for row in rows]


def reviewed_events(store) -> Iterator[ReviewedEvent]:
    """Every review of the store, oldest first, with its event and label (see the module docstring);
    an earlier review of an event reviewed again later is marked superseded."""
    reviews = list(iter_reviews(store))
    latest = {(r["article_seq"], r["event_id"]): r["id"] for r in reviews}
    for review in reviews:
        found = _events(store.conn, review["article_seq"], "e.id = ?", [review["event_id"]])
        event = found[0] if found else None
        if event is None:
            yield ReviewedEvent(review, None, None, "event_gone")
        elif latest[(review["article_seq"], review["event_id"])] != review["id"]:
            yield ReviewedEvent(review, event, None, "superseded")
        else:
            label, skip = review_label(review)
            yield ReviewedEvent(review, event, event["event_type"] if label == "CODED" else label, skip)


def sentence_candidate(event: dict) -> Candidate | None:
    """The event as the classifier sees it: its sentence and the trigger's offsets within it (None
    when the trigger cannot be placed in the sentence)."""
    sentence, text = event["sentence"] or "", event["article_text"] or ""
    start, end = event["trigger_start"], event["trigger_end"]
    at = text.find(sentence) if sentence else -1
    while at >= 0 and start is not None:
        if at <= start and end <= at + len(sentence):
            return Candidate(sentence, start - at, end - at, event["event_type"])
        at = text.find(sentence, at + 1)
    trigger = event["trigger_text"] or ""
    i = sentence.find(trigger) if trigger else -1
    if i < 0 or sentence.find(trigger, i + 1) >= 0:  # absent, or ambiguous: which one was meant?
        return None
    return Candidate(sentence, i, i + len(trigger), event["event_type"])


def training_examples(store) -> tuple[list[LabelledCandidate], dict]:
    """The reviews of ``store`` as candidate-head examples, and the counts ``chronicle train``
    reports (reviews, used, positives, negatives, corrected, skipped by reason)."""
    examples: list[LabelledCandidate] = []
    skipped: Counter = Counter()
    total = corrected = 0
    for item in reviewed_events(store):
        total += 1
        if item.label is None:
            skipped[item.skip] += 1
            continue
        cand = sentence_candidate(item.event)
        if cand is None:
            skipped["trigger_not_in_sentence"] += 1
            continue
        examples.append(LabelledCandidate(cand, item.label))
        corrected += item.label not in ("NONE", cand.event_type)
    if total == 0:
        raise TrainingError(f"{store.path}: no reviews stored (review events in 'chronicle serve' first)")
    counts = {"reviews": total, "used": len(examples),
              "positives": sum(1 for x in examples if x.label != "NONE"),
              "negatives": sum(1 for x in examples if x.label == "NONE"), "corrected_type": corrected,
              "skipped": {SKIP_REASONS[k]: v for k, v in sorted(skipped.items())}}
    return examples, counts


# --------------------------------------------------------------------------- gold file

def gold_records(store) -> list[dict]:
    """One plover-dev gold record per reviewed sentence (``chronicle.evaluate.goldfile``): its
    relations are the reviewed events' types as reviewers left them (a rejected event gives none)
    and, for the sentence's events nobody reviewed, their coded types (reviewers said nothing
    against them; ``unreviewed`` counts them)."""
    verdicts: dict[tuple[int, int], dict[str, ReviewedEvent]] = {}
    for item in reviewed_events(store):
        if item.event is not None and item.skip != "superseded":
            key = (item.review["article_seq"], item.event["sentence_index"])
            verdicts.setdefault(key, {})[item.event["id"]] = item
    records = []
    for (seq, index), judged in verdicts.items():
        if all(item.label is None for item in judged.values()):
            continue
        events = _events(store.conn, seq, "e.sentence_index = ?", [index])
        relations, unreviewed = [], 0
        for event in events:
            item = judged.get(event["id"])
            unreviewed += item is None
            relation = _relation(event, item)
            if relation:
                relations.append(relation)
        first = events[0] if events else next(iter(judged.values())).event
        records.append({"id": f"a{seq}-s{index}", "text": first["sentence"], "relations": relations,
                        "published": first["published"].isoformat() if first["published"] else None,
                        "doc_id": first["doc_id"], "reviews": sum(i.label is not None for i in judged.values()),
                        "unreviewed": unreviewed})
    return records


def _relation(event: dict, item: ReviewedEvent | None) -> dict | None:
    """The gold relation of one event of a reviewed sentence (None: no event there)."""
    relation = _coded(event)
    if item is None or item.label is None:  # nobody reviewed it, or the review says nothing of it
        return relation
    if item.label == "NONE":
        return None
    fixes = item.review.get("corrections") or {}
    relation["event_type"] = item.label
    for side in ("source", "target"):
        actors = fixes.get(side)
        if actors:
            relation[f"{side}_text"] = actors[0].get("name") or relation[f"{side}_text"]
    return relation


def _coded(event: dict) -> dict:
    return {"event_type": event["event_type"], "source_text": event["source_text"],
            "target_text": event["target_text"]}


def write_gold_file(records: list[dict], path: str | Path) -> int:
    """Write the gold records as JSON Lines to ``path``; the number of sentences written."""
    if not records:
        raise TrainingError(f"gold file {path}: no reviewed sentence to write")
    with open(path, "w", encoding="utf-8") as fh:
        for record in records:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return len(records)
