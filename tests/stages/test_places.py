"""The places stage: each draft's location is the place where its event happened, not any place the
sentence names. First a place phrase attached to the trigger's clause ("arrested ... in Nairobi"),
then a place whose relative clause the event is ("in Lagos, where protesters had blocked ..."), then
a place inside an event noun's own phrase, and last any other place in the sentence, unless that
place is used as an actor ("Egypt condemned ...") or belongs to another event noun ("ahead of the
talks in Cairo" is where the talks are).

The cases matter because news sentences name places in all these roles, and a country that acts is
the commonest false location. The gazetteer is the shipped one (no spaCy model is loaded).
"""

from __future__ import annotations

import pytest

from chronicle.knowledge.lexicon import TriggerEntry
from chronicle.record import ActorMention, Draft, Work
from chronicle.schema import Article, Span
from chronicle.stages.places import PlacesStage
from parses import parsed


@pytest.fixture(scope="module")
def stage():
    stage = PlacesStage()
    stage.initialize()
    return stage


def mention(doc, i: int, country: str | None, kind: str = "country") -> ActorMention:
    token = doc[i]
    return ActorMention(text=token.text, start=token.idx, end=token.idx + len(token), country=country,
                        kind=kind, method="knowledge-base", head_i=i)


def run(stage, doc, trigger: int, event_type: str, cameo: str, *, source=(), target=(),
        actors: list[ActorMention] = ()) -> Draft:
    """Run the places stage alone on one draft (trigger token ``trigger``), with ``actors`` as the
    actors stage's mentions."""
    token = doc[trigger]
    entry = TriggerEntry(lemma=token.lemma_, pos=token.pos_, event_type=event_type, cameo=cameo)
    draft = Draft(sentence_index=0, sentence=next(doc.sents), trigger=token,
                  trigger_span=Span(text=token.text, start=token.idx, end=token.idx + len(token)),
                  entry=entry, event_type=event_type, cameo=cameo, source=list(source), target=list(target),
                  anchor=token if token.pos_ == "VERB" else None)
    work = Work(article=Article(id="p1", text=doc.text), doc=doc, drafts=[draft],
                mentions=list(actors), actors_at={m.head_i: [m] for m in actors})
    stage(work)
    return draft


def test_place_attached_to_the_trigger_clause(stage):
    doc = parsed("Police arrested protesters in Nairobi.", """
        Police      Police     NOUN  NNS nsubj 1 O
        arrested    arrest     VERB  VBD ROOT  1 O
        protesters  protester  NOUN  NNS dobj  1 O
        in          in         ADP   IN  prep  1 O
        Nairobi     Nairobi    PROPN NNP pobj  3 B-GPE
        .           .          PUNCT .   punct 1 O
    """)
    loc = run(stage, doc, trigger=1, event_type="COERCE", cameo="173").location

    assert (loc.name, loc.country, loc.precision) == ("Nairobi", "KEN", "city")
    assert (loc.text, loc.start, loc.end) == ("Nairobi", 30, 37)
    assert (loc.method, loc.confidence) == ("attached", 0.8)


def test_event_in_a_relative_clause_of_a_place_is_located_there(stage):
    doc = parsed("Police dispersed the crowd in Lagos, where protesters had blocked a road.", """
        Police      Police     NOUN  NNS nsubj   1  O
        dispersed   disperse   VERB  VBD ROOT    1  O
        the         the        DET   DT  det     3  O
        crowd       crowd      NOUN  NN  dobj    1  O
        in          in         ADP   IN  prep    3  O
        Lagos       Lagos      PROPN NNP pobj    4  B-GPE
        ,           ,          PUNCT ,   punct   5  O
        where       where      SCONJ WRB advmod  10 O
        protesters  protester  NOUN  NNS nsubj   10 O
        had         have       AUX   VBD aux     10 O
        blocked     block      VERB  VBN relcl   5  O
        a           a          DET   DT  det     12 O
        road        road       NOUN  NN  dobj    10 O
        .           .          PUNCT .   punct   1  O
    """)
    loc = run(stage, doc, trigger=10, event_type="PROTEST", cameo="144").location

    assert (loc.name, loc.country, loc.method, loc.confidence) == ("Lagos", "NGA", "relative-clause", 0.75)


def egypt_condemned_the_raid():
    return parsed("Egypt condemned the raid.", """
        Egypt      Egypt    PROPN NNP nsubj 1 B-GPE
        condemned  condemn  VERB  VBD ROOT  1 O
        the        the      DET   DT  det   3 O
        raid       raid     NOUN  NN  dobj  1 O
        .          .        PUNCT .   punct 1 O
    """)


def test_country_used_as_an_actor_is_not_the_location(stage):
    doc = egypt_condemned_the_raid()
    egypt = mention(doc, 0, "EGY")
    draft = run(stage, doc, trigger=1, event_type="ACCUSE", cameo="111", source=[egypt], actors=[egypt])

    assert draft.location is None


def test_place_that_is_not_an_actor_is_weak_sentence_evidence(stage):
    # The same sentence without an actor mention on "Egypt": the fallback takes the named place.
    loc = run(stage, egypt_condemned_the_raid(), trigger=1, event_type="ACCUSE", cameo="111").location

    assert (loc.name, loc.method, loc.confidence) == ("Egypt", "sentence", 0.45)


def ahead_of_talks_in_cairo():
    return parsed("Ahead of the talks in Cairo, Israel warned Hamas.", """
        Ahead   ahead   ADV   RB  advmod 8 O
        of      of      ADP   IN  prep   0 O
        the     the     DET   DT  det    3 O
        talks   talk    NOUN  NNS pobj   1 O
        in      in      ADP   IN  prep   3 O
        Cairo   Cairo   PROPN NNP pobj   4 B-GPE
        ,       ,       PUNCT ,   punct  8 O
        Israel  Israel  PROPN NNP nsubj  8 B-GPE
        warned  warn    VERB  VBD ROOT   8 O
        Hamas   Hamas   PROPN NNP dobj   8 B-ORG
        .       .       PUNCT .   punct  8 O
    """)


@pytest.mark.parametrize("trigger, event_type, cameo, where", [
    (8, "THREATEN", "130", None),      # the warning: Cairo is the talks' place, Israel an actor
    (3, "CONSULT", "040", "Cairo"),    # the talks themselves are in Cairo
])
def test_place_of_another_event_noun_belongs_to_that_event(stage, trigger, event_type, cameo, where):
    doc = ahead_of_talks_in_cairo()
    israel, hamas = mention(doc, 7, "ISR"), mention(doc, 9, "PSE", kind="organisation")
    draft = run(stage, doc, trigger=trigger, event_type=event_type, cameo=cameo,
                source=[israel], target=[hamas], actors=[israel, hamas])

    assert (draft.location.name if draft.location else None) == where


@pytest.mark.parametrize("hint, country", [(None, "LBY"), ("LBN", "LBN")])
def test_ambiguous_place_name_resolved_in_the_actors_country(stage, hint, country):
    doc = parsed("Hezbollah fighters clashed with soldiers in Tripoli.", """
        Hezbollah  Hezbollah  PROPN NNP compound 1 B-ORG
        fighters   fighter    NOUN  NNS nsubj    2 O
        clashed    clash      VERB  VBD ROOT     2 O
        with       with       ADP   IN  prep     2 O
        soldiers   soldier    NOUN  NNS pobj     3 O
        in         in         ADP   IN  prep     4 O
        Tripoli    Tripoli    PROPN NNP pobj     5 B-GPE
        .          .          PUNCT .   punct    2 O
    """)
    fighters = mention(doc, 1, hint, kind="group")
    draft = run(stage, doc, trigger=2, event_type="ASSAULT", cameo="190", source=[fighters], actors=[fighters])

    assert (draft.location.name, draft.location.country) == ("Tripoli", country)


def test_leading_the_is_left_out_of_the_place_evidence(stage):
    doc = parsed("Militants shelled villages in the Gaza Strip.", """
        Militants  militant  NOUN  NNS nsubj    1 O
        shelled    shell     VERB  VBD ROOT     1 O
        villages   village   NOUN  NNS dobj     1 O
        in         in        ADP   IN  prep     1 O
        the        the       DET   DT  det      6 B-GPE
        Gaza       Gaza      PROPN NNP compound 6 I-GPE
        Strip      Strip     PROPN NNP pobj     3 I-GPE
        .          .         PUNCT .   punct    1 O
    """)
    loc = run(stage, doc, trigger=1, event_type="ASSAULT", cameo="194").location

    assert (loc.name, loc.country, loc.precision) == ("Gaza Strip", "PSE", "admin1")
    assert (loc.text, doc.text[loc.start:loc.end]) == ("Gaza Strip", "Gaza Strip")
