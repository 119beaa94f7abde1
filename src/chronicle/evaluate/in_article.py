"""Code the real-news gold sentences inside their articles, as a user's articles are coded.

The ``realnews-*`` sentences were drawn from whole articles of ``../shared/corpus`` (BBC, BASIL,
ECB+; ``datasets/realnews/README.md``), and a reader of the article knows what a sentence alone does
not: who "he" and "Mr Blair" are, which country "the police" belong to. Chronicle codes articles, so
the figure that says what a user gets codes each article once and scores, for each gold sentence, the
events whose trigger lies inside it, or the trigger of one of its repeats (``Event.repeats``: an article
reporting an event twice gives one event record) (``gold.jsonl`` keeps each sentence's character
offsets in its article). The actors' offsets are moved to the sentence's own, which the scorer reads;
for a repeat, the record's actors take the repeat's own words (``Repeat.source``/``target``).

Where ``../shared/corpus`` is missing, or an article's text no longer holds the sentence at its
offsets, that sentence is coded alone, and the metrics say how many were (``context``).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

from chronicle.evaluate.gold import candidate_roots
from chronicle.schema import Actor, ActorWords, Article, Event, Span

CORPUS_FILES = {"bbc-news": "bbc-news/bbc-news.jsonl", "basil": "basil/basil.jsonl",
                "ecbplus": "ecbplus/ecbplus.jsonl"}
"""The corpus files under ``../shared/corpus`` the gold sentences were drawn from, by gold ``corpus``."""

__all__ = ["CORPUS_FILES", "code_in_articles", "corpus_root", "read_articles"]


def corpus_root() -> Path | None:
    """``../shared/corpus`` (found as the evaluation data is), or ``None`` when it is not there."""
    return next((root / "corpus" for root in candidate_roots() if (root / "corpus").is_dir()), None)


def read_articles(wanted: dict[str, set[str]], root: Path) -> dict[str, dict]:
    """The corpus records (``id``, ``text``, ``title`` ...) of the article ids wanted, by corpus;
    a corpus file that is missing or unreadable gives no articles (its sentences are coded alone)."""
    found: dict[str, dict] = {}
    for corpus, ids in wanted.items():
        path = root / CORPUS_FILES.get(corpus, f"{corpus}/{corpus}.jsonl")
        try:
            with path.open(encoding="utf-8") as fh:
                for line in fh:
                    if line.strip() and (rec := json.loads(line)).get("id") in ids:
                        found[rec["id"]] = rec
        except (OSError, ValueError):
            continue
    return found


def _moved(event: Event, offset: int) -> Event:
    """The event with its trigger's and actors' offsets counted from the sentence's start."""
    def move(actor: Actor) -> Actor:
        return actor.model_copy(update={"start": actor.start - offset, "end": actor.end - offset})

    return event.model_copy(update={
        "source": [move(a) for a in event.source], "target": [move(a) for a in event.target],
        "trigger": event.trigger.model_copy(update={"start": event.trigger.start - offset,
                                                    "end": event.trigger.end - offset})})


def _in_repeat(actors: list[Actor], words: list[ActorWords]) -> list[Actor]:
    """The record's actors as a repeat names them: each takes the offsets (and the ``method``, which
    says whether the scorer may also look for a pronoun's antecedent) of the repeat's words of the same
    position; the codes stay the record's (merged reports name the same actors). An actor the repeat
    has no words for is left out, so the sentence is scored exactly as a first report naming only
    those actors would be: kept with the first report's offsets it could not match the sentence's
    words, but its country would still count in the country test, a looser test than a first report's.
    (``merge_repeats`` gives words for every record actor: the two reports name the same actors.)"""
    return [actor.model_copy(update={"start": w.start, "end": w.end, "text": w.text, "method": w.method})
            for actor, w in zip(actors, words)]


def _as_reported_in(event: Event, gold) -> Event | None:
    """The event as the gold sentence reports it: itself when its trigger lies in the sentence, with
    the repeat's trigger and actor words when one of its repeats does (a later report in the article
    merged into it: a sentence that repeats an event reports it, and the event record holds the words
    that say so), else None."""
    if gold.start <= event.trigger.start < gold.end:
        return event
    for rep in event.repeats:
        if gold.start <= rep.start < gold.end:
            return event.model_copy(update={
                "trigger": Span(text=rep.text, start=rep.start, end=rep.end),
                "source": _in_repeat(event.source, rep.source), "target": _in_repeat(event.target, rep.target)})
    return None


def code_in_articles(gold: Sequence, code_article: Callable[[Article], list[Event]],
                     code_sentence: Callable[..., list[Event]], progress=None) -> tuple[list[list[Event]], dict]:
    """(events per gold sentence, what was done): each article holding gold sentences is coded once;
    a sentence whose article cannot be read is coded alone by ``code_sentence``."""
    root = corpus_root()
    wanted: dict[str, set[str]] = defaultdict(set)
    for g in gold:
        wanted[g.corpus].add(g.article_id)
    articles = read_articles(wanted, root) if root is not None else {}
    coded: dict[str, list[Event]] = {}
    predicted: list[list[Event]] = []
    alone = 0
    for done, g in enumerate(gold, 1):
        rec = articles.get(g.article_id)
        if rec is None or rec.get("text", "")[g.start:g.end] != g.text:
            alone += 1
            predicted.append(list(code_sentence(g.text, published=g.published)))
        else:
            if g.article_id not in coded:
                coded[g.article_id] = list(code_article(Article(
                    id=g.article_id, text=rec["text"], title=rec.get("title"),
                    published=g.published or None, source=g.outlet or None)))
            predicted.append([_moved(e, g.start) for e in map(lambda e: _as_reported_in(e, g), coded[g.article_id])
                              if e is not None])
        if progress is not None:
            progress(done, len(gold))
    return predicted, {"mode": "article", "articles": len(coded), "sentences_in_articles": len(gold) - alone,
                       "sentences_alone": alone, "corpus": str(root) if root is not None else None}
