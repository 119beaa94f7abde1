"""CAMEO, QuadClass, Goldstein, PLOVER mode and contexts for each event, from the published tables."""

from __future__ import annotations

from chronicle.knowledge.cameo import goldstein, plover_row
from chronicle.schema import QUAD_CLASS
from chronicle.stages.base import Stage
from chronicle.record import Work


class ScoresStage(Stage):
    name = "scores.v1"
    requires = ("drafts", "location")
    assigns = ("quad_class", "goldstein", "mode", "contexts")

    def __call__(self, work: Work) -> Work:
        for draft in work.drafts:
            row = plover_row(draft.cameo) if draft.cameo else None
            draft.quad_class = QUAD_CLASS[draft.event_type]
            draft.goldstein = goldstein(draft.cameo)
            if row is not None and row.event_type == draft.event_type:
                draft.mode = draft.mode or row.mode
                if row.context and row.context not in draft.contexts:
                    draft.contexts.append(row.context)
            if draft.event_type == "CONSULT" and draft.mode is None and draft.location is not None:
                parties = {a.country for a in draft.source + draft.target if a.country}
                if parties and draft.location.country and draft.location.country not in parties:
                    draft.mode = "third-party"  # PLOVER: a meeting at a third location
        return work

