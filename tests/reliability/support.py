"""What the reliability suites share: example counts, the figures they record, the fake coders.

The fuzzing suite (``test_fuzz.py``) and the fault-injection suite (``test_faults.py``) run fast by
default (``make test``); ``bench/reliability.py`` runs them long by setting the environment
variables below and reads back the figures the tests record.

- ``CHRONICLE_FUZZ_EXAMPLES``: hypothesis examples per unit (default 25); each fuzz test runs a
  share of units (``fuzz(share=...)``: 0.3 for the slowest, 4 for the fastest).
- ``CHRONICLE_FUZZ_MODEL_EXAMPLES``: examples per test that runs the real coder (default 5).
- ``CHRONICLE_FAULT_KILLS``: kill -9s per fault-injection scenario (default 1).
- ``CHRONICLE_FAULT_LONG=1``: also run the slow scenarios (the Dask path, the real coder).
- ``CHRONICLE_FUZZ_SHRINK=1``: shrink a failing input to a minimal one (off by default: shrinking
  the input of a known, xfailed defect can take minutes).
- ``CHRONICLE_RELIABILITY_STATS=FILE``: write the recorded figures there as JSON at the end.
"""

from __future__ import annotations

import collections
import datetime as dt
import hashlib
import json
import os
import time
from pathlib import Path

from hypothesis import HealthCheck, Phase, settings

TESTS = Path(__file__).resolve().parents[1]
REPO = TESTS.parent


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


FUZZ_EXAMPLES = env_int("CHRONICLE_FUZZ_EXAMPLES", 25)
MODEL_EXAMPLES = env_int("CHRONICLE_FUZZ_MODEL_EXAMPLES", 5)
SHRINK = os.environ.get("CHRONICLE_FUZZ_SHRINK", "") not in ("", "0")
FAULT_KILLS = env_int("CHRONICLE_FAULT_KILLS", 1)
FAULT_LONG = os.environ.get("CHRONICLE_FAULT_LONG", "") not in ("", "0")


def fuzz(share: float = 1.0, examples: int | None = None) -> settings:
    """Hypothesis settings of one fuzz test: ``share`` of ``CHRONICLE_FUZZ_EXAMPLES`` examples (at
    least 2), no deadline (a first HTML read imports trafilatura), no example database (nothing
    written into the repository), every health check off (the inputs are big on purpose)."""
    count = examples if examples is not None else max(2, round(FUZZ_EXAMPLES * share))
    phases = list(Phase) if SHRINK else [p for p in Phase if p not in (Phase.shrink, Phase.explain)]
    return settings(max_examples=count, deadline=None, database=None, print_blob=True, phases=phases,
                    suppress_health_check=list(HealthCheck))


# -- the figures ------------------------------------------------------------------------------------
FIELDS = ("runs", "inputs", "records", "good", "bad", "tracebacks", "failing", "lost", "duplicated", "kills")
STATS: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
NOTES: dict[str, list] = collections.defaultdict(list)


def record(target: str, **counts: int) -> None:
    """Add to the figures of ``target`` (``readers``, ``cli ingest``, ``kill ingest``...)."""
    STATS[target].update({k: v for k, v in counts.items() if v})


def note(target: str, item) -> None:
    """Keep a detail of ``target`` for the report (a kill's offset and what it left behind)."""
    NOTES[target].append(item)


SIGNATURES: dict[str, set] = collections.defaultdict(set)


def escaped(target: str, exc: BaseException) -> None:
    """An exception escaped ``target`` (a traceback a user would see): counted once per place it
    came from (its type and the innermost line of chronicle), however often hypothesis hit it while
    shrinking; ``failing`` counts every input it escaped for."""
    import traceback

    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "/chronicle/" in f.filename.replace("\\", "/")] or frames
    where = f"{Path(ours[-1].filename).name}:{ours[-1].lineno}" if ours else "?"
    first = (str(exc).splitlines() or [""])[0][:120]
    SIGNATURES[target].add(f"{type(exc).__name__} at {where}: {first}")
    record(target, failing=1)


def dump(path: str) -> None:
    targets = {t: {f: c.get(f, 0) for f in FIELDS} for t, c in sorted(STATS.items())}
    for target, found in SIGNATURES.items():
        targets.setdefault(target, dict.fromkeys(FIELDS, 0))["tracebacks"] += len(found)
    notes = dict(NOTES, tracebacks={t: sorted(s) for t, s in SIGNATURES.items()})
    data = {"targets": targets, "notes": notes}
    Path(path).write_text(json.dumps(data, indent=1, default=str), encoding="utf-8")


# -- fake coders --------------------------------------------------------------------------------------
def one_event(article):
    """One event for an article: its id a digest of the article's text, so it names the article."""
    from chronicle.schema import Event, EventDate, Span
    from chronicle.store import coder_info

    digest = hashlib.sha1(article.text.encode("utf-8")).hexdigest()[:16]
    day = article.published or dt.date(2024, 5, 6)
    return Event(id=digest, doc_id=article.id, sentence_index=0, sentence=article.text[:200],
                 event_type="ACCUSE", cameo="111", quad_class=3, goldstein=-2.0, factuality="actual",
                 trigger=Span(text=article.text[:1], start=0, end=min(1, len(article.text))),
                 date=EventDate(value=day.isoformat(), precision="day", method="publication"),
                 confidence=0.5, coder=coder_info(None))


class OneEventCoder:
    """Stands in for ``chronicle.pipeline.Coder`` in the CLI fuzz tests: one event per article."""

    def __init__(self, *args, **kwargs):
        self.batch_size = kwargs.get("batch_size", 16)
        self.seen: list[str] = []

    def pipe(self, articles, batch_size=None, n_process=1, **options):    # on_error: nothing fails here
        for article in articles:
            self.seen.append(article.id)
            yield article, [one_event(article)]


def slow_fake_coder_class():
    """``test_store.FakeCoder`` (deterministic events, ``events_for``) that takes
    ``CHRONICLE_FAKE_DELAY`` seconds an article, so that a kill -9 can land while it codes, and
    stamps a fixed data version (``fake``) on its events."""
    from test_store import FakeCoder

    from chronicle.schema import CoderInfo
    from chronicle.version import __version__

    delay = float(os.environ.get("CHRONICLE_FAKE_DELAY", "0") or 0)

    class SlowFakeCoder(FakeCoder):
        def __init__(self, *args, **kwargs):       # Coder's and make_coder's arguments
            # a fixed data version: event ids that do not change when a data file is edited
            super().__init__(info=CoderInfo(version=__version__, data_version="fake"))

        def pipe(self, articles, batch_size=16, n_process=1, **options):   # on_error: nothing fails here
            return super().pipe(articles, batch_size=batch_size, n_process=n_process)

        def _code(self, batch, number):
            for pair in super()._code(batch, number):
                if delay:
                    time.sleep(delay)
                yield pair

    return SlowFakeCoder


def install_fake_coder(worker: bool = False) -> None:
    """Make the Coders this process builds ``SlowFakeCoder``s: the store commands' seam
    (``chronicle.cli.coding.make_coder``) or, in a Dask worker (``worker``, run by the workers'
    preload ``fake_preload.py``), ``chronicle.pipeline.Coder``, which ``code_batch`` builds."""
    import sys

    if str(TESTS) not in sys.path:
        sys.path.insert(0, str(TESTS))
    cls = slow_fake_coder_class()
    if worker:
        import chronicle.pipeline as pipeline

        pipeline.Coder = cls
    else:
        import chronicle.cli.coding as coding

        coding.make_coder = lambda actor_files=(), batch_size=16, lexicon_files=(): cls()
