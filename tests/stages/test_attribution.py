"""The attribution stage alone: who says each drafted event happened, and through which outlet.

"X told Reuters that ...", "..., Y said", "according to Z", "wrote on Telegram": an event inside a
reported clause is the speaker's claim, and users weigh claims by who makes them (a ministry's
claim about its enemy is not a neutral report). The stage finds the reporting verb above the
event's clause (``chronicle.syntax.speech``), takes its subject's actor as the speaker and a news
outlet or medium named with it as the channel, and records the verb and speaker on the draft for
the dates and framing stages. The cases cover each way a report is phrased, the parser's
conjunct reading of a trailing "..., X announced", an outlet after "according to" (a channel, not
a speaker), and a plain statement (no attribution at all).
"""

from __future__ import annotations

import pytest

from chronicle.knowledge.lexicon import TriggerEntry
from chronicle.record import ActorMention, Draft, Work
from chronicle.schema import Article, Span
from chronicle.stages.attribution import AttributionStage
from tests.parses import parsed


@pytest.fixture(scope="module")
def stage():
    attribution = AttributionStage()
    attribution.initialize()
    return attribution


def mention(doc, first: int, head: int, **codes) -> ActorMention:
    words = doc[first:head + 1]
    return ActorMention(text=words.text, start=words.start_char, end=words.end_char, head_i=head,
                        name=codes.pop("name", words.text), **codes)


def attribute(stage, text: str, table: str, trigger: int, actors: list[tuple]) -> Draft:
    """Run the stage on a draft of an attack triggered by token ``trigger``; ``actors`` are
    ``(first, head, codes)`` phrases of the sentence."""
    doc = parsed(text, table)
    mentions = [mention(doc, first, head, **codes) for first, head, codes in actors]
    token = doc[trigger]
    draft = Draft(sentence_index=0, sentence=doc[0:len(doc)], trigger=token,
                  trigger_span=Span(text=token.text, start=token.idx, end=token.idx + len(token)),
                  entry=TriggerEntry(lemma="attack", pos="VERB", event_type="ASSAULT", cameo="190"),
                  event_type="ASSAULT", cameo="190", anchor=token)
    work = Work(article=Article(id="t", text=text), doc=doc, mentions=mentions,
                actors_at={m.head_i: [m] for m in mentions}, drafts=[draft])
    stage(work)
    return draft


MILITANTS = (0, 0, {"sector": "REB"})
REUTERS = {"name": "Reuters", "actor_id": "REUTERS", "sector": "MED", "kind": "organisation"}


def test_told_an_outlet_that(stage):
    text = "A police spokesman told Reuters that militants attacked a checkpoint."
    draft = attribute(stage, text, """
        A           a           DET   DT   det       2 O
        police      police      NOUN  NN   compound  2 O
        spokesman   spokesman   NOUN  NN   nsubj     3 O
        told        tell        VERB  VBD  ROOT      3 O
        Reuters     Reuters     PROPN NNP  dobj      3 B-ORG
        that        that        SCONJ IN   mark      7 O
        militants   militant    NOUN  NNS  nsubj     7 O
        attacked    attack      VERB  VBD  ccomp     3 O
        a           a           DET   DT   det       9 O
        checkpoint  checkpoint  NOUN  NN   dobj      7 O
        .           .           PUNCT .    punct     3 O
    """, 7, [(0, 2, {"sector": "COP", "kind": "person"}), (4, 4, REUTERS), (6, 6, {"sector": "REB"})])
    att = draft.attribution
    assert (att.speaker.text, att.channel) == ("A police spokesman", "Reuters")
    assert (att.text, att.start, att.end) == ("A police spokesman told", 0, text.index(" Reuters"))
    assert att.confidence == 0.7
    assert draft.reporter.text == "told" and draft.speaker.text == "A police spokesman"


TRAILING_CCOMP = ("Rebels have seized the airport, a military spokesman announced.", """
    Rebels     rebel      NOUN  NNS  nsubj  2 O
    have       have       AUX   VBP  aux    2 O
    seized     seize      VERB  VBN  ccomp  9 O
    the        the        DET   DT   det    4 O
    airport    airport    NOUN  NN   dobj   2 O
    ,          ,          PUNCT ,    punct  9 O
    a          a          DET   DT   det    8 O
    military   military   ADJ   JJ   amod   8 O
    spokesman  spokesman  NOUN  NN   nsubj  9 O
    announced  announce   VERB  VBD  ROOT   9 O
    .          .          PUNCT .    punct  9 O
""")

# The same sentence as the parser sometimes reads it: the report a conjunct of the event's verb.
TRAILING_CONJ = (TRAILING_CCOMP[0], """
    Rebels     rebel      NOUN  NNS  nsubj  2 O
    have       have       AUX   VBP  aux    2 O
    seized     seize      VERB  VBN  ROOT   2 O
    the        the        DET   DT   det    4 O
    airport    airport    NOUN  NN   dobj   2 O
    ,          ,          PUNCT ,    punct  2 O
    a          a          DET   DT   det    8 O
    military   military   ADJ   JJ   amod   8 O
    spokesman  spokesman  NOUN  NN   nsubj  9 O
    announced  announce   VERB  VBD  conj   2 O
    .          .          PUNCT .    punct  2 O
""")


@pytest.mark.parametrize("text, table", [TRAILING_CCOMP, TRAILING_CONJ], ids=["ccomp", "conj"])
def test_trailing_speaker_after_the_event(stage, text, table):
    draft = attribute(stage, text, table, 2, [(0, 0, {"sector": "REB"}), (6, 8, {"sector": "MIL", "kind": "person"})])
    att = draft.attribution
    assert att.speaker.text == "a military spokesman" and att.channel is None
    assert att.text == "a military spokesman announced"
    assert draft.reporter.text == "announced"


ACCORDING = "Militants attacked a checkpoint overnight, according to {}."
ACCORDING_TABLE = """
    Militants   militant    NOUN  NNS  nsubj   1 O
    attacked    attack      VERB  VBD  ROOT    1 O
    a           a           DET   DT   det     3 O
    checkpoint  checkpoint  NOUN  NN   dobj    1 O
    overnight   overnight   ADV   RB   advmod  1 O
    ,           ,           PUNCT ,    punct   1 O
    according   accord      VERB  VBG  prep    1 O
    to          to          ADP   IN   prep    6 O
"""


def test_according_to_a_person_names_the_speaker(stage):
    draft = attribute(stage, ACCORDING.format("the provincial governor"), ACCORDING_TABLE + """
        the         the         DET   DT   det     10 O
        provincial  provincial  ADJ   JJ   amod    10 O
        governor    governor    NOUN  NN   pobj    7  O
        .           .           PUNCT .    punct   1  O
    """, 1, [MILITANTS, (8, 10, {"sector": "GOV", "kind": "person"})])
    att = draft.attribution
    assert (att.speaker.text, att.channel) == ("the provincial governor", None)
    assert att.text == "according to the provincial governor"
    assert draft.reporter is None and draft.speaker.text == "the provincial governor"


def test_according_to_an_outlet_names_the_channel_not_a_speaker(stage):
    draft = attribute(stage, ACCORDING.format("Reuters"), ACCORDING_TABLE + """
        Reuters     Reuters     PROPN NNP  pobj    7 B-ORG
        .           .           PUNCT .    punct   1 O
    """, 1, [MILITANTS, (8, 8, REUTERS)])
    att = draft.attribution
    assert (att.speaker, att.channel, att.text) == (None, "Reuters", "according to Reuters")
    assert att.confidence == 0.5 and draft.speaker is None


def test_medium_after_the_reporting_verb_is_the_channel(stage):
    draft = attribute(stage, "The Taliban wrote on Telegram that its fighters attacked a checkpoint.", """
        The         the         DET   DT   det    1 O
        Taliban     Taliban     PROPN NNP  nsubj  2 B-ORG
        wrote       write       VERB  VBD  ROOT   2 O
        on          on          ADP   IN   prep   2 O
        Telegram    Telegram    PROPN NNP  pobj   3 B-ORG
        that        that        SCONJ IN   mark   8 O
        its         its         PRON  PRP$ poss   7 O
        fighters    fighter     NOUN  NNS  nsubj  8 O
        attacked    attack      VERB  VBD  ccomp  2 O
        a           a           DET   DT   det    10 O
        checkpoint  checkpoint  NOUN  NN   dobj   8 O
        .           .           PUNCT .    punct  2 O
    """, 8, [(0, 1, {"name": "Taliban", "actor_id": "TAL", "sector": "REB", "kind": "group"}),
             (6, 7, {"name": "Taliban", "actor_id": "TAL", "sector": "REB", "kind": "group"})])
    att = draft.attribution
    assert (att.speaker.actor_id, att.channel) == ("TAL", "Telegram")
    assert draft.reporter.text == "wrote"


def test_a_plain_statement_has_no_attribution(stage):
    draft = attribute(stage, "Militants attacked a checkpoint near Kandahar.", """
        Militants   militant    NOUN  NNS  nsubj  1 O
        attacked    attack      VERB  VBD  ROOT   1 O
        a           a           DET   DT   det    3 O
        checkpoint  checkpoint  NOUN  NN   dobj   1 O
        near        near        ADP   IN   prep   3 O
        Kandahar    Kandahar    PROPN NNP  pobj   4 B-GPE
        .           .           PUNCT .    punct  1 O
    """, 1, [MILITANTS])
    assert (draft.attribution, draft.reporter, draft.speaker) == (None, None, None)
