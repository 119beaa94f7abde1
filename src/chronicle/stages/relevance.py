"""Keep an event only when a political actor takes part in it.

Event data is about states, governments, armed groups, parties, international bodies and the public
that confronts them. "Microsoft offered a discount" or "the manager asked for patience" uses event
words without political actors; coders of the field (PETRARCH, ICEWS) code an event only when an
actor is in their dictionaries. Here an event needs at least one actor coded with a political
sector, or a country standing for its government; a protest by a group of the public ("thousands of
people marched", "teachers went on strike") is political by what it is. A country in a sports
sentence is a team ("Italy were offered another penalty"), not a state; so is a country in any
sentence of a sports story ("Ireland defended magnificently", "Fiji rallied to force a finale"), where
a body named only by the last word of its name ("the Premier League", "the Rugby Football Union") is
a sports body, not a party or a union. Arrests and violence done to people are events without a
political actor (``chronicle.knowledge.acts``): "Gomes was arrested", "Mark Smith stabbed Paul Jones".
"""

from __future__ import annotations

import re

from chronicle.knowledge.acts import unaffiliated
from chronicle.knowledge.actors import POLITICAL_SECTORS
from chronicle.knowledge.cues import load_cues
from chronicle.record import ActorMention, Work
from chronicle.stages.base import Stage

SCORE = re.compile(r"\b\d{1,3}-\d{1,3}\b")
WORD = re.compile(r"[a-z]+")



def is_political(mention: ActorMention) -> bool:
    """Whether the actor can make an event political: a political sector or a state, but not the
    public in general ("people", "many users")."""
    if mention.sector == "CVL" and (_generic(mention) or "article-country" in mention.method):
        return False  # "people", "many users": the public in general is not a political actor
    if _medium(mention):
        return False  # "delivering TV over broadband", "the battle between satellite and cable TV"
    if mention.sector in POLITICAL_SECTORS:
        return True
    return mention.kind == "country"


def _generic(mention: ActorMention) -> bool:
    words = mention.text.lower().split()
    return bool(words) and words[-1] in load_cues().generic_people


def _medium(mention: ActorMention) -> bool:
    """"the media", "TV", "broadband media", "conventional radio": a medium, not a media
    organisation (an outlet is named: "the BBC", "Fox News")."""
    words = mention.text.lower().split()
    return mention.sector in ("MED", "JRN") and bool(words) and words[-1] in load_cues().media_nouns \
        and mention.kind != "organisation" and "knowledge-base" not in mention.method


STATE_ONLY_TYPES = frozenset({"PROTEST", "SANCTION", "COERCE"})
"""What a team does not do: "the US boycotted the Moscow Olympics" is a state's act."""
STORY_STATE_ONLY_TYPES = frozenset({"SANCTION", "COERCE"})
"""In a sports story, outside a sentence about the games themselves, a country that "rallied" is a
team coming back, not a protest; a sanction or a ban is still a state's."""


SPORTS_STORY_WORDS = 3
"""Distinct sports words (or score lines) that make a whole article a sports story."""


class RelevanceStage(Stage):
    name = "relevance.v2"
    requires = ("drafts",)
    assigns = ("drafts",)

    def __call__(self, work: Work) -> Work:
        sports_story = bool(work.drafts) and _sports_story(work.article.text)
        work.drafts = [d for d in work.drafts if _relevant(d, sports_story)]
        return work


def _relevant(draft, sports_story: bool = False) -> bool:
    mentions = draft.source + draft.target
    political = [m for m in mentions if is_political(m) and not (sports_story and "name-head" in m.method)]
    sports_sentence = _sports_sentence(draft.sentence)
    state_only = STATE_ONLY_TYPES if sports_sentence else STORY_STATE_ONLY_TYPES
    if political and all(m.kind == "country" for m in political) and draft.event_type not in state_only \
            and (sports_story or sports_sentence):
        return False  # "Italy were offered another penalty", "Russia won the meeting": teams, not states
    if not political and unaffiliated_act(draft):
        return not sports_story and not sports_sentence
    return bool(political) or draft.event_type == "PROTEST" and any(m.sector for m in draft.source)


def unaffiliated_act(draft) -> bool:
    """An arrest or an act of violence (``chronicle.knowledge.acts``) done to someone, with a person
    on one side: an arrest told in the passive with no one named as its agent ("Gomes was
    arrested", the state's act), or violence with a target ("Mark Smith stabbed Paul Jones"). A
    verb with a particle has another sense ("the kick was charged down", "fired up")."""
    trigger = draft.trigger
    if not unaffiliated(draft.cameo) or any(c.dep_ == "prt" for c in trigger.children):
        return False
    if not draft.target or not any(_people(m, trigger.doc) for m in draft.target + draft.source):
        return False
    if draft.cameo.startswith("173"):
        return trigger.pos_ == "VERB" and any(c.dep_ == "auxpass" for c in trigger.children) \
            and not any(c.dep_ == "agent" for c in trigger.children)
    return True


def _people(mention: ActorMention, doc) -> bool:
    """A person or group, or a name the knowledge base lacks that the parser tags as a person."""
    if mention.kind in ("person", "group"):
        return True
    return mention.kind == "unknown" and 0 <= mention.head_i < len(doc) and doc[mention.head_i].ent_type_ == "PERSON"


def _sports_story(text: str) -> bool:
    """A story that uses several distinct sports words is about sport throughout: its countries
    are teams even in a sentence without one ("Ireland defended magnificently"). Read off the
    article's own text: the screen blanks the sentences that hold no event before parsing."""
    words = load_cues().sports_words
    found = {base for w in WORD.findall(text.lower()) for base in (w, w[:-1], w[:-2]) if base in words}
    return len(found) + len(SCORE.findall(text)) >= SPORTS_STORY_WORDS


def _sports_sentence(sentence) -> bool:
    """One sports word is enough when the only actors are countries: a country that plays is a team."""
    words = load_cues().sports_words
    return any(t.lemma_.lower() in words or t.lower_ in words for t in sentence)
