"""``chronicle stats``: what the corpus database holds, in numbers (``chronicle.store.stats``)."""

from __future__ import annotations

import csv
import json
import sys

import click

from chronicle.cli.options import db_option, fail, lock_timeout_option, open_store
from chronicle.errors import ChronicleError

GROUP_LABELS = {"type": "event type", "country": "country", "month": "month",
                "factuality": "factuality", "dyad": "source -> target"}


@click.command()
@db_option
@lock_timeout_option
@click.option("--by", type=click.Choice(sorted(GROUP_LABELS)), default=None,
              help="Also count per event type, country (each country an event involves), month of "
                   "the event's date, factuality, or dyad (source country -> target country), with "
                   "each group's mean Goldstein score.")
@click.option("--json", "as_json", is_flag=True, help="Print the numbers as JSON.")
@click.option("--csv", "as_csv", is_flag=True, help="Print the numbers as CSV (the groups with --by).")
def stats(db, lock_timeout, by, as_json, as_csv):
    """Count the stored articles, events and merged events, or (--by) per group.

    Counts articles, events (reports), merged events and quarantined inputs; --by adds, per group,
    its events, merged events and mean Goldstein score. Merged events (real events, after 'chronicle dedupe') are shown only when the stored merge
    covers every stored event. A table by default; --json or --csv for scripts.
    """
    import duckdb

    from chronicle.store import store_error
    from chronicle.store.stats import store_stats

    if as_json and as_csv:
        raise click.UsageError("--json and --csv are two output forms: give one of them")
    try:
        with open_store(db, lock_timeout, read_only=True) as store:
            numbers = store_stats(store, by)
    except ChronicleError as exc:
        raise fail(exc) from None
    except duckdb.Error as exc:
        raise fail(store_error(db, exc, "read")) from None
    if as_json:
        click.echo(json.dumps(numbers, indent=2))
    elif as_csv:
        _write_csv(numbers)
    else:
        _print_tables(numbers)


def _write_csv(numbers: dict) -> None:
    """With --by the groups (key, events, merged_events, mean_goldstein), else the totals
    (count, value)."""
    writer = csv.writer(sys.stdout, lineterminator="\n")
    if numbers["by"]:
        writer.writerow([numbers["by"], "events", "merged_events", "mean_goldstein"])
        for row in numbers["groups"]:
            writer.writerow(["" if v is None else v for v in
                             (row["key"], row["events"], row["merged_events"], row["mean_goldstein"])])
    else:
        writer.writerow(["count", "value"])
        for name, value in numbers["totals"].items():
            writer.writerow([name, "" if value is None else value])


def _print_tables(numbers: dict) -> None:
    """The totals as one line, then (--by) a rich table of the groups."""
    from rich.console import Console
    from rich.table import Table

    console = Console(soft_wrap=True)
    totals = numbers["totals"]
    merged = (f"{totals['merged_events']:,} merged events" if numbers["merge_current"]
              else "merged events: run 'chronicle dedupe'")
    console.print(f"{totals['articles']:,} articles, {totals['events']:,} events, {merged}, "
                  f"{totals['quarantined']:,} quarantined inputs", markup=False, highlight=False)
    if not numbers["by"]:
        return
    table = Table(title=f"events by {GROUP_LABELS[numbers['by']]}", title_justify="left")
    table.add_column(GROUP_LABELS[numbers["by"]])
    for name in ("events", "merged events", "mean Goldstein"):
        table.add_column(name, justify="right")
    for row in numbers["groups"]:
        mean = row["mean_goldstein"]
        table.add_row("-" if row["key"] is None else str(row["key"]), f"{row['events']:,}",
                      "-" if row["merged_events"] is None else f"{row['merged_events']:,}",
                      "-" if mean is None else f"{mean:+.2f}")
    console.print(table)
