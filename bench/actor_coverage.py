"""How many event actors get a country, on political news: BBC politics and BASIL (US politics).

    python bench/actor_coverage.py [--n 100] [--top 20] [--json]

Codes the first ``--n`` distinct articles of the BBC ``politics`` category (2004-2005, no
publication dates) and ``--n`` BASIL articles (one per story, every third line of the file: the
100 stories of 2010-2019 from the New York Times, Fox News and HuffPost, with their dates), and
prints, per corpus and in all, the share of event source and target actors that carry a country,
the share that carry a sector, and the most frequent texts of the actors without a country (what is
left to fix). An actor is counted once per event side it fills (an event with two targets counts
two).
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

from chronicle import Coder
from chronicle.schema import Article

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
BBC = CORPUS / "bbc-news" / "bbc-news.jsonl"
BASIL = CORPUS / "basil" / "basil.jsonl"


def _article(rec: dict) -> Article:
    """An Article from a corpus line, keeping its date and outlet (context for actor coding)."""
    return Article(id=rec["id"], text=rec["text"], title=rec.get("title"),
                   published=rec.get("published"), source=rec.get("source"), url=rec.get("url"))


def bbc_politics(n: int) -> list[Article]:
    """The first ``n`` distinct BBC politics articles (the set holds exact duplicate pairs)."""
    seen: set[str] = set()
    out: list[Article] = []
    with BBC.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if not rec["id"].startswith("bbc-politics-") or rec["text"] in seen:
                continue
            seen.add(rec["text"])
            out.append(_article(rec))
            if len(out) >= n:
                break
    return out


def basil(n: int) -> list[Article]:
    """``n`` BASIL articles, every third line: one per story, outlets mixed, years 2010-2019."""
    with BASIL.open(encoding="utf-8") as fh:
        recs = [json.loads(line) for i, line in enumerate(fh) if i % 3 == 0]
    return [_article(r) for r in recs[:n]]


def coverage(coder: Coder, articles: list[Article]) -> dict:
    """Code the articles; count event actors with a country and a sector, and the country-less texts."""
    total = with_country = with_sector = events = 0
    missing: Counter[str] = Counter()
    for _article_, coded in coder.pipe(articles):
        for event in coded:
            events += 1
            for actor in [*event.source, *event.target]:
                total += 1
                with_country += actor.country is not None
                with_sector += actor.sector is not None
                if actor.country is None:
                    missing[actor.text] += 1
    return {"articles": len(articles), "events": events, "actors": total,
            "with_country": with_country, "with_sector": with_sector,
            "country_share": round(with_country / total, 4) if total else None,
            "sector_share": round(with_sector / total, 4) if total else None,
            "missing": missing}


def main() -> None:
    """Measure both corpora and print the shares and the most frequent country-less actors."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--top", type=int, default=20)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    if not BBC.exists() or not BASIL.exists():
        raise SystemExit(f"corpus not found under {CORPUS} (../shared must be beside the project)")
    coder = Coder()
    t0 = time.perf_counter()
    results = {"bbc-politics": coverage(coder, bbc_politics(args.n)), "basil": coverage(coder, basil(args.n))}
    both = Counter()
    for r in results.values():
        both.update(r["missing"])
    actors = sum(r["actors"] for r in results.values())
    country = sum(r["with_country"] for r in results.values())
    results["all"] = {"actors": actors, "with_country": country,
                      "country_share": round(country / actors, 4) if actors else None, "missing": both}
    for r in results.values():
        r["missing"] = r["missing"].most_common(args.top)
    if args.json:
        print(json.dumps(results, indent=1))
        return
    for name, r in results.items():
        share = f"{r['country_share']:.1%}" if r["country_share"] is not None else "-"
        print(f"{name:13} actors {r['actors']:5}  with a country {r['with_country']:5} ({share})"
              + (f"  with a sector {r['sector_share']:.1%}  events {r['events']}" if "events" in r else ""))
    print(f"\n{args.top} most frequent actor texts without a country:")
    for text, count in results["all"]["missing"]:
        print(f"{count:5}  {text}")
    print(f"\n({time.perf_counter() - t0:.0f} s)")


if __name__ == "__main__":
    main()
