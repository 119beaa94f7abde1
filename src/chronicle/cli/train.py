"""``chronicle train``: reviews made in ``chronicle serve`` become training data for the event model.

Reads every review with the event it judges (``chronicle.io.reviews_data``), trains the event
classifier on them and on the base data (``chronicle.models.training``), and writes a model folder
that ``EventClassifier.load(DIR)`` reads like the shipped one; ``--gold-out`` also writes the
reviews as a gold file for ``chronicle eval FILE``.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from chronicle.cli.options import db_option, fail, lock_timeout_option, open_store
from chronicle.errors import ChronicleError

_HELP = """Train the event classifier on the reviews stored in the database, and write it to DIR.

A review marked right is a positive example of the event's type at its trigger; wrong with no
correction a negative one (no event of that type there); a corrected event type a positive example
of the corrected type. Each review counts --review-weight times. The base data is the realnews train
split (datasets/realnews beside the package source, found by itself in a checkout, or --base DIR):
both heads are trained afresh on it plus the reviews (the rules run over its sentences first, which
loads spaCy). With --base none, or when no base data is found, the shipped model is fine-tuned on
the reviews alone. DIR then holds config.json and weights.npz (loadable like the shipped model) and
training.json (what it was trained on). --gold-out FILE also writes the reviewed sentences as a gold
file in the plover-dev format, for 'chronicle eval FILE'.
"""


@click.command(help=_HELP, short_help="Train the event model on the reviews in the database.")
@db_option
@lock_timeout_option
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False), metavar="DIR",
              help="Folder to write the trained model to (created if absent).")
@click.option("--base", default="auto", show_default=True, metavar="DIR|none",
              help="Base training data: a realnews folder (holding gold.jsonl) or gold.jsonl file, "
                   "'auto' (datasets/realnews beside the package source, if there) or 'none' "
                   "(fine-tune the shipped model on the reviews alone).")
@click.option("--review-weight", type=click.IntRange(min=1), default=3, show_default=True,
              help="How many times each reviewed example counts.")
@click.option("--gold-out", type=click.Path(dir_okay=False), default=None, metavar="FILE",
              help="Also write the reviewed sentences as a gold file (plover-dev JSON Lines).")
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
def train(db, lock_timeout, out_dir, base, review_weight, gold_out, as_json):
    """Train the event classifier on the database's reviews (see ``_HELP``)."""
    import duckdb

    from chronicle.store import store_error

    try:
        report = run_training(db, lock_timeout, Path(out_dir), base, review_weight, gold_out)
    except ChronicleError as exc:
        raise fail(exc) from None
    except duckdb.Error as exc:
        raise fail(store_error(db, exc, "read")) from None
    except OSError as exc:
        raise click.ClickException(f"cannot write {exc.filename or out_dir}: {exc.strerror}") from None
    click.echo(json.dumps(report, indent=2) if as_json else format_report(report))


def _say(message: str) -> None:
    click.echo(f"chronicle: {message}", err=True)


def run_training(db: str, lock_timeout: float, out_dir: Path, base: str, review_weight: int,
                 gold_out: str | None) -> dict:
    """Read the reviews, write the gold file (when asked), train and save; the report."""
    from chronicle.io.reviews_data import gold_records, training_examples, write_gold_file
    from chronicle.models.event_classifier import EventClassifier
    from chronicle.models.training import TrainingError, review_agreement, train_classifier

    with open_store(db, lock_timeout, read_only=True) as store:
        examples, counts = training_examples(store)
        gold = gold_records(store) if gold_out else None
    report: dict = {"db": db, "reviews": counts}
    if gold_out:
        report["gold_file"] = {"path": gold_out, "sentences": write_gold_file(gold, gold_out)}
    if not examples:
        skipped = "; ".join(f"{n} {why}" for why, n in counts["skipped"].items())
        raise TrainingError(f"{db}: none of the {counts['reviews']} reviews gives a training example ({skipped})")
    base_path = resolve_base(base)
    sentences = base_sentences(base_path) if base_path else None
    start = EventClassifier.load()
    model, info = train_classifier(examples, start, sentences, review_weight=review_weight, log=_say)
    model.save(out_dir)
    report.update(out=str(out_dir), base=str(base_path) if base_path else None, training=info,
                  agreement_with_reviews={"shipped": review_agreement(start, examples),
                                          "trained": review_agreement(model, examples)})
    (out_dir / "training.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    return report


def resolve_base(base: str) -> Path | None:
    """The base data's gold.jsonl: None for 'none' (or 'auto' outside a checkout), else the file."""
    from chronicle.models.training import TrainingError

    if base.lower() == "none":
        return None
    if base == "auto":
        from chronicle.evaluate.realnews import repository_root

        found = repository_root() / "datasets" / "realnews" / "gold.jsonl"
        if found.is_file():
            return found
        _say("no datasets/realnews beside the package source: fine-tuning the shipped model on the reviews alone")
        return None
    path = Path(base)
    path = path / "gold.jsonl" if path.is_dir() else path
    if not path.is_file():
        raise TrainingError(f"base data {path}: not found (give a realnews folder, its gold.jsonl, or 'none')")
    return path


def base_sentences(path: Path) -> list[dict]:
    """The base sentences (realnews train split) with the rules' candidates in each: what the
    candidate head learns to keep or reject."""
    from chronicle.models.training import attach_rule_candidates, load_realnews_gold
    from chronicle.pipeline import Coder

    sentences = load_realnews_gold(path)
    _say(f"running the rules over {len(sentences)} base sentences of {path} (loads spaCy)")
    attach_rule_candidates(sentences, Coder(learned=False))
    return sentences


def format_report(report: dict) -> str:
    """The report as a few readable lines."""
    counts, info = report["reviews"], report["training"]
    lines = [f"reviews: {counts['reviews']}, used {counts['used']} ({counts['positives']} positive, "
             f"{counts['negatives']} negative, {counts['corrected_type']} with a corrected type)"]
    lines += [f"  skipped {n}: {why}" for why, n in counts["skipped"].items()]
    lines.append(f"model: {info['mode']} (base: {report['base'] or 'none'}), each review x{info['review_weight']}; "
                 f"candidate head {info['candidate_head']['base']} base + {info['candidate_head']['review']} "
                 f"review examples, {info['fit_seconds']} s")
    agree = report["agreement_with_reviews"]
    lines.append(f"agreement with the reviews (candidate head's best label; in-sample): shipped "
                 f"{agree['shipped']:.2f}, trained {agree['trained']:.2f}")
    if "gold_file" in report:
        lines.append(f"gold file: {report['gold_file']['path']} ({report['gold_file']['sentences']} sentences)")
    lines.append(f"wrote {report['out']} (use it with EventClassifier.load('{report['out']}'))")
    return "\n".join(lines)
