"""``chronicle recode``: re-code stored articles coded by another coder or data version."""

from __future__ import annotations

import sys

import click

from chronicle.cli.ingest import LazyCoder, progress_bar
from chronicle.cli.options import actors_option, batch_option, db_option, fail
from chronicle.errors import ChronicleError


@click.command()
@db_option
@actors_option
@batch_option
def recode(db, actor_files, batch_size):
    """Re-code the stored articles whose events came from another coder or data version.

    Their events are replaced, one batch per transaction; an interrupted recode is finished by
    running it again. Articles already coded by this version are left alone.
    """
    from chronicle.store import Store, recode as recode_store

    bar = progress_bar()
    task = bar.add_task("recoding", total=None) if bar else None

    def tick(kind: str, n: int) -> None:
        if bar is not None:
            bar.update(task, advance=n)

    def loading(now: bool) -> None:
        if bar is not None:
            bar.update(task, description="loading the coder" if now else "recoding")

    try:
        with Store(db, create=False) as store:
            coder = LazyCoder(actor_files, batch_size, on_load=loading)
            if bar is not None:
                with bar:
                    stats = recode_store(store, coder, batch_size, progress=tick)
            else:
                stats = recode_store(store, coder, batch_size, progress=tick)
    except ChronicleError as exc:
        raise fail(exc) from None
    except KeyboardInterrupt:
        click.echo("chronicle: interrupted; the batches recoded so far are kept, run the same "
                   "command again to finish", err=True)
        sys.exit(130)
    click.echo(f"chronicle: {stats.summary()}")
