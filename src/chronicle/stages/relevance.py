"""Keep an event only when a political actor takes part in it.

Event data is about states, governments, armed groups, parties, international bodies and the public
that confronts them. "Microsoft offered a discount" or "the manager asked for patience" uses event
words without political actors; coders of the field (PETRARCH, ICEWS) code an event only when an
actor is in their dictionaries. Here an event needs at least one actor coded with a political
sector, or a country standing for its government.
"""

from __future__ import annotations

from chronicle.stages.base import ActorMention, Stage, Work

POLITICAL_SECTORS = frozenset(
    "GOV MIL COP JUD LEG PTY REB OPP SPY IGO NGO CVL REF CRM LAB ELI REL JRN MED".split())


def is_political(mention: ActorMention) -> bool:
    if mention.sector in POLITICAL_SECTORS:
        return True
    return mention.kind == "country"


class RelevanceStage(Stage):
    name = "relevance.v1"
    requires = ("drafts",)
    assigns = ("drafts",)

    def __call__(self, work: Work) -> Work:
        work.drafts = [d for d in work.drafts if any(is_political(m) for m in d.source + d.target)]
        return work
