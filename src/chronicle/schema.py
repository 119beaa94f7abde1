"""The event record: the contract between Chronicle and everything that reads its output.

Every field that was resolved from the text keeps the words that support it (``text``, ``start``,
``end`` are character offsets into the article text as given, before cleaning) so a user can check
it. Values, the method that produced them and confidences live in separate fields; nothing here ever
holds a sentinel sentence in place of a value.

The JSON Schema written from these models ships as ``chronicle/data/event.schema.json``; a test keeps
the file and the models in step.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE",
    "COOPERATE", "AID", "RETREAT",
    "REQUEST", "ACCUSE", "REJECT", "THREATEN", "SANCTION",
    "PROTEST", "MOBILIZE", "COERCE", "ASSAULT",
)
"""The 16 PLOVER event types (PLOVER manual 2021), in quad-class order."""

QUAD_CLASS: dict[str, int] = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), 1),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT"), 2),
    **dict.fromkeys(("REQUEST", "ACCUSE", "REJECT", "THREATEN", "SANCTION"), 3),
    **dict.fromkeys(("PROTEST", "MOBILIZE", "COERCE", "ASSAULT"), 4),
}
"""PLOVER type -> QuadClass (1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
4 material conflict), as GDELT and ICEWS use it."""

EventType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "SANCTION", "PROTEST", "MOBILIZE", "COERCE", "ASSAULT",
]
Factuality = Literal["actual", "negated", "hypothetical", "future"]
# "week": an ISO week, Monday to Sunday ("last week", "over the weekend"); its value is that Monday.
DatePrecision = Literal["day", "week", "month", "year"]
PlacePrecision = Literal["country", "admin1", "city", "point"]
ProposedBy = Literal["rules", "model"]
"""What proposed an event: the trigger rules (a lexicon word and its arguments), or the learned
model's sentence head where the rules coded nothing of that type (``stages/events/recall.py``: the
trigger word and the actors are still found by the rules). Model-proposed events are right less
often (about two in three, out of fold); their ``confidence`` says so, and a user can leave them out."""


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Article(_Record):
    """One input document. ``text`` is kept exactly as given: all offsets point into it."""

    id: str
    text: str
    title: str | None = None
    published: _dt.date | None = None
    source: str | None = None
    url: str | None = None
    published_assumed: bool = Field(
        default=False,
        description="True when `published` is the user's --published fallback, not the article's own date")

    @property
    def content_hash(self) -> str:
        """SHA-256 of the text: the store's identity of an article, so the same text is stored once."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


class Span(_Record):
    """Words of the article that support a field."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class ActorWords(Span):
    """The words of a later report that name one of its event's actors. ``method`` is how they
    were tied to the actor in that report (a pronoun there is ``anaphor:ANTECEDENT``); the codes are
    the event record's actor's."""

    method: str | None = Field(
        default=None, description="How these words were tied to the actor in that report: knowledge-base, "
                                  "agent, country, anaphor:ANTECEDENT, ner, unknown")


class Repeat(Span):
    """A later report of an event in the same article, merged into its record: the trigger's words
    (``text``, ``start``, ``end``) and the words that name the record's actors in that report, so
    each mention can be checked for who it names, not only for what happened."""

    source: list[ActorWords] = Field(
        default_factory=list,
        description="The words of this report naming the record's source actors, one per actor in the "
                    "record's order (a report naming the two sides swapped gives its target's words here); "
                    "empty when the report named none")
    target: list[ActorWords] = Field(
        default_factory=list,
        description="The words of this report naming the record's target actors, one per actor in the "
                    "record's order; empty when the report named none")


class Actor(_Record):
    """Who: a country + sector code as of the event date, with the words that named it.

    An actor the knowledge base does not know is kept with its text and null codes.
    """

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    name: str | None = None
    actor_id: str | None = None
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    method: str | None = Field(
        default=None,
        description="How the codes were found: knowledge-base, agent, country, anaphor, ner, unknown",
    )
    confidence: float = Field(default=0.5, ge=0, le=1)


class EventDate(_Record):
    value: str = Field(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")
    precision: DatePrecision
    text: str | None = None
    start: int | None = None
    end: int | None = None
    method: str | None = Field(default=None, description="expression, publication, ...")
    confidence: float = Field(default=0.5, ge=0, le=1)


class Location(_Record):
    name: str
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    precision: PlacePrecision
    text: str | None = None
    start: int | None = None
    end: int | None = None
    method: str | None = None
    confidence: float = Field(default=0.5, ge=0, le=1)


class Attribution(_Record):
    speaker: Actor | None = None
    channel: str | None = None
    text: str
    start: int
    end: int
    confidence: float = Field(default=0.5, ge=0, le=1)


class Size(_Record):
    count: int = Field(ge=0)
    unit: str | None = None
    text: str
    start: int | None = None
    end: int | None = None


class Casualties(_Record):
    killed: int | None = None
    injured: int | None = None
    arrested: int | None = None
    text: str | None = None


class CoderInfo(_Record):
    version: str
    data_version: str


class Confidences(_Record):
    """Per-field confidence, 0-1, so a user can filter on the field they care about."""

    event_type: float = Field(ge=0, le=1)
    source: float = Field(ge=0, le=1)
    target: float = Field(ge=0, le=1)
    factuality: float = Field(ge=0, le=1)
    date: float = Field(ge=0, le=1)
    location: float = Field(ge=0, le=1)


class Event(_Record):
    """One event an article reports: who did what to whom, when, where, how sure, per whom."""

    id: str
    doc_id: str
    sentence_index: int = Field(ge=0)
    sentence: str
    event_type: EventType
    mode: str | None = None
    contexts: list[str] = Field(default_factory=list)
    cameo: str | None = Field(default=None, pattern=r"^\d{2,4}$")
    quad_class: int = Field(ge=1, le=4)
    goldstein: float | None = Field(default=None, ge=-10, le=10)
    factuality: Factuality
    factuality_cue: Span | None = None
    source: list[Actor] = Field(default_factory=list)
    target: list[Actor] = Field(default_factory=list)
    reciprocal: bool = False
    trigger: Span
    date: EventDate | None = None
    location: Location | None = None
    attribution: Attribution | None = None
    size: Size | None = None
    casualties: Casualties | None = None
    confidence: float = Field(ge=0, le=1)
    confidences: Confidences | None = None
    proposed_by: ProposedBy = Field(
        default="rules", description="What proposed the event: 'rules' (a trigger word of the lexicon) or "
                                     "'model' (the learned model's sentence head; trigger and actors by the rules)")
    mentions: int = Field(default=1, ge=1, description="Times the article reports this event")
    repeats: list[Repeat] = Field(
        default_factory=list,
        description="The article's later reports of this event, merged into this record (mentions = 1 + "
                    "their number): each one's trigger and the words naming the record's source and target "
                    "there, the words that support each mention")
    coder: CoderInfo


class Report(BaseModel):
    """One article's report of the event, with the words that support it."""
    model_config = ConfigDict(extra="forbid")
    event_id: str
    doc_id: str
    source: str | None = None  # the outlet: Article.source, else the URL's host
    url: str | None = None
    published: _dt.date | None = None
    sentence: str
    trigger: str
    date: str | None = None
    confidence: float
    mentions: int = 1


class MergedEvent(BaseModel):
    """One real event and every report of it. ``event`` is the best-supported report, unchanged;
    ``num_sources`` counts distinct known outlets (reports without source or URL are not counted)."""
    model_config = ConfigDict(extra="forbid")
    id: str
    event: Event
    reports: list[Report]
    num_mentions: int
    num_articles: int
    num_sources: int


def event_json_schema() -> dict:
    """The JSON Schema of one output line, as shipped in ``data/event.schema.json``."""
    schema = Event.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://chronicle.invalid/schema/event.schema.json"
    return schema


def write_json_schema(path) -> None:
    """Regenerate ``data/event.schema.json`` (``python -m chronicle.schema``)."""
    import json
    from pathlib import Path

    Path(path).write_text(json.dumps(event_json_schema(), indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    from importlib import resources

    write_json_schema(str(resources.files("chronicle").joinpath("data", "event.schema.json")))
