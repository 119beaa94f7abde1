"""``chronicle actors``: inspect the actor knowledge base (``lookup``, ``list``) and find the names
it lacks in a corpus (``unknown``)."""

from __future__ import annotations

import json
import sys

import click

from chronicle.cli.options import (
    DEFAULT_DB, actors_option, fail, lock_timeout_option, open_store, published_option,
)
from chronicle.errors import ChronicleError, InputError
from chronicle.io.read import parse_date


@click.group()
def actors() -> None:
    """Inspect the actor knowledge base."""


def _load_kb(actor_files):
    from chronicle.knowledge.actors import load_actor_kb

    try:
        return load_actor_kb(actor_files)
    except ChronicleError as exc:
        raise fail(exc) from None


@actors.command("lookup")
@click.argument("name")
@click.option("--date", "day", metavar="YYYY-MM-DD", default=None, help="Code the actor as of this date.")
@actors_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def lookup(name, day, actor_files, as_json):
    """Show the codes NAME gets (country, sector, role) on --date, the dated roles behind them, and
    the file and line each fact was read from."""
    from chronicle.knowledge.provenance import explain, show

    try:
        when = parse_date(day, where="--date") if day else None
    except InputError as exc:
        raise click.BadParameter(exc.problem, param_hint="--date") from None
    rows = explain(_load_kb(actor_files), name, when)
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
        for origin in row["from"]:
            click.echo(f"    from {show(origin)}")


@actors.command("list")
@click.option("--kind", type=click.Choice(["country", "organisation", "person"]), default=None,
              help="Only entries of this kind.")
@click.option("--country", metavar="ISO3", default=None, help="Only entries of this country (e.g. GBR).")
@click.option("--origin", type=click.Choice(["chronicle", "phoenix", "user"]), default=None,
              help="Only entries read from the project's data files, the Phoenix conversion, or --actors files.")
@click.option("--name", "name_part", metavar="TEXT", default=None,
              help="Only entries whose name or an alias contains TEXT (any case).")
@actors_option
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Show at most this many entries.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def list_command(kind, country, origin, name_part, actor_files, limit, as_json):
    """List the knowledge base's entries (id, kind, name, codes) with the file and line each was read
    from: the project's data files, the Phoenix dictionary conversion (with the Phoenix record), or
    your --actors files."""
    from chronicle.knowledge.provenance import list_entries, show

    rows = list_entries(_load_kb(actor_files), kind=kind, country=country.upper() if country else None,
                        origin=origin, name=name_part)
    rows = rows[:limit] if limit else rows
    if as_json:
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    for row in rows:
        origins = "; ".join(show(o) for o in row["from"])
        click.echo(f"{row['actor_id']}\t{row['kind']}\t{row['name']}\t{row['country'] or '-'} "
                   f"{row['sector'] or '-'}\t{origins}")
    click.echo(f"chronicle: {len(rows)} entries", err=True)


@actors.command("unknown")
@click.argument("paths", nargs=-1, metavar="[PATH]...")
@click.option("--db", "db", envvar="CHRONICLE_DB", default=None, type=click.Path(dir_okay=False), metavar="FILE",
              help=f"Read the coded actors of this corpus database (default {DEFAULT_DB}, or env "
                   "CHRONICLE_DB) instead of coding PATHs.")
@lock_timeout_option
@click.option("--limit", type=click.IntRange(min=1), default=30, show_default=True,
              help="Show (and write) this many of the most frequent names.")
@published_option
@actors_option
@click.option("--write-starter", "starter", type=click.Path(dir_okay=False), default=None, metavar="FILE",
              help="Also write the names as a starter actor file (the --actors format) with country and "
                   "sector left empty to fill in.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def unknown(ctx, paths, db, lock_timeout, limit, published, actor_files, starter, as_json):
    """List the most frequent names coded without a country or without a knowledge-base entry, with
    their counts and an example sentence: from a corpus database (--db) or by coding PATHs (files
    or folders, as 'chronicle code' reads them, with --published and --actors)."""
    from click.core import ParameterSource

    if paths and ctx.get_parameter_source("db") == ParameterSource.COMMANDLINE:
        raise click.UsageError("give either --db FILE or PATHs to code, not both")
    try:
        sightings = _coded_sightings(paths, published, actor_files) if paths else \
            _stored_sightings(db or DEFAULT_DB, lock_timeout)
        from chronicle.knowledge.unknown_actors import unknown_names

        rows = unknown_names(sightings)[:limit]
    except ChronicleError as exc:
        raise fail(exc) from None
    _print_unknown(rows, as_json)
    if starter:
        _write_starter(starter, rows, actor_files)


def _print_unknown(rows, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps([r.as_dict() for r in rows], indent=2, ensure_ascii=False))
        return
    if not rows:
        click.echo("chronicle: every name was coded with a country and a knowledge-base entry", err=True)
    for row in rows:
        data = row.as_dict()
        coded = data["coded_as"]
        codes = f"coded {coded['country'] or '-'} {coded['sector'] or '-'}" if coded["sector"] or coded["country"] else "no codes"
        missing = "no country" if row.missing == "country" else "no entry"
        click.echo(f"{row.count:5d}  {row.name}  [{missing}; {codes}]")
        if row.example:
            click.echo(f"       e.g. {row.doc_id + ': ' if row.doc_id else ''}{row.example}")


def _write_starter(path: str, rows, actor_files) -> None:
    from chronicle.knowledge.unknown_actors import starter_yaml

    text = starter_yaml(rows, _load_kb(actor_files))
    try:
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(text)
    except OSError as exc:
        raise click.ClickException(f"cannot write {path}: {exc.strerror or exc}") from None
    click.echo(f"chronicle: wrote {len(rows)} starter entries to {path}; fill in country and sector, "
               f"then pass it with --actors {path}", err=True)


def _stored_sightings(db: str, lock_timeout: float):
    """The coded actors of a store, with their event's sentence, in storage order (read-only)."""
    import duckdb

    from chronicle.knowledge.unknown_actors import Sighting
    from chronicle.store import store_error

    sql = ("SELECT a.text, a.name, a.actor_id, a.country, a.sector, a.role, a.method, e.sentence, e.doc_id "
           "FROM event_actors a JOIN events e ON e.article_seq = a.article_seq AND e.id = a.event_id "
           "ORDER BY a.article_seq, e.position, a.side, a.position")
    try:
        with open_store(db, lock_timeout, read_only=True) as store:
            rows = store.conn.execute(sql).fetchall()
    except duckdb.Error as exc:
        raise fail(store_error(db, exc, "read")) from None
    return [Sighting(*row) for row in rows]


def _coded_sightings(paths, published, actor_files):
    """Code the PATHs and yield every event actor, with its sentence; unreadable inputs are reported
    on stderr and skipped."""
    from chronicle.io.read import read_paths
    from chronicle.knowledge.unknown_actors import Sighting
    from chronicle.pipeline import Coder
    from chronicle.record import Rejected

    def articles():
        for item in read_paths(paths, published=published, stdin=sys.stdin):
            if isinstance(item, Rejected):
                click.echo(f"chronicle: skipped {item}", err=True)
                continue
            yield item

    for article, events in Coder(actor_files=actor_files).pipe(articles()):
        for event in events:
            for actor in (*event.source, *event.target):
                yield Sighting(actor.text, actor.name, actor.actor_id, actor.country, actor.sector,
                               actor.role, actor.method, event.sentence, article.id)
