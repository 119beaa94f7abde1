"""Code people by the role they held on the event's date, not the article's.

"In 2014, Netanyahu ..." is coded with the office Netanyahu held in 2014. The actors stage coded
every person as of the publication date; once the dates stage has dated each event, people whose
roles changed in between are coded again.
"""

from __future__ import annotations

import copy
import datetime as dt

from chronicle.knowledge.actors import ActorKB, load_actor_kb
from chronicle.record import ActorMention, Work
from chronicle.stages.base import Stage, StageContext


class RolesStage(Stage):
    name = "roles.v1"
    requires = ("drafts", "date")
    assigns = ("source", "target")

    def __init__(self, *, actor_files=()):
        self.actor_files = tuple(actor_files)
        self.kb: ActorKB | None = None

    def initialize(self, context: StageContext | None = None) -> None:
        """Load the actor knowledge base, with the user's actor files (from the context when given)."""
        if context is not None and not self.actor_files:
            self.actor_files = tuple(context.actor_files)
        if self.kb is None:
            self.kb = load_actor_kb(self.actor_files)

    def __call__(self, work: Work) -> Work:
        if self.kb is None:
            self.initialize()
        for draft in work.drafts:
            if draft.date is None or draft.date.method == "publication":
                continue
            day = _first_day(draft.date.value)
            draft.source = [self._recode(m, day) for m in draft.source]
            draft.target = [self._recode(m, day) for m in draft.target]
        return work

    def _recode(self, mention: ActorMention, day: dt.date) -> ActorMention:
        entry = self.kb.entries.get(mention.actor_id or "")
        if entry is None or entry.kind != "person":
            return mention
        coding = self.kb.code(entry, day)
        twin = copy.copy(mention)
        twin.country, twin.sector, twin.role = coding.country, coding.sector, coding.role
        if mention.method.startswith("anaphor"):
            # A pronoun stays a pronoun resolved to its antecedent ("anaphor:Mr Trump"): the method
            # says which words it stands for, and only the role it names changes with the day.
            twin.method, twin.confidence = mention.method, min(mention.confidence, coding.confidence)
        else:
            twin.method, twin.confidence = coding.method, coding.confidence
        return twin


def _first_day(value: str) -> dt.date:
    parts = [int(p) for p in value.split("-")] + [1, 1]
    return dt.date(parts[0], parts[1], parts[2])
