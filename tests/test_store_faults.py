"""The store under faults: duplicate texts across look-ups, foreign, damaged, empty and read-only
files, full devices, a second process on the database, and a kill during the automatic merge.

Every failure must end in one line that names the file and says what to do, with nothing partial
left behind; the kill -9 and coder-crash tests of tests/test_store.py cover the batch transactions.
"""

from __future__ import annotations

import ctypes
import importlib
import itertools
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from chronicle.batching import batch_sizes
from chronicle.cli import cli
from chronicle.schema import Article
from chronicle.store import Store, StoreError, ingest
from chronicle.store import db as store_db
from test_cli_store import write_corpus
from test_store import FakeCoder, make_article

store_ingest = importlib.import_module("chronicle.store.ingest")  # the module, not the function
TESTS = Path(__file__).resolve().parent
SRC = TESTS.parent / "src"
CLI = "import sys; from chronicle.cli import main; sys.argv[0] = 'chronicle'; main()"


def fake_cli(patch: str = "") -> str:
    """A script that runs the chronicle CLI (its arguments) with FakeCoder, after ``patch``."""
    return (f"import sys\nsys.path.insert(0, {str(TESTS)!r})\nimport chronicle.cli.coding as coding\n"
            f"from test_store import FakeCoder\n"
            f"coding.make_coder = lambda actor_files=(), batch_size=16: FakeCoder()\n{patch}\n"
            f"from chronicle.cli import main\nsys.argv[0] = 'chronicle'\nmain()\n")


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def fake(monkeypatch):
    """The store commands code with FakeCoder instead of loading spaCy."""
    import chronicle.cli.coding as coding

    monkeypatch.setattr(coding, "make_coder", lambda actor_files=(), batch_size=16: FakeCoder())


def filled_db(path: Path, n: int = 7, batch_size: int = 3) -> Path:
    with Store(path) as store:
        ingest(store, [make_article(i) for i in range(1, n + 1)], FakeCoder(), batch_size=batch_size)
    return path


def content_hashes(db: Path) -> list[str]:
    with Store(db, read_only=True) as store:
        return [r[0] for r in store.conn.execute("SELECT content_hash FROM articles").fetchall()]


def one_line_error(result) -> str:
    """The single stderr line of a failed command (no traceback, exit 1)."""
    assert result.exit_code == 1, (result.exit_code, result.output, result.exception)
    lines = result.stderr.splitlines()
    assert lines and lines[-1].startswith("Error: ") and "Traceback" not in result.stderr, result.stderr
    return lines[-1]


# -- 1. the same text twice, the copies in different look-up chunks --------------------------------
def test_a_copy_read_after_its_twin_was_written_is_a_duplicate(tmp_path, monkeypatch):
    """Chunk 1 = a1, a2; chunk 2 = a3, copy of a1 is looked up before the batch a1-a3 is written,
    and the copy is read after it: it must be counted a duplicate, not fail the batch."""
    monkeypatch.setattr(store_ingest, "LOOKUP_CHUNK", 2)
    articles = [make_article(i) for i in range(1, 5)]
    copy = Article(id="copy-of-a1", text=articles[0].text)
    with Store(tmp_path / "c.duckdb") as store:
        stats = ingest(store, [*articles[:3], copy, articles[3]], FakeCoder(), batch_size=3)
        ids = [r[0] for r in store.conn.execute("SELECT id FROM articles ORDER BY seq").fetchall()]
    assert (stats.stored, stats.duplicates) == (4, 1)
    assert ids == ["a1", "a2", "a3", "a4"]


@pytest.mark.parametrize("chunk", [1, 2, 3, 5])
@pytest.mark.parametrize("ramp_up", [False, True])
def test_copies_anywhere_in_the_input_are_stored_once(tmp_path, monkeypatch, chunk, ramp_up):
    """Random inputs full of copies, every look-up chunk and batch size: each text stored once,
    every other copy counted as a duplicate."""
    monkeypatch.setattr(store_ingest, "LOOKUP_CHUNK", chunk)
    rng = random.Random(chunk * 10 + ramp_up)
    for trial in range(6):
        texts = [make_article(i) for i in range(1, 9)]
        items = [Article(id=f"x{k}", text=rng.choice(texts).text) for k in range(25)]
        db = tmp_path / f"c{trial}.duckdb"
        with Store(db) as store:
            stats = ingest(store, items, FakeCoder(), batch_size=rng.randint(1, 4), ramp_up=ramp_up)
        distinct = {i.content_hash for i in items}
        assert (stats.stored, stats.duplicates) == (len(distinct), len(items) - len(distinct))
        assert sorted(content_hashes(db)) == sorted(distinct)


# -- 2. never the network: a SQLite file is refused, extensions are never installed or loaded -----
def sqlite_file(path: Path) -> Path:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE articles (id TEXT)")
    return path


@pytest.mark.parametrize("command", [["ingest", "{corpus}"], ["export"], ["recode"], ["dedupe"]])
def test_a_sqlite_file_is_not_a_chronicle_database(runner, tmp_path, fake, command):
    db = sqlite_file(tmp_path / "other.db")
    before = db.read_bytes()
    args = [a.format(corpus=write_corpus(tmp_path)) for a in command] + ["--db", str(db)]
    line = one_line_error(runner.invoke(cli, args))
    assert line == f"Error: {db} is not a Chronicle database: it is a SQLite database file"
    assert db.read_bytes() == before


def test_duckdb_never_installs_or_loads_an_extension(tmp_path):
    with Store(tmp_path / "c.duckdb") as store:
        settings = store.conn.execute(
            "SELECT current_setting('autoinstall_known_extensions'), "
            "current_setting('autoload_known_extensions')").fetchone()
    assert settings == (False, False)
    # Even handed straight to DuckDB, a SQLite file does not make it fetch its sqlite scanner.
    db = sqlite_file(tmp_path / "other.db")
    with pytest.raises(StoreError) as error:
        store_db._connect(str(db), False, 0, None)
    assert "download" not in error.value.message.lower() and "http" not in error.value.message
    assert str(db) in error.value.message and "\n" not in error.value.message


# -- 3. damaged, empty and full -------------------------------------------------------------------
@pytest.fixture(scope="module")
def big_db(tmp_path_factory):
    """A database of a few megabytes, so that it can be cut or overwritten past its first pages."""
    return filled_db(tmp_path_factory.mktemp("big") / "c.duckdb", n=3000, batch_size=500)


def damaged_copy(big_db: Path, tmp_path: Path, *, cut: int | None = None, garbage_at: int | None = None):
    db = tmp_path / "damaged.duckdb"
    shutil.copy(big_db, db)
    if cut is not None:
        os.truncate(db, cut)
    if garbage_at is not None:
        with open(db, "r+b") as handle:
            handle.seek(garbage_at)
            handle.write(random.Random(garbage_at).randbytes(20000))
    return db


@pytest.mark.parametrize("damage", [dict(cut=12288 + 100), dict(cut=300_000), dict(cut=1_000_000),
                                    dict(garbage_at=12288), dict(garbage_at=300_000)])
@pytest.mark.parametrize("command", [["export"], ["export", "--format", "gdelt"], ["ingest", "{corpus}"],
                                     ["recode"], ["dedupe"]])
def test_a_damaged_database_is_one_line_naming_the_file(runner, big_db, tmp_path, fake, damage, command):
    db = damaged_copy(big_db, tmp_path, **damage)
    args = [a.format(corpus=write_corpus(tmp_path)) for a in command] + ["--db", str(db)]
    result = runner.invoke(cli, args)
    if result.exit_code == 0:   # the damage lies in pages this command never reads
        return
    line = one_line_error(result)
    assert line.startswith(f"Error: {db} is damaged or not a DuckDB database: "), line


def test_a_truncated_database_is_damaged_when_opened(big_db, tmp_path):
    db = damaged_copy(big_db, tmp_path, cut=12288 + 100)
    with pytest.raises(StoreError, match=r"damaged\.duckdb is damaged or not a DuckDB database: "
                                         r"IO Error: Could not read enough bytes"):
        Store(db, read_only=True)


@pytest.mark.parametrize("cut", [0, 100, 4096, 8192, 12287])
def test_a_file_cut_short_at_its_creation_is_no_database_and_a_writer_creates_it(runner, tmp_path, fake, cut):
    """A create stopped by a full disk leaves 0 bytes or part of DuckDB's headers: no data can be
    in it, so readers say there is no database and a writer creates it."""
    db = tmp_path / "c.duckdb"
    Store(db).close()
    os.truncate(db, cut)
    why = "the file is empty" if cut == 0 else f"the file holds only {cut} bytes of a database header"
    for command in (["export"], ["recode"], ["dedupe"]):
        line = one_line_error(runner.invoke(cli, [*command, "--db", str(db)]))
        assert line == f"Error: no database at {db}: {why} (run 'chronicle ingest' first)"
    assert db.stat().st_size == cut
    result = runner.invoke(cli, ["ingest", str(write_corpus(tmp_path)), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("chronicle: stored 5 articles")
    assert len(runner.invoke(cli, ["export", "--db", str(db)]).stdout.splitlines()) == 6


def test_a_short_file_that_is_not_a_database_header_is_left_alone(runner, tmp_path, fake):
    db = tmp_path / "notes.txt"
    db.write_text("my notes, not a database")
    line = one_line_error(runner.invoke(cli, ["ingest", str(write_corpus(tmp_path)), "--db", str(db)]))
    assert line.startswith(f"Error: cannot open database {db}: ") and "not a valid DuckDB" in line
    assert db.read_text() == "my notes, not a database"


needs_dev_full = pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")


@needs_dev_full
@pytest.mark.parametrize("fmt", ["jsonl", "csv", "gdelt", "parquet"])
@pytest.mark.parametrize("merged", [False, True])
def test_export_to_a_full_device(runner, tmp_path, fake, fmt, merged):
    db = tmp_path / "c.duckdb"
    assert runner.invoke(cli, ["ingest", str(write_corpus(tmp_path)), "--db", str(db)]).exit_code == 0
    args = ["export", "--db", str(db), "--format", fmt, "--out", "/dev/full"] + (["--merged"] if merged else [])
    line = one_line_error(runner.invoke(cli, args))
    assert line == "Error: cannot write /dev/full: No space left on device"


@needs_dev_full
def test_export_to_a_full_stdout(tmp_path):
    db = filled_db(tmp_path / "c.duckdb")
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-c", CLI, "export", "--db", str(db)], stdout=full,
                              stderr=subprocess.PIPE, text=True, timeout=120)
    assert proc.returncode == 1
    assert proc.stderr == "Error: cannot write to standard output: No space left on device\n"


@needs_dev_full
def test_code_to_a_full_device(runner, tmp_path, monkeypatch):
    import chronicle.pipeline

    class Coder(FakeCoder):
        def pipe(self, articles, batch_size=16, **options):  # code's own options (on_error, ...)
            return super().pipe(articles, batch_size)

    monkeypatch.setattr(chronicle.pipeline, "Coder", lambda **options: Coder())
    text = tmp_path / "a.txt"
    text.write_text("Israel accused Hamas of firing rockets.", encoding="utf-8")
    result = runner.invoke(cli, ["code", str(text), "--format", "jsonl", "--out", "/dev/full"])
    assert one_line_error(result) == "Error: cannot write /dev/full: No space left on device"


FULL_DISK = """
import resource, signal
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)      # writes past the limit fail with EFBIG instead
resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, resource.RLIM_INFINITY))
"""


def test_a_disk_full_mid_ingest_keeps_the_committed_batches(tmp_path):
    """A file-size limit stands in for a full disk: the ingest ends in one line, the batches
    committed before stay whole, and the same command afterwards stores the rest, each once."""
    corpus = tmp_path / "news.jsonl"
    corpus.write_text("".join(f'{{"id": "a{i}", "text": "Article {i}: Israel accused Hamas (story {i}) '
                              f'{"and more words " * 30}"}}\n' for i in range(1, 601)), encoding="utf-8")
    db = tmp_path / "c.duckdb"
    Store(db).close()
    script = fake_cli(FULL_DISK.format(limit=600_000))
    proc = subprocess.run([sys.executable, "-c", script, "ingest", str(corpus), "--db", str(db),
                           "--batch-size", "50", "--no-dedupe"], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr.count("\n") == 1 and proc.stderr.startswith(f"Error: cannot write the batch to {db}: ")
    kept = content_hashes(db)
    whole = list(itertools.accumulate(itertools.islice(batch_sizes(50, True), 20)))
    assert 0 < len(kept) < 600 and len(kept) in whole            # whole (ramped) batches only
    proc = subprocess.run([sys.executable, "-c", fake_cli(), "ingest", str(corpus), "--db", str(db),
                           "--batch-size", "50", "--no-dedupe"], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(f"chronicle: stored {600 - len(kept)} articles")
    assert len(set(content_hashes(db))) == len(content_hashes(db)) == 600


# -- 4. two processes on one database -------------------------------------------------------------
HOLD = textwrap.dedent("""
    import sys, time
    from chronicle.store import Store
    store = Store(sys.argv[1], read_only=sys.argv[2] == "read")
    print("ready", flush=True)
    time.sleep(float(sys.argv[3])) if float(sys.argv[3]) else sys.stdin.read()
    store.close()
""")


class Holder:
    """Another process holding the store open (reading or writing) until ``release`` or ``hold``
    seconds have passed."""

    def __init__(self, db: Path, mode: str = "write", hold: float = 0):
        self.proc = subprocess.Popen([sys.executable, "-c", HOLD, str(db), mode, str(hold)],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self.proc.stdout.readline() == "ready\n"
        self.pid = self.proc.pid

    def release(self) -> None:
        self.proc.stdin.close()
        self.proc.wait(timeout=60)


@pytest.fixture
def holder(tmp_path):
    started: list[Holder] = []

    def start(db, mode="write", hold=0):
        started.append(Holder(db, mode, hold))
        return started[-1]

    yield start
    for h in started:
        if h.proc.poll() is None:
            h.release()


@pytest.mark.parametrize("holding", ["write", "read"])
@pytest.mark.parametrize("command", [["ingest", "{corpus}"], ["recode"], ["dedupe"]])
def test_a_second_writer_waits_then_names_the_other_process(runner, tmp_path, fake, holder, holding, command):
    db = filled_db(tmp_path / "c.duckdb")
    other = holder(db, holding)
    args = [a.format(corpus=write_corpus(tmp_path)) for a in command] + ["--db", str(db), "--lock-timeout", "0.6"]
    started = time.monotonic()
    result = runner.invoke(cli, args)
    assert time.monotonic() - started >= 0.6
    line = one_line_error(result)
    assert result.stderr.splitlines()[0].startswith(f"chronicle: {db} is in use by process {other.pid} (")
    assert result.stderr.splitlines()[0].endswith("; waiting up to 0.6 s for it")
    assert line.startswith(f"Error: cannot write {db}: it is in use by process {other.pid} (")
    assert line.endswith("gave up after waiting 0.6 s (--lock-timeout): try again when it has finished")
    other.release()
    assert sorted(content_hashes(db)) == sorted(make_article(i).content_hash for i in range(1, 8))


def test_an_export_during_an_ingest_waits_then_says_so(runner, tmp_path, fake, holder):
    db = filled_db(tmp_path / "c.duckdb")
    other = holder(db, "write")
    line = one_line_error(runner.invoke(cli, ["export", "--db", str(db), "--lock-timeout", "0.3"]))
    assert line.startswith(f"Error: cannot read {db}: process {other.pid} (")
    assert "is writing it; gave up after waiting 0.3 s" in line


def test_readers_share_the_database(runner, tmp_path, fake, holder):
    db = filled_db(tmp_path / "c.duckdb")
    holder(db, "read")
    result = runner.invoke(cli, ["export", "--db", str(db), "--lock-timeout", "0"])
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 7


def test_a_writer_that_finishes_in_time_is_waited_for(runner, tmp_path, fake, holder):
    db = filled_db(tmp_path / "c.duckdb")
    other = holder(db, "write", hold=1.0)
    result = runner.invoke(cli, ["ingest", str(write_corpus(tmp_path)), "--db", str(db), "--lock-timeout", "30"])
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith(f"chronicle: {db} is in use by process {other.pid} (")
    assert result.stdout.startswith("chronicle: stored 5 articles")


def test_the_lock_error_names_the_holder(tmp_path):
    exc = duckdb.IOException('IO Error: Could not set lock on file "/x/c.duckdb": Conflicting lock is held '
                             'in /usr/bin/python3.11 (PID 999999999). See also https://duckdb.org/docs')
    assert store_db.lock_holder(exc) == "process 999999999 (python3.11)"
    assert store_db.lock_holder(duckdb.IOException("IO Error: something else")) is None


# -- 5. a kill during the automatic merge is healed by running the ingest again -------------------
KILL_IN_MERGE = """
import os, signal
import chronicle.dedup.store as dedup_store

def merge_then_die(store, **options):
    with store.transaction():            # half a merge: the old tables emptied, nothing new written
        store.conn.execute("DELETE FROM reports")
        os.kill(os.getpid(), signal.SIGKILL)

dedup_store.merge_store = merge_then_die    # chronicle dedupe's full merge
dedup_store.merge_new = merge_then_die      # the incremental merge ingest runs
"""


def test_rerunning_an_ingest_killed_during_its_merge_heals_the_merge(runner, tmp_path, fake):
    corpus, db = write_corpus(tmp_path), tmp_path / "c.duckdb"
    script = fake_cli(KILL_IN_MERGE)
    proc = subprocess.run([sys.executable, "-c", script, "ingest", str(corpus), "--db", str(db)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    assert one_line_error(runner.invoke(cli, ["export", "--db", str(db), "--merged"]))
    again = runner.invoke(cli, ["ingest", str(corpus), "--db", str(db)])
    assert again.exit_code == 0, again.output
    assert again.stdout == ("chronicle: stored 0 articles (0 events), skipped 5 as duplicates, quarantined 0\n"
                            "chronicle: 6 events, 2 merged events, 4 events merged away\n")
    exported = runner.invoke(cli, ["export", "--db", str(db), "--merged"])
    assert exported.exit_code == 0 and len(exported.stdout.splitlines()) == 2


def test_an_ingest_merges_a_merge_left_stale_by_an_earlier_no_dedupe_run(runner, tmp_path, fake):
    corpus, db = write_corpus(tmp_path), tmp_path / "c.duckdb"
    assert runner.invoke(cli, ["ingest", str(corpus), "--db", str(db), "--no-dedupe"]).exit_code == 0
    quiet = runner.invoke(cli, ["ingest", str(corpus), "--db", str(db), "--no-dedupe"])
    assert "merged" not in quiet.stdout
    healed = runner.invoke(cli, ["ingest", str(corpus), "--db", str(db)])
    assert healed.stdout.splitlines()[1] == "chronicle: 6 events, 2 merged events, 4 events merged away"
    current = runner.invoke(cli, ["ingest", str(corpus), "--db", str(db)])
    assert current.stdout.count("\n") == 1          # merge current: nothing to do


# -- 6. a read-only file or folder ----------------------------------------------------------------
def _drop_root_file_powers() -> None:
    """In the child: as root, lose the power to ignore file permissions (so a read-only file or
    folder is read-only, as for anyone else)."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def run_unprivileged(*args: str) -> subprocess.CompletedProcess:
    """The chronicle CLI in a process for which file permissions hold (skip where that cannot be)."""
    preexec = None
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        probe = subprocess.run([sys.executable, "-c", "pass"], preexec_fn=_drop_root_file_powers,
                               capture_output=True)
        if probe.returncode != 0:
            pytest.skip("running as root without the power to drop CAP_DAC_OVERRIDE")
        preexec = _drop_root_file_powers
    return subprocess.run([sys.executable, "-c", fake_cli(), *args], preexec_fn=preexec,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def readonly(tmp_path):
    """Make paths read-only for the test; writable again afterwards (so tmp_path can be removed)."""
    made: list[Path] = []

    def make(path: Path) -> Path:
        path.chmod(0o555 if path.is_dir() else 0o444)
        made.append(path)
        return path

    yield make
    for path in made:
        path.chmod(0o755 if path.is_dir() else 0o644)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


@pytest.mark.parametrize("command", [["ingest", "{corpus}"], ["recode"], ["dedupe"]])
def test_a_read_only_database_file_is_refused_before_anything_is_done(tmp_path, readonly, command):
    folder = tmp_path / "store"
    folder.mkdir()
    db = readonly(filled_db(folder / "c.duckdb"))
    before = snapshot(folder)
    args = [a.format(corpus=write_corpus(tmp_path)) for a in command]
    proc = run_unprivileged(*args, "--db", str(db))
    assert proc.returncode == 1
    assert proc.stderr == (f"Error: cannot write database {db}: the file is read-only "
                           f"('chronicle export' can still read it)\n")
    assert snapshot(folder) == before
    exported = run_unprivileged("export", "--db", str(db))
    assert exported.returncode == 0 and len(exported.stdout.splitlines()) == 7


@pytest.mark.parametrize("existing", [True, False])
def test_a_database_in_a_read_only_folder_is_refused_before_anything_is_done(tmp_path, readonly, existing):
    folder = tmp_path / "store"
    folder.mkdir()
    db = folder / "c.duckdb"
    if existing:
        filled_db(db)
    readonly(folder)
    before = snapshot(folder)
    proc = run_unprivileged("ingest", str(write_corpus(tmp_path)), "--db", str(db))
    assert proc.returncode == 1
    assert proc.stderr == (f"Error: cannot write database {db}: its folder {folder} is read-only "
                           f"(DuckDB writes c.duckdb.wal beside it)\n")
    assert snapshot(folder) == before                # no database, no .wal, nothing half-written
