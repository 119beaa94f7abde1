"""``chronicle dedupe``: merge the stored reports of one event across articles, so the store counts
events, not reports."""

from __future__ import annotations

import click

from chronicle.cli.options import db_option, fail
from chronicle.errors import ChronicleError


@click.command()
@db_option
@click.option("--window-days", type=click.IntRange(min=0), default=3, show_default=True,
              help="How many days apart two reports dated only by their articles' publication may "
                   "still be one event.")
def dedupe(db, window_days):
    """Merge the stored events that report one real event in different articles.

    Rewrites the merged events and their reports in one transaction (running it again gives the
    same result); afterwards 'chronicle export --merged' writes one row per event with its counts of
    mentions, articles and sources. Run it again after ingesting or re-coding.
    """
    from chronicle.store import Store
    from chronicle.dedup.store import merge_store

    try:
        with Store(db, create=False) as store:
            summary = merge_store(store, window_days=window_days)
    except ChronicleError as exc:
        raise fail(exc) from None
    click.echo(f"chronicle: {summary.summary()}")
