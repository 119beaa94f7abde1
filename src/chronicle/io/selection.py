"""Which stored events an export writes, and the article fields each row carries.

``Selection`` adds to the store's ``EventFilter`` (date, type, country) what the export options
choose: several factuality values, a minimum confidence and what proposed the events (``proposed_by``). It applies as SQL (Parquet, GDELT
mentions) and to Event records (the streaming formats), with the same meaning both ways.

``ArticleLookup`` reads, a page of events at a time, the article fields the store's event stream
does not carry (title, ``published_assumed``, text length), so every exported row can say which
article it came from.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Iterable, Iterator, TypeVar

from chronicle.io.rows import ArticleInfo
from chronicle.schema import Event
from chronicle.store import EventFilter, Store
from chronicle.store.query import where_clause

FACTUALITY = ("actual", "negated", "hypothetical", "future")


@dataclass(frozen=True)
class Selection:
    """The events to export: the store filters plus ``factualities`` (empty: all) and
    ``min_confidence`` (None: any). With ``merged`` they apply to the representative event."""

    since: _dt.date | None = None
    until: _dt.date | None = None
    filters: EventFilter = field(default_factory=EventFilter)
    factualities: tuple[str, ...] = ()
    min_confidence: float | None = None
    proposed_by: str | None = None

    def sql(self, has_proposed_by: bool = True) -> tuple[str, list]:
        """The SQL condition on the events table (aliased ``e``) and its parameters;
        ``has_proposed_by`` False for a store older than that column (its events read as the rules')."""
        cond, params = where_clause(self.since, self.until, self.filters)
        if self.proposed_by is not None:
            cond += " AND e.proposed_by = ?" if has_proposed_by else " AND 'rules' = ?"
            params = [*params, self.proposed_by]
        if self.factualities:
            cond += f" AND e.factuality IN ({', '.join('?' * len(self.factualities))})"
            params = [*params, *self.factualities]
        if self.min_confidence is not None:
            cond += " AND e.confidence >= ?"
            params = [*params, self.min_confidence]
        return cond, params

    def keep(self, event: Event) -> bool:
        """Whether an event read through the store filters passes the export-only ones too."""
        if self.factualities and event.factuality not in self.factualities:
            return False
        if self.proposed_by is not None and event.proposed_by != self.proposed_by:
            return False
        return self.min_confidence is None or event.confidence >= self.min_confidence


def assumed_sql(store: Store, alias: str = "a") -> str:
    """SQL for an article's ``published_assumed`` (false in a database that predates the column)."""
    return f"{alias}.published_assumed" if store.has_column("articles", "published_assumed") else "FALSE"


def actor_method_sql(store: Store, alias: str = "x") -> tuple[str, str]:
    """SQL for an ``event_actors`` row's method as the coder wrote it and its category (a database
    older than the category column holds the coder's method in ``method``)."""
    if store.has_column("event_actors", "method_detail"):
        return f"{alias}.method_detail", f"{alias}.method"
    return f"{alias}.method", "NULL::VARCHAR"


class ArticleLookup:
    """The export fields of stored articles by ``seq``, read a page at a time."""

    def __init__(self, store: Store):
        self.store = store
        self.assumed = assumed_sql(store)

    def fetch(self, seqs: Iterable[int]) -> dict[int, tuple[ArticleInfo, int]]:
        """seq -> (its ArticleInfo, its text's length in characters)."""
        wanted = sorted(set(seqs))
        if not wanted:
            return {}
        rows = self.store.conn.execute(
            f"SELECT a.seq, a.id, a.title, a.published, {self.assumed}, a.source, a.url, length(a.text) "
            f"FROM articles a WHERE a.seq IN (SELECT unnest(?::BIGINT[]))", [wanted]).fetchall()
        return {seq: (ArticleInfo(id=i, title=t, published=p, published_assumed=bool(assumed),
                                  source=s, url=u), length)
                for seq, i, t, p, assumed, s, u, length in rows}


Record = TypeVar("Record")


def pages(records: Iterable[Record], size: int) -> Iterator[list[Record]]:
    """``records`` in lists of ``size`` (the last one shorter)."""
    page: list = []
    for record in records:
        page.append(record)
        if len(page) >= size:
            yield page
            page = []
    if page:
        yield page
