"""``chronicle export``: stored events out as JSONL, CSV, Parquet or GDELT 2.0 rows, streaming.

``--merged`` exports one row per merged event (after ``chronicle dedupe``) instead of one per report.
"""

from __future__ import annotations

import re
import sys
from contextlib import contextmanager

import click

from chronicle.cli.options import db_option, fail, since_option, until_option
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
    if not out:
        yield sys.stdout
        return
    try:
        handle = open(out, "w", encoding="utf-8", newline="")
    except OSError as exc:
        raise click.ClickException(f"cannot write {out}: {exc.strerror or exc}") from None
    with handle:
        yield handle


@click.command()
@db_option
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
def export(db, fmt, since, until, event_types, country, factuality, out, merged):
    """Export stored events, filtered by date, type, country and factuality.

    Dates filter on the event's date: an event dated to a month or year matches when that period
    overlaps --since/--until; events without a date are left out by a date filter. With --merged
    the filters apply to each merged event's representative event.
    """
    from chronicle.store import EventFilter, Store, copy_parquet, iter_records
    from chronicle.io.export import write_records
    from chronicle.store.query import iter_merged

    if since and until and since > until:
        raise click.ClickException(f"--since {since} is after --until {until}")
    if fmt == "parquet" and not out:
        raise click.ClickException("--format parquet needs --out FILE (Parquet is not written to stdout)")
    filters = EventFilter(event_types=tuple(t.upper() for t in event_types), country=country,
                          factuality=factuality)
    try:
        with Store(db, read_only=True) as store:
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
    except BrokenPipeError:  # `chronicle export | head`: the reader has gone, stop quietly
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
    click.echo(f"chronicle: exported {count} {'merged ' if merged else ''}events", err=True)
