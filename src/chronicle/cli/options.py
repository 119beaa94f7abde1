"""Option decorators shared by commands, so the same flag means the same thing everywhere."""

from __future__ import annotations

import contextlib
import sys

import click

from chronicle.errors import ChronicleError, InputError
from chronicle.io.read import parse_date


def _date(ctx, param, value):
    if value is None:
        return None
    try:
        return parse_date(value, where=f"--{param.name}")
    except InputError as exc:
        raise click.BadParameter(exc.problem) from None


published_option = click.option(
    "--published", callback=_date, metavar="YYYY-MM-DD",
    help="Publication date for articles that carry none (anchors 'Thursday', actor roles).")
actors_option = click.option(
    "--actors", "actor_files", multiple=True, type=click.Path(dir_okay=False),
    help="Extra actor file (YAML, same format as the built-in ones); may repeat. Overrides built-in ids.")
lexicon_option = click.option(
    "--lexicon", "lexicon_files", multiple=True, type=click.Path(dir_okay=False),
    help="Extra trigger lexicon (YAML, same format as data/triggers.yaml); may repeat. Its senses "
         "are tried before the built-in ones.")
event_model_option = click.option(
    "--event-model", type=click.Path(file_okay=False), default=None, metavar="DIR",
    help="Use the event classifier in DIR (written by 'chronicle train') instead of the shipped one.")
limit_option = click.option("--limit", type=click.IntRange(min=1), default=None,
                            help="Stop after this many articles / sentences.")
batch_option = click.option("--batch-size", type=click.IntRange(min=1), default=16, show_default=True,
                            help="Articles parsed together.")


def fail(error: ChronicleError) -> click.ClickException:
    """A library error as a one-line CLI error (exit 1)."""
    return click.ClickException(error.message)


@contextlib.contextmanager
def resumable(done: str, db: str | None = None):
    """For commands that write the database batch by batch (ingest, recode): a library error is one
    CLI line (exit 1), and so is a DuckDB error on the database ``db`` (a file damaged past its
    first pages shows only when they are read); Ctrl-C keeps the committed batches and says how to
    finish (exit 130)."""
    import duckdb

    from chronicle.store import store_error

    try:
        yield
    except ChronicleError as exc:
        raise fail(exc) from None
    except duckdb.Error as exc:
        raise fail(store_error(db or "the database", exc)) from None
    except KeyboardInterrupt:
        click.echo(f"chronicle: interrupted; the batches {done} so far are kept, run the same command "
                   "again to finish", err=True)
        sys.exit(130)


DEFAULT_DB = "chronicle.duckdb"
db_option = click.option(
    "--db", "db", envvar="CHRONICLE_DB", default=DEFAULT_DB, show_default=True, show_envvar=True,
    type=click.Path(dir_okay=False), metavar="FILE",
    help="The corpus database (DuckDB file); env CHRONICLE_DB.")
lock_timeout_option = click.option(
    "--lock-timeout", type=click.FloatRange(min=0), default=10.0, show_default=True, metavar="SECONDS",
    help="While another process writes the database (or reads it, for a writer), wait this long "
         "for it before giving up.")


def open_store(db: str, lock_timeout: float, **options):
    """The ``Store`` at ``db``, waiting up to ``lock_timeout`` seconds for another process that
    holds it and saying so on stderr (a silent wait looks like a hang)."""
    from chronicle.store import Store

    def waiting(message: str) -> None:
        click.echo(f"chronicle: {message}", err=True)

    return Store(db, lock_timeout=lock_timeout, on_wait=waiting, **options)


since_option = click.option("--since", callback=_date, metavar="YYYY-MM-DD",
                            help="Only events dated on or after this day.")
until_option = click.option("--until", callback=_date, metavar="YYYY-MM-DD",
                            help="Only events dated on or before this day.")
