"""The Coder: loads models and data once, runs the stages in order, streams articles in batches.

    read -> clean -> screen -> nlp -> actors -> events -> factuality -> attribution -> framing -> relevance -> dates -> roles
         -> places -> sizes -> scores -> assemble

Each stage is a small object with ``requires``/``assigns``; the order is checked when the Coder is
built, so a stage cannot silently read a field nobody set.
"""

from __future__ import annotations

import datetime as dt
from typing import Iterable, Iterator

from chronicle.schema import Article, Event
from chronicle.stages.actors import ActorsStage
from chronicle.stages.assemble import AssembleStage
from chronicle.stages.attribution import AttributionStage
from chronicle.stages.base import Stage, Work, check_pipeline
from chronicle.stages.clean import clean_text
from chronicle.stages.dates import DatesStage
from chronicle.stages.events import EventsStage
from chronicle.stages.factuality import FactualityStage
from chronicle.stages.framing import FramingStage
from chronicle.stages.relevance import RelevanceStage
from chronicle.stages.nlp import MODEL_PACKAGE, NlpStage, load_model
from chronicle.stages.places import PlacesStage
from chronicle.stages.roles import RolesStage
from chronicle.stages.screen import ScreenStage, sentence_spans
from chronicle.stages.scores import ScoresStage
from chronicle.stages.sizes import SizesStage


class CleanStage(Stage):
    """Blank out captions, credits, bylines and repeated lines (offsets unchanged); split the cleaned
    text into sentences once, for the screen and for numbering events' sentences."""

    name = "clean.v2"
    requires = ("article",)
    assigns = ("clean", "sentences")

    def __call__(self, work: Work) -> Work:
        work.clean = clean_text(work.article.text)
        work.sentences = sentence_spans(work.clean.text)
        return work


class Coder:
    """Code news articles into events.

    >>> coder = Coder()
    >>> events = coder.code("Israel and Egypt agreed on Monday to reopen the crossing.",
    ...                     published="2024-05-06")
    """

    def __init__(self, *, actor_files: Iterable[str] = (), lexicon: str | None = None,
                 model: str = MODEL_PACKAGE, batch_size: int = 16, screen: bool = True):
        actor_files = tuple(actor_files)
        nlp = load_model(model)
        self.nlp_stage = NlpStage(model=model, batch_size=batch_size)
        self.nlp_stage.nlp = nlp
        actors = ActorsStage(actor_files=actor_files, nlp=nlp)
        self.pre: list[Stage] = [CleanStage()] + (
            [ScreenStage(actor_files=tuple(actor_files), lexicon_path=lexicon)] if screen else [])
        self.post: list[Stage] = [
            actors, EventsStage(lexicon_path=lexicon), FactualityStage(), AttributionStage(),
            FramingStage(), RelevanceStage(), DatesStage(), RolesStage(actor_files=actor_files), PlacesStage(), SizesStage(),
            ScoresStage(), AssembleStage(),
        ]
        check_pipeline(self.pre + [self.nlp_stage] + self.post)
        for stage in self.pre:
            stage.initialize()
        for stage in self.post:
            if stage is actors:
                actors.initialize(nlp)
            else:
                stage.initialize()
        self.batch_size = batch_size

    @property
    def stages(self) -> list[Stage]:
        return self.pre + [self.nlp_stage] + self.post

    def code_article(self, article: Article) -> list[Event]:
        return next(self._run([article]))

    def code(self, text: str, published: str | dt.date | None = None, doc_id: str | None = None,
             **meta) -> list[Event]:
        """Code one article's text; ``published`` anchors relative dates and actor roles."""
        if isinstance(published, str):
            published = dt.date.fromisoformat(published)
        article = Article(id=doc_id or "doc", text=text, published=published, **meta)
        return self.code_article(article)

    def pipe(self, articles: Iterable[Article], *, batch_size: int | None = None,
             n_process: int = 1) -> Iterator[tuple[Article, list[Event]]]:
        """Stream (article, events) pairs; spaCy parses ``batch_size`` articles at a time."""
        batch_size = batch_size or self.batch_size
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= batch_size:
                yield from zip(batch, self._run(batch, n_process=n_process))
                batch = []
        if batch:
            yield from zip(batch, self._run(batch, n_process=n_process))

    def _run(self, articles: list[Article], n_process: int = 1) -> Iterator[list[Event]]:
        works = [Work(article=a) for a in articles]
        for stage in self.pre:
            works = [stage(w) for w in works]
        texts = [w.clean.text for w in works]
        docs = self.nlp_stage.nlp.pipe(texts, batch_size=self.batch_size, n_process=n_process)
        for work, doc in zip(works, docs):
            work.doc = doc
            for stage in self.post:
                work = stage(work)
            yield work.events
