"""``chronicle dedupe``: merge the stored reports of one event across articles, so the store counts
events, not reports."""

from __future__ import annotations

import click

from chronicle.cli.options import db_option, fail, lock_timeout_option, open_store
from chronicle.errors import ChronicleError


@click.command()
@db_option
@lock_timeout_option
@click.option("--window-days", type=click.IntRange(min=0), default=3, show_default=True,
              help="How many days apart two reports dated only by their articles' publication may "
                   "still be one event.")
def dedupe(db, lock_timeout, window_days):
    """Merge the stored events that report one real event in different articles.

    Rewrites the merged events and their reports in one transaction (running it again gives the
    same result); afterwards 'chronicle export --merged' writes one row per event with its counts of
    mentions, articles and sources. Run it again after ingesting or re-coding. While another
    process uses the database, the command waits up to --lock-timeout seconds for it.
    """
    import duckdb

    from chronicle.store import store_error
    from chronicle.dedup.store import merge_store

    try:
        with open_store(db, lock_timeout, create=False) as store:
            summary = merge_store(store, window_days=window_days)
    except ChronicleError as exc:
        raise fail(exc) from None
    except duckdb.Error as exc:
        raise fail(store_error(db, exc)) from None
    click.echo(f"chronicle: {summary.summary()}")
