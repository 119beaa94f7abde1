"""Pure scoring functions: gold sentences + the events coded for each -> a JSON-ready metrics dict.

Kept free of I/O and of the coder so they can be checked on hand-made examples. Each returns
``{"per_label": {label: {precision, recall, f1, support, tp, fp, fn}}, "overall": {...}, ...}``
plus set-specific entries; the runner only formats them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from chronicle.evaluate.gold import GoldRelation, GoldSentence
from chronicle.schema import QUAD_CLASS, Actor, Event

# plover-dev merges CONCEDE and RETREAT into one label (the ZSP paper's choice; CAMEO root 08).
TYPE_ALIASES = {"CONCEDE": "YIELD", "RETREAT": "YIELD"}
QUAD_LABELS = (0, 1, 2, 3, 4)


def prf(tp: int, fp: int, fn: int) -> dict:
    """Precision, recall, F1 with the counts that produced them; ``None`` where a figure is
    undefined, so a report says "n/a" rather than a 0 that reads as a failure: precision with
    nothing predicted, recall and F1 with no gold support. With support but no hit, F1 is 0."""
    p = tp / (tp + fp) if tp + fp else None
    r = tp / (tp + fn) if tp + fn else None
    f = None if r is None else 2 * p * r / (p + r) if p and r else 0.0
    return {"precision": _round(p), "recall": _round(r), "f1": _round(f),
            "support": tp + fn, "tp": tp, "fp": fp, "fn": fn}


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _table(counts: dict[str, list[int]]) -> tuple[dict, dict]:
    per = {label: prf(*c) for label, c in sorted(counts.items())}
    tot = [sum(c[i] for c in counts.values()) for i in range(3)]
    return per, prf(*tot)


def _share(hit: int, total: int) -> float | None:
    return round(hit / total, 4) if total else None


def _pair(golds: list, preds: list, score) -> list[tuple]:
    """Pair each gold with a distinct prediction of the same key, greedily by ``score``.

    ``golds``/``preds`` are (key, item) lists; every key-equal pair is a match, and among the
    candidates the one that agrees best on actors is taken, so counts do not depend on order.
    """
    used: set[int] = set()
    pairs = []
    for key, gold in golds:
        options = [(score(gold, p), -j, j) for j, (k, p) in enumerate(preds) if k == key and j not in used]
        if options:
            _, _, j = max(options)
            used.add(j)
            pairs.append((gold, preds[j][1]))
    return pairs


# --------------------------------------------------------------------------- plover-dev

def _locate(sentence: str, text: str | None) -> list[tuple[int, int]] | None:
    """Every place the sentence has the gold words, as whole words ("Mali" is not the "mali" of
    "normalization"); a gold phrase such as "Iran" may occur twice, and the coded actor may sit on
    either. Words found only inside other words count as found there; absent words give None."""
    if not text:
        return None
    whole = [(m.start(), m.end()) for m in re.finditer(r"(?<!\w)" + re.escape(text) + r"(?!\w)", sentence, re.I)]
    if whole:
        return whole
    start = sentence.lower().find(text.lower())
    return [(start, start + len(text))] if start >= 0 else None


def _role_actors(event: Event, role: str) -> list[Actor]:
    # A reciprocal event ("A and B agreed") lists both sides; either may be the gold source/target.
    if event.reciprocal:
        return [*event.source, *event.target]
    return list(event.source if role == "source" else event.target)


def actor_spans(actor: Actor, sentence: str | None = None) -> list[tuple[int, int]]:
    """Where ``actor`` is named in ``sentence``: its own words and, for a pronoun or description
    the coder resolved to an antecedent (method ``anaphor:WORDS``, the antecedent's words), every
    place the sentence has those words. "Tajikistan says it will not accept refugees" codes "it"
    as Tajikistan: gold's "Tajikistan" is that actor, though the spans do not touch."""
    spans = [(actor.start, actor.end)]
    method = actor.method or ""
    if sentence and method.startswith("anaphor:") and method[len("anaphor:"):].strip():
        low, words, at = sentence.lower(), method[len("anaphor:"):].strip().lower(), 0
        while (i := low.find(words, at)) >= 0:
            spans.append((i, i + len(words)))
            at = i + 1
    return spans


def _overlaps(spans: list[tuple[int, int]] | None, actors: list[Actor], sentence: str | None = None) -> bool:
    return spans is not None and any(start < span[1] and span[0] < end for span in spans
                                     for a in actors for start, end in actor_spans(a, sentence))


def score_plover(gold: Sequence[GoldSentence], predicted: Sequence[Sequence[Event]]) -> dict:
    """Relation-level type scores (each gold relation matched by at most one event of its type)
    and, on matched relations, whether the gold source/target text overlaps a coded actor span.

    Gold spans are found in the sentence case-insensitively, as whole words, at every occurrence
    (:func:`_locate`); relations whose text is absent (placeholders such as "a recipient") are left
    out of that role's agreement. A pronoun the coder resolved also counts where its antecedent is
    named (:func:`actor_spans`).

    Only events coded as ``actual`` are scored, as in :func:`sentence_class`: the gold relations
    are events that happened (CAMEO codes a threat or an intent as the verbal act, which the coder
    also codes as an actual event); a hypothetical, future or negated event is the coder saying it
    did not (yet) happen. ``overall_all_factualities`` gives the score counting every coded event.
    """
    all_events = _score_plover(gold, predicted)
    actual = _score_plover(gold, [[e for e in events if e.factuality == "actual"] for events in predicted])
    actual["overall_all_factualities"] = all_events["overall"]
    actual["quad"] = plover_quad_accuracy(gold, predicted)
    return actual


def plover_quad_accuracy(gold: Sequence[GoldSentence], predicted: Sequence[Sequence[Event]]) -> dict:
    """The GDELT/ICEWS user's view of a sentence: is the QuadClass of its most confident actual event
    (0: none) the QuadClass of one of its gold relations? CONCEDE, RETREAT and plover-dev's merged
    YIELD count as material cooperation (2), as CAMEO's "08 Yield" does (:func:`sentence_class`)."""
    right = n = 0
    for g, events in zip(gold, predicted, strict=True):
        wanted = {2 if r.event_type in ("YIELD", *TYPE_ALIASES) else QUAD_CLASS.get(r.event_type) for r in g.relations}
        if not wanted:
            continue
        live = [e for e in events if e.factuality == "actual"]
        best = max(live, key=lambda e: e.confidence) if live else None
        got = 0 if best is None else 2 if best.event_type in TYPE_ALIASES else best.quad_class
        n += 1
        right += got in wanted
    return {"accuracy": _share(right, n), "n": n}


def _score_plover(gold: Sequence[GoldSentence], predicted: Sequence[Sequence[Event]]) -> dict:
    counts: dict[str, list[int]] = {}
    agree = {"source": [0, 0], "target": [0, 0]}
    for g, events in zip(gold, predicted, strict=True):
        golds = [(r.event_type, r) for r in g.relations]
        preds = [(TYPE_ALIASES.get(e.event_type, e.event_type), e) for e in events]
        spans = {id(r): (_locate(g.text, r.source_text), _locate(g.text, r.target_text)) for r in g.relations}

        def actor_score(rel: GoldRelation, ev: Event) -> int:
            src, tgt = spans[id(rel)]
            return _overlaps(src, _role_actors(ev, "source"), g.text) + _overlaps(tgt, _role_actors(ev, "target"), g.text)

        pairs = _pair(golds, preds, actor_score)
        matched = Counter(TYPE_ALIASES.get(e.event_type, e.event_type) for _, e in pairs)
        for label in {k for k, _ in golds} | {k for k, _ in preds}:
            tp = matched[label]
            c = counts.setdefault(label, [0, 0, 0])
            c[0] += tp
            c[1] += sum(1 for k, _ in preds if k == label) - tp
            c[2] += sum(1 for k, _ in golds if k == label) - tp
        for rel, ev in pairs:
            for i, role in enumerate(("source", "target")):
                span = spans[id(rel)][i]
                if span is not None:
                    agree[role][1] += 1
                    agree[role][0] += _overlaps(span, _role_actors(ev, role), g.text)
    per, overall = _table(counts)
    return {
        "per_label": per, "overall": overall,
        "source_agreement": _share(*agree["source"]), "source_agreement_n": agree["source"][1],
        "target_agreement": _share(*agree["target"]), "target_agreement_n": agree["target"][1],
    }


# --------------------------------------------------------------------------- conflibert-cameo

def sentence_class(events: Sequence[Event]) -> int:
    """Quad class (1-4) of the most confident actual event, else 0 (statement / no event).

    Negated, hypothetical and future events are not events that happened ("is considering sending
    aid" is CAMEO 014, a statement).

    The ConfliBERT labels come from CAMEO, where "08 Yield" is material cooperation; PLOVER files
    the verbal part of yielding as CONCEDE (verbal cooperation). A CONCEDE event is therefore
    scored as class 2, as CAMEO would count it, the way plover-dev merges CONCEDE and RETREAT.
    An appeal (CAMEO 02, coded as PLOVER REQUEST) is in the labels' class 0 with statements
    (CAMEO "PentaClass" puts 01 and 02 there), so it is not counted as an event here.
    """
    live = [e for e in events if e.factuality == "actual" and not (e.cameo or "").startswith("02")]
    if not live:
        return 0
    best = max(live, key=lambda e: e.confidence)
    return 2 if best.event_type == "CONCEDE" else best.quad_class


def score_quad(gold: Sequence[GoldSentence], predicted: Sequence[Sequence[Event]]) -> dict:
    """Sentence classification: accuracy, per-class and macro P/R/F1, confusion[gold][pred]."""
    confusion = [[0] * len(QUAD_LABELS) for _ in QUAD_LABELS]
    for g, events in zip(gold, predicted, strict=True):
        if g.label is None:
            continue
        confusion[g.label][sentence_class(events)] += 1
    n = sum(map(sum, confusion))
    correct = sum(confusion[i][i] for i in QUAD_LABELS)
    per = {}
    for i in QUAD_LABELS:
        tp = confusion[i][i]
        per[str(i)] = prf(tp, sum(row[i] for row in confusion) - tp, sum(confusion[i]) - tp)
    overall = {"accuracy": _share(correct, n) or 0.0, "support": n}
    for k in ("precision", "recall", "f1"):
        # An undefined per-class figure counts 0 in the macro average, as before "n/a" existed.
        overall[f"macro_{k}"] = round(sum(v[k] or 0.0 for v in per.values()) / len(per), 4)
    return {"per_label": per, "overall": overall, "confusion": confusion,
            "confusion_labels": list(QUAD_LABELS)}


# --------------------------------------------------------------------------- petrarch-gsr

@lru_cache(maxsize=1)
def _iso3() -> frozenset[str] | None:
    try:
        import pycountry
    except ImportError:
        return None
    return frozenset(c.alpha_3 for c in pycountry.countries) | {"XKX"}


def gold_country(code: str | None) -> str | None:
    """Country part of a CAMEO actor code ("USAGOV" -> "USA"), or ``None`` where it has none:
    "---" (unknown country), quoted new actors, and IGO/NGO/IMG/region codes that are not states."""
    if not code or not re.fullmatch(r"[A-Z]{3}\w*", code.strip()):
        return None
    prefix = code.strip()[:3]
    known = _iso3()
    if known is not None:
        return prefix if prefix in known else None
    return None if prefix in {"IGO", "NGO", "IMG", "MNC", "UIS"} else prefix


def cameo_root(code: str | None) -> str | None:
    """The two-digit CAMEO root of a code ("0311" -> "03"): gold sets are scored at root level."""
    return code[:2] if code and len(code) >= 2 and code[:2].isdigit() else None


def _country_hit(code: str | None, actors: list[Actor]) -> bool | None:
    want = gold_country(code)
    if want is None:
        return None
    return any((a.country or "").upper() == want for a in actors)


def noevent_rate(gold: Sequence[GoldSentence], predicted: Sequence[Sequence[Event]]) -> dict:
    """Share of noevent sentences with no coded event, and with no coded *actual* event."""
    pairs = [(g, ev) for g, ev in zip(gold, predicted, strict=True) if g.noevent]
    none = sum(1 for _, ev in pairs if not ev)
    no_actual = sum(1 for _, ev in pairs if not any(e.factuality == "actual" for e in ev))
    return {"n": len(pairs), "no_event": _share(none, len(pairs)),
            "no_actual_event": _share(no_actual, len(pairs))}


def score_petrarch(gold: Sequence[GoldSentence], predicted: Sequence[Sequence[Event]]) -> dict:
    """CAMEO root agreement on sentences with gold triples (multiset per sentence; an event with no
    CAMEO code counts as a wrong prediction), country agreement on matched events, noevent rate."""
    counts: dict[str, list[int]] = {}
    country = {"source": [0, 0], "target": [0, 0]}
    no_cameo = 0
    for g, events in zip(gold, predicted, strict=True):
        if not g.relations:
            continue
        golds = [(cameo_root(r.cameo), r) for r in g.relations]
        preds = [(cameo_root(e.cameo) or "none", e) for e in events]
        no_cameo += sum(1 for k, _ in preds if k == "none")

        def score(rel: GoldRelation, ev: Event) -> int:
            return bool(_country_hit(rel.source_code, _role_actors(ev, "source"))) + bool(
                _country_hit(rel.target_code, _role_actors(ev, "target")))

        pairs = _pair(golds, preds, score)
        matched = Counter(cameo_root(r.cameo) for r, _ in pairs)
        for label in {k for k, _ in golds} | {k for k, _ in preds}:
            c = counts.setdefault(label, [0, 0, 0])
            c[0] += matched[label]
            c[1] += sum(1 for k, _ in preds if k == label) - matched[label]
            c[2] += sum(1 for k, _ in golds if k == label) - matched[label]
        for rel, ev in pairs:
            for role, code in (("source", rel.source_code), ("target", rel.target_code)):
                hit = _country_hit(code, _role_actors(ev, role))
                if hit is not None:
                    country[role][1] += 1
                    country[role][0] += hit
    per, overall = _table(counts)
    return {
        "per_label": per, "overall": overall, "events_without_cameo": no_cameo,
        "source_country_agreement": _share(*country["source"]), "source_country_n": country["source"][1],
        "target_country_agreement": _share(*country["target"]), "target_country_n": country["target"][1],
        "noevents": noevent_rate(gold, predicted),
    }
