"""Agreement of the two independent label passes of the real-news set, and the gold file.

    .venv/bin/python tools/realnews_agreement.py          # from the repository root

Reads datasets/realnews/labels/pass-a, pass-b and gold (every chunk) and the sampled sentences,
then writes

- datasets/realnews/gold.jsonl: one line per sentence, its sampling fields (split, weight, ...) and
  its adjudicated events: the file `chronicle eval` and `chronicle train` read;
- datasets/realnews/agreement.json: Cohen's kappa per field between the two passes.

Why these kappas: a sentence-level "is there an event" decision is what event counts rest on;
event types are compared per sentence as the set of types each pass gave (pooled over the 16 types,
one binary decision per sentence and type); factuality and actor codes are compared on the events
both passes coded with the same type in the same sentence (their only common ground).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "datasets" / "realnews"
PLOVER = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
          "REJECT", "THREATEN", "SANCTION", "PROTEST", "MOBILIZE", "COERCE", "ASSAULT")
SENTENCE_FIELDS = ("id", "article_id", "corpus", "group", "split", "stratum", "weight", "published",
                   "outlet", "title", "start", "end", "text", "context")


def read_labels(folder: Path) -> dict[str, dict]:
    """Every chunk file of one pass (or gold), by sentence id."""
    labels = {}
    for path in sorted(folder.glob("chunk-*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            labels[record["id"]] = record
    return labels


def cohen_kappa(pairs: list[tuple]) -> float | None:
    """Cohen's kappa of paired categorical labels (None when undefined: no pairs, or chance = 1)."""
    if not pairs:
        return None
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    left, right = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    chance = sum(left[k] * right[k] for k in left) / (n * n)
    return None if chance == 1 else round((observed - chance) / (1 - chance), 3)


def matched_events(a: list[dict], b: list[dict]) -> list[tuple[dict, dict]]:
    """Events of two passes paired within a sentence: same type, then the closest source span."""
    pairs, rest = [], list(b)
    for event in a:
        same = [e for e in rest if e["event_type"] == event["event_type"]]
        if not same:
            continue
        best = max(same, key=lambda e: _overlap(event.get("source_text"), e.get("source_text")))
        pairs.append((event, best))
        rest.remove(best)
    return pairs


def _overlap(x: str | None, y: str | None) -> int:
    if not x or not y:
        return 0
    return 2 if x == y else int(x in y or y in x)


def agreement(sentences: list[dict], pass_a: dict, pass_b: dict) -> dict:
    """Kappa and raw agreement per field between the two passes."""
    presence, types, events = [], [], []
    for s in sentences:
        ea, eb = pass_a[s["id"]]["events"], pass_b[s["id"]]["events"]
        presence.append((bool(ea), bool(eb)))
        ta, tb = {e["event_type"] for e in ea}, {e["event_type"] for e in eb}
        types += [(t in ta, t in tb) for t in PLOVER]
        events += matched_events(ea, eb)
    field = lambda key: [(x.get(key), y.get(key)) for x, y in events]  # noqa: E731
    result = {
        "sentences": len(sentences),
        "event_presence": {"kappa": cohen_kappa(presence), "agree": _share(presence), "n": len(presence)},
        "event_types": {"kappa": cohen_kappa(types), "n_decisions": len(types)},
        "matched_events": len(events),
    }
    for key in ("factuality", "source_country", "source_sector", "target_country", "target_sector"):
        pairs = field(key)
        result[key] = {"kappa": cohen_kappa(pairs), "agree": _share(pairs), "n": len(pairs)}
    return result


def _share(pairs: list[tuple]) -> float | None:
    return round(sum(a == b for a, b in pairs) / len(pairs), 3) if pairs else None


def write_gold(sentences: list[dict], gold: dict, path: Path) -> Counter:
    """gold.jsonl: sampling fields plus adjudicated events; the counts by split."""
    counts: Counter = Counter()
    with path.open("w", encoding="utf-8") as out:
        for s in sentences:
            label = gold[s["id"]]
            record = {k: s[k] for k in SENTENCE_FIELDS}
            record["events"] = label["events"]
            record["agreement"] = label.get("agreement", "same")
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            counts[(s["split"], "sentences")] += 1
            counts[(s["split"], "with events")] += bool(label["events"])
            counts[(s["split"], "events")] += len(label["events"])
    return counts


def main() -> None:
    """Write gold.jsonl and agreement.json, and print both summaries."""
    sentences = [json.loads(line) for line in (ROOT / "sentences.jsonl").read_text(encoding="utf-8").splitlines()]
    labels = ROOT / "labels"
    pass_a, pass_b, gold = (read_labels(labels / name) for name in ("pass-a", "pass-b", "gold"))
    missing = [s["id"] for s in sentences if s["id"] not in pass_a or s["id"] not in pass_b or s["id"] not in gold]
    if missing:
        raise SystemExit(f"labels missing for {len(missing)} sentences, e.g. {missing[:3]}")
    report = agreement(sentences, pass_a, pass_b)
    # The extension (tools/realnews_extend.py: train only, its annotators also had ADJUDICATION.md)
    # was labelled under other conditions than the first 2,000: its agreement is reported apart.
    batches = {"first batch (rn-0001 to rn-2000)": [s for s in sentences if not s["stratum"].startswith("extra-")],
               "extension (train only)": [s for s in sentences if s["stratum"].startswith("extra-")]}
    report["by_batch"] = {name: agreement(group, pass_a, pass_b) for name, group in batches.items() if group}
    report["adjudicated_sentences"] = sum(gold[s["id"]].get("agreement") == "adjudicated" for s in sentences)
    (ROOT / "agreement.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    counts = write_gold(sentences, gold, ROOT / "gold.jsonl")
    print(json.dumps(report, indent=2))
    for split in ("train", "dev", "test"):
        print(split, {k: v for (s, k), v in sorted(counts.items()) if s == split})


if __name__ == "__main__":
    main()
