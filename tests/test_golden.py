"""Golden sentences written for the project (tests/golden/sentences.jsonl): input -> expected events.

One parametrized test reads them all. ``expect`` lists the events that must be found (each matched by
its type and the fields it names); an empty list means the sentence must yield no actual event.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

CASES = [json.loads(line) for line in (Path(__file__).parent / "golden" / "sentences.jsonl").read_text().splitlines()
         if line.strip()]

pytestmark = pytest.mark.model


def _matches(event, want: dict) -> bool:
    if event.event_type != want["event_type"]:
        return False
    checks = {
        "factuality": lambda: event.factuality == want["factuality"],
        "reciprocal": lambda: event.reciprocal == want["reciprocal"],
        "source_country": lambda: want["source_country"] in {a.country for a in event.source},
        "source_sector": lambda: want["source_sector"] in {a.sector for a in event.source},
        "source_sector_not": lambda: want["source_sector_not"] not in {a.sector for a in event.source},
        "target_country": lambda: want["target_country"] in {a.country for a in event.target},
        "target_sector": lambda: want["target_sector"] in {a.sector for a in event.target},
        "source_text": lambda: want["source_text"] in {a.text for a in event.source},
        "date": lambda: event.date is not None and event.date.value == want["date"],
    }
    return all(checks[key]() for key in want if key != "event_type")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_golden_sentence(coder, case):
    events = coder.code(case["text"], published=case["published"], doc_id=case["id"])
    seen = [e.model_dump(include={"event_type", "factuality", "reciprocal", "source", "target", "date"}) for e in events]
    if not case["expect"]:
        assert not [e for e in events if e.factuality == "actual"], seen
    for want in case["expect"]:
        assert any(_matches(e, want) for e in events), (want, seen)
