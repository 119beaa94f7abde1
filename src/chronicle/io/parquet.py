"""Stored events to a typed Parquet file, written by DuckDB (no pyarrow needed at run time).

One row per event (or per merged event with ``merged``). Nested fields are real Parquet types, not
JSON text: ``source``/``target`` are lists of actor structs, ``trigger``, ``date``, ``location``,
``attribution``, ``size``, ``casualties``, ``confidences``, ``factuality_cue`` and ``coder`` are
structs, ``contexts`` a list of strings. Beside them, plain columns for the fields people filter
on: ``date_first``/``date_last`` (DATE), ``date_precision``, ``location_country``,
``killed``/``injured``/``arrested`` (integers), and the article's ``article_*`` fields.

The struct types are derived from the pydantic models of ``chronicle.schema``, so a field added
there reaches the Parquet file without an edit here.
"""

from __future__ import annotations

import json
import types
import typing

import duckdb
from pydantic import BaseModel

from chronicle.io.selection import Selection, actor_method_sql, assumed_sql
from chronicle.schema import Actor, Attribution, Casualties, Confidences, EventDate, Location, Size, Span
from chronicle.store import Store, StoreError
from chronicle.store.db import first_line
from chronicle.store.query import require_merged

_SCALARS = {str: "VARCHAR", int: "BIGINT", float: "DOUBLE", bool: "BOOLEAN"}


def json_structure(annotation) -> object:
    """The ``from_json`` structure of a type: a DuckDB type name, a dict for a model, a one-item
    list for a list (``str | None`` -> ``"VARCHAR"``, ``list[Actor]`` -> ``[{...}]``)."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        kinds = [a for a in typing.get_args(annotation) if a is not type(None)]
        return json_structure(kinds[0])
    if origin is list:
        return [json_structure(typing.get_args(annotation)[0])]
    if origin is typing.Literal:
        return "VARCHAR"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return {name: json_structure(f.annotation) for name, f in annotation.model_fields.items()}
    return _SCALARS.get(annotation, "VARCHAR")


def _from_json(column: str, model: type[BaseModel]) -> str:
    structure = json.dumps(json_structure(model)).replace("'", "''")
    return f"from_json(e.{column}, '{structure}')"


_ACTOR_LIST = (
    "COALESCE((SELECT list(struct_pack({fields}) ORDER BY x.position) FROM event_actors x "
    "WHERE x.article_seq = e.article_seq AND x.event_id = e.id AND x.side = '{side}'), []) AS {side}")


def _actors(store: Store, side: str) -> str:
    """A side's actors as a list of structs: the fields of ``Actor`` in order (``method`` as the
    coder wrote it), then ``method_category`` (the store's small category of it)."""
    detail, category = actor_method_sql(store)
    fields = [f'"{n}" := {detail}' if n == "method" else f'"{n}" := x."{n}"' for n in Actor.model_fields]
    fields.append(f"method_category := {category}")
    return _ACTOR_LIST.format(fields=", ".join(fields), side=side)


def event_select(store: Store) -> str:
    """The SELECT list of one typed Parquet row (events ``e`` joined with articles ``a``)."""
    casualties = _from_json("casualties", Casualties)
    return ", ".join([
        "e.id", "e.doc_id", "e.sentence_index", "e.sentence", "e.event_type", "e.mode",
        "COALESCE(e.contexts, []::VARCHAR[]) AS contexts", "e.cameo", "e.quad_class", "e.goldstein",
        "e.factuality", f"{_from_json('factuality_cue', Span)} AS factuality_cue",
        _actors(store, "source"), _actors(store, "target"), "e.reciprocal",
        'struct_pack(text := e.trigger_text, "start" := e.trigger_start, "end" := e.trigger_end) AS trigger',
        f"{_from_json('date', EventDate)} AS date", "e.date_value", "e.date_first", "e.date_last",
        "e.date_precision", f"{_from_json('location', Location)} AS location", "e.location_country",
        f"{_from_json('attribution', Attribution)} AS attribution",
        f"{_from_json('size', Size)} AS size", f"{casualties} AS casualties",
        *(f"({casualties}).{n} AS {n}" for n in ("killed", "injured", "arrested")),
        "e.confidence", f"{_from_json('confidences', Confidences)} AS confidences", _proposed_by(store),
        "e.mentions",
        "struct_pack(version := e.coder_version, data_version := e.data_version) AS coder",
        "a.id AS article_id", "a.title AS article_title", "a.published AS article_published",
        f"{assumed_sql(store)} AS article_published_assumed", "a.source AS article_source",
        "a.url AS article_url",
    ])


def _proposed_by(store: Store) -> str:
    """``proposed_by`` (rules or model); a store older than the column (version 4, read-only) holds
    only the rules' events as far as it can tell."""
    return "e.proposed_by" if store.has_column("events", "proposed_by") else "'rules' AS proposed_by"


def _reports(store: Store) -> str:
    """The merged event's reports as a list of structs, in report order."""
    return (
        "(SELECT list(struct_pack(event_id := r.event_id, doc_id := ra.id, source := r.source, "
        f"url := ra.url, title := ra.title, published := ra.published, "
        f"published_assumed := {assumed_sql(store, 'ra')}, sentence := re.sentence, "
        "trigger := re.trigger_text, date := re.date_value, confidence := re.confidence, "
        "mentions := re.mentions) ORDER BY r.position) FROM reports r JOIN events re "
        "ON re.article_seq = r.article_seq AND re.id = r.event_id JOIN articles ra "
        "ON ra.seq = r.article_seq WHERE r.merged_id = m.id) AS reports")


_EVENTS_FROM = "FROM events e JOIN articles a ON a.seq = e.article_seq"
_MERGED_FROM = ("FROM merged_events m JOIN events e ON e.article_seq = m.article_seq "
                "AND e.id = m.event_id JOIN articles a ON a.seq = e.article_seq")


def write_parquet(store: Store, out: str, selection: Selection, *, merged: bool = False) -> int:
    """Write the selected events (or merged events) to the Parquet file ``out``; return the count.
    Raises StoreError when the merge is missing or stale (``merged``) or the file cannot be written."""
    if merged:
        require_merged(store)
    cond, params = selection.sql(store.has_column("events", "proposed_by"))
    select, source = event_select(store), _EVENTS_FROM
    if merged:
        select = ("m.id AS merged_id, m.num_mentions, m.num_articles, m.num_sources, "
                  f"{select}, {_reports(store)}")
        source = _MERGED_FROM
    query = f"SELECT {select} {source} WHERE {cond} ORDER BY e.article_seq, e.position"
    target = out.replace("'", "''")
    try:
        store.conn.execute(f"COPY ({query}) TO '{target}' (FORMAT parquet)", params)
    except duckdb.Error as exc:
        raise StoreError(f"cannot write {out}: {first_line(exc)}") from None
    return store.conn.execute(f"SELECT count(*) {source} WHERE {cond}", params).fetchone()[0]
