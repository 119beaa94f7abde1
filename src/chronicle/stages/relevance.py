"""Keep an event only when a political actor takes part in it.

Event data is about states, governments, armed groups, parties, international bodies and the public
that confronts them. "Microsoft offered a discount" or "the manager asked for patience" uses event
words without political actors; coders of the field (PETRARCH, ICEWS) code an event only when an
actor is in their dictionaries. Here an event needs at least one actor coded with a political
sector, or a country standing for its government; a protest by a group of the public ("thousands of
people marched", "teachers went on strike") is political by what it is.
"""

from __future__ import annotations

from chronicle.knowledge.cues import load_cues
from chronicle.stages.base import ActorMention, Stage, Work

POLITICAL_SECTORS = frozenset(
    "GOV MIL COP JUD LEG PTY REB OPP SPY IGO NGO CVL REF CRM LAB ELI REL JRN MED".split())


def is_political(mention: ActorMention) -> bool:
    if mention.sector == "CVL" and (_generic(mention) or "article-country" in mention.method):
        return False  # "people", "many users": the public in general is not a political actor
    if mention.sector in POLITICAL_SECTORS:
        return True
    return mention.kind == "country"


def _generic(mention: ActorMention) -> bool:
    words = mention.text.lower().split()
    return bool(words) and words[-1] in load_cues().generic_people


class RelevanceStage(Stage):
    name = "relevance.v1"
    requires = ("drafts",)
    assigns = ("drafts",)

    def __call__(self, work: Work) -> Work:
        work.drafts = [d for d in work.drafts if any(is_political(m) for m in d.source + d.target)
                       or d.event_type == "PROTEST" and any(m.sector for m in d.source)]
        return work
