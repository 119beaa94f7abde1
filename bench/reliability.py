"""The reliability suites, long: fuzzing, fault injection and memory, with one summary table.

    python bench/reliability.py                      # the full run (about 25 minutes on 2 busy cores)
    python bench/reliability.py --examples 40 --kills 1 --memory-gb 0.1   # a quick look

1. Fuzzing (``tests/reliability/test_fuzz.py``, hypothesis) with ``--examples`` examples per test
   unit (CHRONICLE_FUZZ_EXAMPLES; the tests take 0.3 to 4 units each, so 800 gives over 10,000
   generated inputs), ``--model-examples`` for the tests that run the real coder, and shrinking on,
   so that a failing property prints its minimal input.
2. Fault injection (``tests/reliability/test_faults.py``) with ``--kills`` kill -9s per scenario
   (CHRONICLE_FAULT_KILLS) and the long scenarios on (CHRONICLE_FAULT_LONG: the Dask path
   ``--workers 1``, the real coder on 20 articles of ../shared/corpus).
3. Memory: a JSONL file of ``--memory-gb`` GB (written to a temporary folder, removed afterwards)
   streamed through ``chronicle.io.read.read_paths`` in a subprocess, which reports its peak RSS
   (``resource.getrusage``) at every tenth of the file, and the same for a file a tenth that size:
   a flat peak means the reader holds one record at a time.

Both suites run in one pytest subprocess; the tests record their figures (``support.record``) and
this script prints them with pytest's outcome (a known defect is an xfail, listed with its reason).
The exit status is 1 when a test failed that is not marked as a known defect.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

ROWS = [
    ("readers", "chronicle.io.read.read_paths on generated files, folders, stdin"),
    ("cleaner", "chronicle.stages.clean.clean_text"),
    ("coder", "Coder().code (the spaCy model)"),
    ("cli code", "chronicle code, CliRunner"),
    ("cli ingest", "chronicle ingest, CliRunner (run twice)"),
    ("kill ingest", "kill -9 during chronicle ingest"),
    ("kill ingest --workers 1", "kill -9 during chronicle ingest --workers 1 (Dask)"),
    ("kill recode", "kill -9 during chronicle recode"),
    ("kill dedupe", "kill -9 during chronicle dedupe"),
    ("kill ingest, real coder", "kill -9 during chronicle ingest, real coder, 20 articles"),
]
ROWS.insert(4, ("cli code --format table", "chronicle code --format table, CliRunner"))

MEASURE = r"""
import json, resource, sys, time
from chronicle.io.read import read_paths
from chronicle.record import Rejected

def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

path, size, lines = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
start_mb, start = peak_mb(), time.monotonic()
articles = rejected = chars = 0
marks, step = [], max(1, lines // 10)
for n, item in enumerate(read_paths([path]), start=1):
    if isinstance(item, Rejected):
        rejected += 1
    else:
        articles += 1
        chars += len(item.text)
    if n % step == 0:
        marks.append(round(peak_mb(), 1))
print(json.dumps({"articles": articles, "rejected": rejected, "chars": chars, "seconds": time.monotonic() - start,
                  "start_mb": round(start_mb, 1), "peak_mb": round(peak_mb(), 1), "marks": marks}))
"""


def write_jsonl(path: Path, gigabytes: float) -> tuple[int, int]:
    """A JSONL file of about ``gigabytes`` GB: distinct news-like articles of about 3 KB (and one
    bad line in every 1,000, so the reader's refusals stream too). Returns (bytes, lines)."""
    target = int(gigabytes * 1e9)
    base = ("Israel accused Hamas of firing rockets at border towns on Monday, the army said, and "
            "Egyptian mediators in Cairo called for calm as talks between the two sides resumed. ")
    size = lines = 0
    with path.open("w", encoding="utf-8") as fh:
        while size < target:
            chunk = []
            for _ in range(1000):
                lines += 1
                if lines % 1000 == 0:
                    line = '{"id": "broken", "text": '
                else:
                    text = f"Story {lines}. " + base * 18 + f"(Report {lines}.)"
                    line = json.dumps({"id": f"m{lines}", "text": text, "published": "2024-05-06",
                                       "source": "Bench Wire", "url": f"https://news.example/{lines}"})
                chunk.append(line)
            data = "\n".join(chunk) + "\n"
            fh.write(data)
            size += len(data.encode("utf-8"))
    return size, lines


def measure_memory(gigabytes: float, folder: Path) -> list[dict]:
    """Peak RSS of streaming a file of ``gigabytes`` and of one a tenth that size."""
    results = []
    for gb in (gigabytes / 10, gigabytes):
        path = folder / f"stream-{gb:.2f}gb.jsonl"
        started = time.monotonic()
        size, lines = write_jsonl(path, gb)
        written = time.monotonic() - started
        proc = subprocess.run([sys.executable, "-c", MEASURE, str(path), str(size), str(lines)],
                              capture_output=True, text=True, cwd=REPO)
        path.unlink()
        if proc.returncode != 0:
            raise SystemExit(f"memory measurement failed:\n{proc.stderr}")
        result = json.loads(proc.stdout)
        result.update(bytes=size, lines=lines, write_seconds=written)
        results.append(result)
        print(f"memory: {size / 1e9:.2f} GB, {lines:,} lines streamed in {result['seconds']:.0f} s: "
              f"peak RSS {result['peak_mb']:.0f} MB ({result['start_mb']:.0f} MB after imports); "
              f"peak at each tenth: {result['marks']}", flush=True)
    return results


def run_suites(args, folder: Path) -> tuple[dict, list[dict], int]:
    stats, junit = folder / "stats.json", folder / "junit.xml"
    env = dict(os.environ,
               CHRONICLE_FUZZ_EXAMPLES=str(args.examples),
               CHRONICLE_FUZZ_MODEL_EXAMPLES=str(args.model_examples),
               CHRONICLE_FUZZ_SHRINK="0" if args.no_shrink else "1",
               CHRONICLE_FAULT_KILLS=str(args.kills),
               CHRONICLE_FAULT_LONG="1",
               CHRONICLE_FAULT_SEED=str(args.seed),
               CHRONICLE_RELIABILITY_STATS=str(stats))
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:logging",
               "-rfxXs", f"--junitxml={junit}", f"--hypothesis-seed={args.seed}", "tests/reliability",
               *args.pytest_args]
    print("$ " + " ".join(command), flush=True)
    status = subprocess.run(command, cwd=REPO, env=env).returncode
    figures = json.loads(stats.read_text(encoding="utf-8")) if stats.exists() else {"targets": {}, "notes": {}}
    return figures, outcomes(junit), status


def outcomes(junit: Path) -> list[dict]:
    """Each test's outcome from pytest's JUnit XML: passed, failed, xfailed, xpassed, skipped."""
    if not junit.exists():
        return []
    found = []
    for case in ET.parse(junit).getroot().iter("testcase"):
        name = f"{case.get('classname', '').rsplit('.', 1)[-1]}::{case.get('name')}"
        outcome, message = "passed", ""
        for child in case:
            if child.tag in ("failure", "error"):
                outcome, message = "failed", child.get("message", "")
            elif child.tag == "skipped":
                kind = child.get("type", "")
                message = child.get("message", "")
                outcome = "xfailed" if kind == "pytest.xfail" else "skipped"
        if outcome == "passed" and case.find("properties") is not None:
            for prop in case.iter("property"):
                if prop.get("name") == "xpass":
                    outcome = "xpassed"
        found.append({"test": name, "outcome": outcome, "message": message.splitlines()[0] if message else "",
                      "seconds": float(case.get("time", 0))})
    return found


def table(figures: dict) -> str:
    """The figures of each target, with a total for the fuzzing and one for the fault injection.
    ``inputs``: generated inputs (hypothesis examples, shrinking included); ``records``: what they
    held (articles and refusals; for a kill scenario, the articles checked after each completed
    run); ``runs``: command runs (CliRunner or subprocess); ``tracebacks``: distinct exceptions
    that escaped (type and line), or completed runs that ended in one."""
    columns = ("inputs", "records", "runs", "kills", "tracebacks", "lost", "duplicated")
    head = f"{'target':<26}" + "".join(f"{c:>11}" for c in columns)
    lines = [head]
    targets = figures.get("targets", {})
    names = [n for n, _ in ROWS] + sorted(t for t in targets if t not in dict(ROWS))
    for label, group in (("fuzzing", [n for n in names if not n.startswith("kill")]),
                         ("fault injection", [n for n in names if n.startswith("kill")])):
        rows = [(n, targets[n]) for n in group if n in targets]
        if not rows:
            continue
        lines.append("-" * len(head))
        for name, row in rows:
            lines.append(f"{name:<26}" + "".join(f"{row.get(c, 0):>11,}" for c in columns))
        lines.append(f"{'  total ' + label:<26}" + "".join(f"{sum(r.get(c, 0) for _, r in rows):>11,}"
                                                          for c in columns))
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=800, help="hypothesis examples per test unit")
    parser.add_argument("--model-examples", type=int, default=100, help="examples of the real-coder fuzz test")
    parser.add_argument("--kills", type=int, default=6, help="kill -9s per fault-injection scenario")
    parser.add_argument("--memory-gb", type=float, default=1.0, help="size of the streamed JSONL file")
    parser.add_argument("--seed", type=int, default=20240506, help="hypothesis and kill-offset seed")
    parser.add_argument("--no-shrink", action="store_true", help="do not shrink failing inputs (faster)")
    parser.add_argument("--skip-suites", action="store_true", help="only the memory measurement")
    parser.add_argument("--skip-memory", action="store_true", help="no memory measurement")
    parser.add_argument("--json", type=Path, default=None, help="also write every figure to this file")
    parser.add_argument("pytest_args", nargs="*", help="more pytest arguments (after --)")
    args = parser.parse_args()

    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="chronicle-reliability-") as tmp:
        folder = Path(tmp)
        figures, tests, status = ({"targets": {}, "notes": {}}, [], 0) if args.skip_suites else run_suites(args, folder)
        memory = [] if args.skip_memory else measure_memory(args.memory_gb, folder)

    print()
    print(f"Reliability run: seed {args.seed}, {args.examples} examples a unit, {args.kills} kills a scenario, "
          f"{(time.monotonic() - started) / 60:.0f} min")
    print(table(figures))
    notes = figures.get("notes", {})
    for name in [n for n, _ in ROWS if n.startswith("kill")]:
        kills = notes.get(name, [])
        if kills:
            done = sorted(k.get("done", 0) for k in kills)
            merged = sum(1 for k in kills if k.get("merged"))
            print(f"  {name}: {len(kills)} kills left {done} articles done (stored or re-coded as in an "
                  f"uninterrupted run); {merged} left a complete merge")
    for peak in notes.get("peak_rss_mb", []):
        print(f"peak RSS: pytest {peak['pytest']:.0f} MB, largest subprocess {peak['largest_subprocess']:.0f} MB")
    for m in memory:
        print(f"streaming {m['bytes'] / 1e9:.2f} GB ({m['articles']:,} articles, {m['rejected']:,} refused) "
              f"through read_paths: peak RSS {m['peak_mb']:.0f} MB, {m['start_mb']:.0f} MB after imports")
    counts: dict[str, int] = {}
    for t in tests:
        counts[t["outcome"]] = counts.get(t["outcome"], 0) + 1
    if tests:
        print("tests: " + ", ".join(f"{n} {k}" for k, n in sorted(counts.items())))
    for t in tests:
        if t["outcome"] in ("failed", "xfailed", "xpassed"):
            print(f"  {t['outcome']:>8}  {t['test']}: {t['message'][:200]}")
    if args.json:
        args.json.write_text(json.dumps({"figures": figures, "tests": tests, "memory": memory}, indent=1,
                                        default=str), encoding="utf-8")
    failed = counts.get("failed", 0) or (status not in (0, 5) and not tests)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
