"""The framing stage alone: code what was said, not what was only talked about.

It reads the drafts after factuality and attribution and applies CAMEO/PLOVER coding practice:
an event named inside another's words is that statement's content, not a second event ("threatened
to invade Kosovo" is one THREATEN aimed at Kosovo); an event its own actor announces is an intent
(a future aid delivery is AGREE, "it would attack" a THREATEN); "X must ..." said of another actor
is a REQUEST (whether or not the verb is a trigger); "will not ... until" and "declined to" are
REJECT; denying an allegation is no event at all. These rules turn future, hypothetical and negated
drafts into actual statements, so an error here either invents an attack that was only threatened
or loses the threat. The edge cases: an attack announced by someone other than its actor is no
threat, a past "did not" is no refusal, and a speaker who says it must act itself makes no demand.
"""

from __future__ import annotations

import pytest

from chronicle.knowledge.lexicon import TriggerEntry
from chronicle.record import ActorMention, Draft, Work
from chronicle.schema import Article, Span
from chronicle.stages.framing import FramingStage
from tests.parses import parsed


@pytest.fixture(scope="module")
def stage():
    return FramingStage()


def actor(doc, first: int, head: int, actor_id: str, sector: str | None = None) -> ActorMention:
    """An actor phrase of ``doc`` coded as ``actor_id`` (a pronoun resolved to its referent
    carries the referent's id, as the actors stage's anaphora step leaves it)."""
    words = doc[first:head + 1]
    return ActorMention(text=words.text, start=words.start_char, end=words.end_char, head_i=head,
                        name=actor_id, actor_id=actor_id, sector=sector)


def draft(doc, trigger: int, event_type: str, cameo: str, *, source=(), target=(), factuality="actual",
          cue: int | None = None, speaker: ActorMention | None = None, anchor: int | None = None) -> Draft:
    """A draft as the stages before framing leave it: ``cue`` is the token index of the word that
    set its factuality."""
    token = doc[trigger]
    cue_token = doc[cue] if cue is not None else None
    return Draft(sentence_index=0, sentence=doc[0:len(doc)], trigger=token,
                 trigger_span=Span(text=token.text, start=token.idx, end=token.idx + len(token)),
                 entry=TriggerEntry(lemma=token.lemma_, pos=token.pos_, event_type=event_type, cameo=cameo),
                 event_type=event_type, cameo=cameo, source=list(source), target=list(target),
                 anchor=doc[anchor] if anchor is not None else (token if token.pos_ == "VERB" else None),
                 factuality=factuality, speaker=speaker,
                 factuality_cue=Span(text=cue_token.text, start=cue_token.idx, end=cue_token.idx + len(cue_token))
                 if cue_token is not None else None,
                 factuality_cue_lemma=cue_token.lemma_.lower() if cue_token is not None else None)


def work_of(doc, drafts: list[Draft], mentions: list[ActorMention] = ()) -> Work:
    mentions = list(mentions) or [m for d in drafts for m in (*d.source, *d.target)]
    return Work(article=Article(id="t", text=doc.text), doc=doc, mentions=mentions,
                actors_at={m.head_i: [m] for m in mentions}, drafts=drafts)


def ids(mentions) -> list[str]:
    return [m.actor_id for m in mentions]


def test_event_named_in_a_threat_is_its_content(stage):
    doc = parsed("Serbia threatened to invade Kosovo.", """
        Serbia      Serbia     PROPN NNP  nsubj  1 B-GPE
        threatened  threaten   VERB  VBD  ROOT   1 O
        to          to         PART  TO   aux    3 O
        invade      invade     VERB  VB   xcomp  1 O
        Kosovo      Kosovo     PROPN NNP  dobj   3 B-GPE
        .           .          PUNCT .    punct  1 O
    """)
    serbia, kosovo = actor(doc, 0, 0, "SRB"), actor(doc, 4, 4, "XKX")
    threat = draft(doc, 1, "THREATEN", "130", source=[serbia])
    invasion = draft(doc, 3, "ASSAULT", "190", source=[serbia], target=[kosovo], factuality="hypothetical", cue=1)
    work = stage(work_of(doc, [threat, invasion]))
    assert work.drafts == [threat]
    assert (threat.event_type, ids(threat.source), ids(threat.target)) == ("THREATEN", ["SRB"], ["XKX"])


def test_announced_aid_of_its_own_is_an_intent_to_cooperate(stage):
    doc = parsed("Ankara said it will send food to Damascus.", """
        Ankara    Ankara    PROPN NNP  nsubj  1 B-GPE
        said      say       VERB  VBD  ROOT   1 O
        it        it        PRON  PRP  nsubj  4 O
        will      will      AUX   MD   aux    4 O
        send      send      VERB  VB   ccomp  1 O
        food      food      NOUN  NN   dobj   4 O
        to        to        ADP   IN   prep   4 O
        Damascus  Damascus  PROPN NNP  pobj   6 B-GPE
        .         .         PUNCT .    punct  1 O
    """)
    ankara, it, damascus = actor(doc, 0, 0, "TUR"), actor(doc, 2, 2, "TUR"), actor(doc, 7, 7, "SYR")
    send = draft(doc, 4, "AID", "073", source=[it], target=[damascus], factuality="future", cue=3, speaker=ankara)
    work = stage(work_of(doc, [send], [ankara, it, damascus]))
    assert work.drafts == [send]
    assert (send.event_type, send.cameo, send.intended, send.factuality) == ("AGREE", "033", "AID", "actual")
    assert (ids(send.source), ids(send.target)) == (["TUR"], ["SYR"])


def _would_attack(subject: str):
    """The militia announcing its own attack ("it"), or the governor announcing the militia's."""
    if subject == "it":
        return parsed("The militia said it would attack the airport.", """
            The      the      DET   DT   det    1 O
            militia  militia  NOUN  NN   nsubj  2 O
            said     say      VERB  VBD  ROOT   2 O
            it       it       PRON  PRP  nsubj  5 O
            would    would    AUX   MD   aux    5 O
            attack   attack   VERB  VB   ccomp  2 O
            the      the      DET   DT   det    7 O
            airport  airport  NOUN  NN   dobj   5 O
            .        .        PUNCT .    punct  2 O
        """)
    return parsed("The governor said the militia would attack the airport.", """
        The       the       DET   DT   det    1 O
        governor  governor  NOUN  NN   nsubj  2 O
        said      say       VERB  VBD  ROOT   2 O
        the       the       DET   DT   det    4 O
        militia   militia   NOUN  NN   nsubj  6 O
        would     would     AUX   MD   aux    6 O
        attack    attack    VERB  VB   ccomp  2 O
        the       the       DET   DT   det    8 O
        airport   airport   NOUN  NN   dobj   6 O
        .         .         PUNCT .    punct  2 O
    """)


@pytest.mark.parametrize("subject, expected", [
    ("it", ("THREATEN", "138", "ASSAULT", "actual")),    # the militia announces its own attack
    ("other", ("ASSAULT", "190", None, "future")),       # the governor predicts the militia's attack
], ids=["own-attack-threat", "someone-elses-attack-stays"])
def test_announced_attack_is_a_threat_only_from_its_own_actor(stage, subject, expected):
    doc = _would_attack(subject)
    if subject == "it":
        speaker, attacker = actor(doc, 0, 1, "MILITIA", "REB"), actor(doc, 3, 3, "MILITIA", "REB")
        trigger, cue = 5, 4
    else:
        speaker, attacker = actor(doc, 0, 1, "GOVERNOR", "GOV"), actor(doc, 3, 4, "MILITIA", "REB")
        trigger, cue = 6, 5
    attack = draft(doc, trigger, "ASSAULT", "190", source=[attacker], factuality="future", cue=cue, speaker=speaker)
    work = stage(work_of(doc, [attack], [speaker, attacker]))
    assert work.drafts == [attack]
    assert (attack.event_type, attack.cameo, attack.intended, attack.factuality) == expected


def test_must_said_of_another_actor_is_a_request(stage):
    doc = parsed("Amnesty said the police must free the students.", """
        Amnesty   Amnesty   PROPN NNP  nsubj  1 B-ORG
        said      say       VERB  VBD  ROOT   1 O
        the       the       DET   DT   det    3 O
        police    police    NOUN  NN   nsubj  5 O
        must      must      AUX   MD   aux    5 O
        free      free      VERB  VB   ccomp  1 O
        the       the       DET   DT   det    7 O
        students  student   NOUN  NNS  dobj   5 O
        .         .         PUNCT .    punct  1 O
    """)
    amnesty = actor(doc, 0, 0, "AMNESTY", "NGO")
    police, students = actor(doc, 2, 3, "POLICE", "COP"), actor(doc, 6, 7, "STUDENTS", "EDU")
    free = draft(doc, 5, "RETREAT", "0841", source=[police], target=[students], factuality="hypothetical",
                 cue=4, speaker=amnesty)
    work = stage(work_of(doc, [free], [amnesty, police, students]))
    assert work.drafts == [free]
    assert (free.event_type, free.cameo, free.demanded, free.factuality) == ("REQUEST", "100", "RETREAT", "actual")
    assert (ids(free.source), ids(free.target)) == (["AMNESTY"], ["POLICE", "STUDENTS"])


@pytest.mark.parametrize("subject", ["the government", "it"], ids=["of-another", "of-itself"])
def test_must_clause_with_no_trigger_is_a_request_of_another_actor(stage, subject):
    text = f"The union said {subject} must raise wages."
    rows = {"the government": """
        the         the         DET   DT   det    4 O
        government  government  NOUN  NN   nsubj  6 O
        must        must        AUX   MD   aux    6 O
        raise       raise       VERB  VB   ccomp  2 O
        wages       wage        NOUN  NNS  dobj   6 O
        .           .           PUNCT .    punct  2 O
    """, "it": """
        it          it          PRON  PRP  nsubj  5 O
        must        must        AUX   MD   aux    5 O
        raise       raise       VERB  VB   ccomp  2 O
        wages       wage        NOUN  NNS  dobj   5 O
        .           .           PUNCT .    punct  2 O
    """}[subject]
    doc = parsed(text, """
        The    the    DET   DT   det    1 O
        union  union  NOUN  NN   nsubj  2 O
        said   say    VERB  VBD  ROOT   2 O
    """ + rows)
    union = actor(doc, 0, 1, "UNION", "LAB")
    other = actor(doc, 3, 4, "GOVERNMENT", "GOV") if subject != "it" else actor(doc, 3, 3, "UNION", "LAB")
    work = stage(work_of(doc, [], [union, other]))
    if subject == "it":
        assert work.drafts == []  # a speaker's own duty is no demand on anyone
        return
    [request] = work.drafts
    assert (request.trigger.text, request.event_type, request.cameo, request.demanded) == ("raise", "REQUEST", "100", "raise")
    assert (ids(request.source), ids(request.target)) == (["UNION"], ["GOVERNMENT"])
    assert request.attribution is not None and request.attribution.speaker.actor_id == "UNION"


def test_will_not_until_is_a_refusal_addressed_to_the_condition(stage):
    doc = parsed("Washington will not ease the embargo until Caracas frees the prisoners.", """
        Washington  Washington  PROPN NNP  nsubj  3  B-GPE
        will        will        AUX   MD   aux    3  O
        not         not         PART  RB   neg    3  O
        ease        ease        VERB  VB   ROOT   3  O
        the         the         DET   DT   det    5  O
        embargo     embargo     NOUN  NN   dobj   3  O
        until       until       SCONJ IN   mark   8  O
        Caracas     Caracas     PROPN NNP  nsubj  8  B-GPE
        frees       free        VERB  VBZ  advcl  3  O
        the         the         DET   DT   det    10 O
        prisoners   prisoner    NOUN  NNS  dobj   8  O
        .           .           PUNCT .    punct  3  O
    """)
    usa, venezuela = actor(doc, 0, 0, "USA"), actor(doc, 7, 7, "VEN")
    ease = draft(doc, 3, "RETREAT", "085", source=[usa], factuality="negated", cue=2)
    work = stage(work_of(doc, [ease], [usa, venezuela]))
    assert work.drafts == [ease]
    assert (ease.event_type, ease.cameo, ease.refused, ease.factuality) == ("REJECT", "120", "RETREAT", "actual")
    assert ease.condition == 8 and ids(ease.target) == ["VEN"]


DECLINED = ("The junta declined to free the jailed opposition leader.", """
    The         the         DET   DT   det       1 O
    junta       junta       NOUN  NN   nsubj     2 O
    declined    decline     VERB  VBD  ROOT      2 O
    to          to          PART  TO   aux       4 O
    free        free        VERB  VB   xcomp     2 O
    the         the         DET   DT   det       8 O
    jailed      jail        VERB  VBN  amod      8 O
    opposition  opposition  NOUN  NN   compound  8 O
    leader      leader      NOUN  NN   dobj      4 O
    .           .           PUNCT .    punct     2 O
""", (0, 1), (5, 8), 4, 2, "0841")

DID_NOT = ("Sudan did not withdraw its troops from the border.", """
    Sudan     Sudan     PROPN NNP  nsubj  3 B-GPE
    did       do        AUX   VBD  aux    3 O
    not       not       PART  RB   neg    3 O
    withdraw  withdraw  VERB  VB   ROOT   3 O
    its       its       PRON  PRP$ poss   5 O
    troops    troop     NOUN  NNS  dobj   3 O
    from      from      ADP   IN   prep   3 O
    the       the       DET   DT   det    8 O
    border    border    NOUN  NN   pobj   6 O
    .         .         PUNCT .    punct  3 O
""", (0, 0), (7, 8), 3, 2, "0874")


@pytest.mark.parametrize("text, table, source, target, trigger, cue, cameo, expected", [
    (*DECLINED, ("REJECT", "120", "RETREAT", "actual")),    # "declined to free": a refusal
    (*DID_NOT, ("RETREAT", "0874", None, "negated")),        # a past "did not" only did not happen
], ids=["declined-to", "did-not"])
def test_refusal_versus_an_event_that_did_not_happen(stage, text, table, source, target, trigger, cue, cameo, expected):
    doc = parsed(text, table)
    act = draft(doc, trigger, "RETREAT", cameo, source=[actor(doc, *source, "ACTOR")],
                target=[actor(doc, *target, "OTHER")], factuality="negated", cue=cue)
    work = stage(work_of(doc, [act]))
    assert work.drafts == [act]
    assert (act.event_type, act.cameo, act.refused, act.factuality) == expected


def test_denying_an_allegation_is_no_event(stage):
    doc = parsed("The ministry denied the allegations.", """
        The          the         DET   DT   det    1 O
        ministry     ministry    NOUN  NN   nsubj  2 O
        denied       deny        VERB  VBD  ROOT   2 O
        the          the         DET   DT   det    4 O
        allegations  allegation  NOUN  NNS  dobj   2 O
        .            .           PUNCT .    punct  2 O
    """)
    claim = draft(doc, 4, "ACCUSE", "112", source=[actor(doc, 0, 1, "MINISTRY", "GOV")], anchor=2)
    assert stage(work_of(doc, [claim])).drafts == []
