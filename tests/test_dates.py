"""Tests for chronicle.stages.dates.resolve: news date expressions -> value + precision."""
import dataclasses
import datetime as dt

import pytest

from chronicle.stages.dates.resolve import ResolvedDate, resolve_date_expression

THU = dt.date(2017, 10, 12)  # a Thursday
JAN = dt.date(2018, 1, 3)  # a Wednesday, early in the year
DEC = dt.date(2017, 12, 28)  # a Thursday, late in the year


@pytest.mark.parametrize(
    "text, published, value, precision",
    [
        # publication-day words
        ("Thursday morning", THU, "2017-10-12", "day"),
        ("this afternoon", THU, "2017-10-12", "day"),
        ("this morning", THU, "2017-10-12", "day"),
        ("today", THU, "2017-10-12", "day"),
        ("tonight", THU, "2017-10-12", "day"),
        ("yesterday", THU, "2017-10-11", "day"),
        ("yesterday afternoon", THU, "2017-10-11", "day"),
        ("last night", THU, "2017-10-11", "day"),
        ("the day before yesterday", THU, "2017-10-10", "day"),
        ("tomorrow", THU, "2017-10-13", "day"),
        ("yesterday", JAN, "2018-01-02", "day"),
        # weekdays: most recent on or before publication
        ("Thursday", THU, "2017-10-12", "day"),
        ("on Thursday", THU, "2017-10-12", "day"),
        ("Monday", THU, "2017-10-09", "day"),
        ("Friday", THU, "2017-10-06", "day"),
        ("late Wednesday", THU, "2017-10-11", "day"),
        ("Sunday night", THU, "2017-10-08", "day"),
        ("last Friday", THU, "2017-10-06", "day"),
        ("last Thursday", THU, "2017-10-05", "day"),
        ("next Monday", THU, "2017-10-16", "day"),
        ("Saturday", JAN, "2017-12-30", "day"),
        # weekends: the ISO week (its Monday) holding that weekend
        ("over the weekend", THU, "2017-10-02", "week"),
        ("last weekend", THU, "2017-10-02", "week"),
        ("this weekend", THU, "2017-10-09", "week"),
        ("overnight", THU, "2017-10-12", "day"),
        # counted offsets
        ("two days ago", THU, "2017-10-10", "day"),
        ("3 days ago", THU, "2017-10-09", "day"),
        ("a week ago", THU, "2017-10-05", "day"),
        ("two months ago", THU, "2017-08", "month"),
        ("five years ago", THU, "2012", "year"),
        # week / month / year phrases
        ("earlier this week", THU, "2017-10-09", "week"),
        ("this week", THU, "2017-10-09", "week"),
        ("last week", THU, "2017-10-02", "week"),
        ("last month", THU, "2017-09", "month"),
        ("last month", JAN, "2017-12", "month"),
        ("this month", THU, "2017-10", "month"),
        ("earlier this month", THU, "2017-10", "month"),
        ("last year", THU, "2016", "year"),
        ("next year", THU, "2018", "year"),
        ("earlier this year", THU, "2017", "year"),
        # years and months
        ("In 2014", THU, "2014", "year"),
        ("2014", THU, "2014", "year"),
        ("since 2014", None, "2014", "year"),
        ("late 2016", THU, "2016", "year"),
        ("the summer of 2016", THU, "2016", "year"),
        ("June 2015", THU, "2015-06", "month"),
        ("in June of 2015", None, "2015-06", "month"),
        ("May 1945", THU, "1945-05", "month"),
        ("the end of June", THU, "2017-06", "month"),
        ("end of June 2015", THU, "2015-06", "month"),
        ("mid-June", THU, "2017-06", "month"),
        ("in June", THU, "2017-06", "month"),
        ("December", JAN, "2017-12", "month"),
        ("December", THU, "2016-12", "month"),
        ("last June", THU, "2017-06", "month"),
        # full dates (dateparser), year given or inferred
        ("Oct. 12, 2017", None, "2017-10-12", "day"),
        ("12 October 2017", THU, "2017-10-12", "day"),
        ("2017-10-12", None, "2017-10-12", "day"),
        ("on Sept. 30", THU, "2017-09-30", "day"),
        ("Thursday, Oct. 5", THU, "2017-10-05", "day"),
        ("October 20", THU, "2017-10-20", "day"),  # next week, not last year
        ("December 28", JAN, "2017-12-28", "day"),
        ("December 28", THU, "2016-12-28", "day"),
        ("January 5", DEC, "2018-01-05", "day"),
        ("the 25th", THU, "2017-09-25", "day"),
        ("the 5th", THU, "2017-10-05", "day"),
    ],
)
def test_resolves(text, published, value, precision):
    got = resolve_date_expression(text, published)
    assert got is not None, text
    assert (got.value, got.precision) == (value, precision)
    assert 0.0 < got.confidence <= 1.0


@pytest.mark.parametrize(
    "text",
    [
        "over a period of 12 months", "a period of 12 months", "12 months", "several years",
        "decades", "two years", "for three days", "the past week", "the last 12 months",
        "the next few days", "in recent weeks", "60-year-old", "60 years old", "12", "1850",
        "3000", "the 1990s", "2016-17", "three years later", "a day earlier", "after the war",
        "the same day", "spring", "", "   ",
    ],
)
def test_not_dates(text):
    assert resolve_date_expression(text, THU) is None


@pytest.mark.parametrize(
    "text", ["Thursday", "yesterday", "earlier this week", "last year", "two days ago",
             "June", "October 20", "this afternoon", "the end of June"],
)
def test_relative_needs_published(text):
    assert resolve_date_expression(text, None) is None


def test_week_phrases_are_weeks_not_days():
    # The phrase names a week, not a day: a week value is that week's Monday, precision "week".
    week = resolve_date_expression("earlier this week", THU)
    assert (week.value, week.precision) == ("2017-10-09", "week")
    assert resolve_date_expression("Thursday", THU).precision == "day"
    assert resolve_date_expression("Oct. 12, 2017", THU).confidence >= 0.9


def test_accepts_datetime_published():
    got = resolve_date_expression("yesterday", dt.datetime(2017, 10, 12, 23, 59))
    assert got == ResolvedDate("2017-10-11", "day", got.confidence)


def test_resolved_date_is_frozen():
    got = resolve_date_expression("2014", None)
    with pytest.raises(dataclasses.FrozenInstanceError):
        got.value = "2015"  # type: ignore[misc]
