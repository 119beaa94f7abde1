"""Run a coder over one labelled set and score it: the engine behind ``chronicle eval DATASET``.

The coder is passed in as a plain ``sentence -> events`` callable, so the runner neither builds a
pipeline nor knows about spaCy, and tests can feed it canned events. Each sentence is coded alone,
so actor offsets in the events are offsets into that sentence; the real-news sentences may instead
be coded inside their articles (``code_article``), with the offsets moved to the sentence's.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from chronicle.errors import DatasetError
from chronicle.evaluate.calibration import calibration_lines, calibration_report
from chronicle.evaluate.datasets import DATASETS, GoldSentence, load_petrarch_noevents
from chronicle.evaluate.goldfile import load_gold_file
from chronicle.evaluate.in_article import code_in_articles
from chronicle.evaluate.intervals import comparison_lines, paired_intervals
from chronicle.evaluate.quiet import quiet_lines, quiet_table, score_quiet
from chronicle.evaluate.realnews import REALNEWS_DATASETS, realnews_lines, score_realnews
from chronicle.evaluate.scorer import noevent_rate, score_petrarch, score_plover, score_quad
from chronicle.schema import Article, Event

SCORERS: dict[str, Callable[[Sequence[GoldSentence], Sequence[Sequence[Event]]], dict]] = {
    "plover-dev": score_plover,
    "conflibert-cameo": score_quad,
    "petrarch-gsr": score_petrarch,
    "bbc-quiet": score_quiet,
    "examples": score_plover,
    **{name: score_realnews for name in REALNEWS_DATASETS},
}

_HEADER = ["label", "precision", "recall", "f1", "support"]


def _num(value) -> str:
    """A figure for the text table; "n/a" where it is undefined (a label with no gold support)."""
    return "n/a" if value is None else f"{value:.3f}" if isinstance(value, float) else str(value)


@dataclass
class EvalReport:
    """The outcome of one run; ``metrics`` holds only JSON types so it can be written as is."""

    dataset: str
    n_sentences: int
    metrics: dict = field(default_factory=dict)

    def to_table(self) -> list[list[str]]:
        """Header, one row per label, then the pooled row (micro P/R/F1, or accuracy for classes)."""
        if "per_category" in self.metrics:  # bbc-quiet: events per 100 sentences, no gold
            return quiet_table(self.metrics)
        rows = [list(_HEADER)]
        for label, m in self.metrics.get("per_label", {}).items():
            rows.append([label, *(_num(m[k]) for k in _HEADER[1:])])
        overall = self.metrics.get("overall", {})
        if "precision" in overall:
            rows.append(["overall (micro)", *(_num(overall[k]) for k in _HEADER[1:])])
        elif "macro_f1" in overall:
            rows.append(["macro average", *(_num(overall[f"macro_{k}"]) for k in _HEADER[1:4]),
                         _num(overall["support"])])
        return rows

    def _extra_lines(self) -> list[str]:
        m = self.metrics
        lines = []
        for role in ("source", "target"):
            for key, n_key, what in ((f"{role}_agreement", f"{role}_agreement_n", "actor span overlap"),
                                     (f"{role}_country_agreement", f"{role}_country_n", "actor country")):
                if key in m:
                    lines.append(f"{role} {what} on matched events: {_num(m[key])} (n={m[n_key]})")
        if "overall_all_factualities" in m and "event_detection" not in m:  # realnews prints its own
            o = m["overall_all_factualities"]
            lines.append("scored: events coded as actual; counting every coded event: "
                         f"P {_num(o['precision'])} R {_num(o['recall'])} F1 {_num(o['f1'])}")
        if "quad" in m:
            lines.append(f"QuadClass of each sentence's most confident actual event: accuracy "
                         f"{_num(m['quad']['accuracy'])} (n={m['quad']['n']})")
        if "events_without_cameo" in m:
            lines.append(f"predicted events without a CAMEO code: {m['events_without_cameo']}")
        for key, what in (("noevents", "GSR noevents records"),
                          ("noevent_sentences", "sentences labelled with no event"),
                          ("noevents_all", "noevents of the GSR and the real-actor test records, as labelled"),
                          ("noevents_extended", "the same without records that report an event (NOT_EVENTLESS)")):
            if key in m:
                ne = m[key]
                lines.append(f"{what}: no event coded {_num(ne['no_event'])}, no actual event coded "
                             f"{_num(ne['no_actual_event'])} (n={ne['n']})")
        if "accuracy" in m.get("overall", {}):
            lines.append(f"accuracy: {_num(m['overall']['accuracy'])}")
        if "top_triggers" in m:
            lines += quiet_lines(m)
        if "event_detection" in m:
            lines += realnews_lines(m)
        if "compared" in m:
            lines += comparison_lines(m["compared"], m["compared"]["with"])
        if "calibration" in m:
            lines += calibration_lines(m["calibration"])
        if "confusion" in m:
            labels = [str(x) for x in m["confusion_labels"]]
            lines.append("confusion (rows gold, columns predicted):")
            lines.append("      " + " ".join(f"{x:>5}" for x in labels))
            for label, row in zip(labels, m["confusion"]):
                lines.append(f"{label:>4}: " + " ".join(f"{v:>5}" for v in row))
        return lines

    def format_text(self) -> str:
        """The report as an aligned text table, for a person at a terminal."""
        rows = self.to_table()
        widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
        fmt = lambda r: "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths)))  # noqa: E731
        out = [f"{self.dataset}: {self.n_sentences} sentences", fmt(rows[0]),
               "  ".join("-" * w for w in widths)]
        out += [fmt(r) for r in rows[1:]]
        return "\n".join(out + self._extra_lines())

    def to_json(self) -> str:
        """The report as JSON, for scripts and the README's figures."""
        return json.dumps({"dataset": self.dataset, "n_sentences": self.n_sentences,
                           "metrics": self.metrics}, indent=2, ensure_ascii=False)


def evaluate(
    dataset: str,
    code_sentence: Callable[..., list[Event]],
    *,
    limit: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    code_article: Callable[[Article], list[Event]] | None = None,
) -> EvalReport:
    """Code every sentence of ``dataset`` (the first ``limit`` with a limit) and score the events.

    With ``code_article``, a ``realnews-*`` sentence is coded inside its article, as a user's
    articles are (:mod:`chronicle.evaluate.in_article`; ``metrics["context"]`` says how many were),
    otherwise alone.

    For petrarch-gsr the sentences of :func:`load_petrarch_noevents` (the first ``limit`` of them)
    are coded too, and their no-event rate is reported as ``noevents_all`` (every record the files
    label noevents) and ``noevents_extended`` (without the records that report an event). A text that occurs
    twice is coded once. A sentence with a publication date (``GoldSentence.published``, the
    realnews sets) is coded as ``code_sentence(text, published=date)``, any other as
    ``code_sentence(text)``. ``progress(done, total)`` is called after each coded text;
    ``n_sentences`` counts the dataset's scored sentences. For bbc-quiet each text is a whole
    article, ``limit`` counts articles and ``n_sentences`` is the sentences they contain.
    """
    if dataset not in DATASETS:
        raise DatasetError(f"unknown dataset {dataset!r}; choose one of {', '.join(DATASETS)}")
    gold = DATASETS[dataset].loader()
    extra = load_petrarch_noevents() if dataset == "petrarch-gsr" else []
    labelled = load_petrarch_noevents(exclude=False) if dataset == "petrarch-gsr" else []
    if limit is not None:
        gold, extra, labelled = gold[:max(limit, 0)], extra[:max(limit, 0)], labelled[:max(limit, 0)]
    if dataset in REALNEWS_DATASETS:
        return _evaluate_realnews(dataset, gold, code_sentence, code_article, progress)
    coded = _code_all(gold + extra + labelled, code_sentence, progress)
    metrics = SCORERS[dataset](gold, [coded[g.text, g.published] for g in gold])
    if extra:
        metrics["noevents_extended"] = noevent_rate(extra, [coded[g.text, g.published] for g in extra])
    if labelled:
        metrics["noevents_all"] = noevent_rate(labelled, [coded[g.text, g.published] for g in labelled])
    if dataset in ("plover-dev", "examples"):
        metrics["calibration"] = calibration_report(gold, [coded[g.text, g.published] for g in gold])
    n_sentences = metrics["overall"]["sentences"] if dataset == "bbc-quiet" else len(gold)
    return EvalReport(dataset=dataset, n_sentences=n_sentences, metrics=metrics)


def _evaluate_realnews(dataset, gold, code_sentence, code_article, progress) -> EvalReport:
    """A realnews split: each sentence coded in its article when ``code_article`` is given."""
    if code_article is None:
        coded = _code_all(gold, code_sentence, progress)
        predicted, context = [coded[g.text, g.published] for g in gold], {"mode": "sentence"}
    else:
        predicted, context = code_in_articles(gold, code_article, code_sentence, progress)
    metrics = score_realnews(gold, predicted)
    metrics["context"] = context
    metrics["calibration"] = calibration_report(gold, predicted)
    return EvalReport(dataset=dataset, n_sentences=len(gold), metrics=metrics)


def evaluate_file(
    path,
    code_sentence: Callable[..., list[Event]],
    *,
    limit: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> EvalReport:
    """Score a user's gold file in the plover-dev JSON Lines format (:mod:`chronicle.evaluate.goldfile`)
    as plover-dev is scored: the same table, with "n/a" where a label has no gold support, and,
    when the file labels sentences with no event (``"relations": []``), the share of them left
    without a coded event. The whole file is checked before the first sentence is coded."""
    gold = load_gold_file(path)
    if limit is not None:
        gold = gold[:max(limit, 0)]
    coded = _code_all(gold, code_sentence, progress)
    predicted = [coded[g.text, g.published] for g in gold]
    metrics = score_plover(gold, predicted)
    if any(g.noevent for g in gold):
        metrics["noevent_sentences"] = noevent_rate(gold, predicted)
    return EvalReport(dataset=str(path), n_sentences=len(gold), metrics=metrics)


def _code_all(gold: Sequence[GoldSentence], code_sentence, progress) -> dict[tuple, list[Event]]:
    """Each distinct (text, publication date) coded once."""
    keys = list(dict.fromkeys((g.text, g.published) for g in gold))
    coded: dict[tuple[str, str | None], list[Event]] = {}
    for done, (text, published) in enumerate(keys, 1):
        coded[text, published] = list(code_sentence(text) if published is None
                                      else code_sentence(text, published=published))
        if progress is not None:
            progress(done, len(keys))
    return coded


def read_comparison(path) -> dict:
    """An earlier run's ``chronicle eval --json`` output, read before any coding so that a wrong
    path stops the run at once; raises :class:`DatasetError` naming the file and the problem."""
    try:
        with open(path, encoding="utf-8") as fh:
            earlier = json.load(fh)
    except OSError as exc:
        raise DatasetError(f"--compare {path}: cannot read it ({exc.strerror or exc})") from None
    except ValueError as exc:
        raise DatasetError(f"--compare {path}: not the JSON of `chronicle eval --json` ({exc})") from None
    if not isinstance(earlier, dict) or "article_counts" not in (earlier.get("metrics") or {}):
        raise DatasetError(f"--compare {path}: no metrics.article_counts in it (write it with "
                           "`chronicle eval realnews-... --json`)")
    return earlier


def compare_with(report: EvalReport, earlier: dict, path) -> EvalReport:
    """Add to a realnews ``report`` how it differs from an ``earlier`` run (:func:`read_comparison`)
    on the same sentences (:func:`paired_intervals`, ``metrics["compared"]``): the way to tell
    whether a change to the lexicon, the actors or the code helps, since the difference between two
    runs is far less noisy than either run's figures."""
    if "article_counts" not in report.metrics:
        raise DatasetError(f"--compare works on the realnews-* sets only, not {report.dataset}")
    if earlier.get("dataset") != report.dataset:
        raise DatasetError(f"--compare {path}: it scores {earlier.get('dataset')}, this run {report.dataset}")
    try:
        compared = paired_intervals(earlier["metrics"]["article_counts"], report.metrics["article_counts"])
    except ValueError as exc:
        raise DatasetError(f"--compare {path}: {exc} (a different --limit?)") from None
    report.metrics["compared"] = {"with": str(path), **compared}
    return report
