"""The ``chronicle`` command: one module per verb, each a thin wrapper around a quiet function."""

from __future__ import annotations

import click

from chronicle import __version__
from chronicle.cli.actors import actors
from chronicle.cli.code import code
from chronicle.cli.dedupe import dedupe
from chronicle.cli.eval import eval_command
from chronicle.cli.export import export
from chronicle.cli.ingest import ingest
from chronicle.cli.recode import recode
from chronicle.cli.serve import serve
from chronicle.cli.stats import stats
from chronicle.cli.train import train


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="chronicle")
def cli() -> None:
    """Chronicle: code political events (who did what to whom, when, where) from news text."""


cli.add_command(code)
cli.add_command(eval_command)
cli.add_command(actors)
cli.add_command(ingest)
cli.add_command(export)
cli.add_command(recode)
cli.add_command(dedupe)
cli.add_command(serve)
cli.add_command(stats)
cli.add_command(train)


def main() -> None:
    """The console script's entry point (``chronicle``)."""
    cli()
