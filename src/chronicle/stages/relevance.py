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
political actor (``chronicle.knowledge.acts``): "Gomes was arrested", "Mark Smith stabbed Paul Jones",
"he attacked his sister", "the deputy was attacked", "she fired the weapon"; so is an air strike or a
rocket attack, which only armed forces make ("three people died in an air strike on a school").
"""

from __future__ import annotations

import re

from chronicle.knowledge.acts import (BARE_STATE_ACTION_LEMMAS, arrest, harm, heavy_weapons, state_action, state_action_preps, state_noun,
                                      state_only, unaffiliated)
from chronicle.knowledge.actors import POLITICAL_SECTORS, load_actor_kb
from chronicle.knowledge.cues import load_cues
from chronicle.knowledge.lexicon import load_lexicon
from chronicle.record import ActorMention, Work
from chronicle.stages.base import Stage
from chronicle.syntax.tree import answering_subjects, bare_verb, charge_against_preps, lemma_forms, has_prep_phrase, reduced_passive, shared_passive_subject

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


DISPUTE_TYPES = frozenset({"ACCUSE", "REQUEST"})
"""Speech acts that are political between named parties whatever their dictionary codes: the
guideline's "organised parts of the public when they act politically" ("the NAACP condemned the
resolution", "Dennis accused the NAACP of playing the race card", "the campaign group urged
ministers to ..."). Not between firms (a commercial dispute: "Apple sued a former contractor") and
not in sport, and only on a word the lexicon gives the type (not one the sentence head guessed).
The screen still parses only sentences that name a possible political actor (``stages/screen.py``),
so a dispute between parties the knowledge base does not know is coded only in a sentence that
passes it for another reason (a known name, a title, a pronoun after such a sentence)."""

LAWSUIT_CAMEO = "115"
"""CAMEO 115, bring a lawsuit: between private parties a civil case ("a US woman is suing the
printer maker", "the lawyer sued the shop"), which the guideline does not count; one against a
government or by a prosecutor has a political actor and is kept by the usual test."""

SPORTS_STORY_WORDS = 3
"""Distinct sports words (or score lines) that make a whole article a sports story."""


class RelevanceStage(Stage):
    name = "relevance.v2"
    requires = ("drafts",)
    assigns = ("drafts",)

    def __call__(self, work: Work) -> Work:
        sports_story = bool(work.drafts) and _sports_story(work.article.text)
        kept = [d for d in work.drafts if _relevant(d, sports_story)]
        work.drafts = [d for d in kept if not _consequence(d, kept) and not _charged_with(d, work.drafts)
                       and not _fight_of_words(d)]
        return work


def _fight_of_words(draft) -> bool:
    """"Fox started the fight", "Perry is on the attack", "the Conservative Party's hostility to
    Europe", "Grimm stormed off camera": violence told of parties, legislators, unions, campaign
    groups or political figures (``unarmed_sectors`` of cues.yaml) with no one named as hit is a
    quarrel of words or a figure of speech. Their real violence names its victim ("the congressman
    grabbed the reporter's wrist"), and a party with an armed wing (Hamas, Hezbollah: an armed
    ``alt_sectors``) fights."""
    if draft.event_type != "ASSAULT" or draft.target or not draft.source:
        return False
    return all(_unarmed(m) for m in draft.source)


def _unarmed(mention: ActorMention) -> bool:
    """An actor of an unarmed sector whose knowledge-base entry (or whose organisation's) has no
    armed sector among its other sectors."""
    sectors = load_cues().unarmed_sectors
    if mention.sector not in sectors:
        return False
    entries = load_actor_kb().entries
    for m in (mention, mention.affiliation):
        entry = entries.get(m.actor_id) if m is not None and m.actor_id else None
        if entry is not None and not set(entry.alt_sectors) <= sectors:
            return False
    return True


def _consequence(draft, kept) -> bool:
    """"At least 23 civilians were killed as government forces launched air strikes", "a car bombing
    killed 75 people": a killing or an arrest (``chronicle.knowledge.acts``) told without its doer, in
    the clause of another act of the same type, is that act's outcome: one incident, not two events."""
    if draft.source or not unaffiliated(draft.cameo, draft.entry.lemma):
        return False
    trigger = draft.trigger
    linked = {trigger.head.i} | {c.i for c in trigger.children}
    return any(other is not draft and other.event_type == draft.event_type
               and (other.trigger.i in linked or other.trigger.head.i == trigger.i) for other in kept)


def _charged_with(draft, drafts) -> bool:
    """"charged with killing two women", "the woman accused of killing": a killing or an arrest kept
    only as an act done to people, named as what someone is accused of, is the content of the
    accusation (the guideline codes the accusation alone), whether or not the accusation is kept."""
    if any(is_political(m) for m in draft.source + draft.target):
        return False
    trigger = draft.trigger
    if trigger.dep_ not in ("pcomp", "pobj") or trigger.head.lower_ not in ("of", "with", "for"):
        return False
    head = trigger.head.head  # "accused of killing", "charged with murdering"
    if any(other.trigger.i == head.i and other.event_type == "ACCUSE" for other in drafts if other is not draft):
        return True
    return head.pos_ in ("VERB", "NOUN") and "ACCUSE" in load_lexicon().types_of(head)


def _relevant(draft, sports_story: bool = False) -> bool:
    if draft.entry.lemma == "charge" and draft.trigger.pos_ == "VERB" and _passive(draft.trigger) \
            and _task_charge(draft.trigger):
        return False  # "two officials were charged with writing the report": a task, whoever is given it
    if sports_story and draft.entry.lemma in BARE_STATE_ACTION_LEMMAS and draft.trigger.pos_ == "VERB" \
            and bare_verb(draft.trigger):
        return False  # "Smith has been charged" in a football story: by the governing body as often
    mentions = draft.source + draft.target
    political = [m for m in mentions if is_political(m) and not (sports_story and "name-head" in m.method)]
    sports_sentence = _sports_sentence(draft.sentence)
    state_only = STATE_ONLY_TYPES if sports_sentence else STORY_STATE_ONLY_TYPES
    if political and all(m.kind == "country" for m in political) and draft.event_type not in state_only \
            and (sports_story or sports_sentence):
        return False  # "Italy were offered another penalty", "Russia won the meeting": teams, not states
    if not political and unaffiliated_act(draft):
        # an arrest or a release from custody is the state's even in a sports story ("the receiver was
        # arrested"); a charge or a verdict in a sentence about the game, with no state named, is as
        # often a governing body's ("charged with misconduct", "found guilty of doping") as a prosecutor's
        if sports_sentence:
            return arrest(draft.cameo) or draft.entry.lemma == "release"
        return state_action(draft.cameo, draft.entry.lemma) or not sports_story
    if not political and _state_act_on_people(draft):
        # the same leave for sport as above: in a sentence about the game only an arrest or a release
        return not sports_sentence or arrest(draft.cameo) or draft.entry.lemma == "release"
    if political:
        return True
    if not sports_story and not sports_sentence and (_unrest_violence(draft) or _heavy_weapons(draft)):
        return True
    if draft.event_type == "PROTEST" and any(m.sector and m.sector != "BUS" for m in draft.source):
        # a protest by an organised part of the public; a firm that "demonstrated a phone" shows a product
        return True
    return not sports_story and not sports_sentence and _dispute_between_named(draft)


def _unrest_violence(draft) -> bool:
    """"Protesters torched cars", "rioters threw petrol bombs": violence by the people of a protest or
    a riot (``unrest_people`` of cues.yaml) is political as their protest is, whoever it hits."""
    doc, words = draft.trigger.doc, load_cues().unrest_people
    return draft.event_type == "ASSAULT" and any(
        0 <= m.head_i < len(doc) and doc[m.head_i].lemma_.lower() in words for m in draft.source)


def _heavy_weapons(draft) -> bool:
    """"Three people died in an air strike on a school", "a drone strike hit the house": artillery,
    rockets and aircraft are only armed forces' (``chronicle.knowledge.acts.heavy_weapons``), so the
    attack is an event even when the sentence names no one who made it."""
    return draft.event_type == "ASSAULT" and not _other_sense(draft) \
        and heavy_weapons(draft.cameo, draft.entry.lemma, bool(draft.entry.objects))


def _dispute_between_named(draft) -> bool:
    """An accusation or a demand (``DISPUTE_TYPES``) on the lexicon's own word, by or to a named
    person or body, with no business on either side and no private lawsuit (``LAWSUIT_CAMEO``)."""
    mentions = draft.source + draft.target
    trigger = draft.trigger
    if draft.event_type not in DISPUTE_TYPES or draft.cameo == LAWSUIT_CAMEO \
            or any(m.sector == "BUS" for m in mentions):
        return False
    if draft.event_type not in load_lexicon().types_of(trigger):
        return False
    return any(_named(m, trigger.doc) for m in mentions)


def _named(mention: ActorMention, doc) -> bool:
    """A person or body the text names ("the NAACP", "Marian Wright Edelman", "Civil rights group
    Liberty"); not "people" or "critics", and not a pronoun ("she accused her coworkers": a private
    quarrel as often as a political one)."""
    if mention.text.lower() in load_cues().non_name_words:
        return False
    if mention.kind in ("person", "organisation"):
        return True
    return mention.kind == "unknown" and 0 <= mention.head_i < len(doc) and doc[mention.head_i].pos_ == "PROPN"


def unaffiliated_act(draft) -> bool:
    """An arrest, a charge or an act of violence (``chronicle.knowledge.acts``) done to someone, with
    a person on one side: an arrest, charge or conviction told in the passive or as a participle
    with no one named as its agent ("Gomes was arrested", "Hiller is charged with murder", "a woman
    charged with killing": the state's act; an arrest "by the highway patrol" is one whoever is
    named), or as a noun of a person ("Williams' arrest", "the arrests of two men"), or violence
    with a target ("Mark Smith stabbed Paul Jones"), or a word of harm done to a person (``_harmed``:
    "he attacked his sister"). A verb with a particle has another sense ("the kick was
    charged down", "fired up"), unless the lexicon's entry is that phrasal verb ("was pulled over for
    speeding", "gunned down", "locked up"); a death by fire or crash is no one's act, but a charge or an arrest
    "after the fire" is still the state's."""
    trigger = draft.trigger
    state = state_action(draft.cameo, draft.entry.lemma)
    if harm(draft.entry.lemma) and draft.event_type == "ASSAULT" and not _other_sense(draft):
        return _harmed(draft)
    if not (state or unaffiliated(draft.cameo, draft.entry.lemma)) or _other_sense(draft):
        return False
    if not draft.target:
        return _held(draft) if state else _armed_person(draft)
    if not any(_people(m, trigger) for m in draft.target + draft.source):
        return False
    if not state and _accident(trigger):  # "charged with arson after the fire": the charge is still the state's
        return False
    if state:
        if trigger.pos_ == "NOUN":  # the events stage put the person arrested or charged in the target
            return state_noun(draft.cameo, draft.entry.lemma)
        return _passive_state_act(draft) or _arrest_without_doer(draft)
    return True


def _harmed(draft) -> bool:
    """"He attacked his sister", "the deputy was attacked", "Comeaux injured a man": a word of harm
    (``chronicle.knowledge.acts.harm``) with a person hurt, as the target the events stage found or as
    the object of a person's act; not "attacked the plan" or "injured her knee", not an accident."""
    trigger = draft.trigger
    if _accident(trigger) or not draft.source and not harm(draft.entry.lemma, passive=True):
        return False  # "12 people were injured in the riots": the riot's outcome
    if any(_hurt(m, trigger) for m in draft.target):
        return True
    objects = [c for c in trigger.children if c.dep_ in ("dobj", "obj")]
    return trigger.pos_ == "VERB" and not _passive(trigger) and any(_human(t) for t in objects) \
        and any(m.kind == "person" or _people(m, trigger) for m in draft.source)


def _hurt(mention: ActorMention, trigger) -> bool:
    """A person hurt: one the actors stage coded as a person, a name the parser tags as a person, or a
    noun of people acted on ("they were attacked", "attacked his sister"); not a country's "homeland"
    or an unknown name ("attacks on IE8")."""
    if mention.kind == "person":
        return True
    head = trigger.doc[mention.head_i] if 0 <= mention.head_i < len(trigger.doc) else None
    if head is None or mention.kind not in ("agent", "unknown"):
        return False
    return head.ent_type_ == "PERSON" if mention.kind == "unknown" else _people(mention, trigger)


def _held(draft) -> bool:
    """"He was on probation for a previous arrest", "she remains in custody": an arrest or detention
    told as a noun with the person held as its subject (the events stage puts them in the source)."""
    trigger = draft.trigger  # "on probation", "in custody", "under arrest"; not "serving life in prison"
    return trigger.pos_ == "NOUN" and trigger.dep_ == "pobj" and arrest(draft.cameo) \
        and any(m.kind == "person" for m in draft.source)


def _arrest_without_doer(draft) -> bool:
    """"Officers talked with the suspect for two hours before taking him into custody": an arrest in
    the active voice whose doer the sentence leaves unnamed is still the police's, when the one
    arrested is a person."""
    return arrest(draft.cameo) and draft.trigger.pos_ == "VERB" and not draft.source \
        and any(m.kind == "person" for m in draft.target)  # not "to detain these people": a policy


def _other_sense(draft) -> bool:
    """A verb with a particle that is not its entry's own: "the kick was charged down", "fired up"
    are other senses; "was pulled over" (the entry is "pull over") is not."""
    return any(c.dep_ == "prt" and c.lower_ not in draft.entry.particles for c in draft.trigger.children)


def _passive_state_act(draft) -> bool:
    """A state action told in the passive (or as a participle) with its entry's prepositions and no
    one else named as its doer: "was arrested by the highway patrol" (only the police arrest,
    whoever is named); not "was accused of lying by his neighbour" (an accusation between people)."""
    trigger, preps = draft.trigger, state_action_preps(draft.entry.lemma)
    by_anyone = arrest(draft.cameo) or not _named_accuser(trigger)
    bare = draft.entry.lemma in BARE_STATE_ACTION_LEMMAS and bare_verb(trigger)  # "two aides have been charged"
    return trigger.pos_ == "VERB" and _passive(trigger) and by_anyone and (not preps or has_prep_phrase(trigger, preps)
                                                                         or bare)


def _state_act_on_people(draft) -> bool:
    """"Three executives were charged with fraud", "a member of the club was arrested", "the driver
    was convicted": an act only a state does (``state_only``) told in the passive of a person or
    group of people, with no agent but the state (an arrest by anyone), is the story's state's act even
    when the actors stage coded no one as its target (a noun of people it does not know, a place read as
    the target) or coded the people by their job ("executives": BUS). "Charged with" must name a
    crime (``_criminal_charge``): "the division was charged with thinking up products" is a task."""
    trigger, lemma = draft.trigger, draft.entry.lemma
    if not state_only(draft.cameo, lemma) or _other_sense(draft) or not _passive_state_act(draft):
        return False
    if lemma == "charge" and not _criminal_charge(trigger):
        return False
    subject = _passive_subject(trigger)  # "Smith and two other members were charged": any of them
    return subject is not None and any(_people_word(t) for t in [subject, *subject.conjuncts])


def _passive_subject(verb):
    """The one a passive verb acts on: its passive subject, the subject it shares with the verb it is
    coordinated with, or the noun a participle describes ("a woman charged with ...")."""
    own = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if own:
        return own[0]
    if reduced_passive(verb):
        return verb.head
    return shared_passive_subject(verb)


def _people_word(token, depth: int = 0) -> bool:
    """A person or people: a personal pronoun, a name, a number of them ("two were charged"), a noun of
    people (``unnamed_people``, ``person_role_nouns``, ``accused_people`` of cues.yaml); for "one of the
    bankers", "two of his aides", the people after "of"."""
    cues = load_cues()
    if _person_word(token) or lemma_forms(token) & cues.accused_people:
        return True
    if depth or not (token.pos_ == "NUM" or token.lower_ in cues.partitive_words):
        return False
    of = _of_objects(token)
    return _people_word(of[0], 1) if of else token.pos_ == "NUM"


def _of_objects(token) -> list:
    """What ``token`` is "of": "one of the bankers", "two counts of murder"."""
    return [p for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]


def _criminal_charge(verb) -> bool:
    """"Charged with fraud", "charged with two counts of murder", "charged with concealing losses",
    "charged over the death of": what the charge names is a crime (``crime_nouns``) or a gerund of
    wrongdoing (``wrongdoing_verbs``, or a verb acting on a crime: "practising polygamy"). A bare
    "he has been charged" is a prosecutor's too; "charged with the task", "charged with leading" is not."""
    named = _prep_objects(verb, ("with", "over", "in"))
    if not named:
        return not any(c.dep_ in ("dobj", "dative", "npadvmod", "xcomp", "oprd", "attr") for c in verb.children)
    return any(_crime(t) for n in named for t in [n, *n.conjuncts])


def _task_charge(verb) -> bool:
    """"Was charged with overseeing the move", "charged with the task of": "with" names a task
    (``task_words`` of cues.yaml) and no crime: no accusation, whoever is charged. Only this is ruled
    out where the people charged are coded (a crime the lists lack, "charged with marrying 20 women", is
    still a prosecutor's); where they are not, ``_state_act_on_people`` asks for a crime."""
    words = load_cues().task_words
    return any(t.lemma_.lower() in words and not _crime(t) for t in _prep_objects(verb, ("with",)))


def _prep_objects(verb, preps: tuple[str, ...]) -> list:
    """What the verb's prepositions ``preps`` name: "charged with fraud", "charged over the death"."""
    return [p for c in verb.children if c.dep_ == "prep" and c.lower_ in preps
            for p in c.children if p.dep_ in ("pobj", "pcomp")]


def _crime(token) -> bool:
    """A crime noun, or a gerund of wrongdoing: the verb, the verb with its particle or object ("covering
    up", "setting fire"), or a verb whose object is a crime noun ("supplying drugs") or something
    false or unlawful ("writing false medical reports", ``crime_adjectives``)."""
    cues = load_cues()
    lemma = token.lemma_.lower()
    if lemma in cues.crime_nouns:
        return True
    if token.pos_ == "VERB" or token.tag_ == "VBG":
        parts = [c for c in token.children if c.dep_ in ("prt", "dobj", "obj")]
        return lemma in cues.wrongdoing_verbs or any(
            f"{lemma} {c.lemma_.lower()}" in cues.wrongdoing_verbs or c.dep_ != "prt" and _unlawful(c) for c in parts)
    return lemma in ("count", "charge") and any(_crime(p) for p in _of_objects(token))


def _unlawful(thing) -> bool:
    """What a wrongdoing acts on: a crime or contraband ("supplying drugs"), or something false or
    unlawful ("writing false reports", "filing fraudulent claims")."""
    cues = load_cues()
    return thing.lemma_.lower() in cues.crime_nouns or any(
        c.dep_ == "amod" and c.lower_ in cues.crime_adjectives for c in thing.children)


def _armed_person(draft) -> bool:
    """"She opened fire", "Hiller fired shots at the supervisor", "he shot the other three": a person
    who shoots, bombs or kills (the codes of ``chronicle.knowledge.acts``, not a word of the 190
    family such as "kill", which is also slang) at people the coder has no actor for (the guideline's
    "a gunman"), or who opens fire (an entry that needs its object). Not "fired just wide from a
    free-kick" or "shoot the game animals": no one is hit; not an accident."""
    trigger = draft.trigger
    if trigger.pos_ != "VERB" or _passive(trigger) or not unaffiliated(draft.cameo) or _accident(trigger):
        return False
    if not any(m.kind == "person" or _people(m, trigger) for m in draft.source):
        return False
    objects = [c for c in trigger.children if c.dep_ in ("dobj", "obj")]
    pobjs = [p for c in trigger.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    hit = objects + [p for p in pobjs if p.head.lower_ in ("at", "on")]
    hit += [p for o in objects + pobjs for c in o.children if c.dep_ == "prep" and c.lower_ == "at"
            for p in c.children if p.dep_ == "pobj"]  # "fired shots at the supervisor", "through a wall at"
    gun = any(o.lemma_.lower() in load_cues().fired_objects for o in objects)  # "fired the weapon"
    return bool(draft.entry.objects) or gun or any(_human(t) for t in hit)


def _human(token) -> bool:
    """A word for people: a personal pronoun, a number of them ("the other three"), a noun of people
    or of a job (cues.yaml), a person's name."""
    return token.pos_ == "NUM" or _person_word(token)


def _person_word(token) -> bool:
    """A personal pronoun, a noun of people or of a job (cues.yaml), or a person's name."""
    cues = load_cues()
    return token.lower_ in cues.person_pronouns | cues.plural_pronouns or _person_noun(token) \
        or token.ent_type_ == "PERSON"


def _named_accuser(verb) -> bool:
    """Whether the passive names who did it: its agent, or a "by" phrase the parser hung on a word of
    its clause ("was accused of lying by his neighbour"); not a means ("charged with killing him by
    poisoning his tea")."""
    return any(t.dep_ in ("agent", "prep") and t.lower_ == "by" and any(c.dep_ == "pobj" for c in t.children)
               for t in verb.subtree if t.i > verb.i)


def _passive(verb) -> bool:
    """Told of the one acted on: a passive ("was charged with"), one that shares the passive subject
    of the verb it is coordinated with ("was arrested and charged with") or a past participle that
    describes a noun ("a woman charged with killing", "the two men arrested on Friday")."""
    return any(c.dep_ == "auxpass" for c in verb.children) or reduced_passive(verb) \
        or shared_passive_subject(verb) is not None  # "was arrested and charged with", "booked and released on bail"


def _people(mention: ActorMention, trigger) -> bool:
    """A person or group; people of the public acted on ("11 people were jailed", "shot and killed a
    man"); or a name the knowledge base lacks that the parser tags as a person, or leaves untagged
    ("Gomes was arrested": a name told without a kind is a person's more often than anything else
    that can be arrested)."""
    doc = trigger.doc
    if mention.kind in ("person", "group"):
        return True
    if not 0 <= mention.head_i < len(doc):
        return False
    head = doc[mention.head_i]
    if mention.kind == "agent" and (_answers_charge(head, trigger) or _brought_against(head, trigger)):
        return True  # "three bank executives pleaded guilty to fraud charges", "a businessman faces charges"
    if mention.kind == "agent" and (mention.sector in (None, "CVL") or _person_noun(head)):
        return _acted_on(head, trigger)
    return mention.kind == "unknown" and (head.ent_type_ == "PERSON" or head.pos_ == "PROPN" and not head.ent_type_)


def _answers_charge(head, trigger) -> bool:
    """Whether ``head``, a person or people by what they are or do (``_people_word``: "executives",
    "a businessman"), is who answers the charge noun ``trigger`` ("pleaded guilty to charges", "faces
    charges", ``answering_verbs`` of cues.yaml): the one charged, whatever sector their job gives them."""
    if trigger.pos_ != "NOUN" or not _people_word(head):
        return False
    return any(s.i == head.i for s in answering_subjects(trigger)) or _held_on(head, trigger)


def _brought_against(head, trigger) -> bool:
    """"Charges were brought against four executives", "fraud charges levelled against two aides":
    ``head``, a person or people by their job (``_people_word``), is whom the verb bringing the charge
    noun ``trigger`` is "against" (``syntax.tree.charge_against_preps``, the phrase the events stage
    reads the target from)."""
    if trigger.pos_ != "NOUN":
        return False
    return head.dep_ == "pobj" and any(head.head.i == p.i for p in charge_against_preps(trigger)) \
        and _people_word(head)


def _held_on(head, trigger) -> bool:
    """"One of Japan's best-known businessmen was arrested on charges of fraud": ``head`` is (inside)
    what the passive verb the charge ``trigger`` is "on" acts on."""
    prep = trigger.head
    if trigger.dep_ != "pobj" or prep.lower_ != "on" or prep.head.pos_ != "VERB" or not _passive(prep.head):
        return False
    patient = _passive_subject(prep.head)
    return patient is not None and patient.left_edge.i <= head.i <= patient.right_edge.i


def _person_noun(head) -> bool:
    """A noun of a person by what they are or do, whatever sector their job gives them: "a teacher was
    arrested", "three executives were charged", "assaulted a student" (``unnamed_people`` and
    ``person_role_nouns`` of cues.yaml); not "banks" or "the firm"."""
    cues = load_cues()
    return head.lemma_.lower() in cues.unnamed_people | cues.person_role_nouns


def _acted_on(head, trigger) -> bool:
    """Whether the phrase is what the trigger acts on (its object or passive subject, or what a noun
    is "of"), not someone an inner clause names ("hijack browsers to force people to ...")."""
    if head.head.i == trigger.i and head.dep_ in ("dobj", "obj", "nsubjpass", "nsubj", "poss"):
        return True
    if head.dep_ in ("appos", "conj") and head.head.i != head.i:  # "12 of one family, seven children ..., were killed"
        return _acted_on(head.head, trigger)
    shared = shared_passive_subject(trigger)  # "a teacher was arrested and charged with theft"
    if shared is not None and shared.i == head.i:
        return True
    return head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.i == trigger.i


def _accident(trigger) -> bool:
    """"a fire that killed 25 people", "were killed in a crash", "was killed after slipping and falling
    from a ridge": a death no one caused."""
    words = load_cues().accident_nouns
    causes = [c for c in trigger.children if c.dep_ in ("nsubj", "agent", "prep")]
    causes += [p for c in causes if c.dep_ in ("agent", "prep") for p in c.children if p.dep_ in ("pobj", "pcomp")]
    causes += [v for c in causes if c.dep_ == "pcomp" for v in c.conjuncts]  # "after slipping and falling"
    if trigger.dep_ in ("advcl", "xcomp", "conj"):  # "a quake struck the coast, killing one person"
        causes += [c for c in trigger.head.children if c.dep_ == "nsubj"]
    if trigger.dep_ == "relcl":  # "a fire (at one cafe) that killed": the noun the clause describes
        noun = trigger.head
        causes.append(noun)
        if noun.dep_ == "pobj" and noun.head.i > 0:  # the parser hangs "at one cafe" on the noun or the verb
            causes += [noun.head.head, trigger.doc[noun.head.i - 1]]
    return any(c.lemma_.lower() in words for c in causes)


def _sports_story(text: str) -> bool:
    """A story that uses several distinct sports words is about sport throughout: its countries
    are teams even in a sentence without one ("Ireland defended magnificently"). Read off the
    article's own text: the screen blanks the sentences that hold no event before parsing."""
    words = load_cues().sports_words
    found = {base for w in WORD.findall(text.lower()) for base in (w, w[:-1], w[:-2]) if base in words}
    return len(found) + len(SCORE.findall(text)) >= SPORTS_STORY_WORDS


def _sports_sentence(sentence) -> bool:
    """One sports word is enough when the only actors are countries: a country that plays is a team."""
    cues = load_cues()
    words = cues.sports_words
    return any((t.lemma_.lower() in words or t.lower_ in words)
               and not any(c.dep_ == "compound" and c.lemma_.lower() in cues.unit_modifiers for c in t.children)
               for t in sentence)  # "the bomb squad" is the police's
