"""``chronicle recode``: re-code stored articles coded by another coder or data version."""

from __future__ import annotations

import click

from chronicle.cli.coding import LazyCoder
from chronicle.cli.progress import ArticleProgress
from chronicle.cli.options import actors_option, batch_option, db_option, lexicon_option, resumable


@click.command()
@db_option
@actors_option
@lexicon_option
@batch_option
def recode(db, actor_files, lexicon_files, batch_size):
    """Re-code the stored articles whose events came from another coder or data version.

    Their events are replaced, one batch per transaction; an interrupted recode is finished by
    running it again. Articles already coded by this version are left alone.
    """
    from chronicle.store import Store, recode as recode_store

    progress = ArticleProgress("recoding")

    with resumable("recoded"), Store(db, create=False) as store:
        coder = LazyCoder(actor_files, batch_size, on_load=progress.loading, lexicon_files=lexicon_files)
        with progress:
            stats = recode_store(store, coder, batch_size, progress=lambda kind, n: progress.advance(n))
    click.echo(f"chronicle: {stats.summary()}")
