"""Resolve a date expression from news text ("Thursday morning", "June 2015", "last year") to a
calendar value with an honest precision.

Why not dateparser alone: on news text it is both too eager and too literal. It turns durations
into dates ("12 months" -> a year ago, "12" -> December), gives day precision to "2014" (it fills
in today's day and month) and moves "Thursday" a week back when the article itself was published
on a Thursday. And news dates are relative to the publication date, which must be the anchor, not
the clock of the machine running the coder. So this module:

1. rejects what is not a point in time: durations ("a period of 12 months", "several years",
   "decades"), ages ("60-year-old"), decades ("the 1990s"), bare numbers that are not years
   1900-2100, ranges ("2016-17");
2. resolves the phrasings news uses with regexes, anchored on ``published`` (today / yesterday /
   tomorrow, weekdays, weekends, "two days ago", this / last / next week / month / year, bare years,
   months with or without a year, "the end of June");
3. hands what is left (full dates in any format) to dateparser with ``RELATIVE_BASE=published``,
   ``PREFER_DATES_FROM='past'``, English only, and keeps dateparser's period as the precision.

A month or day written without a year gets the year that puts it nearest ``published`` but never
more than about six weeks ahead: news reports the past (dateparser's 'past' preference), yet "on
October 20" in an October 12 story is next week, not last year; "December 28" in a January story,
or in an October one, is the previous December.

Week phrases cannot be pinned to a day, so they resolve to a week: "earlier this week", "last
week", "next week" and the weekend phrases ("over the weekend", "last weekend") give precision
``week`` and, as value, the Monday of that ISO week (Monday to Sunday), so the value is a date every
reader parses and ``value`` .. ``value + 6 days`` is the period that certainly holds the event. Without ``published`` every relative expression returns None; absolute ones (those
carrying a year) still resolve. Pure functions; no spaCy.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Literal

Precision = Literal["day", "week", "month", "year"]

_MONTHS = {m: i for i, names in enumerate(
    ["jan january", "feb february", "mar march", "apr april", "may", "jun june", "jul july",
     "aug august", "sep sept september", "oct october", "nov november", "dec december"], 1)
    for m in names.split()}
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_NUMBERS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}
_NUMBERS |= {"a": 1, "an": 1}
_MONTH_RE = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_PART_OF_DAY = r"(?: (?:morning|afternoon|evening|night))?"
_COUNT_WORDS = r"\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
_COUNT = rf"(?P<n>{_COUNT_WORDS})"
_VAGUE = r"(?:a few|few|several|many|some|a couple of|couple of|dozens of|hundreds of)"
_UNIT = (r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade"
         r"|centur(?:y|ie))s?")
_LEADING = re.compile(
    r"^(?:on|in|at|by|since|from|during|of|as of|around|about|circa|sometime in)\s+")
_PART_OF = r"early|earlier|late|later|mid|(?:the )?(?:end|start|beginning|middle) of"
_WHEN = rf"(?P<when>{_PART_OF}|last|this|next|this past|past)"
_SEASON = rf"(?:(?:{_PART_OF}|(?:the )?(?:summer|winter|spring|autumn|fall)(?: of)?)[\s-]+)"
_SPAN = r"(?:past|last|previous|next|coming|recent)"

_REJECT = [
    re.compile(r"\d+[\s-]years?[\s-]old|\byears? old\b|\baged?\b"),  # ages
    re.compile(r"\b\d{2,4}0'?s\b|\b(?:twen|thir|for|fif|six|seven|eigh|nine)ties\b"),  # decades
    re.compile(r"\bperiod of\b|^for\b|^(?:over(?! the weekend$)|within|throughout|after|before|"
               r"until|till)\b"),
    re.compile(r"^\d{4}\s*[-–/]\s*\d{2,4}$"),  # ranges, seasons: 2016-17
    # "the past week", "the last 12 months", "next few days": spans, not points
    re.compile(rf"^the {_SPAN}\s+(?:(?:{_VAGUE}|{_COUNT_WORDS})\s+)?{_UNIT}$"),
    re.compile(rf"^{_SPAN}\s+(?:{_VAGUE}|{_COUNT_WORDS})\s+{_UNIT}$"),
    re.compile(rf"^(?:the )?(?:{_VAGUE}\s+)?{_UNIT}$"),  # "decades", "several years"
]
_DURATION = re.compile(rf"\b(?:{_VAGUE}|{_COUNT_WORDS})\s+(?:more\s+)?{_UNIT}\b")
_HAS_YEAR = re.compile(r"\b(?:1[89]|20|21)\d\d\b|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2}\b|'\d\d\b")
_RELATIVE_WORD = re.compile(
    r"\b(?:today|tonight|yesterday|tomorrow|ago|week|month|year|weekend|"
    + "|".join(_WEEKDAYS) + r")\b")


@dataclass(frozen=True)
class ResolvedDate:
    value: str  # YYYY-MM-DD (a day, or the Monday of a week), YYYY-MM or YYYY
    precision: Precision
    confidence: float


def _day(d: dt.date, conf: float) -> ResolvedDate:
    return ResolvedDate(d.isoformat(), "day", conf)


def _week(d: dt.date, conf: float) -> ResolvedDate:
    """The ISO week (Monday to Sunday) holding ``d``, as its Monday."""
    return ResolvedDate((d - dt.timedelta(days=d.weekday())).isoformat(), "week", conf)


def _month(year: int, month: int, conf: float) -> ResolvedDate | None:
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return ResolvedDate(f"{year:04d}-{month:02d}", "month", conf) if 1900 <= year <= 2100 else None


def _year(year: int, conf: float) -> ResolvedDate | None:
    return ResolvedDate(f"{year:04d}", "year", conf) if 1900 <= year <= 2100 else None


def _infer_year_month(month: int, pub: dt.date) -> int:
    """Year for a month named without one: nearest to published, at most 1 month ahead."""
    options = [y for y in (pub.year - 1, pub.year, pub.year + 1)
               if -12 < (y - pub.year) * 12 + month - pub.month <= 1]
    return min(options, key=lambda y: abs((y - pub.year) * 12 + month - pub.month))


def _infer_year_day(d: dt.date, pub: dt.date) -> dt.date | None:
    """Same rule for a day named without a year (at most 45 days ahead)."""
    options = []
    for y in (pub.year - 1, pub.year, pub.year + 1):
        try:
            cand = d.replace(year=y)
        except ValueError:  # 29 February
            continue
        if -366 < (cand - pub).days <= 45:
            options.append(cand)
    return min(options, key=lambda c: abs((c - pub).days), default=None)


def _relative(t: str, pub: dt.date) -> ResolvedDate | None:
    """Expressions that only make sense against the publication date."""
    for resolve in (_relative_day, _relative_period, _relative_weekday):
        resolved = resolve(t, pub)
        if resolved is not None:
            return resolved
    return None


def _relative_day(t: str, pub: dt.date) -> ResolvedDate | None:
    """"today", "yesterday", "the day before yesterday", "tomorrow", "overnight", "last weekend"
    (the week of that weekend: a Saturday or a Sunday is all the phrase says)."""
    if re.fullmatch(r"(?:earlier |later )?(?:today|this (?:morning|afternoon|evening)|tonight|now)"
                    r"|(?:earlier|later) today", t):
        return _day(pub, 0.9)
    if m := re.fullmatch(r"(?:the day before )?(yesterday)" + _PART_OF_DAY + r"|last night", t):
        return _day(pub - dt.timedelta(days=2 if t.startswith("the day") else 1),
                    0.85 if m.group(1) else 0.7)
    if re.fullmatch(r"tomorrow" + _PART_OF_DAY, t):
        return _day(pub + dt.timedelta(days=1), 0.85)
    if t == "overnight":
        return _day(pub, 0.5)
    if m := re.fullmatch(r"(?:over )?(?P<rel>this|last|the|next) weekend", t):
        # Its Saturday. "the weekend" is the latest one; seen from a weekday "this" lies ahead.
        saturday = pub - dt.timedelta(days=(pub.weekday() - 5) % 7)
        in_weekend = pub.weekday() >= 5
        weeks = {"the": 0, "this": 0 if in_weekend else 1, "last": -1 if in_weekend else 0,
                 "next": 1}[m["rel"]]
        return _week(saturday + dt.timedelta(weeks=weeks), 0.7)
    return None


def _relative_period(t: str, pub: dt.date) -> ResolvedDate | None:
    """"three days ago", "last week", "earlier this month", "next year"."""
    if m := re.fullmatch(_COUNT + r"\s+(?P<unit>day|week|month|year)s?\s+ago", t):
        n = int(m["n"]) if m["n"].isdigit() else _NUMBERS[m["n"]]
        unit = m["unit"]
        if unit == "day":
            return _day(pub - dt.timedelta(days=n), 0.8)
        if unit == "week":
            return _day(pub - dt.timedelta(weeks=n), 0.5)
        if unit == "month":
            return _month(pub.year, pub.month - n, 0.7)
        return _year(pub.year - n, 0.8)
    if m := re.fullmatch(r"(?:(?:earlier|later|early|late) )?(?P<rel>this|last|next) week"
                         r"|(?:earlier|later) in the week", t):
        shift = {"this": 0, "last": -7, "next": 7, None: 0}[m["rel"]]
        return _week(pub + dt.timedelta(days=shift), 0.75)
    rel_unit = re.fullmatch(r"(?:(?:earlier|later|early|late) |(?:the )?(?:end|start|beginning|"
                            r"middle) of )?(?P<rel>this|last|next|the) (?P<unit>month|year)", t)
    if rel_unit:
        shift = {"this": 0, "the": 0, "last": -1, "next": 1}[rel_unit["rel"]]
        if rel_unit["unit"] == "month":
            return _month(pub.year, pub.month + shift, 0.8)
        return _year(pub.year + shift, 0.85)
    return None


def _relative_weekday(t: str, pub: dt.date) -> ResolvedDate | None:
    """"on Tuesday", "last Friday", "next Monday", "the 25th", "at noon"."""
    if m := re.fullmatch(r"(?:(?:early|late|earlier|later) )?"
                         r"(?P<rel>last |this past |past |this |next )?"
                         r"(?P<wd>" + "|".join(_WEEKDAYS) + r")(?:'s)?" + _PART_OF_DAY, t):
        back = (pub.weekday() - _WEEKDAYS.index(m["wd"])) % 7
        rel = (m["rel"] or "").strip()
        if rel == "next":
            return _day(pub + dt.timedelta(days=(7 - back) or 7), 0.7)
        if rel in ("last", "this past", "past") and back == 0:
            back = 7
        return _day(pub - dt.timedelta(days=back), 0.8 if not rel else 0.75)
    if m := re.fullmatch(r"(?:the )?(\d{1,2})(?:st|nd|rd|th)(?: of (?:the|this) month)?", t):
        day, year, month = int(m[1]), pub.year, pub.month
        if day > pub.day:  # "the 25th" in a story of the 12th: last month's
            year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        try:
            return _day(dt.date(year, month, day), 0.6)
        except ValueError:
            return None
    if re.fullmatch(r"(?:around |about )?(?:noon|midnight|midday|\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?"
                    r"|\d{1,2}:\d\d)", t):
        return _day(pub, 0.5)
    return None


def _month_expression(t: str, pub: dt.date | None) -> ResolvedDate | None:
    """'June', 'June 2015', 'the end of June', 'last June', 'mid-June 2015'."""
    m = re.fullmatch(
        rf"(?:{_WHEN}[\s-]+(?:of\s+)?)?{_MONTH_RE}(?:,?\s+(?:of\s+)?(?P<year>\d{{4}}))?", t)
    if not m:
        return None
    month, when = _MONTHS[m["month"]], m["when"] or ""
    if m["year"]:
        return _month(int(m["year"]), month, 0.9 if not when else 0.85)
    if pub is None:
        return None
    if when in ("last", "this past", "past"):
        year = pub.year if month < pub.month else pub.year - 1
    elif when == "next":
        year = pub.year if month > pub.month else pub.year + 1
    else:
        year = _infer_year_month(month, pub)
    return _month(year, month, 0.8)


@functools.lru_cache(maxsize=256)
def _parser(published: dt.date | None):
    from dateparser.date import DateDataParser  # imported lazily: slow, and only for full dates

    settings = {"PREFER_DATES_FROM": "past",
                "PARSERS": ["relative-time", "absolute-time", "custom-formats"]}
    if published is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(published, dt.time())
    return DateDataParser(languages=["en"], settings=settings)


def _with_dateparser(t: str, pub: dt.date | None) -> ResolvedDate | None:
    has_year = bool(_HAS_YEAR.search(t))
    if pub is None and not has_year:
        return None  # no anchor for a date without a year
    if not re.search(r"\d|" + _MONTH_RE, t):
        return None  # nothing dateparser could read as a calendar date
    data = _parser(pub).get_date_data(t)
    if data.date_obj is None:
        return None
    d, period = data.date_obj.date(), data.period
    if period in ("day", "time", "week"):
        if not has_year and pub is not None:
            d = _infer_year_day(d, pub)
            if d is None:
                return None
        return _day(d, 0.95 if has_year else 0.85) if 1900 <= d.year <= 2100 else None
    if period == "month":
        year = d.year if has_year or pub is None else _infer_year_month(d.month, pub)
        return _month(year, d.month, 0.9)
    return _year(d.year, 0.9)


def resolve_date_expression(text: str, published: dt.date | None) -> ResolvedDate | None:
    """Resolve a date expression against the publication date; None if it is not a date, or if it
    falls outside the calendar ("tomorrow" of 9999-12-31, "last year" of 0001-01-01): an
    impossible date is no date, not a crash that costs the article its other events."""
    try:
        return _resolve(text, published)
    except (OverflowError, ValueError):
        return None


def _resolve(text: str, published: dt.date | None) -> ResolvedDate | None:
    if isinstance(published, dt.datetime):
        published = published.date()
    t = " ".join((text or "").replace("’", "'").split()).lower().strip(" ,;:!?()[]\"")
    t = _LEADING.sub("", t)
    if not t or any(r.search(t) for r in _REJECT):
        return None
    if re.fullmatch(r"\d+", t):  # a bare number is a date only as a year 1900-2100
        return _year(int(t), 0.9) if len(t) == 4 else None
    if _DURATION.search(t) and not t.endswith(" ago"):
        return None  # "three years", "12 months on"
    if m := re.fullmatch(rf"{_SEASON}?(?:the year\s+)?(\d{{4}})", t):
        return _year(int(m[1]), 0.8 if t[0].isalpha() else 0.9)
    if published is not None and (r := _relative(t, published)) is not None:
        return r
    if (r := _month_expression(t, published)) is not None:
        return r
    if _RELATIVE_WORD.search(t) and not re.search(r"\d", t):
        return None  # relative wording we do not handle: do not let dateparser guess
    return _with_dateparser(t, published)
