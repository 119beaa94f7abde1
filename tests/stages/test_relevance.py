"""The relevance stage alone: keep a draft event only when a political actor takes part in it.

Event words are everywhere in news ("the company attacked the market", "fans protested the
referee"); what makes an event political is who does it. A draft survives if one of its actors has
a political sector or is a country standing for its government; the public in general ("people",
or a civilian actor whose country was only guessed from the article) is not enough; a protest by
any group with a sector is political by what it is; and countries in a sports sentence are teams,
unless the act is one only a state does (a sanction, a coercion, a protest).

Each case is a draft built by hand on a hand-built parse (``tests/parses.py``) with hand-built
actors: the stage reads only the drafts' actors, event type and sentence.
"""

from __future__ import annotations

import pytest

from chronicle.knowledge.lexicon import TriggerEntry
from chronicle.record import ActorMention, Draft, Work
from chronicle.schema import Article, Span
from chronicle.stages.relevance import RelevanceStage
from tests.parses import parsed

PLAIN = ("Crowds blocked the road near the port.", """
    Crowds   crowd   NOUN  NNS nsubj 1 O
    blocked  block   VERB  VBD ROOT  1 O
    the      the     DET   DT  det   3 O
    road     road    NOUN  NN  dobj  1 O
    near     near    ADP   IN  prep  1 O
    the      the     DET   DT  det   6 O
    port     port    NOUN  NN  pobj  4 O
    .        .       PUNCT .   punct 1 O
""")
SPORTS = ("Brazil crushed Argentina in the cup final.", """
    Brazil     Brazil     PROPN NNP nsubj    1 B-GPE
    crushed    crush      VERB  VBD ROOT     1 O
    Argentina  Argentina  PROPN NNP dobj     1 B-GPE
    in         in         ADP   IN  prep     1 O
    the        the        DET   DT  det      6 O
    cup        cup        NOUN  NN  compound 6 O
    final      final      NOUN  NN  pobj     3 O
    .          .          PUNCT .   punct    1 O
""")
NOT_SPORTS = ("Brazil shelled Argentina across the river.", """
    Brazil     Brazil     PROPN NNP nsubj 1 B-GPE
    shelled    shell      VERB  VBD ROOT  1 O
    Argentina  Argentina  PROPN NNP dobj  1 B-GPE
    across     across     ADP   IN  prep  1 O
    the        the        DET   DT  det   5 O
    river      river      NOUN  NN  pobj  3 O
    .          .          PUNCT .   punct 1 O
""")


def actor(text: str, *, kind: str = "agent", sector: str | None = None, country: str | None = None,
          method: str = "agent", actor_id: str | None = None) -> ActorMention:
    return ActorMention(text=text, start=0, end=len(text), actor_id=actor_id, country=country, sector=sector,
                        kind=kind, method=method, confidence=0.5)


BRAZIL = dict(kind="country", sector="GOV", country="BRA", method="country", actor_id="bra")
ARGENTINA = dict(kind="country", sector="GOV", country="ARG", method="country", actor_id="arg")


def draft(case: tuple[str, str], event_type: str, source: list[ActorMention],
          target: list[ActorMention] = ()) -> Draft:
    doc = parsed(*case)
    trigger = doc[1]  # every sentence here has its verb second
    return Draft(sentence_index=0, sentence=doc[0:len(doc)], trigger=trigger,
                 trigger_span=Span(text=trigger.text, start=trigger.idx, end=trigger.idx + len(trigger)),
                 entry=TriggerEntry(lemma=trigger.lemma_, pos="VERB", event_type=event_type, cameo="190"),
                 event_type=event_type, cameo="190", source=list(source), target=list(target))


def kept(*drafts: Draft) -> list[Draft]:
    work = Work(article=Article(id="t", text=drafts[0].sentence.doc.text), drafts=list(drafts))
    return RelevanceStage()(work).drafts


@pytest.mark.parametrize("source, relevant", [
    (actor("Crowds", sector="CVL", country="KEN", method="agent+sentence-country"), False),  # the public
    (actor("Crowds", sector="CVL", country="KEN", method="agent+article-country"), False),
    (actor("Villagers", sector="CVL", country="KEN", method="agent+sentence-country"), True),  # a local group
    (actor("Shopkeepers", sector="BUS", country="KEN", method="agent+sentence-country"), False),
    (actor("Kenyan police", sector="COP", country="KEN"), True),
    (actor("Kenya", kind="country", sector=None, country="KEN", method="country"), True),  # a state
    (actor("Acme Logistics", kind="unknown", method="ner"), False),  # a name nobody knows
])
def test_an_event_needs_an_actor_with_a_political_sector_or_a_state(source, relevant):
    event = draft(PLAIN, "COERCE", [source])
    assert kept(event) == ([event] if relevant else [])


def test_a_political_target_is_enough():
    event = draft(PLAIN, "COERCE", [actor("Crowds", sector="CVL", method="agent+article-country")],
                  [actor("the governor", kind="person", sector="GOV", country="KEN", method="title")])
    assert kept(event) == [event]


@pytest.mark.parametrize("event_type, source, relevant", [
    # a protest is political by what it is: any group with a sector will do
    ("PROTEST", actor("Teachers", sector="EDU", country="KEN"), True),
    ("PROTEST", actor("Crowds", sector="CVL", method="agent+article-country"), True),
    # ... but not an actor nobody could code
    ("PROTEST", actor("Acme Logistics", kind="unknown", method="ner"), False),
    # the same teachers doing anything else are not political
    ("COERCE", actor("Teachers", sector="EDU", country="KEN"), False),
])
def test_a_protest_by_any_group_with_a_sector_is_kept(event_type, source, relevant):
    event = draft(PLAIN, event_type, [source])
    assert kept(event) == ([event] if relevant else [])


@pytest.mark.parametrize("case, event_type, relevant", [
    (SPORTS, "ASSAULT", False),       # Brazil and Argentina are teams in a cup final
    (NOT_SPORTS, "ASSAULT", True),    # ... and states across a river
    (SPORTS, "SANCTION", True),       # a sanction is a state's act, whatever the sentence
    (SPORTS, "COERCE", True),
])
def test_countries_in_a_sports_sentence_are_teams_unless_the_act_is_a_states(case, event_type, relevant):
    event = draft(case, event_type, [actor("Brazil", **BRAZIL)], [actor("Argentina", **ARGENTINA)])
    assert kept(event) == ([event] if relevant else [])


def test_a_sports_sentence_keeps_an_event_with_a_political_actor_that_is_not_a_country():
    event = draft(SPORTS, "ASSAULT", [actor("Brazil", **BRAZIL)],
                  [actor("riot police", sector="COP", country="BRA")])
    assert kept(event) == [event]


def test_only_the_irrelevant_drafts_of_an_article_are_dropped():
    company = draft(PLAIN, "COERCE", [actor("Acme Logistics", kind="unknown", method="ner")])
    state = draft(NOT_SPORTS, "ASSAULT", [actor("Brazil", **BRAZIL)], [actor("Argentina", **ARGENTINA)])
    team = draft(SPORTS, "ASSAULT", [actor("Brazil", **BRAZIL)], [actor("Argentina", **ARGENTINA)])
    assert kept(company, state, team) == [state]


STORY = ("Brazil shelled Argentina . The coach praised the squad after the match .", """
    Brazil     Brazil     PROPN NNP nsubj 1 B-GPE
    shelled    shell      VERB  VBD ROOT  1 O
    Argentina  Argentina  PROPN NNP dobj  1 B-GPE
    .          .          PUNCT .   punct 1 O
    The        the        DET   DT  det   5 O
    coach      coach      NOUN  NN  nsubj 6 O
    praised    praise     VERB  VBD ROOT  6 O
    the        the        DET   DT  det   8 O
    squad      squad      NOUN  NN  dobj  6 O
    after      after      ADP   IN  prep  6 O
    the        the        DET   DT  det   11 O
    match      match      NOUN  NN  pobj  9 O
    .          .          PUNCT .   punct 6 O
""")


def story_draft(event_type: str, source: list[ActorMention], target: list[ActorMention] = ()) -> Draft:
    """A draft on the first sentence of a two-sentence story whose second sentence is about sport."""
    doc = parsed(*STORY)
    trigger = doc[1]
    return Draft(sentence_index=0, sentence=doc[0:4], trigger=trigger,
                 trigger_span=Span(text=trigger.text, start=trigger.idx, end=trigger.idx + len(trigger)),
                 entry=TriggerEntry(lemma=trigger.lemma_, pos="VERB", event_type=event_type, cameo="190"),
                 event_type=event_type, cameo="190", source=list(source), target=list(target))


@pytest.mark.parametrize("event_type, relevant", [
    ("ASSAULT", False),   # the story is about sport: its countries are teams in every sentence
    ("PROTEST", False),   # a country that "rallied" in a sports story is a team coming back
    ("COERCE", True),     # a ban is still a state's act
])
def test_countries_in_a_sports_story_are_teams_even_in_a_sentence_without_sports_words(event_type, relevant):
    event = story_draft(event_type, [actor("Brazil", **BRAZIL)], [actor("Argentina", **ARGENTINA)])
    assert kept(event) == ([event] if relevant else [])


def test_a_body_named_only_by_its_last_word_is_not_political_in_a_sports_story():
    league = actor("the Premier League", kind="organisation", sector="PTY", method="ner+name-head")
    assert kept(story_draft("ACCUSE", [league])) == []
    elsewhere = draft(PLAIN, "ACCUSE", [league])  # outside a sports story the guess stands
    assert kept(elsewhere) == [elsewhere]


@pytest.mark.parametrize("text, relevant", [
    ("the media", False),            # media in general
    ("cable TV", False),
    ("the BBC", True),               # an outlet by its name
])
def test_a_medium_is_not_a_media_organisation(text, relevant):
    kind, method = ("organisation", "knowledge-base") if text == "the BBC" else ("agent", "agent+article-country")
    event = draft(PLAIN, "ACCUSE", [actor(text, kind=kind, sector="MED", country="GBR", method=method)])
    assert kept(event) == ([event] if relevant else [])
