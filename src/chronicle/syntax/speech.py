"""Who says an event happened, and through which outlet: the reporting verb above an event's
clause ("X told Reuters that ...", "..., Y announced"), "according to Z", and the channel ("on
Twitter", "told Reuters").

The attribution stage records this for every event, the dates stage reads the reporting verb's
tense and date, and the framing stage needs it for the demands it finds; so it lives below the
stages, with the other shared parse-tree helpers.
"""

from __future__ import annotations

from spacy.tokens import Token

from chronicle.knowledge.cues import Cues
from chronicle.record import ActorMention, Draft, Work
from chronicle.schema import Actor, Attribution
from chronicle.syntax.tree import actors_for, doc_text


def reporting_verb(draft: Draft, cues: Cues) -> Token | None:
    """The verb that reports the event's clause: its ccomp governor, or a trailing "..., X said"."""
    node = draft.anchor if draft.anchor is not None else draft.trigger
    for _ in range(8):
        head = node.head
        if head.i == node.i:
            break
        if node.dep_ in ("ccomp", "parataxis") and head.lemma_.lower() in cues.reporting_verbs and head.pos_ == "VERB":
            return head
        node = head
    # "Fatah and Hamas have reached an agreement, Hamas' chief announced": parsed as a conjunct.
    root = node
    for child in root.children:
        if child.dep_ in ("conj", "parataxis") and child.i > draft.trigger.i and \
                child.lemma_.lower() in cues.reporting_verbs and \
                any(c.dep_ == "nsubj" for c in child.children) and \
                not any(c.dep_ in ("dobj", "ccomp") for c in child.children):
            return child
    if root.lemma_.lower() in cues.reporting_verbs and root.i != draft.trigger.i and root.pos_ == "VERB":
        # Quotes: "“We are meeting...,” wrote X" puts the quote under the verb.
        if any(t.i == draft.trigger.i for t in root.subtree):
            return root
    return None

def attribute(draft: Draft, work: Work, cues: Cues) -> Attribution | None:
    """Who reports the event and through which channel (``Attribution``), or None when the sentence
    states it without attribution. Records the reporting verb and speaker on the draft for the
    dates and framing stages."""
    sent = draft.sentence
    verb = reporting_verb(draft, cues)
    speaker: ActorMention | None = None
    channel: str | None = None
    start = end = None
    if verb is not None and verb.i != draft.trigger.i:
        draft.reporter = verb
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            found = actors_for(subjects[0], work)
            speaker = found[0] if found else None
        start, end = verb.idx, verb.idx + len(verb)
        if speaker is not None:
            start, end = min(start, speaker.start), max(end, speaker.end)
        channel = _channel(verb, work, cues)
    according = _according_to(sent, work)
    if according is not None:
        mention, a_start, a_end = according
        if mention is not None and mention.sector == "MED":
            channel = channel or mention.name or mention.text
        elif mention is not None and speaker is None:
            speaker = mention
        start = a_start if start is None else min(start, a_start)
        end = a_end if end is None else max(end, a_end)
    if start is None:
        return None
    if speaker is not None:
        draft.speaker = speaker
    text = doc_text(work.doc)[start:end]
    return Attribution(speaker=to_actor(speaker) if speaker is not None else None, channel=channel,
                       text=text, start=start, end=end, confidence=0.7 if speaker is not None else 0.5)

def _channel(verb: Token, work: Work, cues: Cues) -> str | None:
    for c in verb.children:
        if c.dep_ in ("dobj", "dative") and c.i in work.actors_at:
            mention = work.actors_at[c.i][0]
            if mention.sector == "MED":
                return mention.name or mention.text
        if c.dep_ == "prep" and c.lower_ in ("on", "via", "in", "through", "to"):
            for pobj in c.children:
                words = [t.text for t in pobj.subtree if t.dep_ != "poss"]
                for size in (2, 1):
                    for i in range(len(words) - size + 1):
                        phrase = " ".join(words[i:i + size])
                        if phrase in cues.channels:
                            return phrase
                if pobj.i in work.actors_at and work.actors_at[pobj.i][0].sector == "MED":
                    return work.actors_at[pobj.i][0].name
    return None

def _according_to(sent, work: Work):
    for token in sent:
        if token.lower_ == "according":
            for to in token.children:
                if to.lower_ == "to":
                    for pobj in to.children:
                        found = actors_for(pobj, work)
                        end = pobj.right_edge.idx + len(pobj.right_edge)
                        return (found[0] if found else None), token.idx, end
    return None

def to_actor(mention: ActorMention) -> Actor:
    """The output ``Actor`` of an actor mention."""
    return Actor(text=mention.text, start=mention.start, end=mention.end, name=mention.name,
                 actor_id=mention.actor_id, country=mention.country, sector=mention.sector,
                 role=mention.role, method=mention.method, confidence=mention.confidence)
