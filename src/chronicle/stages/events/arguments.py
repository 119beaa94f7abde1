"""Who an act is done to when the verb's object does not say: rules the events stage's argument
functions (``_verb_args``, ``_noun_args``) share.

PLOVER codes the target as the one the act lands on. Shapes of the clause that hide it from plain
subject/object reading:

- the object of a target preposition names no actor but holds one ("agreed to a ceasefire in
  Idlib", "contributed to the peace process in Mali"): the actor inside is the target;
- the object is the acting side's own force ("withdrew its troops from X", "sent 300 soldiers to
  X", "mobilised the army"): that force is what moves, not who the act is done to;
- the verb names whom the act is for only in a phrase ("returned the skulls to Peru", "mobilised
  troops for a war against Iraq", "called for Berger to resign");
- the clause names only where the act happened ("troops stayed on alert in Manila", "the rebels
  surrendered in Faryab"): the place is the target when nothing else is, and the state where a
  passive arrest happened is its source ("was arrested in Rwanda");
- an international force's host ("troops for the UN force in Mali"): a target beside the force;
- a passive arrest, charge or conviction with no agent ("two men were arrested") is the act of the
  state the story is of, unnamed (:func:`implicit_state`), and the unnamed people it is done to are
  of that country (:func:`story_people`); a "by" phrase deeper in the clause names the doer ("was
  arrested in a sweep by Italian police", :func:`nested_agents`);
- a charge told as a noun against a private person ("X faces charges of fraud", "Williams'
  arrest") is brought by that state too (:func:`implicit_charging_state`).

Targets are read this deep only for a coded source (:func:`coded`), so that a phrase alone never
makes an event.
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Token

from chronicle.knowledge.actors import load_actor_cues
from chronicle.knowledge.acts import BARE_STATE_ACTION_LEMMAS, arrest, state_action, state_action_preps
from chronicle.knowledge.cues import load_cues
from chronicle.record import GUESSED_METHODS, ActorMention, Work
from chronicle.syntax.tree import INNER_DEPS, RELATIVE_PRONOUNS, bare_verb, has_prep_phrase, actors_for, actors_in_pobjs, actors_inside, shared_passive_subject

PLACE_KINDS = ("place", "country")
"""Mentions that can stand for where an act landed."""
BORROWED_COUNTRY = ("+sentence-country", "+article-country")
"""Method suffixes of a generic agent whose country came from elsewhere in the text, not its words."""


def prep_targets(prep: Token, work: Work, *, inner: bool = True) -> list[ActorMention]:
    """The actors a target preposition names ("talks with X"), or, when its object names none and
    ``inner`` (the verb has a coded source, :func:`coded`: an act is not made from what lies deep
    in a phrase alone), the nearest actor inside that object ("agreed to a ceasefire in Idlib")."""
    found = actors_in_pobjs(prep, work)
    if found or not inner:
        return found
    for child in prep.children:
        if child.dep_ == "pobj":
            found += actors_inside(child, work)
    return found


def _borrowed_country(mention: ActorMention) -> bool:
    return mention.country is None or any(s in mention.method for s in BORROWED_COUNTRY)


def own_force(mention: ActorMention, source: list[ActorMention], verb: Token, work: Work) -> bool:
    """Whether a would-be target is the acting side's own force: a generic agent owned by a
    pronoun that refers to the source ("its troops", "their forces"), or, after a verb that moves
    or commits forces (``force_moving_verbs``), its object when a generic agent with no country of
    its own words ("sent 200 troops", "withdrew peacekeepers"). Named forces of a country
    ("Ukrainian troops"), whom the act is for ("gave our troops support") and the objects of other
    verbs ("attacked the police") stay targets."""
    if mention.kind != "agent" or not source or not 0 <= mention.head_i < len(work.doc):
        return False
    source_countries = {m.country for m in source if m.country}
    head = work.doc[mention.head_i]
    owned_by_pronoun = any(c.dep_ == "poss" and c.pos_ == "PRON" for c in head.children)
    if head.dep_ in ("dative", "iobj"):
        return False  # "gave our troops the support": whom the act is for, though the side's own
    if owned_by_pronoun and (mention.country is None or mention.country in source_countries):
        return True
    moved = verb.lemma_.lower() in load_actor_cues().force_moving_verbs and head.head.i == verb.i \
        and head.dep_ in ("dobj", "obj")  # what the verb moves is its object, not whom it is for
    return moved and _borrowed_country(mention)


def without_own_forces(target: list[ActorMention], source: list[ActorMention], verb: Token,
                       work: Work) -> list[ActorMention]:
    """``target`` without the source's own forces (:func:`own_force`)."""
    return [m for m in target if not own_force(m, source, verb, work)]


def recipient_phrases(verb: Token, work: Work) -> list[ActorMention]:
    """Whom the act is for, against or with when the verb names no one else: "returned the
    skulls to Peru", "protested against the government", "mobilised troops for a war against
    Iraq", "pledged to work with China". The actors the verb's phrases after ``recipient_preps``
    (``data/actor_cues.yaml``) name, or those inside them."""
    preps = load_actor_cues().recipient_preps
    found: list[ActorMention] = []
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in preps:
            found += prep_targets(prep, work)
    return found


def _only_guessed(mentions: list[ActorMention]) -> bool:
    """Whether there are mentions and all say only which country an actor is of (``GUESSED_METHODS``):
    the one an implicit state acts on must be someone, or the state would make the event alone."""
    return bool(mentions) and all(m.method in GUESSED_METHODS for m in mentions)


def coded(source: list[ActorMention]) -> bool:
    """Whether some source is a coded actor (a country or a sector; not a guess at its country,
    ``GUESSED_METHODS``): only then is a target read from deep in a phrase or from the place of the
    clause ("Doom 3 shot to the top of the UK charts" and "a blogger sent texts from Sri Lanka" stay
    without one)."""
    return any((m.country or m.sector) and m.method not in GUESSED_METHODS for m in source)


VENUE_TYPES = frozenset({"CONSULT"})
"""Events whose place is the venue, never the one acted on ("ministers met in Brussels")."""
AUTHORITY_TYPES = frozenset({"COERCE", "SANCTION", "RETREAT", "CONCEDE"})
"""Acts only a state's authorities do to people in its territory: arrests, expulsions, releases."""


def clause_places(word: Token, work: Work, event_type: str | None = None) -> list[ActorMention]:
    """Named places a verb or event noun governs after a place preposition ("remained on alert in
    Manila", "withdrew from Sinai", "killings in Darfur"), or the places inside the phrase of any
    of its prepositions ("agreed to a ceasefire in Idlib", "in northern parts of South Sudan"):
    PLOVER's target when the clause names no one the act is done to; none for a meeting's venue,
    nor for the place inside an occasion (``occasion_nouns``: "at their meeting in London")."""
    if event_type in VENUE_TYPES:
        return []
    preps = load_actor_cues().place_target_preps
    found: list[ActorMention] = []
    for prep in word.children:
        if prep.dep_ != "prep":
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            kinds = PLACE_KINDS if prep.lower_ in preps else ("place",)
            heads = [obj, *[c for c in obj.conjuncts if c.i > obj.i]]
            here = [m for h in heads for m in work.actors_at.get(h.i, []) if m.kind in kinds and m.country]
            if not here and obj.lemma_.lower() in load_actor_cues().occasion_nouns:
                continue  # "at their meeting in London": the venue of the occasion
            found += here or _places_inside(obj, work, kinds)
    return found


def _places_inside(token: Token, work: Work, kinds: tuple[str, ...], depth: int = 4) -> list[ActorMention]:
    """The places (``kinds``, with a country) named nearest inside a phrase, past any other actor
    in it ("an expansion of its force in Afghanistan": Afghanistan)."""
    frontier = [token]
    for _ in range(depth):
        frontier = [c for node in frontier for c in node.children
                    if c.dep_ in INNER_DEPS and c.ent_type_ not in ("DATE", "TIME")]
        found = [m for node in frontier for m in work.actors_at.get(node.i, []) if m.kind in kinds and m.country]
        if found:
            return found
    return []


def infinitive_subject(verb: Token, work: Work) -> list[ActorMention]:
    """"called for Hain to make a statement", "pushed for the minister to resign": the subject of
    the clause the verb asks for is the one asked (the parser leaves "for" without an object and
    hangs the clause, with its own subject, on the verb)."""
    if not any(c.dep_ == "prep" and c.lower_ == "for" and not any(g.dep_ in ("pobj", "pcomp") for g in c.children)
               for c in verb.children):
        return []
    for clause in verb.children:
        if clause.dep_ in ("ccomp", "xcomp", "advcl") and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
            return [m for c in clause.children if c.dep_ == "nsubj" for m in actors_for(c, work)]
    return []


def authority_places(verb: Token, work: Work, event_type: str) -> list[ActorMention]:
    """"Ingabire was arrested in Rwanda", "two inspectors were expelled from North Korea": a
    passive arrest, expulsion or release with no agent is done by the state where it happened,
    as PLOVER codes it; the place (kind "place", with its country) is the source. Other acts
    ("was killed in Kabul") name no one who did them."""
    if event_type not in AUTHORITY_TYPES:
        return []
    return clause_places(verb, work, event_type)


def with_host_places(target: list[ActorMention], work: Work) -> list[ActorMention]:
    """``target`` and, after an international force or mission it names, the country that hosts
    it ("sent troops to the UN force in South Sudan", "contributed to the AU mission in Somalia"):
    PLOVER codes the host as whom the contribution is for; the force stays a target too."""
    hosts: list[ActorMention] = []
    for mention in target:
        if mention.country != "IGO" or not 0 <= mention.head_i < len(work.doc):
            continue
        for prep in work.doc[mention.head_i].children:
            if prep.dep_ == "prep" and prep.lower_ == "in":
                hosts += [m for obj in prep.children if obj.dep_ == "pobj"
                          for m in work.actors_at.get(obj.i, []) if m.kind in PLACE_KINDS and m.country]
    return target + hosts


OTHER_STATE_KINDS = ("country", "group", "place")
"""Mentions that tie a sentence to a country ("in Kenya", "Kenyans", "Nairobi")."""
STORY_PEOPLE_CONFIDENCE = 0.35


def story_people(people: list[ActorMention], trigger: Token, work: Work) -> list[ActorMention]:
    """``people`` the text does not name ("two men were arrested", "shot a woman"), each given the
    country of a story clearly of one country (``Work.story_country``), as a reader and PLOVER's
    coders take them, unless their sentence names another country ("a man from Somalia was
    detained" stays unknown). No sector: what the people are, the text does not say."""
    if not people or _sentence_country(trigger, work) is None:
        return people
    country = work.story_country
    for person in people:
        if person.country is None:
            person.country, person.method = country, person.method + "+story-country"
            person.confidence = min(person.confidence, STORY_PEOPLE_CONFIDENCE)
    return people


def _sentence_country(word: Token, work: Work) -> str | None:
    """The story's one country (``Work.story_country``) when the sentence of ``word`` names no
    other country, place or people; else None."""
    country = work.story_country
    if country is None:
        return None
    return None if _countries_named(word.sent, work, OTHER_STATE_KINDS) - {country} else country


def _countries_named(sent, work: Work, kinds: tuple[str, ...]) -> set[str]:
    """The states (not IGO/NGO) of the coded mentions of ``kinds`` at the words of ``sent``."""
    return {m.country for i in range(sent.start, sent.end) for m in work.actors_at.get(i, [])
            if m.kind in kinds and m.country and m.country not in ("IGO", "NGO")}


IMPLICIT_STATE_CONFIDENCE = 0.3
STATE_PLACE_KINDS = ("country", "place")
"""Mentions that say where a state acts ("charged in Texas", "detained in Kenya"); not a people
("two Algerians were detained": their own state is not the one that holds them)."""


def acting_state_country(word: Token, work: Work) -> str | None:
    """The country of the state that charges or arrests people in the sentence of ``word`` when the
    sentence does not name it: the story's one country (:func:`_sentence_country`), or, in a story
    of no one country (a story about two countries' courts, or naming none), the one country the
    sentence's places and country names give ("leaders of a community in British Columbia have
    been charged"), as the guideline codes the state whose courts act there."""
    country = _sentence_country(word, work)
    if country is not None or work.story_country is not None:
        return country
    named = _countries_named(word.sent, work, STATE_PLACE_KINDS)
    return next(iter(named)) if len(named) == 1 else None


def implicit_state(verb: Token, work: Work, cameo: str | None, lemma: str | None) -> list[ActorMention]:
    """"Two men were arrested on Friday", "Gomes was charged with murder": an arrest, a charge, an
    indictment or a conviction (``knowledge.acts.state_action``) told in the passive with no agent
    (named or by its place, :func:`authority_places`) is the act of the state the story is of
    (``Work.story_country``), or in a story of no one country the state of the one country the
    sentence's places name (:func:`acting_state_country`), read once the verb's target is (so it
    never stands in for one), as PLOVER and the project's guideline code it. The state is not named,
    so its mention has no words (an empty span at the verb, method ``implicit:state``) and no sector;
    a sentence naming another country gives none. Relevance does not count it as a political actor (kind ``state``)."""
    patients = _passive_patients(verb)
    if not patients:
        return []
    if not state_action(cameo, lemma) or any(c.dep_ == "agent" or c.dep_ == "prt" and not _own_particle(c, lemma)
                                             for c in verb.children):
        return []  # "the kick was charged down": another sense
    preps = state_action_preps(lemma)
    if preps and not has_prep_phrase(verb, preps) and not (lemma in BARE_STATE_ACTION_LEMMAS and bare_verb(verb)):
        return []  # "charged with murder", not "charged twice for the delivery"; "have been charged" alone
    if _only_guessed([m for c in patients for m in actors_for(c, work)]) and not _held_person(patients, cameo, lemma):
        return []  # "if they are found guilty": a pronoun known by its country alone makes no act
    country = acting_state_country(verb, work)
    if country is None:
        return []
    return [ActorMention(text="", start=verb.idx, end=verb.idx, country=country, kind="state",
                         method="implicit:state+story-country", confidence=IMPLICIT_STATE_CONFIDENCE,
                         head_i=verb.i)]


DISMISSAL_CAMEO = "172"
"""Administrative sanctions (CAMEO 172), of which a dismissal is one."""


def dismissing_state(verb: Token, work: Work, cameo: str | None, lemma: str | None) -> list[ActorMention]:
    """"FBI agent Peter Smith has been fired", "the police chief was sacked": a dismissal
    (``dismissal_lemmas``) told in the passive with no doer, of people all coded as one state's
    staff (``state_staff_sectors``), is that state's act: only their employer dismisses them, and
    the guideline codes a dismissal as the act of the one who dismisses. Like
    :func:`implicit_state`, the state has no words (an empty span at the verb) and no sector. Not
    of a party's or a firm's people, nor of anyone the knowledge base does not code."""
    cues = load_cues()
    if not (cameo or "").startswith(DISMISSAL_CAMEO) or lemma not in cues.dismissal_lemmas:
        return []
    if any(c.dep_ in ("agent", "prt") for c in verb.children):
        return []
    staff = [m for c in _passive_patients(verb) for m in actors_for(c, work)]
    countries = {m.country for m in staff}
    if not staff or len(countries) != 1 or None in countries or countries & {"IGO", "NGO"} \
            or any(m.sector not in cues.state_staff_sectors for m in staff):
        return []
    return [ActorMention(text="", start=verb.idx, end=verb.idx, country=countries.pop(), kind="state",
                         method="implicit:state+employer", confidence=IMPLICIT_STATE_CONFIDENCE, head_i=verb.i)]


def _passive_patients(verb: Token) -> list[Token]:
    """Whom a passive verb is done to: its passive subject, or the subject it shares with the verb
    before it ("surrendered and was arrested")."""
    return [c for c in verb.children if c.dep_ == "nsubjpass"] + [
        s for s in (shared_passive_subject(verb),) if s is not None]


def _own_particle(particle: Token, lemma: str | None) -> bool:
    """Whether the particle is one the lexicon entry's lemma is written with ("pulled over" of
    "pull over": a traffic stop told in the passive, "he was pulled over for speeding", is the
    police's act as "he was arrested" is), not one that makes another sense ("charged down")."""
    return particle.lower_ in (lemma or "").split()[1:]


HELD_LEMMAS = frozenset({"sentence"})
"""State acts besides arrest and detention (CAMEO 173) that hold a person: "was sentenced to two years"."""


def _held_person(patients: list[Token], cameo: str | None, lemma: str | None) -> bool:
    """"He was arrested and remained in custody", "she was sentenced to five years": a person
    pronoun ("he", "she") that is the one an arrest, a detention or a sentence is done to points
    back to someone the story is about, even when the actors stage could not say whom (an unnamed
    man, a name it does not know); only a state holds a person, so the act is news whoever he is.
    Not "they" (as often an institution or people at large), nor charges and verdicts ("if they
    are found guilty", "he was charged by the FA": others charge too)."""
    if not (arrest(cameo) or lemma in HELD_LEMMAS):
        return False
    people = load_cues().person_pronouns
    return bool(patients) and all(p.pos_ == "PRON" and p.lower_ in people for p in patients)


def nested_agents(verb: Token, work: Work) -> list[ActorMention]:
    """"was arrested in a sweep by Italian police", "was killed in an attack by rebels": a passive
    verb's doer named by a "by" phrase inside one of its phrases rather than as its agent."""
    if not any(c.dep_ == "nsubjpass" for c in verb.children) or any(c.dep_ == "agent" for c in verb.children):
        return []
    found: list[ActorMention] = []
    for prep in verb.children:
        if prep.dep_ != "prep":
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj" and obj.pos_ == "NOUN":
                found += [m for by in obj.children if by.dep_ in ("prep", "agent") and by.lower_ == "by"
                          for m in actors_in_pobjs(by, work)]
    return found


# --------------------------------------------------------------------------- who did it, when the
# subject slot does not say at once

def appositive_subject(verb: Token, work: Work) -> list[ActorMention]:
    """"Trevor Phillips, chairman of the commission, called on X": misled by the phrase between
    commas, the parser hangs the sentence's verb on its subject as a clause (``acl``) and makes the
    name the root. The name is the subject when the verb follows the comma that closes an apposition,
    a relative clause or a phrase set off by commas ("X, for the Liberal Democrats, called on Y") of
    it; a participle ("the men arrested on Friday") is a real clause of it."""
    head = verb.head
    if verb.dep_ != "acl" or head.dep_ != "ROOT" or head.pos_ not in ("PROPN", "NOUN") or verb.tag_ == "VBG":
        return []
    if verb.i == 0 or verb.doc[verb.i - 1].text != ",":
        return []
    if not any((c.dep_ in ("appos", "relcl") or c.dep_ == "prep" and c.nbor(-1).text == ",")
               and head.i < c.i < verb.i for c in head.children):
        return []
    return actors_for(head, work)


def message_owner(verb: Token, work: Work) -> list[ActorMention]:
    """"Mr Perry's statement criticizing X", "her post berating Y": a participle on a noun of what
    is said or published (``message_nouns``) is said by the noun's owner; so is a verb whose subject
    is such a noun ("Mr Hale's speech called for X", "the report by the auditor criticised Y")."""
    nouns = load_actor_cues().message_nouns
    said = [c for c in verb.children if c.dep_ == "nsubj" and c.lemma_.lower() in nouns]
    if said:
        return [m for c in said[0].children if c.dep_ == "poss" for m in work.actors_at.get(c.i, [])] or [
            m for c in said[0].children if c.dep_ == "prep" and c.lower_ == "by" for m in actors_in_pobjs(c, work)]
    if verb.dep_ == "conj" and verb.head.dep_ == "acl":
        verb = verb.head  # "a letter congratulating X and calling on Y"
    noun = verb.head
    if verb.dep_ != "acl" or verb.tag_ != "VBG" or noun.lemma_.lower() not in nouns:
        return []
    return [m for c in noun.children if c.dep_ == "poss" for m in work.actors_at.get(c.i, [])]


def coordinated_speaker(verb: Token, work: Work) -> list[ActorMention]:
    """"Mr Jack said the bill had flaws, and urged the government to act": the parser joins the
    second verb to the reported clause, whose subject ("the bill") names no actor, rather than to
    "said"; the one who urged is the speaker. Read only for said acts (the caller's choice) and
    never when the reported clause's subject is an actor ("said Iran had attacked and killed X")."""
    clause = verb.head
    if verb.dep_ != "conj" or clause.dep_ != "ccomp" or any(c.dep_ == "nsubj" for c in verb.children):
        return []
    if clause.head.lemma_.lower() not in load_cues().reporting_verbs:
        return []
    if any(actors_for(c, work) for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")):
        return []
    return [m for c in clause.head.children if c.dep_ == "nsubj" for m in actors_for(c, work)]


UNNAMED_DOER_CONFIDENCE = 0.35


def unnamed_doers(subjects: list[Token], trigger: Token, work: Work, *,
                  nouns: frozenset[str] | None = None) -> list[ActorMention]:
    """The people the text does not name who do an act to a named actor: "critics accused the
    minister", "the woman who shot two co-workers", "was accused by Muslim groups". Each subject
    (a relative pronoun stands for the noun its clause hangs on) headed by a noun of private people
    (``unnamed_people`` and ``generic_people`` of cues.yaml, ``unnamed_doers`` of actor_cues.yaml)
    becomes a mention (method ``unnamed-people``) with the story's country where the sentence names
    no other (:func:`story_people`). The rules ask only for an event that has a target and no
    source, so that such a phrase never makes an event alone; the recall stage asks for a verbal act
    the sentence head proposed, with its own nouns (``nouns``)."""
    cues = load_cues()
    if nouns is None:
        nouns = cues.unnamed_people | cues.generic_people | load_actor_cues().unnamed_doers
    found: list[ActorMention] = []
    for subject in subjects:
        if subject.lower_ in RELATIVE_PRONOUNS and subject.head.dep_ == "relcl":
            subject = subject.head.head
        for noun in (subject, *[c for c in subject.conjuncts if c.i > subject.i]):
            if noun.pos_ != "NOUN" or noun.lemma_.lower() not in nouns or noun.i in work.actors_at:
                continue
            first = noun.left_edge.i
            while first < noun.i and (work.doc[first].is_punct or work.doc[first].is_space
                                      or work.doc[first].dep_ == "cc"):
                first += 1
            span = work.doc[first:noun.i + 1]
            found.append(ActorMention(text=span.text, start=span.start_char, end=span.end_char,
                                      kind="group" if noun.tag_ == "NNS" else "person",
                                      method="unnamed-people", confidence=UNNAMED_DOER_CONFIDENCE,
                                      head_i=noun.i, plural=noun.tag_ == "NNS"))
    return story_people(found, trigger, work)


FORCE_TYPES = frozenset({"ASSAULT", "COERCE"})
STRUCK_THING_CONFIDENCE = 0.35


def struck_things(objects: list[Token], trigger: Token, work: Work, event_type: str) -> list[ActorMention]:
    """"pirates fired at the merchant vessel", "officials raided the ranch": a ship or building
    (``struck_things``, ``data/actor_cues.yaml``) an armed act or a raid lands on is its target, as
    the guideline codes it, when no actor is named in it; a building of the story's country where the
    sentence names no other (:func:`story_people`), a ship (``struck_vessels``) of none. Asked only for a force act (``FORCE_TYPES``) with a coded
    doer and no other target, so that it never makes an event alone."""
    if event_type not in FORCE_TYPES:
        return []
    cues = load_actor_cues()
    found: list[ActorMention] = []
    vessels: list[ActorMention] = []
    for noun in objects:
        lemma = noun.lemma_.lower()
        if noun.pos_ != "NOUN" or lemma not in cues.struck_things | cues.struck_vessels or noun.i in work.actors_at:
            continue
        span = work.doc[noun.left_edge.i:noun.i + 1]
        (vessels if lemma in cues.struck_vessels else found).append(ActorMention(
            text=span.text, start=span.start_char, end=span.end_char, kind="unknown", method="struck-thing",
            confidence=STRUCK_THING_CONFIDENCE, head_i=noun.i, plural=noun.tag_ == "NNS"))
    return story_people(found, trigger, work) + vessels


ROLE_FILLER_METHODS = (*GUESSED_METHODS, "title:bare")
"""Method prefixes of mentions that fill a role of an event another actor makes but never make one
alone: a pronoun known only by its country (``GUESSED_METHODS``), and a bare title ("ministers",
"the governor") that only the story's country codes."""


def only_role_fillers(mentions: list[ActorMention]) -> bool:
    """Whether a would-be event has no actor but role fillers (``ROLE_FILLER_METHODS``) and the
    places its clause names ("he released an ad in Iowa", "the senator was travelling")."""
    fillers = [m for m in mentions if m.method.startswith(ROLE_FILLER_METHODS)]
    return bool(fillers) and all(m.method.startswith(ROLE_FILLER_METHODS) or _place(m) for m in mentions)


def place_like(mention: ActorMention, work: Work) -> bool:
    """A country or place, or a name of no known kind and no sector that the gazetteer or the
    tagger takes for a place ("leaders of a sect with ties to Utah were arrested", "two leaders in
    the community of Millbrook, Ontario": where they live, not whom the act is done to)."""
    if mention.kind in PLACE_KINDS or _place(mention):
        return True
    head = work.doc[mention.head_i] if 0 <= mention.head_i < len(work.doc) else None
    return mention.kind == "unknown" and mention.sector is None and head is not None \
        and head.ent_type_ in ("GPE", "LOC")


def _place(mention: ActorMention) -> bool:
    """A place, or a town the gazetteer found for a name of no known kind ("Cleveland")."""
    return mention.kind == "place" or (mention.sector is None and mention.method.endswith("+gazetteer"))


# --------------------------------------------------------------------------- a charge told as a noun

def implicit_charging_state(noun: Token, work: Work, charged: list[ActorMention]) -> list[ActorMention]:
    """The state that brings a charge or makes an arrest told as a noun against ``charged``, private
    people, when the sentence does not name who does it ("X faces charges of fraud"), as the
    annotation guideline codes it: the story's country, as for a passive
    (:func:`implicit_state`), unless the sentence names another country, or the ones charged are
    anyone (:func:`_anyone`), or the charge is a price ("higher charges")."""
    country = acting_state_country(noun, work)
    if any(c.tag_ in ("JJR", "JJS") for c in noun.children):  # "higher charges", "the lowest charges": prices
        return []
    if country is None or not charged or any(_anyone(m, work) for m in charged) or _only_guessed(charged):
        return []
    return [ActorMention(text="", start=noun.idx, end=noun.idx, country=country, kind="state",
                         method="implicit:state+story-country", confidence=IMPLICIT_STATE_CONFIDENCE,
                         head_i=noun.i)]


def _anyone(mention: ActorMention, work: Work) -> bool:
    """Whether a mention means people at large: a noun of ``generic_people`` not among the
    ``unnamed_people`` ("users"), or one in the plural with no determiner or number ("customers
    face charges for ..."), not "two men" or "a woman"."""
    if not 0 <= mention.head_i < len(work.doc):
        return False
    head, cues = work.doc[mention.head_i], load_cues()
    if head.lemma_.lower() not in cues.generic_people:
        return False
    bare = head.tag_ == "NNS" and not any(c.dep_ in ("det", "nummod", "poss") for c in head.children)
    return bare or head.lemma_.lower() not in cues.unnamed_people


# --------------------------------------------------------------------------- "before his arrest"

CIRCUMSTANCE_PREPS = frozenset({"before", "after", "during", "since", "until", "upon", "following", "at", "in"})
"""Prepositions whose phrase tells when or where the clause happens ("hours after his arrest")."""


def possessive_antecedent(pronoun: Token, noun: Token, work: Work) -> list[ActorMention]:
    """"Gomes had been there for hours before his arrest", "the ministers spoke at their meeting":
    the actors stage codes no possessive pronoun (most own no act), so the one a possessive pronoun
    of an event noun points at is read here, where the noun's phrase tells when or where its clause
    happens (``CIRCUMSTANCE_PREPS``): the subject of that clause, when it is of the pronoun's kind
    (a person for "his"/"her", a body for "its", several or a body for "their"). Elsewhere ("Smith
    condemned his arrest") the owner is often not the subject, and nothing is read. The mention is a
    copy of the subject's with the pronoun's words."""
    prep, verb = noun.head, noun.head.head
    for _ in range(3):  # "for hours before his arrest", "hours after his arrest"
        if verb.pos_ in ("VERB", "AUX") or verb.dep_ not in ("pobj", "prep", "npadvmod"):
            break
        verb = verb.head
    fits = _pronoun_fits(pronoun.lower_)
    if pronoun.pos_ != "PRON" or noun.dep_ != "pobj" or prep.lower_ not in CIRCUMSTANCE_PREPS \
            or verb.pos_ not in ("VERB", "AUX") or fits is None:
        return []
    found = [m for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for m in actors_for(c, work)]
    found = [m for m in found if fits(m)]
    if len(found) != 1:
        return []
    twin = found[0].at(pronoun.text, pronoun.idx, pronoun.idx + len(pronoun), pronoun.i)
    twin.name = found[0].name or found[0].text
    return [twin]


def _pronoun_fits(word: str):
    """The test an antecedent of the possessive ``word`` must pass, or None for another word."""
    cues = load_cues()
    if word in cues.person_pronouns:
        return lambda m: m.kind == "person"
    if word in cues.thing_pronouns:
        return lambda m: m.kind in ("organisation", "country", "agent", "group") and not m.plural
    if word in cues.plural_pronouns:
        return lambda m: m.plural or m.kind in ("organisation", "country", "group", "agent")
    return None


OWNED_GATHERING_TYPES = VENUE_TYPES | {"RETREAT"}
"""Events whose noun, owned by a body, names a gathering of it ("the G7 meeting", "an IMF summit",
"the Republican retreat") more often than an act it did."""


def noun_owner(noun: Token, work: Work, event_type: str) -> list[ActorMention]:
    """"the FBI investigation", "a Canadian police inquiry": the actors stage codes such a phrase as
    a body owned by a known actor (method ``owner:``) at the event noun itself; the body is the
    noun's doer, named by the words before the noun. Only a body with a sector: a country or place
    before the noun ("the Gaza attack", "the Iran talks") is as often whom the act is done to; and
    not for a gathering (``OWNED_GATHERING_TYPES``)."""
    found: list[ActorMention] = []
    if event_type in OWNED_GATHERING_TYPES:
        return found
    for mention in work.actors_at.get(noun.i, []):
        if not mention.method.startswith("owner:") or not mention.sector:
            continue
        words = [t for t in work.doc[noun.left_edge.i:noun.i] if t.dep_ not in ("det", "punct", "poss")]
        if not words:
            continue
        found.append(mention.at(work.doc[words[0].i:noun.i].text, words[0].idx,
                                words[-1].idx + len(words[-1]), words[-1].i))
    return found


def inquired_person(modifier: Token, noun: Token, work: Work) -> bool:
    """"the Clinton email investigation", "the FBI's Hillary Clinton probe": a person named as the
    modifier of an inquiry noun (``inquiry_nouns``; the actors stage codes such a name on its own)
    is whom the inquiry looks into, its target, not its doer as a body so named is ("the FBI
    investigation")."""
    return modifier.dep_ == "compound" and noun.lemma_.lower() in load_actor_cues().inquiry_nouns \
        and any(m.kind == "person" for m in work.actors_at.get(modifier.i, []))


# --------------------------------------------------------------------------- whom a reported clause
# names

REPORTED_TYPES = frozenset({"ACCUSE", "REQUEST"})
"""Acts told with a clause of what is said ("warned that X was planning cuts", "alleged that X
lied", "demanded that X resign"): the clause's doer is the one accused or asked."""
FIRST_PERSON = frozenset({"i", "we", "me", "us"})


def reported_subject(verb: Token, work: Work, event_type: str, source: list[ActorMention]) -> list[ActorMention]:
    """"Mr Brown warned that the Tories were planning cuts", "prosecutors allege that the firm's
    executives ran a fraud", "demanded that the minister resign": an accusation or a demand told
    with a finite clause of what is said names whom it is about or addressed to as that clause's
    subject, as the guideline codes "X said Y was lying" (ACCUSE X->Y). For an accusation told in
    the passive the doer is the clause's "by" phrase ("claimed they were beaten by police"); the one
    the passive is done to is a victim, not the accused, and is never read. The speaker himself
    ("warned that he would quit", "said we had erred") is not his own target, so pronouns count
    only when they resolve to someone else, and "it" never ("charged it was a brazen act")."""
    if event_type not in REPORTED_TYPES:
        return []
    own = {m.key for m in source}
    found: list[ActorMention] = []
    for clause in verb.children:
        if clause.dep_ != "ccomp" or not _finite_clause(clause) or any(
                c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
            continue
        for c in clause.children:
            if c.dep_ == "nsubj":
                found += [m for m in actors_for(c, work) if not _speaker(m, c, own)]
            elif c.dep_ == "agent" and event_type == "ACCUSE":
                found += actors_in_pobjs(c, work)
        if found:
            break
    return found


def _finite_clause(clause: Token) -> bool:
    """Whether a complement is a clause with a verb: a verb, or a word the tagger took for a noun
    that has a subject and a "that" of its own ("demanded that the minister resign": the bare
    subjunctive verb is often tagged a noun)."""
    if clause.pos_ in ("VERB", "AUX"):
        return True
    return any(c.dep_ == "nsubj" for c in clause.children) and any(
        c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def _speaker(mention: ActorMention, word: Token, own: set[str]) -> bool:
    """Whether a clause's subject is (or may be) the speaker: the same actor, a first-person
    pronoun, or a pronoun known only by its country (``GUESSED_METHODS``)."""
    if mention.key in own:
        return True
    return word.pos_ == "PRON" and (word.lower_ in FIRST_PERSON or word.lower_ in load_cues().thing_pronouns
                                    or mention.method in GUESSED_METHODS)  # "charged it was a ruse"


def raised_object(verb: Token, work: Work) -> list[ActorMention]:
    """"Police arrested and charged X", "gunmen shot and killed two guards": two acts done to
    people, told back to back, share the object of the second (the parser hangs it there only).
    Read only for a verb with no object of its own, followed at once by "and"/"or" and the other
    verb, which has no subject of its own (the caller asks only for acts done to people, which
    are seldom told without an object: "resigned and blamed X" is not one)."""
    doc = verb.doc
    if any(c.dep_ in ("dobj", "obj", "dative", "iobj", "ccomp", "xcomp") for c in verb.children):
        return []
    if verb.i + 2 >= len(doc) or doc[verb.i + 1].lower_ not in ("and", "or"):
        return []
    other = doc[verb.i + 2]
    if other.dep_ != "conj" or other.head.i != verb.i or other.pos_ != "VERB" \
            or any(c.dep_ in ("nsubj", "nsubjpass", "auxpass") for c in other.children):
        return []
    return [m for c in other.children if c.dep_ in ("dobj", "obj") for m in actors_for(c, work, descend_of=True)]


def without_venues(found: list[ActorMention], event_type: str, work: Work) -> list[ActorMention]:
    """``found`` without the places named on an occasion noun (``occasion_nouns``): "backed the
    plan at a summit in Madrid" is not done to Spain. A meeting itself (``VENUE_TYPES``) keeps the
    place, as it is often whom the visitor meets ("will hold talks in Beijing")."""
    if event_type in VENUE_TYPES:
        return found
    occasions = load_actor_cues().occasion_nouns
    kept = []
    for m in found:
        head = work.doc[m.head_i] if 0 <= m.head_i < len(work.doc) else None
        if m.kind in PLACE_KINDS and head is not None and head.dep_ == "pobj" \
                and head.head.head.lemma_.lower() in occasions:
            continue
        kept.append(m)
    return kept


# --------------------------------------------------------------------------- "attacked his policies"

def owned_targets(verb: Token, work: Work, preps: set[str], source: list[ActorMention], *,
                  named: bool = False) -> list[ActorMention]:
    """"Labour attacked his policies", "called for her resignation", "criticised their record": an
    act aimed at what someone owns, says or does is aimed at them, as PLOVER codes it; the one a
    possessive pronoun on the verb's object (or on the object of one of its target ``preps``) means
    (``Work.owners_at``, resolved by the actors stage) is the target. Not when the object names
    people of its own ("shot his wife", "attacked his critics": they are the ones it lands on), and
    read only when the clause names no other target (the caller's choice). A pronoun that means
    the source itself ("Smith apologised for his remarks") gives none, so the rules after this
    one still read the clause. With ``named``, for an event noun ("the FBI's probe into Clinton's use
    of a server", "a critique of Obama's strategy"), a named owner counts too: a noun's phrase is
    not read inside for actors as a verb's object is (``_inner_targets``)."""
    cues = load_cues()
    people = cues.unnamed_people | cues.generic_people | cues.group_nouns | load_actor_cues().unnamed_doers
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    objects += [o for p in verb.children if p.dep_ == "prep" and p.lower_ in preps
                for o in p.children if o.dep_ == "pobj"]
    found: list[ActorMention] = []
    for obj in objects:
        if obj.i in work.actors_at or obj.lemma_.lower() in people:
            continue
        found += [m for c in obj.children if c.dep_ == "poss"
                  for m in work.owners_at.get(c.i, []) or (work.actors_at.get(c.i, []) if named else [])]
    own = {m.key for m in source}
    return [m for m in found if m.key not in own]


# --------------------------------------------------------------------------- whose people a state holds

def held_people_of_state(target: list[ActorMention], source: list[ActorMention], cameo: str | None,
                         lemma: str | None, sent, work: Work) -> list[ActorMention]:
    """"Toronto police arrested Marla Whitcomb", "Ohio prosecutors charged Harlan Pruett", "he was
    released on bail": the people a state's authorities arrest, charge, convict or release
    (``knowledge.acts.state_action``) are, unless the text says otherwise, people
    in that state's hands, and readers and PLOVER's coders give them its country. So a target the
    knowledge base lacks (no country, no sector: a name or people the actors stage could not place,
    in a story of no single country) takes the country of the state that acts (a source of a state
    sector, ``state_staff_sectors``, or the unnamed state of :func:`implicit_state`); a target with a
    sector ("pirates", CRM; "foreign suspects") or a country of its own keeps what it has, and so
    does everyone where the sentence ``sent`` names another country (:func:`named_countries`: "arrested
    X, who had flown in from Canada" may hold a Canadian), as the actors stage leaves such a person
    unknown. Copies: the mention itself serves other events of the sentence."""
    if not state_action(cameo, lemma):
        return target
    held = [not (m.country or m.sector or m.kind in PLACE_KINDS or not m.text) for m in target]
    sectors = load_cues().state_staff_sectors
    states = {m.country for m in source if m.country and m.country not in ("IGO", "NGO")
              and (m.kind == "state" or m.sector in sectors)}
    if not any(held) or len(states) != 1 or named_countries(sent, work) - states:
        return target  # the sentence's countries are read only for an act that could give one
    country = next(iter(states))
    return [dataclasses.replace(m, country=country, method=m.method + "+held-by-state") if takes else m
            for m, takes in zip(target, held)]


def named_countries(sent, work: Work) -> set[str]:
    """The countries a sentence names as countries, their people or places in them ("from Canada",
    "Kenyans", "in Boston"): evidence that a person in it may be of another country than the one the
    sentence's state acts for."""
    return {m.country for m in work.mentions if m.country and m.kind in ("country", "group", "place")
            and m.country not in ("IGO", "NGO") and sent.start <= m.head_i < sent.end}
