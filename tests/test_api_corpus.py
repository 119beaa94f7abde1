"""The HTTP API on a store built from real news: 30 articles of ../shared/corpus, coded and ingested
through the API itself (``POST /v1/ingest``), once per session."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

pytest.importorskip("httpx")
from fastapi.testclient import TestClient  # noqa: E402

from chronicle.api.app import ApiSettings, create_app  # noqa: E402
from conftest import shared_path  # noqa: E402

pytestmark = [pytest.mark.shared, pytest.mark.model]
TOKEN = "corpus-test-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
N_ARTICLES = 30


def corpus_articles() -> list[dict]:
    """The first 30 BASIL articles (political news with outlets and dates) as API articles."""
    path = shared_path("corpus", "basil", "basil.jsonl")
    out = []
    with Path(path).open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            out.append({k: rec.get(k) for k in ("id", "text", "title", "published", "source", "url")
                        if rec.get(k) is not None})
            if len(out) == N_ARTICLES:
                return out
    return out


@pytest.fixture(scope="session")
def served(tmp_path_factory, coder):
    """A writable server whose store was filled through POST /v1/ingest by the session's Coder."""
    db = tmp_path_factory.mktemp("api-corpus") / "corpus.duckdb"
    app = create_app(ApiSettings(db=str(db), token=TOKEN, rate=0, static_dir=None),
                     coder_factory=lambda: coder)
    client = TestClient(app)
    job = client.post("/v1/ingest", json={"articles": corpus_articles()}, headers=AUTH)
    assert job.status_code == 202, job.text
    assert app.state.service.wait_idle(600)
    status = client.get(f"/v1/ingest/{job.json()['job']}").json()
    assert status["status"] == "done", status
    yield client, status
    app.state.service.close()


def test_ingest_job_stores_the_real_articles_and_merges_them(served):
    client, status = served
    assert status["stored"] == N_ARTICLES and status["events"] > N_ARTICLES
    meta = client.get("/v1/meta").json()
    assert meta["counts"]["articles"] == N_ARTICLES and meta["counts"]["events"] == status["events"]
    assert 0 < meta["counts"]["merged_events"] <= meta["counts"]["events"] and meta["writable"]


def test_every_evidence_offset_points_at_its_words_in_the_article(served):
    client, _ = served
    listed = client.get("/v1/events", params={"limit": 500}).json()["events"]
    for record in listed[:60]:
        body = client.get(f"/v1/events/{record['id']}").json()
        event, text = body["event"], body["article_text"]
        spans = [event["trigger"], *event["source"], *event["target"]]
        spans += [s for s in (event["date"], event["location"], event["attribution"], event["size"])
                  if s and s.get("start") is not None]
        for span in spans:
            assert text[span["start"]:span["end"]] == span["text"], (record["id"], span)
        assert any(r["id"] == record["id"] for r in body["reports"])


def test_filters_and_downloads_agree_on_real_events(served):
    client, _ = served
    everything = client.get("/v1/events", params={"limit": 500}).json()["events"]
    usa = client.get("/v1/events", params={"country": "USA", "limit": 500}).json()
    assert usa["total"] == sum(1 for e in everything if any(a["country"] == "USA" for a in e["source"] + e["target"]))
    fox = client.get("/v1/events", params={"outlet": "fox", "format": "jsonl"}).text.splitlines()
    assert fox and all(json.loads(line)["article"]["source"].lower().startswith("fox") for line in fox)
    words = client.get("/v1/events", params={"q": "said", "limit": 500}).json()["events"]
    assert all("said" in e["sentence"].lower() for e in words)


def test_code_matches_the_stored_coding_of_the_same_article(served):
    client, _ = served
    article = corpus_articles()[0]
    coded = client.post("/v1/code", json=article).json()["events"]
    stored = client.get("/v1/events", params={"outlet": article["url"], "limit": 500, "sort": "date"}).json()
    assert sorted(e["id"] for e in coded) == sorted(e["id"] for e in stored["events"])


def test_stats_and_actors_on_real_events(served):
    client, _ = served
    series = client.get("/v1/stats/timeseries", params={"interval": "month"}).json()["series"]
    assert series and all(re.fullmatch(r"\d{4}-\d{2}-01", p["period"]) for p in series)
    dyads = client.get("/v1/stats/dyads").json()
    assert dyads["edges"] and {e["source"] for e in dyads["edges"]} <= {n["id"] for n in dyads["nodes"]}
    actors = client.get("/v1/actors", params={"limit": 5}).json()["actors"]
    assert actors[0]["event_count"] > 0 and actors[0]["event_count"] >= actors[-1]["event_count"]
