"""``chronicle recode``: re-code stored articles coded by another coder or data version."""

from __future__ import annotations

import click

from chronicle.cli.coding import LazyCoder
from chronicle.cli.progress import ArticleProgress
from chronicle.cli.options import (
    actors_option, batch_option, db_option, lexicon_option, lock_timeout_option, open_store, resumable,
)


@click.command()
@db_option
@lock_timeout_option
@actors_option
@lexicon_option
@batch_option
def recode(db, lock_timeout, actor_files, lexicon_files, batch_size):
    """Re-code the stored articles whose events came from another coder or data version.

    Their events are replaced, one batch per transaction; an interrupted recode is finished by
    running it again. Articles already coded by this version are left alone. While another
    process uses the database, the command waits up to --lock-timeout seconds for it.
    """
    from chronicle.store import recode as recode_store

    progress = ArticleProgress("recoding")

    with resumable("recoded", db), open_store(db, lock_timeout, create=False) as store:
        coder = LazyCoder(actor_files, batch_size, on_load=progress.loading, lexicon_files=lexicon_files)
        with progress:
            stats = recode_store(store, coder, batch_size, progress=lambda kind, n: progress.advance(n))
    click.echo(f"chronicle: {stats.summary()}")
