"""tools/fit_recall.py's choice of the recall thresholds: the rules it applies, on made-up grids.

The tool itself takes about half an hour (``make model``); these tests check its decision rules with
hand-written rows and a fake coder, so a change to the rules is caught without refitting anything.
"""

from __future__ import annotations

from chronicle.evaluate.datasets import DATASETS, DatasetInfo
from chronicle.evaluate.gold import GoldSentence
from chronicle.schema import QUAD_CLASS, CoderInfo, Event, Span
from tools import fit_recall


def row(open_t: float, coded_t: float, f1: float, precision: float, added_precision: float | None) -> dict:
    return {"threshold": open_t, "coded_threshold": coded_t, "added_precision": added_precision,
            "overall": {"f1": f1, "precision": precision}}


GRID = [row(1.01, 1.01, 0.40, 0.66, None),
        row(0.2, 1.01, 0.47, 0.58, 0.45),    # best F1, but its added events are more often wrong than right
        row(0.3, 1.01, 0.46, 0.60, 0.55),    # right less often than the rules' own, but more often than not
        row(0.5, 0.7, 0.44, 0.66, 0.70),
        row(0.6, 1.01, 0.43, 0.67, 0.68)]


def pair(r: dict) -> tuple[float, float]:
    return r["threshold"], r["coded_threshold"]


def test_choose_takes_the_best_f1_whose_added_events_are_more_often_right_than_wrong():
    assert fit_recall.ADDED_FLOOR == 0.5
    assert pair(fit_recall.choose(GRID)) == (0.3, 1.01)


def test_choose_with_a_higher_floor_keeps_only_pairs_whose_added_events_reach_it():
    assert pair(fit_recall.choose(GRID, floor=0.66)) == (0.5, 0.7)
    assert pair(fit_recall.choose(GRID, floor=0.9)) == (fit_recall.OFF, fit_recall.OFF)


def test_choose_passes_over_pairs_another_check_rejects_and_falls_back_to_off():
    vetoed = fit_recall.choose(GRID, lambda r: pair(r) != (0.3, 1.01))
    assert pair(vetoed) == (0.5, 0.7)
    assert fit_recall.choose(GRID, lambda r: False)["threshold"] == fit_recall.OFF


class FakeCoder:
    """Codes one event per article for each word 'match' in it once the open threshold is <= 0.5."""

    def code(self, classifier, gold, open_t, coded_t):
        out = {}
        for g in gold:
            n = g.text.count("match") if open_t <= 0.5 else 0
            out[g.text, g.published] = [Event(
                id=f"e{i}", doc_id=g.id, sentence_index=0, sentence=g.text, event_type="ASSAULT",
                quad_class=QUAD_CLASS["ASSAULT"], factuality="actual", trigger=Span(text="match", start=0, end=5),
                confidence=0.5, coder=CoderInfo(version="t", data_version="t")) for i in range(n)]
        return out


def test_quiet_enough_rejects_a_pair_that_raises_bbc_quiet_over_the_cap(monkeypatch):
    # Two articles of 50 three-word sentences; at 0.5 the fake coder codes one event per "match": 3 per 100.
    def text(matches: int) -> str:
        return " ".join(["The match ended."] * matches + ["The game ended."] * (50 - matches))
    arts = [GoldSentence(id="bbc-sport-001", text=text(1), meta={"category": "sport"}),
            GoldSentence(id="bbc-tech-001", text=text(2), meta={"category": "tech"})]
    monkeypatch.setitem(DATASETS, "bbc-quiet", DatasetInfo("bbc-quiet", "x", lambda: arts, "test"))
    test = fit_recall.quiet_enough(FakeCoder(), shipped=None, log=lambda msg: None, cap=1.5)
    low, high = row(0.5, 1.01, 0.5, 0.7, 0.7), row(0.6, 1.01, 0.45, 0.7, 0.7)
    assert test(low) is False and low["bbc_quiet_per_100"] == 3.0
    assert test(high) is True and high["bbc_quiet_per_100"] == 0.0
