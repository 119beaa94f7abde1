"""``chronicle export``: stored events out as JSONL, CSV, a long CSV of actors, Parquet, GDELT 2.0
events or mentions (streaming), or the whole store as a SQLite file for datasette.

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

EXPORT_FORMATS = ("jsonl", "csv", "csv-actors", "parquet", "gdelt", "gdelt-mentions", "sqlite")
FILE_FORMATS = {"parquet": "Parquet", "sqlite": "SQLite"}
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


def _factualities(ctx, param, values) -> tuple[str, ...] | None:
    """``--factuality actual,negated`` (or repeated) -> the values; ``all`` -> () (no filter);
    not given -> None (each format's default)."""
    if not values:
        return None
    chosen: list[str] = []
    for value in values:
        for part in value.split(","):
            word = part.strip().lower()
            if word == "all":
                return ()
            if word not in FACTUALITY:
                raise click.BadParameter(f"{part.strip()!r} is not one of {', '.join(FACTUALITY)} or all")
            if word not in chosen:
                chosen.append(word)
    return tuple(chosen)


def _check(fmt, out, merged, since, until, filtered) -> None:
    """Refuse, before the database is opened, options that do not go together."""
    if since and until and since > until:
        raise click.ClickException(f"--since {since} is after --until {until}")
    if fmt in FILE_FORMATS and not out:
        raise click.ClickException(f"--format {fmt} needs --out FILE ({FILE_FORMATS[fmt]} is not "
                                   f"written to stdout)")
    if fmt == "csv-actors" and merged:
        raise click.UsageError("--merged does not apply to --format csv-actors: join its event_id "
                               "to the id of the --merged export")
    if fmt == "sqlite" and (merged or filtered):
        raise click.UsageError("--format sqlite copies the whole store (merged events included): "
                               "filters and --merged do not apply")


def _check_reviews(fmt, merged, filtered) -> None:
    """``--reviews`` writes every review as jsonl or csv; event filters and --merged do not apply."""
    if fmt not in ("jsonl", "csv"):
        raise click.UsageError(f"--reviews writes jsonl or csv, not --format {fmt}")
    if merged or filtered:
        raise click.UsageError("--reviews writes every review with the event it judges: "
                               "event filters and --merged do not apply")


@click.command()
@db_option
@lock_timeout_option
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="jsonl", show_default=True,
              help="jsonl (event records with their article), csv (flat, typed by a shipped Table "
                   "Schema), csv-actors (one row per event and actor), parquet (typed, nested; needs "
                   "--out), gdelt (GDELT 2.0 event table: 61 tab-separated columns, no header; actual "
                   "events only unless --factuality says otherwise), gdelt-mentions (GDELT 2.0 "
                   "Mentions table of the reports; best with --merged), sqlite (the whole store for "
                   "datasette; needs --out).")
@since_option
@until_option
@click.option("--event-type", "event_types", multiple=True,
              type=click.Choice(PLOVER_TYPES, case_sensitive=False),
              help="Only this PLOVER event type; may repeat.")
@click.option("--country", callback=_country, metavar="CODE",
              help="Only events with a source/target actor of, or a location in, this country (ISO alpha-3).")
@click.option("--factuality", "factualities", multiple=True, callback=_factualities,
              metavar="F[,F...]|all",
              help="Only events with these factualities (actual, negated, hypothetical, future; "
                   "comma-separated or repeated), or all. Default: all, except for gdelt and "
                   "gdelt-mentions: actual (GDELT codes no denied, hypothetical or future events).")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=None, metavar="FLOAT",
              help="Only events whose overall confidence is at least this (0 to 1).")
@click.option("--proposed-by", type=click.Choice(("rules", "model")), default=None,
              help="Only events the rules proposed (a trigger word of the lexicon) or the learned "
                   "model did (its recall stage).")
@click.option("--out", type=click.Path(dir_okay=False), default=None,
              help="Write to this file instead of stdout (required for parquet and sqlite).")
@click.option("--merged", is_flag=True,
              help="One row per merged event (run 'chronicle dedupe' first): its representative "
                   "event with its counts of mentions, articles and sources, and its reports.")
@click.option("--reviews", is_flag=True,
              help="Export the reviews people made in the web explorer or API instead of events: one "
                   "row per review (verdict, corrections, who, when) with the event it judges "
                   "(jsonl or csv).")
def export(db, lock_timeout, fmt, since, until, event_types, country, factualities, min_confidence,
           proposed_by, out, merged, reviews):
    """Export stored events, filtered by date, type, country, factuality and confidence.

    Dates filter on the event's date: an event dated to a month or year matches when that period
    overlaps --since/--until; events without a date are left out by a date filter. With --merged
    the filters apply to each merged event's representative event. While another process writes
    the database, the command waits up to --lock-timeout seconds for it.
    """
    import duckdb

    from chronicle.io.selection import Selection
    from chronicle.store import EventFilter, store_error

    filtered = bool(since or until or event_types or country or factualities is not None
                    or min_confidence is not None or proposed_by is not None)
    if reviews:
        return _export_reviews(db, lock_timeout, fmt, out, merged, filtered)
    _check(fmt, out, merged, since, until, filtered)
    if factualities is None:
        factualities = ("actual",) if fmt in ("gdelt", "gdelt-mentions") else ()
    selection = Selection(since, until, EventFilter(event_types=tuple(t.upper() for t in event_types),
                                                    country=country),
                          factualities=factualities, min_confidence=min_confidence, proposed_by=proposed_by)
    try:
        with open_store(db, lock_timeout, read_only=True) as store:
            count = _export(store, fmt, out, selection, merged)
    except ChronicleError as exc:
        raise fail(exc) from None
    except duckdb.Error as exc:  # a file damaged past the pages read when it was opened
        raise fail(store_error(db, exc, "read")) from None
    if fmt == "sqlite":
        _say_sqlite(out, count)
    else:
        click.echo(f"chronicle: exported {count} {'merged ' if merged else ''}events", err=True)


def _export(store, fmt, out, selection, merged):
    """Write the export; the number of events, or (sqlite) the counts the writer returns."""
    if fmt == "sqlite":
        return _sqlite(store, out)
    if fmt == "parquet":
        from chronicle.io.parquet import write_parquet

        return write_parquet(store, out, selection, merged=merged)
    from chronicle.io.export import select_records, write_records
    from chronicle.io.selection import ArticleLookup

    records = select_records(store, selection, merged=merged, page=PAGE)  # a stale merge stops here
    with _stream(out) as stream:
        return write_records(fmt, stream, records, ArticleLookup(store), merged=merged, page=PAGE)


def _export_reviews(db, lock_timeout, fmt, out, merged, filtered) -> None:
    """``--reviews``: every stored review with its event, as jsonl or csv."""
    import duckdb

    from chronicle.io.reviews import write_reviews
    from chronicle.store import store_error

    _check_reviews(fmt, merged, filtered)
    try:
        with open_store(db, lock_timeout, read_only=True) as store, _stream(out) as stream:
            count = write_reviews(fmt, stream, store)
    except ChronicleError as exc:
        raise fail(exc) from None
    except duckdb.Error as exc:
        raise fail(store_error(db, exc, "read")) from None
    click.echo(f"chronicle: exported {count} reviews", err=True)


def _sqlite(store, out):
    """The SQLite copy of the store for datasette (``chronicle.store.sqlite_export``)."""
    from chronicle.store.sqlite_export import write_sqlite

    return write_sqlite(store, out)


def _say_sqlite(out: str, count: dict) -> None:
    """What the SQLite export wrote: rows per table, the metadata file, a merge left out."""
    tables = ", ".join(f"{n:,} {t}" for t, n in count["tables"].items())
    click.echo(f"chronicle: wrote {out} ({tables}) and {count['metadata']}", err=True)
    if not count["merged"]:
        click.echo("chronicle: the merge is out of date, so merged_events and reports were left empty: "
                   "run 'chronicle dedupe' first", err=True)
