"""Acts one actor receives from another: "X drew criticism from Y", "X came under fire from Y".

In these clauses the grammatical subject is the one acted upon and the actor after "from" acts:
"the minister took criticism from opposition MPs" is the MPs criticising the minister, "the senator
faced calls from Democrats to resign" the Democrats demanding his resignation. Read the usual way
(subject = source) they would be coded backwards. The nouns, and the verbs that receive them, are
data (``data/actor_cues.yaml``: ``receiving_verbs``, ``under_verbs``, ``received_acts``): a noun the
lexicon lacks in this use ("fire", "calls") gets its event from that table; "fire" and "attack"
received from an armed actor, or with a weapon word, are force, otherwise words. Likewise a verb
that answers what another actor asked ("rejected a request from X", "a request by X was refused")
has the asker as its target.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from chronicle.knowledge.actors import load_actor_cues
from chronicle.knowledge.lexicon import TriggerEntry
from chronicle.record import ActorMention, Work
from chronicle.syntax.tree import actors_for, actors_in_pobjs


def receiver_verb(noun: Token) -> Token | None:
    """The verb that receives ``noun``: "drew [criticism]", "came under [fire]", "met with
    [condemnation]"; None when the noun is not received."""
    cues = load_actor_cues()
    if noun.pos_ != "NOUN":
        return None
    head = noun.head
    if noun.dep_ in ("dobj", "obj") and head.pos_ == "VERB" and head.lemma_.lower() in cues.receiving_verbs:
        return head
    if noun.dep_ == "pobj" and head.lower_ == "under" and head.head.lemma_.lower() in cues.under_verbs:
        return head.head
    if noun.dep_ == "pobj" and head.lower_ == "with" and head.head.lemma_.lower() == "meet":
        return head.head
    return None


def giver_prep(noun: Token, verb: Token) -> Token | None:
    """The "from" that names who gives the act: on the noun, on the verb, on "under", or inside
    the noun's complement where the parser hangs it ("calls from X to resign"); or a "by" on the
    noun itself ("faced a call by X", "came under criticism by X")."""
    for node in (noun, verb, noun.head):
        for child in node.children:
            if child.dep_ == "prep" and (child.lower_ == "from" or child.lower_ == "by" and node.i == noun.i):
                return child  # "faced a call by X to resign": "by" on the noun names the giver too
    for token in noun.subtree:
        if token.lower_ == "from" and token.i > noun.i and any(c.dep_ == "pobj" for c in token.children):
            return token
    return None


def construction(noun: Token, entry: TriggerEntry | None, work: Work):
    """The entry, source, target and anchor of a received act, or None when ``noun`` is not one:
    the actors after "from" are the source, the receiver (the verb's subject, or the owner of a
    subject that is a thing: "Obama's plan drew criticism") the target; with no "from", the
    receiver alone (:func:`_ungiven`)."""
    verb = receiver_verb(noun)
    if verb is None:
        return None
    prep = giver_prep(noun, verb)
    if prep is None:
        return _ungiven(noun, entry, verb, work)
    source = actors_in_pobjs(prep, work)
    entry = received_entry(noun, entry, source)
    if entry is None or not source:
        return None
    target = _receivers(verb, work)
    return entry, source, [m for m in target if m.key not in {s.key for s in source}], verb


def _ungiven(noun: Token, entry: TriggerEntry | None, verb: Token, work: Work):
    """"Michael Steele drew fierce criticism", "the minister came under criticism after ...": a
    received act whose giver the sentence does not name is still done to the receiver, who is its
    target, not its source (a reader never takes "X faced criticism" for X criticising). Only for a
    noun the lexicon codes with the same event as the table's (no giver says whether "came under
    attack" is words or force, so such a noun is left to the lexicon), so that no event is made or
    retyped here. The words on the noun may still name the giver ("is under FBI investigation")."""
    tabled = received_entry(noun, entry, []) if entry is not None else None
    if tabled is None or tabled.event_type != entry.event_type:
        return None
    givers = [m for c in noun.children if c.dep_ in ("poss", "compound", "amod", "nmod")
              for m in work.actors_at.get(c.i, [])]  # "is under FBI investigation", "drew Labour criticism"
    target = [m for m in _receivers(verb, work) if m.key not in {g.key for g in givers}]
    return (entry, givers, target, verb) if target else None


def received_entry(noun: Token, entry: TriggerEntry | None, givers: list[ActorMention]) -> TriggerEntry | None:
    """The event of a received noun: the table's (words or force, by the giver and the noun's
    modifiers; a demand to resign is CAMEO 1041), else the lexicon's; None when the noun needs a
    complement it lacks ("a call from Obama" is a phone call)."""
    cues = load_actor_cues()
    row = cues.received_acts.get(noun.lemma_.lower())
    if row is None:
        return entry
    if row.get("needs") and not _complement(noun, row["needs"]):
        return None
    literal = row.get("literal")
    if literal is not None and _is_force(noun, givers):
        return entry if entry is not None and entry.event_type == literal["event_type"] else \
            _entry(noun.lemma_.lower(), literal["event_type"], literal["cameo"])
    cameo = row["cameo"]
    if row.get("resign") and _asks_to_resign(noun):
        cameo = row["resign"]
    return _entry(noun.lemma_.lower(), row["event_type"], cameo)


def table_entry(noun: Token, work: Work) -> TriggerEntry | None:
    """An entry for a noun the lexicon lacks, when it is received from an actor ("came under fire
    from Labour", "faced calls from MPs to resign"); None otherwise."""
    if noun.lemma_.lower() not in load_actor_cues().received_acts:
        return None
    found = construction(noun, None, work)
    return found[0] if found is not None else None


def requesters(verb: Token, work: Work) -> list[ActorMention]:
    """"rejected a request from X", "accepted an invitation by X", "a request by X was refused":
    the one whose request, offer or call the verb answers is its target."""
    nouns = load_actor_cues().request_nouns
    for obj in verb.children:
        if obj.dep_ not in ("dobj", "obj", "nsubjpass") or obj.lemma_.lower() not in nouns:
            continue
        for prep in obj.children:
            if prep.dep_ == "prep" and prep.lower_ in ("from", "by"):
                return actors_in_pobjs(prep, work)
    return []


@lru_cache(maxsize=128)
def _entry(lemma: str, event_type: str, cameo: str) -> TriggerEntry:
    return TriggerEntry(lemma=lemma, pos="NOUN", event_type=event_type, cameo=cameo)


def _receivers(verb: Token, work: Work) -> list[ActorMention]:
    """Who receives: the subject's actors, or, when the subject is a thing, its owner's."""
    found: list[ActorMention] = []
    for child in verb.children:
        if child.dep_ not in ("nsubj", "nsubjpass"):
            continue
        found += actors_for(child, work)
        if not found:
            found += [m for c in child.children if c.dep_ == "poss" for m in work.actors_at.get(c.i, [])]
    return found


def _is_force(noun: Token, givers: list[ActorMention]) -> bool:
    """"came under heavy fire", "under fire from militants": force, not words."""
    cues = load_actor_cues()
    if any(c.lower_ in cues.force_words for c in noun.children if c.dep_ in ("amod", "compound", "nmod")):
        return True
    return any(m.sector in cues.armed_sectors for m in givers)


def _complement(noun: Token, needs: list[str]) -> bool:
    """Whether the noun has one of the complements it needs: "calls to resign", "calls for X"."""
    for child in noun.subtree:
        if child.dep_ == "aux" and child.lower_ == "to" and "to" in needs:
            return True
        if child.dep_ == "prep" and child.lower_ in needs and child.head.i == noun.i:
            return True
    return False


def _asks_to_resign(noun: Token) -> bool:
    """"calls to resign", "pressure to step down", "calls for his resignation"."""
    verbs = load_actor_cues().resign_verbs
    return any(t.lemma_.lower() in verbs and t.pos_ == "VERB" or t.lemma_.lower() == "resignation"
               for t in noun.subtree)
