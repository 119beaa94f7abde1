"""Where each fact of the actor knowledge base came from: which file, which line, which origin.

A wrong code is fixed where it was read, so ``chronicle actors lookup`` and ``chronicle actors list``
name, for every entry, title and region they show, the file and line that gave it and what kind of
source that is: the conversion of the Phoenix dictionaries (``data/actors/phoenix.yaml`` and
``companies.yaml``, whose entries name their Phoenix file and line), the project's own data files, or the user's ``--actors``
file. The loader records (file, entry number) while it reads, at no cost; the line of an entry is
found only when asked, by reading the file's top-level list items again.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

from chronicle.knowledge.actors import ActorKB, Origin

PHOENIX_FILE = "phoenix.yaml"
PHOENIX_FILES = frozenset({PHOENIX_FILE, "companies.yaml"})
"""The shipped files converted from the Phoenix dictionaries (``tools/phoenix.py``): their entries
name their Phoenix record."""
_ITEM = re.compile(r"^(\s*)-(\s|$)")


@lru_cache(maxsize=1)
def _data_root() -> Path:
    return Path(str(resources.files("chronicle").joinpath("data"))).resolve()


@lru_cache(maxsize=64)
def entry_lines(path: str) -> tuple[int, ...]:
    """The 1-based line of each top-level list item of a YAML file, in order (the items of its first
    list, for a table whose list sits under a key such as ``regions:``); empty when unreadable."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ()
    lines, indent = [], None
    for number, line in enumerate(text.splitlines(), 1):
        match = _ITEM.match(line)
        if match is None:
            continue
        if indent is None:
            indent = match.group(1)
        if match.group(1) == indent:
            lines.append(number)
    return tuple(lines)


def _shipped(path: str) -> str | None:
    """The path inside the package's data folder ("actors/people.yaml"), or None for a user's file."""
    try:
        return Path(path).resolve().relative_to(_data_root()).as_posix()
    except ValueError:
        return None


def describe(origin: Origin, source: str | None = None) -> dict:
    """One origin as shown to the user: ``file`` and ``line``, the ``origin`` kind (phoenix, chronicle,
    user), what the entry gave, and, for a Phoenix entry, the dictionary record it was converted from."""
    lines = entry_lines(origin.path)
    line = lines[origin.number - 1] if 0 < origin.number <= len(lines) else None
    inside = _shipped(origin.path)
    if inside is None:
        kind, shown = "user", origin.path
    else:
        kind, shown = ("phoenix" if Path(inside).name in PHOENIX_FILES else "chronicle"), f"data/{inside}"
    row = {"origin": kind, "file": shown, "line": line, "what": origin.what}
    if kind == "phoenix" and source:
        row["phoenix_record"] = source
    return row


def origins_of(kb: ActorKB, actor_id: str) -> list[dict]:
    """Every origin of a knowledge-base entry (or region, by its key), described, in loading order."""
    entry = kb.entries.get(actor_id)
    source = entry.source if entry is not None else None
    found = list(kb.origins.get(actor_id, []))
    if not found:
        found = [o for key, o in kb.region_origins.items() if key == actor_id]
    return [describe(origin, source) for origin in found]


def explain(kb: ActorKB, name: str, day: dt.date | None) -> list[dict]:
    """``ActorKB.explain`` with each row's provenance under ``from``."""
    rows = kb.explain(name, day)
    for row in rows:
        if row["actor_id"] is not None:
            row["from"] = origins_of(kb, row["actor_id"])
        else:
            origin = kb.agent_origins.get(name.lower())
            row["from"] = [describe(origin)] if origin is not None else []
    return rows


def show(row: dict) -> str:
    """One origin in a line: "data/actors/people.yaml line 812 (Chronicle data)"."""
    where = row["file"] + (f" line {row['line']}" if row["line"] else "")
    label = {"phoenix": "Phoenix dictionary conversion", "chronicle": "Chronicle data",
             "user": "your actor file"}[row["origin"]]
    extra = f", from {row['phoenix_record']}" if row.get("phoenix_record") else ""
    what = "" if row["what"] in ("entry", "agent", "title", "region") else f"; {row['what']}"
    return f"{where} ({label}{extra}{what})"


def list_entries(kb: ActorKB, *, kind: str | None = None, country: str | None = None,
                 origin: str | None = None, name: str | None = None) -> list[dict]:
    """The knowledge base's entries as rows (id, kind, name, country, sector, from), filtered by
    kind, country, origin kind (phoenix, chronicle, user) and a case-insensitive part of the name or
    an alias; in id order."""
    rows = []
    needle = name.casefold() if name else None
    for ident in sorted(kb.entries):
        entry = kb.entries[ident]
        if (kind and entry.kind != kind) or (country and entry.country != country):
            continue
        if needle and not any(needle in n.casefold() for n in (entry.name, *entry.aliases)):
            continue
        origins = origins_of(kb, ident)
        if origin and not any(o["origin"] == origin for o in origins):
            continue
        rows.append({"actor_id": ident, "kind": entry.kind, "name": entry.name, "country": entry.country,
                     "sector": entry.sector, "roles": len(entry.roles), "from": origins})
    return rows
