"""Who an act is done to when the verb's object does not say (``stages/events/arguments.py``).

Each case is a new sentence with a hand-written parse and the mentions the actors stage hands on
(kind, method and country as it codes them), so the events stage's rule is what is tested:

- a place the verb governs is the target only when nothing else is ("the rebels surrendered in
  Faryab"), never when the verb acts on someone ("attacked the army in Faryab");
- the acting side's own force is not the target ("Norway withdrew its troops from Faryab", "Norway
  deployed 200 soldiers to Mali"), while the police a militia attacks is;
- the actor inside the object of a target preposition ("agreed to a truce in Idlib");
- the subject of the clause asked for ("the Greens called for Berger to resign").
"""

from __future__ import annotations

import pytest

from chronicle.knowledge.actors import CLAUSE_PLACE_METHOD, PLACE_METHOD
from chronicle.record import ActorMention, Work
from chronicle.schema import Article
from chronicle.stages.events import EventsStage
from tests.parses import parsed


@pytest.fixture(scope="module")
def stage():
    events = EventsStage()
    events.initialize()
    return events


def coded(doc, mentions: dict[int, tuple[int, dict]]) -> Work:
    """A Work whose actors are ``{head index: (first index, ActorMention fields)}``."""
    actors_at = {}
    for head, (first, fields) in mentions.items():
        words = doc[first:head + 1]
        actors_at[head] = [ActorMention(text=words.text, start=words.start_char, end=words.end_char,
                                        name=words.text, head_i=head, **fields)]
    return Work(article=Article(id="t", text=doc.text), doc=doc,
                mentions=[m for ms in actors_at.values() for m in ms], actors_at=actors_at)


def roles(work: Work, trigger: str) -> list[tuple[list[str], list[str]]]:
    return [([m.text for m in d.source], [m.text for m in d.target]) for d in work.drafts
            if d.trigger.text == trigger]


COUNTRY = dict(kind="country", method="country", country="NOR", sector="GOV")
REBELS = dict(kind="agent", method="agent", sector="REB")
FARYAB = dict(kind="place", method=CLAUSE_PLACE_METHOD, country="AFG")

SURRENDERED = parsed("The rebels surrendered in Faryab.", """
    The          the        DET   DT   det    1 O
    rebels       rebel      NOUN  NNS  nsubj  2 O
    surrendered  surrender  VERB  VBD  ROOT   2 O
    in           in         ADP   IN   prep   2 O
    Faryab       Faryab     PROPN NNP  pobj   3 B-GPE
    .            .          PUNCT .    punct  2 O
""")


def test_place_the_verb_governs_is_the_target_when_there_is_no_other(stage):
    work = stage(coded(SURRENDERED, {1: (0, REBELS), 4: (4, FARYAB)}))
    assert roles(work, "surrendered") == [(["The rebels"], ["Faryab"])]


def test_place_alone_makes_no_event(stage):
    """With no one acting, a place is not an event's only actor."""
    work = stage(coded(SURRENDERED, {4: (4, FARYAB)}))
    assert roles(work, "surrendered") == []


def test_place_is_not_taken_when_the_verb_acts_on_someone(stage):
    doc = parsed("The rebels attacked the army in Faryab.", """
        The       the      DET   DT   det    1 O
        rebels    rebel    NOUN  NNS  nsubj  2 O
        attacked  attack   VERB  VBD  ROOT   2 O
        the       the      DET   DT   det    4 O
        army      army     NOUN  NN   dobj   2 O
        in        in       ADP   IN   prep   2 O
        Faryab    Faryab   PROPN NNP  pobj   5 B-GPE
        .         .        PUNCT .    punct  2 O
    """)
    army = dict(kind="agent", method="agent+sentence-country", country="AFG", sector="MIL")
    work = stage(coded(doc, {1: (0, REBELS), 4: (3, army), 6: (6, FARYAB)}))
    assert roles(work, "attacked") == [(["The rebels"], ["the army"])]


def test_own_troops_are_not_the_target_of_a_withdrawal(stage):
    doc = parsed("Norway withdrew its troops from Faryab.", """
        Norway   Norway    PROPN NNP  nsubj  1 B-GPE
        withdrew withdraw  VERB  VBD  ROOT   1 O
        its      its       PRON  PRP$ poss   3 O
        troops   troop     NOUN  NNS  dobj   1 O
        from     from      ADP   IN   prep   1 O
        Faryab   Faryab    PROPN NNP  pobj   4 B-GPE
        .        .         PUNCT .    punct  1 O
    """)
    troops = dict(kind="agent", method="agent+sentence-country", country="NOR", sector="MIL")
    work = stage(coded(doc, {0: (0, COUNTRY), 3: (2, troops), 5: (5, FARYAB)}))
    assert roles(work, "withdrew") == [(["Norway"], ["Faryab"])]


def test_forces_a_country_moves_are_not_the_target(stage):
    """"Norway deployed 200 soldiers to Mali": the soldiers are what moves; Mali is the target."""
    doc = parsed("Norway deployed 200 soldiers to Mali.", """
        Norway    Norway    PROPN NNP  nsubj  1 B-GPE
        deployed  deploy    VERB  VBD  ROOT   1 O
        200       200       NUM   CD   nummod 3 B-CARDINAL
        soldiers  soldier   NOUN  NNS  dobj   1 O
        to        to        ADP   IN   prep   1 O
        Mali      Mali      PROPN NNP  pobj   4 B-GPE
        .         .         PUNCT .    punct  1 O
    """)
    soldiers = dict(kind="agent", method="agent+sentence-country", country="NOR", sector="MIL")
    mali = dict(kind="country", method="country", country="MLI", sector="GOV")
    work = stage(coded(doc, {0: (0, COUNTRY), 3: (2, soldiers), 5: (5, mali)}))
    assert roles(work, "deployed") == [(["Norway"], ["Mali"])]


def test_generic_agent_stays_the_target_of_an_attack(stage):
    """"Militants attacked the police": a verb that does not move forces keeps its object."""
    doc = parsed("Militants attacked the police.", """
        Militants  militant  NOUN  NNS  nsubj  1 O
        attacked   attack    VERB  VBD  ROOT   1 O
        the        the       DET   DT   det    3 O
        police     police    NOUN  NN   dobj   1 O
        .          .         PUNCT .    punct  1 O
    """)
    police = dict(kind="agent", method="agent+article-country", country="AFG", sector="COP")
    work = stage(coded(doc, {0: (0, REBELS), 3: (2, police)}))
    assert roles(work, "attacked") == [(["Militants"], ["the police"])]


def test_actor_inside_the_object_of_a_target_preposition(stage):
    """"Turkey agreed to a truce in Idlib": the truce's place is what the agreement is about."""
    doc = parsed("Turkey agreed to a truce in Idlib.", """
        Turkey  Turkey  PROPN NNP  nsubj  1 B-GPE
        agreed  agree   VERB  VBD  ROOT   1 O
        to      to      ADP   IN   prep   1 O
        a       a       DET   DT   det    4 O
        truce   truce   NOUN  NN   pobj   2 O
        in      in      ADP   IN   prep   4 O
        Idlib   Idlib   PROPN NNP  pobj   5 B-GPE
        .       .       PUNCT .    punct  1 O
    """)
    turkey = dict(kind="country", method="country", country="TUR", sector="GOV")
    idlib = dict(kind="place", method=PLACE_METHOD, country="SYR")
    work = stage(coded(doc, {0: (0, turkey), 6: (6, idlib)}))
    assert roles(work, "agreed") == [(["Turkey"], ["Idlib"])]


def test_subject_of_the_clause_asked_for_is_the_target(stage):
    """"The Greens called for Berger to resign": the parser hangs "Berger to resign" on the verb and
    leaves "for" without an object; Berger is the one asked."""
    doc = parsed("The Greens called for Berger to resign.", """
        The     the     DET   DT   det    1 O
        Greens  Greens  PROPN NNPS nsubj  2 B-ORG
        called  call    VERB  VBD  ROOT   2 O
        for     for     ADP   IN   prep   2 O
        Berger  Berger  PROPN NNP  nsubj  6 B-PERSON
        to      to      PART  TO   aux    6 O
        resign  resign  VERB  VB   ccomp  2 O
        .       .       PUNCT .    punct  2 O
    """)
    greens = dict(kind="organisation", method="knowledge-base", country="DEU", sector="PTY")
    berger = dict(kind="unknown", method="ner")
    work = stage(coded(doc, {1: (0, greens), 4: (4, berger)}))
    assert roles(work, "called") == [(["The Greens"], ["Berger"])]


def test_whom_the_moved_force_is_for_is_the_target(stage):
    """"Kenya mobilised its army for an offensive against the rebels": the army is Kenya's own;
    whom the offensive is against is the target."""
    doc = parsed("Kenya mobilised its army for an offensive against the rebels.", """
        Kenya      Kenya      PROPN NNP  nsubj  1 B-GPE
        mobilised  mobilise   VERB  VBD  ROOT   1 O
        its        its        PRON  PRP$ poss   3 O
        army       army       NOUN  NN   dobj   1 O
        for        for        ADP   IN   prep   1 O
        an         an         DET   DT   det    6 O
        offensive  offensive  NOUN  NN   pobj   4 O
        against    against    ADP   IN   prep   6 O
        the        the        DET   DT   det    9 O
        rebels     rebel      NOUN  NNS  pobj   7 O
        .          .          PUNCT .    punct  1 O
    """)
    kenya = dict(kind="country", method="country", country="KEN", sector="GOV")
    army = dict(kind="agent", method="agent+sentence-country", country="KEN", sector="MIL")
    work = stage(coded(doc, {0: (0, kenya), 3: (2, army), 9: (8, REBELS)}))
    assert roles(work, "mobilised") == [(["Kenya"], ["the rebels"])]


ARRESTED = """
    Pedro     Pedro     PROPN NNP  compound   1 B-PERSON
    Alves     Alves     PROPN NNP  nsubjpass  3 I-PERSON
    was       be        AUX   VBD  auxpass    3 O
    {verb:9}  {lemma:9} VERB  VBN  ROOT       3 O
    in        in        ADP   IN   prep       3 O
    Angola    Angola    PROPN NNP  pobj       4 B-GPE
    .         .         PUNCT .    punct      3 O
"""


@pytest.mark.parametrize("verb, lemma, source", [("arrested", "arrest", ["Angola"]), ("killed", "kill", [])],
                         ids=["arrest-by-the-state", "killing-by-no-one-named"])
def test_state_where_a_passive_arrest_happened_is_its_source(stage, verb, lemma, source):
    """"Pedro Alves was arrested in Angola": an arrest with no agent is the state's act, so the
    place is the source; "was killed in Angola" names no killer, and the place stays out."""
    doc = parsed(f"Pedro Alves was {verb} in Angola.", ARRESTED.format(verb=verb, lemma=lemma))
    angola = dict(kind="place", method=CLAUSE_PLACE_METHOD, country="AGO")
    person = dict(kind="unknown", method="ner")
    work = stage(coded(doc, {1: (0, person), 5: (5, angola)}))
    assert roles(work, verb) == [(source, ["Pedro Alves"])]


def test_host_of_an_international_force_is_a_target_too(stage):
    """"Norway sent troops to the UN force in Mali": the contribution is for Mali, the host."""
    doc = parsed("Norway sent troops to the UN force in Mali.", """
        Norway  Norway  PROPN NNP  nsubj  1 B-GPE
        sent    send    VERB  VBD  ROOT   1 O
        troops  troop   NOUN  NNS  dobj   1 O
        to      to      ADP   IN   prep   1 O
        the     the     DET   DT   det    6 O
        UN      UN      PROPN NNP  compound 6 B-ORG
        force   force   NOUN  NN   pobj   3 O
        in      in      ADP   IN   prep   6 O
        Mali    Mali    PROPN NNP  pobj   7 B-GPE
        .       .       PUNCT .    punct  1 O
    """)
    troops = dict(kind="agent", method="agent+sentence-country", country="NOR", sector="MIL")
    force = dict(kind="organisation", method="owner:un", country="IGO", sector="MIL")
    mali = dict(kind="place", method=PLACE_METHOD, country="MLI")
    work = stage(coded(doc, {0: (0, COUNTRY), 2: (2, troops), 6: (4, force), 8: (8, mali)}))
    assert roles(work, "sent") == [(["Norway"], ["the UN force", "Mali"])]


def test_no_target_is_read_deep_in_a_phrase_for_an_uncoded_source(stage):
    """"The album shot to the top of the Norwegian charts": a source with no codes (not an
    actor the coder knows) gets no target from inside a phrase, so no event is made."""
    doc = parsed("The album shot to the top of the Norwegian charts.", """
        The        the        DET   DT   det    1 O
        album      album      NOUN  NN   nsubj  2 O
        shot       shoot      VERB  VBD  ROOT   2 O
        to         to         ADP   IN   prep   2 O
        the        the        DET   DT   det    5 O
        top        top        NOUN  NN   pobj   3 O
        of         of         ADP   IN   prep   5 O
        the        the        DET   DT   det    9 O
        Norwegian  norwegian  ADJ   JJ   amod   9 B-NORP
        charts     chart      NOUN  NNS  pobj   6 O
        .          .          PUNCT .    punct  2 O
    """)
    album = dict(kind="unknown", method="unknown")
    charts = dict(kind="group", method="owner:nor", country="NOR")
    work = stage(coded(doc, {1: (0, album), 9: (7, charts)}))
    assert [d for d in work.drafts if d.target] == []
