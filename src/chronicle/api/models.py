"""Request bodies of the write endpoints, validated before anything runs (and shown in /docs)."""

from __future__ import annotations

import datetime as _dt
import hashlib
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from chronicle.schema import Article, EventType, Factuality

MAX_TEXT_CHARS = 100_000
"""Longest article text ``/v1/code`` and ``/v1/ingest`` accept (a long feature is ~30,000)."""
MAX_INGEST_ARTICLES = 500
"""Articles one ``POST /v1/ingest`` may carry (the body limit, 2 MB by default, applies too)."""


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ArticleIn(_Body):
    """An article to code: its text, and what the store keeps about it."""

    text: str = Field(min_length=1, max_length=MAX_TEXT_CHARS)
    published: _dt.date | None = None
    id: str | None = Field(default=None, max_length=500)
    title: str | None = Field(default=None, max_length=2000)
    source: str | None = Field(default=None, max_length=500)
    url: str | None = Field(default=None, max_length=2000)

    def article(self) -> Article:
        """The Article to code; without an id, ``api-`` and the first 12 hex digits of its hash."""
        ident = self.id or "api-" + hashlib.sha256(self.text.encode("utf-8")).hexdigest()[:12]
        return Article(id=ident, text=self.text, published=self.published, title=self.title,
                       source=self.source, url=self.url)


class IngestIn(_Body):
    """``POST /v1/ingest``: articles stored and coded like ``chronicle ingest`` does."""

    articles: list[ArticleIn] = Field(min_length=1, max_length=MAX_INGEST_ARTICLES)


class ActorCorrection(_Body):
    """An actor as the reviewer says it should be coded."""

    name: str = Field(min_length=1, max_length=300)
    country: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    sector: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")


class Corrections(_Body):
    """The fields a reviewer corrects; those left out were not corrected."""

    event_type: EventType | None = None
    factuality: Factuality | None = None
    source: list[ActorCorrection] | None = Field(default=None, max_length=20)
    target: list[ActorCorrection] | None = Field(default=None, max_length=20)


class ReviewIn(_Body):
    """``POST /v1/events/{id}/reviews``: a verdict, corrections, or both, and who says so."""

    verdict: Literal["right", "wrong"] | None = None
    corrections: Corrections | None = None
    reviewer: str = Field(min_length=1, max_length=200)
    note: str | None = Field(default=None, max_length=5000)
