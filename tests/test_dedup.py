"""chronicle.dedup: cross-article merging of the reports of one event, on hand-built events."""

from __future__ import annotations

import datetime as dt
import json
import random
import time

from chronicle.dedup import MergedEvent, merge_reports
from chronicle.dedup.evidence import ArticleSimilarity
from chronicle.schema import QUAD_CLASS, Actor, Article, CoderInfo, Event, EventDate, Location, Span

# --------------------------------------------------------------------------- helpers

ISRAEL = dict(text="Israel", actor_id="isr", country="ISR", sector="GOV")
EGYPT = dict(text="Egypt", actor_id="egy", country="EGY", sector="GOV")
HAMAS = dict(text="Hamas", actor_id="hamas", country="PSE", sector="PTY")
FATAH = dict(text="Fatah", actor_id="fatah", country="PSE", sector="PTY")
POLICE = dict(text="police", country="USA", sector="COP")
TRUMP = dict(text="Trump", actor_id="donald-trump", country="USA", sector="GOV")
CAIRO = Location(name="Cairo", country="EGY", precision="city", geonameid=360630, lat=30.06, lon=31.25)


def actor(spec: dict) -> Actor:
    return Actor(start=0, end=len(spec["text"]), **spec)


def event(doc: str, event_type: str = "AGREE", *, n: int = 0, source=(ISRAEL,), target=(EGYPT,),
          date: str | None = None, published: str = "2024-05-06", trigger: str = "agreed",
          reciprocal=False, factuality="actual", location=None, mentions=1, confidence=0.8,
          sentence: str | None = None) -> Event:
    """A minimal event; ``date`` None means the date was only assumed from publication. The default
    sentence ("a.0") has no content words, so only the coded fields decide."""
    when = (EventDate(value=date, precision="day" if len(date) == 10 else "year", method="expression",
                      text=date) if date else
            EventDate(value=published, precision="day", method="publication"))
    return Event(
        id=f"{doc}-e{n}", doc_id=doc, sentence_index=n, sentence=sentence or f"{doc}.{n}",
        event_type=event_type, quad_class=QUAD_CLASS[event_type], factuality=factuality,
        source=[actor(a) for a in source], target=[actor(a) for a in target], reciprocal=reciprocal,
        trigger=Span(text=trigger, start=0, end=len(trigger)), date=when, location=location,
        confidence=confidence, mentions=mentions, coder=CoderInfo(version="t", data_version="t"),
    )


def article(doc: str, outlet: str | None = "Reuters", published: str = "2024-05-06",
            title: str | None = None) -> Article:
    return Article(id=doc, text="", title=title, source=outlet, url=f"https://example.org/{doc}",
                   published=dt.date.fromisoformat(published))


def multi(merged: list[MergedEvent]) -> list[MergedEvent]:
    return [m for m in merged if len(m.reports) > 1]


# --------------------------------------------------------------------------- merging

def test_two_outlets_reports_of_one_event_merge_with_counts():
    a = event("a", mentions=2, location=CAIRO)             # more evidence: it has a place
    b = event("b", published="2024-05-07", trigger="agreement")
    c = event("c", published="2024-05-07", trigger="deal")  # a third outlet, same event
    merged = merge_reports([(article("a", "Reuters"), [a]),
                            (article("b", "AP", "2024-05-07"), [b]),
                            (article("c", "AP", "2024-05-07"), [c])])
    assert len(merged) == 1
    m = merged[0]
    assert (m.num_mentions, m.num_articles, m.num_sources) == (4, 3, 2)
    assert m.event.id == "a-e0"                             # the report with the most evidence
    assert [r.doc_id for r in m.reports] == ["a", "b", "c"]
    assert m.reports[1].source == "ap" and m.reports[1].url == "https://example.org/b"
    assert m.reports[0].sentence == "a.0" and m.reports[0].trigger == "agreed"
    again = MergedEvent.model_validate(json.loads(m.model_dump_json()))  # JSON round trip
    assert again == m


def test_dates_beyond_the_window_do_not_merge():
    a, b = event("a"), event("b", published="2024-05-11")
    pairs = [(article("a"), [a]), (article("b", "AP", "2024-05-11"), [b])]
    assert len(merge_reports(pairs, window_days=3)) == 2
    assert len(merge_reports(pairs, window_days=5)) == 1


def test_stated_days_must_agree_and_a_year_never_matches_a_publication_day():
    a = event("a", date="2024-05-01")
    b = event("b", date="2024-05-03")
    assert len(merge_reports([(article("a"), [a]), (article("b", "AP"), [b])])) == 2
    recalled = event("c", date="2024")                      # "in 2024, Israel and Egypt agreed"
    assert len(merge_reports([(article("a"), [event("a")]), (article("c", "AP"), [recalled])])) == 2


def test_different_actors_do_not_merge():
    a = event("a")
    b = event("b", target=(HAMAS,))                          # same source, other target
    c = event("c", source=(FATAH,), target=(HAMAS,))
    merged = merge_reports([(article("a"), [a]), (article("b", "AP"), [b]), (article("c", "BBC"), [c])])
    assert not multi(merged)


def test_other_type_factuality_or_city_do_not_merge():
    a = event("a", location=CAIRO)
    other_city = Location(name="Alexandria", country="EGY", precision="city", lat=31.2, lon=29.92)
    for b in (event("b", "CONSULT"), event("b", factuality="negated"), event("b", location=other_city)):
        assert not multi(merge_reports([(article("a"), [a]), (article("b", "AP"), [b])]))


def test_one_generic_actor_needs_corroboration():
    a = event("a", "COERCE", source=(POLICE,), target=(), trigger="arrested")
    b = event("b", "COERCE", source=(POLICE,), target=(), trigger="detained")
    assert not multi(merge_reports([(article("a"), [a]), (article("b", "AP"), [b])]))
    b_same_word = event("b", "COERCE", source=(POLICE,), target=(), trigger="arrest")
    both = [(article("a"), [a.model_copy(update={"location": CAIRO})]),
            (article("b", "AP"), [b_same_word.model_copy(update={"location": CAIRO})])]
    assert len(multi(merge_reports(both))) == 1             # same word and same city corroborate


def test_same_article_never_merges_with_itself():
    a1, a2 = event("a", n=0), event("a", n=1)                   # the coder kept them apart: two events
    merged = merge_reports([(article("a"), [a1, a2])])
    assert len(merged) == 2
    b = event("b")                                          # not even through a third report
    merged = merge_reports([(article("a"), [a1, a2]), (article("b", "AP"), [b])])
    assert len(merged) == 2
    assert all(len({r.doc_id for r in m.reports}) == len(m.reports) for m in merged)


def test_reciprocal_pairs_match_in_either_order_but_directed_ones_do_not():
    a = event("a", "CONSULT", source=(FATAH,), target=(HAMAS,), reciprocal=True, trigger="talks")
    b = event("b", "CONSULT", source=(HAMAS,), target=(FATAH,), reciprocal=True, trigger="talks")
    assert len(merge_reports([(article("a"), [a]), (article("b", "AP"), [b])])) == 1
    x = event("a", "ACCUSE", source=(ISRAEL,), target=(EGYPT,), trigger="accused")
    y = event("b", "ACCUSE", source=(EGYPT,), target=(ISRAEL,), trigger="accused")
    assert len(merge_reports([(article("a"), [x]), (article("b", "AP"), [y])])) == 2


def test_ids_are_deterministic_and_independent_of_input_order():
    items = [(article(d, o), [event(d)]) for d, o in (("a", "Reuters"), ("b", "AP"), ("c", "BBC"))]
    items.append((article("z", "AFP"), [event("z", "ACCUSE", trigger="accused")]))
    first = merge_reports(items)
    again = merge_reports(list(reversed(items)))
    assert [m.model_dump() for m in first] == [m.model_dump() for m in again]
    assert len({m.id for m in first}) == len(first) == 2
    smaller = merge_reports(items[:2])
    assert smaller[0].id != first[0].id                     # the id follows the reports it holds


def test_events_without_any_date_stay_alone_unless_a_default_day_is_given():
    a, b = event("a"), event("b")
    a, b = a.model_copy(update={"date": None}), b.model_copy(update={"date": None})
    undated = [(Article(id="a", text=""), [a]), (Article(id="b", text=""), [b])]
    assert len(merge_reports(undated)) == 2
    assert len(merge_reports(undated, default_published=dt.date(2000, 1, 1))) == 1


# --------------------------------------------------------------------------- word evidence

def test_overlapping_sentences_corroborate_one_named_actor():
    """One shared named actor is 2 points of 4; two sentences telling the event in the same words
    (Trump, troops, Syria) are the other 2, even with different event words."""
    a = event("a", "RETREAT", source=(TRUMP,), target=(), trigger="withdrawal",
              sentence="Trump ordered the withdrawal of roughly 2,000 American troops from Syria.")
    b = event("b", "RETREAT", source=(TRUMP,), target=(), trigger="pulled",
              sentence="Trump abruptly pulled U.S. troops out of Syria this week.")
    pairs = [(article("a"), [a]), (article("b", "AP"), [b])]
    assert len(multi(merge_reports(pairs))) == 1
    assert not multi(merge_reports(pairs, sentence_overlap=None, article_similarity=None))


def test_one_actor_in_one_story_is_not_one_event():
    """Hard negative: two articles on one story (same headline), the same actor and type on the same
    day, but two different events. The story is worth one point only, so they stay apart."""
    title = "Trump offers Democrats a deal to end the government shutdown"
    a = event("a", source=(TRUMP,), target=(), trigger="offered",
              sentence="President Trump offered Democrats a deal on Saturday to reopen the government.")
    b = event("b", source=(TRUMP,), target=(), trigger="promised",
              sentence="Trump promised during his campaign that Mexico would pay for the wall.")
    pairs = [(article("a", title=title), [a]), (article("b", "AP", title=title), [b])]
    assert ArticleSimilarity(pairs)("a", "b") >= 0.3                 # the story does match
    assert not multi(merge_reports(pairs))


ARREST = "Police arrested dozens of protesters outside the parliament building on Monday night."
DETAIN = "Riot police detained dozens of protesters who had gathered outside parliament."


def test_a_generic_agent_needs_the_words_and_the_story():
    """"police" is 1 point, the overlapping sentences 2, one story 1: together they merge."""
    a = event("a", "COERCE", source=(POLICE,), target=(), trigger="arrested", sentence=ARREST)
    b = event("b", "COERCE", source=(POLICE,), target=(), trigger="detained", sentence=DETAIN)
    title = "Police arrest dozens at parliament protest"
    one_story = [(article("a", title=title), [a]), (article("b", "AP", title=title), [b])]
    assert len(multi(merge_reports(one_story))) == 1
    budget = event("a", "REJECT", n=1, source=(), target=(), trigger="delayed",
                   sentence="The finance minister said the budget vote would be delayed until next month.")
    final = event("b", "SUPPORT", n=1, source=(), target=(), trigger="cheered",
                  sentence="Forty thousand supporters cheered as the club captain lifted the trophy.")
    two_stories = [(article("a", title="Budget vote delayed as opposition files amendments"), [a, budget]),
                   (article("b", "AP", title="City club wins cup final after extra time"), [b, final])]
    assert ArticleSimilarity(two_stories)("a", "b") < 0.3
    assert not multi(merge_reports(two_stories))


def test_the_same_words_about_other_named_actors_stay_apart():
    """Hard negative: formulaic sentences overlap almost entirely, but the named targets differ."""
    a = event("a", "ACCUSE", target=(HAMAS,), trigger="accused",
              sentence="Israel accused Hamas of violating the ceasefire in Gaza on Monday.")
    b = event("b", "ACCUSE", target=(EGYPT,), trigger="accused",
              sentence="Israel accused Egypt of violating the ceasefire in Gaza on Monday.")
    assert not multi(merge_reports([(article("a"), [a]), (article("b", "AP"), [b])]))


# --------------------------------------------------------------------------- scale

def test_ten_thousand_events_merge_in_a_few_seconds():
    """2,000 events each reported by 5 outlets, with shared actors, types and nearby days."""
    rng = random.Random(7)
    countries = [f"C{i:02d}" for i in range(40)]
    types = ["AGREE", "CONSULT", "ACCUSE", "ASSAULT", "PROTEST"]
    items = []
    for k in range(2000):
        day = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(365))
        src, tgt = rng.sample(countries, 2)
        etype = rng.choice(types)
        for outlet in range(5):
            doc = f"s{k}-o{outlet}"
            pub = day + dt.timedelta(days=rng.randrange(2))
            e = event(doc, etype, source=(dict(text=src, actor_id=src.lower(), country=src, sector="GOV"),),
                      target=(dict(text=tgt, actor_id=tgt.lower(), country=tgt, sector="GOV"),),
                      published=pub.isoformat(), trigger=etype.lower())
            items.append((article(doc, f"outlet{outlet}", pub.isoformat()), [e]))
    start = time.perf_counter()
    merged = merge_reports(items)
    took = time.perf_counter() - start
    assert sum(len(m.reports) for m in merged) == 10_000
    assert took < 10, f"{took:.1f} s"
    assert all(m.num_articles == len(m.reports) for m in merged)
    assert len(merged) <= 2200                               # nearly every story is one event


def test_different_small_counts_of_the_same_participants_are_two_events():
    from chronicle.schema import Size

    def with_size(doc, count, unit="pirate"):
        e = event(doc, "COERCE", trigger="captured", date="2024-05-06")
        return e.model_copy(update={"size": Size(count=count, unit=unit, text=f"{count} {unit}s")})

    same = merge_reports([(article("a"), [with_size("a", 23)]), (article("b", "AP"), [with_size("b", 23)])])
    assert len(multi(same)) == 1
    apart = merge_reports([(article("a"), [with_size("a", 23)]), (article("b", "AP"), [with_size("b", 26)])])
    assert multi(apart) == []
    crowds = merge_reports([(article("a"), [with_size("a", 10000, "protester")]),
                            (article("b", "AP"), [with_size("b", 15000, "protester")])])
    assert len(multi(crowds)) == 1   # crowd estimates vary between outlets


def test_reports_dated_only_by_an_assumed_publication_day_never_merge_on_it():
    """Two outlets' reports dated only by the day the user gave with --published (the articles carry
    none): that day is the user's guess, so it cannot tie them together. With the articles' own day
    they merge; a day stated in the text still counts."""
    def assumed(doc: str) -> Article:
        return article(doc).model_copy(update={"published_assumed": True})

    own = [(article(d), [event(d, location=CAIRO)]) for d in ("a", "b")]
    assert len(multi(merge_reports(own))) == 1
    guessed = [(assumed(d), [event(d, location=CAIRO)]) for d in ("a", "b")]
    assert len(merge_reports(guessed)) == 2
    mixed = [(assumed("a"), [event("a", location=CAIRO)]), (article("b"), [event("b", location=CAIRO)])]
    assert len(merge_reports(mixed)) == 2
    undated = [(assumed(d), [event(d, location=CAIRO).model_copy(update={"date": None})]) for d in "ab"]
    assert len(merge_reports(undated)) == 2
    stated = [(assumed(d), [event(d, date="2024-05-06", location=CAIRO)]) for d in ("a", "b")]
    assert len(multi(merge_reports(stated))) == 1
