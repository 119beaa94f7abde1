"""The record that passes between stages, and the small contract every stage follows.

One ``Work`` record per article flows through the pipeline. Each stage reads the fields it
``requires`` and fills the fields it ``assigns``; ``check_pipeline`` refuses an order in which a stage
needs a field no earlier stage provides (the idea of spaCy's ``analyze_pipes``). Stages compute on
plain data and the spaCy ``Doc`` that the nlp stage parsed once for all of them.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Iterable, Iterator

from chronicle.schema import Article, Attribution, Casualties, EventDate, Location, Size, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span as SpacySpan, Token

    from chronicle.knowledge.lexicon import TriggerEntry
    from chronicle.stages.clean import CleanResult


@dataclass
class ActorMention:
    """An actor named in the text, with its code as of the article's date (or unknown)."""

    text: str
    start: int
    end: int
    name: str | None = None
    actor_id: str | None = None
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    kind: str = "unknown"      # person, organisation, country, agent, group, unknown
    method: str = "unknown"
    confidence: float = 0.3
    head_i: int = -1           # token index of the phrase's head in the Doc
    plural: bool = False
    affiliation: "ActorMention | None" = None   # the organisation a person speaks for

    @property
    def key(self) -> str:
        """Identity used to compare actors across sentences (merging, anaphora)."""
        return self.actor_id or (self.name or self.text).lower()


@dataclass
class Draft:
    """An event being built: the events stage creates it, later stages refine it."""

    sentence_index: int
    sentence: "SpacySpan"
    trigger: "Token"
    trigger_span: Span
    entry: "TriggerEntry"
    event_type: str
    cameo: str | None
    mode: str | None = None
    contexts: list[str] = field(default_factory=list)
    source: list[ActorMention] = field(default_factory=list)
    target: list[ActorMention] = field(default_factory=list)
    reciprocal: bool = False
    anchor: "Token | None" = None      # the verb whose clause carries tense, modality, dates
    factuality: str = "actual"
    factuality_cue: Span | None = None
    factuality_confidence: float = 0.7
    date: EventDate | None = None
    location: Location | None = None
    attribution: Attribution | None = None
    size: Size | None = None
    casualties: Casualties | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    type_confidence: float = 0.6
    mentions: int = 1
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Work:
    """Everything known about one article while it is being coded."""

    article: Article
    clean: "CleanResult | None" = None
    doc: "Doc | None" = None
    mentions: list[ActorMention] = field(default_factory=list)
    actors_at: dict[int, list[ActorMention]] = field(default_factory=dict)
    drafts: list[Draft] = field(default_factory=list)
    events: list = field(default_factory=list)
    screened: tuple[int, int] | None = None   # (sentences parsed, sentences in all), if screened
    sentences: list[tuple[int, int]] | None = None  # spans of the cleaned text's sentences, before any screen

    @property
    def published(self) -> dt.date | None:
        return self.article.published

    def sentence_number(self, char: int) -> int:
        """The index of the article's sentence that holds character ``char``. Counted on the cleaned
        text by the screen's rule-based splitter, before any sentence is blanked, so an event's
        sentence index is the same whether or not the other sentences were parsed."""
        if self.sentences is None:
            from chronicle.stages.screen import sentence_spans

            self.sentences = sentence_spans(self.clean.text if self.clean is not None else self.article.text)
        return max(0, bisect.bisect_right(self.sentences, char, key=lambda span: span[0]) - 1)


class Stage:
    """A pipeline step: ``__call__`` on one record, ``pipe`` on a stream.

    Subclasses set ``name`` (versioned, e.g. ``"events.v1"``), ``requires`` and ``assigns`` (field
    names of ``Work``/``Draft``), and load their data in ``initialize()``.
    """

    name: ClassVar[str] = "stage"
    requires: ClassVar[tuple[str, ...]] = ()
    assigns: ClassVar[tuple[str, ...]] = ()

    def initialize(self) -> None:
        """Load data files; called once before the first record."""

    def __call__(self, work: Work) -> Work:  # pragma: no cover - abstract
        raise NotImplementedError

    def pipe(self, works: Iterable[Work]) -> Iterator[Work]:
        for work in works:
            yield self(work)


def check_pipeline(stages: list[Stage], provided: Iterable[str] = ("article",)) -> None:
    """Raise ValueError if a stage requires a field that no earlier stage assigns."""
    have = set(provided)
    for stage in stages:
        missing = [f for f in stage.requires if f not in have]
        if missing:
            raise ValueError(f"stage {stage.name} requires {', '.join(missing)}, which no earlier stage assigns")
        have.update(stage.assigns)


def unique_mentions(mentions: list[ActorMention]) -> list[ActorMention]:
    """The mentions in order, each actor (``key``) once."""
    out: list[ActorMention] = []
    keys: set[str] = set()
    for mention in mentions:
        if mention.key not in keys:
            keys.add(mention.key)
            out.append(mention)
    return out


def draft_above(token: "Token", drafts: dict[int, Draft], through: frozenset[str] | tuple[str, ...],
                steps: int = 4) -> Draft | None:
    """The nearest draft (keyed by its trigger's token index) whose trigger governs ``token``,
    climbing only through the dependency relations ``through``, at most ``steps`` heads up."""
    node = token
    for _ in range(steps):
        if node.dep_ not in through or node.head.i == node.i:
            return None
        node = node.head
        if node.i in drafts:
            return drafts[node.i]
    return None


def doc_text(doc) -> str:
    """The text of a parsed document, joined once. spaCy's ``Doc.text`` joins every token on each
    access; reading a few characters of it per actor phrase made that join most of the coder's cost."""
    text = doc.user_data.get("chronicle.text")
    if text is None:
        text = doc.user_data["chronicle.text"] = doc.text
    return text


def span_of(doc_or_span, start_char: int, end_char: int) -> Span:
    """A schema ``Span`` for a character range of the article."""
    doc = getattr(doc_or_span, "doc", doc_or_span)
    return Span(text=doc_text(doc)[start_char:end_char], start=start_char, end=end_char)
