"""``chronicle code``: articles in, events out (table, JSONL or CSV)."""

from __future__ import annotations

import os
import sys

import click

from chronicle.cli.options import (
    actors_option, batch_option, event_model_option, fail, lexicon_option, limit_option,
    published_option,
)
from chronicle.errors import ChronicleError, coding_failure
from chronicle.io.writers import FORMATS, open_writer
from chronicle.record import Rejected
from chronicle.io.read import read_paths


@click.command()
@click.argument("paths", nargs=-1, metavar="[PATH|-]...")
@published_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="Output format.")
@click.option("--out", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write to this file instead of stdout.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=None, metavar="FLOAT",
              help="Only write events whose confidence (the calibrated probability that the event's "
                   "type and factuality are right) is at least this (0 to 1).")
@click.option("--proposed-by", type=click.Choice(("rules", "model")), default=None,
              help="Only write events the rules proposed (a trigger word of the lexicon) or the "
                   "learned model did (its recall stage).")
@actors_option
@lexicon_option
@event_model_option
@limit_option
@batch_option
def code(paths, published, fmt, out, min_confidence, proposed_by, actor_files, lexicon_files, event_model,
         limit, batch_size):
    """Code articles into events.

    PATH is a .txt file (one article), a .jsonl file (one article a line: id, text, and optional
    title, published, source, url), an .html page, a folder of those, or - for stdin.
    """
    if not paths:
        raise click.UsageError("give at least one PATH (a .txt, .jsonl or .html file, a folder) or - for stdin")
    skipped = 0

    def articles():
        nonlocal skipped
        count = 0
        for item in read_paths(paths, published=published, stdin=sys.stdin):
            if isinstance(item, Rejected):
                skipped += 1
                click.echo(f"chronicle: skipped {item}", err=True)
                continue
            yield item
            count += 1
            if limit and count >= limit:
                return

    try:
        from chronicle.pipeline import Coder

        coder = Coder(actor_files=actor_files, lexicon_files=lexicon_files, batch_size=batch_size,
                      event_model=event_model)
        def set_aside(article, exc: Exception) -> None:
            nonlocal skipped
            skipped += 1
            click.echo(f"chronicle: skipped {article.id}: cannot be coded ({coding_failure(exc)})", err=True)

        with open_writer(fmt, out) as writer:
            for article, events in coder.pipe(articles(), on_error=set_aside):
                writer.write(article, confident(events, min_confidence, proposed_by))
    except ChronicleError as exc:
        raise fail(exc) from None
    except BrokenPipeError:  # `chronicle code ... | head`: the reader has gone, stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
    except OSError as exc:  # the output's disk or device is full (or gone)
        if exc.errno is None:
            raise
        if not out:  # what is still buffered for stdout would fail again at exit
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise click.ClickException(f"cannot write {out or 'to standard output'}: {exc.strerror}") from None
    if skipped:
        click.echo(f"chronicle: {skipped} input(s) skipped", err=True)
        sys.exit(1)


def confident(events, min_confidence: float | None, proposed_by: str | None = None):
    """The events at or above ``min_confidence`` (all of them without one), proposed by
    ``proposed_by`` (either without one)."""
    return [e for e in events if (min_confidence is None or e.confidence >= min_confidence)
            and (proposed_by is None or e.proposed_by == proposed_by)]
