"""One sentence, how many events: the events stage's drafts of a sentence, joined and pruned.

A sentence often tells one incident in several clauses ("overran the base, killing 17 soldiers and
capturing dozens") and recalls earlier events to explain the new one ("freed a diplomat it
arrested", "imposed a curfew after the clashes"). Event data counts incidents, and news of the day:
these rules join the clauses of one incident and drop the recalled events, working on the drafts of
one sentence keyed by their trigger's token index.
"""

from __future__ import annotations

from spacy.tokens import Token

from chronicle.knowledge.acts import STATE_ACTION_NOUNS
from chronicle.knowledge.cues import load_cues
from chronicle.record import Draft
from chronicle.syntax.tree import draft_above, unique_mentions

CLAUSE_CHAIN_DEPS = ("advcl", "conj", "xcomp")
"""Participles and coordinated verbs: "killing and capturing" hangs on "killing", which hangs on the
attack it tells more of."""
FORCE_TYPES = ("ASSAULT", "COERCE")
"""Material conflict: a seizure or an arrest told as part of an attack is one incident with it."""


def merge_elaborations(drafts: dict[int, Draft]) -> None:
    """"attacked the market, killing 12", "overran the base, killing 17 and capturing dozens": the
    dependent clauses tell more of one event, so they join the event they depend on. Same type, or
    force (ASSAULT) with a seizure or arrest (COERCE) done in the same incident: then the incident
    is the assault, the most severe of its parts. The dependent must not add a source of its own."""
    for i in sorted(drafts):
        draft = drafts.get(i)
        if draft is None or draft.trigger.dep_ not in ("advcl", "conj", "xcomp"):
            continue
        governor = draft_above(draft.trigger, drafts, CLAUSE_CHAIN_DEPS)
        if governor is None or not _same_incident(governor, draft):
            continue
        keys = {m.key for m in governor.source}
        if draft.source and not keys.issuperset(m.key for m in draft.source):
            continue
        keep, gone = (governor, draft) if governor.event_type == "ASSAULT" or draft.event_type != "ASSAULT" \
            else (draft, governor)
        if keep is draft:
            draft.source = governor.source or draft.source
        keep.target = unique_mentions(keep.target + gone.target)
        keep.merged_triggers += gone.merged_triggers + [gone.trigger]
        drafts.pop(gone.trigger.i)


def _same_incident(governor: Draft, draft: Draft) -> bool:
    if governor.event_type == draft.event_type:
        return True
    participle = draft.trigger.tag_ in ("VBG", "VBN") or governor.trigger.tag_ in ("VBG", "VBN")
    return participle and {governor.event_type, draft.event_type} == set(FORCE_TYPES)


BACKGROUND_ARG_DEPS = frozenset({"dobj", "obj", "pobj", "prep", "dative", "nsubjpass", "conj", "appos"})


def drop_background(drafts: dict[int, Draft]) -> None:
    """"will return weapons they seized from the army", "freed a diplomat it arrested": a relative
    clause on the argument of another event of the sentence tells how that argument came to be,
    an earlier event the article recalls, not news of its own. Coders of the field code the main
    event only; so does Chronicle."""
    reference_preps = load_cues().reference_preps
    for i, draft in list(drafts.items()):
        if _refers_to_earlier(draft.trigger, drafts, reference_preps):
            drafts.pop(i)
            continue
        if draft.trigger.dep_ not in ("relcl", "acl") or draft.trigger.pos_ != "VERB":
            continue  # ("acl": "the coalition fighting the rebels declared a truce")
        left = draft.trigger.left_edge
        if left.i > 0 and left.nbor(-1).text in (",", "(", "—", "–"):
            continue  # ", who attacked the town on Monday,": an aside that reports an event of its own
        node = draft.trigger.head  # the noun the clause describes
        deps = BACKGROUND_ARG_DEPS | ({"nsubj"} if draft.trigger.dep_ == "acl" else set())
        for _ in range(4):
            if node.head.i == node.i or node.dep_ not in deps:
                break
            node = node.head
            if node.i in drafts and node.i != i:
                drafts.pop(i)
                break


def _refers_to_earlier(trigger: Token, drafts: dict[int, Draft], reference_preps: frozenset[str]) -> bool:
    """"imposed a curfew after deadly clashes", "summoned the ambassador to complain about spying",
    "detained suspects over the attack": an event noun after a preposition of cause, time or topic
    names an event the sentence's own event refers to, not news of its own (it was reported when
    it happened). Only when another event of the sentence governs it: alone, "clashes after the
    vote" may be all the sentence tells."""
    named = (trigger.pos_ == "NOUN" and trigger.dep_ == "pobj") or (trigger.pos_ == "VERB" and trigger.dep_ == "pcomp")
    if not named or trigger.head.lower_ not in reference_preps:
        return False  # ("pcomp": "arrested for collaborating with the rebels")
    if trigger.head.lower_ == "on" and trigger.lemma_.lower() in STATE_ACTION_NOUNS:
        return False  # "arrested on charges of fraud": the charge is news with the arrest (guideline: code both)
    node = trigger
    for _ in range(6):
        if node.head.i == node.i:
            return False
        node = node.head
        if node.i in drafts and node.i != trigger.i:
            return True
    return False
