"""CAMEO <-> PLOVER and Goldstein lookups, read from the published tables shipped in ``data/``.

GDELT and ICEWS users think in CAMEO codes, QuadClass and Goldstein scores; PLOVER users in event
types, modes and contexts. Chronicle codes PLOVER and carries the CAMEO code of the trigger, so both
views come from the same two tables rather than from code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from chronicle.errors import DataFileError


@dataclass(frozen=True)
class PloverRow:
    event_type: str
    mode: str | None
    context: str | None


def _data_text(name: str) -> str:
    return resources.files("chronicle").joinpath("data", name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def cameo_to_plover() -> dict[str, PloverRow]:
    """CAMEO code -> PLOVER row, from ``cameo2plover.txt`` (PLOVER manual draft 0.8, 2021)."""
    table: dict[str, PloverRow] = {}
    for number, raw in enumerate(_data_text("cameo2plover.txt").splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line or set(line) <= {"~", "-", "="}:
            continue  # blank lines, comments and the table's closing rule
        code, sep, rest = line.partition(":")
        if not sep or not code.strip().isdigit():
            raise DataFileError("cameo2plover.txt", f"line {number}: expected 'CODE: TYPE, mode, context'")
        parts = [p.strip() or None for p in rest.split(",")] + [None, None]
        event_type, mode, context = parts[0], parts[1], parts[2]
        if event_type is None:
            continue
        # The first row for a two-digit root wins (08 is listed as CONCEDE, then RETREAT).
        table.setdefault(code.strip(), PloverRow(event_type, mode, context))
    return table


def plover_row(cameo: str) -> PloverRow | None:
    """The row for a CAMEO code, or for its nearest parent code that has one."""
    table = cameo_to_plover()
    for length in range(len(cameo), 1, -1):
        row = table.get(cameo[:length])
        if row is not None:
            return row
    return None


@lru_cache(maxsize=1)
def goldstein_table() -> dict[str, float]:
    """CAMEO code -> Goldstein score (-10..+10), GDELT's published table."""
    table: dict[str, float] = {}
    for number, raw in enumerate(_data_text("goldstein.tsv").splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        try:
            code, score = raw.split("\t")
            table[code.strip()] = float(score)
        except ValueError as exc:
            raise DataFileError("goldstein.tsv", f"line {number}: expected 'CODE<TAB>SCORE'") from exc
    return table


def goldstein(cameo: str | None) -> float | None:
    """Goldstein score of a CAMEO code (falling back to its parent codes), or None."""
    if not cameo:
        return None
    table = goldstein_table()
    for length in range(len(cameo), 1, -1):
        if cameo[:length] in table:
            return table[cameo[:length]]
    return None

