"""Common-noun phrases that still name who acted, or where an act landed.

Beside names, titles and agent words, news names actors with phrases the knowledge base cannot list:
people of a group ("senior union figures", "a government task force"), a body owned by a person
named by surname alone ("the Clinton administration"), and, as PLOVER codes it, the place an act
lands when its object names no actor ("attacked a base in Kandahar"). The actors stage
(``chronicle.stages.actors``) asks these functions when its stronger rules found nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from chronicle.knowledge.actors import CLAUSE_PLACE_METHOD, PLACE_METHOD, ActorKB, load_actor_cues
from chronicle.record import ActorMention
from chronicle.stages.actors import linking
from chronicle.syntax.tree import ent_at

if TYPE_CHECKING:
    from chronicle.stages.actors.matching import TokenIndex

PLACE_CONFIDENCE = 0.4
GROUP_CONFIDENCE = 0.45


def place_in_object(head: Token, index: "TokenIndex", base: dict, kb: ActorKB, gazetteer) -> ActorMention | None:
    """"attacked a base in Kandahar", "a ceasefire in Hodeidah": a place inside the phrase of an
    event's object is where the act lands, PLOVER's target when the object names no actor; kept as a
    place (kind "place", a country, no sector: never an actor that makes an event political). A
    named place a verb governs after a place preposition ("surrendered in Faryab", "withdrew from
    Sinai") is kept too, with method ``place:clause``, when it has a country: the events stage takes
    it as the target only when the verb has no other. Other places: None."""
    node = head
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    method = PLACE_METHOD
    if node.head.head.pos_ != "NOUN":
        if node.head.head.pos_ not in ("VERB", "AUX") or node.head.lower_ not in load_actor_cues().place_target_preps:
            return None
        method = CLAUSE_PLACE_METHOD
    span = index.name_at(head)
    entries = kb.by_alias.get(span.text, []) if span is not None and index.label(span) == "NAME" else []
    country = next((e.country for e in entries if e.kind == "country"), None)
    if country is None:
        ent = ent_at(head)
        place = gazetteer.resolve_written(ent, ent.text if ent is not None else head.text,  # "Kingston, Ont."
                                          country_hint=index.story.main)
        country = place.country if place is not None else None
    if country is None and method == CLAUSE_PLACE_METHOD:
        return None
    return ActorMention(**base, name=base["text"], country=country, kind="place", method=method,
                        confidence=PLACE_CONFIDENCE)


def group_of_agent(head: Token, tokens: list[Token], index: "TokenIndex", base: dict, kb: ActorKB) -> ActorMention | None:
    """"senior union figures", "a government task force": people of a group named by an agent word
    before a group noun (``group_heads`` of ``data/actor_cues.yaml``) are that group, with its
    sector; None otherwise ("a police station" is a thing)."""
    if head.lemma_.lower() not in load_actor_cues().group_heads:
        return None
    agents = [index.generic_spans[t.i] for t in tokens
              if t.i < head.i and t.i in index.generic_spans and index.generic_spans[t.i].label_ == "AGENT"]
    entry = kb.agents.get(agents[-1].text.lower()) if agents else None
    if entry is None or entry.sector is None:
        return None
    return ActorMention(**base, country=entry.country, sector=entry.sector, kind="agent",
                        method="agent:group", confidence=GROUP_CONFIDENCE)


def surname_country(mention: ActorMention, mods: list[Token], index: "TokenIndex", kb: ActorKB) -> str | None:
    """"the Clinton administration", "Mr Gingrich's staff": an agent owned by a person named by
    surname alone takes the country of the knowledge base's people of that surname, as
    ``linking.surname_people`` reads them in this story; None otherwise."""
    if mention.kind != "agent":
        return None
    for token in mods:
        if token.pos_ == "PROPN" and token.dep_ in ("compound", "poss") and token.i not in index.name_spans:
            people = linking.surname_people(token.text, index.story, kb)
            if people:
                return people[0].country
    return None
