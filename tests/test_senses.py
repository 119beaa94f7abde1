"""The sense conditions of the trigger lexicon (``when``/``unless``), on hand-built parses.

A word list cannot tell "Trump fired Flynn" (a dismissal) from "soldiers fired on protesters" (a
shooting), or "Iran warned it would close the strait" (a threat) from "the bank warned that growth
could slow" (a forecast): the events stage reads the shape of the clause
(``chronicle.stages.events.senses``) for the entries that name a condition. These tests need no
spaCy model: each parse is the model's own, written out with ``python tests/parses.py``.
"""

from __future__ import annotations

import pytest

from chronicle.errors import DataFileError
from chronicle.knowledge.lexicon import SENSE_CONDITIONS, read_lexicon
from chronicle.stages.events import EventsStage
from chronicle.stages.events.senses import CONDITIONS
from tests.parses import parsed

PARSES = {
    "Trump fired Flynn in February.": """
        Trump     trump     NOUN  NN  nsubj 1 O
        fired     fire      VERB  VBD ROOT  1 O
        Flynn     Flynn     PROPN NNP dobj  1 B-PERSON
        in        in        ADP   IN  prep  1 O
        February  February  PROPN NNP pobj  3 B-DATE
        .         .         PUNCT .   punct 1 O""",
    "Soldiers fired on protesters.": """
        Soldiers    soldier    NOUN  NNS nsubj 1 O
        fired       fire       VERB  VBD ROOT  1 O
        on          on         ADP   IN  prep  1 O
        protesters  protester  NOUN  NNS pobj  2 O
        .           .          PUNCT .   punct 1 O""",
    "Iran warned it would close the strait.": """
        Iran    Iran    PROPN NNP nsubj 1 B-GPE
        warned  warn    VERB  VBD ROOT  1 O
        it      it      PRON  PRP nsubj 4 O
        would   would   AUX   MD  aux   4 O
        close   close   VERB  VB  ccomp 1 O
        the     the     DET   DT  det   6 O
        strait  strait  NOUN  NN  dobj  4 O
        .       .       PUNCT .   punct 1 O""",
    "The bank warned that growth could slow.": """
        The     the     DET   DT  det   1 O
        bank    bank    NOUN  NN  nsubj 2 O
        warned  warn    VERB  VBD ROOT  2 O
        that    that    SCONJ IN  mark  6 O
        growth  growth  NOUN  NN  nsubj 6 O
        could   could   AUX   MD  aux   6 O
        slow    slow    VERB  VB  ccomp 2 O
        .       .       PUNCT .   punct 2 O""",
    "Seoul warned of retaliation.": """
        Seoul        Seoul        PROPN NNP nsubj 1 B-GPE
        warned       warn         VERB  VBD ROOT  1 O
        of           of           ADP   IN  prep  1 O
        retaliation  retaliation  NOUN  NN  pobj  2 O
        .            .            PUNCT .   punct 1 O""",
    "The party supports higher taxes.": """
        The       the      DET   DT  det   1 O
        party     party    NOUN  NN  nsubj 2 O
        supports  support  VERB  VBZ ROOT  2 O
        higher    high     ADJ   JJR amod  4 O
        taxes     taxis    NOUN  NNS dobj  2 O
        .         .        PUNCT .   punct 2 O""",
    "Democrats fought against the bill.": """
        Democrats  Democrats  PROPN NNPS nsubj 1 B-NORP
        fought     fight      VERB  VBD  ROOT  1 O
        against    against    ADP   IN   prep  1 O
        the        the        DET   DT   det   4 O
        bill       bill       NOUN  NN   pobj  2 O
        .          .          PUNCT .    punct 1 O""",
    "Rebels fought against the army.": """
        Rebels   rebel    NOUN  NNS nsubj 1 O
        fought   fight    VERB  VBD ROOT  1 O
        against  against  ADP   IN  prep  1 O
        the      the      DET   DT  det   4 O
        army     army     NOUN  NN  pobj  2 O
        .        .        PUNCT .   punct 1 O""",
    "The chief agreed that bombers leave evidence.": """
        The       the       DET   DT  det   1 O
        chief     chief     NOUN  NN  nsubj 2 O
        agreed    agree     VERB  VBD ROOT  2 O
        that      that      SCONJ IN  mark  5 O
        bombers   bomber    NOUN  NNS nsubj 5 O
        leave     leave     VERB  VBP ccomp 2 O
        evidence  evidence  NOUN  NN  dobj  5 O
        .         .         PUNCT .   punct 2 O""",
}


@pytest.fixture(scope="module")
def stage():
    events = EventsStage()
    events.initialize()
    return events


def trigger_of(text: str):
    doc = parsed(text, PARSES[text])
    return next(t for t in doc if t.dep_ == "ROOT")


@pytest.mark.parametrize("text, event_type", [
    ("Trump fired Flynn in February.", "COERCE"),           # a dismissal
    ("Soldiers fired on protesters.", "ASSAULT"),           # a shooting
    ("Iran warned it would close the strait.", "THREATEN"),  # the warner's own act
    ("Seoul warned of retaliation.", "THREATEN"),           # a warning of a reprisal
    ("The bank warned that growth could slow.", None),      # a forecast
    ("The party supports higher taxes.", None),             # a standing position
    ("Democrats fought against the bill.", None),           # a fight over a bill
    ("Rebels fought against the army.", "ASSAULT"),
    ("The chief agreed that bombers leave evidence.", None),  # a view shared
])
def test_senses_pick_the_sense_of_the_trigger(stage, text, event_type):
    entry = stage.match(trigger_of(text))
    assert (entry.event_type if entry is not None else None) == event_type


def test_senses_every_condition_is_documented_and_implemented():
    assert set(SENSE_CONDITIONS) == set(CONDITIONS)


def test_senses_an_unknown_condition_in_a_lexicon_file_is_refused_naming_the_entry(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("- lemma: scold\n  pos: VERB\n  event_type: ACCUSE\n  cameo: '111'\n  when: [angrily]\n",
                    encoding="utf-8")
    with pytest.raises(DataFileError, match=r"mine\.yaml.*entry 1: when\.0"):
        read_lexicon(path)
