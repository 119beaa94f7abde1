"""Incremental de-duplication on a store of a million events: ingest 100 articles, merge them.

    python bench/dedup_scale.py [--events 1000000] [--shift-days 7] [--new 100] [--db FILE]
                                [--chunk-events 10000] [--skip-full]

The store is built from real coded articles, not through the coder: the New York Times and Fox News
articles of ``../shared/corpus/basil`` (200 articles, coded once with ``Coder().pipe`` and cached
like ``bench/dedup_eval.py`` does) are stored, then replicated in bulk by DuckDB ``INSERT ...
SELECT`` until the store holds ``--events`` events: copy *c* has every date (publication and event
dates, days, months and years) shifted by c x ``--shift-days`` days and its article ids, content
hashes, URLs and event ids suffixed ``~c``. Copies of one report are ``--shift-days`` apart, beyond
the 3-day window, so copies merge only through month- or year-dated reports, as articles recalling
one past event do. The whole store is then merged once (``merge_store``, what ``chronicle dedupe``
runs; timed too, in its own process).

Measured, in a fresh process (peak RSS: the process's ``VmHWM``, which includes Python, the imports
and DuckDB's buffers): storing the events of ``--new`` articles of the third outlet (HuffPost, the held-out
reports of the same stories, dated like the middle copy so that their stories' other reports are in
the store) in one transaction, as ``chronicle ingest`` stores a batch, then ``merge_new``. Their
dates span the ten years of basil, so the merge reads the store near a hundred different dates:
more than one day of news would need.

Prints the figures; ``--db FILE`` keeps the built and merged store (built again only when FILE is
missing; ``--skip-full`` then skips its full merge), and the new articles are stored into a copy.
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from chronicle.schema import Article, CoderInfo, Event
from chronicle.store import Store
from chronicle.store.db import ACTOR_COLUMNS, ARTICLE_COLUMNS, EVENT_COLUMNS
from dedup_eval import CORPORA, coded, load_corpus

NOW_INFO = CoderInfo(version="bench", data_version="bench")


def peak_rss_mb() -> float:
    """This process's peak resident memory in MB: ``VmHWM`` where Linux has it (``ru_maxrss`` of a
    child started by a large parent keeps the parent's peak across exec), else ``getrusage``."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


def basil() -> tuple[list[tuple[Article, list[Event]]], list[tuple[Article, list[Event]]]]:
    """(NYT + Fox articles with their events, HuffPost articles with theirs), texts restored."""
    articles, _ = load_corpus(CORPORA["basil"])
    texts = {a.id: a.text for a in articles}
    items = [(a.model_copy(update={"text": texts[a.id]}), events)
             for a, events in coded("basil", CORPORA["basil"])]
    held_out = [p for p in items if p[0].source == "HuffPost"]
    return [p for p in items if p[0].source != "HuffPost"], held_out


def _shifted(column: str) -> str:
    """SQL: the event's date moved by ``s`` days, kept at its precision (``column`` = first|last|value)."""
    first = ("CASE e.date_precision WHEN 'day' THEN e.date_first + s "
             "WHEN 'month' THEN date_trunc('month', e.date_first + s)::DATE "
             "ELSE date_trunc('year', e.date_first + s)::DATE END")
    if column == "first":
        return first
    if column == "last":
        return (f"CASE e.date_precision WHEN 'day' THEN {first} WHEN 'month' THEN last_day({first}) "
                f"ELSE make_date(year({first}), 12, 31) END")
    return (f"CASE e.date_precision WHEN 'day' THEN strftime({first}, '%Y-%m-%d') "
            f"WHEN 'month' THEN strftime({first}, '%Y-%m') ELSE strftime({first}, '%Y') END")


def replicate(store: Store, base: int, copies: int, shift_days: int) -> None:
    """Copies 1..copies-1 of the ``base`` template articles (seqs 1..base), in three statements."""
    c = "c.range"
    copy = f"FROM range(1, {copies}) c, (SELECT ({c} * {shift_days})::INTEGER AS s) sh"
    article_cols = {"id": f"a.id || '~' || {c}", "content_hash": f"a.content_hash || '~' || {c}",
                    "url": f"a.url || '~' || {c}", "published": "a.published + s"}
    cols = ", ".join(article_cols.get(k, f'a."{k}"') for k in ARTICLE_COLUMNS)
    store.conn.execute(f"INSERT INTO articles (seq, {', '.join(ARTICLE_COLUMNS)}) "
                       f"SELECT a.seq + {c} * {base}, {cols} {copy}, articles a WHERE a.seq <= {base}")
    value = _shifted("value")
    event_cols = {"article_seq": f"e.article_seq + {c} * {base}", "id": f"e.id || '~' || {c}",
                  "doc_id": f"e.doc_id || '~' || {c}",
                  "date_value": f"CASE WHEN e.date IS NULL THEN NULL ELSE {value} END",
                  "date_first": f"CASE WHEN e.date IS NULL THEN NULL ELSE {_shifted('first')} END",
                  "date_last": f"CASE WHEN e.date IS NULL THEN NULL ELSE {_shifted('last')} END",
                  "date": f"CASE WHEN e.date IS NULL THEN NULL ELSE "
                          f"json_merge_patch(e.date, json_object('value', {value})) END"}
    cols = ", ".join(event_cols.get(k, f'e."{k}"') for k in EVENT_COLUMNS)
    store.conn.execute(f"INSERT INTO events SELECT {cols} {copy}, events e WHERE e.article_seq <= {base}")
    actor_cols = {"article_seq": f"x.article_seq + {c} * {base}", "event_id": f"x.event_id || '~' || {c}"}
    cols = ", ".join(actor_cols.get(k, f'x."{k}"') for k in ACTOR_COLUMNS)
    store.conn.execute(f"INSERT INTO event_actors SELECT {cols} {copy}, event_actors x "
                       f"WHERE x.article_seq <= {base}")
    store.conn.execute(f"SELECT max(nextval('article_seq')) FROM range({(copies - 1) * base})")


def shift_pair(article: Article, events: list[Event], days: int, tag: str) -> tuple[Article, list[Event]]:
    """One article and its events moved by ``days`` (as ``replicate`` moves a copy), ids tagged."""
    import datetime as dt

    def moved(e: Event) -> Event:
        update = {"id": f"{e.id}~{tag}", "doc_id": f"{e.doc_id}~{tag}"}
        if e.date is not None:
            first = dt.date.fromisoformat((e.date.value + "-01-01")[:10]) + dt.timedelta(days=days)
            value = {"day": first.isoformat(), "month": first.isoformat()[:7]}.get(e.date.precision,
                                                                                str(first.year))
            update["date"] = e.date.model_copy(update={"value": value})
        return e.model_copy(update=update)

    published = article.published + dt.timedelta(days=days) if article.published else None
    art = article.model_copy(update={"id": f"{article.id}~{tag}", "published": published,
                                     "text": f"{article.text}\n~{tag}",
                                     "url": f"{article.url}~{tag}" if article.url else None})
    return art, [moved(e) for e in events]


def build(path: Path, target: int, shift_days: int) -> int:
    """The store of ``target`` events or more; returns the number of copies."""
    base, _ = basil()
    per_copy = sum(len(events) for _, events in base)
    copies = math.ceil(target / per_copy)
    start = time.perf_counter()
    with Store(path) as store:
        with store.transaction():
            store.add_articles(base, NOW_INFO, _now())
            replicate(store, len(base), copies, shift_days)
        counts = store.counts()
    print(f"built {path}: {counts['events']:,} events, {counts['articles']:,} articles "
          f"({copies} copies of {len(base)} articles, {per_copy} events) "
          f"in {time.perf_counter() - start:.0f} s",
          flush=True)
    return copies


def _now():
    import datetime as dt

    return dt.datetime(2026, 1, 1)


def child(mode: str, db: str, arg: str) -> None:
    """Runs in a fresh process: ``full`` merges the store; ``new`` stores and merges new articles."""
    from chronicle.dedup.store import merge_new, merge_store

    start_rss = peak_rss_mb()
    start = time.perf_counter()
    with Store(db) as store:
        if mode == "full":
            def told(done: int) -> None:
                print(f"  merged {done:,} events in {time.perf_counter() - start:.0f} s, "
                      f"peak RSS {peak_rss_mb():,.0f} MB", file=sys.stderr, flush=True)

            summary = merge_store(store, chunk_events=int(arg), progress=told)
            stored = 0
        else:
            with open(arg, encoding="utf-8") as fh:
                pairs = [(Article(**r["article"]), [Event(**e) for e in r["events"]])
                         for r in map(json.loads, fh)]
            start = time.perf_counter()
            with store.transaction():
                store.add_articles(pairs, NOW_INFO, _now())
            stored = time.perf_counter() - start
            summary = merge_new(store)
    took = time.perf_counter() - start
    print(json.dumps({"seconds": took, "store_seconds": stored, "peak_rss_mb": peak_rss_mb(),
                      "rss_before_mb": start_rss, "summary": summary.summary(),
                      "new_events": summary.new_events, "full": summary.full}))


def run_child(*args: str) -> dict:
    """Run ``child`` in a fresh Python and return its figures."""
    proc = subprocess.run([sys.executable, __file__, "--child", *args], stdout=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"the measuring process failed (exit {proc.returncode})")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--shift-days", type=int, default=7)
    parser.add_argument("--new", type=int, default=100)
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--chunk-events", type=int, default=10000)
    parser.add_argument("--skip-full", action="store_true", help="the store is merged already")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(*args.child)
    with tempfile.TemporaryDirectory(prefix="chronicle-dedup-scale-") as tmp:
        measure(args, Path(tmp))


def measure(args: argparse.Namespace, folder: Path) -> None:
    """Build (or reuse) and merge the store, then time storing and merging the new articles."""
    db = args.db or folder / "scale.duckdb"
    copies = build(db, args.events, args.shift_days) if not db.exists() else None
    if copies is None:
        with Store(db, read_only=True) as store:
            copies = store.conn.execute("SELECT max(seq) FROM articles").fetchone()[0] // 200
    if not args.skip_full:
        full = run_child("full", str(db), str(args.chunk_events))
        print(f"full merge (merge_store, chronicle dedupe): {full['seconds']:.0f} s, peak RSS "
              f"{full['peak_rss_mb']:,.0f} MB: {full['summary']}", flush=True)
    _, held_out = basil()
    middle = copies // 2
    new = [shift_pair(a, events, middle * args.shift_days, f"new{middle}")
           for a, events in held_out[:args.new]]
    batch = folder / "new.jsonl"
    with batch.open("w", encoding="utf-8") as fh:
        for a, events in new:
            fh.write(json.dumps({"article": a.model_dump(mode="json"),
                                 "events": [e.model_dump(mode="json") for e in events]}) + "\n")
    measured = folder / "measured.duckdb"          # the merged store stays as it is, for reruns
    shutil.copyfile(db, measured)
    fig = run_child("new", str(measured), str(batch))
    n_events = sum(len(events) for _, events in new)
    print(f"ingest {len(new)} new articles ({n_events} events) + merge_new: {fig['seconds']:.1f} s "
          f"(storing {fig['store_seconds']:.1f} s), peak RSS {fig['peak_rss_mb']:,.0f} MB "
          f"({fig['rss_before_mb']:,.0f} MB after imports); merged {fig['new_events']} events "
          f"{'(full re-merge!)' if fig['full'] else 'incrementally'}: {fig['summary']}")


if __name__ == "__main__":
    main()
