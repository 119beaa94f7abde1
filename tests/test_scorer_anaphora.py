"""Span agreement counts a pronoun the coder resolved where its antecedent is named.

"Norway says it will free the sailors": gold's source is "Norway"; the coder codes the subject
of "free", "it", resolved to Norway (method ``anaphor:Norway``). The coded actor is gold's actor
though the spans do not touch, so plover-dev and the real-news sets count it; a pronoun resolved
to another name, or left unresolved, still does not count.
"""

from __future__ import annotations

from chronicle.evaluate.gold import GoldRelation, GoldSentence
from chronicle.evaluate.realnews import RealNewsEvent, actor_matches
from chronicle.evaluate.scorer import actor_spans, score_plover
from chronicle.schema import QUAD_CLASS, Actor, CoderInfo, Event, Span

SENTENCE = "Norway says it will free the sailors held by Denmark."


def pronoun(method: str | None, country: str = "NOR") -> Actor:
    start = SENTENCE.index("it ")
    return Actor(text="it", start=start, end=start + 2, name="Kingdom of Norway", country=country,
                 method=method)


def freed(source: Actor) -> Event:
    start = SENTENCE.index("the sailors")
    sailors = Actor(text="the sailors", start=start, end=start + 11)
    return Event(id="e", doc_id="d", sentence_index=0, sentence=SENTENCE, event_type="RETREAT",
                 quad_class=QUAD_CLASS["RETREAT"], factuality="actual", source=[source], target=[sailors],
                 trigger=Span(text="free", start=20, end=24), confidence=0.8,
                 coder=CoderInfo(version="t", data_version="t"))


GOLD = [GoldSentence(id="s", text=SENTENCE, relations=[GoldRelation("YIELD", "Norway", "the sailors")])]


def test_actor_spans_add_where_the_antecedent_is_named():
    assert actor_spans(pronoun("anaphor:Norway"), SENTENCE) == [(12, 14), (0, 6)]
    assert actor_spans(pronoun("anaphor:Norway")) == [(12, 14)]


def test_resolved_pronoun_counts_as_the_gold_source():
    assert score_plover(GOLD, [[freed(pronoun("anaphor:Norway"))]])["source_agreement"] == 1.0


def test_pronoun_resolved_elsewhere_or_not_at_all_does_not_count():
    assert score_plover(GOLD, [[freed(pronoun("anaphor:Denmark"))]])["source_agreement"] == 0.0
    assert score_plover(GOLD, [[freed(pronoun("anaphor:pending"))]])["source_agreement"] == 0.0
    assert score_plover(GOLD, [[freed(pronoun("country"))]])["source_agreement"] == 0.0


def test_realnews_match_reads_the_antecedent_too():
    gold = RealNewsEvent(event_type="RETREAT", factuality="actual", source_text="Norway", source_country="NOR")
    assert actor_matches(SENTENCE, gold, freed(pronoun("anaphor:Norway")), "source")
    assert not actor_matches(SENTENCE, gold, freed(pronoun("anaphor:Norway", country="DNK")), "source")


def test_gold_words_are_found_as_whole_words_at_every_place():
    """"Mali" is not the "mali" inside "normalization"; a second "Mali" is found too."""
    sentence = "Norway backs the normalization of Mali and aid to Mali."
    start = sentence.rindex("Mali")
    aid = Actor(text="Mali", start=start, end=start + 4, country="MLI")
    norway = Actor(text="Norway", start=0, end=6, country="NOR")
    event = Event(id="e", doc_id="d", sentence_index=0, sentence=sentence, event_type="SUPPORT",
                  quad_class=QUAD_CLASS["SUPPORT"], factuality="actual", source=[norway], target=[aid],
                  trigger=Span(text="backs", start=7, end=12), confidence=0.8,
                  coder=CoderInfo(version="t", data_version="t"))
    gold = [GoldSentence(id="m", text=sentence, relations=[GoldRelation("SUPPORT", "Norway", "Mali")])]
    assert score_plover(gold, [[event]])["target_agreement"] == 1.0
