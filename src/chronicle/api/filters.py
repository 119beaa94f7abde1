"""The event filters of the query string, shared by ``/v1/events`` and the stats routes.

FastAPI checks types and ranges (a date that is not one is a 422); the rest (vocabularies, codes,
the bounding box) is checked here and refused with a 400 naming the parameter.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Annotated

from fastapi import Query

from chronicle.api.queries import SIDES, EventQuery, QueryError
from chronicle.api.stats import FACTUALITIES
from chronicle.schema import PLOVER_TYPES

_CODE = re.compile(r"^[A-Za-z]{3}$")
TEXT = 200
"""Longest free-text filter value (actor, q, outlet)."""


def _code(name: str, value: str | None) -> str | None:
    if value is None or value == "":
        return None
    if not _CODE.match(value):
        raise QueryError(f"{name} must be a 3-letter code (such as USA, GOV, IGO), not {value!r}")
    return value.upper()


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if not value:
        return None
    try:
        west, south, east, north = (float(v) for v in value.split(","))
    except ValueError:
        raise QueryError(f"bbox must be minlon,minlat,maxlon,maxlat (four numbers), not {value!r}") from None
    if not (-180 <= west <= east <= 180 and -90 <= south <= north <= 90):
        raise QueryError(f"bbox {value!r} is not a box on the map: longitudes -180 to 180, latitudes "
                         f"-90 to 90, each minimum below its maximum")
    return west, south, east, north


def _types(values: list[str]) -> tuple[str, ...]:
    upper = tuple(v.upper() for v in values if v)
    for value in upper:
        if value not in PLOVER_TYPES:
            raise QueryError(f"event_type {value!r} is not a PLOVER type ({', '.join(PLOVER_TYPES)})")
    return upper


def _dyad(value: str | None) -> tuple[str, str] | None:
    if not value:
        return None
    source, sep, target = value.partition(":")
    if not sep or not _CODE.match(source) or not _CODE.match(target):
        raise QueryError(f"dyad must be SOURCE:TARGET country codes (such as USA:RUS), not {value!r}")
    return source.upper(), target.upper()


def event_query(
    actor: Annotated[str | None, Query(max_length=TEXT, description="Actor id, or part of its name or text")] = None,
    actor_side: Annotated[str, Query(description="source, target or any")] = "any",
    country: Annotated[str | None, Query(max_length=3, description="Actor's country (ISO alpha-3, IGO, NGO)")] = None,
    sector: Annotated[str | None, Query(max_length=3, description="Actor's sector (GOV, MIL, REB, ...)")] = None,
    event_type: Annotated[list[str], Query(max_length=16, description="PLOVER type; may repeat")] = [],  # noqa: B006
    mode: Annotated[str | None, Query(max_length=50)] = None,
    cameo: Annotated[str | None, Query(pattern=r"^\d{1,4}$", description="CAMEO code prefix")] = None,
    quad_class: Annotated[list[int], Query(max_length=4, description="1-4; may repeat")] = [],  # noqa: B006
    factuality: Annotated[list[str], Query(max_length=4,
                                           description="actual, negated, hypothetical, future")] = [],  # noqa: B006
    min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
    date_from: Annotated[_dt.date | None,
                         Query(description="YYYY-MM-DD: events whose date period ends on or after it")] = None,
    date_to: Annotated[_dt.date | None,
                       Query(description="YYYY-MM-DD: events whose date period starts on or before it")] = None,
    location_country: Annotated[str | None, Query(max_length=3)] = None,
    bbox: Annotated[str | None, Query(max_length=100, description="minlon,minlat,maxlon,maxlat")] = None,
    outlet: Annotated[str | None, Query(max_length=TEXT, description="Article source, or part of its URL")] = None,
    q: Annotated[str | None, Query(max_length=TEXT, description="Words in the sentence")] = None,
    merged: Annotated[bool, Query(description="One row per merged event (its representative report)")] = False,
) -> EventQuery:
    """The ``EventQuery`` of a request's query string (a FastAPI dependency)."""
    if actor_side not in SIDES:
        raise QueryError(f"actor_side must be one of {', '.join(SIDES)}, not {actor_side!r}")
    if any(not 1 <= k <= 4 for k in quad_class):
        raise QueryError(f"quad_class must be 1, 2, 3 or 4, not {quad_class}")
    if any(f not in FACTUALITIES for f in factuality):
        raise QueryError(f"factuality must be among {', '.join(FACTUALITIES)}, not {factuality}")
    if date_from and date_to and date_from > date_to:
        raise QueryError(f"date_from {date_from} is after date_to {date_to}")
    return EventQuery(
        actor=actor or None, actor_side=actor_side, country=_code("country", country),
        sector=_code("sector", sector), event_types=_types(event_type), mode=mode or None,
        cameo=cameo or None, quad_classes=tuple(quad_class), factualities=tuple(factuality),
        min_confidence=min_confidence, date_from=date_from, date_to=date_to,
        location_country=_code("location_country", location_country), bbox=_bbox(bbox),
        outlet=outlet or None, q=q or None, merged=merged)


def with_dyad(query: EventQuery, dyad: str | None) -> EventQuery:
    """The query of the timeline: ``dyad`` (SOURCE:TARGET) adds a source and a target country.
    "Per country" is the events filter ``country`` (an actor of that country, on either side)."""
    from dataclasses import replace

    return replace(query, dyad=_dyad(dyad))
