"""``realnews-train`` / ``realnews-dev`` / ``realnews-test``: the project's own real-news gold set.

2,000 sentences of BBC, BASIL and ECB+ news labelled with PLOVER events (type, trigger, source and
target actor with country, factuality) after ``datasets/realnews/GUIDELINE.md``; the file read is
``datasets/realnews/gold.jsonl`` (see that folder's README). Unlike the ``../shared`` sets it lives in
the repository, but outside the installed package (the sentences are copyrighted, so they must
never ship): it is located relative to the source checkout, and a wheel without the repository
raises :class:`DatasetError` naming the path it looked for.

Scoring (:func:`score_realnews`). Each sentence is coded alone, with its publication date where the
set has one. As in the other scorers, only events Chronicle codes as ``actual`` are reported events;
gold events count as events when their factuality is ``actual`` (future, hypothetical and negated
gold events enter only the factuality score). A coded event's type is right when the sentence has a
gold actual event of that type, and a gold event is found when an actual event of its type is coded
in the sentence (per sentence and type, not one-to-one). The test split is for reported figures
only: nothing is tuned on it.
"""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from chronicle.errors import DatasetError
from chronicle.evaluate.gold import DatasetInfo, GoldRelation, GoldSentence, read_jsonl
from chronicle.evaluate.intervals import article_counts, article_intervals, interval_text, sentence_counts
from chronicle.evaluate.scorer import _role_actors, actor_spans, prf
from chronicle.schema import Event

SPLITS = ("train", "dev", "test")
CHECK = "check"
CHECK_SHARE = 5
ACTUAL = "actual"
FACTUALITIES = ("actual", "future", "hypothetical", "negated")
TOP_ERRORS = 10
ROLES = ("source", "target")

__all__ = [
    "REALNEWS_DATASETS", "RealNewsEvent", "RealNewsSentence", "actor_matches", "counts", "error_kinds",
    "event_detection", "factuality_scores", "load_realnews", "realnews_file", "realnews_lines",
    "repository_root", "score_realnews", "type_actor_scores", "type_scores",
]


# --------------------------------------------------------------------------- reading the gold set

@dataclass(frozen=True)
class RealNewsEvent:
    """One gold event of a sentence, as ``gold.jsonl`` gives it (``None`` where the label is null)."""

    event_type: str
    factuality: str
    trigger: str | None = None
    source_text: str | None = None
    source_country: str | None = None
    target_text: str | None = None
    target_country: str | None = None

    def actor(self, role: str) -> tuple[str | None, str | None]:
        """(text, country) of the source or the target, so the scorer treats both roles alike."""
        return (self.source_text, self.source_country) if role == "source" else (
            self.target_text, self.target_country)


@dataclass
class RealNewsSentence(GoldSentence):
    """A gold sentence with all its events (any factuality); ``relations`` holds the actual ones."""

    corpus: str = ""
    events: list[RealNewsEvent] = field(default_factory=list)
    article_id: str = ""
    start: int = 0
    end: int = 0
    outlet: str = ""


def repository_root() -> Path:
    """The source checkout the package runs from (``src/chronicle`` -> ``src`` -> repository): the
    real-news set lives there, outside the package, because it must never ship in a wheel."""
    import chronicle

    return Path(chronicle.__file__).resolve().parents[2]


def realnews_file(root: Path | None = None) -> Path:
    """``datasets/realnews/gold.jsonl`` of the repository, or a DatasetError naming where it looked
    (an installed wheel has no repository around it, so the set cannot be found there)."""
    path = (root or repository_root()) / "datasets" / "realnews" / "gold.jsonl"
    if not path.is_file():
        raise DatasetError(
            f"dataset realnews: {path} not found; the real-news gold set is part of the Chronicle "
            "repository (datasets/realnews/gold.jsonl), not of the installed package: run from a "
            "checkout installed in editable mode (pip install -e .)")
    return path


def _event(rec: dict) -> RealNewsEvent:
    if rec["factuality"] not in FACTUALITIES:
        raise ValueError(f"unknown factuality {rec['factuality']!r}")
    return RealNewsEvent(rec["event_type"], rec["factuality"], rec.get("trigger"),
                         rec.get("source_text"), rec.get("source_country"),
                         rec.get("target_text"), rec.get("target_country"))


def _sentence(rec: dict) -> tuple[str, RealNewsSentence]:
    events = [_event(e) for e in rec["events"]]
    actual = [e for e in events if e.factuality == ACTUAL]
    gold = RealNewsSentence(
        id=rec["id"], text=rec["text"], published=rec.get("published") or None,
        corpus=rec.get("corpus", ""), events=events, noevent=not actual,
        article_id=rec.get("article_id", ""), start=rec.get("start", 0), end=rec.get("end", 0),
        outlet=rec.get("outlet") or "",
        relations=[GoldRelation(e.event_type, e.source_text, e.target_text) for e in actual])
    return rec["split"], gold


def in_check_slice(article_id: str) -> bool:
    """Whether a train article belongs to the check slice: a fifth of the train articles, fixed by a
    hash of the article id, held aside from error reading so that rule changes can be judged on
    sentences their authors never read (README, "How much a figure moves by chance")."""
    return zlib.crc32(article_id.encode("utf-8")) % CHECK_SHARE == 0


def load_realnews(split: str, path: Path | None = None) -> list[RealNewsSentence]:
    """The sentences of one split of gold.jsonl, in file order; a split is a fixed set of whole
    stories, so train, dev and test never share a story (README, "Splits"). ``check`` is the
    check slice of train (:func:`in_check_slice`): a subset of train, not a split of its own."""
    if split not in SPLITS + (CHECK,):
        raise DatasetError(f"dataset realnews: unknown split {split!r} ({', '.join(SPLITS + (CHECK,))})")
    path = path or realnews_file()
    wanted = "train" if split == CHECK else split
    return [gold for sp, gold in read_jsonl(path, f"realnews-{split}", _sentence)
            if sp == wanted and (split != CHECK or in_check_slice(gold.article_id or gold.id))]


REALNEWS_DATASETS: dict[str, DatasetInfo] = {
    f"realnews-{split}": DatasetInfo(
        f"realnews-{split}", "", partial(load_realnews, split),
        f"the project's real-news set (datasets/realnews), {split} split: PLOVER events with actors "
        "and factuality" + (", for reported figures only" if split == "test" else ""))
    for split in SPLITS
}
REALNEWS_DATASETS[f"realnews-{CHECK}"] = DatasetInfo(
    f"realnews-{CHECK}", "", partial(load_realnews, CHECK),
    "the project's real-news set, the check slice of train (a fifth of its articles, held aside "
    "from error reading to judge rule changes)")


# --------------------------------------------------------------------------- scoring

def _actual(events: Sequence[Event]) -> list[Event]:
    return [e for e in events if e.factuality == ACTUAL]


def _gold_actual(gold: RealNewsSentence) -> list[RealNewsEvent]:
    return [e for e in gold.events if e.factuality == ACTUAL]


def _spans(sentence: str, text: str) -> list[tuple[int, int]]:
    """Every case-insensitive occurrence of ``text`` in the sentence (a gold span such as "the
    government" may occur twice; the coded actor may sit on either)."""
    low, want, found, start = sentence.lower(), text.lower(), [], 0
    while want and (i := low.find(want, start)) >= 0:
        found.append((i, i + len(want)))
        start = i + 1
    return found


def actor_matches(sentence: str, gold: RealNewsEvent, event: Event, role: str) -> bool:
    """Whether ``event``'s source (or target) is gold's: a coded actor overlaps the gold span (a
    resolved pronoun also where its antecedent is named: ``scorer.actor_spans``) (or,
    where gold names no span, nothing more is asked than the country) AND gold's country is one
    coded actor's country. An event coded with no actor in the role has country ``None``, so a
    gold actor that is absent or of unknown country matches it, and a named gold actor does not."""
    text, country = gold.actor(role)
    actors = _role_actors(event, role)
    if country not in ({a.country for a in actors} or {None}):
        return False
    if not text:
        return True
    return any(a_start < end and start < a_end for a in actors for a_start, a_end in actor_spans(a, sentence)
               for start, end in _spans(sentence, text))


def _type_counts(gold: Sequence[RealNewsSentence], predicted: Sequence[Sequence[Event]]) -> dict:
    """Per type [coded, coded right, gold, gold found], sentence by sentence."""
    counts: dict[str, list[int]] = {}
    for g, events in zip(gold, predicted, strict=True):
        gold_types = {e.event_type for e in _gold_actual(g)}
        coded_types = {e.event_type for e in events}
        for e in events:
            c = counts.setdefault(e.event_type, [0, 0, 0, 0])
            c[0] += 1
            c[1] += e.event_type in gold_types
        for e in _gold_actual(g):
            c = counts.setdefault(e.event_type, [0, 0, 0, 0])
            c[2] += 1
            c[3] += e.event_type in coded_types
    return counts


def _type_prf(coded: int, right: int, gold: int, found: int) -> dict:
    """P over coded events, R over gold events (the two sides count different things here, so the
    tp/fp/fn of :func:`prf` do not apply); ``support`` is the gold count, as in the other tables."""
    p = right / coded if coded else 0.0
    r = found / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "support": gold,
            "coded": coded, "coded_right": right, "gold": gold, "gold_found": found}


def type_scores(gold: Sequence[RealNewsSentence], predicted: Sequence[Sequence[Event]]) -> tuple[dict, dict]:
    """(per type, overall) precision/recall/F1 of event types; ``predicted`` holds the events that
    count as reported (the caller filters them)."""
    counts = _type_counts(gold, predicted)
    per = {label: _type_prf(*c) for label, c in sorted(counts.items())}
    return per, _type_prf(*(sum(c[i] for c in counts.values()) for i in range(4)))


def event_detection(gold: Sequence[RealNewsSentence], predicted: Sequence[Sequence[Event]]) -> dict:
    """Sentence level: does the sentence report an actual event (gold) / was one coded actual?"""
    tp = fp = fn = 0
    for g, events in zip(gold, predicted, strict=True):
        want, got = bool(_gold_actual(g)), bool(_actual(events))
        tp, fp, fn = tp + (want and got), fp + (got and not want), fn + (want and not got)
    return prf(tp, fp, fn)


def _share(hit: int, total: int) -> float | None:
    return round(hit / total, 4) if total else None


def type_actor_scores(gold: Sequence[RealNewsSentence], predicted: Sequence[Sequence[Event]],
                      role: str) -> dict:
    """Of the coded actual events, the share with the right type and the right ``role`` actor (span
    and country, :func:`actor_matches`) in one gold actual event; ``given_type`` is that share among
    the events whose type is right, which separates actor errors from type errors."""
    n = typed = hit = 0
    for g, events in zip(gold, predicted, strict=True):
        for e in _actual(events):
            same = [x for x in _gold_actual(g) if x.event_type == e.event_type]
            n, typed = n + 1, typed + bool(same)
            hit += any(actor_matches(g.text, x, e, role) for x in same)
    return {"share": _share(hit, n), "hit": hit, "n": n, "type_right": typed,
            "given_type": _share(hit, typed)}


def factuality_scores(gold: Sequence[RealNewsSentence], predicted: Sequence[Sequence[Event]]) -> dict:
    """Over gold events of any factuality whose type Chronicle coded in the sentence (with any
    factuality), the share where one coded event of that type has gold's factuality; overall and per
    gold factuality."""
    by_gold = {f: [0, 0] for f in FACTUALITIES}
    for g, events in zip(gold, predicted, strict=True):
        coded: dict[str, set[str]] = {}
        for e in events:
            coded.setdefault(e.event_type, set()).add(e.factuality)
        for x in g.events:
            if x.event_type in coded:
                by_gold[x.factuality][0] += x.factuality in coded[x.event_type]
                by_gold[x.factuality][1] += 1
    right, n = (sum(v[i] for v in by_gold.values()) for i in range(2))
    return {"accuracy": _share(right, n), "right": right, "n": n,
            "by_gold": {f: {"accuracy": _share(*v), "right": v[0], "n": v[1]} for f, v in by_gold.items()}}


def counts(gold: Sequence[RealNewsSentence], predicted: Sequence[Sequence[Event]]) -> dict:
    """How many sentences and events each side has (gold by factuality, coded by factuality)."""
    gold_f = Counter(x.factuality for g in gold for x in g.events)
    coded_f = Counter(e.factuality for events in predicted for e in events)
    return {
        "sentences": len(gold), "sentences_with_gold_event": sum(1 for g in gold if _gold_actual(g)),
        "sentences_with_coded_event": sum(1 for ev in predicted if _actual(ev)),
        "gold_events": sum(gold_f.values()), "gold_by_factuality": {f: gold_f[f] for f in FACTUALITIES},
        "coded_events": sum(coded_f.values()), "coded_by_factuality": {f: coded_f[f] for f in FACTUALITIES},
    }


def error_kinds(gold: Sequence[RealNewsSentence], predicted: Sequence[Sequence[Event]],
                top: int = TOP_ERRORS) -> dict:
    """The most frequent errors, to guide the next work: coded actual events of a type the sentence
    has no gold actual event of (by lower-cased trigger, and by type, with "in a sentence with no
    gold event" apart), and gold actual events whose type was not coded (by type, and gold trigger)."""
    fp_trigger, fp_type, missed_type, missed_trigger = Counter(), Counter(), Counter(), Counter()
    for g, events in zip(gold, predicted, strict=True):
        gold_types = {x.event_type for x in _gold_actual(g)}
        coded_types = {e.event_type for e in _actual(events)}
        for e in _actual(events):
            if e.event_type not in gold_types:
                fp_trigger[f"{e.trigger.text.lower()} ({e.event_type})"] += 1
                where = "gold: " + "/".join(sorted(gold_types)) if gold_types else "no gold event"
                fp_type[f"{e.event_type} ({where})"] += 1
        for x in _gold_actual(g):
            if x.event_type not in coded_types:
                missed_type[x.event_type] += 1
                missed_trigger[f"{(x.trigger or '').lower()} ({x.event_type})"] += 1
    return {name: [[k, v] for k, v in c.most_common(top)] for name, c in (
        ("false_positive_triggers", fp_trigger), ("false_positive_types", fp_type),
        ("missed_types", missed_type), ("missed_triggers", missed_trigger))}


def counts_by_article(gold: Sequence[RealNewsSentence], actual: Sequence[Sequence[Event]]) -> dict:
    """The counts behind the headline figures, summed per article (:mod:`intervals`); a sentence
    without an article id counts as an article of its own."""
    rows = []
    for g, events in zip(gold, actual, strict=True):
        gact = _gold_actual(g)
        ok = partial(actor_matches, g.text, role="source")
        rows.append((g.article_id or g.id, sentence_counts(gact, events, ok)))
    return article_counts(rows)


def score_realnews(gold: Sequence[RealNewsSentence], predicted: Sequence[Sequence[Event]]) -> dict:
    """All realnews figures: type table (``per_label``/``overall``, on coded actual events), event
    detection, type + source / target, factuality, counts, per corpus detection and type F1, and
    the most frequent errors; ``overall_all_factualities`` counts every coded event as reported."""
    actual = [_actual(events) for events in predicted]
    per, overall = type_scores(gold, actual)
    metrics = {"per_label": per, "overall": overall, "event_detection": event_detection(gold, predicted)}
    for role in ROLES:
        metrics[f"type_{role}"] = type_actor_scores(gold, predicted, role)
    metrics["factuality"] = factuality_scores(gold, predicted)
    metrics["counts"] = counts(gold, predicted)
    metrics["by_corpus"] = {}
    for corpus in sorted({g.corpus for g in gold}):
        rows = [i for i, g in enumerate(gold) if g.corpus == corpus]
        sub_gold, sub_pred = [gold[i] for i in rows], [predicted[i] for i in rows]
        metrics["by_corpus"][corpus] = {"sentences": len(rows),
                                        "event_detection": event_detection(sub_gold, sub_pred),
                                        "type": type_scores(sub_gold, [actual[i] for i in rows])[1]}
    metrics["errors"] = error_kinds(gold, predicted)
    metrics["article_counts"] = counts_by_article(gold, actual)
    metrics["intervals"] = article_intervals(metrics["article_counts"])
    metrics["overall_all_factualities"] = type_scores(gold, [list(ev) for ev in predicted])[1]
    return metrics


# --------------------------------------------------------------------------- printing

def _n(value) -> str:
    return "-" if value is None else f"{value:.3f}" if isinstance(value, float) else str(value)


def _prf_text(m: dict) -> str:
    return f"P {_n(m['precision'])} R {_n(m['recall'])} F1 {_n(m['f1'])}"


def _context_line(context: dict) -> str:
    if context["mode"] != "article":
        return "coded: each sentence alone (--context sentence)"
    alone = f", {context['sentences_alone']} alone (article not found)" if context["sentences_alone"] else ""
    return (f"coded: {context['sentences_in_articles']} sentences inside their {context['articles']} "
            f"articles{alone}")


def realnews_lines(m: dict) -> list[str]:
    """The realnews figures under the type table, in the text report's style."""
    d = m["event_detection"]
    lines = [_context_line(m.get("context") or {"mode": "sentence"}),
             f"event detection (sentence reports an actual event): {_prf_text(d)} "
             f"(tp {d['tp']}, fp {d['fp']}, fn {d['fn']})"]
    for role in ROLES:
        t = m[f"type_{role}"]
        lines.append(f"type + {role} (type, actor span or country, {role} country) of coded actual "
                     f"events: {_n(t['share'])} ({t['hit']}/{t['n']}); given the right type: "
                     f"{_n(t['given_type'])} ({t['hit']}/{t['type_right']})")
    f = m["factuality"]
    lines.append(f"factuality accuracy on gold events whose type was coded: {_n(f['accuracy'])} (n={f['n']}; "
                 + ", ".join(f"{k} {_n(v['accuracy'])} n={v['n']}" for k, v in f["by_gold"].items()) + ")")
    c = m["counts"]
    lines.append(f"counts: {c['sentences']} sentences, {c['sentences_with_gold_event']} with a gold actual "
                 f"event, {c['sentences_with_coded_event']} with a coded actual event; gold events "
                 f"{c['gold_events']} ({_by(c['gold_by_factuality'])}); coded events {c['coded_events']} "
                 f"({_by(c['coded_by_factuality'])})")
    for corpus, b in m["by_corpus"].items():
        lines.append(f"{corpus} ({b['sentences']} sentences): detection {_prf_text(b['event_detection'])}; "
                     f"type {_prf_text(b['type'])}")
    if "intervals" in m:
        lines.append(interval_text(m["intervals"]))
    o = m["overall_all_factualities"]
    lines.append(f"scored: events coded as actual; counting every coded event: {_prf_text(o)}")
    for key, what in (("false_positive_triggers", "false positives by trigger"),
                      ("false_positive_types", "false positives by type"),
                      ("missed_types", "missed gold types"), ("missed_triggers", "missed gold triggers")):
        lines.append(f"{what}: " + ", ".join(f"{k} {v}" for k, v in m["errors"][key]))
    return lines


def _by(counter: dict) -> str:
    return ", ".join(f"{k} {v}" for k, v in counter.items())
