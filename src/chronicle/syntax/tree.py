"""Helpers on the parse tree that several stages share: finding the actors a phrase names, the
event that governs a word, and schema spans of the article's characters.

They live below the stages so that no stage imports another: each stage depends only on this
layer, the records and the knowledge loaders.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from chronicle.knowledge.cues import load_cues
from chronicle.record import ActorMention, Draft, Work
from chronicle.schema import Span

if TYPE_CHECKING:
    from spacy.tokens import Token


RELATIVE_PRONOUNS = ("who", "that", "which")
"""Subjects of a relative clause that stand for the noun the clause hangs on ("Nixon, who ...")."""


def unique_mentions(mentions: list[ActorMention]) -> list[ActorMention]:
    """The mentions in order, each actor (``key``) once."""
    out: list[ActorMention] = []
    keys: set[str] = set()
    for mention in mentions:
        if mention.key not in keys:
            keys.add(mention.key)
            out.append(mention)
    return out


def draft_above(token: "Token", drafts: dict[int, Draft], through: frozenset[str] | tuple[str, ...],
                steps: int = 4) -> Draft | None:
    """The nearest draft (keyed by its trigger's token index) whose trigger governs ``token``,
    climbing only through the dependency relations ``through``, at most ``steps`` heads up."""
    node = token
    for _ in range(steps):
        if node.dep_ not in through or node.head.i == node.i:
            return None
        node = node.head
        if node.i in drafts:
            return drafts[node.i]
    return None


def doc_text(doc) -> str:
    """The text of a parsed document, joined once. spaCy's ``Doc.text`` joins every token on each
    access; reading a few characters of it per actor phrase made that join most of the coder's cost."""
    text = doc.user_data.get("chronicle.text")
    if text is None:
        text = doc.user_data["chronicle.text"] = doc.text
    return text


def span_of(doc_or_span, start_char: int, end_char: int) -> Span:
    """A schema ``Span`` for a character range of the article."""
    doc = getattr(doc_or_span, "doc", doc_or_span)
    return Span(text=doc_text(doc)[start_char:end_char], start=start_char, end=end_char)


def reduced_passive(verb: "Token") -> bool:
    """A past participle that describes a noun, told of the one acted on: "a woman charged with
    killing", "the two men arrested on Friday" (the noun is the verb's patient)."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN"


def shared_passive_subject(verb: "Token") -> "Token | None":
    """The subject a passive verb shares with the verb it is coordinated with, who is the one acted
    on: "he gave himself up and was arrested" (he), "was arrested and charged with murder", "was booked
    into jail and released on bail" (the first verb's passive subject). Without its own "was" the
    second verb is passive only after a passive first verb ("shot and killed a man" is active).
    A passive participle clause shares its clause's subject the same way: "X is in prison, having
    been charged with fraud", "X was suspended after being accused of", "X was arrested in Canada,
    charged with polygamy" (:func:`_participle_clause`)."""
    if verb.tag_ != "VBN" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    own_aux = any(c.dep_ == "auxpass" for c in verb.children)
    if not own_aux and any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children):
        return None  # "was not drawn into it but has called for X": a perfect of its own, active
    clause = verb.head if verb.dep_ == "conj" else _participle_clause(verb, own_aux)
    if clause is None:
        return None
    deps = ("nsubj", "nsubjpass") if own_aux else ("nsubjpass",)
    subjects = [c for c in clause.children if c.dep_ in deps]
    return subjects[0] if subjects else None


def _participle_clause(verb: "Token", own_aux: bool) -> "Token | None":
    """The verb whose subject a passive participle clause with no subject of its own is told of: the
    clause it modifies ("having been charged", advcl; a bare "charged with" only after a passive
    verb, as for a conjunct) or the verb of the preposition it follows ("after being charged")."""
    if verb.dep_ == "advcl" and verb.head.pos_ in ("VERB", "AUX") and not any(c.dep_ == "mark" for c in verb.children):
        return verb.head  # not "if found guilty": a condition, not what happened to the subject
    if own_aux and verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB", "AUX"):
        return verb.head.head
    return None


def has_prep_phrase(verb: "Token", preps: tuple[str, ...]) -> bool:
    """Whether one of the verb's prepositional phrases is one of ``preps``: a bare preposition
    ("charged with") or, for an item of two words, the preposition with its object's lemma
    ("released on bail", "released without charge"; not "released on Friday")."""
    for prep in verb.children:
        if prep.dep_ != "prep":
            continue
        objects = {p.lemma_.lower() for p in prep.children if p.dep_ == "pobj"}
        if prep.lower_ in preps or any(f"{prep.lower_} {o}" in preps for o in objects):
            return True
    return False


def lemma_forms(noun: "Token") -> set[str]:
    """The noun's lemma, and with it the word the tokenizer split off at a hyphen: "fund-raisers" is
    read as "fund", "-", "raisers", so a word list's "fund-raiser" matches only when the two halves
    are joined again. What a word list is matched against."""
    doc, i, lemma = noun.doc, noun.i, noun.lemma_.lower()
    if i >= 2 and doc[i - 1].text == "-" and doc[i - 2].head.i == i and not doc[i - 1].whitespace_ \
            and not doc[i - 2].whitespace_:
        return {lemma, f"{doc[i - 2].lower_}-{lemma}"}
    return {lemma}


BARE_PLACE_OR_TIME = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC"})
"""Entities whose phrase only tells when or where an act was done ("charged on Tuesday", "in Texas")."""


def bare_verb(verb: "Token") -> bool:
    """Whether a verb has no complement but when or where: "two of his aides have been charged",
    "were charged on Tuesday in Texas"; not "charged with fraud", "charged twice for the delivery",
    "charged $50", "was charged by the FA" (whatever else names what or how)."""
    for child in verb.children:
        if child.dep_ == "npadvmod" and child.ent_type_ in BARE_PLACE_OR_TIME:
            continue  # "was charged Tuesday"; not "charged $50"
        if child.dep_ in ("dobj", "obj", "dative", "npadvmod", "xcomp", "oprd", "attr", "agent", "prt", "ccomp"):
            return False
        objects = [p for p in child.children if p.dep_ == "pobj"] if child.dep_ == "prep" else []
        if child.dep_ == "prep" and not (objects and all(p.ent_type_ in BARE_PLACE_OR_TIME for p in objects)):
            return False
    return True


def charge_against_preps(noun: "Token") -> list["Token"]:
    """The "against" (or "to") phrases of the verb that brings a charge ``noun`` (``bringing_verbs`` of
    cues.yaml), in the passive or as a participle: "charges were filed against two aides", "fraud
    charges levelled against him", "after the charges were put to them". Who the phrase names is the
    one charged (the events stage reads it as the target, the relevance stage as people charged)."""
    verbs = [noun.head] if noun.dep_ == "nsubjpass" else [
        c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"]  # "charges levelled against him"
    bringing = load_cues().bringing_verbs
    return [p for v in verbs if v.pos_ == "VERB" and v.lemma_.lower() in bringing
            for p in v.children if p.dep_ == "prep" and p.lower_ in ("against", "to")]


def answering_verb(noun: "Token") -> "Token | None":
    """The active verb of ``answering_verbs`` whose subject answers the charge ``noun``: "faces
    charges", "pleaded guilty to charges" (the plea's "not guilty" is no negation of the charge),
    "appeared in court on a charge"; or one of ``trial_verbs`` with a trial the charge is "on"
    (``trial_nouns``: "awaits trial on charges of", "is to face trial on criminal charges", "made a
    court appearance on a charge of"); None if there is none."""
    cues = load_cues()
    governor, trial = noun.head, None
    if noun.dep_ == "pobj" and governor.lower_ in ("to", "on"):
        governor = governor.head
        if governor.dep_ == "acomp":  # "pleaded guilty to"
            governor = governor.head
        elif governor.pos_ == "NOUN" and governor.lemma_.lower() in cues.trial_nouns:
            trial, governor = governor, governor.head  # "awaits trial on charges"
            if trial.dep_ == "pobj" and governor.lower_ == "on":  # "went on trial on charges"
                governor = governor.head
            elif trial.dep_ not in ("dobj", "obj"):
                return None
    elif noun.dep_ not in ("dobj", "obj"):
        return None
    if governor.pos_ not in ("VERB", "AUX") or any(c.dep_ == "auxpass" for c in governor.children):
        return None
    lemma = governor.lemma_.lower()
    if trial is None and lemma not in cues.answering_verbs:  # "awaits trial, on charges of": the parser's
        tried = any(_tried(c, cues.trial_nouns) for c in governor.children)  # "on" hung on the verb
        return governor if tried and lemma in cues.trial_verbs else None
    return governor if trial is None or lemma in cues.trial_verbs else None


def on_trial(noun: "Token") -> bool:
    """Whether the charge ``noun`` is what a trial or a court appearance is "on" ("is to face trial on
    charges of fraud", "awaits trial on charges"): a charge already brought, whatever the tense of the
    trial."""
    prep, trials = noun.head, load_cues().trial_nouns
    if noun.dep_ != "pobj" or prep.lower_ != "on":
        return False
    holder = prep.head
    return holder.lemma_.lower() in trials or any(_tried(c, trials) for c in holder.children)


def _tried(child: "Token", trials: frozenset[str]) -> bool:
    """Whether the verb's child ``child`` is a trial noun its verb takes ("awaits trial", "went on trial")."""
    if child.dep_ in ("dobj", "obj"):
        return child.lemma_.lower() in trials
    return child.dep_ == "prep" and child.lower_ == "on" and any(
        p.dep_ == "pobj" and p.lemma_.lower() in trials for p in child.children)


def answering_subjects(noun: "Token") -> list:
    """Who answers the charge ``noun`` (:func:`answering_verb`): the verb's subject, the subject of
    the verb it completes ("Smith is to face trial on charges"), or the noun its participle describes
    ("a man facing charges"); [] when no verb of answering governs it."""
    governor = answering_verb(noun)
    if governor is None:
        return []
    subjects = [c for c in governor.children if c.dep_ == "nsubj"]
    if not subjects and governor.dep_ == "acl" and governor.tag_ == "VBG":  # "a man facing charges"
        subjects = [governor.head]
    if not subjects and governor.dep_ == "xcomp":  # "Smith is to face trial on charges", "is due to appear"
        subjects = [c for c in governor.head.children if c.dep_ == "nsubj"]
    return subjects


def actors_for(token: Token, work: Work, *, descend_of: bool = False) -> list[ActorMention]:
    """Actors named by the phrase headed by ``token``, including coordinated ones."""
    found: list[ActorMention] = []
    heads = [token, *[c for c in token.conjuncts if c.i > token.i]]
    for head in heads:
        if head.i in work.actors_at:
            found += work.actors_at[head.i]
        elif head.lower_ in RELATIVE_PRONOUNS and head.head.dep_ == "relcl":
            found += actors_for(head.head.head, work)
        elif descend_of or head.lower_ in load_cues().member_nouns or head.lower_ in load_cues().partitive_words:
            # "the release of X" (an object), "members of X", "some of X" (a part of an actor acts as the actor)
            for c in head.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    found += actors_in_pobjs(c, work)
    return found


def actors_in_pobjs(prep: Token, work: Work) -> list[ActorMention]:
    """Actors named by the objects of a preposition ("talks with X and Y", "the release of X")."""
    found: list[ActorMention] = []
    for c in prep.children:
        if c.dep_ in ("pobj", "pcomp"):
            found += actors_for(c, work, descend_of=True)
    return found


INNER_DEPS = frozenset({"poss", "prep", "pobj", "agent", "acl", "conj", "appos", "nmod", "compound", "amod"})
"""Relations that stay inside a noun phrase: its owner, modifiers, prepositional phrases, reduced
relative clauses ("a proposal made by X") and coordinates; not relative or adverbial clauses,
which tell of something else."""


def actors_inside(token: Token, work: Work, *, depth: int = 4) -> list[ActorMention]:
    """The actors named nearest inside a phrase that names none at its head: the owner ("backed
    X's comments"), the place or party of its modifiers ("attacked a base in X", "rejected a
    proposal made by X", "a mediation effort between X and Y"). The nearest level (in dependency
    steps) that holds any actor gives them all; dates and times are never read."""
    frontier = [token]
    for _ in range(depth):
        frontier = [c for node in frontier for c in node.children
                    if c.dep_ in INNER_DEPS and c.ent_type_ not in ("DATE", "TIME")]
        found = [m for node in frontier for m in work.actors_at.get(node.i, [])]
        if found:
            return found
    return []


def doc_ents(doc) -> tuple[list, list[int]]:
    """The document's entities and their start tokens, built once per document. spaCy builds
    ``Doc.ents`` anew over the whole document on every access, and ``Span.ents`` through it, so a
    look-up per event made long texts cost their length squared."""
    cached = doc.user_data.get("chronicle.ents")
    if cached is None:
        ents = list(doc.ents)
        cached = doc.user_data["chronicle.ents"] = (ents, [e.start for e in ents])
    return cached


def ents_in(span) -> list:
    """The entities that lie wholly inside ``span`` (what ``Span.ents`` gives), in order."""
    ents, starts = doc_ents(span.doc)
    first = bisect.bisect_left(starts, span.start)
    found = []
    for ent in ents[first:]:
        if ent.start >= span.end:
            break
        if ent.end <= span.end:
            found.append(ent)
    return found


def ent_at(token):
    """The entity that holds ``token``, or None."""
    if not token.ent_type_:
        return None
    ents, starts = doc_ents(token.doc)
    at = bisect.bisect_right(starts, token.i) - 1
    return ents[at] if at >= 0 and ents[at].start <= token.i < ents[at].end else None
