"""Record who says an event happened, and through which outlet or medium.

"X told Reuters that...", "..., Y announced", "according to Z", "wrote on Twitter": an event inside
a reported clause is the speaker's claim, and researchers weigh claims by who makes them. The
speaker is an actor (coded like any other); the channel is a medium or outlet named with the report.
"""

from __future__ import annotations

from chronicle.knowledge.cues import Cues, load_cues
from chronicle.record import Work
from chronicle.stages.base import Stage, StageContext
from chronicle.syntax.speech import attribute


class AttributionStage(Stage):
    name = "attribution.v1"
    requires = ("drafts", "actors_at")
    assigns = ("attribution", "reporter", "speaker")

    def __init__(self) -> None:
        self.cues: Cues | None = None

    def initialize(self, context: StageContext | None = None) -> None:
        """Load the cue words (reporting verbs, channels)."""
        self.cues = load_cues()

    def __call__(self, work: Work) -> Work:
        if self.cues is None:
            self.initialize()
        for draft in work.drafts:
            draft.attribution = attribute(draft, work, self.cues)
        return work


