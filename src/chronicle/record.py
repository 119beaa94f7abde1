"""The records that pass between the steps of coding, from reading an article to its events.

Readers yield an ``Article`` (``chronicle.schema``) or a ``Rejected`` input. One ``Work`` record per
article then flows through the stages: each reads the fields it ``requires`` and fills those it
``assigns``. Every field one stage passes to another is declared here, typed, so the pipeline's
check (``chronicle.stages.base.check_pipeline``) sees all of them; there is no untyped side channel.
"""

from __future__ import annotations

import bisect
import datetime as dt
import dataclasses
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from chronicle.schema import Article, Attribution, Casualties, EventDate, Location, Size, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span as SpacySpan, Token

    from chronicle.knowledge.lexicon import TriggerEntry

DropReason = Literal["caption", "credit", "byline", "boilerplate", "repeated"]


@dataclass(frozen=True)
class DroppedSpan:
    """Characters ``[start, end)`` of the original text that are not story text, and why."""

    start: int
    end: int
    reason: DropReason


@dataclass(frozen=True)
class CleanResult:
    """``text`` has the input's length; dropped characters are spaces, all others unchanged."""

    text: str
    dropped: list[DroppedSpan] = field(default_factory=list)

    def is_dropped(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` overlaps a dropped span (e.g. a trigger in a caption)."""
        return any(span.start < end and start < span.end for span in self.dropped)


@dataclass(frozen=True)
class Rejected:
    """An input that could not become an article: where it was and, in one line, why."""

    where: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


SHARED_COUNTRY_METHOD = "anaphor+shared-country"
"""The method of a pronoun resolved only to the one country its candidate antecedents share."""
STORY_COUNTRY_METHOD = "anaphor+story-country"
"""The method of a person pronoun no antecedent explains, given only the country of a story clearly
of one country."""
GUESSED_METHODS = frozenset({SHARED_COUNTRY_METHOD, STORY_COUNTRY_METHOD})
"""Methods of mentions that say only which country an actor is of, not who it is: the actors stage
makes them, the events stage lets them fill a role but never make an event alone."""


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

    def at(self, text: str, start: int, end: int, head_i: int) -> "ActorMention":
        """A copy of this mention's codes standing at other words: a pronoun, a short mention or a
        body's name before an event noun that stands for it (anaphora, linking, event arguments)."""
        return dataclasses.replace(self, text=text, start=start, end=end, head_i=head_i)


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
    proposed_by: str = "rules"             # "model": the recall stage added it (Event.proposed_by)
    mentions: int = 1
    # What one stage learns that a later one reads, typed so the pipeline check can see it:
    reporter: "Token | None" = None        # attribution: the verb that reports the event's clause
    speaker: ActorMention | None = None    # attribution: who says it
    factuality_cue_lemma: str | None = None  # factuality: the lemma of the cue that set factuality
    merged_triggers: list["Token"] = field(default_factory=list)  # events: triggers of the same incident
    peacekeeping: bool = False             # framing: a deployment re-coded as peacekeeping aid
    refused: str | None = None             # framing: the type of the refused act (REJECT)
    condition: int | None = None           # framing: token index of a refusal's until/unless clause
    demanded: str | None = None            # framing: what a REQUEST demands (type or verb lemma)
    intended: str | None = None            # framing: the type of an announced act (AGREE/THREATEN)


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
    story_country: str | None = None  # actors: the one country the story is clearly of, if any
    owners_at: dict[int, list[ActorMention]] = field(default_factory=dict)  # actors: whom "his"/"its" ... mean

    @property
    def published(self) -> dt.date | None:
        """The article's publication date: the anchor of relative dates and of actor roles."""
        return self.article.published

    def sentence_number(self, char: int) -> int:
        """The index of the article's sentence that holds character ``char``. Counted on the cleaned
        text by the screen's rule-based splitter, before any sentence is blanked, so an event's
        sentence index is the same whether or not the other sentences were parsed."""
        if self.sentences is None:
            from chronicle.syntax.sentences import sentence_spans

            self.sentences = sentence_spans(self.clean.text if self.clean is not None else self.article.text)
        return max(0, bisect.bisect_right(self.sentences, char, key=lambda span: span[0]) - 1)
