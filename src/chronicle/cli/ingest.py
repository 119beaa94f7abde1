"""``chronicle ingest``: code new articles into the corpus database, each exactly once."""

from __future__ import annotations

import contextlib
import sys

import click

from chronicle.cli.coding import LazyCoder
from chronicle.cli.progress import ArticleProgress, ingest_total, progress_bar_shown
from chronicle.cli.options import (
    actors_option, batch_option, db_option, lexicon_option, limit_option, lock_timeout_option,
    open_store, published_option, resumable,
)


@click.command()
@click.argument("paths", nargs=-1, metavar="PATH...")
@db_option
@lock_timeout_option
@published_option
@actors_option
@lexicon_option
@batch_option
@limit_option
@click.option("--workers", type=click.IntRange(min=1), default=None, metavar="N",
              help="Code on a local Dask cluster of N worker processes (127.0.0.1 only).")
@click.option("--scheduler", default=None, metavar="tcp://HOST:PORT",
              help="Code on an existing Dask cluster (its workers need the same chronicle).")
@click.option("--dedupe/--no-dedupe", default=True, show_default=True,
              help="Afterwards, when new articles were stored or the stored merge is missing or out "
                   "of date, merge the reports of one event across articles (as 'chronicle dedupe' "
                   "does), so the store counts events.")
def ingest(paths, db, lock_timeout, published, actor_files, lexicon_files, batch_size, limit, workers,
           scheduler, dedupe):
    """Code articles into the corpus database; articles already stored are skipped.

    PATH is a .txt, .jsonl, .jsonl.gz, .html, .rss/.atom/.xml feed file, a folder of those
    (recursively), or - for stdin. Each batch of articles is stored with its events in one
    transaction: after an interruption, the same command finishes the rest. Inputs that cannot be
    read are recorded in the quarantine table and reported on stderr (exit status 1). The first
    batches are smaller (1, 2, 4, ... articles) so that the first events are stored early. --limit
    stops after that many new articles. --workers or --scheduler code on a Dask cluster; this
    process alone writes the database. Afterwards the events are merged across articles when new
    articles were stored or the stored merge is missing or out of date (an earlier run stopped
    during its merge); --no-dedupe leaves that to 'chronicle dedupe'. While another process uses
    the database, the command waits up to --lock-timeout seconds for it. On a terminal a progress
    bar shows the articles done and, when the inputs are files or folders (not stdin), their total
    and the time left.
    """
    from chronicle.io.read import read_paths
    from chronicle.store import ingest as ingest_items

    if workers is not None and scheduler is not None:
        raise click.UsageError("--workers starts a local Dask cluster and --scheduler uses an existing "
                               "one: give one of them, not both")
    if not paths:
        raise click.UsageError("give at least one PATH (a file, a folder) or - for stdin")
    progress = ArticleProgress("ingesting", ingest_total(paths, limit) if progress_bar_shown() else None)

    def tick(kind: str, n: int, item=None) -> None:
        if kind == "quarantined":
            progress.say(f"chronicle: quarantined {item}")
        progress.advance(n)

    with resumable("stored", db):
        if workers is None and scheduler is None:
            coding = contextlib.nullcontext(LazyCoder(actor_files, batch_size, on_load=progress.loading,
                                                      lexicon_files=lexicon_files))
        else:
            from chronicle.distributed import DaskCoder

            coding = DaskCoder(workers=workers, scheduler=scheduler, actor_files=actor_files,
                               lexicon_files=lexicon_files,
                               batch_size=batch_size, on_load=progress.loading)
        with open_store(db, lock_timeout) as store, coding as coder:
            items = read_paths(paths, published=published, stdin=sys.stdin)
            with progress:
                stats = ingest_items(store, items, coder, batch_size, limit=limit, progress=tick,
                                     ramp_up=True)
            merged = _merge(store) if dedupe and (stats.stored or not _merged(store)) else None
    click.echo(f"chronicle: {stats.summary()}")
    if merged is not None:
        click.echo(f"chronicle: {merged.summary()}")
    if stats.quarantined:
        sys.exit(1)


def _merged(store) -> bool:
    """Whether the stored merge covers exactly the stored events: a run that stored nothing new
    still merges when it is missing or stale (a kill during the last run's merge), so re-running
    the ingest heals the store."""
    from chronicle.store import StoreError
    from chronicle.store.query import require_merged

    try:
        require_merged(store)
    except StoreError:
        return False
    return True


def _merge(store):
    """Merge the reports stored since the last merge into the merged events (incremental: it reads
    only what the new reports could match, so it costs what the new articles cost, not the store).
    Every batch is already committed: a failure here loses no article, and a re-run finishes it."""
    from chronicle.dedup.store import merge_new

    return merge_new(store)
