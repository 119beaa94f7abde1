"""The HTTP API through the real ASGI app, on a store of hand-made events (no spaCy model).

Expected answers are computed in Python from the same hand-made events, so each filter, sort and
page is checked against an independent reading of the data, not against the SQL it tests.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("httpx")
from fastapi.testclient import TestClient  # noqa: E402

from chronicle.api.app import ApiSettings, create_app  # noqa: E402
from chronicle.api.security import RateLimiter, TokenFileError, read_token, token_matches  # noqa: E402
from chronicle.schema import Actor, Article, CoderInfo, Event, EventDate, Location, Span  # noqa: E402
from chronicle.store import Store  # noqa: E402
from chronicle.store.reviews import iter_reviews  # noqa: E402

INFO = CoderInfo(version="test", data_version="test")
TOKEN = "s3cret-token-for-tests"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
REPO = Path(__file__).resolve().parents[1]


def actor(text: str, country: str | None, sector: str | None, actor_id: str | None = None,
          start: int = 0) -> Actor:
    return Actor(text=text, start=start, end=start + len(text), name=text if country else None,
                 actor_id=actor_id, country=country, sector=sector)


# (article id, outlet, published, text, [event specs]); an event spec is a dict of Event fields
# plus "trigger" (a word of the text).
ARTICLES = [
    ("a1", "Reuters", "2024-05-06", "Israel accused Hamas of firing rockets near Cairo on Monday.", [
        dict(event_type="ACCUSE", cameo="111", quad_class=3, goldstein=-2.0, factuality="actual",
             source=[actor("Israel", "ISR", "GOV", "isr")], target=[actor("Hamas", "PSE", "PTY", "hamas", 15)],
             trigger="accused", date="2024-05-06", location=("Cairo", "EGY", 30.06, 31.25), confidence=0.7),
        dict(event_type="ASSAULT", cameo="190", quad_class=4, goldstein=-10.0, factuality="hypothetical",
             source=[actor("Hamas", "PSE", "PTY", "hamas", 15)], target=[actor("Israel", "ISR", "GOV", "isr")],
             trigger="firing", date="2024-05", location=None, confidence=0.4, mentions=3)]),
    ("a2", "BBC", "2024-06-02", "Russian troops shelled Kyiv; Ukraine's army said the attack failed.", [
        dict(event_type="ASSAULT", cameo="195", quad_class=4, goldstein=-10.0, factuality="actual",
             source=[actor("Russian troops", "RUS", "MIL")], target=[actor("Kyiv", "UKR", None, start=23)],
             trigger="shelled", date="2024-06-01", location=("Kyiv", "UKR", 50.45, 30.52), confidence=0.9,
             mentions=2)]),
    ("a3", "AP News", "2024-04-20", "The United States and China agreed to hold climate talks in April.", [
        dict(event_type="AGREE", cameo="030", quad_class=1, goldstein=4.0, factuality="actual",
             source=[actor("The United States", "USA", "GOV", "usa")],
             target=[actor("China", "CHN", "GOV", "chn", 26)], trigger="agreed", date="2024-04",
             location=None, confidence=0.5),
        dict(event_type="CONSULT", cameo="040", quad_class=1, goldstein=1.0, factuality="future",
             source=[actor("The United States", "USA", "GOV", "usa")],
             target=[actor("China", "CHN", "GOV", "chn", 26)], trigger="talks", date=None,
             location=None, confidence=0.6)]),
    ("a4", "Reuters", None, "Protesters marched in Paris against the pension reform.", [
        dict(event_type="PROTEST", cameo="140", quad_class=4, goldstein=-6.5, factuality="actual",
             source=[actor("Protesters", "FRA", "CVL", start=0)], target=[], trigger="marched",
             date=None, location=("Paris", "FRA", 48.85, 2.35), confidence=0.3)]),
    ("a5", None, "2024-05-07", "Israel again accused Hamas of firing rockets, officials said.", [
        dict(event_type="ACCUSE", cameo="112", quad_class=3, goldstein=-2.0, factuality="negated",
             source=[actor("Israel", "ISR", "GOV", "isr")], target=[actor("Hamas", "PSE", "PTY", "hamas", 21)],
             trigger="accused", date="2024-05-06", location=("Cairo", "EGY", 30.06, 31.25), confidence=0.8)]),
]


def build(doc: str, text: str, k: int, spec: dict) -> Event:
    spec = dict(spec)
    word = spec.pop("trigger")
    start = text.index(word)
    date = spec.pop("date")
    place = spec.pop("location")
    return Event(
        id=f"{doc}-e{k}", doc_id=doc, sentence_index=0, sentence=text,
        trigger=Span(text=word, start=start, end=start + len(word)),
        date=None if date is None else EventDate(value=date, precision="day" if len(date) == 10 else "month"),
        location=None if place is None else Location(name=place[0], country=place[1], lat=place[2],
                                                     lon=place[3], precision="city"),
        coder=INFO, **spec)


def all_events() -> list[tuple[Article, Event]]:
    out = []
    for doc, outlet, published, text, specs in ARTICLES:
        article = Article(id=doc, text=text, source=outlet, published=published,
                          url=f"https://news.example/{doc}")
        out += [(article, build(doc, text, k, spec)) for k, spec in enumerate(specs)]
    return out


def make_store(path: Path) -> None:
    from chronicle.dedup.store import merge_store

    pairs: dict[str, tuple[Article, list[Event]]] = {}
    for article, event in all_events():
        pairs.setdefault(article.id, (article, []))[1].append(event)
    with Store(path) as store:
        with store.transaction():
            store.add_articles(list(pairs.values()), INFO, dt.datetime(2024, 7, 1))
        merge_store(store)


class FakeCoder:
    """Codes any text into one ACCUSE event; ``gate`` (a threading.Event) holds each batch until set."""

    def __init__(self, gate: threading.Event | None = None):
        self.gate = gate

    def pipe(self, articles, batch_size=16, n_process=1, on_error=None):
        for article in articles:
            if self.gate is not None:
                self.gate.wait(30)
            word = article.text.split()[0]
            yield article, [Event(
                id=f"{article.id}-x", doc_id=article.id, sentence_index=0, sentence=article.text,
                event_type="ACCUSE", quad_class=3, factuality="actual",
                source=[actor(word, "ISR", "GOV", "isr")],
                trigger=Span(text=word, start=0, end=len(word)), confidence=0.5, coder=INFO)]


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("api") / "events.duckdb"
    make_store(path)
    return path


def app_for(db: Path, **settings):
    coder = settings.pop("coder", None) or FakeCoder()
    options = dict(rate=0, static_dir=None)
    options.update(settings)
    return create_app(ApiSettings(db=str(db), **options), coder_factory=lambda: coder)


@pytest.fixture(scope="module")
def client(db):
    """A read-only server (no token), as 'chronicle serve' runs by default."""
    app = app_for(db)
    with TestClient(app) as c:
        yield c
    app.state.service.close()


def assert_error(response, status: int, contains: str = "") -> dict:
    """The one error shape every route uses."""
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"status", "message"}, body
    assert body["error"]["status"] == status
    assert contains in body["error"]["message"], body
    assert "Traceback" not in response.text and 'File "' not in response.text
    return body


def ids(response) -> list[str]:
    assert response.status_code == 200, response.text
    return [e["id"] for e in response.json()["events"]]


# -- the event list ---------------------------------------------------------------------------------
def test_events_are_the_event_records_plus_article_and_merged(client):
    body = client.get("/v1/events", params={"limit": 500}).json()
    assert body["total"] == len(all_events()) and body["next_cursor"] is None
    by_id = {e.id: (a, e) for a, e in all_events()}
    for record in body["events"]:
        article, event = by_id[record["id"]]
        assert {k: v for k, v in record.items() if k not in ("article", "merged")} == \
            json.loads(event.model_dump_json())
        assert record["article"] == {"seq": record["article"]["seq"], "id": article.id,
                                     "title": None, "published": article.published and article.published.isoformat(),
                                     "published_assumed": False, "source": article.source, "url": article.url}
        assert set(record["merged"]) == {"id", "num_mentions", "num_articles", "num_sources"}


def _actors(e: Event, side: str):
    return e.source + e.target if side == "any" else getattr(e, side)


FILTERS = [
    ({"actor": "hamas"}, lambda a, e: any(x.actor_id == "hamas" for x in e.source + e.target)),
    ({"actor": "hamas", "actor_side": "target"}, lambda a, e: any(x.actor_id == "hamas" for x in e.target)),
    ({"actor": "usa"}, lambda a, e: any(x.actor_id == "usa" for x in e.source)),
    ({"actor": "troops"}, lambda a, e: e.doc_id == "a2"),
    ({"country": "isr", "actor_side": "source"}, lambda a, e: any(x.country == "ISR" for x in e.source)),
    ({"country": "ISR", "actor_side": "target"}, lambda a, e: any(x.country == "ISR" for x in e.target)),
    ({"sector": "MIL"}, lambda a, e: any(x.sector == "MIL" for x in e.source + e.target)),
    ({"actor": "Israel", "country": "PSE"}, lambda a, e: False),   # one actor must match both
    ({"event_type": ["ACCUSE", "assault"]}, lambda a, e: e.event_type in ("ACCUSE", "ASSAULT")),
    ({"cameo": "19"}, lambda a, e: e.cameo.startswith("19")),
    ({"quad_class": [1, 2]}, lambda a, e: e.quad_class in (1, 2)),
    ({"factuality": ["negated", "future"]}, lambda a, e: e.factuality in ("negated", "future")),
    ({"min_confidence": 0.7}, lambda a, e: e.confidence >= 0.7),
    ({"date_from": "2024-05-10"}, lambda a, e: e.date is not None and e.date.value >= "2024-05"
        and e.date.value not in ("2024-05-06",)),
    ({"date_to": "2024-04-30"}, lambda a, e: e.date is not None and e.date.value <= "2024-04-30"),
    ({"date_from": "2024-05-06", "date_to": "2024-05-06"},
     lambda a, e: e.date is not None and e.date.value in ("2024-05-06", "2024-05")),
    ({"location_country": "EGY"}, lambda a, e: e.location is not None and e.location.country == "EGY"),
    ({"bbox": "20,40,40,60"}, lambda a, e: e.location is not None and e.location.name == "Kyiv"),
    ({"outlet": "reuters"}, lambda a, e: a.source == "Reuters"),
    ({"outlet": "news.example/a3"}, lambda a, e: a.id == "a3"),
    ({"q": "ROCKETS"}, lambda a, e: "rockets" in e.sentence),
    ({"q": "rockets", "factuality": "actual", "event_type": "ACCUSE"},
     lambda a, e: a.id == "a1" and e.event_type == "ACCUSE"),
]


@pytest.mark.parametrize("params, keep", FILTERS, ids=[json.dumps(p) for p, _ in FILTERS])
def test_events_filters_match_a_python_reading_of_the_same_events(client, params, keep):
    expected = sorted(e.id for a, e in all_events() if keep(a, e))
    response = client.get("/v1/events", params={**params, "limit": 500})
    assert sorted(ids(response)) == expected
    assert response.json()["total"] == len(expected)


def _sort_key(sort: str):
    field = sort.lstrip("-")

    def key(pair):
        a, e = pair
        if field == "date":
            return (e.date.value if e.date else None)
        return e.confidence if field == "confidence" else e.mentions
    return key


@pytest.mark.parametrize("sort", ["-date", "date", "confidence", "-confidence", "mentions", "-mentions"])
def test_cursor_pages_walk_every_event_once_in_sort_order(client, sort):
    seen, cursor, pages = [], None, 0
    while True:
        params = {"sort": sort, "limit": 2, **({"cursor": cursor} if cursor else {})}
        body = client.get("/v1/events", params=params).json()
        assert (body["total"] is None) == (cursor is not None)
        seen += body["events"]
        pages += 1
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert pages == 4 and len({e["id"] for e in seen}) == len(all_events()) == len(seen)
    values = [_sort_key(sort)((None, Event.model_validate({k: v for k, v in e.items()
                                                            if k not in ("article", "merged")}))) for e in seen]
    dated = [v for v in values if v is not None]
    assert dated == sorted(dated, reverse=sort.startswith("-"))
    if sort.endswith("date"):
        assert values[len(dated):] == [None] * (len(values) - len(dated)), "undated events come last"


def test_a_cursor_of_another_sort_or_made_up_is_refused(client):
    cursor = client.get("/v1/events", params={"limit": 1, "sort": "date"}).json()["next_cursor"]
    assert_error(client.get("/v1/events", params={"cursor": cursor, "sort": "-confidence"}), 400, "cursor")
    assert_error(client.get("/v1/events", params={"cursor": "bm90IGEgY3Vyc29y"}), 400, "cursor")


def test_merged_true_gives_one_row_per_merged_event(client, db):
    with Store(db, read_only=True) as store:
        merged = store.conn.execute("SELECT id, num_mentions FROM merged_events").fetchall()
    body = client.get("/v1/events", params={"merged": "true", "limit": 500}).json()
    assert body["total"] == len(merged) == len(body["events"])
    assert {e["merged"]["id"]: e["merged"]["num_mentions"] for e in body["events"]} == dict(merged)
    assert ids(client.get("/v1/events", params={"merged": "true", "sort": "-mentions", "limit": 1}))


def test_csv_and_jsonl_downloads_stream_the_whole_query(client):
    jsonl = client.get("/v1/events", params={"format": "jsonl", "event_type": "ACCUSE", "limit": 1})
    assert jsonl.headers["content-type"].startswith("application/x-ndjson")
    lines = [json.loads(line) for line in jsonl.text.splitlines()]
    assert sorted(r["id"] for r in lines) == ["a1-e0", "a5-e0"] and "article" in lines[0]
    table = client.get("/v1/events", headers={"Accept": "text/csv"})
    assert table.headers["content-type"].startswith("text/csv")
    assert "attachment" in table.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(table.text)))
    assert len(rows) == len(all_events()) and {"event_type", "source", "merged_id", "article_url"} <= set(rows[0])
    ndjson = client.get("/v1/events", params={"merged": "true"}, headers={"Accept": "application/x-ndjson"})
    assert all(json.loads(line)["merged"] for line in ndjson.text.splitlines())
    empty = client.get("/v1/events", params={"format": "csv", "q": "no such words"})
    assert empty.status_code == 200 and empty.text.count("\n") == 1  # the header only
    assert_error(client.get("/v1/events", params={"format": "xml"}), 400, "format")


# -- one event ----------------------------------------------------------------------------------------
def test_event_detail_has_article_text_reports_and_evidence_offsets(client):
    body = client.get("/v1/events/a1-e0").json()
    event, text = body["event"], body["article_text"]
    assert text.startswith("Israel accused Hamas")
    assert text[event["trigger"]["start"]:event["trigger"]["end"]] == "accused"
    for a in event["source"] + event["target"]:
        assert text[a["start"]:a["end"]] == a["text"]
    assert body["reviews"] == []
    assert any(r["id"] == "a1-e0" for r in body["reports"])
    for report in body["reports"]:
        assert report["article_text"][report["trigger"]["start"]:report["trigger"]["end"]] == \
            report["trigger"]["text"]
    assert_error(client.get("/v1/events/nope"), 404, "'nope'")


# -- reviews ------------------------------------------------------------------------------------------
def test_reviews_need_the_token_and_a_read_only_server_refuses_them(client, db, tmp_path):
    review = {"verdict": "wrong", "reviewer": "ana", "corrections": {"event_type": "THREATEN"}}
    assert_error(client.post("/v1/events/a1-e0/reviews", json=review, headers=AUTH), 403, "read-only")
    copy = tmp_path / "copy.duckdb"
    make_store(copy)
    app = app_for(copy, token=TOKEN)
    with TestClient(app) as writer:
        assert_error(writer.post("/v1/events/a1-e0/reviews", json=review), 401, "token")
        assert_error(writer.post("/v1/events/a1-e0/reviews", json=review,
                                 headers={"Authorization": "Bearer wrong"}), 401, "token")
        made = writer.post("/v1/events/a1-e0/reviews", json=review, headers=AUTH)
        assert made.status_code == 201, made.text
        got = made.json()
        assert got["event_id"] == "a1-e0" and got["verdict"] == "wrong" and got["reviewer"] == "ana"
        assert got["corrections"] == {"event_type": "THREATEN"} and got["created_at"].endswith("Z")
        second = writer.post("/v1/events/a1-e0/reviews", headers=AUTH, json={
            "verdict": "right", "reviewer": "bo", "note": "checked",
            "corrections": {"source": [{"name": "Israel Defense Forces", "country": "ISR", "sector": "MIL"}]}})
        assert second.status_code == 201, second.text
        listed = writer.get("/v1/events/a1-e0/reviews").json()["reviews"]
        assert [r["reviewer"] for r in listed] == ["ana", "bo"]
        assert writer.get("/v1/events/a1-e0").json()["reviews"] == listed
        assert writer.get("/v1/meta").json()["counts"]["reviews"] == 2
        assert writer.get("/v1/events/a1-e1/reviews").json()["reviews"] == []
        assert_error(writer.post("/v1/events/a1-e0/reviews", headers=AUTH,
                                 json={"verdict": "maybe", "reviewer": "x"}), 422, "verdict")
        assert_error(writer.post("/v1/events/a1-e0/reviews", headers=AUTH, json={"reviewer": "x"}), 400)
        assert_error(writer.post("/v1/events/nope/reviews", headers=AUTH, json=review), 404)
        for attack in INJECTIONS[:6]:
            quoted = attack.replace("/", "%2F").replace("?", "%3F").replace("#", "%23")
            assert_error(writer.post(f"/v1/events/{quoted}/reviews", headers=AUTH, json=review), 404)
            stored = writer.post("/v1/events/a1-e0/reviews", headers=AUTH,
                                 json={"verdict": "right", "reviewer": attack, "note": attack})
            assert stored.status_code == 201 and stored.json()["reviewer"] == attack
    app.state.service.close()
    with Store(copy, read_only=True) as store:
        rows = list(iter_reviews(store))
    assert [(r["reviewer"], r["verdict"], r["event_id"]) for r in rows] == [
        ("ana", "wrong", "a1-e0"), ("bo", "right", "a1-e0")] + [(a, "right", "a1-e0") for a in INJECTIONS[:6]]
    assert rows[1]["corrections"]["source"][0]["sector"] == "MIL"


# -- actors and stats ---------------------------------------------------------------------------------
def test_actors_have_dated_roles_and_event_counts(client):
    body = client.get("/v1/actors", params={"q": "netanyahu"}).json()
    netanyahu = next(a for a in body["actors"] if a["actor_id"] == "benjamin-netanyahu")
    assert any(r["role"] == "prime minister" and r["start"] for r in netanyahu["roles"])
    assert netanyahu["event_count"] == 0
    top = client.get("/v1/actors", params={"limit": 3}).json()["actors"]
    expected = sum(1 for _, e in all_events() if any(x.actor_id == "isr" for x in e.source + e.target))
    assert {a["actor_id"]: a["event_count"] for a in top[:2]} == {"isr": expected, "hamas": expected}
    assert top[2]["event_count"] < expected
    assert client.get("/v1/actors/isr").json()["event_count"] == expected
    assert_error(client.get("/v1/actors/no-such-actor"), 404, "no-such-actor")


def test_timeseries_counts_dated_events_by_period_and_quad_class(client):
    body = client.get("/v1/stats/timeseries", params={"interval": "month"}).json()
    dated = [e for _, e in all_events() if e.date]
    assert sum(p["count"] for p in body["series"]) == len(dated)
    may = {p["quad_class"]: p for p in body["series"] if p["period"] == "2024-05-01"}
    assert may[3]["count"] == 2 and may[3]["mean_goldstein"] == -2.0 and may[4]["count"] == 1
    dyad = client.get("/v1/stats/timeseries", params={"dyad": "ISR:PSE", "interval": "day"}).json()
    assert [(p["period"], p["count"]) for p in dyad["series"]] == [("2024-05-06", 2)]
    country = client.get("/v1/stats/timeseries", params={"country": "UKR", "interval": "week"}).json()
    assert [(p["period"], p["quad_class"]) for p in country["series"]] == [("2024-05-27", 4)]
    assert_error(client.get("/v1/stats/timeseries", params={"interval": "hour"}), 400, "interval")
    assert_error(client.get("/v1/stats/timeseries", params={"dyad": "ISR-PSE"}), 400, "dyad")


def test_dyads_and_places(client):
    body = client.get("/v1/stats/dyads").json()
    edges = {(e["source"], e["target"]): e["count"] for e in body["edges"]}
    assert edges == {("ISR", "PSE"): 2, ("PSE", "ISR"): 1, ("RUS", "UKR"): 1, ("USA", "CHN"): 2}
    assert {n["id"]: n["count"] for n in body["nodes"]}["ISR"] == 3
    only = client.get("/v1/stats/dyads", params={"event_type": "AGREE"}).json()
    assert [(e["source"], e["target"], e["mean_goldstein"]) for e in only["edges"]] == [("USA", "CHN", 4.0)]
    places = client.get("/v1/stats/places").json()
    assert {(p["name"], p["count"]) for p in places["places"]} == {("Cairo", 2), ("Kyiv", 1), ("Paris", 1)}
    assert places["countries"][0] == {"country": "EGY", "count": 2}


def test_meta_lists_vocabularies_counts_and_writability(client):
    body = client.get("/v1/meta").json()
    assert len(body["event_types"]) == 16 and body["quad_classes"]["4"] == "material conflict"
    assert body["counts"]["events"] == len(all_events()) and body["writable"] is False
    assert body["date_range"] == {"first": "2024-04-01", "last": "2024-06-01"}


# -- security -----------------------------------------------------------------------------------------
INJECTIONS = ["' OR '1'='1", "1; DROP TABLE events; --", "\") OR 1=1 --", "%' OR 1=1 --",
              "x' UNION SELECT text FROM articles --", "\\'; SELECT 1; --", "ISR' --", "\x00"]
TEXT_PARAMS = ["actor", "q", "outlet", "mode", "cursor", "sort", "format", "actor_side"]
CODED_PARAMS = ["country", "sector", "location_country", "event_type", "factuality", "quad_class",
                "cameo", "date_from", "date_to", "bbox", "min_confidence", "limit", "merged"]


@pytest.mark.parametrize("attack", INJECTIONS)
def test_injection_through_every_parameter_breaks_nothing_and_leaks_nothing(client, db, attack):
    for name in TEXT_PARAMS + CODED_PARAMS:
        for route in ("/v1/events", "/v1/stats/timeseries", "/v1/stats/dyads", "/v1/stats/places"):
            response = client.get(route, params={name: attack})
            if response.status_code == 200:
                if route == "/v1/events":
                    assert response.json()["events"] == [], (name, attack)  # matched as a value: nothing
            else:
                assert_error(response, response.status_code)
                assert response.status_code in (400, 422), (name, response.text)
            assert "Israel accused" not in response.text or name in ("sort",)
    for path in ("/v1/events/{}", "/v1/events/{}/reviews", "/v1/actors/{}", "/v1/ingest/{}")[:4 * attack.isprintable()]:
        assert_error(client.get(path.format(attack.replace("/", "%2F").replace("?", "%3F")
                                            .replace("#", "%23"))), 404)
    for name in ("interval", "dyad"):
        refused = client.get("/v1/stats/timeseries", params={name: attack})
        assert_error(refused, refused.status_code)
        assert refused.status_code in (400, 422)
    for name in ("q", "limit"):
        answer = client.get("/v1/actors", params={name: attack})
        assert answer.status_code in (200, 422) and "Traceback" not in answer.text
    assert client.get("/v1/actors", params={"q": attack}).json()["actors"] == []
    if attack.isprintable():
        quoted = attack.replace("/", "%2F").replace("?", "%3F").replace("#", "%23")
        review = client.post(f"/v1/events/{quoted}/reviews", json={"verdict": "right", "reviewer": attack})
        assert_error(review, 403)   # read-only: refused before anything is looked up
    with Store(db, read_only=True) as store:
        assert store.counts()["events"] == len(all_events())


def test_rate_limit_answers_429_with_retry_after(db):
    app = app_for(db, rate=1, burst=2)
    with TestClient(app) as c:
        assert [c.get("/v1/meta").status_code for _ in range(2)] == [200, 200]
        refused = c.get("/v1/meta")
        assert_error(refused, 429, "too many requests")
        assert int(refused.headers["retry-after"]) >= 1
    app.state.service.close()
    bucket = RateLimiter(rate=2, burst=1)
    assert bucket.allow("a", now=0.0) == 0 and bucket.allow("a", now=0.1) > 0
    assert bucket.allow("b", now=0.1) == 0 and bucket.allow("a", now=0.6) == 0


def test_body_and_query_size_limits(db):
    app = app_for(db, token=None, max_body=2048)
    with TestClient(app) as c:
        assert_error(c.post("/v1/code", json={"text": "x" * 5000}), 413, "2048 bytes")

        def chunks():
            for _ in range(10):
                yield b"x" * 1000
        assert_error(c.post("/v1/code", content=chunks(), headers={"content-type": "application/json"}), 413)
        assert_error(c.get("/v1/events", params={"q": "x" * 9000}), 414, "query string")
    app.state.service.close()
    app = app_for(db)
    with TestClient(app) as c:
        assert_error(c.post("/v1/code", json={"text": "y" * 100_001}), 422, "text")
        assert_error(c.get("/v1/events", params={"limit": 501}), 422, "limit")
        assert_error(c.post("/v1/code", content=b"{not json", headers={"content-type": "application/json"}), 422)
    app.state.service.close()


def test_an_internal_error_is_a_json_500_without_trace_or_detail(client, monkeypatch):
    from chronicle.api import routes

    def broken(*args, **kwargs):
        raise RuntimeError("secret detail /home/user/private.duckdb")
    monkeypatch.setattr(routes.stats_queries, "meta", broken)
    quiet = TestClient(client.app, raise_server_exceptions=False)
    response = quiet.get("/v1/meta")
    body = assert_error(response, 500, "internal error")
    assert "secret" not in response.text and "RuntimeError" not in response.text and body


def test_cors_is_off_by_default_and_on_for_named_origins(client, db):
    asked = {"Origin": "https://evil.example", "Access-Control-Request-Method": "GET"}
    assert "access-control-allow-origin" not in client.get("/v1/meta", headers=asked).headers
    app = app_for(db, cors_origins=("https://newsroom.example",))
    with TestClient(app) as c:
        ok = c.get("/v1/meta", headers={"Origin": "https://newsroom.example"})
        assert ok.headers["access-control-allow-origin"] == "https://newsroom.example"
        assert "access-control-allow-origin" not in c.get("/v1/meta", headers=asked).headers
    app.state.service.close()


def test_token_file_must_exist_and_hold_a_token(tmp_path):
    with pytest.raises(TokenFileError, match="does not exist"):
        read_token(str(tmp_path / "absent"))
    (tmp_path / "empty").write_text("  \n")
    with pytest.raises(TokenFileError, match="is empty"):
        read_token(str(tmp_path / "empty"))
    (tmp_path / "tok").write_text("abc123\n")
    assert read_token(str(tmp_path / "tok")) == "abc123"
    assert token_matches("abc123", "Bearer abc123") and not token_matches("abc123", "Bearer abc12")
    assert not token_matches("abc123", "Basic abc123") and not token_matches("abc123", None)


def test_every_error_route_uses_the_one_error_shape(client):
    for response, status in [
        (client.get("/nowhere"), 404), (client.delete("/v1/events"), 405),
        (client.get("/v1/events", params={"quad_class": 7}), 400),
        (client.get("/v1/events", params={"bbox": "1,2,3"}), 400),
        (client.get("/v1/events", params={"date_from": "2024-05-02", "date_to": "2024-05-01"}), 400),
        (client.get("/v1/events", params={"country": "ISRAEL"}), 422),
        (client.get("/v1/ingest/9"), 404), (client.post("/v1/ingest", json={"articles": []}), 403),
    ]:
        assert_error(response, status)


def test_openapi_documents_every_route(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/v1/events", "/v1/events/{event_id}", "/v1/events/{event_id}/reviews", "/v1/code",
            "/v1/ingest", "/v1/ingest/{job}", "/v1/actors", "/v1/actors/{actor_id}",
            "/v1/stats/timeseries", "/v1/stats/dyads", "/v1/stats/places", "/v1/meta"} <= set(paths)
    assert client.get("/docs").status_code == 200
    doc = (REPO / "docs" / "api.md").read_text(encoding="utf-8")
    missing = [p for p in paths if p.replace("{event_id}", "{id}").replace("{job}", "{job}") not in doc
               and p not in doc]
    assert not missing, f"routes not in docs/api.md: {missing}"


def test_the_docs_page_needs_no_network(client):
    """/docs loads Swagger UI from the package (an air-gapped machine reaches no CDN)."""
    page = client.get("/docs").text
    assert "/docs-assets/swagger-ui-bundle.js" in page and "/docs-assets/swagger-ui.css" in page
    assert "cdn" not in page.lower() and "https://" not in page
    for asset in ("swagger-ui-bundle.js", "swagger-ui.css"):
        response = client.get(f"/docs-assets/{asset}")
        assert response.status_code == 200 and len(response.content) > 100_000


# -- coding and ingest --------------------------------------------------------------------------------
def test_code_returns_events_and_stores_nothing(client, db):
    body = client.post("/v1/code", json={"text": "Israel accused Hamas.", "published": "2024-05-06"}).json()
    assert [e["event_type"] for e in body["events"]] == ["ACCUSE"]
    assert body["events"][0]["doc_id"].startswith("api-")
    assert client.get("/v1/meta").json()["counts"]["articles"] == len(ARTICLES)


def test_reads_answer_while_an_ingest_job_runs_then_its_events_appear(tmp_path):
    path = tmp_path / "live.duckdb"
    make_store(path)
    gate = threading.Event()
    app = app_for(path, token=TOKEN, coder=FakeCoder(gate))
    articles = [{"id": f"new{i}", "text": f"Israel{i} warned again.", "published": "2024-07-01"}
                for i in range(3)]
    with TestClient(app) as c:
        job = c.post("/v1/ingest", json={"articles": articles}, headers=AUTH)
        assert job.status_code == 202, job.text
        number = job.json()["job"]
        deadline = time.monotonic() + 10
        while c.get(f"/v1/ingest/{number}").json()["status"] != "running" and time.monotonic() < deadline:
            time.sleep(0.02)
        assert c.get(f"/v1/ingest/{number}").json()["status"] == "running"
        started = time.monotonic()
        for _ in range(5):  # the coder is stuck mid-batch: reads must not wait for it
            assert c.get("/v1/events", params={"limit": 5}).status_code == 200
            assert c.get("/v1/stats/timeseries").status_code == 200
        assert time.monotonic() - started < 5
        assert c.get("/v1/meta").json()["counts"]["articles"] == len(ARTICLES)
        gate.set()
        assert app.state.service.wait_idle(30)
        status = c.get(f"/v1/ingest/{number}").json()
        assert status["status"] == "done", status
        assert (status["stored"], status["events"]) == (3, 3) and status["merged_events"] >= 1
        assert c.get("/v1/meta").json()["counts"]["articles"] == len(ARTICLES) + 3
        new = c.get("/v1/events", params={"q": "warned again"}).json()["events"]
        assert len(new) == 3 and all(e["merged"] is not None for e in new), "the job merges what it stored"
        again = c.post("/v1/ingest", json={"articles": articles[:1]}, headers=AUTH).json()
        assert app.state.service.wait_idle(30)
        assert c.get(f"/v1/ingest/{again['job']}").json()["duplicates"] == 1
    app.state.service.close()


def test_a_cli_ingest_on_the_served_file_refuses_naming_the_server(tmp_path):
    path = tmp_path / "held.duckdb"
    make_store(path)
    app = app_for(path, token=TOKEN)
    try:
        (tmp_path / "a.txt").write_text("Israel accused Hamas.", encoding="utf-8")
        done = subprocess.run([sys.executable, "-c", "from chronicle.cli import main; main()", "ingest", str(tmp_path / "a.txt"),
                               "--db", str(path), "--lock-timeout", "0"], capture_output=True, text=True,
                              timeout=120)
    finally:
        app.state.service.close()
    assert done.returncode == 1, done.stdout + done.stderr
    assert f"cannot write {path}: it is in use by process" in done.stderr, done.stderr


def test_serve_get_makes_one_request_in_process(db, tmp_path):
    from click.testing import CliRunner

    from chronicle.cli import cli

    ok = CliRunner().invoke(cli, ["serve", "--db", str(db), "--get", "/v1/events?limit=1&event_type=AGREE"])
    assert ok.exit_code == 0, ok.output
    assert json.loads(ok.output)["events"][0]["event_type"] == "AGREE"
    bad = CliRunner().invoke(cli, ["serve", "--db", str(db), "--get", "/v1/events/none"])
    assert bad.exit_code == 1 and '"status": 404' in bad.output.replace('"status":404', '"status": 404')
    (tmp_path / "empty").write_text("")
    refused = CliRunner().invoke(cli, ["serve", "--db", str(db), "--token-file", str(tmp_path / "empty")])
    assert refused.exit_code == 1 and "is empty" in refused.output
