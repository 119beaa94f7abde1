"""One event, many reports: merge the event records that different articles code for one real event.

News reports an event many times (outlets, wire copies, follow-ups); counting every report as an
event is the best-known flaw of GDELT-style data. ``merge_reports`` groups the reports of one event
into a ``MergedEvent``: its reports (each keeping its evidence: sentence, trigger, outlet, URL) and
counts of mentions, articles and outlets. Merging two *different* events is worse than leaving two
reports apart (it hides an event and corrupts counts), so every rule errs towards keeping apart:

- **type**: identical PLOVER type. CONCEDE and RETREAT are *not* merged: a verbal concession and a
  material withdrawal (other QuadClass) are often two events days apart (``compatible_types`` can
  add such pairs).
- **factuality**: same class; ``actual``, ``negated``, and irrealis (``hypothetical``/``future``: both
  are about something that has not happened, and coders confuse the two).
- **actors**: an actor matches another as the same *named* actor (same ``actor_id``; or, without
  ids, the same country + sector and the same full capitalised name; or, both uncoded, the same
  surname-like last word of a capitalised name without titles), or as the same *generic* agent (same
  country + sector only: "police", "Israeli troops"). Pronouns and common nouns without codes never
  match: "he" or "the protesters" name nobody in particular. Every side (source, target) that both
  reports fill must share an actor, and at least one shared actor must be coded; a side one report
  leaves empty is not compared. Reciprocal events ("X and Y met") match in either order.
- **corroboration** (``actor_rule="corroborated"``, the default): one shared actor does not identify
  an event (a president criticises someone, "police" arrest someone, every day), so a merge needs
  ``min_evidence`` points (4): 2 per side sharing a named actor, 1 per side sharing a generic agent,
  2 each for the same trigger word (up to inflection), the same stated day and the same city, 2 when
  the two evidence sentences share at least ``sentence_overlap`` (Jaccard) of their content words,
  and 1 when the two *articles* are about one story (TF-IDF cosine of their titles and event
  sentences >= ``article_similarity``; see ``chronicle.dedup.evidence``). The story-level point is
  worth half the others on purpose: one actor does several things in one story, so a shared actor
  plus a shared story is not enough; it needs one more piece of event-level evidence.
  ``actor_rule="each-side"`` drops this requirement (kept to measure what it buys: see
  ``bench/dedup_eval.py``).
- **date**: ``Event.date`` as an interval (a day, a month or a year). A date assumed from the
  article's publication (``method == "publication"``, or no date at all: the article's publication
  day, else ``default_published``) may lie up to ``window_days`` from the other, because a report
  can follow its event by days. A publication day the article does not carry (the user's
  ``--published`` fallback, ``Article.published_assumed``) is no date: such a report never merges
  on it, as if undated. A week ("last week") is a coarse date like a month. Two days stated in the text must agree within ``stated_slack_days``:
  a stated date is the event's own, so another day is another event. A month or a year is how an
  article recalls a past event, so it matches only another coarse date or a stated day inside it,
  never a day assumed from publication. An event with no date and no publication day never merges.
- **place**: same country, or one unknown; when both are city- or point-precision, the same place
  (geonameid, name, or within 30 km).
- **articles**: two reports of one article never merge, not even through a third report: the coder
  already merged the article's repeats, so two records it left apart are two events.
- **counts**: two reports that count the same kind of participant with different small numbers
  ("23 pirates" / "26 pirates") are two events (``counts_conflict``).

Clustering: blocking on (type, factuality, date bucket, actors) compares only reports that could
match (100k events take seconds). Pairs join strongest first in a union-find with two vetoes: no two
reports of one article, and (``linkage="complete"``) every cross pair compatible, which stops
chaining (A~B, B~C, A!~C). Deterministic: ids hash the sorted report ids; ties break on ids.
Clustering touches only pairs of one connected part of the compatible pairs, so a store merges new
reports by re-clustering only the parts they join (``chronicle.dedup.store``, which keeps the pairs,
the components and ``MergeSettings``; ``_candidate_pairs(fresh=)`` finds only the new pairs).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Literal
from urllib.parse import urlparse

from chronicle.knowledge.cues import load_cues
from chronicle.dedup.evidence import ArticleSimilarity, content_words, overlap
from chronicle.schema import PLOVER_TYPES, Actor, Article, Event, MergedEvent, Report

FACTUALITY_CLASS = {"actual": "actual", "negated": "negated", "hypothetical": "irrealis", "future": "irrealis"}
_TITLES = frozenset(
    "mr mrs ms miss dr sir president vice senator sen rep representative gov governor judge justice "
    "secretary minister prime chancellor general gen lt col sgt adm mayor sheriff chief former "
    "speaker leader king queen prince pope rev jr sr the".split())
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_SUFFIX = re.compile(r"(?:ments?|ations?|ions?|ing|ed|es|s|e)$")
_SIDE_POINTS = {3: 2, 2: 1, 1: 2}  # a named actor or a name identifies; a shared code only narrows


@dataclass
class _Item:  # an event with what the rules need, computed once
    event: Event | None  # None in a light item (blocking only), partial in a candidate (dedup.reading)
    article: Article | None
    outlet: str | None
    fact: str
    lo: int  # the date as an interval of ordinal days, inclusive
    hi: int
    stated_day: bool  # a day stated in the text (not assumed from publication)
    precision: str
    dated: bool
    source: list[tuple]  # actor keys per side
    target: list[tuple]
    words: frozenset[str]  # content words of the evidence sentence
    etype: str = ""  # the event's type, whether it is reciprocal, and its article's id
    reciprocal: bool = False
    doc: str = ""


@dataclass
class _Rules:  # the settings of one merge, and the article similarity of its batch
    window: int
    slack: int
    actor_rule: str
    min_evidence: int
    sentence_overlap: float | None
    article_similarity: float | None
    similarity: ArticleSimilarity | None


@dataclass(frozen=True)
class MergeSettings:
    """The options of ``merge_reports`` in one value, so that a store can keep the settings of its
    merge and merge new reports later with the same ones (``chronicle.dedup.store``)."""

    window_days: int = 3
    stated_slack_days: int = 1
    min_evidence: int = 4
    actor_rule: str = "corroborated"
    linkage: str = "complete"
    compatible_types: tuple[tuple[str, str], ...] = ()
    sentence_overlap: float | None = 0.25
    article_similarity: float | None = 0.3
    default_published: dt.date | None = None

    @classmethod
    def of(cls, **options) -> "MergeSettings":
        """Settings from ``merge_reports`` keyword options (pairs of types as tuples)."""
        pairs = tuple(tuple(sorted(p)) for p in options.pop("compatible_types", ()))
        return cls(compatible_types=tuple(sorted(pairs)), **options)

    @property
    def radius(self) -> int:
        """The most days two reports' dates may lie apart: blocking compares reports this near."""
        return max(self.window_days, self.stated_slack_days)

    def groups(self) -> dict[str, str]:
        """Event type -> the type standing for its group (types merged as ``compatible_types``)."""
        group = {t: t for t in PLOVER_TYPES}
        for pair in self.compatible_types:
            keep, drop = sorted(group[t] for t in pair)
            group = {t: keep if g == drop else g for t, g in group.items()}
        return group

    def rules(self, similarity: ArticleSimilarity | None) -> _Rules:
        """The rules of one merge, with the article similarity of its reports."""
        return _Rules(self.window_days, self.stated_slack_days, self.actor_rule, self.min_evidence,
                      self.sentence_overlap, self.article_similarity,
                      similarity if self.article_similarity is not None else None)


def merge_reports(items: Iterable[tuple[Article, list[Event]]], *, window_days: int = 3,
                  stated_slack_days: int = 1, min_evidence: int = 4,
                  actor_rule: Literal["corroborated", "each-side"] = "corroborated",
                  linkage: Literal["complete", "single"] = "complete",
                  compatible_types: Iterable[tuple[str, str]] = (),
                  sentence_overlap: float | None = 0.25, article_similarity: float | None = 0.3,
                  default_published: dt.date | None = None) -> list[MergedEvent]:
    """Merge the reports of one event across articles; every input event is in exactly one result.

    ``items`` are ``Coder.pipe`` pairs (of the article only id, title, source, url and published are
    read). ``default_published`` is the publication day assumed for articles that carry none.
    ``sentence_overlap`` / ``article_similarity`` are the thresholds of the word evidence (None: not
    used); the defaults come from the grid in ``bench/dedup_eval.py``.
    Results are sorted by date, then id; an event nobody else reports is a MergedEvent of one report.
    """
    settings = MergeSettings.of(
        window_days=window_days, stated_slack_days=stated_slack_days, min_evidence=min_evidence,
        actor_rule=actor_rule, linkage=linkage, compatible_types=compatible_types,
        sentence_overlap=sentence_overlap, article_similarity=article_similarity,
        default_published=default_published)
    items = list(items)
    prepared = [_prepare(event, article, default_published) for article, events in items for event in events]
    dated = [it for it in prepared if it.dated]
    rules = settings.rules(ArticleSimilarity(items) if article_similarity is not None else None)
    pairs = _candidate_pairs(dated, settings.groups(), settings.radius)
    scored = _score(dated, pairs, rules, list(range(len(dated))))
    clusters = [[dated[k] for k in ks]
                for ks in _cluster(len(dated), scored, [it.doc for it in dated], linkage)]
    clusters += [[it] for it in prepared if not it.dated]
    merged = [_merged(c) for c in clusters]
    merged.sort(key=lambda m: (m.event.date.value if m.event.date else "", m.id))
    return merged


def _score(items: list[_Item], pairs: Iterable[tuple[int, int]], rules: _Rules,
           rank: list) -> list[tuple]:
    """The compatible pairs, strongest first: (-strength, their two event ids sorted, rank, rank)
    with ``rank`` the order of the items in a merge of everything (ties break on it)."""
    scored = []
    for i, j in pairs:
        a, b = items[i], items[j]
        if strength := _compatible(a, b, rules):
            ri, rj = sorted((rank[i], rank[j]))
            scored.append((-strength, tuple(sorted((a.event.id, b.event.id))), ri, rj))
    scored.sort()
    return scored


def _cluster(n: int, scored: list[tuple], docs: list, linkage: str) -> list[list[int]]:
    """Join the ``n`` reports (numbered by rank) along the ``scored`` pairs, strongest first, in a
    union-find with two vetoes: never two reports of one article (``docs``), not even through a
    third report, and with complete linkage every cross pair compatible (no chaining). Two runs over
    the same pairs give the same clusters, so a connected part of the pairs can be clustered alone."""
    compatible = {(i, j) for _, _, i, j in scored}
    parent = list(range(n))
    members = {i: [i] for i in range(n)}
    in_docs = {i: {docs[i]} for i in range(n)}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for _, _, i, j in scored:
        ri, rj = find(i), find(j)
        if ri == rj or in_docs[ri] & in_docs[rj]:
            continue  # never two reports of one article, not even through a third report
        if linkage == "complete" and not all(
                (min(x, y), max(x, y)) in compatible for x in members[ri] for y in members[rj]):
            continue
        if len(members[ri]) < len(members[rj]):
            ri, rj = rj, ri
        parent[rj] = ri
        members[ri] += members.pop(rj)
        in_docs[ri] |= in_docs.pop(rj)
    return list(members.values())


# --------------------------------------------------------------------------- preparing one event

def _outlet(article: Article) -> str | None:
    if article.source:
        return article.source.strip().lower()
    host = urlparse(article.url).netloc.lower() if article.url else ""
    return host.removeprefix("www.") or None


def _interval(value: str, precision: str | None = None) -> tuple[int, int]:
    """A day, week (its Monday), month or year as (first, last) ordinal day."""
    y, m, d = ([int(p) for p in value.split("-")] + [0, 0])[:3]
    first = dt.date(y, m or 1, d or 1).toordinal()
    if precision == "week":
        return first, first + 6
    last = dt.date(y, m, d) if d else dt.date(y + (m == 12), m % 12 + 1, 1) if m else dt.date(y + 1, 1, 1)
    return first, last.toordinal() - (not d)


def _prepare(event: Event, article: Article, default_published: dt.date | None) -> _Item:
    # the user's --published fallback says when the user thinks the article appeared, not when it
    # did: a date taken from it is no date at all (``article.published_assumed``)
    assumed = article.published_assumed
    if event.date is not None and not (assumed and event.date.method == "publication"):
        lo, hi = _interval(event.date.value, event.date.precision)
        stated = event.date.method != "publication" and event.date.precision == "day"
        precision, dated = event.date.precision, True
    else:
        day = None if assumed else article.published or default_published
        dated = day is not None  # no date at all: nothing bounds it in time, so it stays alone
        lo = hi = day.toordinal() if day else 0
        stated, precision = False, "day"
    return _Item(event=event, article=article, outlet=_outlet(article),
                 fact=FACTUALITY_CLASS[event.factuality], lo=lo, hi=hi, stated_day=stated,
                 precision=precision, dated=dated,
                 source=[k for a in event.source if (k := actor_key(a))],
                 target=[k for a in event.target if (k := actor_key(a))],
                 words=content_words(event.sentence), etype=event.event_type,
                 reciprocal=event.reciprocal, doc=article.id)


def actor_key(actor: Actor) -> tuple | None:
    """What an actor is compared by: ("id", id, country, sector), ("code", country, sector, full
    name or None), ("name", surname) for an uncoded proper name, or None (pronouns, common nouns)."""
    if actor.actor_id:
        return ("id", actor.actor_id, actor.country, actor.sector)
    words = [w for w in _WORD.findall(actor.name or actor.text) if w.lower().rstrip(".") not in _TITLES]
    if actor.country:
        # a generic agent ("police") keeps only its code; a named one ("FBI agent Peter Strzok")
        # also its name, when it ends in two capitalised words or more
        caps = [w for w in words if w[0].isupper()]
        name = " ".join(caps).lower() if len(caps) >= 2 and caps == words[-len(caps):] else None
        return ("code", actor.country, actor.sector, name)
    if not words or not words[-1][0].isupper() or words[-1].lower() in load_cues().non_name_words:
        return None
    return ("name", re.sub(r"['’]s$", "", words[-1].lower()))


def _code(key: tuple) -> tuple:
    return key[2:4] if key[0] == "id" else key[1:3]


def _actors_match(a: tuple, b: tuple) -> int:
    """3: the same named actor (same actor_id, or the same code and full name); 2: the same country
    + sector only (a generic agent: "police", "Israeli troops"); 1: the same uncoded name; 0: none."""
    if a[0] == "id" and b[0] == "id":
        return 3 if a[1] == b[1] else 0
    if a[0] == "name" or b[0] == "name":
        return 1 if a == b else 0
    if _code(a)[0] is None or _code(a) != _code(b):
        return 0
    return 3 if a[0] == b[0] == "code" and a[3] is not None and a[3] == b[3] else 2


def _block_keys(keys: Iterable[tuple]) -> tuple[set[tuple], set[tuple]]:
    """(keys the actors are filed under, keys they probe), such that two actors that can match
    always meet: an id meets the same id, or a code-only actor with its code; never another id."""
    file, probe = set(), set()
    for k in keys:
        own = {k} if k[0] == "name" else {("i", k[1])} if k[0] == "id" else set()
        code = () if k[0] == "name" or _code(k)[0] is None else _code(k)
        file |= own | ({("ci" if k[0] == "id" else "c", *code)} if code else set())
        probe |= own | ({("c", *code)} | ({("ci", *code)} if k[0] == "code" else set()) if code else set())
    return file, probe


# --------------------------------------------------------------------------- blocking

def _date_keys(lo: int, hi: int, width: int) -> set[tuple]:
    """Buckets an interval touches: day buckets of ``width`` days, months and years."""
    keys = {("d", b) for b in range(lo // width, hi // width + 1)}
    first, last = dt.date.fromordinal(lo), dt.date.fromordinal(hi)
    for y in range(first.year, last.year + 1):
        keys.add(("y", y))
        keys.update(("m", y, m) for m in range(first.month if y == first.year else 1,
                                               (last.month if y == last.year else 12) + 1))
    return keys


def _home_key(item: _Item, width: int) -> tuple:
    first = dt.date.fromordinal(item.lo)
    return {"year": ("y", first.year), "month": ("m", first.year, first.month)}.get(
        item.precision, ("d", item.lo // width))


def _actor_blocks(it: _Item) -> tuple[set[tuple], set[tuple]]:
    """(keys a report is filed under, keys it probes). By side: a report with both sides is filed
    under its (source, target) pairs, a one-sided one under its side, so two two-sided reports meet
    only when both sides can match (a reciprocal report is filed and probes in both orders)."""
    (fs, ps), (ft, pt) = _block_keys(it.source), _block_keys(it.target)
    file, probe = set(), set()
    for (fa, pa), (fb, pb) in [((fs, ps), (ft, pt)), ((ft, pt), (fs, ps))][:1 + it.reciprocal]:
        if fa and fb:
            file |= {("p", a, b) for a in fa for b in fb} | {("S2", a) for a in fa} | {("T2", b) for b in fb}
            probe |= {("p", a, b) for a in pa for b in pb} | {("S1", a) for a in pa} | {("T1", b) for b in pb}
        elif fa or fb:
            side, f, pr = ("S", fa, pa) if fa else ("T", fb, pb)
            file |= {(side + "1", k) for k in f}
            probe |= {(side + n, k) for k in pr for n in "12"}
    return file, probe


def _candidate_pairs(items: list[_Item], group: dict[str, str], radius: int,
                     fresh: int | None = None) -> set[tuple[int, int]]:
    """Pairs from different articles sharing a type group, factuality, an actor block and a date
    bucket within ``radius`` days: each report is filed under one date key and probes all near it.
    With ``fresh``, only the pairs that involve one of the first ``fresh`` items (the new reports of
    an incremental merge; the others were paired with each other before) are looked for: the others
    go through the few new items filed under their actor blocks instead of probing every bucket."""
    width = max(radius, 1)
    fresh = len(items) if fresh is None else fresh
    index: dict[tuple, list[int]] = defaultdict(list)  # every item, probed by the new ones
    news: dict[tuple, list[tuple]] = defaultdict(list)  # (kind, block) -> (date key, new item)
    blocks = [_actor_blocks(it) for it in items]
    for n, it in enumerate(items):
        home = (group[it.etype], it.fact, _home_key(it, width))
        for ak in blocks[n][0]:
            index[(*home, ak)].append(n)
            if n < fresh < len(items):
                news[(*home[:2], ak)].append((home[2], n))
    pairs = set()
    for n, it in enumerate(items):
        kind = (group[it.etype], it.fact)
        if n < fresh:
            found = (m for dk in _date_keys(it.lo - radius, it.hi + radius, width)
                     for ak in blocks[n][1] for m in index.get((*kind, dk, ak), ()))
        else:
            span = _span(it.lo - radius, it.hi + radius, width)
            found = (m for ak in blocks[n][1] for dk, m in news.get((*kind, ak), ()) if _touches(dk, span))
        for m in found:
            if m != n and it.doc != items[m].doc:
                pairs.add((n, m) if n < m else (m, n))
    return pairs


def _span(lo: int, hi: int, width: int) -> tuple:
    """What ``_date_keys(lo, hi, width)`` covers: first and last day bucket, (year, month) of the
    first and the last day."""
    first, last = dt.date.fromordinal(lo), dt.date.fromordinal(hi)
    return lo // width, hi // width, (first.year, first.month), (last.year, last.month)


def _touches(key: tuple, span: tuple) -> bool:
    """Whether the date keys of ``span`` hold ``key`` (without listing them)."""
    if key[0] == "d":
        return span[0] <= key[1] <= span[1]
    if key[0] == "y":
        return span[2][0] <= key[1] <= span[3][0]
    return span[2] <= key[1:] <= span[3]


# --------------------------------------------------------------------------- the rules

def _compatible(a: _Item, b: _Item, rules: _Rules) -> int:
    """0 when the two reports cannot be one event, else a strength (more shared evidence = higher)."""
    if a.fact != b.fact or a.doc == b.doc or counts_conflict(a.event, b.event):
        return 0
    if not _dates_fit(a, b, rules):
        return 0
    place = _places(a.event, b.event)
    if place < 0:
        return 0
    actors, points = _actors(a, b)
    if not actors:
        return 0
    same_day = a.stated_day and b.stated_day and a.lo == b.lo
    same_word = _same_trigger(a.event.trigger.text, b.event.trigger.text)
    evidence = points + 2 * (same_day + same_word + place) + _word_points(a, b, rules)
    if rules.actor_rule == "corroborated" and evidence < rules.min_evidence:
        return 0
    same_cameo = a.event.cameo is not None and a.event.cameo == b.event.cameo
    return 4 * evidence + actors + same_cameo


def _dates_fit(a: _Item, b: _Item, rules: _Rules) -> bool:
    """Whether the two reports' dates allow one event (see the module's docstring: date)."""
    gap = max(a.lo - b.hi, b.lo - a.hi, 0)
    if a.precision != "day" or b.precision != "day":
        return gap == 0 and not any(x.precision == "day" and not x.stated_day for x in (a, b))
    return gap <= (rules.slack if a.stated_day and b.stated_day else rules.window)


def plausible(a: _Item, b: _Item, rules: _Rules) -> bool:
    """Whether the fields blocking reads (factuality, article, dates, actors) allow the two reports
    to be one event: a necessary condition of ``_compatible``, checked before the store reads the
    rest of a stored report (``chronicle.dedup.store``)."""
    return a.fact == b.fact and a.doc != b.doc and _dates_fit(a, b, rules) and _actors(a, b)[0] > 0


EXACT_COUNT_LIMIT = 1000
"""Below this, a count of people or things is exact ("23 pirates"); above, outlets round differently."""


def counts_conflict(a: Event, b: Event) -> bool:
    """"captured 23 pirates" and "apprehended 26 pirates" are two captures: two reports that count
    the same kind of participant differently (both small, exact counts) are not one event. Crowd
    estimates ("10,000 protesters") vary between outlets and are not compared."""
    sa, sb = a.size, b.size
    return bool(sa and sb and sa.unit and sa.unit == sb.unit and sa.count != sb.count
                and max(sa.count, sb.count) < EXACT_COUNT_LIMIT)


SENTENCE_POINTS, ARTICLE_POINTS = 2, 1


def _word_points(a: _Item, b: _Item, rules: _Rules) -> int:
    """Evidence from the words: the two sentences share many content words (event-level, as strong
    as a shared named actor); the two articles are about one story (story-level: one point, so it
    never merges a lone shared actor on its own, as one actor does many things in one story)."""
    points = 0
    if rules.sentence_overlap is not None and overlap(a.words, b.words) >= rules.sentence_overlap:
        points += SENTENCE_POINTS
    similarity = rules.similarity
    if similarity is not None and similarity(a.doc, b.doc) >= rules.article_similarity:
        points += ARTICLE_POINTS
    return points


def _same_trigger(a: str, b: str) -> bool:
    """Same event word up to inflection ("accused"/"accusing", "negotiate"/"negotiations")."""
    stems = [_SUFFIX.sub("", w[0]) if (w := _WORD.findall(t.lower())) else "" for t in (a, b)]
    short, long_ = sorted(stems, key=len)
    return bool(short) and (short == long_ or (len(short) >= 4 and long_.startswith(short)))


def _shared(xs: list[tuple], ys: list[tuple]) -> int:
    return max((_actors_match(x, y) for x in xs for y in ys), default=0)


def _actors(a: _Item, b: _Item) -> tuple[int, int]:
    """(strength, evidence points) of the actor match; (0, 0) when the actors rule it out.
    Reciprocal events ("X and Y met") are compared in either order."""
    orders = [(b.source, b.target)]
    if a.reciprocal or b.reciprocal:
        orders.append((b.target, b.source))
    best = (0, 0)
    for bs, bt in orders:
        sides = [_shared(x, y) for x, y in ((a.source, bs), (a.target, bt)) if x and y]
        if sides and 0 not in sides and max(sides) >= 2:
            best = max(best, (sum(sides), sum(_SIDE_POINTS[m] for m in sides)))
    return best


def _places(a: Event, b: Event) -> int:
    """-1: different places; 0: one unknown, or the same country only; 1: the same city or point."""
    la, lb = a.location, b.location
    if la is None or lb is None:
        return 0
    if la.country and lb.country and la.country != lb.country:
        return -1
    if la.precision not in ("city", "point") or lb.precision not in ("city", "point"):
        return 0
    km = (math.hypot(la.lat - lb.lat, (la.lon - lb.lon) * math.cos(math.radians(la.lat))) * 111.2
          if None not in (la.lat, la.lon, lb.lat, lb.lon) else math.inf)  # fine at city distances
    same = (la.geonameid is not None and la.geonameid == lb.geonameid
            or la.name.strip().lower() == lb.name.strip().lower() or km <= 30)
    return 1 if same else -1


# --------------------------------------------------------------------------- output

def _evidence(e: Event) -> int:
    """How much a report pins down: coded actors, a stated date, place, speaker, size, casualties."""
    coded = sum(1 for a in e.source + e.target if a.actor_id or a.country)
    stated = e.date is not None and e.date.method != "publication"
    return coded + stated + sum(x is not None for x in (e.location, e.attribution, e.size, e.casualties))


def _merged(cluster: list[_Item]) -> MergedEvent:
    """The representative is the report with the most evidence, then the highest confidence."""
    cluster = sorted(cluster, key=lambda it: (it.article.published or dt.date.min, it.article.id, it.event.id))
    best = min(cluster, key=lambda it: (-_evidence(it.event), -it.event.confidence, -it.event.mentions,
                                        it.event.id, it.article.id))
    reports = [Report(event_id=it.event.id, doc_id=it.article.id, source=it.outlet, url=it.article.url,
                      published=it.article.published, sentence=it.event.sentence,
                      trigger=it.event.trigger.text, date=it.event.date.value if it.event.date else None,
                      confidence=it.event.confidence, mentions=it.event.mentions) for it in cluster]
    key = "|".join(sorted(f"{it.article.id}/{it.event.id}" for it in cluster))
    return MergedEvent(
        id=hashlib.sha1(key.encode("utf-8")).hexdigest()[:16], event=best.event, reports=reports,
        num_mentions=sum(it.event.mentions for it in cluster),
        num_articles=len({it.article.id for it in cluster}),
        num_sources=len({it.outlet for it in cluster if it.outlet}),
    )
