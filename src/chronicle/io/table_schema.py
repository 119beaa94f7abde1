"""The shipped Frictionless Table Schemas of the flat exports (``chronicle/data/schema/*.schema.json``).

Each file lists a CSV's columns in order with their type (string, integer, number, boolean, date),
a description and, for coded values, the allowed values: the contract a reader can load the CSV
with (``frictionless``, or by hand with the helpers below). The writers take their column
order from these files, so the files and the output cannot drift apart.

* ``events``: ``chronicle export --format csv`` and ``chronicle code --format csv``.
* ``events-merged``: ``chronicle export --format csv --merged`` (the events columns plus the
  merged event's id, counts and reports).
* ``actors``: ``--format csv-actors``, one row per event and actor.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

SCHEMAS = ("events", "events-merged", "actors")


@lru_cache(maxsize=None)
def table_schema(name: str) -> dict:
    """The Table Schema ``name`` (one of ``SCHEMAS``) as a dict; ``events-merged`` is built from
    ``events`` plus the merged fields, so the two cannot disagree."""
    if name not in SCHEMAS:
        raise ValueError(f"no table schema {name!r} (have: {', '.join(SCHEMAS)})")
    if name == "events-merged":
        events, merged = table_schema("events"), _load("merged-fields")
        return {**events, "title": merged["title"], "description": merged["description"],
                "fields": [*events["fields"], *merged["fields"]]}
    return _load(name)


def _load(name: str) -> dict:
    path = resources.files("chronicle").joinpath("data", "schema", f"{name}.schema.json")
    return json.loads(path.read_text(encoding="utf-8"))


def field_names(name: str) -> tuple[str, ...]:
    """The column names of the Table Schema ``name``, in order."""
    return tuple(field["name"] for field in table_schema(name)["fields"])


def field_types(name: str) -> dict[str, str]:
    """Column name -> Table Schema type (``string``, ``integer``, ``number``, ``boolean``, ``date``)."""
    return {field["name"]: field["type"] for field in table_schema(name)["fields"]}


# -- reading a CSV with its types --------------------------------------------------------------------
# Readers that guess types from values (pandas, polars) read the CAMEO code "030" as the number 30
# whatever the quotes say, and a column empty in the rows they sample as text. These give them the
# types instead (no reader library is imported here until asked for).
_PANDAS = {"string": "string", "integer": "Int64", "number": "Float64", "boolean": "boolean"}
_DUCKDB = {"string": "VARCHAR", "integer": "BIGINT", "number": "DOUBLE", "boolean": "BOOLEAN",
           "date": "DATE"}


def pandas_options(name: str = "events") -> dict:
    """``pandas.read_csv`` keyword arguments that type the CSV ``name`` as its Table Schema says:
    ``pd.read_csv("events.csv", **pandas_options())``."""
    types = field_types(name)
    return {"dtype": {n: _PANDAS[t] for n, t in types.items() if t in _PANDAS},
            "parse_dates": [n for n, t in types.items() if t == "date"]}


def duckdb_types(name: str = "events") -> dict[str, str]:
    """Column -> DuckDB type, for ``read_csv(..., types=...)`` (DuckDB honours quotes, so it needs
    these only for columns empty in the rows it samples)."""
    return {n: _DUCKDB[t] for n, t in field_types(name).items()}


def polars_schema(name: str = "events") -> dict:
    """Column -> polars dtype, for ``pl.read_csv(path, schema_overrides=polars_schema())``."""
    import polars as pl

    kinds = {"string": pl.String, "integer": pl.Int64, "number": pl.Float64, "boolean": pl.Boolean,
             "date": pl.Date}
    return {n: kinds[t] for n, t in field_types(name).items()}


if __name__ == "__main__":  # python -m chronicle.io.table_schema events-merged > events-merged.schema.json
    import sys

    print(json.dumps(table_schema(sys.argv[1] if len(sys.argv) > 1 else "events"), indent=1))
