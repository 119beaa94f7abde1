"""One event as an export row that stands alone: the event record plus the article it came from.

An event's ``source`` is its source *actors*; the outlet that published the article is the
article's ``source``. So the article travels as its own object in JSON (``"article": {...}``) and
as ``article_*`` columns in the flat formats, never mixed into the event's fields.

The flat columns (CSV, and the scalar columns of Parquet) are listed, typed and described in the
Frictionless Table Schemas shipped in ``chronicle/data/schema/`` (``chronicle.io.table_schema``);
``docs/exports.md`` explains them.
"""

from __future__ import annotations

import datetime as _dt
from typing import Iterable
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field

from chronicle.io.table_schema import field_names
from chronicle.schema import Actor, Article, Event


class ArticleInfo(BaseModel):
    """The article an event was reported in: what a row needs to be read without the articles table."""

    model_config = ConfigDict(extra="forbid")

    id: str
    title: str | None = None
    published: _dt.date | None = None
    published_assumed: bool = Field(
        default=False, description="True when `published` is the --published fallback, not the article's own date")
    source: str | None = Field(default=None, description="The outlet (publisher) of the article")
    url: str | None = None

    @classmethod
    def of(cls, article: Article) -> "ArticleInfo":
        """The export fields of an article being coded (``chronicle code``)."""
        return cls(id=article.id, title=article.title, published=article.published,
                   published_assumed=bool(getattr(article, "published_assumed", False)),
                   source=article.source, url=article.url)


def outlet(source: str | None, url: str | None) -> str | None:
    """The outlet's name: the article's ``source``, else its URL's host (``www.`` dropped)."""
    if source:
        return source
    host = urlsplit(url).hostname if url else None
    if host and host.startswith("www."):
        host = host[4:]
    return host or None


def json_row(event: Event, article: ArticleInfo | None) -> dict:
    """The JSONL row: the event record (every key present, null where absent, lists always lists)
    plus ``article`` (an object, or null when the writer was not told the article)."""
    row = event.model_dump(mode="json")
    row["article"] = None if article is None else article.model_dump(mode="json")
    return row


FLAT_COLUMNS: tuple[str, ...] = field_names("events")
"""The CSV columns, in order, as the shipped Table Schema ``events.schema.json`` lists them."""
ACTOR_COLUMNS: tuple[str, ...] = field_names("actors")
"""The columns of ``--format csv-actors`` (Table Schema ``actors.schema.json``)."""


def _distinct(values: Iterable) -> str | None:
    """Known values, each once, in actor order, joined with '; ' (None when none is known): a cell
    never holds an empty slot such as ``"; GBR"``."""
    seen = []
    for value in values:
        if value and value not in seen:
            seen.append(value)
    return "; ".join(seen) or None


def _article_columns(article: ArticleInfo | None) -> dict:
    if article is None:
        return dict.fromkeys(("article_id", "article_title", "article_published",
                              "article_published_assumed", "article_source", "article_url"))
    return {"article_id": article.id, "article_title": article.title,
            "article_published": article.published,
            "article_published_assumed": article.published_assumed,
            "article_source": article.source, "article_url": article.url}


def flat_row(event: Event, article: ArticleInfo | None = None) -> dict:
    """One flat row (the columns of ``FLAT_COLUMNS``) with typed Python values: None where absent,
    dates as ``datetime.date``, the actors of a side as '; '-joined names and distinct codes."""
    from chronicle.store.db import period

    loc, att, date, cas, size = event.location, event.attribution, event.date, event.casualties, event.size
    first, last = period(date.value, date.precision) if date else (None, None)
    row = {
        "id": event.id, "doc_id": event.doc_id, "sentence_index": event.sentence_index,
        "event_type": event.event_type, "mode": event.mode, "contexts": _distinct(event.contexts),
        "cameo": event.cameo, "quad_class": event.quad_class, "goldstein": event.goldstein,
        "factuality": event.factuality, "reciprocal": event.reciprocal,
        "trigger": event.trigger.text, "trigger_start": event.trigger.start,
        "date_value": date.value if date else None, "date_first": first, "date_last": last,
        "date_precision": date.precision if date else None, "date_method": date.method if date else None,
        "location": loc.name if loc else None, "location_country": loc.country if loc else None,
        "location_admin1": loc.admin1 if loc else None, "location_precision": loc.precision if loc else None,
        "lat": loc.lat if loc else None, "lon": loc.lon if loc else None,
        "geonameid": loc.geonameid if loc else None,
        "speaker": (att.speaker.name or att.speaker.text) if att and att.speaker else None,
        "channel": att.channel if att else None,
        "size": size.count if size else None, "size_unit": size.unit if size else None,
        "killed": cas.killed if cas else None, "injured": cas.injured if cas else None,
        "arrested": cas.arrested if cas else None,
        "mentions": event.mentions, "confidence": event.confidence, "proposed_by": event.proposed_by,
        "sentence": event.sentence,
        **_article_columns(article),
    }
    for side in ("source", "target"):
        actors: list[Actor] = getattr(event, side)
        row[side] = "; ".join(a.name or a.text for a in actors) or None
        row[f"{side}_country"] = _distinct(a.country for a in actors)
        row[f"{side}_sector"] = _distinct(a.sector for a in actors)
        row[f"{side}_actor_id"] = _distinct(a.actor_id for a in actors)
    return {name: row[name] for name in FLAT_COLUMNS}


def actor_rows(event: Event, article: ArticleInfo | None = None) -> list[dict]:
    """The long table of actors: one row per event and actor (``side`` source or target,
    ``position`` in that side's list), with the event's type, codes and date and the article."""
    common = {"event_id": event.id, "doc_id": event.doc_id, "event_type": event.event_type,
              "cameo": event.cameo, "factuality": event.factuality, "reciprocal": event.reciprocal,
              "date_first": None, **_article_columns(article)}
    if event.date is not None:
        from chronicle.store.db import period

        common["date_first"] = period(event.date.value, event.date.precision)[0]
    rows = []
    for side in ("source", "target"):
        for position, a in enumerate(getattr(event, side)):
            rows.append({**common, "side": side, "position": position, "text": a.text,
                         "name": a.name, "actor_id": a.actor_id, "country": a.country,
                         "sector": a.sector, "role": a.role, "method": a.method,
                         "confidence": a.confidence, "start": a.start, "end": a.end})
    return [{name: row[name] for name in ACTOR_COLUMNS} for row in rows]


def row_json_schema() -> dict:
    """The JSON Schema of one JSONL export line: the event record's (``data/event.schema.json``)
    plus ``article``. Shipped as ``data/schema/event-row.schema.json`` (``python -m chronicle.io.rows``
    regenerates it; a test keeps it current)."""
    from chronicle.schema import event_json_schema

    schema = event_json_schema()
    info = ArticleInfo.model_json_schema()
    schema["$defs"]["ArticleInfo"] = info
    schema["properties"]["article"] = {
        "anyOf": [{"$ref": "#/$defs/ArticleInfo"}, {"type": "null"}],
        "description": "The article the event was reported in (null only when the writer was not told it)"}
    schema["required"] = [*schema.get("required", []), "article"]
    schema["title"] = "EventRow"
    schema["$id"] = "https://chronicle.invalid/schema/event-row.schema.json"
    return schema


if __name__ == "__main__":
    import json
    from importlib import resources

    target = resources.files("chronicle").joinpath("data", "schema", "event-row.schema.json")
    target.write_text(json.dumps(row_json_schema(), indent=2) + "\n", encoding="utf-8")
