"""How many coded events get a place, on real news: ECB+ (incident news) and BASIL (US politics).

    python bench/place_coverage.py [--n 100] [--out FILE.jsonl] [--json] [--no-small-places]

Codes ``--n`` ECB+ articles (every 10th line of the file, so the 43 topics are spread) and ``--n``
BASIL articles (every third line: one per story), and prints, per corpus and in all, the share of
events with a location and the share by precision (country, admin1, city, point). ``--out`` writes
one line per located event (article, sentence, place text, name, country, precision, population
tier) so two runs can be compared and the places checked by hand. ``--no-small-places`` geocodes
as before towns and villages were added (cities of 15,000 people and more only).
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
SAMPLES = {"ecbplus": (CORPUS / "ecbplus" / "ecbplus.jsonl", 10),
           "basil": (CORPUS / "basil" / "basil.jsonl", 3)}


def sample(name: str, n: int) -> list[Article]:
    """Every k-th line of a corpus file, up to ``n`` articles with distinct texts."""
    path, step = SAMPLES[name]
    seen: set[str] = set()
    out: list[Article] = []
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh):
            rec = json.loads(line)
            if number % step or rec["text"] in seen:
                continue
            seen.add(rec["text"])
            out.append(Article(id=rec["id"], text=rec["text"], title=rec.get("title"),
                               published=rec.get("published"), source=rec.get("source")))
            if len(out) >= n:
                break
    return out


def main() -> None:
    """Code the sample and print the location figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--no-small-places", action="store_true")
    args = parser.parse_args()
    started = time.perf_counter()
    coder = Coder()
    load_s = time.perf_counter() - started
    for stage in coder.stages:
        if stage.name.startswith("places."):
            stage.small_places = not args.no_small_places
    figures, rows = {}, []
    for name in SAMPLES:
        events = located = 0
        precision: Counter[str] = Counter()
        for article, coded in coder.pipe(sample(name, args.n), batch_size=16):
            for e in coded:
                events += 1
                if e.location is None:
                    continue
                located += 1
                precision[e.location.precision] += 1
                rows.append({"corpus": name, "doc_id": article.id, "event_id": e.id,
                             "sentence": e.sentence, "text": e.location.text,
                             "name": e.location.name, "country": e.location.country,
                             "precision": e.location.precision, "method": e.location.method,
                             "geonameid": e.location.geonameid,
                             "confidence": e.location.confidence})
        figures[name] = {"events": events, "located": located,
                         "share": round(located / events, 4) if events else None,
                         "by_precision": dict(precision)}
    total_e = sum(f["events"] for f in figures.values())
    total_l = sum(f["located"] for f in figures.values())
    figures["all"] = {"events": total_e, "located": total_l, "share": round(total_l / total_e, 4)}
    figures["coder_load_s"] = round(load_s, 2)
    if args.out:
        args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    if args.json:
        print(json.dumps(figures, indent=2))
        return
    for name, f in figures.items():
        if isinstance(f, dict):
            print(f"{name}: {f['located']}/{f['events']} events with a location ({f['share']})"
                  + (f"  {f['by_precision']}" if "by_precision" in f else ""))
    print(f"coder load: {load_s:.2f} s")


if __name__ == "__main__":
    main()
