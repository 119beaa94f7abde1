"""The ``/v1`` routes: events (list, download, one with its reports), reviews, coding, ingest jobs,
actors and stats. Each route is a thin function over ``queries``, ``stats`` and the service."""

from __future__ import annotations

import csv
import io
import json
from typing import Annotated, Iterator

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse, StreamingResponse

from chronicle.api import stats as stats_queries
from chronicle.api.actors import actor_by_id, search_actors
from chronicle.api.filters import event_query, with_dyad
from chronicle.api.models import ArticleIn, IngestIn, ReviewIn
from chronicle.api.queries import (
    EventQuery, QueryError, event_keys, events_page, iter_event_records, records_for, report_keys,
)
from chronicle.api.security import token_matches
from chronicle.api.service import Service
from chronicle.io.writers import CSV_COLUMNS, flat_row
from chronicle.schema import Event
from chronicle.store.reviews import add_review, reviews_of

router = APIRouter(prefix="/v1")

DOWNLOADS = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson"}
EXTRA_CSV_COLUMNS = ["merged_id", "num_mentions", "num_articles", "num_sources", "article_title",
                     "article_published", "article_source", "article_url"]


def service(request: Request) -> Service:
    """The app's service (a FastAPI dependency)."""
    return request.app.state.service


Svc = Annotated[Service, Depends(service)]
Filters = Annotated[EventQuery, Depends(event_query)]


def require_writer(request: Request, svc: Svc) -> None:
    """Writes need the server's token; a server started without one is read-only."""
    if not svc.writable:
        raise HTTPException(403, "this server is read-only: start 'chronicle serve' with --token-file "
                                 "to allow reviews and ingests")
    if not token_matches(request.app.state.token, request.headers.get("authorization")):
        raise HTTPException(401, "this needs the server's token: send 'Authorization: Bearer <token>'",
                            headers={"WWW-Authenticate": "Bearer"})


Writer = Depends(require_writer)


# -- events ---------------------------------------------------------------------------------------
@router.get("/events", summary="Events matching the filters: a page of JSON, or a CSV/JSONL download")
def list_events(request: Request, svc: Svc, query: Filters,
                sort: Annotated[str, Query(description="-date (default), date, -confidence, confidence, "
                                                       "-mentions, mentions")] = "-date",
                limit: Annotated[int, Query(ge=1, le=500)] = 50,
                cursor: Annotated[str | None, Query(max_length=1000)] = None,
                format: Annotated[str | None, Query(description="json, csv or jsonl")] = None):
    """A page of events (``next_cursor`` fetches the next), or with ``format=csv|jsonl`` (or that
    Accept header) every matching event, streamed a page at a time."""
    fmt = _format(format, request.headers.get("accept", ""))
    if fmt != "json":
        return _download(svc, query, sort, fmt)
    with svc.reading() as conn:
        page = events_page(conn, svc.schema, query, sort, limit, cursor)
    return JSONResponse({"events": page.events, "next_cursor": page.next_cursor, "total": page.total})


def _format(given: str | None, accept: str) -> str:
    if given is not None:
        if given not in ("json", "csv", "jsonl"):
            raise QueryError(f"format must be json, csv or jsonl, not {given!r}")
        return given
    if "text/csv" in accept:
        return "csv"
    if "application/x-ndjson" in accept or "application/jsonl" in accept:
        return "jsonl"
    return "json"


def _download(svc: Service, query: EventQuery, sort: str, fmt: str) -> StreamingResponse:
    """Stream the whole query; the first page is read now, so a bad query is an error, not a
    broken download."""
    conn = svc.cursor()
    try:
        records = iter_event_records(conn, svc.schema, query, sort)
        first = next(records, None)
    except BaseException:
        conn.close()
        raise
    lines = _csv_lines(first, records) if fmt == "csv" else _jsonl_lines(first, records)
    name = f"events{'-merged' if query.merged else ''}.{fmt}"
    return StreamingResponse(_closing(lines, conn), media_type=DOWNLOADS[fmt],
                             headers={"Content-Disposition": f'attachment; filename="{name}"'})


def _closing(lines: Iterator[str], conn) -> Iterator[str]:
    try:
        yield from lines
    finally:
        conn.close()


def _jsonl_lines(first: dict | None, records: Iterator[dict]) -> Iterator[str]:
    if first is None:
        return
    yield json.dumps(first, ensure_ascii=False, separators=(",", ":")) + "\n"
    for record in records:
        yield json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"


def _csv_lines(first: dict | None, records: Iterator[dict], every: int = 500) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=[*CSV_COLUMNS, *EXTRA_CSV_COLUMNS])
    writer.writeheader()
    rows = 0
    for record in ([first] if first is not None else []):
        writer.writerow(_csv_row(record))
    for record in records:
        writer.writerow(_csv_row(record))
        rows += 1
        if rows % every == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def _csv_row(record: dict) -> dict:
    article, merged = record["article"], record["merged"] or {}
    event = Event.model_validate({k: v for k, v in record.items() if k not in ("article", "merged")})
    return {**flat_row(event), "merged_id": merged.get("id") or "",
            "num_mentions": merged.get("num_mentions") or "", "num_articles": merged.get("num_articles") or "",
            "num_sources": merged.get("num_sources") or "", "article_title": article["title"] or "",
            "article_published": article["published"] or "", "article_source": article["source"] or "",
            "article_url": article["url"] or ""}


def _find_event(conn, svc: Service, event_id: str) -> dict:
    found = records_for(conn, svc.schema, event_keys(conn, event_id))
    if not found:
        raise HTTPException(404, f"there is no event with id {event_id!r}")
    return found[0]


def _article_text(conn, seq: int) -> str:
    return conn.execute("SELECT text FROM articles WHERE seq = ?", [seq]).fetchone()[0]


@router.get("/events/{event_id}", summary="One event, its article text, all its reports and reviews")
def get_event(event_id: str, svc: Svc):
    """The event, its article's text (every start/end points into it), every report of the same
    merged event (the event itself included, each with its own article and article_text) and the
    event's reviews."""
    with svc.reading() as conn:
        event = _find_event(conn, svc, event_id)
        reports = []
        if event["merged"] is not None and svc.schema.merge_tables:
            reports = records_for(conn, svc.schema, report_keys(conn, event["merged"]["id"]))
            texts = {seq: _article_text(conn, seq) for seq in {r["article"]["seq"] for r in reports}}
            for report in reports:
                report["article_text"] = texts[report["article"]["seq"]]
        return JSONResponse({"event": event, "article_text": _article_text(conn, event["article"]["seq"]),
                             "reports": reports, "reviews": reviews_of(conn, event_id, event["article"]["seq"])})


@router.get("/events/{event_id}/reviews", summary="The reviews of one event")
def list_reviews(event_id: str, svc: Svc):
    """Every review of the event, oldest first."""
    with svc.reading() as conn:
        event = _find_event(conn, svc, event_id)
        return {"reviews": reviews_of(conn, event_id, event["article"]["seq"])}


@router.post("/events/{event_id}/reviews", status_code=201, dependencies=[Writer],
             summary="Review an event: right or wrong, corrections, who and why (needs the token)")
def post_review(event_id: str, body: ReviewIn, svc: Svc):
    """Store a review of the event; the event itself is not changed."""
    if body.verdict is None and body.corrections is None and not body.note:
        raise QueryError("a review needs a verdict, corrections or a note")
    with svc.reading() as conn:
        event = _find_event(conn, svc, event_id)
        corrections = body.corrections.model_dump(exclude_none=True) if body.corrections else None
        return add_review(conn, event_id=event_id, article_seq=event["article"]["seq"],
                          verdict=body.verdict, corrections=corrections or None,
                          reviewer=body.reviewer, note=body.note)


# -- coding and ingest ------------------------------------------------------------------------------
@router.post("/code", summary="Code an article's text into events; nothing is stored")
def code_text(body: ArticleIn, svc: Svc):
    """The events of one article (the Event records ``chronicle code --format jsonl`` writes)."""
    coded = svc.code_coder.code([body.article()])
    events = coded[0][1] if coded else []
    return JSONResponse({"events": [event.model_dump(mode="json") for event in events]})


@router.post("/ingest", status_code=202, dependencies=[Writer],
             summary="Store and code articles like 'chronicle ingest' (a background job; needs the token)")
def post_ingest(body: IngestIn, svc: Svc):
    """Queue the articles; the server codes and stores them in the background, batch by batch,
    and merges the new events, while it keeps answering. Poll ``GET /v1/ingest/{job}``."""
    job = svc.submit([a.article() for a in body.articles])
    return {"job": job.id, "status": job.status}


@router.get("/ingest/{job}", summary="An ingest job's status and counts")
def get_ingest(job: str, svc: Svc):
    """queued, running, done or failed, with the articles stored, skipped, quarantined and events."""
    found = svc.jobs.get(job)
    if found is None:
        raise HTTPException(404, f"there is no ingest job {job!r} (jobs are kept until the server stops)")
    return found.to_dict()


# -- actors ---------------------------------------------------------------------------------------
@router.get("/actors", summary="Actors of the knowledge base with their dated roles and event counts")
def list_actors(request: Request, svc: Svc, q: Annotated[str | None, Query(max_length=200)] = None,
                limit: Annotated[int, Query(ge=1, le=500)] = 50):
    """Actors whose id, name or an alias contains ``q``; those with the most events first."""
    with svc.reading() as conn:
        return {"actors": search_actors(conn, request.app.state.actor_kb(), q, limit)}


@router.get("/actors/{actor_id}", summary="One actor with its dated roles and event count")
def get_actor(actor_id: str, request: Request, svc: Svc):
    """The actor with id ``actor_id``, or 404."""
    with svc.reading() as conn:
        found = actor_by_id(conn, request.app.state.actor_kb(), actor_id)
    if found is None:
        raise HTTPException(404, f"there is no actor with id {actor_id!r} in the knowledge base")
    return found


# -- stats ----------------------------------------------------------------------------------------
@router.get("/stats/timeseries", summary="Events and mean Goldstein per period and quad class")
def get_timeseries(svc: Svc, query: Filters,
                   interval: Annotated[str, Query(description="day, week or month")] = "month",
                   dyad: Annotated[str | None, Query(max_length=7, description="SOURCE:TARGET countries")] = None):
    """The filtered events per ``interval`` (by their date) and quad class; ``country`` (the events
    filter) or ``dyad`` narrow it to a country's or a pair's events."""
    if interval not in stats_queries.INTERVALS:
        raise QueryError(f"interval must be day, week or month, not {interval!r}")
    query = with_dyad(query, dyad)
    with svc.reading() as conn:
        series = stats_queries.timeseries(conn, svc.schema, query, interval)
    return JSONResponse({"interval": interval, "series": series})


@router.get("/stats/dyads", summary="Who acts on whom: country pairs weighted by events")
def get_dyads(svc: Svc, query: Filters, limit: Annotated[int, Query(ge=1, le=1000)] = 100):
    """The heaviest source -> target country edges of the filtered events, and their countries."""
    with svc.reading() as conn:
        return JSONResponse(stats_queries.dyads(conn, svc.schema, query, limit))


@router.get("/stats/places", summary="Where the filtered events happened, for the map")
def get_places(svc: Svc, query: Filters, limit: Annotated[int, Query(ge=1, le=5000)] = 1000):
    """Places with coordinates and their event counts, and events per country."""
    with svc.reading() as conn:
        return JSONResponse(stats_queries.places(conn, svc.schema, query, limit))


@router.get("/meta", summary="Vocabularies for the filters, the store's counts, whether it is writable")
def get_meta(svc: Svc):
    """What a client needs to build its filter forms."""
    with svc.reading() as conn:
        return stats_queries.meta(conn, svc.counts(conn), svc.writable)
