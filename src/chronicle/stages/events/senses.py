"""Senses told apart by the shape of the clause: the ``when``/``unless`` conditions of the lexicon.

A word list cannot tell "Trump fired Flynn" (a dismissal) from "troops fired on the crowd" (a
shooting), nor "the IMF warned that the crisis could spread" (a forecast) from "Iran warned it would
close the strait" (a threat): the difference is what the verb's object or complement is. Each
condition below reads one such shape off the parse; the lexicon entry names the conditions under
which its sense applies (``when``: one of them must hold) or does not (``unless``). Their meanings
are listed in :data:`chronicle.knowledge.lexicon.SENSE_CONDITIONS`.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from chronicle.knowledge.cues import load_cues
from chronicle.knowledge.gazetteer import Gazetteer
from chronicle.knowledge.lexicon import Lexicon
from chronicle.record import Work
from chronicle.syntax.tree import answering_verb

OBJECT_DEPS = ("dobj", "obj", "dative", "iobj")
PERSON_ENTITIES = ("PERSON",)
ACTOR_ENTITIES = ("PERSON", "ORG", "GPE", "NORP")
FORCE_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "THREATEN"})
"""An act of force or pressure announced in a warning makes it a threat, whoever is to do it."""
NOT_ASKED = frozenset({"it", "this", "that", "there", "everything", "something", "nothing"})
ANNOUNCING_MODALS = frozenset({"will", "would", "shall", "'ll", "'d", "’ll", "’d", "wo"})  # curly contractions too


def holds(condition: str, token: Token, work: Work | None, lexicon: Lexicon) -> bool:
    """Whether the named sense condition holds of ``token`` (a trigger candidate)."""
    return CONDITIONS[condition](token, work, lexicon)


def _with_conjuncts(tokens: list[Token]) -> list[Token]:
    return tokens + [c for t in tokens for c in t.conjuncts if c.i > t.i]


def _is_actor(token: Token, work: Work | None) -> bool:
    if work is not None and work.actors_at.get(token.i):
        return True
    cues = load_cues()
    return token.ent_type_ in ACTOR_ENTITIES or token.lower_ in cues.object_pronouns


def addressee(token: Token, work: Work | None, lexicon: Lexicon) -> bool:
    """"warned Moscow that ...", "warned him", "offered the US a regiment", "offered to the US": the
    verb is addressed to someone."""
    objects = [c for c in token.children if c.dep_ in OBJECT_DEPS]
    objects += [p for c in token.children if c.dep_ == "prep" and c.lower_ == "to" for p in c.children if p.dep_ == "pobj"]
    return any(_is_actor(o, work) for o in _with_conjuncts(objects))


def to_infinitive(token: Token, work: Work | None, lexicon: Lexicon) -> bool:
    """"offered to mediate", "offered to send troops": the verb governs an act it commits to."""
    return any(c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
               for c in token.children)


def transitive(token: Token, work: Work | None, lexicon: Lexicon) -> bool:
    """"returned the artefacts" (something is handed back), not "returned to the Pentagon"."""
    return any(c.dep_ in ("dobj", "obj", "nsubjpass") for c in token.children)


def own_object(token: Token, work: Work | None, lexicon: Lexicon) -> bool:
    """"defended its actions", "defended his criticism": the object is the subject's own doing."""
    cues = load_cues()
    pronouns = cues.refer_back_pronouns | cues.speaker_pronouns
    for obj in (c for c in token.children if c.dep_ in ("dobj", "obj")):
        owner = _possessor(obj)
        while owner is not None and owner.lower_ not in pronouns:
            owner = _possessor(owner)  # "his party's posters"
        if owner is not None:
            return True
    return False


def _possessor(token: Token) -> Token | None:
    return next((c for c in token.children if c.dep_ == "poss"), None)


def opinion(token: Token, work: Work | None, lexicon: Lexicon) -> bool:
    """"agreed that bomb makers usually leave evidence", "agrees with X that we should respect":
    sharing a view, not agreeing to act; "agreed that elections would be held" commits to an act."""
    clauses = [c for c in token.children if c.dep_ == "ccomp"]
    if not clauses or any(c.dep_ == "xcomp" for c in token.children):
        return False
    return not any(a.dep_ == "aux" and a.lower_ in ANNOUNCING_MODALS for c in clauses for a in c.children)


def person_object(token: Token, work: Work | None, lexicon: Lexicon) -> bool:
    """"fired Flynn", "fired his adviser", "Strzok has been fired", "Flynn, whom he fired", "Strzok's
    firing": the one acted on is a person."""
    cues = load_cues()
    objects = _with_conjuncts([c for c in token.children if c.dep_ in ("dobj", "obj", "nsubjpass")])
    if token.dep_ == "relcl" and any(o.tag_ in ("WP", "WDT") for o in objects):
        objects.append(token.head)  # "Flynn, whom he fired": the relative pronoun stands for Flynn
    objects += [c for c in token.children if c.dep_ == "poss" and c.pos_ == "PROPN"]  # "Strzok's firing"
    for obj in objects:
        if obj.ent_type_ in PERSON_ENTITIES or obj.lower_ in cues.object_pronouns - {"it", "them", "us"}:
            return True
        if obj.lemma_.lower() in cues.person_role_nouns:
            return True
        if work is not None and any(m.kind == "person" for m in work.actors_at.get(obj.i, [])):
            return True
    return False


def own_act(token: Token, work: Work | None, lexicon: Lexicon) -> bool:
    """"Iran warned it would close the strait", "warned that the army would use force": the
    complement announces what the speaker (a pronoun, or the subject itself) will do, or an act of
    force; "warned that the crisis could spread" and "warned that it would be an insult" do not."""
    subjects = {c.lemma_.lower() for c in token.children if c.dep_ in ("nsubj", "nsubjpass")}
    cues = load_cues()
    for clause in (c for c in token.children if c.dep_ in ("ccomp", "xcomp")):
        if clause.lemma_.lower() == "be" and not any(c.lower_ in ("ready", "prepared") for c in clause.children):
            continue
        announced = any(c.dep_ == "aux" and c.lower_ in ANNOUNCING_MODALS for c in clause.children) \
            or any(c.lower_ in ("ready", "prepared") for c in clause.children)
        if not announced:
            continue
        if _force_in(clause, lexicon) and not _abstract_doer(clause):
            return True
        for subject in (c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")):
            lemma = subject.lemma_.lower()
            if lemma in subjects or subject.lower_ in cues.refer_back_pronouns:
                return True
    return False


def _abstract_doer(clause: Token) -> bool:
    """"warned that his budget would hurt pensioners": the one said to do the harm is a policy or a
    text, so the warning is criticism of it, not a threat of force."""
    words = load_cues().abstract_nouns
    return any(c.dep_ in ("nsubj", "csubj") and c.lemma_.lower() in words for c in clause.children)


def _announced_acts(clause: Token) -> list[Token]:
    """The act a complement announces: its verb, the verbs chained to it ("would come and destroy",
    "would try to attack", "was ready to use force to defend") and their objects ("use force"); not what modifies those objects
    ("would not forgive anybody fuelling speculation": the fuelling is not announced)."""
    acts = [clause]
    for child in clause.children:
        if child.dep_ in ("xcomp", "conj", "acomp") or child.dep_ == "advcl" and _to_infinitive(child):
            acts += _announced_acts(child)  # "was ready to use nuclear weapons to defend", not "if it failed"
        elif child.dep_ in ("dobj", "obj"):
            acts.append(child)
    return acts


def _force_in(clause: Token, lexicon: Lexicon) -> bool:
    for t in _announced_acts(clause):
        if t.pos_ in ("VERB", "NOUN") and lexicon.types_of(t) & FORCE_TYPES:
            return True
        if t.lemma_.lower() == "force" and t.dep_ in ("dobj", "obj"):
            return True  # "would use force"
    return False


def predicate_noun(token: Token, work: Work | None, lexicon: Lexicon) -> bool:
    """"radical Islam is a grave threat to the US", "posed a threat to UKIP", "is a powerful
    indictment of": the noun classes something; nobody did anything."""
    if token.pos_ != "NOUN":
        return False
    head = token.head
    if token.dep_ == "attr" and head.lemma_.lower() in ("be", "become", "remain"):
        return True
    return token.dep_ in ("dobj", "obj") and head.lemma_.lower() in load_cues().classing_verbs


def habitual(token: Token, work: Work | None, lexicon: Lexicon) -> bool:
    """"the Lib Dems support higher taxes", "Republicans oppose the plan", "a group which supports
    gun control": a standing position in the simple present, with no actor acted on."""
    if token.tag_ not in ("VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") for c in token.children):
        return False
    first = token
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head  # "stands with the UK and supports its decision": the first of the verbs
    if first.dep_ == "ccomp" and first.head.tag_ in ("VBZ", "VBP") \
            and first.head.lemma_.lower() in load_cues().reporting_verbs:
        return False  # "the White House says it supports the decision": today's statement, news
    objects = _with_conjuncts([c for c in token.children if c.dep_ in ("dobj", "obj")])
    policies = load_cues().abstract_nouns  # "Republicans support Obama's trade plan": the plan, not Obama
    return not any(_is_actor(o, work) and o.lemma_.lower() not in policies for o in objects)


ABOUT_PREPS = ("on", "against", "over", "of", "about", "at")


def abstract_object(token: Token, work: Work | None, lexicon: Lexicon) -> bool:
    """"attacked the policy", "fought against the bill", "targeting the rights of", "a war over the
    budget", "policy attacks": what is fought is a policy, a text or a right (or an act or a question:
    "fought against protecting marriage", "battled over which party would cut taxes"), so the fight is
    one of words (or none), not force. Only the heads of the objects count ("an attack on the election
    commission office" is on an office)."""
    words = load_cues().abstract_nouns
    if token.pos_ == "NOUN":
        heads = [c for c in token.children if c.dep_ in ("compound", "amod", "nmod")]
    else:
        heads = [c for c in token.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
    about = [c for c in token.children if c.dep_ == "prep" and c.lower_ in ABOUT_PREPS]
    heads += [p for c in about for p in c.children if p.dep_ == "pobj"]
    if any(p.dep_ == "pcomp" for c in about for p in c.children):
        return True  # "battling over which will cut taxes", "fought against protecting marriage": over an act or a question
    return any(h.lemma_.lower() in words or h.lower_ in words for h in _with_conjuncts(heads))


def political_speaker(token: Token, work: Work | None, lexicon: Lexicon) -> bool:
    """"Rep. Conaway attacked Schiff", "the GOP attacked the president", "Perry's attacks on Obama":
    parties, legislators, courts, the press and NGOs attack with words; their attacks are criticism."""
    if work is None:
        return False
    sectors = load_cues().speaking_sectors
    if token.pos_ == "NOUN":
        agents = [c for c in token.children if c.dep_ == "poss"]
    else:
        agents = [c for c in token.children if c.dep_ in ("nsubj",) and c.tag_ not in ("WP", "WDT")]
    active = any(c.dep_ == "nsubj" and c.tag_ in ("WP", "WDT") for c in token.children) or token.tag_ == "VBG"
    if not agents and token.dep_ in ("relcl", "acl") and active:
        agents = [token.head]  # "Democrats, who have been fighting to ...", "parties battling over ..."
    if not agents and token.dep_ == "xcomp" and token.pos_ == "VERB":
        # "Sanders said he would continue to fight ...", "Republicans vowed to fight ...": the subject
        # of the governing verb does the fighting
        agents = [c for c in token.head.children if c.dep_ == "nsubj" and c.tag_ not in ("WP", "WDT")]
    inner = {t.i for t in token.subtree} if token.head in agents else set()  # not the clause's own actors
    mentions = [m for a in _with_conjuncts(agents) for t in a.subtree if t.i not in inner
                for m in work.actors_at.get(t.i, [])]
    return bool(mentions) and all(m.sector in sectors for m in mentions)


def plain_departure(token: Token, work: Work | None, lexicon: Lexicon) -> bool:
    """"Ms Lauten had resigned as communications director", "X announced his resignation", "following
    X's resignation": a departure told with no pressure behind it. Not "resigned after weeks of
    protests", "declined to resign", "forced to resign", "prompted the resignation of", "calls for
    his resignation": those are concessions, refusals or demands."""
    cues = load_cues()
    if any(c.dep_ == "prep" and c.lower_ in cues.pressure_preps for c in token.children):
        return False
    if _leader_leaves(token, cues):
        return False  # "resigned as prime minister of Zambia": a change of leadership (CAMEO 0831)
    if any(c.dep_ == "advcl" and any(m.dep_ in ("mark", "prep") and m.lower_ in cues.pressure_preps
                                     for m in c.children) for c in token.children):
        return False
    if token.pos_ == "VERB":
        governed = token.dep_ in ("xcomp", "ccomp") or any(
            c.dep_ == "neg" or (c.dep_ == "aux" and c.tag_ == "MD") for c in token.children)
        return not governed
    head = token.head.head if token.dep_ == "pobj" else token.head
    return head.lemma_.lower() not in cues.pressing_verbs


def _leader_leaves(token: Token, cues) -> bool:
    """Whether the one who resigns is a head of state or government: the subject, the possessor of
    a "resignation", or the office after "as" ("resigned as prime minister")."""
    holders = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass", "poss")]
    holders += [p for c in token.children if c.dep_ == "prep" and c.lower_ in ("as", "of")
                for p in c.children if p.dep_ == "pobj"]
    return any(t.lemma_.lower() in cues.leader_words for h in holders for t in h.subtree)


def asks_to_act(token: Token, work: Work | None, lexicon: Lexicon) -> bool:
    """"asked ministers to reopen talks", "wants Congress to overturn the law", "calls for the
    president to resign", "calls on X to ...", "appealed to X to ...": someone is asked to do something. Not "asked about
    the report", "wants to stay" (the subject's own wish), "wants the issue to go away" (no one is
    asked), nor the reporter's "Asked if the plan would change, X said ..."."""
    if token.tag_ == "VBN" and token.dep_ in ("advcl", "ROOT") \
            and not any(c.dep_ in ("nsubj", "nsubjpass", "auxpass", "aux") for c in token.children):
        return False
    clauses = [c for c in token.children if c.dep_ in ("xcomp", "ccomp", "advcl", "acl")
               and c.pos_ in ("VERB", "AUX") and _to_infinitive(c)]
    if not clauses:
        return False
    asked = [c for c in token.children if c.dep_ in OBJECT_DEPS and c.pos_ in ("NOUN", "PROPN", "PRON")]
    asked += [s for c in clauses for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
    asked += [p for c in token.children if c.dep_ == "prep" and c.lower_ in ("on", "upon", "to")
              for p in c.children if p.dep_ == "pobj"]  # "appealed to the rebels to free the hostages"
    return any(_can_act(a, work) for a in asked)


def _can_act(token: Token, work: Work | None) -> bool:
    """Someone who can be asked to act: an actor, a person's pronoun, or a noun for people."""
    if token.lower_ in NOT_ASKED:
        return False  # "I want it to happen": what should happen, no one asked
    if token.pos_ == "PRON" or _is_actor(token, work):
        return True
    cues = load_cues()
    lemma = token.lemma_.lower()
    return lemma in cues.person_role_nouns or lemma in cues.generic_people or lemma in cues.unnamed_people \
        or token.lower_ in cues.member_nouns


def _to_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def asks_for(token: Token, work: Work | None, lexicon: Lexicon) -> bool:
    """"calls for an inquiry", "calls on the government", "a call for the president to resign":
    an appeal names what or whom it asks (not "a phone call", "a close call", "the call of the wild")."""
    if any(c.dep_ == "prep" and c.lower_ in ("for", "on", "upon") for c in token.children):
        return True
    if token.pos_ == "NOUN" and any(c.dep_ in ("acl", "relcl") and _to_infinitive(c) for c in token.children):
        return True  # "calls by critics to veto the bill", "prompted calls to boycott the firm"
    if token.pos_ == "NOUN" and token.dep_ in ("dobj", "obj") and any(  # "resisted calls for him to go"
            c.dep_ == "advcl" and c.left_edge.i == token.i + 1 and c.left_edge.lower_ == "for"
            for c in token.head.children):
        return True
    return asks_to_act(token, work, lexicon) or any(
        c.dep_ in ("advcl", "acl") and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
        for c in token.children)


STATE_SECTORS = frozenset({"GOV", "MIL", "IGO"})
"""Who gives aid when they help: governments, armed forces, international bodies (and countries)."""


def helps_along(token: Token, work: Work | None, lexicon: Lexicon) -> bool:
    """"helped them find information", "help raise awareness", "to help keep the site running": the
    verb governs another act, which is what is done; but not when a state helps ("sent troops to
    Lebanon to help the country patrol its borders": aid)."""
    if not any(c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX") for c in token.children):
        return False
    return not _state_helper(token, work)


def _state_helper(token: Token, work: Work | None) -> bool:
    """Whether the subject of the verb (or of the clause it is the purpose of) is a state."""
    if work is None:
        return False
    return any(m.kind == "country" or m.sector in STATE_SECTORS for m in _clause_subjects(token, work))


def _clause_subjects(token: Token, work: Work) -> list:
    """The actors of the nearest subject: the verb's own, else that of the clause it completes or is
    the purpose of, climbing at most four steps; [] when none is found."""
    node = token
    for _ in range(4):
        subjects = [c for c in node.children if c.dep_ == "nsubj"]
        if subjects:
            return _mentions_in(subjects, work)
        if node.dep_ not in ("xcomp", "advcl", "conj", "ccomp", "pcomp", "pobj", "prep", "acomp") \
                or node.head.i == node.i:
            return []
        node = node.head
    return []


def _mentions_in(tokens: list[Token], work: Work) -> list:
    """Every actor mention inside the phrases headed by ``tokens``."""
    return [m for a in tokens for t in a.subtree for m in work.actors_at.get(t.i, [])]


def private_helper(token: Token, work: Work | None, lexicon: Lexicon) -> bool:
    """"Both men credited Felt for helping them", "he was helped by the release of party emails",
    "food was needed to help seven million people": help is aid (PLOVER AID, material or services
    given to another actor) only when a state, an armed force, an international body or an aid
    agency gives it (``aid_giver_sectors``; "Japan helped Indonesia", "the UN is helping refugees",
    "sent troops to help the country patrol its borders"); a person's or a firm's help, and help
    whose giver the sentence does not name, is not."""
    if work is None:
        return False
    sectors = load_cues().aid_giver_sectors
    return not any(m.kind == "country" or m.sector in sectors for m in _helpers(token, work))


def _helpers(token: Token, work: Work) -> list:
    """The actors who help: the passive's agent ("was helped by X"), else the subject of the verb
    or of the clause it completes or is the purpose of (``_clause_subjects``)."""
    agents = [p for c in token.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    return _mentions_in(agents, work) if agents else _clause_subjects(token, work)


def currency_itself(token: Token, work: Work | None, lexicon: Lexicon) -> bool:
    """"Greenspan's speech sent the dollar higher", "the data gave the euro a lift": a currency named
    with "the" and no sum is the currency itself, whose value moves; "sent $5m", "gave 10 million
    dollars", "sent dollars to the rebels" are money given."""
    words = load_cues().currency_nouns
    objects = [c for c in token.children if c.dep_ in OBJECT_DEPS]
    return any(o.lemma_.lower() in words and o.tag_ == "NN" and any(d.dep_ == "det" and d.lower_ == "the" for d in o.children)
               and not any(d.dep_ in ("nummod", "quantmod", "compound") for d in o.children)
               for o in _with_conjuncts(objects))


def home_funding(token: Token, work: Work | None, lexicon: Lexicon) -> bool:
    """"the Senate acted to fund the government", "the easiest way to fund the deficit", "they will
    fund border security but not the wall": funding that names no one else to receive it (no actor
    as object or after "to"/"for"), or only bodies of the funder's own country, is a budget, not
    aid given to another actor (PLOVER AID); "Washington funds the Afghan army", "the EU will
    finance Greece" name the one aided."""
    if work is None:
        return False
    objects = [c for c in token.children if c.dep_ in OBJECT_DEPS]
    objects += [p for c in token.children if c.dep_ == "prep" and c.lower_ in ("to", "for")
                for p in c.children if p.dep_ == "pobj"]
    got = _mentions_in(_with_conjuncts(objects), work)
    if not got:
        return True
    own = {m.country for m in _helpers(token, work) if m.country}
    return bool(own) and all(m.country in own for m in got)


def campaign_gift(token: Token, work: Work | None, lexicon: Lexicon) -> bool:
    """"The PAC donated $24,500 to the senator's re-election campaign", "a donation to his presidential
    campaign": money given to an election campaign (``campaign_words`` in what receives it) is
    political funding, which PLOVER's AID (material help to an actor) does not cover; "donated $1m to
    the Red Cross" and "contributed troops to the UN mission" are aid."""
    words = load_cues().campaign_words
    holders = [token, token.head] if token.pos_ == "NOUN" and token.dep_ in OBJECT_DEPS else [token]
    received = [p for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in ("to", "for")
                for p in c.children if p.dep_ == "pobj"]  # "made donations to his campaign"
    return any(t.lemma_.lower() in words for r in _with_conjuncts(received) for t in r.subtree)


def behest(token: Token, work: Work | None, lexicon: Lexicon) -> bool:
    """"trains Iraqi pilots at the request of Iraq's government", "on the request of the court": the
    noun says on whose word the main act is done, an earlier act it only refers to."""
    return token.pos_ == "NOUN" and token.dep_ == "pobj" and token.head.lower_ in ("at", "on", "upon") \
        and any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)


ANSWER_TYPES = frozenset({"REJECT", "CONCEDE", "AGREE", "SUPPORT", "RETREAT"})


def answered(token: Token, work: Work | None, lexicon: Lexicon) -> bool:
    """"rejected a request from X", "granted the request", "the request was turned down": the noun
    names an earlier act that the sentence's event answers; the answer is the news."""
    if token.pos_ != "NOUN" or token.dep_ not in ("dobj", "obj", "nsubjpass"):
        return False
    head = token.head
    return head.pos_ == "VERB" and bool(lexicon.types_of(head) & ANSWER_TYPES)


def possessed(token: Token, work: Work | None, lexicon: Lexicon) -> bool:
    """"she had the support of enough delegates", "the bill has broad support from charities":
    backing someone holds or is found to have, a state of affairs, not an act of endorsing
    (``holding_verbs``), or how much of it there is ("a drop in support for", ``measure_nouns``);
    "pledged its support to X" and "expressed support for X" are acts. So is a record held: "had
    prior arrests", "has previous convictions" tell a person's past, not an arrest or verdict of now."""
    cues = load_cues()
    if token.pos_ != "NOUN":
        return False
    if token.dep_ == "pobj" and token.head.lower_ in ("in", "of") \
            and token.head.head.lemma_.lower() in cues.measure_nouns:
        return True  # "an erosion in Jewish support for the president": a level measured, not an act
    return token.dep_ in ("dobj", "obj") and token.head.lemma_.lower() in cues.holding_verbs


def poll_share(token: Token, work: Work | None, lexicon: Lexicon) -> bool:
    """"earned 10 percent support", "six percent support among caucus-goers": a share of a poll, a
    figure, not anyone's act of backing."""
    return token.pos_ == "NOUN" and any(
        t.lower_ in ("percent", "per", "%", "points") for c in token.children
        if c.dep_ in ("compound", "amod", "nmod", "nummod", "quantmod") for t in c.subtree)


def topic_only(token: Token, work: Work | None, lexicon: Lexicon) -> bool:
    """"Kiir talked of Sudan's pending invasion", "the minister talked about jobs": what was talked
    of, with no one talked with (a "with"/"to" phrase or an object): a statement, not a meeting."""
    preps = {c.lower_ for c in token.children if c.dep_ == "prep"}
    has_object = any(c.dep_ in OBJECT_DEPS for c in token.children)
    return bool(preps & {"of", "about"}) and not preps & {"with", "to"} and not has_object


def stance(token: Token, work: Work | None, lexicon: Lexicon) -> bool:
    """"O'Malley has also opposed the deal", "Republicans have consistently supported the effort",
    "the US, which is opposed to ending the ban": a position held (a perfect with no time named, or
    "is opposed to"), which the real-news adjudication codes as none; "opposed the bill on Monday",
    "has opposed the plan since Tuesday", backing of an actor ("has supported the rebels") and a
    state's policy ("France has opposed the resolutions") are news."""
    if token.pos_ != "VERB" or token.tag_ != "VBN":
        return False
    auxes = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    if any(a.dep_ == "auxpass" for a in auxes):
        return any(c.dep_ == "prep" and c.lower_ == "to" for c in token.children)
    if not any(a.lemma_.lower() == "have" for a in auxes):
        return False
    if any(_is_actor(o, work) for o in _with_conjuncts([c for c in token.children if c.dep_ in ("dobj", "obj")])):
        return False  # "the US has supported the Burmese people": backing given to an actor
    if _state_subject(token, work):
        return False  # "France has opposed the resolutions": a state's policy is diplomacy, an act
    return not any(t.ent_type_ in ("DATE", "TIME") for c in token.children
                   if c.dep_ in ("npadvmod", "prep", "advmod", "tmod") for t in c.subtree)


def retort(token: Token, work: Work | None, lexicon: Lexicon) -> bool:
    """"Trump fired back on Twitter", "she fired back at her critics": a person answers someone's
    words (``back``); "troops fired back" is still shooting."""
    if work is None or not any(c.lower_ == "back" and c.dep_ in ("prt", "advmod") and c.i == token.i + 1
                               for c in token.children):
        return False
    return any(_person(c, work) for c in token.children if c.dep_ == "nsubj")


def _state_subject(token: Token, work: Work | None) -> bool:
    """Whether the verb's subject is a state: a country, a government, armed forces or an
    international body (not a person who holds office: "Rubio has opposed" is his record)."""
    if work is None:
        return False
    heads = [token, *(a for a in token.children if a.dep_ == "aux")]  # the parser may hang it on "have"
    mentions = [m for h in heads for c in h.children if c.dep_ == "nsubj"
                for t in c.subtree for m in work.actors_at.get(t.i, [])]
    return any(m.kind == "country" or m.kind != "person" and m.sector in STATE_SECTORS for m in mentions)


QUARREL_SECTORS = frozenset({"GOV", "PTY", "LEG", "JUD", "ELI"})
"""People whose attacks on one another are words: office-holders, politicians, judges."""


def person_quarrel(token: Token, work: Work | None, lexicon: Lexicon) -> bool:
    """"Trump attacked Clinton", "Perry's attacks on Obama", "his attack on Mr Blair", "Biden made an
    attack on Trump": a person attacks a person and one of them holds political office; between such
    people an attack is criticism (a physical one is told with its weapon or wounds)."""
    if work is None:
        return False
    if token.pos_ == "NOUN":
        agents = [c for c in token.children if c.dep_ == "poss"]
        if token.dep_ in ("dobj", "obj"):
            agents += [c for c in token.head.children if c.dep_ == "nsubj"]  # "made an attack on"
        attacked = [p for c in token.children if c.dep_ == "prep" and c.lower_ in ("on", "against")
                    for p in c.children if p.dep_ == "pobj"]
    else:
        agents = [c for c in token.children if c.dep_ == "nsubj"]
        attacked = [c for c in token.children if c.dep_ in ("dobj", "obj")]
    agents += [p for c in token.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    attackers = [_person(t, work) for t in _with_conjuncts(agents)]
    victims = [_person(t, work) or _home_body(t, agents, work) for t in _with_conjuncts(attacked)]
    attackers, victims = [a for a in attackers if a], [v for v in victims if v]
    return bool(attackers and victims) and any(
        m.sector in QUARREL_SECTORS for m in attackers + victims if m is not True)


def _home_body(token: Token, agents: list[Token], work: Work) -> object:
    """"Trump renewed his attack on his Justice Department", "the senator attacked Congress": a
    person's attack on a government, legislature or court of their own country is one of words;
    an attack on a foreign one may be force. A pronoun attacker ("his attack") is of the story's
    country."""
    mentions = [m for t in token.subtree for m in work.actors_at.get(t.i, []) if m.head_i == token.i]
    own = {m.country for a in agents for t in a.subtree for m in work.actors_at.get(t.i, [])
           if m.kind == "person" and m.country}
    if not own and any(a.pos_ == "PRON" for a in agents):
        own = {work.story_country} - {None}
    return next((m for m in mentions if m.kind != "person" and m.sector in QUARREL_SECTORS
                 and m.country in own), None)


def _person(token: Token, work: Work) -> object:
    """The person mention at ``token`` (its head), True for a personal pronoun, else None."""
    if token.pos_ == "PRON" and token.lower_ in ("he", "she", "his", "her", "him"):
        return True
    for t in token.subtree:
        for m in work.actors_at.get(t.i, []):
            if m.kind == "person" and m.head_i == token.i:
                return m
    return None


def withheld_comment(token: Token, work: Work | None, lexicon: Lexicon) -> bool:
    """"refused to comment on the reports", "refused to answer questions", "her refusal to say where
    she stood": the one who refuses withholds words from the press (``comment_verbs``), which rejects
    no one's proposal. Not "refused to talk with the rebels": talks refused to someone are a rejection."""
    words = load_cues().comment_verbs
    for clause in (c for c in token.children if c.dep_ in ("xcomp", "ccomp", "acl") and _to_infinitive(c)):
        if clause.lemma_.lower() not in words:
            continue
        partners = [p for c in clause.children if c.dep_ == "prep" and c.lower_ in ("with", "to")
                    for p in c.children if p.dep_ == "pobj"]
        partners += [c for c in clause.children if c.dep_ in ("dobj", "obj", "dative")]
        if not any(_is_actor(p, work) for p in _with_conjuncts(partners)):
            return True
    return False


def natural_cause(token: Token, work: Work | None, lexicon: Lexicon) -> bool:
    """"an earthquake killed six people", "were killed by the storm", "the flood that killed 20": the
    doer is a disaster, a disease or an accident (``accident_nouns``), so the deaths are no one's act."""
    words = load_cues().accident_nouns
    doers = [c for c in token.children if c.dep_ in ("nsubj", "csubj")]
    doers += [p for v in _passive_partners(token) for c in v.children if c.dep_ == "agent"
              for p in c.children if p.dep_ == "pobj"]  # "were killed and 200 injured by the quake"
    if token.dep_ == "relcl" and any(c.tag_ in ("WDT", "WP") and c.dep_ == "nsubj" for c in token.children):
        doers.append(token.head)  # "the flood that killed 20": the noun the clause describes
    if token.dep_ == "acl" and any(c.dep_ in ("dobj", "obj") for c in token.children):
        doers.append(token.head)  # "a storm killing 12 people": the noun does what the verb tells
    if token.dep_ == "advcl" and token.tag_ == "VBG":  # "the virus spread fast, killing 30": its subject
        doers += [c for c in token.head.children if c.dep_ == "nsubj"]
    doers += [c for d in doers for c in d.children if c.dep_ in ("nmod", "compound", "conj")]  # "an earthquake and giant waves"
    return any(d.lemma_.lower() in words for d in doers) or _in_an_accident(token, words)


def _passive_partners(token: Token) -> list[Token]:
    """The verb and the participles coordinated with it, whose "by" agent is the verb's too: "20 were
    killed and 200 injured by the quake" (parsed "injured" on "200", itself a conjunct of "killed")."""
    verbs = [token, *token.conjuncts]
    verbs += [a for c in token.conjuncts for a in c.children if a.dep_ == "acl" and a.tag_ == "VBN"]
    return verbs


def _in_an_accident(token: Token, words: frozenset[str]) -> bool:
    """"six children were killed and 14 trapped when a mosque collapsed": a "when" clause of the
    verb (or of a verb coordinated with it) tells an accident, its verb or its subject an accident
    word (``accident_nouns``); "were killed when a bomb exploded" tells an attack."""
    for verb in [token, *token.conjuncts]:
        for clause in (c for c in verb.children if c.dep_ == "advcl"):
            if not any(m.lower_ == "when" for m in clause.children if m.dep_ in ("advmod", "mark")):
                continue
            subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
            if clause.lemma_.lower() in words or any(s.lemma_.lower() in words for s in subjects):
                return True
    return False


def waged(token: Token, work: Work | None, lexicon: Lexicon) -> bool:
    """"waged war on the rebels", "declared war", "went to war with", "war broke out": a verb of
    starting or waging (``starting_verbs``) acts on the noun, so a war is begun or fought; "the war
    on terror", "Obama's war", "opposition to the war" name a state of affairs or a metaphor."""
    words = load_cues().starting_verbs
    head = token.head
    if token.dep_ == "pobj" and head.lower_ in ("to", "into") and head.head.i != head.i:
        head = head.head  # "went to war", "entered into war"
    elif token.dep_ not in ("dobj", "obj", "nsubj", "nsubjpass"):
        return False
    return head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in words


def campaign_pledge(token: Token, work: Work | None, lexicon: Lexicon) -> bool:
    """"The Tories have promised an upper limit on immigration", "the Lib Dems pledged to scrap
    fees", "Mr Howard's pledge to cut taxes": a party or its candidate promises voters, who are no
    political counterpart (the guideline codes none); "promised Chirac support", "pledged aid to
    Haiti" name whom the promise is made to."""
    if work is None or addressee(token, work, lexicon):
        return False
    cues = load_cues()
    if _at_election(token, cues):
        return True
    if token.pos_ == "NOUN":
        agents = [c for c in token.children if c.dep_ == "poss"]
    else:
        agents = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not agents and token.dep_ == "relcl":
            agents = [token.head]  # "Mr Howard, who has pledged to ...": the noun the clause describes
        elif not agents and token.dep_ in ("advcl", "xcomp", "acomp", "oprd"):
            # "Mr Kennedy is going into the election pledged to raise taxes": the main clause's subject
            agents = [c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    mentions = [m for a in _with_conjuncts(agents) for t in a.subtree for m in work.actors_at.get(t.i, [])]
    return bool(mentions) and all(m.sector in cues.campaign_sectors for m in mentions)


def _at_election(token: Token, cues) -> bool:
    """"promised to cut unemployment when he was elected", "pledged during the campaign to ...", "in
    its manifesto": a promise told as made to win an election is made to voters, whoever makes it
    (a president included). Only a clause or phrase of time or place of the promise counts, not what
    is promised ("pledged to hold elections")."""
    words = cues.campaign_words
    for t in token.subtree:
        if t.dep_ == "advcl" and t.i > token.i and any(w.lemma_.lower() in words for w in t.subtree):
            return True
    return any(c.dep_ == "prep" and c.lower_ in ("during", "in", "on") and p.lemma_.lower() in words
               for c in token.children for p in c.children if p.dep_ == "pobj")


def rival_warning(token: Token, work: Work | None, lexicon: Lexicon) -> bool:
    """"Brown warned that the Tories were planning cuts", "Israeli officials warned that the deal
    would allow Iran to build a bomb": a holder or seeker of office warns about what another
    political actor does, which the real-news guideline codes as criticism of it (ACCUSE). A firm,
    an economist or an agency warning of a slump makes a forecast, and "warned that the US economy
    could slow" names only the speaker's own country: no counterpart, no event. Pronouns in the
    complement are left out: they often stand for the speaker ("warned he had seen complacency"), and
    so is a condition ("warned that if the Commission ignored it, it would be an insult"): what is
    warned of there is the speaker's own view of a case, not an act of the one named."""
    if work is None or addressee(token, work, lexicon):
        return False
    cues = load_cues()
    speakers = [m for c in token.children if c.dep_ == "nsubj" for t in c.subtree for m in work.actors_at.get(t.i, [])]
    if not speakers or not all(m.sector in cues.office_sectors for m in speakers):
        return False
    own_keys = {m.key for m in speakers}
    own_countries = {m.country for m in speakers if m.country}
    for clause in (c for c in token.children if c.dep_ == "ccomp"):
        for t in _unconditional(clause, cues):
            if t.lower_ in cues.refer_back_pronouns:
                continue
            for m in work.actors_at.get(t.i, []):
                home = m.kind == "country" and m.country in own_countries
                if m.sector in cues.office_sectors and m.key not in own_keys and not home:
                    return True
    return False


def others_doing(token: Token, work: Work | None, lexicon: Lexicon) -> bool:
    """"the senator questioned the governor's refusal", "questioned Clinton's judgment": the object is
    owned by a named actor (a possessor no pronoun stands for), so what is questioned is that actor's
    doing and the act is aimed at them; "questioned whether the plan would work" and "questioned his
    own decision" are not."""
    if work is None:
        return False
    cues = load_cues()
    pronouns = cues.refer_back_pronouns | cues.speaker_pronouns
    for obj in (c for c in token.children if c.dep_ in ("dobj", "obj")):
        owner = _possessor(obj)
        if owner is not None and owner.lower_ not in pronouns \
                and any(work.actors_at.get(t.i) for t in owner.subtree):
            return True
    return False


def earlier_promise(token: Token, work: Work | None, lexicon: Lexicon) -> bool:
    """"went back on his pledge to stand down", "repeated his promise", "Obama's pledge to close the
    prison": a promise named by its owner's possessive is one made before, which the sentence looks
    back on (the news of the day is the breaking or repeating of it); "made his pledge at a rally",
    "announced his promise" (``promise_making_verbs``) report the promise itself."""
    if token.pos_ != "NOUN" or not any(c.dep_ == "poss" for c in token.children):
        return False
    node = token.head.head if token.dep_ == "pobj" else token.head
    return node.lemma_.lower() not in load_cues().promise_making_verbs


def _unconditional(clause: Token, cues) -> list[Token]:
    """The words of ``clause`` outside its conditions ("if the Commission ignored the request")."""
    words = [clause]
    for child in clause.children:
        if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in cues.conditional_marks
                                         for m in child.children):
            continue
        words += _unconditional(child, cues)
    return words


def home_visit(token: Token, work: Work | None, lexicon: Lexicon) -> bool:
    """"Mr Kennedy visits Manchester, Leeds and Sheffield this week", "the senator visited Ohio": every place
    visited is a plain place (no government, people or body) of the visitor's own country, so the
    visit is a tour at home, not a meeting with another actor (CONSULT); "Mr Brown visited Kenya" or a
    visit to a church or a union stays one."""
    if work is None:
        return False
    subjects = [m for c in token.children if c.dep_ == "nsubj" for m in work.actors_at.get(c.i, [])]
    home = {m.country for m in subjects if m.country}
    places = _with_conjuncts([c for c in token.children if c.dep_ in ("dobj", "obj")])
    if len(home) != 1 or not places:
        return False
    seen = [_home_place(place, work.actors_at.get(place.i, []), home) for place in places]
    return True in seen and False not in seen  # None: a place the gazetteer does not know ("Torbay")


def _home_place(place: Token, mentions: list, home: set[str]) -> bool | None:
    """A town or region the gazetteer places at home (not the country itself), named by no body or
    person of a sector (the tagger may call "Manchester" a person; a state such as "Ohio" may stand for its
    government, not a capital); None for a proper name the gazetteer does not know."""
    standing = [m for m in mentions if m.sector is not None]
    if place.pos_ != "PROPN" or any(not (m.sector == "GOV" and m.kind == "country") for m in standing):
        return False
    name = " ".join(t.text for t in place.subtree if t.dep_ == "compound" or t.i == place.i)
    found = Gazetteer.load().resolve(name, country_hint=next(iter(home)))
    if found is None:
        return None
    if standing and found.precision != "admin1":
        return False  # "visited Washington" (the capital, its government): maybe a meeting
    return found.country in home and found.precision != "country"


def command_idiom(token: Token, work: Work | None, lexicon: Lexicon) -> bool:
    """"took charge of the response", "led the charge against the bill", "the official in charge of",
    "free of charge": the noun is command, the forefront or a price in a fixed phrase (``command_heads``),
    not a charge laid against anyone."""
    if token.pos_ != "NOUN":
        return False
    head = token.head
    if token.dep_ in ("dobj", "obj", "pobj") and head.lemma_.lower() in load_cues().command_heads:
        return True
    return token.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ == "free"


def unrest_doer(token: Token, work: Work | None, lexicon: Lexicon) -> bool:
    """"Demonstrators occupied the town hall", "students and protesters occupied the ministry": the
    ones who take the place are the people of a protest (``unrest_people``): a sit-in, a protest
    that obstructs (CAMEO 14), not an army taking ground."""
    people = load_cues().unrest_people
    subjects = _with_conjuncts([c for c in token.children if c.dep_ == "nsubj"])
    return any(s.lemma_.lower() in people for s in subjects)


def served_term(token: Token, work: Work | None, lexicon: Lexicon) -> bool:
    """"is serving a ten-year sentence", "received two life sentences": a prison term its subject
    serves or receives (a verb of answering, ``answering_verbs``), the state's act done to them. Not
    "the jurors recommended a life sentence" (only asked for), nor "read the first sentence"."""
    return token.pos_ == "NOUN" and answering_verb(token) is not None


CONDITIONS: dict[str, Callable[[Token, Work | None, Lexicon], bool]] = {
    "addressee": addressee, "own_act": own_act, "person_object": person_object,
    "predicate_noun": predicate_noun, "habitual": habitual, "to_infinitive": to_infinitive,
    "transitive": transitive, "own_object": own_object, "opinion": opinion,
    "abstract_object": abstract_object, "political_speaker": political_speaker,
    "plain_departure": plain_departure, "asks_to_act": asks_to_act, "asks_for": asks_for,
    "helps_along": helps_along, "behest": behest, "private_helper": private_helper,
    "currency_itself": currency_itself, "home_funding": home_funding, "campaign_gift": campaign_gift,
    "answered": answered, "possessed": possessed,
    "topic_only": topic_only, "stance": stance, "person_quarrel": person_quarrel,
    "retort": retort, "poll_share": poll_share,
    "withheld_comment": withheld_comment, "natural_cause": natural_cause, "waged": waged,
    "campaign_pledge": campaign_pledge, "rival_warning": rival_warning,
    "earlier_promise": earlier_promise, "others_doing": others_doing, "home_visit": home_visit, "command_idiom": command_idiom,
    "unrest_doer": unrest_doer, "served_term": served_term,
}
