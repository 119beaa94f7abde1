"""Progress on stderr for the long commands (ingest, recode): a rich bar on a terminal, plain lines
otherwise, behind one interface.

When the number of inputs is known beforehand (``count_inputs``: files and folders, not stdin), the
bar shows it, how far the command is and the time left; otherwise it counts up. Every input item
counts once, whatever becomes of it: stored, skipped as a duplicate, or quarantined.
"""

from __future__ import annotations

import gzip
import os
import re
import zlib
from typing import Iterable

import click

_FEED_ENTRY = re.compile(rb"<(?:item|entry)[\s>/]")


def make_console():
    """The console the bar draws on: stderr (a test may replace this to draw on a terminal of its own)."""
    from rich.console import Console

    return Console(stderr=True)


def progress_bar_shown() -> bool:
    """Whether a bar will be drawn (stderr is a terminal): only then are the inputs counted."""
    return make_console().is_terminal


def progress_bar(total: int | None = None):
    """A rich progress bar on stderr (articles, articles/s; with a ``total``, a bar and the time
    left), or None when stderr is no terminal."""
    from rich.progress import (BarColumn, Progress, ProgressColumn, SpinnerColumn, TextColumn,
                               TimeElapsedColumn, TimeRemainingColumn)
    from rich.text import Text

    console = make_console()
    if not console.is_terminal:
        return None

    class Rate(ProgressColumn):
        def render(self, task) -> Text:
            speed = task.finished_speed or task.speed
            return Text(f"{speed:.1f} articles/s" if speed else "- articles/s", style="progress.data.speed")

    if total is None:
        columns = [SpinnerColumn(), TextColumn("{task.description}"),
                   TextColumn("{task.completed:>7.0f} articles"), Rate(), TimeElapsedColumn()]
    else:
        columns = [SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                   TextColumn("{task.completed:>7.0f}/{task.total:.0f} articles"), Rate(),
                   TimeElapsedColumn(), TextColumn("eta"), TimeRemainingColumn()]
    return Progress(*columns, console=console, transient=True)


class ArticleProgress:
    """The progress bar of a long command (``progress_bar``), or nothing when stderr is no terminal:
    callers report and print through it the same way in both cases. ``total``: the number of input
    items, when known (``count_inputs``)."""

    def __init__(self, label: str, total: int | None = None):
        self.label = label
        self.bar = progress_bar(total)
        self.task = self.bar.add_task(label, total=total) if self.bar else None

    def __enter__(self) -> "ArticleProgress":
        if self.bar is not None:
            self.bar.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)

    def advance(self, n: int) -> None:
        """Count ``n`` more articles done."""
        if self.bar is not None:
            self.bar.update(self.task, advance=n)

    def loading(self, now: bool) -> None:
        """Say that the coder is loading (``now``), or back to the label when it is loaded."""
        if self.bar is not None:
            self.bar.update(self.task, description="loading the coder" if now else self.label)

    def say(self, message: str) -> None:
        """Print a line on stderr without breaking the bar."""
        if self.bar is not None:
            self.bar.console.print(message, markup=False, highlight=False, soft_wrap=True)
        else:
            click.echo(message, err=True)


def ingest_total(paths: Iterable[str], limit: int | None) -> int | None:
    """The bar's total for an ingest of ``paths``: the input items, or None when they cannot be
    known beforehand (stdin) or ``--limit`` stops the ingest before their end (it counts only new
    articles, so where it stops is not known)."""
    total = count_inputs(paths)
    if total is None or (limit is not None and total > limit):
        return None
    return total


def count_inputs(paths: Iterable[str]) -> int | None:
    """How many items (articles and refused inputs) reading ``paths`` yields: a line of a JSONL
    file (gzipped too), an entry of a feed, a text or HTML file, a file that cannot be read; None
    when a path is ``-`` (stdin). Read at disk speed, without decoding anything."""
    from chronicle.io.read import SUPPORTED_SUFFIXES

    total = 0
    for raw in paths:
        path = os.fsdecode(raw)
        if path == "-":
            return None
        if not os.path.isdir(path):
            total += _count_file(path)
            continue
        found = [f for f in _files(path) if f.lower().endswith(SUPPORTED_SUFFIXES)]
        total += sum(_count_file(f) for f in found) or 1   # an empty folder is one refused input
    return total


def _files(root: str) -> list[str]:
    """Files under ``root``, hidden files and folders skipped, links to folders not followed."""
    found = []
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = [d for d in subfolders if not d.startswith(".")]
        found.extend(os.path.join(folder, n) for n in names if not n.startswith("."))
    return found


def _count_file(path: str) -> int:
    """Items of one file (see ``count_inputs``); 1 for anything that is one item or one refusal
    (a missing file, a FIFO, which is never opened here: opening one would wait for a writer)."""
    from chronicle.io.read import MAX_FEED_BYTES

    lower = path.lower()
    if not os.path.isfile(path):
        return 1
    try:
        if lower.endswith((".jsonl", ".jsonl.gz")):
            opener = gzip.open if lower.endswith(".gz") else open
            with opener(path, "rb") as handle:
                return sum(1 for line in handle if line.strip())
        if lower.endswith((".rss", ".atom", ".xml")):
            with open(path, "rb") as handle:
                data = handle.read(MAX_FEED_BYTES + 1)
            return max(len(_FEED_ENTRY.findall(data)), 1) if len(data) <= MAX_FEED_BYTES else 1
    except (OSError, EOFError, zlib.error):
        return 1              # the reader refuses the whole file in one line
    return 1
