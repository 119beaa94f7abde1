"""The benchmark corpus: the first N distinct articles of ../shared/corpus/bbc-news."""

from __future__ import annotations

import json
from pathlib import Path

from chronicle.schema import Article

BBC = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bbc-news" / "bbc-news.jsonl"


def unique_articles(path: Path, n: int) -> list[Article]:
    """Up to ``n`` articles with distinct texts (the BBC set holds 98 exact duplicate pairs)."""
    seen: set[str] = set()
    articles: list[Article] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["text"] in seen:
                continue
            seen.add(rec["text"])
            articles.append(Article(id=rec["id"], text=rec["text"]))
            if len(articles) >= n:
                break
    return articles
