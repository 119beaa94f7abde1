"""Code what was said, not what was only talked about.

Two rules from CAMEO/PLOVER coding practice:

* An event named inside another event's words is that event's content, not a second event:
  "Israel threatened to attack Gaza" is one THREATEN, "the UN called for the release of the
  prisoners" one REQUEST, "Buhari condemned the attack" one ACCUSE. The embedded draft is dropped
  and, where the governing event has no target, lends it its actors.
* A future or conditional event announced by its own actor is an intent: "Pakistan said it will
  return the weapons" is AGREE (express intent to cooperate, CAMEO 03); "X said it would attack" is
  THREATEN (CAMEO 13), and so is pressure announced ("X is prepared to veto the bill", "said it would
  cut ties with Y", "vowed to sue Y"). A "must"/"should"/"needs to"/"has to" said about someone else is a demand
  (REQUEST, CAMEO 10), but not "we must ..." (the speaker's own plan) nor "the police would have
  to ..." (a consequence foreseen); "will not X (until Y)" is a refusal, and so is assent plainly
  withheld, "did not agree to" / "has not accepted" (REJECT, CAMEO 12; GUIDELINE.md section 3).
  The re-typed event happened (the statement was made), so it is ``actual``. Only what the speaker
  says is an intent: "Straw, who will hold talks on Thursday, said ..." is the writer's schedule.
* What a noun of saying says ("criticism that the president has caved", "rumours that the governor
  had arrested the elders") is that statement's content, not an event of its own.
"""

from __future__ import annotations

from chronicle.knowledge.cues import load_cues
from chronicle.schema import QUAD_CLASS
from chronicle.record import Draft, Work
from chronicle.stages.base import Stage
from chronicle.knowledge.lexicon import TriggerEntry
from chronicle.syntax.speech import attribute
from chronicle.syntax.tree import actors_for, draft_above, span_of

# Types whose event is a statement, so an event named in its words is its content, not news:
SPEECH_ACT_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "SANCTION"}
EMBED_DEPS = frozenset({"xcomp", "ccomp", "pcomp", "pobj", "prep", "dobj", "obj"})
"""How a draft sits inside another's words; a relative, adverbial or coordinated clause is an event of its own."""
INTENT_CAMEO = {  # PLOVER type of the intended act -> CAMEO "express intent to ..." code
    "AID": "033", "COOPERATE": "031", "CONSULT": "036", "SUPPORT": "032", "RETREAT": "035",
    "CONCEDE": "035", "AGREE": "030",
}
INTENT_WORDS = {"willing", "ready", "prepared", "determined", "committed", "eager", "keen", "happy"}
PRESSURE_TYPES = {"SANCTION", "REJECT"}
"""Verbal conflict that, announced by its own actor, is a threat (CAMEO 13: "threaten to reduce or
break relations", "threaten to veto"): "X said it would cut ties with Y", "X is prepared to veto
the bill", "X said he would refuse to approve Y"; the act itself is not done yet."""
LAWSUIT_CAMEO = "115"  # "vowed to sue X": a lawsuit announced is a threat, not yet a charge brought
DEMAND_MODALS = {"must", "should"}


class FramingStage(Stage):
    name = "framing.v4"
    requires = ("drafts", "factuality", "factuality_cue_lemma", "attribution", "speaker")
    assigns = ("drafts", "event_type", "peacekeeping", "refused", "condition", "demanded", "intended")

    def __call__(self, work: Work) -> Work:
        by_trigger = {d.trigger.i: d for d in work.drafts}
        kept: list[Draft] = []
        cues = load_cues()
        for draft in work.drafts:
            if _denies_a_claim(draft, cues) or _said_in_a_claim(draft, cues) or _charged_act(draft, cues) \
                    or _habitual(draft, cues) or _assessed_act(draft, cues) or _telling_only(draft, cues):
                continue
            governor = draft_above(draft.trigger, by_trigger, EMBED_DEPS) or _asked_for(draft, by_trigger) \
                or _conjoined_content(draft, by_trigger)
            if governor is not None and governor.event_type in SPEECH_ACT_TYPES:
                if not governor.target and not governor.reciprocal:
                    keys = {m.key for m in governor.source}
                    lend = [m for m in draft.target + draft.source if m.key not in keys]
                    governor.target = lend
                continue
            kept.append(draft)
        for draft in kept:
            _peacekeeping(draft, cues)
            _riot_or_complaint(draft, cues)
            _reframe(draft, work)
        kept += _must_demands(work, {d.anchor.i for d in kept if d.anchor is not None} | set(by_trigger))
        work.drafts = sorted(kept, key=lambda d: d.trigger.i)
        return work


def _said_in_a_claim(draft: Draft, cues) -> bool:
    """"criticism from Democrats that the president has caved", "fears that the army will attack":
    the clause of a noun of saying is what was said (``content_nouns``), not news of its own, whether
    or not the noun itself is coded (GUIDELINE.md: the content of an accusation is not coded)."""
    node = draft.anchor if draft.anchor is not None else draft.trigger
    head = node.head
    return node.dep_ in ("acl", "ccomp", "relcl") and head.pos_ == "NOUN" and head.lemma_.lower() in cues.content_nouns \
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in node.children)


def _telling_only(draft: Draft, cues) -> bool:
    """"The Washington Post reported that ...", "BuzzFeed published the story", "was referred to by
    both leaders", "has maintained his belief that ...": a verb that only tells that something was
    made known (``telling_verbs``) is the reporting of words, which GUIDELINE.md section 1 never codes
    as an event; what was reported may be one, on its own word. The lexicon gives these verbs no
    sense, so only a word the learned recall stage chose for a sentence's type lands here. (Verbs of
    knowing and seeing the recall stage chose, "the charges are seen as politically motivated", were
    dropped the same way in a trial: read slice and dev lost only wrong events, the check slice one
    right one; not kept.)"""
    lemma = draft.trigger.lemma_.lower()
    if draft.trigger.pos_ != "VERB":
        return False
    return lemma in cues.telling_verbs


def _habitual(draft: Draft, cues) -> bool:
    """"The Greens have always called for a referendum", "the senator too often praises China", "the party
    has long opposed tax rises": an adverb of habit (``habit_adverbs``) on the act's own verb tells what
    the actor does as a rule, not an act that happened (GUIDELINE.md: generic or habitual statements are
    not events). Only the adverb of a verb with its own subject: "as always, they accused him" is one
    accusation, and "raided the town, often firing into homes" tells how the raid went."""
    node = draft.anchor if draft.anchor is not None else draft.trigger
    children = list(node.children)
    return node.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in children) \
        and any(c.dep_ == "advmod" and c.lower_ in cues.habit_adverbs for c in children)


def _assessed_act(draft: Draft, cues) -> bool:
    """"Putin called the summit useful", "called the treaty a model for the region", "described the
    embargo as a relic": an act named as the object a speaker classes (``classing_verbs`` with a
    predicate: an object complement or "as") is the topic of an assessment, not news of its own
    (GUIDELINE.md: what the sentence only alludes to is not coded). "Called a meeting" (convened one)
    has no predicate and stays, and so does an accusation made by the classing ("called the
    minister's conduct reckless")."""
    noun = draft.trigger
    while noun.dep_ == "compound" and noun.head.pos_ == "NOUN":
        noun = noun.head  # "called the ceasefire deal a milestone"
    verb = noun.head
    if draft.trigger.pos_ != "NOUN" or noun.dep_ not in ("dobj", "obj") or draft.event_type == "ACCUSE" \
            or verb.lemma_.lower() not in cues.classing_verbs or _names_its_party(noun):
        return False
    return any(c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == "as")
               for c in [*verb.children, *noun.children])


def _names_its_party(noun) -> bool:
    """"Officers described Mr Hale's arrest as peaceful", "called the arrest of the two men lawful": an
    act whose own phrase names who it was done to or by is news told inside the assessment (the arrest
    happened), not only the topic of it, as "called the meeting productive" is."""
    return any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" for g in c.children))
               for c in noun.children)


CHARGE_DEPS = frozenset({"pobj", "pcomp", "prep", "conj", "compound", "amod", "advmod", "xcomp"})


def _charged_act(draft: Draft, cues) -> bool:
    """"charged with murder", "convicted him of the deputy's slaying", "arrested on suspicion of
    murder": the act a charge or verdict names is what the court or the police say, not an event told as news (GUIDELINE.md: the content of an accusation is not
    coded; only the arrest, charge or conviction is). The charging word need not be coded itself."""
    node = draft.anchor if draft.anchor is not None else draft.trigger
    charge_preps = True  # every preposition on the way is one a charge names its act with
    for hop in range(12):  # "charged with one count of murder of": four words up
        if node.dep_ not in CHARGE_DEPS or node.head.i == node.i:
            return False
        # the charge word governs the act through "of"/"with"/"for"; "convicted him of the slaying, as
        # well as the attempted murder": the parser hangs the second charge on the verb as a conjunct
        named = (node.dep_ == "prep" and node.lower_ in ("of", "with", "for")) or (
            node.dep_ == "conj" and node.pos_ == "NOUN" and node.head.pos_ == "VERB")
        charge_preps = charge_preps and (node.dep_ != "prep" or named)
        node = node.head
        # farther than five words up, or to a charge word that only modifies the head, only along
        # "of"/"with"/"for" ("charged with one count of murder of X with the special circumstances of
        # murder of Y"), not "in his response to the attack", "pleaded guilty for lying in the investigation"
        if named and (node.lemma_.lower() in cues.charge_words if hop < 5 and not charge_preps
                      else charge_preps and _charge_word_at(node, cues)):
            return True
    return False


def _charge_word_at(node, cues) -> bool:
    """The charge word is ``node`` or modifies it, or modifies the verb a date hangs on: "found him guilty
    Friday of killing" is parsed with "of killing" hung on "Friday" and "guilty" on "Friday" or "found"."""
    nodes = [node, node.head] if node.ent_type_ in ("DATE", "TIME") else [node]
    return node.lemma_.lower() in cues.charge_words or any(
        c.dep_ in ("amod", "acomp", "oprd", "ccomp") and c.lemma_.lower() in cues.charge_words
        for n in nodes for c in n.children)


def _conjoined_content(draft: Draft, by_trigger: dict[int, Draft]) -> Draft | None:
    """"the teen accused of shooting and killing a girl", "called on the government to either free or
    charge the detainees": a verb coordinated with the content of someone's words is content too (the
    parser hangs it on the first verb of the pair, not on the accusation or the appeal). A conjunct
    with a subject of its own ("urged them to stop, and the army attacked") or a form of its own is a
    clause of its own."""
    node = draft.anchor if draft.anchor is not None else draft.trigger
    if node.dep_ != "conj":
        return None
    while node.dep_ == "conj" and node.head.i != node.i:
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
            return None
        node = node.head
    trigger = draft.anchor if draft.anchor is not None else draft.trigger
    if trigger.pos_ == "VERB" and node.pos_ == "VERB" and trigger.tag_ != node.tag_:
        return None  # "asked Comey to lay off the inquiry and later fired Comey": a deed of its own tense
    # "accused X and attacked Y": the climb starts above "accused", so the accusation is not the governor
    return draft_above(node, by_trigger, EMBED_DEPS) or _appeal_above(node, by_trigger)


def _asked_for(draft: Draft, by_trigger: dict[int, Draft]) -> Draft | None:
    """"Amnesty called on Egypt to release the journalists": the parser hangs the infinitive on the
    appeal as an adverbial clause, but what a request asks for is its content, not a second event."""
    return _appeal_above(draft.anchor if draft.anchor is not None else draft.trigger, by_trigger)


def _appeal_above(trigger, by_trigger: dict[int, Draft]) -> Draft | None:
    if trigger.dep_ != "advcl" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children):
        return None
    governor = by_trigger.get(trigger.head.i)
    return governor if governor is not None and governor.event_type == "REQUEST" else None


def _peacekeeping(draft: Draft, cues) -> None:
    """"Japan is sending troops to the UN peacekeeping force": protection, not a show of force."""
    if draft.event_type != "MOBILIZE":
        return
    text = draft.sentence.text.lower()
    if any(word in text for word in cues.peacekeeping_words):
        draft.peacekeeping = True
        draft.event_type, draft.cameo, draft.mode, draft.contexts = "AID", "074", None, ["peacekeeping"]


def _riot_or_complaint(draft: Draft, cues) -> None:
    """Two acts the trigger word alone names wrongly (the CAMEO codebook's own distinctions):
    "protesters clashed with police", "clashes between demonstrators and police" is a riot (CAMEO 145,
    PROTEST), not armed combat, when the public (a crowd) clashes with the police or no one named;
    "police clashed with protesters" is the police's force and stays ASSAULT. "The UN protested the
    killings to Israel", "which Republicans protested as an abuse" is an official complaint (CAMEO
    114, ACCUSE) when a government, party, legislator or international body protests something:
    office holders complain, crowds demonstrate."""
    trigger = draft.trigger
    sources = {m.sector for m in draft.source}
    targets = {m.sector for m in draft.target}
    if draft.event_type == "ASSAULT" and trigger.lemma_.lower() == "clash" and sources == {"CVL"} \
            and targets <= {"COP"}:
        draft.event_type, draft.cameo, draft.mode, draft.contexts = "PROTEST", "145", "riot", []
    elif draft.event_type == "PROTEST" and trigger.pos_ == "VERB" and trigger.lemma_.lower() == "protest" \
            and any(c.dep_ in ("dobj", "obj") for c in trigger.children) \
            and any(m.sector in cues.office_sectors | {"IGO"} for m in draft.source):
        draft.event_type, draft.cameo, draft.mode, draft.contexts = "ACCUSE", "114", "disapprove", []


def _denies_a_claim(draft: Draft, cues) -> bool:
    """"X denied the charges" / "X rejected accusations that...": a statement (CAMEO 016)."""
    trigger = draft.trigger
    denial = cues.denial_verbs | {"reject", "condemn", "denounce"}  # "condemned the allegations"
    if trigger.pos_ == "NOUN" and trigger.lemma_.lower() in cues.claim_nouns:
        return trigger.dep_ in ("dobj", "obj") and trigger.head.lemma_.lower() in denial
    if trigger.lemma_.lower() in denial:
        # "denied the charges", "dismissed as baseless the allegations" (the claim after "as")
        objects = [c for c in trigger.children if c.dep_ in ("dobj", "obj")]
        objects += [g for c in trigger.children if c.dep_ == "prep" and c.lower_ == "as"
                    for g in c.children if g.dep_ == "pobj"]
        return any(o.lemma_.lower() in cues.claim_nouns for o in objects)
    if draft.event_type == "ACCUSE" and _charge_is_a_claim(trigger, cues):
        return True
    # "denied charges that it had tortured prisoners": the charge's content is the denied claim.
    for node in trigger.ancestors:
        if node.pos_ == "NOUN" and node.lemma_.lower() in cues.claim_nouns and node.dep_ in ("dobj", "obj") \
                and node.head.lemma_.lower() in denial:
            return True
    return False


def _charge_is_a_claim(trigger, cues) -> bool:
    """"France accused Rwanda of making unacceptable accusations", "blamed Kiev for false claims":
    what the accuser charges is itself a claim, so the accusation answers one: a rebuttal (CAMEO
    016 deny responsibility), a statement like "rejected the allegations"."""
    for prep in (c for c in trigger.children if c.dep_ == "prep" and c.lower_ in ("of", "for")):
        for comp in prep.children:
            if comp.dep_ == "pobj" and comp.lemma_.lower() in cues.claim_nouns:
                return True
            if comp.dep_ == "pcomp" and any(o.dep_ in ("dobj", "obj") and o.lemma_.lower() in cues.claim_nouns
                                            for o in comp.children):
                return True
    return False


def _reframe(draft: Draft, work: Work) -> None:
    # curly apostrophes read as straight ones ("they’ll attack" as "they'll attack")
    cue = draft.factuality_cue.text.lower().replace("’", "'") if draft.factuality_cue is not None else ""
    condition = _condition_clause(draft)
    quad = QUAD_CLASS[draft.event_type]
    if draft.factuality == "negated" and condition is not None and quad in (1, 2):
        # "X will not lift the embargo until Y reforms": a refusal (CAMEO 12, as the CAMEO codebook
        # codes it) whose condition names who it is addressed to.
        keys = {m.key for m in draft.source}
        wanted = [m for m in _clause_actors(condition, work) if m.key not in keys]
        draft.refused = draft.event_type
        draft.condition = condition.i
        draft.target = draft.target or wanted
        _retype(draft, "REJECT", "120")
        return
    speaker = draft.speaker
    cues = load_cues()
    own = speaker is not None and (speaker.key in {m.key for m in draft.source} or (
        speaker.affiliation is not None and speaker.affiliation.key in {m.key for m in draft.source})
        or any(m.text.lower() in cues.speaker_pronouns for m in draft.source))  # "we must act", he said
    intent_word = any(_intent_word(t) for t in _anchor_chain(draft))
    if cue in DEMAND_MODALS or draft.factuality_cue_lemma in cues.obligation_verbs:
        anchor = draft.anchor if draft.anchor is not None else draft.trigger
        if draft.factuality == "hypothetical" and speaker is not None and not own \
                and not _conditional(draft.trigger, anchor, cues):
            draft.demanded = draft.event_type
            draft.target = [m for m in draft.source + draft.target if m.key != speaker.key]
            draft.source = [speaker]
            draft.reciprocal = False
            _retype(draft, "REQUEST", "100")
        return
    if draft.factuality == "negated" and quad in (1, 2) and (_refusal(draft, cue) or _dissent(draft, cues)) \
            and not _withheld_words(draft, work, cues):
        # "France will not lift the ban", "X refused to withdraw": a refusal (CAMEO 12).
        draft.refused = draft.event_type
        _retype(draft, "REJECT", "120")
        return
    # "Paris pledged to send engineers", "Sudan is willing to withdraw", "the rebels said they will
    # release the hostages": a promise or intent expressed by the actor (CAMEO 03), an actual speech
    # act. "X will meet Y on Monday", "X plans to visit", "X is due to visit", told in the writer's
    # voice, are acts scheduled for later: they keep their type, as `future` (the project's guideline;
    # the CAMEO-coded sets code them as intents, README "Scheduled acts").
    promised = draft.factuality_cue_lemma in load_cues().promise_verbs and not _planned_by_noun(draft, work)
    # "the rebels said they will release ...": the speaker's own announced act, an intent; not "Straw,
    # who will hold talks in Beijing on Thursday, said ...", the writer's schedule beside the words.
    own = own and _in_speech(draft, cues)
    own_will = own and cue in ("will", "'ll", "shall", "would")
    announced = (draft.factuality == "future" and (promised or intent_word or own_will)) or (
        draft.factuality == "hypothetical" and (intent_word or (own and cue in ("would", "will", "'ll", "could"))))
    if announced:
        _announce(draft, quad, own or intent_word, promised)


def _announce(draft: Draft, quad: int, own_act: bool, promised: bool) -> None:
    """An act announced by its actor (``own_act``: in the actor's own words or with an intent word)
    or promised, as the speech act it is: cooperation is an intent (AGREE, CAMEO 03), pressure and
    force a threat (THREATEN, CAMEO 13)."""
    if quad in (1, 2) and draft.event_type in INTENT_CAMEO:
        # "Sudan is willing to withdraw", "Kenya said it will hold talks with Uganda": an expressed intent.
        draft.intended = draft.event_type
        _retype(draft, "AGREE", INTENT_CAMEO[draft.event_type])
    elif (draft.event_type in PRESSURE_TYPES or draft.cameo == LAWSUIT_CAMEO) and (own_act or promised):
        draft.intended = draft.event_type
        _retype(draft, "THREATEN", "130")
    elif quad == 4 and own_act:
        draft.intended = draft.event_type
        _retype(draft, "THREATEN", "138" if draft.event_type == "ASSAULT" else "130")


def _in_speech(draft: Draft, cues) -> bool:
    """Whether the draft's clause is what its speaker says: the complement of a reporting verb, or
    a quotation (the reporting verb then governs no clause of it)."""
    node = draft.anchor if draft.anchor is not None else draft.trigger
    for _ in range(8):
        head = node.head
        if head.i == node.i:
            return True  # a sentence of its own: quoted words, or the speaker's statement itself
        if head.lemma_.lower() in cues.reporting_verbs:
            return node.dep_ in ("ccomp", "xcomp", "parataxis", "advcl", "dobj")
        if node.dep_ in ("relcl", "appos", "acl") and head.pos_ in ("PROPN", "NOUN", "PRON"):
            return False
        node = head
    return True


def _planned_by_noun(draft: Draft, work: Work) -> bool:
    """Whether a noun made the draft future: "the White House's plan to withdraw its troops" (a
    plan told about, whose factuality stays future), not "X plans to withdraw" (an intent stated)."""
    cue = draft.factuality_cue
    span = work.doc.char_span(cue.start, cue.end) if cue is not None else None
    return span is not None and span.root.pos_ == "NOUN"


def _retype(draft: Draft, event_type: str, cameo: str) -> None:
    """The statement was made: it is an actual event of another type."""
    draft.event_type, draft.cameo, draft.mode, draft.contexts = event_type, cameo, None, []
    draft.factuality = "actual"


def _withheld_words(draft: Draft, work: Work, cues) -> bool:
    """"Labour refused to discuss his new post", "declined to talk about the case": words withheld
    from the press (``comment_verbs``) with no one named to talk with, which rejects no one's
    proposal; "refused to discuss the plan with Iran" refuses talks to Iran (a rejection)."""
    trigger = draft.anchor if draft.anchor is not None else draft.trigger
    if trigger.lemma_.lower() not in cues.comment_verbs:
        return False
    objects = [c for c in trigger.children if c.dep_ in ("dobj", "obj", "dative")]
    partners = objects + [p for c in (*trigger.children, *(g for o in objects for g in o.children))
                          if c.dep_ == "prep" and c.lower_ in ("with", "to") for p in c.children if p.dep_ == "pobj"]
    heads = [t for p in partners for t in (p, *p.conjuncts, *(c for c in p.children if c.dep_ == "compound"))]
    return not any(work.actors_at.get(t.i) for t in heads)  # not "its programme": a possessor is no partner


def _refusal(draft: Draft, cue: str) -> bool:
    cues = load_cues()
    if draft.factuality_cue_lemma in cues.negating_verbs:
        return True  # "refused to withdraw", "declined to resign"
    node = draft.anchor if draft.anchor is not None else draft.trigger
    return any(c.dep_ == "aux" and c.lower_ in cues.future_modals | {"would"} for c in node.children)


def _dissent(draft: Draft, cues) -> bool:
    """"Hungary did not agree to the quota plan", "Colombia has not accepted the offer": withholding
    assent is a rejection (CAMEO 12), an actual speech act, where "did not meet" stays a negated
    meeting. Only a plain negation of the assent verb itself, not "denied that it agreed"."""
    trigger = draft.anchor if draft.anchor is not None else draft.trigger
    cue = draft.factuality_cue
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in trigger.children):
        return False  # "cannot accept more refugees": a warning; "will not agree" is read as a refusal by _refusal
    return trigger.lemma_.lower() in cues.assent_verbs and cue is not None \
        and cue.text.lower() in cues.negations and any(
            c.dep_ == "neg" and c.idx == cue.start for c in trigger.children)


def _condition_clause(draft: Draft):
    node = draft.anchor if draft.anchor is not None else draft.trigger
    for child in node.children:
        if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("until", "unless") for m in child.children):
            return child
    return None


def _clause_actors(verb, work: Work) -> list:
    found = []
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            found += actors_for(child, work)
    return found


def _must_demands(work: Work, taken: set[int]) -> list[Draft]:
    """"Human Rights Watch said the authorities must ensure security": a demand (REQUEST), whatever
    the verb, when a speaker says another actor must or should act."""
    cues = load_cues()
    drafts: list[Draft] = []
    for sent in work.doc.sents:
        for verb in sent:
            act = _owed_act(verb, cues)
            if verb.i in taken or act is None or act.i in taken or _conditional(act, verb, cues):
                continue  # "if they did wrong, they should be punished": a consequence, not a demand
            if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in cues.reporting_verbs \
                    or verb.head.lemma_.lower() in cues.state_verbs:
                continue  # "the party believes the minister should resign": a view held, no demand made
            reporter = verb.head
            speakers = [m for c in reporter.children if c.dep_ == "nsubj" for m in actors_for(c, work)]
            subject_words = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            subjects = [m for c in subject_words for m in actors_for(c, work)]
            if not speakers or not subjects or {m.key for m in subjects} & {m.key for m in speakers} \
                    or any(c.lower_ in cues.speaker_pronouns for c in subject_words):
                continue  # "we must cut spending", he said: the speaker's own plan, not a demand
            entry = TriggerEntry(lemma=act.lemma_.lower(), pos="VERB", event_type="REQUEST", cameo="100")
            draft = Draft(sentence_index=work.sentence_number(act.idx), sentence=sent, trigger=act,
                          trigger_span=span_of(work.doc, act.idx, act.idx + len(act)), entry=entry,
                          event_type="REQUEST", cameo="100", source=speakers[:1], target=subjects,
                          anchor=reporter, type_confidence=0.55)
            draft.demanded = act.lemma_.lower()
            draft.attribution = attribute(draft, work, cues)
            drafts.append(draft)
    return drafts


def _owed_act(verb, cues):
    """The act a clause says its subject owes: "the authorities must ensure security" (the verb
    itself), "ministers need to reopen talks", "the Treasury has to explain" (the infinitive)."""
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    if any(c.dep_ == "aux" and c.lower_ in DEMAND_MODALS for c in verb.children):
        # "users should stay alert", "residents should know that ...": a state, not an act owed
        return None if verb.lemma_.lower() in cues.state_verbs else verb
    if verb.lemma_.lower() not in cues.obligation_verbs or any(c.tag_ == "MD" for c in verb.children):
        return None  # "if bars open late, the police would have to ...": a consequence foreseen, not a demand
    return next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"
                 and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)


def _conditional(act, verb, cues) -> bool:
    """Whether the owed act hangs on a condition ("if they have done wrong, they should be punished"):
    what follows from a supposition is not a demand made of anyone."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in cues.conditional_marks
                                         for m in c.children)
               for node in {act, verb} for c in node.children)


def _intent_word(token) -> bool:
    """"is willing to withdraw", "is prepared to talk": a readiness stated, an intent. Not the past
    verb "Yushchenko prepared to head to Brussels": getting ready for a trip tells a plan, no
    statement of intent (the planned act stays future)."""
    return token.lower_ in INTENT_WORDS and token.tag_ != "VBD"


def _anchor_chain(draft: Draft):
    node = draft.anchor if draft.anchor is not None else draft.trigger
    for _ in range(3):
        yield from node.children
        if node.head.i == node.i:
            return
        node = node.head
        yield node
