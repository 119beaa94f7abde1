"""``chronicle recode``: re-code stored articles coded by another coder or data version."""

from __future__ import annotations

import sys

import click

from chronicle.cli.ingest import ArticleProgress, LazyCoder
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

    progress = ArticleProgress("recoding")

    try:
        with Store(db, create=False) as store:
            coder = LazyCoder(actor_files, batch_size, on_load=progress.loading)
            with progress:
                stats = recode_store(store, coder, batch_size, progress=lambda kind, n: progress.advance(n))
    except ChronicleError as exc:
        raise fail(exc) from None
    except KeyboardInterrupt:
        click.echo("chronicle: interrupted; the batches recoded so far are kept, run the same "
                   "command again to finish", err=True)
        sys.exit(130)
    click.echo(f"chronicle: {stats.summary()}")
