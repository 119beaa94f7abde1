"""Is ``Event.confidence`` a probability? Expected calibration error and reliability tables.

An event's confidence is calibrated when, among the events coded with confidence near 0.7, about 70%
are right. ``chronicle eval`` can say so on any set where "right" can be decided for one coded event
(:func:`event_outcomes`):

- ``realnews-*``: the sentence has a gold event of the coded type with the coded factuality;
- ``plover-dev``, ``examples``: the coded event's type is the sentence's gold type (CONCEDE and
  RETREAT both match a gold YIELD) and its factuality the gold one (``actual`` where the set gives
  none); a sentence labelled NONE has no right event.

ECE is the usual one: 10 equal-width bins over [0, 1], pooled over every coded event, the sum of
|accuracy - mean confidence| weighted by each bin's share of the events.
"""

from __future__ import annotations

from collections.abc import Sequence

from chronicle.evaluate.gold import GoldSentence
from chronicle.schema import Event

BINS = 10
YIELD_TYPES = frozenset({"CONCEDE", "RETREAT"})

__all__ = ["BINS", "calibration_lines", "calibration_report", "event_outcomes", "expected_calibration_error",
           "reliability_table"]


def _bin(p: float, bins: int) -> int:
    return min(int(p * bins), bins - 1)


def reliability_table(confidences: Sequence[float], right: Sequence[bool], bins: int = BINS) -> list[dict]:
    """One row per non-empty equal-width bin: its range, the number of events, their mean
    confidence and the share that is right (the reliability diagram as a table)."""
    rows: dict[int, list] = {}
    for p, ok in zip(confidences, right, strict=True):
        rows.setdefault(_bin(p, bins), []).append((float(p), bool(ok)))
    return [{"bin": f"{b / bins:.1f}-{(b + 1) / bins:.1f}", "n": len(items),
             "mean_confidence": round(sum(p for p, _ in items) / len(items), 4),
             "accuracy": round(sum(ok for _, ok in items) / len(items), 4)}
            for b, items in sorted(rows.items())]


def expected_calibration_error(confidences: Sequence[float], right: Sequence[bool], bins: int = BINS) -> float | None:
    """Pooled ECE over ``bins`` equal-width bins (None without events)."""
    table = reliability_table(confidences, right, bins)
    total = sum(row["n"] for row in table)
    if not total:
        return None
    return round(sum(row["n"] / total * abs(row["accuracy"] - row["mean_confidence"]) for row in table), 4)


def _gold_types(gold: GoldSentence) -> set[str]:
    types = {r.event_type for r in gold.relations}
    return types | YIELD_TYPES if "YIELD" in types else types


def _right(gold: GoldSentence, event: Event) -> bool:
    """Whether one coded event is right (module docstring): realnews sentences carry every gold
    event with its factuality; the other sets carry their actual events as ``relations``."""
    events = getattr(gold, "events", None)
    if events is not None:
        return any(g.event_type == event.event_type and g.factuality == event.factuality for g in events)
    wanted = gold.meta.get("factuality") or "actual"
    return event.factuality == wanted and event.event_type in _gold_types(gold)


def event_outcomes(gold: Sequence[GoldSentence],
                   predicted: Sequence[Sequence[Event]]) -> tuple[list[float], list[bool]]:
    """(confidence, right?) of every coded event of every sentence."""
    confidences, right = [], []
    for g, events in zip(gold, predicted, strict=True):
        for event in events:
            confidences.append(event.confidence)
            right.append(_right(g, event))
    return confidences, right


def calibration_report(gold: Sequence[GoldSentence], predicted: Sequence[Sequence[Event]]) -> dict:
    """ECE, the reliability table, the number of coded events and the share right, and the mean
    confidence (equal to the share right for a calibrated coder)."""
    confidences, right = event_outcomes(gold, predicted)
    n = len(right)
    return {"ece": expected_calibration_error(confidences, right), "n": n, "bins": BINS,
            "accuracy": round(sum(right) / n, 4) if n else None,
            "mean_confidence": round(sum(confidences) / n, 4) if n else None,
            "reliability": reliability_table(confidences, right)}


def calibration_lines(report: dict) -> list[str]:
    """The report in the text style of ``chronicle eval``: one summary line and the table."""
    if not report["n"]:
        return ["confidence calibration: no coded events"]
    lines = [f"confidence calibration over {report['n']} coded events: ECE {report['ece']:.3f} "
             f"({report['bins']} bins); mean confidence {report['mean_confidence']:.3f}, right "
             f"{report['accuracy']:.3f}", "  confidence   events  mean conf.  right"]
    lines += [f"  {row['bin']:>10}  {row['n']:>7}  {row['mean_confidence']:>10.3f}  {row['accuracy']:>5.3f}"
              for row in report["reliability"]]
    return lines
