"""Reading stored events as the merge's items, only those a merge of new reports needs.

Two kinds: ``full_items`` rebuild whole events (for the rules and the merged records);
``light_items`` read only what blocking compares (type, factuality, date interval, actor keys) for
the merged reports near the new ones in time, so a merge of a few new reports never builds the
events of the whole store. Articles are identified by their content hash, as in every merge of a
store (two stored texts may share an ``id``).
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, NamedTuple

from chronicle.dedup import FACTUALITY_CLASS, MergeSettings, _Item, _prepare, actor_key
from chronicle.dedup.evidence import article_profile, content_words
from chronicle.dedup.state import Key, _key_params, _keys_relation
from chronicle.schema import Article, Location, Size, Span
from chronicle.store.db import EVENT_COLUMNS, Store, row_to_event


@dataclass
class Stored:
    """A stored event as a merge item: its key, its rank (ingest order: article seq, position),
    and the item (``item.event`` is None for a light item)."""

    key: Key
    rank: tuple[int, int]
    item: _Item
    raw: tuple | None = None  # a light item's sentence, trigger, CAMEO, size and place as stored


class RuleFields(NamedTuple):
    """The fields of an Event the rules compare beyond blocking (``_compatible``): what a stored
    candidate carries until its merged event changes and it is rebuilt whole."""

    id: str
    sentence: str
    trigger: Span
    cameo: str | None
    size: Size | None
    location: Location | None


class _ActorFields(NamedTuple):  # what ``actor_key`` reads of an actor
    text: str
    name: str | None
    actor_id: str | None
    country: str | None
    sector: str | None


_ARTICLE = "a.content_hash, a.title, a.published, a.source, a.url, a.published_assumed"


def full_items(store: Store, keys: Iterable[Key], default: dt.date | None) -> dict[Key, Stored]:
    """The stored events ``keys`` rebuilt whole, with their articles' metadata."""
    params = _key_params(keys)
    if not params["seqs"]:
        return {}
    cols = store.event_columns()
    rows = store.conn.execute(
        f"SELECT {cols}, {_ARTICLE} FROM events e JOIN {_keys_relation()} ON e.article_seq = k.s "
        f"AND e.id = k.i JOIN articles a ON a.seq = e.article_seq", params).fetchall()
    cur = store.conn.execute(
        f'SELECT x.article_seq, x.event_id, x.side, x.position, x.text, x."start", x."end", x.name, '
        f"x.actor_id, x.country, x.sector, x.role, x.method, x.confidence, x.method_detail "
        f"FROM event_actors x "
        f"JOIN {_keys_relation()} ON x.article_seq = k.s AND x.event_id = k.i", params)
    names = [d[0] for d in cur.description]
    actors: dict[Key, list[dict]] = defaultdict(list)
    for row in cur.fetchall():
        record = dict(zip(names, row))
        actors[(record["article_seq"], record["event_id"])].append(record)
    out = {}
    n = len(EVENT_COLUMNS)
    for row in rows:
        fields = dict(zip(EVENT_COLUMNS, row[:n]))
        content_hash, title, published, source, url, assumed = row[n:]
        key = (fields["article_seq"], fields["id"])
        event = row_to_event(fields, actors.get(key, ()))
        article = Article(id=content_hash, text="", title=title, published=published, source=source,
                          url=url, published_assumed=bool(assumed))
        out[key] = Stored(key, (key[0], fields["position"]), _prepare(event, article, default))
    return out


_LIGHT = """
WITH wd AS (SELECT unnest($dt::VARCHAR[]) AS t, unnest($df::VARCHAR[]) AS f,
                   unnest($dlo::DATE[]) AS lo, unnest($dhi::DATE[]) AS hi),
w AS (SELECT unnest($t::VARCHAR[]) AS t, unnest($f::VARCHAR[]) AS f, unnest($lo::DATE[]) AS lo,
             unnest($hi::DATE[]) AS hi, unnest($key::VARCHAR[]) AS key),
wn AS (SELECT unnest($nt::VARCHAR[]) AS t, unnest($nf::VARCHAR[]) AS f, unnest($nlo::DATE[]) AS lo,
              unnest($nhi::DATE[]) AS hi, unnest($nkey::VARCHAR[]) AS key),
c AS (
    SELECT e.article_seq, e.position, e.id, e.event_type, e.factuality, e.reciprocal, e.date_precision,
           json_extract_string(e.date, '$.method') AS method, a.content_hash, e.sentence, e.trigger_text,
           e.trigger_start, e.trigger_end, e.cameo, e.size, e.location,
           coalesce(e.date_first, a.published, $default::DATE) AS lo,
           coalesce(e.date_last, a.published, $default::DATE) AS hi
    FROM events e JOIN articles a ON a.seq = e.article_seq
    SEMI JOIN wd ON wd.t = e.event_type AND wd.f = e.factuality
                AND wd.lo <= coalesce(e.date_last, a.published, $default::DATE)
                AND wd.hi >= coalesce(e.date_first, a.published, $default::DATE)
    SEMI JOIN reports r ON r.article_seq = e.article_seq AND r.event_id = e.id
    WHERE NOT (a.published_assumed AND (e.date IS NULL
                                        OR json_extract_string(e.date, '$.method') = 'publication'))
),
x AS (SELECT x.* FROM event_actors x SEMI JOIN c ON x.article_seq = c.article_seq AND x.event_id = c.id),
k AS (SELECT x.article_seq, x.event_id,
             unnest(['i:' || x.actor_id, 'c:' || x.country || '|' || coalesce(x.sector, '')]) AS key
      FROM x),
hits AS (
    SELECT c.article_seq, c.id FROM c JOIN k ON k.article_seq = c.article_seq AND k.event_id = c.id
    JOIN w ON w.key = k.key AND w.t = c.event_type AND w.f = c.factuality AND w.lo <= c.hi AND w.hi >= c.lo
    UNION
    SELECT c.article_seq, c.id FROM c JOIN x ON x.article_seq = c.article_seq AND x.event_id = c.id
    JOIN wn ON wn.t = c.event_type AND wn.f = c.factuality AND wn.lo <= c.hi AND wn.hi >= c.lo
    WHERE x.actor_id IS NULL AND coalesce(x.country, '') = ''
      AND contains(lower(coalesce(nullif(x.name, ''), x.text)), wn.key)
)
SELECT c.article_seq, c.position, c.id, c.event_type, c.factuality, c.reciprocal, c.date_precision,
       c.method, c.content_hash, c.lo, c.hi, c.sentence, c.trigger_text, c.trigger_start, c.trigger_end,
       c.cameo, c.size, c.location,
       list(struct_pack(side := x.side, text := x.text, name := x.name, actor_id := x.actor_id,
                        country := x.country, sector := x.sector)) FILTER (WHERE x.side IS NOT NULL)
FROM c SEMI JOIN hits ON hits.article_seq = c.article_seq AND hits.id = c.id
LEFT JOIN x ON x.article_seq = c.article_seq AND x.event_id = c.id
GROUP BY ALL
"""


def light_items(store: Store, new: list[_Item], settings: MergeSettings) -> list[Stored]:
    """The merged reports that blocking could pair with the dated ``new`` items: of the same type
    group and factuality, dated within ``radius`` + one bucket of a new report, and sharing an
    actor key with it (the same actor id, country + sector, or uncoded surname): a superset of
    what blocking compares, read without rebuilding events; ``_candidate_pairs`` then decides."""
    windows = _windows(new, settings)
    if not windows:
        return []
    days = _merged_ranges((t, f, lo, hi) for t, f, _, lo, hi in windows)
    coded = [w for w in windows if not w[2].startswith("n:")]
    named = [(t, f, key[2:], lo, hi) for t, f, key, lo, hi in windows if key.startswith("n:")]
    params = {"default": settings.default_published, **_columns("d", days, ("t", "f", "lo", "hi")),
              **_columns("", coded, ("t", "f", "key", "lo", "hi")),
              **_columns("n", named, ("t", "f", "key", "lo", "hi"))}
    return [_light(row) for row in store.conn.execute(_LIGHT, params).fetchall()]


def _columns(prefix: str, rows: list[tuple], names: tuple[str, ...]) -> dict[str, list]:
    """Query parameters, one list per column of ``rows``; ordinal days ``lo``/``hi`` as dates."""
    first, last = dt.date.min.toordinal(), dt.date.max.toordinal()
    out = {}
    for n, name in enumerate(names):
        values = [r[n] for r in rows]
        if name in ("lo", "hi"):
            values = [dt.date.fromordinal(min(max(v, first), last)) for v in values]
        out[prefix + name] = values
    return out


def _light(row: tuple) -> Stored:
    """A light item from a row of ``_LIGHT``: what blocking reads (the rest of what the rules read
    is kept raw for ``add_rule_fields``)."""
    seq, position, eid, etype, fact, reciprocal, precision, method, doc, lo, hi, *rest = row
    *raw, actors = rest
    sides: dict[str, list[tuple]] = {"source": [], "target": []}
    for a in actors or ():
        if key := actor_key(_ActorFields(a["text"], a["name"], a["actor_id"], a["country"], a["sector"])):
            sides[a["side"]].append(key)
    item = _Item(event=None, article=None, outlet=None, fact=FACTUALITY_CLASS[fact],
                 lo=lo.toordinal(), hi=hi.toordinal(),
                 stated_day=precision == "day" and method != "publication",
                 precision=precision or "day", dated=True, source=sides["source"],
                 target=sides["target"], words=frozenset(), etype=etype,
                 reciprocal=bool(reciprocal), doc=doc)
    return Stored((seq, eid), (seq, position), item, tuple(raw))


def _window_keys(it: _Item) -> set[str]:
    """What a stored report must share with ``it`` to meet it in blocking: ``i:`` an actor id,
    ``c:`` a country and sector, ``n:`` an uncoded surname (matched as a substring of the name)."""
    keys = set()
    for k in it.source + it.target:
        if k[0] == "name":
            keys.add(f"n:{k[1]}")
            continue
        if k[0] == "id":
            keys.add(f"i:{k[1]}")
        code = k[2:4] if k[0] == "id" else k[1:3]
        if code[0] is not None:
            keys.add(f"c:{code[0]}|{code[1] or ''}")
    return keys


def _windows(new: list[_Item], settings: MergeSettings) -> list[tuple[str, str, str, int, int]]:
    """(event type, factuality, actor key, first day, last day) that a merged report must match to
    be paired with one of ``new``; overlapping ranges of one type, factuality and key joined."""
    groups = settings.groups()
    members = defaultdict(list)
    for etype, group in groups.items():
        members[group].append(etype)
    facts = defaultdict(list)
    for value, cls in FACTUALITY_CLASS.items():
        facts[cls].append(value)
    margin = settings.radius + max(settings.radius, 1)  # a probe reaches radius + one bucket
    spans = []
    for it in new:
        keys = _window_keys(it)
        for etype in members[groups[it.etype]]:
            for fact in facts[it.fact]:
                spans.extend((etype, fact, key, it.lo - margin, it.hi + margin) for key in keys)
    return _merged_ranges(spans)


def _merged_ranges(rows: Iterable[tuple]) -> list[tuple]:
    """Rows (*fields, lo, hi) of ordinal days, overlapping or touching ranges of equal fields joined."""
    spans: dict[tuple, list[tuple[int, int]]] = defaultdict(list)
    for *fields, lo, hi in rows:
        spans[tuple(fields)].append((lo, hi))
    out = []
    for fields, ranges in sorted(spans.items()):
        ranges.sort()
        lo, hi = ranges[0]
        for a, b in ranges[1:] + [(math.inf, math.inf)]:
            if a > hi + 1:
                out.append((*fields, lo, hi))
                lo, hi = a, b
            else:
                hi = max(hi, b)
    return out


def profiles(store: Store, seqs: Iterable[int]) -> dict[int, tuple[str, list[str]]]:
    """Article seq -> (content hash, profile: title and distinct event sentences) of ``seqs``."""
    seqs = sorted(set(seqs))
    if not seqs:
        return {}
    rows = store.conn.execute(
        "SELECT a.seq, a.content_hash, a.title, list(e.sentence) FROM articles a JOIN events e "
        "ON e.article_seq = a.seq WHERE a.seq IN (SELECT unnest(?::BIGINT[])) "
        "GROUP BY a.seq, a.content_hash, a.title", [seqs]).fetchall()
    return {seq: (doc, article_profile(title, sentences)) for seq, doc, title, sentences in rows}


def add_rule_fields(items: list[Stored]) -> None:
    """Give light items what the rules compare besides blocking (the sentence's words, trigger,
    CAMEO code, size and place) as a partial event: cheaper than rebuilding whole events, which
    only the reports of the merged events that change need (``full_items``)."""
    for stored in items:
        sentence, trigger, start, end, cameo, size, location = stored.raw
        item = stored.item
        item.event = RuleFields(
            id=stored.key[1], sentence=sentence,
            trigger=Span.model_construct(text=trigger, start=start, end=end), cameo=cameo,
            size=Size.model_construct(**json.loads(size)) if size else None,
            location=Location.model_construct(**json.loads(location)) if location else None)
        item.words = content_words(sentence)


def ranks(store: Store, keys: Iterable[Key]) -> dict[Key, tuple[tuple[int, int], str]]:
    """Rank (article seq, position) and article content hash of the stored reports ``keys``."""
    params = _key_params(keys)
    if not params["seqs"]:
        return {}
    rows = store.conn.execute(
        f"SELECT e.article_seq, e.id, e.position, a.content_hash FROM events e JOIN {_keys_relation()} "
        f"ON e.article_seq = k.s AND e.id = k.i JOIN articles a ON a.seq = e.article_seq", params).fetchall()
    return {(q, i): ((q, position), doc) for q, i, position, doc in rows}


def merged_ids(store: Store, keys: Iterable[Key]) -> dict[Key, str]:
    """The merged event each of the stored reports ``keys`` belongs to now."""
    params = _key_params(keys)
    if not params["seqs"]:
        return {}
    rows = store.conn.execute(
        f"SELECT r.article_seq, r.event_id, r.merged_id FROM reports r JOIN {_keys_relation()} "
        f"ON r.article_seq = k.s AND r.event_id = k.i", params).fetchall()
    return {(s, i): m for s, i, m in rows}
