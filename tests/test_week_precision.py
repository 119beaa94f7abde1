"""Week precision: "earlier this week", "last week", "next week" and the weekend phrases resolve to
the ISO week (Monday to Sunday) relative to the publication date, as its Monday with precision
"week", both in the resolver and in the Event the dates stage writes.

The cases that go wrong with day arithmetic are the edges: a story published on a Monday or a
Sunday, a week that straddles the new year, and a weekend seen from the following Monday.
"""

from __future__ import annotations

import datetime as dt

import pytest

from chronicle.schema import EventDate
from chronicle.stages.dates.resolve import resolve_date_expression

MONDAY = dt.date(2024, 5, 6)
THURSDAY = dt.date(2024, 5, 9)
SATURDAY = dt.date(2024, 5, 11)
SUNDAY = dt.date(2024, 5, 12)
NEW_YEAR = dt.date(2021, 1, 1)  # a Friday in ISO week 2020-W53


@pytest.mark.parametrize(
    "text, published, monday",
    [
        ("earlier this week", THURSDAY, "2024-05-06"),
        ("this week", THURSDAY, "2024-05-06"),
        ("later this week", THURSDAY, "2024-05-06"),
        ("earlier in the week", THURSDAY, "2024-05-06"),
        ("last week", THURSDAY, "2024-04-29"),
        ("early last week", THURSDAY, "2024-04-29"),
        ("next week", THURSDAY, "2024-05-13"),
        ("late next week", THURSDAY, "2024-05-13"),
        # a Monday or a Sunday story: the week is still Monday..Sunday
        ("earlier this week", SUNDAY, "2024-05-06"),
        ("this week", MONDAY, "2024-05-06"),
        ("last week", MONDAY, "2024-04-29"),
        ("last week", SUNDAY, "2024-04-29"),
        # across the year end: ISO week 2020-W53 runs 2020-12-28 .. 2021-01-03
        ("this week", NEW_YEAR, "2020-12-28"),
        ("last week", NEW_YEAR, "2020-12-21"),
        ("next week", NEW_YEAR, "2021-01-04"),
        # weekends: the week that holds the Saturday and Sunday meant
        ("over the weekend", THURSDAY, "2024-04-29"),
        ("over the weekend", MONDAY, "2024-04-29"),
        ("the weekend", SATURDAY, "2024-05-06"),
        ("last weekend", SUNDAY, "2024-04-29"),
        ("this weekend", THURSDAY, "2024-05-06"),
        ("next weekend", SUNDAY, "2024-05-13"),
    ],
)
def test_week_phrase_resolves_to_the_iso_week_monday(text, published, monday):
    got = resolve_date_expression(text, published)

    assert got is not None, text
    assert (got.value, got.precision) == (monday, "week")
    assert dt.date.fromisoformat(got.value).weekday() == 0


@pytest.mark.parametrize("text", ["a week ago", "two weeks ago", "last Monday", "yesterday"])
def test_phrases_naming_a_day_keep_day_precision(text):
    assert resolve_date_expression(text, THURSDAY).precision == "day"


@pytest.mark.parametrize("text", ["the past week", "for a week", "in recent weeks", "weeks"])
def test_week_spans_are_not_dates(text):
    assert resolve_date_expression(text, THURSDAY) is None


def test_week_phrases_need_a_publication_date():
    assert resolve_date_expression("last week", None) is None


def test_week_phrase_is_more_certain_as_a_week_than_it_was_as_a_guessed_day():
    # The week certainly holds the event; the old day guess (a weekday a week off) did not.
    assert resolve_date_expression("last week", THURSDAY).confidence >= 0.7


def test_event_date_accepts_week_precision():
    date = EventDate(value="2024-05-06", precision="week", text="last week", method="expression")

    assert date.model_dump()["precision"] == "week"


def test_dates_stage_writes_a_week_for_last_week():
    from chronicle.knowledge.lexicon import TriggerEntry
    from chronicle.record import Draft, Work
    from chronicle.schema import Article, Span
    from chronicle.stages.dates import DatesStage
    from parses import parsed

    doc = parsed("Rebels attacked the convoy last week.", """
        Rebels    Rebels   PROPN NNPS nsubj    1 O
        attacked  attack   VERB  VBD  ROOT     1 O
        the       the      DET   DT   det      3 O
        convoy    convoy   NOUN  NN   dobj     1 O
        last      last     ADJ   JJ   amod     5 B-DATE
        week      week     NOUN  NN   npadvmod 1 I-DATE
        .         .        PUNCT .    punct    1 O
    """)
    entry = TriggerEntry(lemma="attack", pos="VERB", event_type="ASSAULT", cameo="190")
    token = doc[1]
    draft = Draft(sentence_index=0, sentence=next(doc.sents), trigger=token,
                  trigger_span=Span(text=token.text, start=token.idx, end=token.idx + len(token)),
                  entry=entry, event_type="ASSAULT", cameo="190", anchor=token)
    work = Work(article=Article(id="d1", text=doc.text, published=THURSDAY), doc=doc, drafts=[draft])
    DatesStage()(work)

    date = draft.date
    assert (date.value, date.precision, date.text, date.method) == (
        "2024-04-29", "week", "last week", "expression")
