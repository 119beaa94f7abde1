"""The events stage alone: which words of a parsed sentence are event triggers, who acts and who is
acted on, and how many events one sentence tells.

It reads the parse (``work.doc``) and the actors the actors stage found (``work.actors_at``: token
index of a phrase's head -> mentions) and writes one ``Draft`` per event. These cases matter because
every later stage refines the drafts made here: a swapped source and target (a passive read as an
active), a clause of one incident counted as a second event, or a recalled earlier event counted as
news would all reach the output as wrong events. The parses are written out below (from the model,
checked by hand), so a failure here is the stage's rule, not the parser.
"""

from __future__ import annotations

import pytest

from chronicle.record import ActorMention, Work
from chronicle.schema import Article
from chronicle.stages.events import EventsStage
from tests.parses import parsed


@pytest.fixture(scope="module")
def stage():
    events = EventsStage()
    events.initialize()
    return events


def work_with_actors(doc, heads: dict[int, int]) -> Work:
    """A Work for ``doc`` whose actors are the phrases ``{head index: first index}``, each coded as
    its own (unknown) actor, as the actors stage hands them on."""
    actors_at = {}
    for head, first in heads.items():
        words = doc[first:head + 1]
        actors_at[head] = [ActorMention(text=words.text, start=words.start_char, end=words.end_char,
                                        name=words.text, head_i=head)]
    return Work(article=Article(id="t", text=doc.text), doc=doc,
                mentions=[m for ms in actors_at.values() for m in ms], actors_at=actors_at)


def texts(mentions) -> list[str]:
    return [m.text for m in mentions]


SHELLED = ("Turkish troops shelled Kurdish militants.", """
    Turkish    turkish   ADJ   JJ   amod   1 B-NORP
    troops     troop     NOUN  NNS  nsubj  2 O
    shelled    shell     VERB  VBD  ROOT   2 O
    Kurdish    kurdish   ADJ   JJ   amod   4 B-NORP
    militants  militant  NOUN  NNS  dobj   2 O
    .          .         PUNCT .    punct  2 O
""", {1: 0, 4: 3})

DETAINED = ("The reporter was detained by police.", """
    The       the       DET   DT   det        1 O
    reporter  reporter  NOUN  NN   nsubjpass  3 O
    was       be        AUX   VBD  auxpass    3 O
    detained  detain    VERB  VBN  ROOT       3 O
    by        by        ADP   IN   agent      3 O
    police    police    NOUN  NNS  pobj       4 O
    .         .         PUNCT .    punct      3 O
""", {1: 0, 5: 5})


@pytest.mark.parametrize("text, table, heads, expected", [
    (*SHELLED, ("shelled", "ASSAULT", "194", ["Turkish troops"], ["Kurdish militants"])),
    # a passive: the subject is acted on, the "by" phrase acts
    (*DETAINED, ("detained", "COERCE", "173", ["police"], ["The reporter"])),
], ids=["active", "passive"])
def test_agent_is_source_and_patient_is_target(stage, text, table, heads, expected):
    work = stage(work_with_actors(parsed(text, table), heads))
    assert [(d.trigger.text, d.event_type, d.cameo, texts(d.source), texts(d.target)) for d in work.drafts] \
        == [expected]
    draft = work.drafts[0]
    assert draft.anchor is draft.trigger and not draft.reciprocal
    assert (draft.trigger_span.text, draft.trigger_span.start) == (expected[0], text.index(expected[0]))


def test_a_trigger_with_no_actor_is_no_event(stage):
    doc = parsed(*SHELLED[:2])
    assert stage(work_with_actors(doc, {})).drafts == []


def test_light_verb_and_its_event_noun_are_one_event(stage):
    doc = parsed("Egypt held talks with Jordan.", """
        Egypt   Egypt   PROPN NNP  nsubj  1 B-GPE
        held    hold    VERB  VBD  ROOT   1 O
        talks   talk    NOUN  NNS  dobj   1 O
        with    with    ADP   IN   prep   2 O
        Jordan  Jordan  PROPN NNP  pobj   3 B-GPE
        .       .       PUNCT .    punct  1 O
    """)
    work = stage(work_with_actors(doc, {0: 0, 4: 4}))
    assert len(work.drafts) == 1
    draft = work.drafts[0]
    assert draft.event_type == "CONSULT"
    assert (texts(draft.source), texts(draft.target)) == (["Egypt"], ["Jordan"])


TALKS_BETWEEN = ("The latest talks between Armenia and Azerbaijan broke down in Geneva.", """
    The         the         DET   DT   det    2 O
    latest      late        ADJ   JJS  amod   2 O
    talks       talk        NOUN  NNS  nsubj  7 O
    between     between     ADP   IN   prep   2 O
    Armenia     Armenia     PROPN NNP  pobj   3 B-GPE
    and         and         CCONJ CC   cc     4 O
    Azerbaijan  Azerbaijan  PROPN NNP  conj   4 B-GPE
    broke       break       VERB  VBD  ROOT   7 O
    down        down        ADP   RP   prt    7 O
    in          in          ADP   IN   prep   7 O
    Geneva      Geneva      PROPN NNP  pobj   9 B-GPE
    .           .           PUNCT .    punct  7 O
""", {4: 4, 6: 6}, ("talks", "CONSULT", ["Armenia"], ["Azerbaijan"]))

SIGNED = ("Colombia and Ecuador signed a border agreement.", """
    Colombia   Colombia   PROPN NNP  nsubj     3 B-GPE
    and        and        CCONJ CC   cc        0 O
    Ecuador    Ecuador    PROPN NNP  conj      0 B-GPE
    signed     sign       VERB  VBD  ROOT      3 O
    a          a          DET   DT   det       6 O
    border     border     NOUN  NN   compound  6 O
    agreement  agreement  NOUN  NN   dobj      3 O
    .          .          PUNCT .    punct     3 O
""", {0: 0, 2: 2}, ("signed", "SUPPORT", ["Colombia"], ["Ecuador"]))


@pytest.mark.parametrize("text, table, heads, expected", [TALKS_BETWEEN, SIGNED],
                         ids=["talks-between", "compound-subject"])
def test_two_parties_of_a_joint_act_are_one_reciprocal_event(stage, text, table, heads, expected):
    # "talks between X and Y", "X and Y signed": one event, not one per party and not X acting on X
    work = stage(work_with_actors(parsed(text, table), heads))
    assert [(d.trigger.text, d.event_type, texts(d.source), texts(d.target)) for d in work.drafts] == [expected]
    assert work.drafts[0].reciprocal


def test_participle_clauses_of_one_ambush_are_one_assault(stage):
    doc = parsed("Ethiopian rebels ambushed an army convoy, killing eleven soldiers and capturing four others.", """
        Ethiopian  ethiopian  ADJ   JJ   amod      1  B-NORP
        rebels     rebel      NOUN  NNS  nsubj     2  O
        ambushed   ambush     VERB  VBD  ROOT      2  O
        an         an         DET   DT   det       5  O
        army       army       NOUN  NN   compound  5  O
        convoy     convoy     NOUN  NN   dobj      2  O
        ,          ,          PUNCT ,    punct     2  O
        killing    kill       VERB  VBG  advcl     2  O
        eleven     eleven     NUM   CD   nummod    9  B-CARDINAL
        soldiers   soldier    NOUN  NNS  dobj      7  O
        and        and        CCONJ CC   cc        7  O
        capturing  capture    VERB  VBG  conj      7  O
        four       four       NUM   CD   nummod    13 B-CARDINAL
        others     other      NOUN  NNS  dobj      11 O
        .          .          PUNCT .    punct     2  O
    """)
    work = stage(work_with_actors(doc, {1: 0, 9: 8}))
    assert len(work.drafts) == 1
    draft = work.drafts[0]
    # the killing (ASSAULT) and the capture (COERCE, told as a participle) join the ambush
    assert (draft.trigger.text, draft.event_type) == ("ambushed", "ASSAULT")
    assert [t.text for t in draft.merged_triggers] == ["killing", "capturing"]
    assert (texts(draft.source), texts(draft.target)) == (["Ethiopian rebels"], ["eleven soldiers"])


FREED = ("Police freed a teacher whom gunmen had abducted.", """
    Police    Police    NOUN  NNS  nsubj  1 O
    freed     free      VERB  VBD  ROOT   1 O
    a         a         DET   DT   det    3 O
    teacher   teacher   NOUN  NN   dobj   1 O
    whom      whom      PRON  WP   dobj   7 O
    gunmen    gunman    NOUN  NNS  nsubj  7 O
    had       have      AUX   VBD  aux    7 O
    abducted  abduct    VERB  VBN  relcl  3 O
    .         .         PUNCT .    punct  1 O
""", {0: 0, 3: 2, 5: 5})

ARRESTED = ("Police arrested the gunmen, who had abducted a teacher on Sunday.", """
    Police    Police    NOUN  NNS  nsubj  1  O
    arrested  arrest    VERB  VBD  ROOT   1  O
    the       the       DET   DT   det    3  O
    gunmen    gunman    NOUN  NNS  dobj   1  O
    ,         ,         PUNCT ,    punct  3  O
    who       who       PRON  WP   nsubj  7  O
    had       have      AUX   VBD  aux    7  O
    abducted  abduct    VERB  VBN  relcl  3  O
    a         a         DET   DT   det    9  O
    teacher   teacher   NOUN  NN   dobj   7  O
    on        on        ADP   IN   prep   7  O
    Sunday    Sunday    PROPN NNP  pobj   10 B-DATE
    .         .         PUNCT .    punct  1  O
""", {0: 0, 3: 2, 9: 8})


@pytest.mark.parametrize("text, table, heads, expected", [
    # a restrictive relative clause on the freed person recalls how she came to be held: background
    (*FREED, [("freed", "RETREAT")]),
    # an aside between commas reports an event of its own (and "who" names the gunmen)
    (*ARRESTED, [("arrested", "COERCE"), ("abducted", "ASSAULT")]),
], ids=["restrictive-dropped", "aside-kept"])
def test_relative_clause_on_an_argument(stage, text, table, heads, expected):
    work = stage(work_with_actors(parsed(text, table), heads))
    assert [(d.trigger.text, d.event_type) for d in work.drafts] == expected
    if len(expected) == 2:
        assert (texts(work.drafts[1].source), texts(work.drafts[1].target)) == (["the gunmen"], ["a teacher"])


DETAINED_AFTER = ("Police detained dozens of youths after clashes between herders and farmers.", """
    Police    Police    NOUN  NNS  nsubj  1 O
    detained  detain    VERB  VBD  ROOT   1 O
    dozens    dozen     NOUN  NNS  dobj   1 B-CARDINAL
    of        of        ADP   IN   prep   2 O
    youths    youth     NOUN  NNS  pobj   3 O
    after     after     ADP   IN   prep   1 O
    clashes   clash     NOUN  NNS  pobj   5 O
    between   between   ADP   IN   prep   6 O
    herders   herder    NOUN  NNS  pobj   7 O
    and       and       CCONJ CC   cc     8 O
    farmers   farmer    NOUN  NNS  conj   8 O
    .         .         PUNCT .    punct  1 O
""", {0: 0, 4: 4, 8: 8, 10: 10})

FLED = ("Herders fled after clashes with farmers.", """
    Herders  herder  NOUN  NNS  nsubj  1 O
    fled     flee    VERB  VBD  ROOT   1 O
    after    after   ADP   IN   prep   1 O
    clashes  clash   NOUN  NNS  pobj   2 O
    with     with    ADP   IN   prep   3 O
    farmers  farmer  NOUN  NNS  pobj   4 O
    .        .       PUNCT .    punct  1 O
""", {0: 0, 5: 5})


@pytest.mark.parametrize("text, table, heads, expected", [
    # "detained youths after clashes": the clashes are the cause the arrests refer to, reported before
    (*DETAINED_AFTER, [("detained", "COERCE")]),
    # with no other event governing it ("fled" is no trigger), the clash is all the sentence tells
    (*FLED, [("clashes", "ASSAULT")]),
], ids=["under-another-event", "alone"])
def test_event_noun_after_a_preposition_of_cause(stage, text, table, heads, expected):
    work = stage(work_with_actors(parsed(text, table), heads))
    assert [(d.trigger.text, d.event_type) for d in work.drafts] == expected


def test_conflict_verb_in_a_markets_sentence_is_business(stage):
    doc = parsed("Shareholders attacked the board as the stock price slumped.", """
        Shareholders  shareholder  NOUN  NNS  nsubj     1 O
        attacked      attack       VERB  VBD  ROOT      1 O
        the           the          DET   DT   det       3 O
        board         board        NOUN  NN   dobj      1 O
        as            as           SCONJ IN   mark      8 O
        the           the          DET   DT   det       7 O
        stock         stock        NOUN  NN   compound  7 O
        price         price        NOUN  NN   nsubj     8 O
        slumped       slump        VERB  VBD  advcl     1 O
        .             .            PUNCT .    punct     1 O
    """)
    assert stage.match(doc[1]).event_type == "ASSAULT"  # the verb alone is an assault trigger ...
    assert stage(work_with_actors(doc, {0: 0, 3: 2})).drafts == []  # ... but "stock", "price": business


def test_an_incident_keeps_every_merged_trigger_when_the_assault_takes_over(stage):
    doc = parsed("Police raided a rebel camp, arresting five fighters and killing two others.", """
        Police     Police   NOUN  NNS  nsubj     1  O
        raided     raid     VERB  VBD  ROOT      1  O
        a          a        DET   DT   det       4  O
        rebel      rebel    NOUN  NN   compound  4  O
        camp       camp     NOUN  NN   dobj      1  O
        ,          ,        PUNCT ,    punct     1  O
        arresting  arrest   VERB  VBG  advcl     1  O
        five       five     NUM   CD   nummod    8  B-CARDINAL
        fighters   fighter  NOUN  NNS  dobj      6  O
        and        and      CCONJ CC   cc        6  O
        killing    kill     VERB  VBG  conj      6  O
        two        two      NUM   CD   nummod    12 B-CARDINAL
        others     other    NOUN  NNS  dobj      10 O
        .          .        PUNCT .    punct     1  O
    """)
    work = stage(work_with_actors(doc, {0: 0, 8: 7}))
    [draft] = work.drafts  # one incident: the raid, the arrests and the killings
    assert (draft.trigger.text, draft.event_type) == ("killing", "ASSAULT")  # the most severe part wins
    assert sorted(t.text for t in draft.merged_triggers) == ["arresting", "raided"]
