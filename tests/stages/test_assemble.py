"""The assemble stage: finished drafts become output ``Event`` records with deterministic ids and
per-field confidences, and an article's repeated reports of one event (same type, factuality and set
of actors, at the same time) become one record whose ``mentions`` counts them, keeping the first
report's evidence and filling its gaps (place, attribution, size...) from the later ones.

The cases matter because news articles restate their main event in lead, body and quotes: without
the merge every restatement is a new event, and with a careless merge a denial, a different pair of
actors, or an event a fortnight earlier would be folded into the main one. A report dated only by
the publication date is the same event as one stated for a day of the week before.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from chronicle.knowledge.lexicon import TriggerEntry
from chronicle.record import ActorMention, Draft, Work
from chronicle.schema import QUAD_CLASS, Article, EventDate, Location, Span
from chronicle.stages.assemble import AssembleStage
from parses import parsed

PUBLISHED = dt.date(2024, 5, 9)  # a Thursday
AMBUSH = TriggerEntry(lemma="ambush", pos="VERB", event_type="ASSAULT", cameo="190")
TEXT = "Gunmen ambushed a convoy on Monday. The gunmen ambushed the convoy near Homs."
TABLE = """
    Gunmen    gunman  NOUN  NNS nsubj 1  O
    ambushed  ambush  VERB  VBD ROOT  1  O
    a         a       DET   DT  det   3  O
    convoy    convoy  NOUN  NN  dobj  1  O
    on        on      ADP   IN  prep  1  O
    Monday    Monday  PROPN NNP pobj  4  B-DATE
    .         .       PUNCT .   punct 1  O
    The       the     DET   DT  det   8  O
    gunmen    gunman  NOUN  NNS nsubj 9  O
    ambushed  ambush  VERB  VBD ROOT  9  O
    the       the     DET   DT  det   11 O
    convoy    convoy  NOUN  NN  dobj  9  O
    near      near    ADP   IN  prep  9  O
    Homs      Homs    PROPN NNP pobj  12 B-GPE
    .         .       PUNCT .   punct 9  O
"""
MONDAY = EventDate(value="2024-05-06", precision="day", text="Monday", start=28, end=34, method="expression",
                   confidence=0.8)
ON_PUBLICATION = EventDate(value="2024-05-09", precision="day", method="publication", confidence=0.5)
HOMS = Location(name="Homs", country="SYR", precision="city", text="Homs", start=72, end=76,
                method="attached", confidence=0.8)


def gunmen(doc, i: int) -> ActorMention:
    token = doc[i]
    return ActorMention(text=token.text, start=token.idx, end=token.idx + len(token), kind="group",
                        method="agent", confidence=0.6, head_i=i, plural=True)


def draft(doc, trigger: int, **fields) -> Draft:
    """A finished draft of the ambush whose trigger is token ``trigger`` (every later stage's fields
    filled as they would be), with ``fields`` overriding."""
    token = doc[trigger]
    sentences = list(doc.sents)
    sentence = next(i for i, s in enumerate(sentences) if s.start <= trigger < s.end)
    subject = next(c.i for c in token.children if c.dep_ == "nsubj")
    made = Draft(sentence_index=sentence, sentence=sentences[sentence], trigger=token,
                 trigger_span=Span(text=token.text, start=token.idx, end=token.idx + len(token)),
                 entry=AMBUSH, event_type="ASSAULT", cameo="190", anchor=token, source=[gunmen(doc, subject)],
                 date=ON_PUBLICATION, quad_class=4, goldstein=-10.0, type_confidence=0.75)
    for name, value in fields.items():
        setattr(made, name, value)
    if "event_type" in fields:
        made.quad_class = QUAD_CLASS[made.event_type]
    return made


def assemble(drafts: list[Draft], doc, doc_id: str = "a1") -> list:
    work = Work(article=Article(id=doc_id, text=doc.text, published=PUBLISHED), doc=doc, drafts=drafts)
    return AssembleStage()(work).events


def test_draft_becomes_an_event_with_its_evidence():
    doc = parsed(TEXT, TABLE)
    (event,) = assemble([draft(doc, 1, date=MONDAY)], doc)

    assert (event.doc_id, event.sentence_index, event.sentence) == ("a1", 0, "Gunmen ambushed a convoy on Monday.")
    assert (event.event_type, event.cameo, event.quad_class, event.goldstein) == ("ASSAULT", "190", 4, -10.0)
    assert (event.trigger.text, event.trigger.start, event.trigger.end) == ("ambushed", 7, 15)
    assert [(a.text, a.method, a.confidence) for a in event.source] == [("Gunmen", "agent", 0.6)]
    assert (event.factuality, event.date, event.mentions) == ("actual", MONDAY, 1)
    assert (event.confidences.source, event.confidences.target, event.confidences.date) == (0.6, 0.0, 0.8)
    assert event.confidence == pytest.approx(0.75 * (0.5 + 0.5 * 0.6), abs=1e-3)


def test_event_ids_are_deterministic_per_article_and_trigger():
    doc = parsed(TEXT, TABLE)
    first = [e.id for e in assemble([draft(doc, 1, date=MONDAY), draft(doc, 9, factuality="negated")], doc)]
    again = [e.id for e in assemble([draft(doc, 1, date=MONDAY), draft(doc, 9, factuality="negated")], doc)]
    other_article = [e.id for e in assemble([draft(doc, 1, date=MONDAY)], doc, doc_id="a2")]

    assert first == again
    assert all(re.fullmatch(r"[0-9a-f]{16}", i) for i in first)
    assert first[0] != first[1]             # two triggers, two ids
    assert other_article[0] != first[0]     # the same trigger in another article


@pytest.mark.parametrize("lead, repeat", [
    ({"date": MONDAY}, {"location": HOMS}),                 # the lead states the day, the repeat the place
    ({"date": ON_PUBLICATION}, {"date": MONDAY, "location": HOMS}),  # the repeat's stated day wins
])
def test_repeat_of_one_event_merges_with_a_mention_count(lead, repeat):
    doc = parsed(TEXT, TABLE)
    (event,) = assemble([draft(doc, 1, **lead), draft(doc, 9, **repeat)], doc)

    assert event.mentions == 2
    assert (event.trigger.start, event.sentence_index) == (7, 0)   # the first report's evidence
    assert event.location == HOMS                                   # its gap filled from the repeat
    assert event.date == MONDAY


UN_CONVOY = ActorMention(text="convoy", start=60, end=66, name="UN convoy", actor_id="IGOUNO",
                         kind="organisation", head_i=11)


@pytest.mark.parametrize("change", [
    {"factuality": "negated"},                                  # "the gunmen did not ambush ..."
    {"event_type": "COERCE", "cameo": "170"},                   # another kind of act
    {"target": [UN_CONVOY]},                                    # another set of actors
    {"date": MONDAY.model_copy(update={"value": "2024-04-22"})},  # over a week before publication
    {"date": MONDAY.model_copy(update={"value": "2024-05-10"})},  # after publication
], ids=["factuality", "type", "actors", "fortnight-before", "after-publication"])
def test_different_reports_are_not_merged(change):
    doc = parsed(TEXT, TABLE)
    events = assemble([draft(doc, 1), draft(doc, 9, **change)], doc)

    assert [e.mentions for e in events] == [1, 1]
