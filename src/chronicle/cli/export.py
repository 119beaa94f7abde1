"""``chronicle export``: stored events out as JSONL, CSV, Parquet or GDELT 2.0 rows, streaming.

``--merged`` exports one row per merged event (after ``chronicle dedupe``) instead of one per report.
"""

from __future__ import annotations

import re
import sys
from contextlib import contextmanager

import click

from chronicle.cli.options import (
    db_option, fail, lock_timeout_option, open_store, since_option, until_option,
)
from chronicle.errors import ChronicleError
from chronicle.schema import PLOVER_TYPES

EXPORT_FORMATS = ("jsonl", "csv", "parquet", "gdelt")
FACTUALITY = ("actual", "negated", "hypothetical", "future")
PAGE = 1000


def _country(ctx, param, value):
    if value is None:
        return None
    code = value.strip().upper()
    if not re.fullmatch(r"[A-Z]{3}", code):
        raise click.BadParameter(f"{value!r} is not a 3-letter code (ISO alpha-3 such as EGY, or IGO/NGO/MNC)")
    return code


@contextmanager
def _stream(out: str | None):
    """The output stream, ``--out`` or stdout. A failed write (a full disk, a closed pipe) ends the
    command in one line: what could not be written and why, with no traceback."""
    try:
        if not out:
            yield sys.stdout
            sys.stdout.flush()
            return
        with open(out, "w", encoding="utf-8", newline="") as handle:
            yield handle
    except BrokenPipeError:  # `chronicle export | head`: the reader has gone, stop quietly
        _silence_stdout()
        sys.exit(0)
    except OSError as exc:
        if not out:
            _silence_stdout()
        raise click.ClickException(f"cannot write {out or 'to standard output'}: "
                                   f"{exc.strerror or exc}") from None


def _silence_stdout() -> None:
    """Point stdout at /dev/null: what is still buffered for a failed stdout is dropped, not
    flushed again (and reported again) when Python exits."""
    import os

    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


@click.command()
@db_option
@lock_timeout_option
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="jsonl", show_default=True,
              help="jsonl (the event records), csv (flat), parquet (needs --out), gdelt (GDELT 2.0 "
                   "event table: 61 tab-separated columns, no header).")
@since_option
@until_option
@click.option("--event-type", "event_types", multiple=True,
              type=click.Choice(PLOVER_TYPES, case_sensitive=False),
              help="Only this PLOVER event type; may repeat.")
@click.option("--country", callback=_country, metavar="CODE",
              help="Only events with a source/target actor of, or a location in, this country (ISO alpha-3).")
@click.option("--factuality", type=click.Choice(FACTUALITY), help="Only events with this factuality.")
@click.option("--out", type=click.Path(dir_okay=False), default=None,
              help="Write to this file instead of stdout (required for parquet).")
@click.option("--merged", is_flag=True,
              help="One row per merged event (run 'chronicle dedupe' first): its representative "
                   "event with its counts of mentions, articles and sources, and its reports.")
def export(db, lock_timeout, fmt, since, until, event_types, country, factuality, out, merged):
    """Export stored events, filtered by date, type, country and factuality.

    Dates filter on the event's date: an event dated to a month or year matches when that period
    overlaps --since/--until; events without a date are left out by a date filter. With --merged
    the filters apply to each merged event's representative event. While another process writes
    the database, the command waits up to --lock-timeout seconds for it.
    """
    import duckdb

    from chronicle.store import EventFilter, copy_parquet, iter_records, store_error
    from chronicle.io.export import write_records
    from chronicle.store.query import iter_merged

    if since and until and since > until:
        raise click.ClickException(f"--since {since} is after --until {until}")
    if fmt == "parquet" and not out:
        raise click.ClickException("--format parquet needs --out FILE (Parquet is not written to stdout)")
    filters = EventFilter(event_types=tuple(t.upper() for t in event_types), country=country,
                          factuality=factuality)
    try:
        with open_store(db, lock_timeout, read_only=True) as store:
            if fmt == "parquet":
                count = copy_parquet(store, out, since, until, filters, merged=merged)
            else:
                if merged:  # checks the merge is there and current before opening --out
                    records = iter_merged(store, since, until, filters, batch_size=PAGE)
                else:
                    records = iter_records(store, since, until, filters, batch_size=PAGE)
                with _stream(out) as stream:
                    count = write_records(fmt, stream, records, merged=merged, page=PAGE)
    except ChronicleError as exc:
        raise fail(exc) from None
    except duckdb.Error as exc:  # a file damaged past the pages read when it was opened
        raise fail(store_error(db, exc, "read")) from None
    click.echo(f"chronicle: exported {count} {'merged ' if merged else ''}events", err=True)
