"""The Coder: builds the stages by name, loads models and data once, streams articles in batches.

    clean -> screen -> nlp -> actors -> events -> factuality -> attribution -> framing -> relevance
          -> dates -> roles -> places -> sizes -> scores -> assemble

Stages are built by name from ``STAGES`` (the idea of spaCy's component registry), each with
keyword-only settings, and every one is initialised with the same ``StageContext`` (the loaded spaCy
pipeline and the user's lexicon and actor files), so a user file reaches every stage that reads it.
The order is checked when the Coder is built: a stage cannot silently read a field nobody set.
"""

from __future__ import annotations

import datetime as dt
from typing import Callable, Iterable, Iterator

from chronicle.models.event_classifier import classifier_at
from chronicle.record import Work
from chronicle.schema import Article, Event
from chronicle.stages.actors import ActorsStage
from chronicle.stages.assemble import AssembleStage
from chronicle.stages.attribution import AttributionStage
from chronicle.stages.base import Stage, StageContext, check_pipeline
from chronicle.stages.calibration import CalibrationStage
from chronicle.stages.clean import CleanStage
from chronicle.stages.dates import DatesStage
from chronicle.stages.event_model import EventModelStage
from chronicle.stages.events import EventsStage
from chronicle.stages.events.recall import EventRecallStage
from chronicle.stages.factuality import FactualityStage
from chronicle.stages.framing import FramingStage
from chronicle.stages.nlp import NlpStage
from chronicle.stages.places import PlacesStage
from chronicle.stages.relevance import RelevanceStage
from chronicle.stages.roles import RolesStage
from chronicle.stages.scores import ScoresStage
from chronicle.stages.screen import ScreenStage
from chronicle.stages.sizes import SizesStage
from chronicle.syntax.model import MODEL_PACKAGE, load_model

STAGES: dict[str, Callable[[], Stage]] = {
    "clean": CleanStage, "screen": ScreenStage, "nlp": NlpStage, "actors": ActorsStage,
    "events": EventsStage, "factuality": FactualityStage, "attribution": AttributionStage,
    "framing": FramingStage, "relevance": RelevanceStage, "dates": DatesStage, "roles": RolesStage,
    "places": PlacesStage, "sizes": SizesStage, "scores": ScoresStage, "assemble": AssembleStage,
    "event_model": EventModelStage, "calibration": CalibrationStage, "event_recall": EventRecallStage,
}
"""Every stage by name. A new stage is a class with ``name``/``requires``/``assigns``, registered here
and named in a pipeline; ``check_pipeline`` tells whether its place in the order can work."""

DEFAULT_PIPELINE = ("clean", "screen", "nlp", "actors", "events", "event_recall", "factuality", "attribution", "framing",
                    "relevance", "event_model", "dates", "roles", "places", "sizes", "scores", "assemble",
                    "calibration")

LEARNED_STAGES = ("event_recall", "event_model", "calibration")
"""The stages built on the learned classifier; ``Coder(learned=False)`` is the rules alone, what the
classifier is trained on (so its training candidates never depend on a classifier shipped before)."""


def build_stages(names: Iterable[str]) -> list[Stage]:
    """The stages called ``names``, in that order, built with default settings."""
    stages = []
    for name in names:
        if name not in STAGES:
            raise ValueError(f"no stage called {name!r}; known stages: {', '.join(STAGES)}")
        stages.append(STAGES[name]())
    return stages


class Coder:
    """Code news articles into events.

    >>> coder = Coder()
    >>> events = coder.code("Israel and Egypt agreed on Monday to reopen the crossing.",
    ...                     published="2024-05-06")
    """

    def __init__(self, *, actor_files: Iterable[str] = (), lexicon_files: Iterable[str] = (),
                 model: str = MODEL_PACKAGE, batch_size: int = 16, screen: bool = True,
                 event_model: str | None = None, learned: bool = True):
        """Load the spaCy pipeline and every stage's data once. ``actor_files`` and ``lexicon_files``
        are the user's YAML files, added to (and overriding) the shipped actors and triggers;
        ``event_model`` a folder ``chronicle train`` wrote, used instead of the shipped classifier;
        ``learned=False`` leaves out the stages built on the classifier (``LEARNED_STAGES``)."""
        classifier = None if event_model is None else classifier_at(event_model)  # a bad folder stops first
        nlp = load_model(model)
        self.context = StageContext(nlp=nlp, actor_files=tuple(str(p) for p in actor_files),
                                    lexicon_files=tuple(str(p) for p in lexicon_files),
                                    batch_size=batch_size)
        names = [n for n in DEFAULT_PIPELINE
                 if (screen or n != "screen") and (learned or n not in LEARNED_STAGES)]
        stages = build_stages(names)
        check_pipeline(stages)
        if classifier is not None:
            for stage in stages:
                if isinstance(stage, (EventModelStage, CalibrationStage, EventRecallStage)):
                    stage.classifier = classifier
        for stage in stages:
            stage.initialize(self.context)
        split = names.index("nlp")
        self.pre, self.nlp_stage, self.post = stages[:split], stages[split], stages[split + 1:]
        self.batch_size = batch_size

    @property
    def stages(self) -> list[Stage]:
        """Every stage in order, the parser included."""
        return self.pre + [self.nlp_stage] + self.post

    def code_article(self, article: Article) -> list[Event]:
        """Code one ``Article``."""
        return next(self._run([article]))[1]

    def code(self, text: str, published: str | dt.date | None = None, doc_id: str | None = None,
             **meta) -> list[Event]:
        """Code one article's text; ``published`` anchors relative dates and actor roles."""
        if isinstance(published, str):
            published = dt.date.fromisoformat(published)
        article = Article(id=doc_id or "doc", text=text, published=published, **meta)
        return self.code_article(article)

    def pipe(self, articles: Iterable[Article], *, batch_size: int | None = None, n_process: int = 1,
             on_error: OnError | None = None) -> Iterator[tuple[Article, list[Event]]]:
        """Stream (article, events) pairs; spaCy parses ``batch_size`` articles at a time.

        One article that cannot be coded must not cost the others: with ``on_error``, such an
        article is handed to ``on_error(article, exception)`` and left out of the stream, and the
        rest of its batch is coded; without it, the exception is raised (a library caller decides).
        """
        batch_size = batch_size or self.batch_size
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= batch_size:
                yield from self._run(batch, n_process=n_process, on_error=on_error)
                batch = []
        if batch:
            yield from self._run(batch, n_process=n_process, on_error=on_error)

    def _run(self, articles: list[Article], n_process: int = 1,
             on_error: OnError | None = None) -> Iterator[tuple[Article, list[Event]]]:
        fail = on_error or _raise
        works = []
        for article in articles:
            try:
                works.append(self._prepare(Work(article=article)))
            except Exception as exc:  # noqa: BLE001 - one article's failure is reported, not fatal
                fail(article, exc)
        for work in self._parsed(works, n_process, fail):
            try:
                for stage in self.post:
                    work = stage(work)
            except Exception as exc:  # noqa: BLE001
                fail(work.article, exc)
                continue
            yield work.article, work.events

    def _prepare(self, work: Work) -> Work:
        for stage in self.pre:
            work = stage(work)
        if len(work.clean.text) > self.nlp_stage.nlp.max_length:
            raise ValueError(f"text of {len(work.clean.text):,} characters is over the parser's limit "
                             f"of {self.nlp_stage.nlp.max_length:,}")
        return work

    def _parsed(self, works: list[Work], n_process: int, fail: OnError) -> Iterator[Work]:
        """The works with their parse, in order. Texts up to PARSE_CHUNK_CHARS are parsed together
        (spaCy batches them); a longer text is parsed in pieces (``parse_long``)."""
        pending: list[Work] = []
        for work in works:
            if len(work.clean.text) <= PARSE_CHUNK_CHARS:
                pending.append(work)
                continue
            yield from self._parsed_batch(pending, n_process, fail)
            pending = []
            try:
                work.doc = parse_long(self.nlp_stage.nlp, work.clean.text)
            except Exception as exc:  # noqa: BLE001
                fail(work.article, exc)
                continue
            yield work
        yield from self._parsed_batch(pending, n_process, fail)

    def _parsed_batch(self, works: list[Work], n_process: int, fail: OnError) -> Iterator[Work]:
        """spaCy parses the batch at once; if that breaks, the rest are parsed one by one, so that
        only the article that breaks it is set aside."""
        done = 0
        try:
            docs = self.nlp_stage.nlp.pipe([w.clean.text for w in works], batch_size=self.batch_size,
                                           n_process=n_process)
            for work, doc in zip(works, docs):
                work.doc = doc
                done += 1
                yield work
        except Exception:  # noqa: BLE001 - retried one by one below
            for work in works[done:]:
                try:
                    work.doc = self.nlp_stage.nlp(work.clean.text)
                except Exception as exc:  # noqa: BLE001
                    fail(work.article, exc)
                    continue
                yield work


PARSE_CHUNK_CHARS = 100_000
"""Texts longer than this are parsed in pieces. The parser's memory grows with the length of the text
it is given (about 850 MB for a 50,000-token text at once); in pieces of at most this size a
1,000,000-character article parses in a few hundred MB. News articles are far shorter (the longest
of the BBC, BASIL and ECB+ corpora has about 25,000 characters), so they are parsed whole."""


def parse_long(nlp, text: str):
    """Parse ``text`` in contiguous pieces of at most PARSE_CHUNK_CHARS, cut after a line break
    (which ends a sentence anyway) or else after a space, and join the pieces into one Doc whose
    text and character offsets are the original's."""
    from spacy.tokens import Doc

    pieces, start = [], 0
    while start < len(text):
        end = min(len(text), start + PARSE_CHUNK_CHARS)
        if end < len(text):
            cut = text.rfind("\n", start + 1, end)
            cut = cut if cut > start else text.rfind(" ", start + 1, end)
            end = cut + 1 if cut > start else end
        pieces.append(text[start:end])
        start = end
    doc = Doc.from_docs(list(nlp.pipe(pieces, batch_size=1)), ensure_whitespace=False)
    if doc.text != text:
        raise ValueError("the pieces of a long text did not rebuild it")
    return doc


OnError = Callable[[Article, Exception], None]
"""What ``Coder.pipe`` calls for an article it could not code."""


def _raise(article: Article, exc: Exception) -> None:
    raise exc
