"""``chronicle ingest``: code new articles into the corpus database, each exactly once."""

from __future__ import annotations

import contextlib
import itertools
import sys

import click

from chronicle.cli.options import (
    actors_option, batch_option, db_option, limit_option, published_option, resumable,
)


def make_coder(actor_files=(), batch_size: int = 16):
    """The Coder the store commands use (a seam: tests put a fake one here)."""
    from chronicle.pipeline import Coder

    return Coder(actor_files=actor_files, batch_size=batch_size)


class LazyCoder:
    """Loads the Coder (spaCy, data files: seconds) only when there is something new to code."""

    def __init__(self, actor_files=(), batch_size: int = 16, on_load=None):
        self.actor_files, self.batch_size = actor_files, batch_size
        self.on_load = on_load or (lambda loading: None)
        self.coder = None

    def pipe(self, articles, batch_size: int | None = None):
        stream = iter(articles)
        first = next(stream, None)
        if first is None:
            return iter(())
        return self._loaded().pipe(itertools.chain([first], stream), batch_size=batch_size)

    def pipe_batches(self, batches):
        """Code each batch of ``store.ingest`` on its own, so that a small first batch comes back
        as soon as it is coded rather than once ``batch_size`` articles are."""
        for batch in batches:
            yield list(self._loaded().pipe(batch, batch_size=len(batch)))

    def _loaded(self):
        if self.coder is None:
            self.on_load(True)
            self.coder = make_coder(self.actor_files, self.batch_size)
            self.on_load(False)
        return self.coder


def progress_bar():
    """A rich progress bar on stderr (articles, articles/s), or None when stderr is no terminal."""
    from rich.console import Console
    from rich.progress import Progress, ProgressColumn, SpinnerColumn, TextColumn, TimeElapsedColumn
    from rich.text import Text

    console = Console(stderr=True)
    if not console.is_terminal:
        return None

    class Rate(ProgressColumn):
        def render(self, task) -> Text:
            speed = task.finished_speed or task.speed
            return Text(f"{speed:.1f} articles/s" if speed else "- articles/s", style="progress.data.speed")

    return Progress(SpinnerColumn(), TextColumn("{task.description}"),
                    TextColumn("{task.completed:>7.0f} articles"), Rate(), TimeElapsedColumn(),
                    console=console, transient=True)


class ArticleProgress:
    """The progress bar of a long command (``progress_bar``), or nothing when stderr is no terminal:
    callers report and print through it the same way in both cases."""

    def __init__(self, label: str):
        self.label = label
        self.bar = progress_bar()
        self.task = self.bar.add_task(label, total=None) if self.bar else None

    def __enter__(self) -> "ArticleProgress":
        if self.bar is not None:
            self.bar.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)

    def advance(self, n: int) -> None:
        if self.bar is not None:
            self.bar.update(self.task, advance=n)

    def loading(self, now: bool) -> None:
        if self.bar is not None:
            self.bar.update(self.task, description="loading the coder" if now else self.label)

    def say(self, message: str) -> None:
        if self.bar is not None:
            self.bar.console.print(message, markup=False, highlight=False, soft_wrap=True)
        else:
            click.echo(message, err=True)


@click.command()
@click.argument("paths", nargs=-1, metavar="PATH...")
@db_option
@published_option
@actors_option
@batch_option
@limit_option
@click.option("--workers", type=click.IntRange(min=1), default=None, metavar="N",
              help="Code on a local Dask cluster of N worker processes (127.0.0.1 only).")
@click.option("--scheduler", default=None, metavar="tcp://HOST:PORT",
              help="Code on an existing Dask cluster (its workers need the same chronicle).")
@click.option("--dedupe/--no-dedupe", default=True, show_default=True,
              help="After storing new articles, merge the reports of one event across articles "
                   "(as 'chronicle dedupe' does), so the store counts events.")
def ingest(paths, db, published, actor_files, batch_size, limit, workers, scheduler, dedupe):
    """Code articles into the corpus database; articles already stored are skipped.

    PATH is a .txt, .jsonl, .jsonl.gz, .html, .rss/.atom/.xml feed file, a folder of those
    (recursively), or - for stdin. Each batch of articles is stored with its events in one
    transaction: after an interruption, the same command finishes the rest. Inputs that cannot be
    read are recorded in the quarantine table and reported on stderr (exit status 1). The first
    batches are smaller (1, 2, 4, ... articles) so that the first events are stored early. --limit
    stops after that many new articles. --workers or --scheduler code on a Dask cluster; this
    process alone writes the database. When new articles were stored, the events are merged across
    articles afterwards (--no-dedupe leaves that to 'chronicle dedupe').
    """
    from chronicle.stages.read import read_paths
    from chronicle.store import Store, ingest as ingest_items

    if workers is not None and scheduler is not None:
        raise click.UsageError("--workers starts a local Dask cluster and --scheduler uses an existing "
                               "one: give one of them, not both")
    if not paths:
        raise click.UsageError("give at least one PATH (a file, a folder) or - for stdin")
    progress = ArticleProgress("ingesting")

    def tick(kind: str, n: int, item=None) -> None:
        if kind == "quarantined":
            progress.say(f"chronicle: quarantined {item}")
        progress.advance(n)

    with resumable("stored"):
        if workers is None and scheduler is None:
            coding = contextlib.nullcontext(LazyCoder(actor_files, batch_size, on_load=progress.loading))
        else:
            from chronicle.store.distributed import DaskCoder

            coding = DaskCoder(workers=workers, scheduler=scheduler, actor_files=actor_files,
                               batch_size=batch_size, on_load=progress.loading)
        with Store(db) as store, coding as coder:
            items = read_paths(paths, published=published, stdin=sys.stdin)
            with progress:
                stats = ingest_items(store, items, coder, batch_size, limit=limit, progress=tick,
                                     ramp_up=True)
            merged = _merge(store) if dedupe and stats.stored else None
    click.echo(f"chronicle: {stats.summary()}")
    if merged is not None:
        click.echo(f"chronicle: {merged.summary()}")
    if stats.quarantined:
        sys.exit(1)


def _merge(store):
    """Merge the stored reports across articles (``chronicle dedupe`` with its defaults). Every
    batch is already committed: a failure here loses no article, and 'chronicle dedupe' redoes it."""
    from chronicle.store.merge import merge_store

    return merge_store(store)
