"""General argument rules of the events stage, each on a new sentence with a hand-written parse.

When a verb's object names no actor at its head, the actor inside the object is the target ("shelled
a checkpoint in Chad", "praised Obama's speech", "rejected a proposal made by Hamas"); when the verb
only says what its subject set out to do, the governed verb's target is its target ("agreed to free
the Iranian diplomats") or what it is for ("sent troops to protect the Kurds"); "for" after what
the verb acts on names its recipient ("suspended aid for the Rohingya"); after the noun of a said
act, "from" names who said it ("criticism from Labour"), while after a noun of movement it names the
place left ("withdrawal from Chad"); a message that does the act speaks for its author ("issued a
statement criticising Shell"). Without these rules the events stage left the target, or the
source, empty in each sentence below.
"""

from __future__ import annotations

import pytest

from chronicle.stages.events import EventsStage
from tests.parses import parsed
from tests.stages.test_events import texts, work_with_actors


@pytest.fixture(scope="module")
def stage():
    events = EventsStage()
    events.initialize()
    return events


SHELLED_PLACE = ("Rebels shelled a checkpoint in Chad.", """
    Rebels      rebel       NOUN  NNS  nsubj  1 O
    shelled     shell       VERB  VBD  ROOT   1 O
    a           a           DET   DT   det    3 O
    checkpoint  checkpoint  NOUN  NN   dobj   1 O
    in          in          ADP   IN   prep   3 O
    Chad        Chad        PROPN NNP  pobj   4 B-GPE
    .           .           PUNCT .    punct  1 O
""", {0: 0, 5: 5}, ("shelled", ["Rebels"], ["Chad"]))

PRAISED_OWNER = ("The senator praised Obama's speech.", """
    The      the      DET   DT   det    1 O
    senator  senator  NOUN  NN   nsubj  2 O
    praised  praise   VERB  VBD  ROOT   2 O
    Obama    Obama    PROPN NNP  poss   5 B-PERSON
    's       's       PART  POS  case   3 O
    speech   speech   NOUN  NN   dobj   2 O
    .        .        PUNCT .    punct  2 O
""", {1: 0, 3: 3}, ("praised", ["The senator"], ["Obama"]))

REJECTED_PROPOSER = ("The minister rejected a proposal made by Hamas.", """
    The       the       DET   DT   det    1 O
    minister  minister  NOUN  NN   nsubj  2 O
    rejected  reject    VERB  VBD  ROOT   2 O
    a         a         DET   DT   det    4 O
    proposal  proposal  NOUN  NN   dobj   2 O
    made      make      VERB  VBN  acl    4 O
    by        by        ADP   IN   agent  5 O
    Hamas     Hamas     PROPN NNP  pobj   6 B-ORG
    .         .         PUNCT .    punct  2 O
""", {1: 0, 7: 7}, ("rejected", ["The minister"], ["Hamas"]))


@pytest.mark.parametrize("text, table, heads, expected", [SHELLED_PLACE, PRAISED_OWNER, REJECTED_PROPOSER],
                         ids=["place-in-object", "owner-of-object", "agent-of-reduced-relative"])
def test_actor_inside_the_object_is_the_target(stage, text, table, heads, expected):
    work = stage(work_with_actors(parsed(text, table), heads))
    trigger = expected[0]
    assert [(d.trigger.text, texts(d.source), texts(d.target)) for d in work.drafts
            if d.trigger.text == trigger] == [expected]


def test_an_object_that_names_an_actor_keeps_it(stage):
    """The inner actor is read only when the object itself names none: "shelled the Chadian army in
    Chad" has the army as its target, not the place."""
    doc = parsed("Rebels shelled the army in Chad.", """
        Rebels   rebel    NOUN  NNS  nsubj  1 O
        shelled  shell    VERB  VBD  ROOT   1 O
        the      the      DET   DT   det    3 O
        army     army     NOUN  NN   dobj   1 O
        in       in       ADP   IN   prep   3 O
        Chad     Chad     PROPN NNP  pobj   4 B-GPE
        .        .        PUNCT .    punct  1 O
    """)
    work = stage(work_with_actors(doc, {0: 0, 3: 2, 5: 5}))
    assert [(texts(d.source), texts(d.target)) for d in work.drafts] == [(["Rebels"], ["the army"])]


def test_target_of_the_governed_verb(stage):
    """"Canada agreed to free the Iranian diplomats": the agreement is towards the diplomats."""
    doc = parsed("Canada agreed to free the Iranian diplomats.", """
        Canada     Canada     PROPN NNP  nsubj  1 B-GPE
        agreed     agree      VERB  VBD  ROOT   1 O
        to         to         PART  TO   aux    3 O
        free       free       VERB  VB   xcomp  1 O
        the        the        DET   DT   det    6 O
        Iranian    iranian    ADJ   JJ   amod   6 B-NORP
        diplomats  diplomat   NOUN  NNS  dobj   3 O
        .          .          PUNCT .    punct  1 O
    """)
    work = stage(work_with_actors(doc, {0: 0, 6: 4}))
    agreed = [d for d in work.drafts if d.trigger.text == "agreed"]
    assert [(texts(d.source), texts(d.target)) for d in agreed] == [(["Canada"], ["the Iranian diplomats"])]


def test_from_names_who_voices_a_said_act(stage):
    """"Criticism from Labour grew": Labour criticises; it is the source, not the target."""
    doc = parsed("Criticism from Labour grew.", """
        Criticism  criticism  NOUN  NN   nsubj  3 O
        from       from       ADP   IN   prep   0 O
        Labour     Labour     PROPN NNP  pobj   1 B-ORG
        grew       grow       VERB  VBD  ROOT   3 O
        .          .          PUNCT .    punct  3 O
    """)
    work = stage(work_with_actors(doc, {2: 2}))
    assert [(d.event_type, texts(d.source), texts(d.target)) for d in work.drafts] == [("ACCUSE", ["Labour"], [])]


def test_from_after_a_movement_noun_is_not_the_source(stage):
    """"The withdrawal from Chad began": Chad is the place left, never the one withdrawing."""
    doc = parsed("The withdrawal from Chad began.", """
        The         the         DET   DT   det    1 O
        withdrawal  withdrawal  NOUN  NN   nsubj  4 O
        from        from        ADP   IN   prep   1 O
        Chad        Chad        PROPN NNP  pobj   2 B-GPE
        began       begin       VERB  VBD  ROOT   4 O
        .           .           PUNCT .    punct  4 O
    """)
    work = stage(work_with_actors(doc, {3: 3}))
    assert all("Chad" not in texts(d.source) for d in work.drafts)


def test_target_of_the_purpose_clause(stage):
    """"Britain sent troops to protect the Kurds": what the troops were sent for names the target."""
    doc = parsed("Britain sent troops to protect the Kurds.", """
        Britain  Britain  PROPN NNP  nsubj  1 B-GPE
        sent     send     VERB  VBD  ROOT   1 O
        troops   troop    NOUN  NNS  dobj   1 O
        to       to       PART  TO   aux    4 O
        protect  protect  VERB  VB   advcl  1 O
        the      the      DET   DT   det    6 O
        Kurds    Kurds    PROPN NNPS dobj   4 B-NORP
        .        .        PUNCT .    punct  1 O
    """)
    work = stage(work_with_actors(doc, {0: 0, 6: 5}))
    sent = [d for d in work.drafts if d.trigger.text == "sent"]
    assert [(texts(d.source), texts(d.target)) for d in sent] == [(["Britain"], ["the Kurds"])]


def test_two_subjects_of_a_symmetric_act_stay_each_others_targets(stage):
    """"Iran and Iraq agreed to share data on Syria" is Iran <-> Iraq: the governed verb's target
    (Syria) is not read when the subjects already act on each other."""
    doc = parsed("Iran and Iraq agreed to share data on Syria.", """
        Iran    Iran    PROPN NNP  nsubj  3 B-GPE
        and     and     CCONJ CC   cc     0 O
        Iraq    Iraq    PROPN NNP  conj   0 B-GPE
        agreed  agree   VERB  VBD  ROOT   3 O
        to      to      PART  TO   aux    5 O
        share   share   VERB  VB   xcomp  3 O
        data    datum   NOUN  NNS  dobj   5 O
        on      on      ADP   IN   prep   6 O
        Syria   Syria   PROPN NNP  pobj   7 B-GPE
        .       .       PUNCT .    punct  3 O
    """)
    work = stage(work_with_actors(doc, {0: 0, 2: 2, 8: 8}))
    agreed = [d for d in work.drafts if d.trigger.text == "agreed"]
    assert [(d.reciprocal, texts(d.source), texts(d.target)) for d in agreed] == [(True, ["Iran"], ["Iraq"])]


def test_for_names_the_recipient_of_what_the_verb_acts_on(stage):
    """"The agency suspended aid for the Rohingya", with "for" hung on the verb (as the parser often
    does): the ones the aid was for are the target, as after "to"."""
    doc = parsed("The agency suspended aid for the Rohingya.", """
        The        the        DET   DT   det    1 O
        agency     agency     NOUN  NN   nsubj  2 O
        suspended  suspend    VERB  VBD  ROOT   2 O
        aid        aid        NOUN  NN   dobj   2 O
        for        for        ADP   IN   prep   2 O
        the        the        DET   DT   det    6 O
        Rohingya   Rohingya   PROPN NNP  pobj   4 B-NORP
        .          .          PUNCT .    punct  2 O
    """)
    work = stage(work_with_actors(doc, {1: 0, 6: 5}))
    assert [(d.event_type, texts(d.source), texts(d.target)) for d in work.drafts] \
        == [("SANCTION", ["The agency"], ["the Rohingya"])]


def test_author_of_a_message_that_does_the_act(stage):
    """"Greenpeace issued a statement criticising Shell": the statement criticises, so its issuer does."""
    doc = parsed("Greenpeace issued a statement criticising Shell.", """
        Greenpeace   Greenpeace  PROPN NNP  nsubj  1 B-ORG
        issued       issue       VERB  VBD  ROOT   1 O
        a            a           DET   DT   det    3 O
        statement    statement   NOUN  NN   dobj   1 O
        criticising  criticise   VERB  VBG  acl    3 O
        Shell        Shell       PROPN NNP  dobj   4 B-ORG
        .            .           PUNCT .    punct  1 O
    """)
    work = stage(work_with_actors(doc, {0: 0, 5: 5}))
    criticising = [d for d in work.drafts if d.trigger.text == "criticising"]
    assert [(texts(d.source), texts(d.target)) for d in criticising] == [(["Greenpeace"], ["Shell"])]


def test_a_group_that_does_the_act_is_not_a_message(stage):
    """"Police dispersed a crowd demanding elections": the crowd demands, never the police."""
    doc = parsed("Police dispersed a crowd demanding elections.", """
        Police     police     NOUN  NNS  nsubj  1 O
        dispersed  disperse   VERB  VBD  ROOT   1 O
        a          a          DET   DT   det    3 O
        crowd      crowd      NOUN  NN   dobj   1 O
        demanding  demand     VERB  VBG  acl    3 O
        elections  election   NOUN  NNS  dobj   4 O
        .          .          PUNCT .    punct  1 O
    """)
    work = stage(work_with_actors(doc, {0: 0}))
    assert all(texts(d.source) != ["Police"] for d in work.drafts if d.trigger.text == "demanding")
