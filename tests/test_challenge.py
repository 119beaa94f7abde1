"""The challenge set (datasets/challenge/challenge.jsonl): hard cases of real news, written for the project.

Word senses, metaphors, not-events, speech content, requests, criticism, meetings, plans, negations
and hypotheticals, and violence told in background clauses (see datasets/challenge/README.md).
Each sentence is coded alone and scored "correct" or not:

- gold ``NONE``: no event coded as actual;
- gold type with factuality ``actual``: an actual event of that type is coded;
- gold type with factuality ``future``/``negated``/``hypothetical``: an event of that type with that
  factuality is coded, or no actual event of that type is.

Extra events of other types are not penalised, and actors are not scored. The test prints the
accuracy per category and the sentences it gets wrong (run with ``-s``), and fails if the overall
accuracy falls below FLOOR: today's accuracy rounded down to 0.05, so a change that makes the coder
worse on these cases fails. It is a test set: never
write a rule, lexicon entry or model for one of its sentences (README of the set).
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

CHALLENGE = Path(__file__).resolve().parents[1] / "datasets" / "challenge" / "challenge.jsonl"
PUBLISHED = "2025-06-02"   # a fixed publication date for every sentence (anchors roles and dates)
FLOOR = 0.70               # today's overall accuracy (0.723, 256/354) rounded down to 0.05
TARGET = 0.90              # the target, reported, not asserted

CASES = [json.loads(line) for line in CHALLENGE.read_text(encoding="utf-8").splitlines() if line.strip()]


def is_correct(case: dict, events) -> bool:
    """Whether the coded ``events`` match the case's gold label (rules in the module docstring)."""
    gold = case["event_type"]
    if gold == "NONE":
        return not any(e.factuality == "actual" for e in events)
    of_type = [e for e in events if e.event_type == gold]
    if case["factuality"] == "actual":
        return any(e.factuality == "actual" for e in of_type)
    return (any(e.factuality == case["factuality"] for e in of_type)
            or not any(e.factuality == "actual" for e in of_type))


def describe(events) -> str:
    """A short view of what was coded: type/factuality[trigger]."""
    return ", ".join(f"{e.event_type}/{e.factuality}[{e.trigger.text}]" for e in events) or "-"


def table(results: list[tuple[dict, bool]]) -> tuple[str, float]:
    """The per-category accuracy table (positives and negatives apart) and the overall accuracy."""
    by_cat: dict[str, list[tuple[dict, bool]]] = defaultdict(list)
    for case, ok in results:
        by_cat[case["category"]].append((case, ok))
    lines = [f"{'category':26} {'n':>4} {'acc':>6} {'pos acc':>9} {'neg acc':>9}"]
    for cat, rows in by_cat.items():
        pos = [ok for case, ok in rows if _positive(case)]
        neg = [ok for case, ok in rows if not _positive(case)]
        lines.append(f"{cat:26} {len(rows):4d} {_rate(ok for _, ok in rows):6.3f} "
                     f"{_rate(pos):6.3f}/{len(pos):<2d} {_rate(neg):6.3f}/{len(neg):<2d}")
    overall = _rate(ok for _, ok in results)
    lines.append(f"{'overall':26} {len(results):4d} {overall:6.3f}   (floor {FLOOR:.2f}, target {TARGET:.2f})")
    return "\n".join(lines), overall


def _positive(case: dict) -> bool:
    return case["event_type"] != "NONE" and case["factuality"] == "actual"


def _rate(oks) -> float:
    oks = list(oks)
    return sum(oks) / len(oks) if oks else 0.0


def test_challenge_set_is_well_formed():
    """Unique ids, at least 320 sentences, actor spans copied from the text, factuality iff a type."""
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids)) >= 320
    for case in CASES:
        for key in ("source_text", "target_text"):
            assert case[key] is None or case[key] in case["text"], (case["id"], key)
        assert (case["factuality"] is None) == (case["event_type"] == "NONE"), case["id"]


@pytest.mark.model
def test_challenge_accuracy(coder):
    """Code every sentence, print the per-category table and the misses, hold the overall floor."""
    results = []
    for case in CASES:
        events = coder.code(case["text"], published=PUBLISHED, doc_id=case["id"])
        results.append((case, is_correct(case, events), describe(events)))
    report, overall = table([(case, ok) for case, ok, _ in results])
    misses = [f"  {c['id']} {c['category']}: gold {c['event_type']}/{c['factuality']}, coded {got}: {c['text']}"
              for c, ok, got in results if not ok]
    print("\nChallenge set, accuracy per category (pos = actual gold event, neg = the rest)\n" + report)
    print(f"\n{len(misses)} wrong:\n" + "\n".join(misses))
    assert overall >= FLOOR, f"challenge accuracy {overall:.3f} fell below the floor {FLOOR:.2f}\n{report}"
