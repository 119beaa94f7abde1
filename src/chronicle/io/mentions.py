"""The reports of events as rows of the GDELT 2.0 Mentions table (16 columns, tab-separated, no header).

GDELT keeps one row per event in its event table and one row per article mentioning it in the
Mentions table, joined on ``GlobalEventID``. ``chronicle export --format gdelt-mentions --merged``
writes, for every row ``--format gdelt --merged`` writes (one per source/target pair of a merged
event), one mention row per report of that merged event; without ``--merged`` every stored event
is its own single report. The ids equal those of the matching ``--format gdelt`` export, so the
two files join as GDELT's do. ``GDELT.md`` beside this module documents every column.
"""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from typing import IO, Iterable, NamedTuple

from chronicle.io.gdelt import clean_cell, date_added, event_pairs, row_ids
from chronicle.io.rows import outlet
from chronicle.io.selection import actor_method_sql
from chronicle.schema import Actor, Event
from chronicle.store import ArticleRef, Store
from chronicle.store.query import MergedRecord

MENTION_COLUMNS: tuple[str, ...] = (
    "GlobalEventID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset",
    "InRawText", "Confidence", "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
)
WEB, CITATION_ONLY = 1, 2
"""GDELT MentionType: 1 a web page (MentionIdentifier is its URL), 2 a citation (a document id)."""


class ActorSpot(NamedTuple):
    """Where a report names an actor, and the codes that match it to the event's pair."""

    start: int
    actor_id: str | None
    country: str | None
    sector: str | None
    method: str | None


class ReportSpot(NamedTuple):
    """One report of an event: where in which article it is told."""

    doc_id: str
    url: str | None
    outlet: str | None
    found_at: _dt.datetime
    doc_len: int | None
    sentence_index: int
    trigger_start: int
    confidence: float
    actors: dict[str, list[ActorSpot]]


def _spot(actor: Actor) -> ActorSpot:
    return ActorSpot(actor.start, actor.actor_id, actor.country, actor.sector, actor.method)


def report_of_event(event: Event, ref: ArticleRef, doc_len: int | None) -> ReportSpot:
    """A stored event as its own single report (exports without ``--merged``)."""
    return ReportSpot(ref.id, ref.url, outlet(ref.source, ref.url), ref.ingested_at, doc_len,
                      event.sentence_index, event.trigger.start, event.confidence,
                      {"source": [_spot(a) for a in event.source],
                       "target": [_spot(a) for a in event.target]})


def match_actor(actor: Actor | None, spots: list[ActorSpot]) -> ActorSpot | None:
    """The report's actor that stands for ``actor`` of the event row: the same knowledge-base id,
    else the same country and sector, else the report's first actor on that side."""
    if actor is None or not spots:
        return None
    if actor.actor_id:
        for spot in spots:
            if spot.actor_id == actor.actor_id:
                return spot
    for spot in spots:
        if (spot.country, spot.sector) == (actor.country, actor.sector):
            return spot
    return spots[0]


RESOLVED_METHODS = ("anaphor", "owner")
"""Actor methods that resolve a reference ("he", "his government") to an actor named elsewhere:
such an actor makes InRawText 0, as GDELT's coreference-resolved mentions are."""


def _resolved(method: str | None) -> bool:
    return bool(method) and method.split(":", 1)[0].split("+", 1)[0] in RESOLVED_METHODS


def mention_rows(event: Event, ref: ArticleRef, reports: list[ReportSpot],
                 merged: MergedRecord | None = None) -> list[list[str]]:
    """One row per (GDELT event row of ``event``, report): the event row's id and the report's
    place in its article."""
    rows = []
    for gid, (src, tgt) in zip(row_ids(event, ref, merged), event_pairs(event)):
        for report in reports:
            one, two = match_actor(src, report.actors["source"]), match_actor(tgt, report.actors["target"])
            raw = not any(spot is not None and _resolved(spot.method) for spot in (one, two))
            rows.append([
                str(gid), date_added(ref), report.found_at.strftime("%Y%m%d%H%M%S"),
                str(WEB if report.url else CITATION_ONLY), report.outlet or "",
                report.url or report.doc_id, str(report.sentence_index + 1),
                str(one.start if one else -1), str(two.start if two else -1), str(report.trigger_start),
                "1" if raw else "0", str(max(1, min(100, round(report.confidence * 100)))),
                "" if report.doc_len is None else str(report.doc_len), "", "", "",
            ])
    return rows


def merged_reports(store: Store, merged_ids: list[str]) -> dict[str, list[ReportSpot]]:
    """merged id -> its reports (in report order), with their actors' offsets and codes."""
    if not merged_ids:
        return {}
    actors: dict[tuple[int, str], dict[str, list[ActorSpot]]] = defaultdict(
        lambda: {"source": [], "target": []})
    method = actor_method_sql(store)[0]
    for seq, event_id, side, *spot in store.conn.execute(
            'SELECT x.article_seq, x.event_id, x.side, x."start", x.actor_id, x.country, x.sector, '
            f"{method} FROM event_actors x JOIN reports r ON r.article_seq = x.article_seq "
            "AND r.event_id = x.event_id WHERE r.merged_id IN (SELECT unnest(?::VARCHAR[])) "
            "ORDER BY x.article_seq, x.event_id, x.side, x.position", [merged_ids]).fetchall():
        actors[(seq, event_id)][side].append(ActorSpot(*spot))
    reports: dict[str, list[ReportSpot]] = defaultdict(list)
    for merged_id, seq, event_id, doc_id, url, source, found, doc_len, sentence, trigger, conf in \
            store.conn.execute(
                "SELECT r.merged_id, r.article_seq, r.event_id, a.id, a.url, a.source, a.ingested_at, "
                "length(a.text), e.sentence_index, e.trigger_start, e.confidence FROM reports r "
                "JOIN events e ON e.article_seq = r.article_seq AND e.id = r.event_id "
                "JOIN articles a ON a.seq = r.article_seq WHERE r.merged_id IN "
                "(SELECT unnest(?::VARCHAR[])) ORDER BY r.merged_id, r.position", [merged_ids]).fetchall():
        reports[merged_id].append(ReportSpot(doc_id, url, outlet(source, url), found, doc_len, sentence, trigger,
                                             conf, actors[(seq, event_id)]))
    return reports


class MentionsWriter:
    """Write GDELT Mentions rows, one tab-separated line each."""

    def __init__(self, stream: IO[str]):
        self.stream = stream
        self.rows = 0

    def write(self, rows: Iterable[list[str]]) -> None:
        """Write rows of ``MENTION_COLUMNS`` values."""
        for row in rows:
            self.stream.write("\t".join(clean_cell(v) for v in row) + "\n")
            self.rows += 1
        self.stream.flush()
