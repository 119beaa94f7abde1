"""``chronicle actors lookup NAME``: what a name resolves to on a date, and why."""

from __future__ import annotations

import json

import click

from chronicle.cli.options import actors_option, fail
from chronicle.errors import ChronicleError
from chronicle.io.read import parse_date
from chronicle.errors import InputError


@click.group()
def actors() -> None:
    """Inspect the actor knowledge base."""


@actors.command("lookup")
@click.argument("name")
@click.option("--date", "day", metavar="YYYY-MM-DD", default=None, help="Code the actor as of this date.")
@actors_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def lookup(name, day, actor_files, as_json):
    """Show the codes NAME gets (country, sector, role) on --date, and the dated roles behind them."""
    from chronicle.knowledge.actors import load_actor_kb

    try:
        when = parse_date(day, where="--date") if day else None
        kb = load_actor_kb(actor_files)
    except InputError as exc:
        raise click.BadParameter(exc.problem, param_hint="--date") from None
    except ChronicleError as exc:
        raise fail(exc) from None
    rows = kb.explain(name, when)
    if as_json:
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    if not rows:
        click.echo(f"{name!r}: not in the knowledge base (it would be kept as an unknown actor with its text)")
        raise SystemExit(1)
    for row in rows:
        code = f"{row['country'] or '-'} {row['sector'] or '-'}"
        role = f", {row['role']}" if row["role"] else ""
        click.echo(f"{name!r} -> {row['name']} ({row['kind']}, id {row['actor_id']}): {code}{role} "
                   f"[{row['method']}, matched as {row['matched_as']}]")
        for r in row["roles"]:
            click.echo(f"    {r['role']}: {r['country'] or '-'} {r['sector'] or '-'} "
                       f"{r['start'] or '…'} to {r['end'] or 'now'}")
