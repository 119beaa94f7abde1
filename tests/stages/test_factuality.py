"""The factuality stage alone: did each drafted event happen (actual), or is it denied (negated),
only possible (hypothetical) or announced (future)?

It walks up from the event's trigger (or the verb that carries it) through the clauses that embed
it, reading negations, modal auxiliaries, conditional subordinators and governing verbs such as
"refused to" or "plans to", and stops at a reporting verb. Counting a denied, conditional or merely
planned attack as a real one is one of the oldest complaints about event data, so each cue family
is tested here, with the edge cases its comments name: a reporting verb's own tense says nothing
about the event, "would" in reported speech is a future, and a purpose clause is a plan unless the
act that serves it already delivers it ("sent engineers to help").
"""

from __future__ import annotations

import pytest

from chronicle.knowledge.lexicon import TriggerEntry
from chronicle.record import Draft, Work
from chronicle.schema import Article, Span
from chronicle.stages.factuality import FactualityStage
from tests.parses import parsed


@pytest.fixture(scope="module")
def stage():
    factuality = FactualityStage()
    factuality.initialize()
    return factuality


def draft_at(doc, i: int, event_type: str, cameo: str, anchor: int | None = None) -> Draft:
    """A draft triggered by token ``i``, as the events stage makes it (a verb anchors itself)."""
    token = doc[i]
    entry = TriggerEntry(lemma=token.lemma_, pos=token.pos_, event_type=event_type, cameo=cameo)
    anchor_token = doc[anchor] if anchor is not None else (token if token.pos_ == "VERB" else None)
    return Draft(sentence_index=0, sentence=doc[0:len(doc)], trigger=token,
                 trigger_span=Span(text=token.text, start=token.idx, end=token.idx + len(token)),
                 entry=entry, event_type=event_type, cameo=cameo, anchor=anchor_token)


def classify(stage, text: str, table: str, trigger: int, event_type: str = "ASSAULT", cameo: str = "190"):
    """Run the stage on one draft; return (factuality, cue lemma, the draft)."""
    doc = parsed(text, table)
    draft = draft_at(doc, trigger, event_type, cameo)
    stage(Work(article=Article(id="t", text=text), doc=doc, drafts=[draft]))
    return draft.factuality, draft.factuality_cue_lemma, draft


NOT_WITHDRAW = ("Sudan did not withdraw its troops from the border.", """
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
""", 3, "RETREAT", "0874")

NO_SOLDIERS = ("No soldiers attacked the protesters.", """
    No          no         DET   DT   det    1 O
    soldiers    soldier    NOUN  NNS  nsubj  2 O
    attacked    attack     VERB  VBD  ROOT   2 O
    the         the        DET   DT   det    4 O
    protesters  protester  NOUN  NNS  dobj   2 O
    .           .          PUNCT .    punct  2 O
""", 2, "ASSAULT", "190")

WILL_DEPLOY = ("Turkey will deploy more soldiers to the region.", """
    Turkey    Turkey    PROPN NNP  nsubj  2 B-GPE
    will      will      AUX   MD   aux    2 O
    deploy    deploy    VERB  VB   ROOT   2 O
    more      more      ADJ   JJR  amod   4 O
    soldiers  soldier   NOUN  NNS  dobj   2 O
    to        to        ADP   IN   prep   2 O
    the       the       DET   DT   det    7 O
    region    region    NOUN  NN   pobj   5 O
    .         .         PUNCT .    punct  2 O
""", 2, "MOBILIZE", "154")

COULD_ATTACK = ("The rebels could attack Bukavu.", """
    The     the     DET   DT   det    1 O
    rebels  rebel   NOUN  NNS  nsubj  3 O
    could   could   AUX   MD   aux    3 O
    attack  attack  VERB  VB   ROOT   3 O
    Bukavu  Bukavu  PROPN NNP  dobj   3 B-GPE
    .       .       PUNCT .    punct  3 O
""", 3, "ASSAULT", "190")

WILL_NOT_EASE = ("Washington will not ease the embargo until Caracas frees the prisoners.", """
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
""", 3, "RETREAT", "085")


@pytest.mark.parametrize("text, table, trigger, event_type, cameo, expected", [
    (*NOT_WITHDRAW, ("negated", "not")),
    (*NO_SOLDIERS, ("negated", "no")),       # "no" on the subject negates the clause
    (*WILL_DEPLOY, ("future", "will")),
    (*COULD_ATTACK, ("hypothetical", "could")),
    (*WILL_NOT_EASE, ("negated", "not")),     # negation outranks the future modal beside it
], ids=["not", "no-subject", "will", "could", "will-not"])
def test_cue_in_the_event_clause(stage, text, table, trigger, event_type, cameo, expected):
    value, lemma, _ = classify(stage, text, table, trigger, event_type, cameo)
    assert (value, lemma) == expected


REFUSED = ("Iran refused to free the tanker's crew.", """
    Iran     Iran    PROPN NNP  nsubj  1 B-GPE
    refused  refuse  VERB  VBD  ROOT   1 O
    to       to      PART  TO   aux    3 O
    free     free    VERB  VB   xcomp  1 O
    the      the     DET   DT   det    5 O
    tanker   tanker  NOUN  NN   poss   7 O
    's       's      PART  POS  case   5 O
    crew     crew    NOUN  NN   dobj   3 O
    .        .       PUNCT .    punct  1 O
""", 3, "RETREAT", "0841")

PLANS = ("Ukraine plans to meet Russian negotiators in Istanbul.", """
    Ukraine      Ukraine     PROPN NNP  nsubj  1 B-GPE
    plans        plan        VERB  VBZ  ROOT   1 O
    to           to          PART  TO   aux    3 O
    meet         meet        VERB  VB   xcomp  1 O
    Russian      russian     ADJ   JJ   amod   5 B-NORP
    negotiators  negotiator  NOUN  NNS  dobj   3 O
    in           in          ADP   IN   prep   3 O
    Istanbul     Istanbul    PROPN NNP  pobj   6 B-GPE
    .            .           PUNCT .    punct  1 O
""", 3, "CONSULT", "040")

DENIED = ("Moscow denied that its warplanes bombed a school in Idlib.", """
    Moscow     Moscow    PROPN NNP  nsubj  1 B-GPE
    denied     deny      VERB  VBD  ROOT   1 O
    that       that      SCONJ IN   mark   5 O
    its        its       PRON  PRP$ poss   4 O
    warplanes  warplane  NOUN  NNS  nsubj  5 O
    bombed     bomb      VERB  VBD  ccomp  1 O
    a          a         DET   DT   det    7 O
    school     school    NOUN  NN   dobj   5 O
    in         in        ADP   IN   prep   7 O
    Idlib      Idlib     PROPN NNP  pobj   8 B-GPE
    .          .         PUNCT .    punct  1 O
""", 5, "ASSAULT", "195")

CALLED_FOR = ("Germany called for an arms embargo on the regime.", """
    Germany  Germany  PROPN NNP  nsubj     1 B-GPE
    called   call     VERB  VBD  ROOT      1 O
    for      for      ADP   IN   prep      1 O
    an       an       DET   DT   det       5 O
    arms     arm      NOUN  NNS  compound  5 O
    embargo  embargo  NOUN  NN   pobj      2 O
    on       on       ADP   IN   prep      5 O
    the      the      DET   DT   det       8 O
    regime   regime   NOUN  NN   pobj      6 O
    .        .        PUNCT .    punct     1 O
""", 5, "COERCE", "163")


@pytest.mark.parametrize("text, table, trigger, event_type, cameo, expected", [
    (*REFUSED, ("negated", "refuse")),
    (*PLANS, ("future", "plan")),
    (*DENIED, ("negated", "deny")),            # a denial verb reports a clause and negates it
    (*CALLED_FOR, ("hypothetical", "call")),   # an event noun asked for has not happened
], ids=["refused-to", "plans-to", "denied-that", "called-for"])
def test_governing_verb_sets_the_embedded_event(stage, text, table, trigger, event_type, cameo, expected):
    value, lemma, _ = classify(stage, text, table, trigger, event_type, cameo)
    assert (value, lemma) == expected


def test_event_in_an_if_clause_is_hypothetical_and_the_main_clause_modal_stays_out(stage):
    value, lemma, _ = classify(stage, "If the army shells Bukavu, the rebels will retaliate.", """
        If         if         SCONJ IN   mark   3 O
        the        the        DET   DT   det    2 O
        army       army       NOUN  NN   nsubj  3 O
        shells     shell      VERB  VBZ  advcl  9 O
        Bukavu     Bukavu     PROPN NNP  dobj   3 B-GPE
        ,          ,          PUNCT ,    punct  9 O
        the        the        DET   DT   det    7 O
        rebels     rebel      NOUN  NNS  nsubj  9 O
        will       will       AUX   MD   aux    9 O
        retaliate  retaliate  VERB  VB   ROOT   9 O
        .          .          PUNCT .    punct  9 O
    """, 3, "ASSAULT", "194")
    assert (value, lemma) == ("hypothetical", "if")


SAID_ATTACKED = ("The governor said gunmen attacked the village.", """
    The       the       DET   DT   det    1 O
    governor  governor  NOUN  NN   nsubj  2 O
    said      say       VERB  VBD  ROOT   2 O
    gunmen    gunman    NOUN  NNS  nsubj  4 O
    attacked  attack    VERB  VBD  ccomp  2 O
    the       the       DET   DT   det    6 O
    village   village   NOUN  NN   dobj   4 O
    .         .         PUNCT .    punct  2 O
""", 4, "ASSAULT", "190")

TOLD_WOULD_MEET = ("An official told Reuters the ministers would meet in Doha.", """
    An         an        DET   DT   det    1 O
    official   official  NOUN  NN   nsubj  2 O
    told       tell      VERB  VBD  ROOT   2 O
    Reuters    Reuters   PROPN NNP  dobj   2 B-ORG
    the        the       DET   DT   det    5 O
    ministers  minister  NOUN  NNS  nsubj  7 O
    would      would     AUX   MD   aux    7 O
    meet       meet      VERB  VB   ccomp  2 O
    in         in        ADP   IN   prep   7 O
    Doha       Doha      PROPN NNP  pobj   8 B-GPE
    .          .         PUNCT .    punct  2 O
""", 7, "CONSULT", "040")


@pytest.mark.parametrize("text, table, trigger, event_type, cameo, expected", [
    (*SAID_ATTACKED, ("actual", None)),
    # "would" in reported speech is the speaker's "will", not a condition
    (*TOLD_WOULD_MEET, ("future", "would")),
], ids=["said", "told-would"])
def test_reporting_verb_ends_the_walk(stage, text, table, trigger, event_type, cameo, expected):
    value, lemma, _ = classify(stage, text, table, trigger, event_type, cameo)
    assert (value, lemma) == expected


SENT_TO_HELP = ("Japan sent engineers to help Tonga.", """
    Japan      Japan     PROPN NNP  nsubj  1 B-GPE
    sent       send      VERB  VBD  ROOT   1 O
    engineers  engineer  NOUN  NNS  dobj   1 O
    to         to        PART  TO   aux    4 O
    help       help      VERB  VB   advcl  1 O
    Tonga      Tonga     PROPN NNP  dobj   4 B-GPE
    .          .         PUNCT .    punct  1 O
""", 4, "AID", "070")

SENT_TO_FIGHT = ("France sent troops to fight the insurgents.", """
    France      France     PROPN NNP  nsubj  1 B-GPE
    sent        send       VERB  VBD  ROOT   1 O
    troops      troop      NOUN  NNS  dobj   1 O
    to          to         PART  TO   aux    4 O
    fight       fight      VERB  VB   advcl  1 O
    the         the        DET   DT   det    6 O
    insurgents  insurgent  NOUN  NNS  dobj   4 O
    .           .          PUNCT .    punct  1 O
""", 4, "ASSAULT", "190")


@pytest.mark.parametrize("text, table, trigger, event_type, cameo, expected", [
    (*SENT_TO_HELP, ("actual", None)),        # help given by sending is given when they are sent
    (*SENT_TO_FIGHT, ("hypothetical", "to")),  # a fight is only the purpose of the deployment
], ids=["help-realised", "fight-planned"])
def test_purpose_clause(stage, text, table, trigger, event_type, cameo, expected):
    value, lemma, _ = classify(stage, text, table, trigger, event_type, cameo)
    assert (value, lemma) == expected


def test_cue_is_recorded_as_a_span_of_the_article(stage):
    text = NOT_WITHDRAW[0]
    _, _, draft = classify(stage, *NOT_WITHDRAW)
    assert draft.factuality_cue == Span(text="not", start=text.index("not"), end=text.index("not") + 3)
    assert draft.factuality_confidence == 0.8
    _, _, plain = classify(stage, *SAID_ATTACKED)
    assert (plain.factuality_cue, plain.factuality_confidence) == (None, 0.7)
