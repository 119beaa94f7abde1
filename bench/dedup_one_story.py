"""Merging many reports of one event: the cost of a story reprinted by many outlets.

    python bench/dedup_one_story.py [--n 300 1500 3000]

One real sentence is coded once; its event is then given to N articles (50 outlets, the same day),
as a wire story is reprinted, and ``merge_reports`` merges them. Every pair of those reports is
compatible, so the complete-linkage merge checks every pair: the time grows with N squared. This
bench measures that known limit (the store-wide incremental merge, ``bench/dedup_scale.py``, grows
with the new articles; this is the size of one story's cluster).
"""

from __future__ import annotations

import argparse
import datetime as dt
import time

from chronicle import Coder
from chronicle.dedup import merge_reports
from chronicle.schema import Article

SENTENCE = ("Police in Nairobi arrested 40 protesters on Tuesday after clashes near parliament, "
            "officials said.")


def reprints(events, n: int) -> list[tuple[Article, list]]:
    """``n`` articles of 50 outlets, each reporting ``events`` (ids made unique per article)."""
    items = []
    for i in range(n):
        article = Article(id=f"r{i}", text=SENTENCE + " " * (i % 3), published=dt.date(2024, 5, 7),
                          source=f"outlet{i % 50}")
        items.append((article, [e.model_copy(update={"id": f"{e.id}-{i}", "doc_id": article.id})
                                for e in events]))
    return items


def main() -> None:
    """Print, for each N, the merged events and the seconds ``merge_reports`` took."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, nargs="+", default=[300, 1500])
    args = parser.parse_args()
    events = Coder().code_article(Article(id="r", text=SENTENCE, published=dt.date(2024, 5, 7)))
    print(f"{len(events)} event(s) in the sentence; reports -> merged events, seconds")
    for n in args.n:
        items = reprints(events, n)
        start = time.perf_counter()
        merged = merge_reports(items)
        print(f"{n:>6} reports -> {len(merged)} merged in {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
