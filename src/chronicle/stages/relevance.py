"""Keep an event only when a political actor takes part in it.

Event data is about states, governments, armed groups, parties, international bodies and the public
that confronts them. "Microsoft offered a discount" or "the manager asked for patience" uses event
words without political actors; coders of the field (PETRARCH, ICEWS) code an event only when an
actor is in their dictionaries. Here an event needs at least one actor coded with a political
sector, or a country standing for its government; a protest by a group of the public ("thousands of
people marched", "teachers went on strike") is political by what it is. A country in a sports
sentence is a team ("Italy were offered another penalty"), not a state.
"""

from __future__ import annotations

from chronicle.knowledge.actors import POLITICAL_SECTORS
from chronicle.knowledge.cues import load_cues
from chronicle.record import ActorMention, Work
from chronicle.stages.base import Stage



def is_political(mention: ActorMention) -> bool:
    """Whether the actor can make an event political: a political sector or a state, but not the
    public in general ("people", "many users")."""
    if mention.sector == "CVL" and (_generic(mention) or "article-country" in mention.method):
        return False  # "people", "many users": the public in general is not a political actor
    if mention.sector in POLITICAL_SECTORS:
        return True
    return mention.kind == "country"


def _generic(mention: ActorMention) -> bool:
    words = mention.text.lower().split()
    return bool(words) and words[-1] in load_cues().generic_people


STATE_ONLY_TYPES = frozenset({"PROTEST", "SANCTION", "COERCE"})
"""What a team does not do: "the US boycotted the Moscow Olympics" is a state's act."""


class RelevanceStage(Stage):
    name = "relevance.v1"
    requires = ("drafts",)
    assigns = ("drafts",)

    def __call__(self, work: Work) -> Work:
        work.drafts = [d for d in work.drafts if _relevant(d)]
        return work


def _relevant(draft) -> bool:
    mentions = draft.source + draft.target
    political = [m for m in mentions if is_political(m)]
    if political and all(m.kind == "country" for m in political) and draft.event_type not in STATE_ONLY_TYPES \
            and _sports_sentence(draft.sentence):
        return False  # "Italy were offered another penalty", "Russia won the meeting": teams, not states
    return bool(political) or draft.event_type == "PROTEST" and any(m.sector for m in draft.source)


def _sports_sentence(sentence) -> bool:
    """One sports word is enough when the only actors are countries: a country that plays is a team."""
    words = load_cues().sports_words
    return any(t.lemma_.lower() in words or t.lower_ in words for t in sentence)
