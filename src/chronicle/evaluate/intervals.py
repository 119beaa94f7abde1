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

# The per-sentence counts, in column order: type + source shares the coded and right events of the type
# figures as its denominators.
COUNTS = ("tp", "fp", "fn", "coded", "right", "gold", "found", "source_hit")


def _ratio(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(den > 0, num / np.where(den > 0, den, 1), 0.0)


def _f1(p: np.ndarray, r: np.ndarray) -> np.ndarray:
    return _ratio(2 * p * r, p + r)


def _figures(c: np.ndarray) -> dict[str, np.ndarray]:
    """The reported figures from summed counts (columns as :data:`COUNTS`; rows are draws)."""
    tp, fp, fn, coded, right, gold, found, hit = (c[:, i] for i in range(len(COUNTS)))
    type_p, type_r = _ratio(right, coded), _ratio(found, gold)
    return {
        "detection_f1": _f1(_ratio(tp, tp + fp), _ratio(tp, tp + fn)),
        "type_precision": type_p,
        "type_f1": _f1(type_p, type_r),
        "type_source": _ratio(hit, coded),
        "source_given_type": _ratio(hit, right),
    }


def article_counts(rows: Sequence[tuple[str, Sequence[int]]]) -> dict[str, list[int]]:
    """``rows``: (article id, counts as :data:`COUNTS`) per sentence -> the counts summed per article
    (kept in ``chronicle eval --json`` output as ``article_counts``, so a later run can be compared
    with this one sentence for sentence: :func:`paired_intervals`)."""
    articles: dict[str, list[int]] = {}
    for article, counts in rows:
        total = articles.setdefault(article, [0] * len(COUNTS))
        for i, value in enumerate(counts):
            total[i] += int(value)
    return articles


def _draws(k: int, samples: int, seed: int) -> np.ndarray:
    """How often each of ``k`` articles is drawn in each of ``samples`` resamples."""
    return np.random.default_rng(seed).multinomial(k, np.full(k, 1.0 / k), size=samples)


def _ends(values: np.ndarray) -> dict:
    tail = (1 - LEVEL) / 2 * 100
    low, high = np.percentile(values, [tail, 100 - tail])
    return {"low": round(float(low), 4), "high": round(float(high), 4)}


def article_intervals(articles: dict[str, Sequence[int]], samples: int = BOOTSTRAP_SAMPLES,
                      seed: int = SEED) -> dict:
    """Per figure, the ``low`` and ``high`` ends of the central 95% of the figure over ``samples``
    resamples of the articles (:func:`article_counts`; fixed ``seed``: the same data give the same
    interval), with ``samples`` and ``articles``."""
    if not articles:
        return {"samples": 0, "articles": 0}
    per_article = np.asarray(list(articles.values()), dtype=float)
    figures = _figures(_draws(len(per_article), samples, seed) @ per_article)
    out: dict = {"samples": samples, "articles": len(per_article), "level": LEVEL}
    out.update({name: _ends(values) for name, values in figures.items()})
    return out


def paired_intervals(base: dict[str, Sequence[int]], new: dict[str, Sequence[int]],
                     samples: int = BOOTSTRAP_SAMPLES, seed: int = SEED) -> dict:
    """How ``new`` differs from ``base`` (two runs' :func:`article_counts` on the same articles):
    per figure the difference, its 95% interval when the same articles are drawn for both runs, and
    the share of draws in which ``new`` is ahead. Pairing removes the spread that comes from which
    articles happen to be in the set, so it sees differences the intervals of each run hide.
    Raises ValueError when the two runs scored different articles."""
    if set(base) != set(new):
        raise ValueError(f"the runs scored different articles ({len(set(base) ^ set(new))} differ)")
    names = sorted(base)
    b = np.asarray([base[a] for a in names], dtype=float)
    n = np.asarray([new[a] for a in names], dtype=float)
    draws = _draws(len(names), samples, seed) if names else np.zeros((samples, 0))
    whole_b, whole_n = _figures(b.sum(0, keepdims=True)), _figures(n.sum(0, keepdims=True))
    drawn_b, drawn_n = _figures(draws @ b), _figures(draws @ n)
    out: dict = {"samples": samples, "articles": len(names), "level": LEVEL}
    for name in whole_b:
        diff = drawn_n[name] - drawn_b[name]
        out[name] = {"base": round(float(whole_b[name][0]), 4), "new": round(float(whole_n[name][0]), 4),
                     "difference": round(float(whole_n[name][0] - whole_b[name][0]), 4), **_ends(diff),
                     "new_ahead": round(float((diff > 0).mean()), 3)}
    return out


def sentence_counts(gold_events: Sequence, coded: Sequence, source_ok: Callable[[object, object], bool]) -> list[int]:
    """One sentence's :data:`COUNTS`: ``gold_events`` its gold actual events (with ``event_type``),
    ``coded`` its coded actual events, ``source_ok(gold, event)`` whether the event's source matches."""
    want, got = bool(gold_events), bool(coded)
    gold_types, coded_types = {x.event_type for x in gold_events}, {e.event_type for e in coded}
    typed = [e for e in coded if e.event_type in gold_types]
    hit = sum(any(source_ok(x, e) for x in gold_events if x.event_type == e.event_type) for e in typed)
    return [want and got, got and not want, want and not got,
            len(coded), len(typed), len(gold_events), sum(x.event_type in coded_types for x in gold_events),
            hit]


NAMES = (("detection_f1", "detection F1"), ("type_precision", "type P"), ("type_f1", "type F1"),
         ("type_source", "type + source"), ("source_given_type", "source of right types"))


def interval_text(m: dict) -> str:
    """One line for the text report."""
    if not m.get("articles"):
        return "95% intervals: no articles"
    names = NAMES
    parts = [f"{label} {m[key]['low']:.3f}-{m[key]['high']:.3f}" for key, label in names]
    return (f"{int(m['level'] * 100)}% intervals ({m['articles']} articles resampled {m['samples']} times): "
            + ", ".join(parts))


def comparison_lines(m: dict, base_name: str) -> list[str]:
    """The text report of :func:`paired_intervals`."""
    lines = [f"compared with {base_name} on the same {m['articles']} articles (paired, {m['samples']} "
             f"resamples; 95% interval of the difference, share of resamples where this run is ahead):"]
    for key, label in NAMES:
        d = m[key]
        lines.append(f"  {label}: {d['base']:.3f} -> {d['new']:.3f} ({d['difference']:+.3f}, "
                     f"{d['low']:+.3f} to {d['high']:+.3f}, ahead in {d['new_ahead']:.0%})")
    return lines
