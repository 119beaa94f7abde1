"""``chronicle eval DATASET``: precision, recall and F1 on a labelled set in ../shared/eval-data, on
the project's own real-news set (datasets/realnews in the repository), or on a user's own gold file
in the plover-dev JSON Lines format (``chronicle eval my-gold.jsonl``)."""

from __future__ import annotations

import click

from chronicle.cli.options import actors_option, event_model_option, fail, lexicon_option, limit_option
from chronicle.errors import ChronicleError
from chronicle.evaluate.datasets import DATASETS
from chronicle.evaluate.goldfile import looks_like_gold_file

_HELP = f"""Code every sentence of DATASET, or of your own gold FILE.jsonl, and score the events
against its gold labels.

DATASET is one of: {", ".join(sorted(DATASETS))}. Datasets are read from ../shared/eval-data (or
$CHRONICLE_SHARED/eval-data); nothing from them is stored in the project. The realnews-train,
realnews-dev and realnews-test sets are the project's own labels, read from
datasets/realnews/gold.jsonl in the repository (not installed with the package); each sentence is
coded with its article's publication date where known. realnews-test is for reported figures only:
never tune on it. realnews-check is a fifth of the train articles, held aside from error reading to
judge changes with --compare.

FILE.jsonl (or .jsonl.gz) is a gold file of your own in the plover-dev format, one sentence a line:
{{"id": "s1", "text": "...", "relations": [{{"event_type": "AGREE", "source_text": "...",
"target_text": "..."}}]}}, with an optional "published" date (YYYY-MM-DD); "relations": [] marks a
sentence with no event. It is scored like plover-dev (CONCEDE and RETREAT as YIELD), and "n/a" marks
a figure that a label without gold support leaves undefined. The whole file is checked first: a
malformed line stops the run with one line naming the file, the line and the field. A name that is
both a dataset and a file means the dataset: write ./NAME for the file.
"""


@click.command("eval", help=_HELP,
               short_help="Score the coder on a labelled set or on your own gold FILE.jsonl.")
@click.argument("dataset", metavar="DATASET|FILE.jsonl")
@limit_option
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as JSON.")
@click.option("--no-screen", is_flag=True,
              help="Parse every sentence (skip the screen that parses only possible event sentences).")
@click.option("--context", type=click.Choice(["article", "sentence"]), default="article", show_default=True,
              help="realnews-* sets: code each sentence inside its article from ../shared/corpus, as "
                   "articles are coded (pronouns and surnames resolved), or alone.")
@click.option("--compare", "compare_path", type=click.Path(dir_okay=False), default=None, metavar="RUN.json",
              help="realnews-* sets: an earlier run's --json output on the same set; reports how this "
                   "run differs, with a paired 95% interval of each difference.")
@actors_option
@lexicon_option
@event_model_option
def eval_command(dataset, limit, as_json, no_screen, context, compare_path, actor_files, lexicon_files,
                 event_model):
    """Score the coder on a built-in labelled set or on the user's own gold file (see ``_HELP``)."""
    from rich.progress import Progress

    from chronicle.evaluate.goldfile import load_gold_file
    from chronicle.evaluate.runner import compare_with, evaluate, evaluate_file, read_comparison
    from chronicle.pipeline import Coder

    builtin = dataset in DATASETS
    if not builtin and not looks_like_gold_file(dataset):
        raise click.BadParameter(
            f"{dataset!r} is neither a dataset ({', '.join(sorted(DATASETS))}) nor a .jsonl gold file",
            param_hint="DATASET|FILE.jsonl")
    try:
        earlier = read_comparison(compare_path) if compare_path is not None else None
        if not builtin:
            load_gold_file(dataset)  # a malformed file stops here, before the model loads
        coder = Coder(actor_files=actor_files, lexicon_files=lexicon_files, screen=not no_screen,
                      event_model=event_model)
        with Progress(transient=True, console=_stderr_console()) as progress:
            task = progress.add_task(f"coding {dataset}", total=None)

            def tick(done: int, total: int) -> None:
                progress.update(task, completed=done, total=total)

            def code(text: str, published: str | None = None):
                return coder.code(text, published=published, doc_id="sentence")

            if builtin:
                report = evaluate(dataset, code, limit=limit, progress=tick,
                                  code_article=coder.code_article if context == "article" else None)
            else:
                report = evaluate_file(dataset, code, limit=limit, progress=tick)
        if earlier is not None:
            compare_with(report, earlier, compare_path)
    except ChronicleError as exc:
        raise fail(exc) from None
    click.echo(report.to_json() if as_json else report.format_text())


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)
