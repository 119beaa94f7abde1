"""The fault-injection harness: run a ``chronicle`` command in a subprocess, ``kill -9`` it at a
random (seeded) moment, run it again to the end, and compare the store with an uninterrupted run.

The fake coder is the store tests' ``FakeCoder`` (``test_store.events_for``), and the corpus their
``make_article``; ``test_faults`` checks stores with ``test_store.assert_consistent`` too.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from reliability.support import note, record

RUNNER = Path(__file__).resolve().parent / "run_chronicle.py"
PRELOAD = Path(__file__).resolve().parent / "fake_preload.py"
SEED = int(os.environ.get("CHRONICLE_FAULT_SEED", "20240506"))
TIMEOUT = 900


@dataclass
class Outcome:
    returncode: int | None
    killed: bool
    seconds: float
    stdout: str
    stderr: str
    writes: list = field(default_factory=list)   # seconds after the start when the database changed


_SOURCE: list[str] = []
SOURCE_PARENT: list[Path] = []
"""Where to make the copy: pytest's temporary folder of the session (``conftest.py``), which pytest
cleans up; outside pytest a temporary folder removed at exit."""


def frozen_source() -> str:
    """A copy of the ``chronicle`` package as it is now, for the subprocesses (made once).

    The commands of one scenario must all run the same code and data: a data file edited between
    the reference run and a re-run changes the data version, hence every event id, and would show
    as lost events. In a shared working tree files do change during a long run; in CI they do not,
    and the copy is the same code."""
    if not _SOURCE:
        import atexit

        import chronicle

        if SOURCE_PARENT:
            folder = str(SOURCE_PARENT[0])
        else:
            folder = tempfile.mkdtemp(prefix="chronicle-src-")
            atexit.register(shutil.rmtree, folder, True)
        shutil.copytree(Path(chronicle.__file__).parent, Path(folder, "chronicle"),
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        _SOURCE.append(folder)
    return _SOURCE[0]


def chronicle_env(fake: bool = True, delay: float = 0.0) -> dict:
    """The environment of a ``run_chronicle.py`` subprocess: the fake coder (or the real one), and
    the package as it was when the session started (``frozen_source``)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CHRONICLE_FAKE", "DASK_"))}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [frozen_source(), os.environ.get("PYTHONPATH")]))
    if fake:
        env.update(CHRONICLE_FAKE_CODER="1", CHRONICLE_FAKE_DELAY=str(delay),
                   DASK_DISTRIBUTED__WORKER__PRELOAD=json.dumps([str(PRELOAD)]))
    return env


def _state(watch: Path | None) -> tuple:
    """What the database files look like now (existence, size, mtime of the file and its WAL)."""
    if watch is None:
        return ()
    out = []
    for suffix in ("", ".wal"):
        try:
            info = os.stat(str(watch) + suffix)
            out.append((info.st_size, info.st_mtime_ns))
        except OSError:
            out.append(None)
    return tuple(out)


def run(args: list[str], env: dict, kill_after: float | None = None, cwd: Path | None = None,
        watch: Path | None = None) -> Outcome:
    """Run ``chronicle ARGS``; with ``kill_after``, SIGKILL it that many seconds after the start
    (``killed`` says whether it was still running). With ``watch`` (a database), note when its
    files first and last changed (``Outcome.writes``). The process gets its own process group,
    which is killed afterwards too: Dask worker processes do not outlive the test."""
    start = time.monotonic()
    out_path = Path(cwd or ".") / ".run.out"
    err_path = Path(cwd or ".") / ".run.err"
    writes: list[float] = []
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        proc = subprocess.Popen([sys.executable, str(RUNNER), *args], env=env, stdout=out, stderr=err,
                                stdin=subprocess.DEVNULL, cwd=cwd, start_new_session=True)
        killed = False
        try:
            if watch is not None:
                seen = _state(watch)
                while proc.poll() is None and time.monotonic() - start < TIMEOUT:
                    now = _state(watch)
                    if now != seen:
                        writes.append(time.monotonic() - start)
                        seen = now
                    time.sleep(0.005)
            if kill_after is not None:
                try:
                    proc.wait(timeout=kill_after)
                except subprocess.TimeoutExpired:
                    os.kill(proc.pid, signal.SIGKILL)      # kill -9 of the command itself
                    killed = True
            proc.wait(timeout=TIMEOUT)
        finally:
            try:
                os.killpg(proc.pid, signal.SIGKILL)        # then whatever it started (Dask workers)
            except (ProcessLookupError, PermissionError):
                pass
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    seconds = time.monotonic() - start
    outcome = Outcome(proc.returncode, killed, seconds, out_path.read_text("utf-8", "replace"),
                      err_path.read_text("utf-8", "replace"))
    outcome.writes = writes
    return outcome


def copy_db(src: Path, dst: Path) -> Path:
    for suffix in ("", ".wal"):
        source = Path(str(src) + suffix)
        if source.exists():
            shutil.copyfile(source, Path(str(dst) + suffix))
    return dst


# -- what a store holds ---------------------------------------------------------------------------------
def snapshot(db: Path) -> dict:
    """Everything an interrupted run could get wrong, independent of sequence numbers (a killed
    transaction may use up some): articles by content hash in storage order, events by (article,
    event id) with their fields, actors, quarantined inputs, merged events and their reports."""
    with duckdb.connect(str(db), read_only=True) as con:
        q = lambda sql: con.execute(sql).fetchall()  # noqa: E731
        tables = {r[0] for r in q("SELECT table_name FROM information_schema.tables")}
        snap = {
            "articles": q("SELECT content_hash, id, published, coder_version FROM articles ORDER BY seq"),
            "events": q("SELECT a.content_hash, e.id, e.position, e.event_type, e.cameo, e.factuality, "
                        "e.date_value, e.trigger_start, e.trigger_end, e.coder_version FROM events e "
                        "JOIN articles a ON a.seq = e.article_seq ORDER BY 1, 2, 3"),
            "actors": q("SELECT a.content_hash, x.event_id, x.side, x.position, x.text, x.actor_id, "
                        "x.country, x.sector FROM event_actors x JOIN articles a ON a.seq = x.article_seq "
                        "ORDER BY 1, 2, 3, 4"),
            "quarantine": sorted(q('SELECT "where", reason FROM quarantine')),
            "orphans": q("SELECT count(*) FROM events e WHERE NOT EXISTS "
                         "(SELECT 1 FROM articles a WHERE a.seq = e.article_seq)")[0][0],
            "merged": [], "reports": [],
        }
        if "merged_events" in tables:
            snap["merged"] = q("SELECT m.id, a.content_hash, m.event_id, m.num_mentions, m.num_articles, "
                               "m.num_sources FROM merged_events m JOIN articles a ON a.seq = m.article_seq "
                               "ORDER BY 1")
            snap["reports"] = q("SELECT r.merged_id, a.content_hash, r.event_id, r.position FROM reports r "
                                "JOIN articles a ON a.seq = r.article_seq ORDER BY 1, 2, 3, 4")
    return snap


def opens_cleanly(db: Path) -> dict:
    """Open the store read-write as the next command will (replaying its WAL) and read every table."""
    from chronicle.store import Store

    with Store(db) as store:
        counts = store.counts()
        for table in counts:
            store.conn.execute(f"SELECT * FROM {table}").fetchall()
    return counts


def by_article(rows) -> dict:
    out: dict = {}
    for row in rows:
        out.setdefault(row[0], []).append(row)
    return out


def articles_done(snap: dict, reference: dict) -> int:
    """Articles stored with exactly their events of the reference run (for recode: re-coded)."""
    got, want = by_article(snap["events"]), by_article(reference["events"])
    return sum(1 for row in snap["articles"] if got.get(row[0], []) == want.get(row[0], []))


def losses(snap: dict, reference: dict) -> tuple[int, int]:
    """(lost, duplicated): articles and events of the reference missing from ``snap``, and rows
    stored more than once (same content hash; same article and event id)."""
    articles = [row[0] for row in snap["articles"]]
    events = [(row[0], row[1]) for row in snap["events"]]
    ref_articles = {row[0] for row in reference["articles"]}
    ref_events = {(row[0], row[1]) for row in reference["events"]}
    lost = len(ref_articles - set(articles)) + len(ref_events - set(events))
    duplicated = (len(articles) - len(set(articles))) + (len(events) - len(set(events)))
    return lost, duplicated


# -- one scenario ----------------------------------------------------------------------------------------
@dataclass
class Scenario:
    """A command killed ``kills`` times at random moments, each kill followed by checks of what the
    kill left behind, then by runs of the same command (killed again, sometimes) until one ends."""

    name: str                      # the figure's target, e.g. "kill ingest"
    args: list[str]                # the command, with {db} for the database
    env: dict
    start: Path | None             # the database to start from (copied), or None (a new one)
    reference: dict = field(default_factory=dict)
    full_seconds: float = 0.0
    startup_seconds: float = 0.0
    write_window: tuple = (0.0, 0.0)   # when the reference run first and last changed the database
    check_partial: object = None   # callable(db, snapshot) for the state a kill left
    expect_rc: tuple = (0,)        # exit status of a completed run

    def command(self, db: Path) -> list[str]:
        return [a.replace("{db}", str(db)) for a in self.args]

    def fresh_db(self, folder: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        db = folder / "c.duckdb"
        if self.start is not None:
            copy_db(self.start, db)
        return db

    def calibrate(self, work: Path) -> None:
        """An uninterrupted run: the reference store, and how long a run takes."""
        startup = run(["--version"], self.env, cwd=work)
        self.startup_seconds = startup.seconds
        db = self.fresh_db(work / "reference")
        outcome = run(self.command(db), self.env, cwd=work, watch=db)
        assert outcome.returncode in self.expect_rc, outcome.stderr
        assert "Traceback" not in outcome.stderr, outcome.stderr
        self.full_seconds = outcome.seconds
        if outcome.writes:
            self.write_window = (outcome.writes[0], outcome.writes[-1])
        self.reference = snapshot(db)
        record(self.name, runs=1)

    def trial(self, work: Path, rng: random.Random, index: int, kills: int) -> int:
        """Kill ``kills`` runs in a row (each at a fresh random moment), then run the command to its
        end and compare with the reference; the kills made. A run that ends before its moment is a
        completed run: it is checked like one, and the trial starts again on a new store."""
        made, attempts = 0, 0
        db = self.fresh_db(work / f"trial-{index}-0")
        while made < kills:
            attempts += 1
            assert attempts < 10 * kills + 10, f"{self.name}: the command keeps ending before its kill"
            at = self.moment(rng)
            outcome = run(self.command(db), self.env, kill_after=at, cwd=work)
            record(self.name, runs=1)
            if not outcome.killed:
                self.check_final(db, outcome)
                db = self.fresh_db(work / f"trial-{index}-{attempts}")
                continue
            made += 1
            record(self.name, kills=1)
            counts = opens_cleanly(db) if db.exists() else {}
            if db.exists() and self.check_partial is not None:
                self.check_partial(db, snapshot(db))
            detail = {"killed_at_s": round(at, 3), "of_s": round(self.full_seconds, 3),
                      "articles": counts.get("articles", 0), "events": counts.get("events", 0),
                      "merged": counts.get("merged_events", 0)}
            if db.exists():      # how far it got: articles stored as the reference stores them
                detail["done"] = articles_done(snapshot(db), self.reference)
            note(self.name, detail)
        self.check_final(db, run(self.command(db), self.env, cwd=work))
        record(self.name, runs=1)
        return made

    def moment(self, rng: random.Random) -> float:
        """When to kill: half the time anywhere in a run (from the end of the interpreter's start),
        half the time while the reference run wrote the database (opening it, the batches'
        transactions, the merge, the checkpoint at close), where a kill can do the most harm."""
        first, last = self.write_window
        if last > first and rng.random() < 0.5:
            return rng.uniform(max(0.0, first - 0.2), last + 0.05)
        return rng.uniform(0.8 * self.startup_seconds, max(self.full_seconds, self.startup_seconds + 0.1))

    def check_final(self, db: Path, outcome: Outcome) -> None:
        """A run that ended by itself: its exit status, no traceback, and a store that opens and
        equals the reference (every article and event exactly once, the same ids)."""
        tracebacks = int("Traceback" in outcome.stderr or outcome.returncode not in self.expect_rc)
        opens_cleanly(db)
        snap = snapshot(db)
        lost, duplicated = losses(snap, self.reference)
        record(self.name, tracebacks=tracebacks, lost=lost, duplicated=duplicated,
               records=len(self.reference["articles"]))       # articles checked exactly once
        assert not tracebacks, f"{self.name}: exit {outcome.returncode}\n{outcome.stderr[-3000:]}"
        assert (lost, duplicated) == (0, 0), f"{self.name}: lost {lost}, duplicated {duplicated}"
        assert snap["orphans"] == 0
        for key in ("articles", "events", "actors", "quarantine", "merged", "reports"):
            assert snap[key] == self.reference[key], f"{self.name}: {key} differ from an uninterrupted run"

    def run_kills(self, work: Path, total: int, calibrated: bool = False) -> None:
        """``total`` kills over as many trials as it takes (1 or 2 kills each, seeded)."""
        rng = random.Random(SEED ^ zlib.crc32(self.name.encode()))
        if not calibrated:
            self.calibrate(work)
        made, index = 0, 0
        while made < total:
            kills = min(total - made, rng.choice((1, 1, 2)))
            made += self.trial(work, rng, index, kills)
            index += 1


def write_corpus(path: Path, n: int, bad: bool = True) -> list:
    """``n`` articles of ``test_store.make_article`` as JSONL, with two bad lines among them."""
    from test_store import make_article

    articles = [make_article(i) for i in range(1, n + 1)]
    lines = [a.model_dump_json() for a in articles]
    if bad:
        lines.insert(min(3, len(lines)), '{"id": "broken", "text": ')
        lines.insert(min(n // 2, len(lines)), json.dumps({"id": "bad-date", "text": "x", "published": "0000-00-00"}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return articles
