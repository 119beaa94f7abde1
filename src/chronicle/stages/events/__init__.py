"""Find event triggers and their source and target actors in the dependency parse.

A trigger is a verb or an event noun from the lexicon (``data/triggers.yaml``). Its source is the
grammatical agent (the subject; the ``by`` phrase of a passive; the possessor or ``by`` phrase of a
noun) and its target the patient (object; passive subject; ``with``/``against``/``on`` phrases the
lexicon names). Compound subjects become lists; "X and Y agreed" and "talks between X and Y" become
one reciprocal event. A noun carried by a light verb ("reached an agreement", "held talks") becomes
one event with the verb's subject as its source.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from chronicle.knowledge.acts import STATE_ACTION_NOUNS, state_action, state_noun, state_only, unaffiliated
from chronicle.knowledge.actors import load_actor_cues
from chronicle.knowledge.cues import load_cues
from chronicle.knowledge.lexicon import Lexicon, TriggerEntry, load_lexicon
from chronicle.record import ActorMention, Draft, Work
from chronicle.stages.base import Stage, StageContext
from chronicle.syntax.tree import (RELATIVE_PRONOUNS, charge_against_preps, lemma_forms, actors_for, actors_in_pobjs, actors_inside, answering_subjects,
                                   answering_verb, on_trial, reduced_passive, shared_passive_subject, span_of,
                                   unique_mentions)
from chronicle.stages.events.incidents import drop_background, merge_elaborations
from chronicle.stages.events import arguments, received, senses

SYMMETRIC_TYPES = {"AGREE", "CONSULT", "COOPERATE"}
SYMMETRIC_CAMEO = {"057"}  # signing a formal agreement is done together
PLAY_TYPES = {"ASSAULT", "COERCE", "THREATEN", "MOBILIZE"}
SCORE = re.compile(r"\b\d{1,3}-\d{1,3}\b")
SYMMETRIC_LEMMAS = {"clash", "fight", "skirmish"}
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
BLAME_ADJECTIVES = {"responsible", "guilty", "accountable", "culpable"}
INHERIT_SUBJECT_DEPS = ("xcomp", "conj", "advcl", "ccomp")
# Said acts: after their noun, "from" names who says it ("criticism from X", "demands from X"), where
# after a noun of movement it names the place left ("withdrawal from X").
VOICED_TYPES = {"ACCUSE", "REQUEST", "SUPPORT", "REJECT", "THREATEN", "AGREE", "CONSULT"}
SHARED_PASSIVE_TYPES = {"ACCUSE", "REQUEST", "SUPPORT", "REJECT", "THREATEN"}
"""Acts of words aimed at someone: told as a passive participle clause with no subject of its own
("resigned after being criticised by X", "despite having been investigated by the FBI"), they are
done to the clause's subject, as acts of state done to people are (``shared_passive_subject``)."""


class EventsStage(Stage):
    """Turn each trigger with at least one actor into a draft event."""

    name = "events.v4"
    requires = ("doc", "actors_at", "story_country")
    assigns = ("drafts", "merged_triggers")

    def __init__(self, *, lexicon_files: tuple[str, ...] = ()):
        self.lexicon_files = tuple(lexicon_files)
        self.lexicon: Lexicon | None = None

    def initialize(self, context: StageContext | None = None) -> None:
        """Load the trigger lexicon: the shipped one, with the user's files (the context's) in front."""
        if context is not None and not self.lexicon_files:
            self.lexicon_files = tuple(context.lexicon_files)
        if self.lexicon is None:
            self.lexicon = load_lexicon(self.lexicon_files)

    def __call__(self, work: Work) -> Work:
        self.initialize()
        work.drafts = drafts = []  # filled sentence by sentence: later sentences look back at it
        for sent in work.doc.sents:
            if not sent.text.strip():
                continue
            found = []
            play = _play_or_business(sent)
            for token in sent:
                entry = self.match(token, work) or received.table_entry(token, work)
                if entry is not None and not (play and entry.event_type in PLAY_TYPES) \
                        and not self._position_topic(token, work):
                    found.append((token, entry))
            drafts.extend(self._sentence_drafts(sent, found, work))
        return work

    # -- trigger matching -----------------------------------------------------------------
    def _position_topic(self, token: Token, work: Work) -> bool:
        """"O'Malley has long opposed the deal", "Republicans support the treaty", "is opposed to
        ending the ban": the event noun is what a position held is about (its verb fails a ``habitual``/``stance`` condition), no act
        of its own; without this the noun would take the verb's subject as its source."""
        if token.pos_ != "NOUN" or token.dep_ not in ("dobj", "obj"):
            return False
        held = ("habitual", "stance")
        node = token.head  # the verb, or up through "opposed to ending the ban"
        for _ in range(3):
            if node.pos_ == "VERB" and any(senses.holds(c, node, work, self.lexicon) for e in
                                           self.lexicon.candidates(node.lemma_.lower(), "VERB")
                                           for c in e.unless if c in held):
                return True
            if node.dep_ not in ("pcomp", "prep", "xcomp") or node.head.i == node.i:
                return False
            node = node.head
        return False

    def match(self, token: Token, work: Work | None = None) -> TriggerEntry | None:
        """The lexicon entry ``token`` triggers, read with its objects, particles and subject
        (a sense may need an object: "lift" + "sanctions") and the shape of its clause (the
        entry's ``when``/``unless`` conditions: "fired Flynn" is a dismissal), or None."""
        if token.pos_ == "VERB":
            pos = "VERB"
        elif token.pos_ == "NOUN" and token.dep_ != "compound":
            pos = "NOUN"
        elif token.pos_ == "ADJ" and token.dep_ == "acomp":  # "X was critical of Y"
            pos = "ADJ"
        else:
            return None
        candidates = self.lexicon.candidates(token.lemma_.lower(), pos)
        if not candidates:
            return None  # most tokens: skip reading their arguments
        objects = sense_objects(token, pos)
        child_words = {c.lower_ for c in token.children  # not "On Monday, X called", "asked, for example, if"
                       if c.dep_ in ("prt", "prep", "dative", "agent") and c.i > token.i and not _aside(c)}
        child_words |= {m.lower_ for c in token.children if c.dep_ == "advcl" and c.i > token.i
                        for m in c.children if m.dep_ == "mark" and m.lower_ == "for"}  # "called for X to resign"
        for entry in candidates:
            if entry.particles and not set(entry.particles) <= child_words:
                continue
            if entry.objects and not objects & set(entry.objects):
                continue
            if entry.not_objects and ruled_out_words(token, pos, objects) & set(entry.not_objects):
                continue
            if entry.when and not any(senses.holds(c, token, work, self.lexicon) for c in entry.when):
                continue
            if entry.unless and any(senses.holds(c, token, work, self.lexicon) for c in entry.unless):
                continue
            return entry
        return None

    # -- arguments -------------------------------------------------------------------------
    def _sentence_drafts(self, sent, found, work: Work) -> list[Draft]:
        by_token = {token.i: entry for token, entry in found}
        drafts: dict[int, Draft] = {}
        for token, entry in found:
            draft = self._draft(sent, token, entry, work, by_token)
            if draft is not None:
                drafts[token.i] = draft
        light_verbs = load_cues().light_verbs
        for draft in list(drafts.values()):  # "drew criticism from": the received act is the event
            verb = received.receiver_verb(draft.trigger) if draft.anchor is not None else None
            if verb is not None and verb.i == draft.anchor.i != draft.trigger.i \
                    and received.giver_prep(draft.trigger, verb) is not None:
                drafts.pop(draft.anchor.i, None)
        # One event per light-verb + event-noun pair: the more specific of the two wins.
        for i, draft in list(drafts.items()):
            if draft.trigger.pos_ != "NOUN" or draft.anchor is None or draft.anchor.i not in drafts:
                continue
            if draft.trigger.dep_ not in ("dobj", "obj", "attr", "nsubjpass"):
                continue  # "lifted the sanctions", "sanctions were lifted": one event
            verb_draft = drafts[draft.anchor.i]
            if (draft.entry.objects or draft.entry.when) and draft.event_type != verb_draft.event_type \
                    and draft.anchor.lemma_.lower() in light_verbs and not verb_draft.entry.particles:
                # "launched a hunger strike", "launched an attack on the policy": the noun's sense,
                # read off its modifiers or its clause, wins over the sense the verb reads off the noun
                drafts.pop(draft.anchor.i, None)
            elif verb_draft.entry.objects:
                drafts.pop(i, None)
            elif draft.anchor.lemma_.lower() in light_verbs:
                drafts.pop(draft.anchor.i, None)
        merge_elaborations(drafts)
        drop_background(drafts)
        return [drafts[i] for i in sorted(drafts)]

    def _draft(self, sent, token: Token, entry: TriggerEntry, work: Work, by_token, *,
               proposal: bool = False) -> Draft | None:
        """The trigger's draft event (None: no actor); ``proposal``: a recall word (:func:`_proposal_roles`)."""
        found = received.construction(token, entry, work)
        if found is not None:  # "X drew criticism from Y": Y acts on X
            entry, source, target, anchor = found
            reciprocal = False
        elif token.pos_ == "VERB":
            source, target, reciprocal, anchor = self._verb_args(token, entry, work)
        elif token.pos_ == "ADJ":
            source, target, reciprocal, anchor = _adjective_args(token, entry, work)
        else:
            args = self._noun_args(token, entry, work)
            if args is None:
                return None
            source, target, reciprocal, anchor = args
        if not target and entry.event_type == "REQUEST":
            target = _asked(token, work)
        if token.pos_ == "NOUN" and entry.lemma in STATE_ACTION_NOUNS and not _legal_noun(token):
            return None  # "took charge of the team", "in charge of", "led the charge"
        if token.pos_ == "NOUN" and state_noun(entry.cameo, entry.lemma) and _legal_noun(token):
            # "Williams' arrest", "faces charges of fraud", "he denied the charges against him"
            source, accused = _accused(source, token)
            # the one charged before the place the clause names ("appeared in court in Akron on a charge")
            named = [m for m in target if m.kind != "place"]
            target = named or accused or target or _brought_against(token, work) or ([] if source else _held_on(token, work))
            source = source or arguments.implicit_charging_state(token, work, target)  # the state charges
            # its tense and negation ("could face charges"), unless a trial is on it ("is to face trial on
            # charges": brought already, whatever the trial's tense)
            anchor = None if on_trial(token) else anchor if anchor is not None else answering_verb(token)
        elif not target and state_action(entry.cameo, entry.lemma):  # "a woman charged with killing"
            target = _described(token, work)
        if not target and (unaffiliated(entry.cameo, entry.lemma) or state_action(entry.cameo, entry.lemma)):
            target = arguments.story_people(_unnamed_people(token, work, _accusable(entry)), token, work)
        source = unique_mentions(source)
        target = [m for m in unique_mentions(target) if m.key not in {s.key for s in source}] if not reciprocal else unique_mentions(target)
        if proposal and not (source and target):  # the recall stage's words only
            source, target = _proposal_roles(token, entry, work, source, target)
        if (not source and not target) or arguments.only_role_fillers(source + target):
            return None
        target = arguments.held_people_of_state(target, source, entry.cameo, entry.lemma, sent, work)  # "police arrested X"
        if not reciprocal and len(source) >= 2 and not target and _symmetric(entry):
            reciprocal = True
        if reciprocal:
            parties = unique_mentions(source + target)
            if len(parties) < 2:
                reciprocal = False
            else:
                source, target = parties[:1], parties[1:]
        start = min([token.idx] + [c.idx for c in token.children if c.dep_ == "prt"])
        end = max([token.idx + len(token)] + [c.idx + len(c) for c in token.children if c.dep_ == "prt"])
        return Draft(
            sentence_index=work.sentence_number(token.idx), sentence=sent, trigger=token,
            trigger_span=span_of(work.doc, start, end),
            entry=entry, event_type=entry.event_type, cameo=entry.cameo, mode=entry.mode,
            contexts=list(entry.contexts), source=source, target=target, reciprocal=reciprocal,
            anchor=anchor if anchor is not None else (token if token.pos_ == "VERB" else None),
            type_confidence=0.75 if token.pos_ == "VERB" else 0.65,
        )

    def _verb_args(self, verb: Token, entry: TriggerEntry, work: Work, depth: int = 2):
        children = list(verb.children)
        shared = shared_passive_subject(verb)  # "surrendered and was arrested": the first verb's subject
        if not (state_action(entry.cameo, entry.lemma) or unaffiliated(entry.cameo, entry.lemma)
                or entry.event_type in SHARED_PASSIVE_TYPES) \
                or shared is not None and shared.lower_ in load_cues().thing_pronouns:
            shared = None  # only acts done to people: "it could stifle innovation and be abused by firms"
        passive = shared is not None or any(c.dep_ in ("nsubjpass", "auxpass") for c in children)
        source: list[ActorMention] = []
        target: list[ActorMention] = actors_for(shared, work, descend_of=True) if shared is not None else []
        if passive:
            for c in children:
                if c.dep_ == "agent":
                    source += actors_in_pobjs(c, work)
                if c.dep_ == "nsubjpass":
                    target += actors_for(c, work, descend_of=True)
            if not source and target:  # "was arrested in Rwanda": Rwanda's authorities did it
                source += arguments.authority_places(verb, work, entry.event_type)
            if not source:  # "was arrested in a sweep by Italian police"
                source += arguments.nested_agents(verb, work)
        else:
            source += subject_actors(verb, work) or arguments.appositive_subject(verb, work) \
                or arguments.message_owner(verb, work) or _shared_participle_subject(verb, work) \
                or (arguments.coordinated_speaker(verb, work) if entry.event_type in VOICED_TYPES else [])
            for c in children:
                if c.dep_ == "dative" and c.pos_ == "ADP":  # "lent money to X": the parser's dative "to"
                    target += actors_in_pobjs(c, work)
                elif c.dep_ in ("dobj", "dative", "obj", "iobj"):
                    target += actors_for(c, work, descend_of=True)
            if source and shared is None and (state_action(entry.cameo, entry.lemma) or unaffiliated(entry.cameo, entry.lemma)):
                target += arguments.raised_object(verb, work)  # "arrested and charged X"
        preps = set(entry.target_preps) | set(entry.particles)
        for c in children:
            if c.dep_ == "prep" and c.lower_ in preps:
                target += arguments.prep_targets(c, work, inner=arguments.coded(source))
            if c.dep_ in ("dobj",) and not target:
                for cc in c.children:
                    if cc.dep_ == "prep" and cc.lower_ in preps:
                        target += actors_in_pobjs(cc, work)
        # "withdrew its troops from X", "sent 300 soldiers": the source's own force is not the target
        target = arguments.without_own_forces(target, source, verb, work)
        if not target:
            target += _event_noun_participants(verb, entry, work, self.lexicon) or _verdict_subject(verb, entry, work)
        if not target:  # "suspended aid to Gaza", "lifted the ban on X": the object's recipient
            target += _object_recipients(children, passive, entry, work)
        if not target:  # "rejected a request from X", "a request by X was refused": the one who asked
            target += received.requesters(verb, work) or arguments.infinitive_subject(verb, work)
        mutual = len(unique_mentions(source)) >= 2 and _symmetric(entry)
        if not target and not mutual:  # ("X and Y agreed to share data on Z" stays X <-> Y)
            target += self._inner_targets(verb, entry, work, passive, depth)
        if not target and not passive and arguments.coded(source):  # "attacked his policies"
            target += arguments.owned_targets(verb, work, preps, source)
        if not target and not passive and arguments.coded(source):  # "warned that X was planning cuts"
            target += arguments.reported_subject(verb, work, entry.event_type, source)
        if not target and not mutual and arguments.coded(source):  # "returned it to Peru"; "surrendered in Faryab"
            target += arguments.without_own_forces(arguments.recipient_phrases(verb, work), source, verb, work) \
                or arguments.clause_places(verb, work, entry.event_type)
        source, target = _unnamed_roles(verb, entry, work, passive, source, target)
        return source, arguments.with_host_places(target, work), False, verb

    def _inner_targets(self, verb: Token, entry: TriggerEntry, work: Work, passive: bool,
                       depth: int = 2) -> list[ActorMention]:
        """Targets named inside the verb's object when the object names no actor ("attacked a base
        in X", "backed X's remarks", "rejected a proposal made by X"), else those of the verb it
        governs to say what it does or is for ("agreed to free X", "threatened to shell X", "sent
        troops to protect X")."""
        patient = ("nsubjpass",) if passive else ("dobj", "obj")
        for child in verb.children:
            if child.dep_ in patient:  # ("backed a deal at a summit in Madrid": a venue, not a target)
                found = _beyond_people(child, arguments.without_venues(actors_inside(child, work), entry.event_type, work),
                                       entry, work)
                if found:
                    return found
        if depth <= 0:
            return []
        for child in verb.children:
            if child.pos_ == "VERB" and (child.dep_ == "xcomp" or child.dep_ == "advcl" and _infinitive(child)):
                inner = self._verb_args(child, entry, work, depth=depth - 1)[1]
                if inner:
                    return inner
        return []

    def _noun_args(self, noun: Token, entry: TriggerEntry, work: Work):
        head = noun.head
        if noun.dep_ in ("nsubj", "nsubjpass") and head.lemma_ == "be" and any(
                c.dep_ in ("attr", "acomp") for c in head.children) and not _definite(noun):
            return None  # "Reconciliation is our option": a statement about an idea, not an event
        source: list[ActorMention] = []
        target: list[ActorMention] = []
        reciprocal, preps = False, set(entry.target_preps) | {"with", "against", "on", "of"}
        for c in noun.children:
            if arguments.inquired_person(c, noun, work):  # "the Flynn probe": whom it looks into
                target += work.actors_at[c.i]
            elif c.dep_ == "poss" or (c.dep_ in ("compound", "amod", "nmod") and c.i in work.actors_at):
                source += work.actors_at.get(c.i, []) or (  # "hours after his arrest"
                    arguments.possessive_antecedent(c, noun, work) if c.dep_ == "poss" else [])
            elif c.dep_ == "prep" and c.lower_ in ("between", "among", "amongst"):
                source += actors_in_pobjs(c, work)
                reciprocal = True
            elif c.dep_ == "prep" and (c.lower_ == "by" or c.lower_ == "from" and entry.event_type in VOICED_TYPES
                                       or c.lower_ == "of" and noun.lemma_.lower() in load_cues().of_doer_nouns):
                source += actors_in_pobjs(c, work)  # "a call by X", "criticism from X", "the resignation of X"
            elif c.dep_ == "prep" and c.lower_ in preps:
                target += actors_in_pobjs(c, work)
        anchor = None
        # "began a new round of joint exercises": the event noun stands where "round" stands.
        slot = noun
        if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in load_cues().round_nouns:
            slot = head.head
        dep, head = slot.dep_, slot.head
        light = head.lemma_.lower() in load_cues().light_verbs or not self.match(head)
        if dep in ("dobj", "obj", "attr") and head.pos_ in ("VERB", "AUX") and light:
            anchor = head
            if not source:
                source += subject_actors(head, work)
            for c in head.children:
                if c.dep_ == "prep" and c.lower_ in preps:
                    target += actors_in_pobjs(c, work)
        elif dep in ("nsubj", "nsubjpass", "dobj", "obj") and head.pos_ in ("VERB", "AUX"):
            anchor = head
        elif dep == "pobj" and head.head.pos_ in ("VERB", "AUX") and not source and (
                head.lower_ in ("on", "into") or _engaged_in(head)):
            # "Teachers went on strike", "troops remained on alert", "X was locked in talks": the subject acts
            anchor = head.head
            found, held = _in_state_of(noun, head, entry, work)
            source, target = source + found, target + held
        elif dep == "pobj" and head.lower_ in ("for", "of") and head.head.lower_ in BLAME_ADJECTIVES:
            # "Los Zetas are responsible for mass killings": the subject of the blame is the agent.
            copula = head.head.head
            anchor = copula
            if not source:
                for c in copula.children:
                    if c.dep_ in ("nsubj", "nsubjpass"):
                        source += actors_for(c, work)
        if not source:  # "the FBI investigation"; "the charges he faces", "the talks they held"
            source += arguments.noun_owner(noun, work, entry.event_type) or _relative_light_subject(noun, anchor, work)
        if reciprocal:
            parties = source + target
            return parties, [], True, anchor
        if not target and arguments.coded(source):  # "a probe into Clinton's use of"; "killings in Darfur"
            target += _noun_deep_targets(noun, anchor, entry, work, preps, source)
        return source, target, False, anchor


def _noun_deep_targets(noun: Token, anchor: Token | None, entry: TriggerEntry, work: Work, preps: set[str],
                       source: list[ActorMention]) -> list[ActorMention]:
    """Whom an event noun with a coded doer is aimed at when its phrases name no one: the owner of
    what it is about ("the FBI's probe into Clinton's use of a server"), else the places its
    clause names ("killings in Darfur", "on alert in Manila")."""
    return arguments.owned_targets(noun, work, preps, source, named=True) \
        or arguments.clause_places(noun, work, entry.event_type) \
        or (arguments.clause_places(anchor, work, entry.event_type) if anchor is not None else [])


def _beyond_people(patient: Token, found: list[ActorMention], entry: TriggerEntry, work: Work) -> list[ActorMention]:
    """``found`` (actors inside the patient's phrase) without its places when the patient is people
    no actor names ("a 61-year-old man in Canada was charged", "two leaders of the sect in X were
    arrested", "foreigners detained in the UK"): the place says where the people live or are held,
    and the act is done to them, not to the place's state; an arrest, a charge or violence then
    has the people themselves as its target (of the story's country, as unnamed people are)."""
    cues = load_cues()
    people = cues.unnamed_people | cues.accused_people
    if patient.lemma_.lower() not in people:
        return found
    kept = [m for m in found if not arguments.place_like(m, work)]  # ("with ties to Utah": a town too)
    if found and not kept and (state_action(entry.cameo, entry.lemma) or unaffiliated(entry.cameo, entry.lemma)):
        kept = arguments.story_people(_people_named([patient], work, people), patient, work)
    return kept


def _in_state_of(noun: Token, prep: Token, entry: TriggerEntry, work: Work) -> tuple[list[ActorMention], list[ActorMention]]:
    """Source and target of an event noun after "on"/"in" on a verb: the verb's subject does what
    the noun names ("Teachers went on strike"), unless the noun says the subject is held (:func:`_held`),
    when the subject is the target and the story's state the source."""
    subjects = [m for c in prep.head.children if c.dep_ == "nsubj" or c.dep_ == "nsubjpass" and prep.lower_ == "in"
                for m in actors_for(c, work)]
    if _held(noun, entry):  # "X is in jail", "X was on probation"
        return arguments.implicit_charging_state(noun, work, subjects), subjects
    return subjects, []


def _held(noun: Token, entry: TriggerEntry) -> bool:
    """"X is in jail", "X remained in custody", "X was on probation": an arrest or detention noun
    after "in"/"on" on a verb of being (``engaged_verbs``) tells that its subject is held, so the
    subject is the one acted on, unlike "Teachers went on strike", where the subject acts."""
    return state_noun(entry.cameo, entry.lemma) and noun.head.lower_ in ("in", "on") \
        and noun.head.head.lemma_.lower() in load_cues().engaged_verbs


def _engaged_in(prep: Token) -> bool:
    """"has been in talks", "was locked in negotiations": an "in" on a verb whose subject takes
    part in what it names (``engaged_verbs``), unlike "was killed in an attack"."""
    return prep.lower_ == "in" and prep.head.lemma_.lower() in load_cues().engaged_verbs


DEFINITE_DETERMINERS = ("the", "this", "that")


def _definite(noun: Token) -> bool:
    """"The meeting with Obama was private", "the arrest of the pirates is the largest": an event
    noun with a definite determiner and a phrase of its own (or a possessor) is one act told of,
    not an idea ("Reconciliation is our option", "Dialogue is the only way")."""
    children = list(noun.children)
    if any(c.dep_ == "poss" for c in children):
        return True
    return any(c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for c in children) and any(
        c.dep_ == "prep" for c in children)


def _relative_light_subject(noun: Token, anchor: Token | None, work: Work) -> list[ActorMention]:
    """"Among the charges he faces", "the talks the two sides held": a relative clause on the
    event noun whose verb only carries it (``relative_light_verbs``) and has no object of its
    own is the noun's light verb told backwards; its subject is the noun's agent, as "he faces
    charges" makes him the one the charge is against. Not under a modal ("the charges he could
    face"): what may happen is not told as done. None when the noun has a verb of its own (``anchor``)."""
    if anchor is not None:
        return []
    for clause in noun.children:
        if clause.dep_ != "relcl" or clause.lemma_.lower() not in load_cues().relative_light_verbs:
            continue
        if any(c.dep_ in ("dobj", "obj", "nsubjpass", "mark") or c.tag_ == "MD" for c in clause.children):
            continue
        return [m for c in clause.children if c.dep_ == "nsubj" for m in actors_for(c, work)]
    return []


def _adjective_args(adj: Token, entry: TriggerEntry, work: Work):
    """"X was critical of Y", "X remained scathing about Y": the copula's subject judges, the
    object of the adjective's preposition is judged (the adjective carries the act, the copula its
    tense and negation, so the copula is the anchor). In a relative clause the adjective describes
    someone ("X, who has been critical of Y, said"): no event."""
    copula = adj.head
    if copula.dep_ == "relcl" or any(a.dep_ == "relcl" for a in copula.ancestors):
        return [], [], False, copula  # "a think tank which tends to be critical of X": who they are, not an act
    source = subject_actors(copula, work) or arguments.appositive_subject(copula, work) \
        or arguments.message_owner(copula, work)
    preps = set(entry.target_preps) | set(entry.particles)
    target = [m for c in adj.children if c.dep_ == "prep" and c.lower_ in preps
              for m in arguments.prep_targets(c, work, inner=arguments.coded(source))]
    return source, target, False, copula


def _object_recipients(children: list[Token], passive: bool, entry: TriggerEntry, work: Work) -> list[ActorMention]:
    """Whom the verb's object is for: "suspended aid to Gaza", "lifted the ban on X"."""
    object_preps = load_cues().object_target_preps
    found: list[ActorMention] = []
    for c in children:
        if c.dep_ in ("dobj", "obj", "nsubjpass"):
            preps_of = [cc for cc in c.children if cc.dep_ == "prep"]
        elif c.dep_ == "prep" and not passive and entry.objects:
            # "suspended aid to Myanmar": with a sense read off its object ("aid"), the
            # parser hangs the recipient on the verb as often as on the object
            preps_of = [c]
        else:
            continue
        for prep in preps_of:
            if prep.lower_ in object_preps:
                found += actors_in_pobjs(prep, work)
    return found


def _shared_participle_subject(verb: Token, work: Work) -> list[ActorMention]:
    """"sent a letter congratulating X and calling on Y": the second participle says what the
    first one's thing says, for the same author."""
    if verb.dep_ == "conj" and verb.tag_ == "VBG" and verb.head.dep_ == "acl" and verb.head.tag_ == "VBG":
        return subject_actors(verb.head, work)
    return []


def _unnamed_roles(verb: Token, entry: TriggerEntry, work: Work, passive: bool, source: list[ActorMention],
                   target: list[ActorMention]) -> tuple[list[ActorMention], list[ActorMention]]:
    """The roles the text fills with people it does not name, once the named actors are read: the
    story's state for a passive act of state ("two men were arrested"), unnamed doers of an act
    done to a named actor ("critics accused X"), and unnamed people a named actor does it to
    ("the minister accused some critics of X", "a jury convicted a 27-year-old man"); such a
    phrase never makes an event alone."""
    if passive and not source:  # "two men were arrested": the story's state, once the target is read
        source = source + (arguments.implicit_state(verb, work, entry.cameo, entry.lemma)
                           or arguments.dismissing_state(verb, work, entry.cameo, entry.lemma))
    if target and not source:  # "critics accused X", "the woman who shot two co-workers"
        source = source + arguments.unnamed_doers(_doer_words(verb, passive), verb, work)
    if source and not target and not passive and arguments.coded(source):
        objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")] or _target_pobjs(verb, entry)
        target = target + (arguments.unnamed_doers(objects, verb, work)
                           or arguments.struck_things(objects, verb, work, entry.event_type))
    return source, target


def _target_pobjs(verb: Token, entry: TriggerEntry) -> list[Token]:
    """The objects of the verb's target prepositions ("apologised to the workers", "lashed out at
    critics", "called on residents to leave"): whom the act is aimed at when it has no object."""
    preps = set(entry.target_preps) | set(entry.particles)
    return [o for p in verb.children if p.dep_ in ("prep", "prt") and p.lower_ in preps
            for o in p.children if o.dep_ == "pobj"]


def _doer_words(verb: Token, passive: bool) -> list[Token]:
    """The words that say who does the act of ``verb``: its subject (or the one it shares, or the
    root name the parser hung it on), or, in the passive, its "by" phrase."""
    if passive:
        return [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    inherited = _inherited_subject(verb) if not subjects else None
    if inherited is not None:
        subjects = [inherited]
    elif not subjects and verb.dep_ == "acl" and verb.head.dep_ == "ROOT" and verb.tag_ != "VBG":
        subjects = [verb.head]  # "Two aides, both veterans, accused X" (arguments.appositive_subject)
    return subjects


def _symmetric(entry: TriggerEntry) -> bool:
    """Whether two subjects of this event act on each other ("X and Y agreed", "X and Y clashed")."""
    return entry.event_type in SYMMETRIC_TYPES or entry.head in SYMMETRIC_LEMMAS or entry.cameo in SYMMETRIC_CAMEO


def _asked(trigger: Token, work: Work) -> list[ActorMention]:
    """Who is asked to act when the parser makes them the subject of the act asked for: "wants
    Congress to overturn the law", "calls for the president to resign" (the one asked, not the
    one who asks), or, after a noun of asking, the object of "for" that the act asked for follows
    ("a call for the president to resign", "an EU demand for Turkey to recognise Cyprus"; the
    parser hangs the infinitive elsewhere, so it is read off the words)."""
    found = [m for c in trigger.children if c.dep_ in ("ccomp", "advcl", "acl") and _infinitive(c)
             for s in c.children if s.dep_ in ("nsubj", "nsubjpass") for m in actors_for(s, work)]
    if found or trigger.pos_ != "NOUN":
        return found
    doc = trigger.doc
    return [m for p in trigger.children if p.dep_ == "prep" and p.lower_ == "for"
            for o in p.children if o.dep_ == "pobj" and o.right_edge.i + 2 < len(doc)
            and doc[o.right_edge.i + 1].lower_ == "to" and doc[o.right_edge.i + 2].pos_ in ("VERB", "AUX")
            for m in actors_for(o, work)]


def _legal_noun(noun: Token) -> bool:
    """Whether an arrest or charge noun names an act rather than a role or a run: plural ("faces
    charges"), modified ("a murder charge", "Williams' arrest") or a determiner with "of"/"against"
    ("a charge of fraud"), not "took charge of the team", "in charge of", "led the charge", nor a
    price ("face higher charges")."""
    children = list(noun.children)
    if any(c.tag_ in ("JJR", "JJS") for c in children):
        return False  # "higher charges", "the lowest charges": prices
    if noun.tag_ == "NNS" or any(c.dep_ in ("compound", "amod", "poss") for c in children):
        return True
    return any(c.dep_ == "det" for c in children) and any(
        c.dep_ == "prep" and c.lower_ in ("of", "against") for c in children)


def _accused(source: list[ActorMention], noun: Token) -> tuple[list[ActorMention], list[ActorMention]]:
    """(source, target) of an arrest, charge or conviction told as a noun: the private person the
    noun path made its source ("Williams' arrest", "Smith is in jail on charges of fraud", "faces
    murder charges") is the one arrested or charged; a political actor or a "by" phrase ("charges
    by prosecutors", "Labour's charges") stays the source, unless it answers the charge ("Senator X
    faces corruption charges", "the minister pleaded guilty to fraud charges": ``answering_verbs``)."""
    keep, accused = [], []
    answering = answering_subjects(noun)
    for m in source:
        head = noun.doc[m.head_i] if 0 <= m.head_i < len(noun.doc) else None
        by = head is not None and head.dep_ == "pobj" and head.head.lower_ in ("by", "from")
        political = m.sector is not None and m.sector not in ("CVL", "CRM")
        if _owner_acted_on(m, head, noun) or head is not None and any(
                a.left_edge.i <= head.i <= a.right_edge.i for a in answering):
            political = False  # "Flynn's indictment", "Senator X faces corruption charges": charged, not charging
        (keep if by or political or m.kind not in ("person", "unknown", "group") else accused).append(m)
    return keep, accused


def _owner_acted_on(mention: ActorMention, head: Token | None, noun: Token) -> bool:
    """Whether a named person who owns an arrest or indictment noun is the one it is done to
    ("Flynn's indictment", "the senator's arrest"): a person does not arrest or indict anyone
    (a body does: "the FBI's arrest of X"). Not for a charge, which a person may level
    ("Clinton's charge that X lied")."""
    return mention.kind == "person" and head is not None and head.dep_ == "poss" and head.head.i == noun.i \
        and noun.lemma_.lower() not in ("charge", "accusation", "allegation")


def _held_on(noun: Token, work: Work) -> list[ActorMention]:
    """Who is charged when a charge is what someone is held or tried "on": "Gomes was arrested on
    charges of murder", "the man arrested last night on charges of fraud" (the one the passive verb
    acts on: its subject, the subject it shares, or the noun it describes)."""
    if noun.lemma_.lower() not in STATE_ACTION_NOUNS:
        return []
    answered = _answered_charge(noun, work)
    if answered is not None:
        return answered
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "on" or prep.head.pos_ != "VERB":
        return []
    verb = prep.head
    patients = [c for c in verb.children if c.dep_ == "nsubjpass"]
    patients += [s for s in (shared_passive_subject(verb),) if s is not None and not patients]
    if not patients and reduced_passive(verb):
        patients = [verb.head]
    found = [m for p in patients for m in actors_for(p, work)]
    return found or arguments.story_people(_unnamed_people(verb, work), verb, work)


def _brought_against(noun: Token, work: Work) -> list[ActorMention]:
    """Who is charged when a charge is brought in the passive (``bringing_verbs``): "charges were filed
    against two aides", "fraud charges levelled against him", "after the charges were put to them": the
    one the verb's "against" (or "to") names, an actor or people by what they are or do."""
    if noun.lemma_.lower() not in STATE_ACTION_NOUNS:
        return []
    preps = charge_against_preps(noun)
    people = _charged_people()
    found = [m for p in preps for m in actors_in_pobjs(p, work)  # not firms ("and companies"): relevance drops them
             if m.sector != "BUS" or 0 <= m.head_i < len(work.doc) and work.doc[m.head_i].lemma_.lower() in people]
    pobjs = [o for p in preps for o in p.children if o.dep_ == "pobj"]
    return found or arguments.story_people(_people_named(pobjs, work, people), noun, work)


def _answered_charge(noun: Token, work: Work) -> list[ActorMention] | None:
    """Who is charged when the subject of a verb of answering a charge (``answering_verbs``) faces,
    pleads to or appears on it: "pleaded guilty to fraud charges", "faces a murder charge", "a man
    facing charges", "appeared in court on a charge of theft" (the subject, or the noun the
    participle describes, named or one of the ``unnamed_people``). None when the noun is not so
    governed (another reading applies)."""
    if answering_verb(noun) is None:
        return None
    subjects = answering_subjects(noun)
    found = [m for s in subjects for m in actors_for(s, work)]
    counted = [s for s in subjects if s.tag_ != "NNS" or any(c.dep_ in ("det", "nummod", "poss") for c in s.children)]
    # ("drivers face charges": people at large pay a price; "two drivers face charges" are accused)
    # "an executive pleaded guilty to fraud charges": people by their job are charged too
    return found or arguments.story_people(_people_named(counted, work, _charged_people()), noun, work)


def _described(trigger: Token, work: Work) -> list[ActorMention]:
    """The actor a past participle describes, who is the one acted on: "Guillermo Hernandez, charged
    with killing ...", "the two men arrested on Friday" (a reduced passive: the noun is its patient)."""
    if trigger.pos_ != "VERB" or not reduced_passive(trigger):
        return []
    return actors_for(trigger.head, work)


def _accusable(entry: TriggerEntry) -> frozenset[str] | None:
    """The nouns of people an act of state (an arrest, a charge, a conviction) is done to when no actor
    names them: besides ``unnamed_people``, people by their job or role and the ``accused_people``
    ("two of his aides were indicted", "three of the senator's fund-raisers have been charged"), who
    are as often the accused as any man or woman; None (``unnamed_people`` only) for other acts."""
    if not state_only(entry.cameo, entry.lemma):  # not "individuals accused of": anyone accuses
        return None
    return _charged_people()


def _charged_people() -> frozenset[str]:
    """Nouns of people who may be the ones charged or held: ``unnamed_people``, people by their job or
    role (``person_role_nouns``) and the ``accused_people`` of cues.yaml (one union for the three
    readings of who is charged: answering it, brought against, an act of state done to people)."""
    cues = load_cues()
    return cues.unnamed_people | cues.person_role_nouns | cues.accused_people


def _unnamed_people(trigger: Token, work: Work, people: frozenset[str] | None = None) -> list[ActorMention]:
    """The people an arrest, a charge or an act of violence is done to when the text does not name
    them: "two men were arrested", "a nurse was convicted", "a woman was shot dead", "the killing of
    three teenagers" (private persons are targets of state action and of violence,
    ``chronicle.knowledge.acts``), told by number or part too ("one of my sons was killed",
    :func:`_quantified_noun`)."""
    if trigger.pos_ == "VERB":
        deps = ("nsubjpass",) if any(c.dep_ == "auxpass" for c in trigger.children) else ("dobj", "obj")
        patients = [c for c in trigger.children if c.dep_ in deps]
        if not patients and reduced_passive(trigger):  # "a woman charged with"
            patients = [trigger.head]
        if not patients and (shared := shared_passive_subject(trigger)) is not None:  # "was shot and killed",
            patients = [shared]  # "a man surrendered and was arrested"
        if not patients and trigger.dep_ == "conj":  # (a participle the parser tags as a past tense)
            patients = [c for c in trigger.head.children if c.dep_ == "nsubjpass"]
        if not patients:  # "shot and killed a man": the patient the verbs share
            patients = [c for v in trigger.conjuncts if v.i > trigger.i for c in v.children if c.dep_ in deps]
    else:  # "the killing of two women", "Williams' arrest"
        patients = [p for c in trigger.children if c.dep_ == "prep" and c.lower_ == "of"
                    for p in c.children if p.dep_ == "pobj"]
        patients += [c for c in trigger.children if c.dep_ == "poss"]
    return _people_named(patients, work, people)


def _proposal_roles(token: Token, entry: TriggerEntry, work: Work, source: list[ActorMention],
                    target: list[ActorMention]) -> tuple[list[ActorMention], list[ActorMention]]:
    """Roles read only for a word the recall stage codes, where no word has a coded actor: the sentence
    head already says the sentence reports an event of the type, so for a verbal act (``VOICED_TYPES``)
    the subject phrase of people the actor stage does not code (``proposal_doers`` of actor_cues.yaml:
    "some prominent conservatives called for his resignation", "a senior barrister says the system
    fails") is its source, with the story's country. Not the ``unnamed_doers`` and ``generic_people``
    the rules take beside a target: on bbc-quiet "the piracy group called for" was one such, and fans or
    users would speak with no one to speak to. (Session 18 also tried the story's state charging people
    named by a job or role, and uncoded victims of violence, for proposals: no event on the realnews
    train read slice, as relevance drops a charge with no crime named; two false alarms on bbc-quiet.)"""
    if not source and entry.event_type in VOICED_TYPES and token.pos_ == "VERB" \
            and not any(c.dep_ == "auxpass" for c in token.children):
        source = arguments.unnamed_doers(_doer_words(token, False), token, work, nouns=load_actor_cues().proposal_doers)
    return source, target


def _people_named(patients: list[Token], work: Work, people: frozenset[str] | None = None) -> list[ActorMention]:
    """A mention for each of ``patients`` that is a noun of ``people`` (``unnamed_people`` unless
    given) no actor covers."""
    people = load_cues().unnamed_people if people is None else people
    found = []
    for patient in patients:
        noun = _quantified_noun(patient)
        if not (_counted_back(noun) or noun.pos_ == "NOUN" and lemma_forms(noun) & people) or noun.i in work.actors_at:
            continue
        first = patient.left_edge.i  # not the blank the screen leaves where it cut a sentence out
        while first < noun.i and (work.doc[first].is_space or work.doc[first].is_punct):
            first += 1
        span = work.doc[first:noun.i + 1]
        many = noun.tag_ == "NNS" or noun.pos_ == "NUM"  # ("the other three")
        found.append(ActorMention(text=span.text, start=span.start_char, end=span.end_char,
                                  kind="group" if many else "person",
                                  method="unnamed-people", confidence=0.5, head_i=noun.i,
                                  plural=many))
    return found


def _counted_back(number: Token) -> bool:
    """A bare number that stands for people counted earlier: "shot the other three", "the remaining
    two were arrested" (a number word with ``counted_back_words`` before it and no noun of its own);
    not "shot 68" nor "three of the men" (the people there are the noun after "of")."""
    return number.pos_ == "NUM" and number.dep_ != "nummod" \
        and not any(c.dep_ == "prep" for c in number.children) \
        and any(c.i < number.i and c.lower_ in load_cues().counted_back_words for c in number.children)


def _quantified_noun(patient: Token) -> Token:
    """The people a quantifier stands for: "one of my sons was killed", "three of the men were
    arrested", "two of his aides were charged" (the parser makes the number or the partitive word,
    ``partitive_words``, the head and hangs the people on its "of"); else the patient itself. Only
    "of" with a plural noun ("some of the money" is no one), and the caller still asks whether the
    noun is of people ("one of the reasons" is not)."""
    if patient.pos_ != "NUM" and patient.lower_ not in load_cues().partitive_words:
        return patient
    for prep in patient.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for noun in prep.children:
                if noun.dep_ == "pobj" and noun.tag_ == "NNS":
                    return noun
    return patient


def _infinitive(verb: Token) -> bool:
    """A "to" infinitive: the purpose of a clause ("sent aid to support X"), not its time or cause."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _play_or_business(sent) -> bool:
    """A sports or markets sentence ("fired three shots at goal", "attacks the market")."""
    cues = load_cues()
    lemmas = {t.lemma_.lower() for t in sent}
    sports = len(lemmas & cues.sports_words) + (2 if SCORE.search(sent.text) else 0)
    market = len(lemmas & cues.market_words)
    return sports >= 2 or market >= 2


def subject_actors(verb: Token, work: Work) -> list[ActorMention]:
    """The actors of a verb's subject, or of the subject it shares ("X agreed to meet")."""
    subjects = [_relative_subject(c) for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    if not subjects:
        inherited = _inherited_subject(verb)
        subjects = [inherited] if inherited is not None else []
    found = [m for s in subjects for m in actors_for(s, work)]
    if not found and not subjects and verb.dep_ == "acl" and verb.tag_ == "VBG":
        found = _message_author(verb.head, work) or _participle_actor_source(verb, work)
    if not found and _said_by_relative(verb, subjects):
        noun = verb.head
        authored = noun.head.lemma_.lower() in load_actor_cues().authoring_verbs
        found = _message_owners(noun, work) or (_message_author(noun, work) if authored else [])
    return found


def _said_by_relative(verb: Token, subjects: list[Token]) -> bool:
    """"issued a statement that condemned X", "a report which urged Y": a relative clause whose
    subject is the relative pronoun of a noun of what is said or published (``message_nouns``)
    is said by that noun's author, as its participle is ("a statement condemning X")."""
    return verb.dep_ == "relcl" and len(subjects) == 1 and subjects[0].lower_ in ("that", "which") \
        and verb.head.lemma_.lower() in load_actor_cues().message_nouns


def _message_owners(noun: Token, work: Work) -> list[ActorMention]:
    """The named author of a message noun: its owner ("Mr Hale's letter") or its "by" phrase
    ("a report by the auditor")."""
    return [m for c in noun.children if c.dep_ == "poss" for m in work.actors_at.get(c.i, [])] or [
        m for c in noun.children if c.dep_ == "prep" and c.lower_ == "by" for m in actors_in_pobjs(c, work)]


def _participle_actor_source(verb: Token, work: Work) -> list[ActorMention]:
    """The actor a present participle describes does its act: "the House committee investigating
    the attacks", "conservatives calling for the chairman to step down", "a crowd demanding
    elections" (a reduced relative clause, "the committee that is investigating ..."). Only a noun
    coded as an actor itself: a thing coded by its owner ("President Obama's comments expressing
    support", "the US court order blocking the sale", "slower EU growth reducing demand") is no
    doer, and a thing that does the act speaks for its author only as :func:`_message_author` says."""
    if verb.head.i not in work.actors_at:
        return []
    found = actors_for(verb.head, work)
    return [] if any(m.method.startswith("owner") for m in found) else found


def _message_author(noun: Token, work: Work) -> list[ActorMention]:
    """Who speaks through a thing that does the act: "issued a statement condemning X", "opened with
    a speech criticising X" (the one who issued or opened). A person or group ("a crowd demanding
    X") is never a thing; the thing must be what the governing verb acts on or with."""
    cues = load_cues()
    if noun.i in work.actors_at or noun.ent_type_ or noun.lemma_.lower() in cues.generic_people \
            or noun.lower_ in cues.member_nouns or noun.pos_ != "NOUN":
        return []
    governor = noun.head
    if noun.dep_ == "pobj" and governor.dep_ == "prep":
        governor = governor.head
    elif noun.dep_ not in ("dobj", "obj"):
        return []
    if governor.pos_ != "VERB" or governor.i == noun.i:
        return []
    return [m for c in governor.children if c.dep_ == "nsubj" for m in actors_for(c, work)]


def _aside(prep: Token) -> bool:
    """"Asked, for instance, if ...": "for example" / "for instance" is an aside of the writer,
    not the preposition of a phrasal verb ("asked for", "called for")."""
    asides = load_cues().aside_nouns
    return any(c.dep_ == "pobj" and c.lower_ in asides for c in prep.children)


def sense_objects(token: Token, pos: str) -> set[str]:
    """The words a sense's ``objects`` are read against: a verb's objects (with their compounds), a
    noun's modifiers ("air strike", "hunger strike") and what it is "of" ("a suspension of aid")."""
    if pos != "NOUN":
        return {t.lemma_.lower() for t in _objects(token)}
    objects = {c.lemma_.lower() for c in token.children if c.dep_ in ("compound", "amod", "nmod")}
    return objects | {g.lemma_.lower() for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                      for p in c.children if p.dep_ == "pobj" for g in (p, *p.children)
                      if g is p or g.dep_ == "compound"}


def ruled_out_words(token: Token, pos: str, objects: set[str] | None = None) -> set[str]:
    """The words a sense's ``not_objects`` are read against: the objects, the subject, a described
    noun and the particles ("held a press conference", "fired up", "the figures released")."""
    if objects is None:
        objects = sense_objects(token, pos)
    subjects = {t.lemma_.lower() for t in token.children if t.dep_ in SUBJECT_DEPS}
    return objects | subjects | _participle_patient(token) | _particles(token)


def _particles(token: Token) -> set[str]:
    """The verb's particles, which ``not_objects`` may rule out like an object: "fired up" (roused),
    not "fired"."""
    return {c.lower_ for c in token.children if c.dep_ == "prt"}


def _participle_patient(token: Token) -> set[str]:
    """"lending figures released on Tuesday", "a poll released Wednesday": a past participle that
    describes a noun has that noun as its patient, which rules a sense out as an object would ("released
    the figures" is no release from custody); so has a relative clause with no object ("a target he has
    met" is no meeting). Only for ``not_objects``: a noun named this way is often
    background, so it never licenses a sense."""
    noun = token.head if token.dep_ == "acl" and token.tag_ == "VBN" else _relative_patient(token)
    if noun is None or noun.pos_ not in ("NOUN", "PROPN"):
        return set()
    return {noun.lemma_.lower()} | {c.lemma_.lower() for c in noun.children if c.dep_ == "compound"}


def _relative_patient(token: Token) -> Token | None:
    """"a target he says he has now met", "the demands the union made": a verb with no object of its
    own in a relative clause (or in a clause said inside one) acts on the noun the clause describes."""
    if any(c.dep_ in ("dobj", "obj", "nsubjpass") for c in token.children) or not any(
            c.dep_ == "nsubj" and c.tag_ not in ("WP", "WDT") for c in token.children):
        return None  # "the official who met with X": the noun is who acted, not what was acted on
    node = token
    while node.dep_ == "ccomp" and node.head.i != node.i:
        node = node.head
    return node.head if node.dep_ == "relcl" else None


def _verdict_subject(verb: Token, entry: TriggerEntry, work: Work) -> list[ActorMention]:
    """"A jury found Smith guilty of fraud", "the court found the firm liable": the parser makes the
    one judged the subject of the adjective the sense needs (``objects``, a clause of its own), not
    the verb's object ("found him not guilty" is an acquittal, no verdict against him)."""
    return [m for c in verb.children if _verdict_adjective(c) and c.lemma_.lower() in entry.objects
            for s in c.children if s.dep_ == "nsubj" for m in actors_for(s, work)]


def _verdict_adjective(token: Token) -> bool:
    """An adjective the parser makes a clause of its own ("found Smith guilty"), not negated ("found
    him not guilty": an acquittal)."""
    return token.dep_ in ("ccomp", "xcomp") and token.pos_ == "ADJ" and not any(n.dep_ == "neg" for n in token.children)


def _objects(token: Token) -> list[Token]:
    """The verb's object heads and their compound modifiers ("eased curfew hours", "an aid package"),
    and an adjective the parser makes a clause of its own ("found Smith guilty"); not a negated
    adjective ("was found not guilty": an acquittal, no verdict against him)."""
    objs = [c for c in token.children if _verdict_adjective(c) or c.dep_ in ("dobj", "obj", "nsubjpass", "attr", "oprd")
            and not (c.pos_ == "ADJ" and any(n.dep_ == "neg" for n in c.children))]
    for c in token.children:
        if c.dep_ in ("prep", "prt"):  # not "in March": a date is not what the verb acts on
            objs += [g for g in c.children if g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME")]
    objs += [m for o in objs for m in o.children if m.dep_ == "compound"]
    # "gave some of the equipment", "sent a team of doctors", "a shipment of grain": the object is
    # what the quantifier or container holds.
    containers = load_cues().container_nouns
    objs += [p for o in objs if o.lemma_.lower() in containers for c in o.children
             if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    # "sent experts, equipment and drugs": every conjunct is an object
    objs += [c for o in objs for c in o.conjuncts if c.i > o.i]
    return objs


def _inherited_subject(verb: Token) -> Token | None:
    """The subject a verb without one shares: "X agreed to meet" (X), "X met Y and signed" (X),
    "X urged Y to leave" / "X accused Y of attacking" (Y: the object controls), "X is guilty of
    violating" (X), "troops who fired" (troops); after a preposition of time or means the subject
    still does it, not the object ("X cut taxes after agreeing a deal", ``subject_control_preps``)."""
    node, adverbial = verb, False
    for _ in range(5):
        if node.dep_ == "relcl":
            return _described_subject(node.head) or node.head
        if node.head.i == node.i:
            return None
        if node.dep_ in ("pcomp", "pobj"):
            node = node.head  # the preposition
            adverbial = adverbial or node.lower_ in load_cues().subject_control_preps
            continue
        if node.dep_ == "prep" or node.dep_ in ("acomp",):
            blamed = _blamed_one(node)
            if blamed is not None:
                return blamed
            node = node.head
            subj = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
            objs = [c for c in node.children if c.dep_ in ("dobj", "obj")]
            if objs and node.pos_ == "VERB" and not adverbial:
                return objs[0]
            if subj:
                return subj[0]
            continue
        if node.dep_ not in INHERIT_SUBJECT_DEPS:
            return None
        controlled = node.dep_ == "xcomp"
        active_conjunct = node.dep_ == "conj" and not any(c.dep_ == "auxpass" for c in node.children) and (
            node.tag_ != "VBN" or any(c.dep_ == "aux" for c in node.children))  # "was drawn in but has called
        # for", not "was shot and killed"
        node = node.head
        objs = [c for c in node.children if c.dep_ in ("dobj", "obj")]
        if controlled and objs:
            return objs[0]
        # "X was defeated and accused Y": an active conjunct's agent is the first verb's passive subject
        deps = ("nsubj", "nsubjpass") if active_conjunct else ("nsubj",)
        subj = [c for c in node.children if c.dep_ in deps]
        if subj:
            return subj[0]
    return None


def _relative_subject(subject: Token) -> Token:
    """A relative pronoun subject stands for the subject of the copula its clause's noun follows
    (:func:`_described_subject`) when there is one; any other subject for itself."""
    if subject.lower_ in RELATIVE_PRONOUNS and subject.head.dep_ == "relcl":
        return _described_subject(subject.head.head) or subject
    return subject


def _described_subject(noun: Token) -> Token | None:
    """"Gingrich and Santorum were the only Republicans who agreed", "he was the minister who
    signed it": a relative clause on what a copula says its subject is tells of that subject, named
    or not; a cleft ("it was the police who fired") tells of the noun."""
    if noun.dep_ != "attr" or noun.head.lemma_ != "be":
        return None
    subjects = [c for c in noun.head.children if c.dep_ == "nsubj"]
    if not subjects or subjects[0].lower_ in load_cues().thing_pronouns or subjects[0].pos_ == "NOUN":
        return None
    return subjects[0]


def _blamed_one(prep: Token) -> Token | None:
    """"angry with the mayor for refusing", "irritated at X for promising": the one a feeling is
    aimed at (``blamed_preps`` of ``data/cues.yaml``) did the act its "for" clause gives as the
    reason; None for any other preposition, or with no such one."""
    if prep.dep_ != "prep" or prep.lower_ != "for":
        return None
    heads = [prep.head] + [c for c in prep.head.children if c.dep_ == "acomp"]
    for head in heads:
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in load_cues().blamed_preps:
                objs = [o for o in c.children if o.dep_ == "pobj"]
                if objs:
                    return objs[0]
    return None


def _event_noun_participants(verb: Token, entry: TriggerEntry, work: Work, lexicon: Lexicon) -> list[ActorMention]:
    """"X warned against fake reconciliations": the target is the parties of the reconciliation
    named earlier in the article (the latest draft of the same event family)."""
    preps = set(entry.target_preps) | {"against", "on", "about"}
    nouns = [c for c in verb.children if c.dep_ in ("dobj",)]
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            nouns += [g for g in c.children if g.dep_ == "pobj"]
    for noun in nouns:
        kinds = lexicon.types_of(noun, "NOUN")
        if not kinds:
            continue
        for draft in reversed(work.drafts):
            if draft.event_type in kinds:  # (an unnamed state, "implicit:state", has no words to point at)
                return [m for m in draft.source + draft.target if m.text]
    return []
