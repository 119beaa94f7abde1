"""``bbc-quiet``: false alarms on real news with few political events (BBC sport and tech stories).

There is no gold: every event coded on these articles is treated as a probable false alarm, and
the figure is events per 100 sentences (all events, and only ``factuality == "actual"`` ones),
overall and per category, against the project's target of at most :data:`TARGET_PER_100`. The
most frequent (event type, trigger) pairs show what fires.

The articles are read at run time from ``../shared/corpus/bbc-news/bbc-news.jsonl`` (located like
the eval-data sets, see :mod:`chronicle.evaluate.gold`); the BBC owns the text, so nothing of it is
copied into the project. Each whole article is one unit coded; sentences are counted with spaCy's
rule-based sentencizer on a blank English pipeline, keeping only those with at least
:data:`MIN_WORDS` word tokens (tokens with a letter or digit), so datelines and stray punctuation
do not inflate the denominator.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from chronicle.errors import DatasetError
from chronicle.evaluate.gold import GoldSentence, candidate_roots, read_jsonl
from chronicle.schema import Event

NAME = "bbc-quiet"
CATEGORIES = ("sport", "tech")
TARGET_PER_100 = 1.5   # issue 10: at most 1.5 events per 100 sentences of quiet text (was 2 before it)
MIN_WORDS = 3
TOP_TRIGGERS = 10

__all__ = [
    "CATEGORIES", "MIN_WORDS", "TARGET_PER_100", "bbc_news_file", "count_sentences",
    "load_bbc_quiet", "quiet_lines", "quiet_table", "read_bbc_news", "score_quiet",
]


# --------------------------------------------------------------------------- reading the corpus

def bbc_news_file() -> Path:
    """``<shared>/corpus/bbc-news/bbc-news.jsonl``, or a :class:`DatasetError` saying where it looked."""
    # CHRONICLE_SHARED may name the shared folder or its eval-data/ subfolder (as in gold.py).
    roots = [root.parent if root.name == "eval-data" else root for root in candidate_roots()]
    searched = [root / "corpus" / "bbc-news" / "bbc-news.jsonl" for root in dict.fromkeys(roots)]
    for path in searched:
        if path.is_file():
            return path
    raise DatasetError(
        f"dataset {NAME}: corpus not found at {' or '.join(map(str, searched))}; "
        "set CHRONICLE_SHARED to the folder that holds corpus/bbc-news/"
    )


def read_bbc_news(path: Path | None = None) -> list[dict]:
    """Every record of bbc-news.jsonl (all categories, duplicates kept), in file order."""
    path = path or bbc_news_file()
    return list(read_jsonl(path, NAME, _bbc_record))


def _bbc_record(rec: dict) -> dict:
    if not isinstance(rec["id"], str) or not isinstance(rec["text"], str):
        raise TypeError("id and text must be strings")
    return rec


def category(article_id: str) -> str | None:
    """``bbc-sport-012`` -> ``sport``; ``None`` for an id of another shape."""
    parts = article_id.split("-")
    return parts[1] if len(parts) == 3 and parts[0] == "bbc" else None


def load_bbc_quiet() -> list[GoldSentence]:
    """The sport and tech articles, exact duplicate texts dropped (the first one kept).

    Each record is a whole article (``text`` only, not the title) with ``meta["category"]``.
    Categories alternate (sport, tech, sport, ...) so a ``--limit`` run still covers both.
    """
    seen: set[str] = set()
    by_cat: dict[str, list[GoldSentence]] = {c: [] for c in CATEGORIES}
    for rec in read_bbc_news():
        cat = category(rec["id"])
        if cat not in by_cat or rec["text"] in seen:
            continue
        seen.add(rec["text"])
        by_cat[cat].append(GoldSentence(id=rec["id"], text=rec["text"],
                                        meta={"category": cat, "title": rec.get("title") or ""}))
    out: list[GoldSentence] = []
    for i in range(max(map(len, by_cat.values()))):
        out += [arts[i] for arts in by_cat.values() if i < len(arts)]
    return out


# --------------------------------------------------------------------------- counting sentences

@lru_cache(maxsize=1)
def _sentencizer():
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def count_sentences(texts: Iterable[str], min_words: int = MIN_WORDS) -> list[int]:
    """Per text, the sentences (rule-based sentencizer) with at least ``min_words`` word tokens."""
    counts = []
    for doc in _sentencizer().pipe(texts, batch_size=64):
        counts.append(sum(1 for sent in doc.sents
                          if sum(1 for tok in sent if any(ch.isalnum() for ch in tok.text)) >= min_words))
    return counts


# --------------------------------------------------------------------------- scoring

def _rate(events: int, sentences: int) -> float | None:
    return round(100 * events / sentences, 2) if sentences else None


def _block(articles: int, sentences: int, events: int, actual: int) -> dict:
    return {"articles": articles, "sentences": sentences, "events": events, "actual_events": actual,
            "events_per_100": _rate(events, sentences), "actual_per_100": _rate(actual, sentences)}


def score_quiet(golds: Sequence[GoldSentence], preds: Sequence[Sequence[Event]],
                sentences: Sequence[int] | None = None) -> dict:
    """Events per 100 sentences on articles that should yield (almost) none.

    ``sentences`` gives each article's sentence count; without it they are counted with
    :func:`count_sentences`. Per category uses ``meta["category"]`` (``other`` where unset).
    ``top_triggers`` ranks (event type, lower-cased trigger text) by count, ties alphabetically.
    """
    if len(golds) != len(preds):
        raise ValueError(f"{len(golds)} articles but {len(preds)} prediction lists")
    if sentences is None:
        sentences = count_sentences(g.text for g in golds)
    if len(sentences) != len(golds):
        raise ValueError(f"{len(golds)} articles but {len(sentences)} sentence counts")
    cats: dict[str, list[int]] = {}
    triggers: Counter = Counter()
    for g, events, n in zip(golds, preds, sentences):
        c = cats.setdefault(g.meta.get("category", "other"), [0, 0, 0, 0])
        actual = sum(1 for e in events if e.factuality == "actual")
        for i, v in enumerate((1, n, len(events), actual)):
            c[i] += v
        triggers.update((e.event_type, " ".join(e.trigger.text.lower().split())) for e in events)
    total = [sum(c[i] for c in cats.values()) for i in range(4)]
    top = sorted(triggers.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_TRIGGERS]
    return {
        "target_per_100": TARGET_PER_100,
        "min_words": MIN_WORDS,
        "overall": _block(*total),
        "per_category": {cat: _block(*cats[cat]) for cat in sorted(cats)},
        "top_triggers": [{"event_type": t, "trigger": w, "count": n} for (t, w), n in top],
    }


# --------------------------------------------------------------------------- formatting

QUIET_HEADER = ["subset", "articles", "sentences", "events", "per 100", "actual", "actual per 100",
                "target"]


def _fmt(rate: float | None) -> str:
    return "-" if rate is None else f"{rate:.2f}"


def quiet_table(metrics: dict) -> list[list[str]]:
    """Header, one row per category, then the overall row, each with the target beside it."""
    target = f"<= {metrics['target_per_100']:g}"
    rows = [list(QUIET_HEADER)]
    blocks = [*metrics.get("per_category", {}).items(), ("overall", metrics["overall"])]
    for label, b in blocks:
        rows.append([label, str(b["articles"]), str(b["sentences"]), str(b["events"]),
                     _fmt(b["events_per_100"]), str(b["actual_events"]), _fmt(b["actual_per_100"]),
                     target])
    return rows


def quiet_lines(metrics: dict) -> list[str]:
    """The verdict against the target, then the most frequent (event type, trigger) pairs."""
    o, target = metrics["overall"], metrics["target_per_100"]

    def verdict(rate):
        return "no sentences" if rate is None else ("met" if rate <= target else "missed")

    lines = [f"target (at most {target:g} events per 100 sentences of >= {metrics['min_words']} words): "
             f"all events {_fmt(o['events_per_100'])} {verdict(o['events_per_100'])}, "
             f"actual events {_fmt(o['actual_per_100'])} {verdict(o['actual_per_100'])}"]
    if metrics["top_triggers"]:
        lines.append("most frequent (event type, trigger):")
        width = max(len(t["event_type"]) for t in metrics["top_triggers"])
        lines += [f"{t['count']:>5}  {t['event_type']:<{width}}  {t['trigger']}"
                  for t in metrics["top_triggers"]]
    return lines
