"""``chronicle eval DATASET``: precision, recall and F1 on a labelled set in ../shared/eval-data, or on
the project's own real-news set (datasets/realnews in the repository)."""

from __future__ import annotations

import click

from chronicle.cli.options import actors_option, fail, lexicon_option, limit_option
from chronicle.errors import ChronicleError
from chronicle.evaluate.datasets import DATASETS


@click.command("eval")
@click.argument("dataset", type=click.Choice(sorted(DATASETS)))
@limit_option
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as JSON.")
@click.option("--no-screen", is_flag=True,
              help="Parse every sentence (skip the screen that parses only possible event sentences).")
@actors_option
@lexicon_option
def eval_command(dataset, limit, as_json, no_screen, actor_files, lexicon_files):
    """Code every sentence of DATASET and score the events against its gold labels.

    Datasets are read from ../shared/eval-data (or $CHRONICLE_SHARED/eval-data); nothing from them
    is stored in the project. The realnews-train, realnews-dev and realnews-test sets are the
    project's own labels, read from datasets/realnews/gold.jsonl in the repository (not installed
    with the package); each sentence is coded with its article's publication date where known.
    realnews-test is for reported figures only: never tune on it.
    """
    from rich.progress import Progress

    from chronicle.evaluate.runner import evaluate
    from chronicle.pipeline import Coder

    try:
        coder = Coder(actor_files=actor_files, lexicon_files=lexicon_files, screen=not no_screen)
        with Progress(transient=True, console=_stderr_console()) as progress:
            task = progress.add_task(f"coding {dataset}", total=None)

            def tick(done: int, total: int) -> None:
                progress.update(task, completed=done, total=total)

            def code(text: str, published: str | None = None):
                return coder.code(text, published=published, doc_id="sentence")

            report = evaluate(dataset, code, limit=limit, progress=tick)
    except ChronicleError as exc:
        raise fail(exc) from None
    click.echo(report.to_json() if as_json else report.format_text())


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)
