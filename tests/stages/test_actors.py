"""The actors stage alone: find the noun phrases that name actors and code them (country, sector,
role) as of the article's date; then resolve pronouns and "the two sides" (``anaphora``).

Every event's source and target come from here, so a wrong code here is a wrong event later: a
capital used as its government ("Beijing condemned") must be coded, the same capital as a place
("landed in Tokyo") must not; a person is coded with the office held on the publication date; a
bare title with no country ("the minister") is too vague to be an actor. Anaphora is conservative:
a pronoun in a reported clause is the reporter, "the two sides" is the pair named together, "we"
in a quote is the speaker's organisation, and a pronoun with no antecedent is dropped, not guessed.

Each case is a hand-built parse (``tests/parses.py``); the phrase matcher runs on a blank English
pipeline that shares the parses' vocabulary, so no model is loaded.
"""

from __future__ import annotations

import datetime as dt

import pytest
import spacy

from chronicle.record import Work
from chronicle.schema import Article
from chronicle.stages.actors import ActorsStage
from chronicle.stages.base import StageContext
from tests.parses import parsed, vocab


@pytest.fixture(scope="module")
def stage() -> ActorsStage:
    actors = ActorsStage()
    # The matcher's labels are interned in the pipeline's vocabulary, so it must be the vocabulary
    # the hand-built docs use (a fresh spacy.blank("en") has its own StringStore).
    actors.initialize(StageContext(nlp=spacy.blank("en", vocab=vocab())))
    return actors


def run(stage: ActorsStage, text: str, table: str, published: dt.date | None = None) -> Work:
    work = Work(article=Article(id="t", text=text, published=published), doc=parsed(text, table))
    return stage(work)


def by_text(work: Work) -> dict[str, list]:
    out: dict[str, list] = {}
    for mention in work.mentions:
        out.setdefault(mention.text, []).append(mention)
    return out


KENYA = ("Kenya expelled two Ugandan diplomats.", """
    Kenya      Kenya     PROPN NNP nsubj  1 B-GPE
    expelled   expel     VERB  VBD ROOT   1 O
    two        two       NUM   CD  nummod 4 B-CARDINAL
    Ugandan    Ugandan   ADJ   JJ  amod   4 B-NORP
    diplomats  diplomat  NOUN  NNS dobj   1 O
    .          .         PUNCT .   punct  1 O
""")
IRAQI_POLICE = ("Iraqi police arrested a smuggler in Basra.", """
    Iraqi     iraqi     ADJ   JJ  amod  1 B-NORP
    police    police    NOUN  NNS nsubj 2 O
    arrested  arrest    VERB  VBD ROOT  2 O
    a         a         DET   DT  det   4 O
    smuggler  smuggler  NOUN  NN  dobj  2 O
    in        in        ADP   IN  prep  2 O
    Basra     Basra     PROPN NNP pobj  5 B-GPE
    .         .         PUNCT .   punct 2 O
""")
BEIJING = ("Beijing condemned the visit.", """
    Beijing    Beijing   PROPN NNP nsubj 1 B-GPE
    condemned  condemn   VERB  VBD ROOT  1 O
    the        the       DET   DT  det   3 O
    visit      visit     NOUN  NN  dobj  1 O
    .          .         PUNCT .   punct 1 O
""")
FRONT = ("The Veshtar Liberation Front ambushed a convoy.", """
    The         the         DET   DT  det      3 B-ORG
    Veshtar     Veshtar     PROPN NNP compound 3 I-ORG
    Liberation  Liberation  PROPN NNP compound 3 I-ORG
    Front       Front       PROPN NNP nsubj    4 I-ORG
    ambushed    ambush      VERB  VBD ROOT     4 O
    a           a           DET   DT  det      6 O
    convoy      convoy      NOUN  NN  dobj     4 O
    .           .           PUNCT .   punct    4 O
""")
BIDEN = ("Biden criticized the ruling.", """
    Biden       Biden      PROPN NNP nsubj 1 B-PERSON
    criticized  criticize  VERB  VBD ROOT  1 O
    the         the        DET   DT  det   3 O
    ruling      ruling     NOUN  NN  dobj  1 O
    .           .          PUNCT .   punct 1 O
""")


@pytest.mark.parametrize("case, phrase, expected", [
    (KENYA, "Kenya", dict(actor_id="ken", country="KEN", sector="GOV", kind="country")),
    # a generic agent takes the country of the demonym that modifies it
    (KENYA, "two Ugandan diplomats", dict(actor_id=None, country="UGA", sector="GOV", kind="agent")),
    (IRAQI_POLICE, "Iraqi police", dict(actor_id=None, country="IRQ", sector="COP", kind="agent")),
    # a capital as the subject stands for its government
    (BEIJING, "Beijing", dict(actor_id="chn", country="CHN", sector="GOV", method="capital-metonym")),
    # an unknown name whose last word says what kind of body it is
    (FRONT, "The Veshtar Liberation Front", dict(actor_id=None, country=None, sector="REB", kind="organisation")),
])
def test_actor_phrases_are_coded_from_names_agents_and_modifiers(stage, case, phrase, expected):
    work = run(stage, *case)
    mentions = by_text(work)
    assert phrase in mentions, f"no actor {phrase!r} in {list(mentions)}"
    (mention,) = mentions[phrase]
    assert {key: getattr(mention, key) for key in expected} == expected
    assert case[0][mention.start:mention.end] == phrase
    assert work.actors_at[mention.head_i] == [mention]


@pytest.mark.parametrize("published, role, sector, method", [
    (dt.date(2012, 5, 1), "vice president", "GOV", "knowledge-base:role"),
    (dt.date(2022, 5, 1), "president", "GOV", "knowledge-base:role"),
    # before any dated role: the default code, never the government
    (dt.date(1960, 1, 1), None, "PTY", "knowledge-base:default"),
    # no date at all: the latest role, with less confidence
    (None, "president", "GOV", "knowledge-base:latest-role"),
])
def test_a_person_is_coded_with_the_role_held_on_the_publication_date(stage, published, role, sector, method):
    work = run(stage, *BIDEN, published=published)
    (mention,) = work.mentions
    assert (mention.actor_id, mention.country) == ("joe-biden", "USA")
    assert (mention.role, mention.sector, mention.method) == (role, sector, method)
    assert mention.affiliation is not None and mention.affiliation.actor_id == "democratic-party"


@pytest.mark.parametrize("text, table, actors", [
    # a capital after a place preposition is where, not who (kept only as the clause's place)
    ("Obama landed in Tokyo.", """
        Obama   Obama  PROPN NNP nsubj 1 B-PERSON
        landed  land   VERB  VBD ROOT  1 O
        in      in     ADP   IN  prep  1 O
        Tokyo   Tokyo  PROPN NNP pobj  2 B-GPE
        .       .      PUNCT .   punct 1 O
    """, ["Obama"]),
    # a title with no country or organisation is too vague to be an actor
    ("The minister resigned.", """
        The       the       DET   DT  det   1 O
        minister  minister  NOUN  NN  nsubj 2 O
        resigned  resign    VERB  VBD ROOT  2 O
        .         .         PUNCT .   punct 2 O
    """, []),
])
def test_places_and_bare_titles_are_not_actors(stage, text, table, actors):
    work = run(stage, text, table)
    assert [m.text for m in work.mentions if m.kind != "place"] == actors
    assert all(m.sector is None and m.method.startswith("place") for m in work.mentions if m.kind == "place")


def test_a_pronoun_takes_the_nearest_person_before_it(stage):
    text = "Obama landed in Tokyo. He praised the alliance."
    work = run(stage, text, """
        Obama     Obama     PROPN NNP nsubj 1 B-PERSON
        landed    land      VERB  VBD ROOT  1 O
        in        in        ADP   IN  prep  1 O
        Tokyo     Tokyo     PROPN NNP pobj  2 B-GPE
        .         .         PUNCT .   punct 1 O
        He        he        PRON  PRP nsubj 6 O
        praised   praise    VERB  VBD ROOT  6 O
        the       the       DET   DT  det   8 O
        alliance  alliance  NOUN  NN  dobj  6 O
        .         .         PUNCT .   punct 6 O
    """)
    (he,) = work.actors_at[5]
    assert he.actor_id == "barack-obama" and he.method == "anaphor:Obama"
    assert (he.text, text[he.start:he.end]) == ("He", "He")  # the pronoun's own words and offsets
    assert he.confidence <= 0.6
    assert work.mentions[0].text == "Obama"  # the antecedent itself is untouched


def test_a_pronoun_in_a_reported_clause_is_the_reporter_not_the_nearest_actor(stage):
    # "Israel" is nearer, but "it" in what Egypt told is Egypt.
    work = run(stage, "Egypt told Israel it would reopen the crossing.", """
        Egypt     Egypt     PROPN NNP nsubj 1 B-GPE
        told      tell      VERB  VBD ROOT  1 O
        Israel    Israel    PROPN NNP dobj  1 B-GPE
        it        it        PRON  PRP nsubj 5 O
        would     would     AUX   MD  aux   5 O
        reopen    reopen    VERB  VB  ccomp 1 O
        the       the       DET   DT  det   7 O
        crossing  crossing  NOUN  NN  dobj  5 O
        .         .         PUNCT .   punct 1 O
    """)
    assert [m.actor_id for m in work.actors_at[3]] == ["egy"]


def test_the_two_sides_are_the_pair_named_together(stage):
    # The last two actors are Hamas and Qatar; the pair named together is Israel and Hamas.
    work = run(stage, "Israel and Hamas thanked Qatar. The two sides freed hostages.", """
        Israel    Israel   PROPN NNP nsubj  3 B-GPE
        and       and      CCONJ CC  cc     0 O
        Hamas     Hamas    PROPN NNP conj   0 B-ORG
        thanked   thank    VERB  VBD ROOT   3 O
        Qatar     Qatar    PROPN NNP dobj   3 B-GPE
        .         .        PUNCT .   punct  3 O
        The       the      DET   DT  det    8 O
        two       two      NUM   CD  nummod 8 B-CARDINAL
        sides     side     NOUN  NNS nsubj  9 O
        freed     free     VERB  VBD ROOT   9 O
        hostages  hostage  NOUN  NNS dobj   9 O
        .         .        PUNCT .   punct  9 O
    """)
    sides = work.actors_at[8]
    assert [m.actor_id for m in sides] == ["isr", "hamas"]
    assert {m.text for m in sides} == {"The two sides"}


@pytest.mark.parametrize("text, table, head", [
    # "we" inside a quote is the organisation its speaker speaks for
    ('"We will not retreat," Lula said.', """
        "        "        PUNCT `` punct 8 O
        We       we       PRON  PRP nsubj 4 O
        will     will     AUX   MD  aux   4 O
        not      not      PART  RB  neg   4 O
        retreat  retreat  VERB  VB  ccomp 8 O
        ,        ,        PUNCT ,   punct 4 O
        "        "        PUNCT '' punct 4 O
        Lula     Lula     PROPN NNP nsubj 8 B-PERSON
        said     say      VERB  VBD ROOT  8 O
        .        .        PUNCT .   punct 8 O
    """, 1),
    # "his party" is the party of the person "his" points to
    ("Lula said his party would win.", """
        Lula   Lula   PROPN NNP  nsubj 1 B-PERSON
        said   say    VERB  VBD  ROOT  1 O
        his    his    PRON  PRP$ poss  3 O
        party  party  NOUN  NN   nsubj 5 O
        would  would  AUX   MD   aux   5 O
        win    win    VERB  VB   ccomp 1 O
        .      .      PUNCT .    punct 1 O
    """, 3),
])
def test_we_and_his_organisation_resolve_to_the_persons_affiliation(stage, text, table, head):
    work = run(stage, text, table, published=dt.date(2024, 3, 1))
    (resolved,) = work.actors_at[head]
    assert (resolved.actor_id, resolved.country, resolved.sector) == ("pt-brazil", "BRA", "PTY")
    lula = next(m for m in work.mentions if m.text == "Lula")
    assert lula.actor_id == "lula-da-silva" and lula.role == "president"


def test_pronouns_without_an_antecedent_are_dropped(stage):
    work = run(stage, "It rained heavily. He resigned.", """
        It        it        PRON  PRP nsubj  1 O
        rained    rain      VERB  VBD ROOT   1 O
        heavily   heavily   ADV   RB  advmod 1 O
        .         .         PUNCT .   punct  1 O
        He        he        PRON  PRP nsubj  5 O
        resigned  resign    VERB  VBD ROOT   5 O
        .         .         PUNCT .   punct  5 O
    """)
    assert work.mentions == [] and work.actors_at == {}
