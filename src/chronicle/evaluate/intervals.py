"""How far a realnews figure could move by chance: 95% intervals by resampling whole articles.

Why: the realnews test split holds 441 sentences from a few dozen articles, so a change of a few
points in detection F1 or type precision can be luck of the draw. Sessions 10 and 11 read gains of
0.01-0.03 on dev that did not show on test; an interval beside each figure says which differences
are worth reading. Articles, not sentences, are resampled (the percentile bootstrap over clusters):
the sentences of one article share its actors, its story and its writer, so resampling sentences
would understate the spread.

Each sentence is reduced to the counts its figures are built from (detection tp/fp/fn; coded, right,
gold and found event types; coded actual events with the right type and source), the counts are summed
per article, and each bootstrap draw re-weights the articles by how often it drew them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

BOOTSTRAP_SAMPLES = 1000
LEVEL = 0.95
SEED = 0

# The per-sentence counts, in column order.
COUNTS = ("tp", "fp", "fn", "coded", "right", "gold", "found", "source_n", "source_hit", "source_typed")


def _ratio(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(den > 0, num / np.where(den > 0, den, 1), 0.0)


def _f1(p: np.ndarray, r: np.ndarray) -> np.ndarray:
    return _ratio(2 * p * r, p + r)


def _figures(c: np.ndarray) -> dict[str, np.ndarray]:
    """The reported figures from summed counts (columns as :data:`COUNTS`; rows are draws)."""
    tp, fp, fn, coded, right, gold, found, n, hit, typed = (c[:, i] for i in range(len(COUNTS)))
    type_p, type_r = _ratio(right, coded), _ratio(found, gold)
    return {
        "detection_f1": _f1(_ratio(tp, tp + fp), _ratio(tp, tp + fn)),
        "type_precision": type_p,
        "type_f1": _f1(type_p, type_r),
        "type_source": _ratio(hit, n),
        "source_given_type": _ratio(hit, typed),
    }


def article_intervals(rows: Sequence[tuple[str, Sequence[int]]], samples: int = BOOTSTRAP_SAMPLES,
                      seed: int = SEED) -> dict:
    """``rows``: (article id, counts as :data:`COUNTS`) per sentence. Returns, per figure, the
    ``low`` and ``high`` ends of the central 95% of the figure over ``samples`` article resamples
    (fixed ``seed``: the same data give the same interval), with ``samples`` and ``articles``."""
    articles: dict[str, np.ndarray] = {}
    for article, counts in rows:
        articles[article] = articles.get(article, np.zeros(len(COUNTS))) + np.asarray(counts, dtype=float)
    if not articles:
        return {"samples": 0, "articles": 0}
    per_article = np.stack(list(articles.values()))
    k = len(per_article)
    draws = np.random.default_rng(seed).multinomial(k, np.full(k, 1.0 / k), size=samples)
    figures = _figures(draws @ per_article)
    tail = (1 - LEVEL) / 2 * 100
    out: dict = {"samples": samples, "articles": k, "level": LEVEL}
    for name, values in figures.items():
        low, high = np.percentile(values, [tail, 100 - tail])
        out[name] = {"low": round(float(low), 4), "high": round(float(high), 4)}
    return out


def sentence_counts(gold_types: set[str], gold_events: Sequence, coded: Sequence,
                    source_ok: Callable[[object, object], bool]) -> list[int]:
    """One sentence's :data:`COUNTS`: ``gold_events`` its gold actual events (with ``event_type``),
    ``coded`` its coded actual events, ``source_ok(gold, event)`` whether the event's source matches."""
    want, got = bool(gold_events), bool(coded)
    coded_types = {e.event_type for e in coded}
    typed = [e for e in coded if e.event_type in gold_types]
    hit = sum(any(source_ok(x, e) for x in gold_events if x.event_type == e.event_type) for e in typed)
    return [want and got, got and not want, want and not got,
            len(coded), len(typed), len(gold_events), sum(x.event_type in coded_types for x in gold_events),
            len(coded), hit, len(typed)]


def interval_text(m: dict) -> str:
    """One line for the text report."""
    if not m.get("articles"):
        return "95% intervals: no articles"
    names = (("detection_f1", "detection F1"), ("type_precision", "type P"), ("type_f1", "type F1"),
             ("type_source", "type + source"), ("source_given_type", "source of right types"))
    parts = [f"{label} {m[key]['low']:.3f}-{m[key]['high']:.3f}" for key, label in names]
    return (f"{int(m['level'] * 100)}% intervals ({m['articles']} articles resampled {m['samples']} times): "
            + ", ".join(parts))
