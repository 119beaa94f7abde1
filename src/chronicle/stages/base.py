"""The contract every stage follows, and the check that a pipeline's order can work.

A stage reads the ``Work`` fields (``chronicle.record``) it ``requires`` and fills those it
``assigns``; ``check_pipeline`` refuses an order in which a stage needs a field no earlier stage
provides (the idea of spaCy's ``analyze_pipes``). Every stage is built with keyword-only settings
and loads its data in ``initialize(context)``, one signature for all, so the Coder can build any
pipeline by name from the registry in ``chronicle.pipeline``, and a test can build one stage alone.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, ClassVar, Iterable, Iterator

from chronicle.record import Draft, Work

if TYPE_CHECKING:
    from spacy.language import Language


@dataclass
class StageContext:
    """What the Coder hands every stage's ``initialize``: the parsed-once spaCy pipeline and the
    user's data files. A stage reads what it needs and ignores the rest, so a user lexicon or actor
    file reaches every stage that reads lexicon or actors, not only the ones someone remembered."""

    nlp: "Language | None" = None
    actor_files: tuple[str, ...] = ()
    lexicon_files: tuple[str, ...] = ()
    batch_size: int = 16


WORK_FIELDS = frozenset(f.name for f in fields(Work)) | {"published"}
DRAFT_FIELDS = frozenset(f.name for f in fields(Draft))


class Stage:
    """A pipeline step: ``__call__`` on one record, ``pipe`` on a stream.

    Subclasses set ``name`` (versioned, e.g. ``"events.v1"``), ``requires`` and ``assigns`` (field
    names of ``Work`` or ``Draft``, checked against those records), and load their data in
    ``initialize(context)``.
    """

    name: ClassVar[str] = "stage"
    requires: ClassVar[tuple[str, ...]] = ()
    assigns: ClassVar[tuple[str, ...]] = ()

    def initialize(self, context: StageContext | None = None) -> None:
        """Load data files; called once before the first record (a stage with no data needs none)."""

    def __call__(self, work: Work) -> Work:  # pragma: no cover - abstract
        raise NotImplementedError

    def pipe(self, works: Iterable[Work]) -> Iterator[Work]:
        """Run the stage over a stream of records, one at a time (stages that batch override it)."""
        for work in works:
            yield self(work)


def check_pipeline(stages: list[Stage], provided: Iterable[str] = ("article",)) -> None:
    """Raise ValueError if a stage names a field that ``Work`` and ``Draft`` do not have, or
    requires one that no earlier stage assigns: a typo or a reordering fails when the Coder is
    built, not as a wrong event later."""
    known = WORK_FIELDS | DRAFT_FIELDS
    have = set(provided)
    for stage in stages:
        unknown = [f for f in (*stage.requires, *stage.assigns) if f not in known]
        if unknown:
            raise ValueError(f"stage {stage.name} names {', '.join(unknown)}, which are not fields of Work or Draft")
        missing = [f for f in stage.requires if f not in have]
        if missing:
            raise ValueError(f"stage {stage.name} requires {', '.join(missing)}, which no earlier stage assigns")
        have.update(stage.assigns)
