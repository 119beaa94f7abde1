"""Fuzzing (hypothesis) of everything that takes outside input: the readers, the cleaner, the coder
and the ``code`` / ``ingest`` commands.

The property, everywhere: no exception but the library's documented ones escapes; every bad record
is set aside with a reason, on one line naming it; every good record is read, coded, stored, exactly
once. ``CHRONICLE_FUZZ_EXAMPLES`` sets the examples per test (25 by default: ``make test`` stays
fast); ``bench/reliability.py`` sets it high. A failing property prints the input that fails
(hypothesis shrinks it) and a blob to replay it with ``@reproduce_failure``.
"""

from __future__ import annotations

import contextlib
import csv
import gzip
import io
import json
import os
import signal
import tempfile
import traceback
from pathlib import Path
from unittest import mock

import pytest
from click.testing import CliRunner
from hypothesis import example, given, strategies as st

from chronicle.cli import cli
from chronicle.errors import InputError
from chronicle.io.read import MAX_ARTICLE_CHARS, MAX_LINE_BYTES, MAX_YEAR, MIN_YEAR, parse_date, read_paths
from chronicle.record import Rejected
from chronicle.schema import Article, Event
from chronicle.stages.clean import clean_text
from chronicle.syntax.sentences import sentence_spans
from reliability import generators as gen
from reliability.support import MODEL_EXAMPLES, OneEventCoder, escaped, fuzz, record

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:feedparser")  # its 'updated' mapping note

WATCHDOG_SECONDS = 120


class Hang(Exception):
    """An input kept a reader or command busy for WATCHDOG_SECONDS (e.g. it opened a FIFO)."""


@contextlib.contextmanager
def watchdog(seconds: int = WATCHDOG_SECONDS):
    def fire(signum, frame):
        raise Hang(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, fire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@contextlib.contextmanager
def counted(target: str):
    """One generated input of ``target``; an exception that escapes is a traceback in the figures."""
    record(target, inputs=1)
    try:
        with watchdog():
            yield
    except AssertionError:
        raise
    except BaseException as exc:
        escaped(target, exc)
        raise


# -- invariants of every item a reader yields -----------------------------------------------------
def one_line(text: str) -> bool:
    return "\n" not in text and "\r" not in text


def check_item(item) -> None:
    assert isinstance(item, (Article, Rejected)), f"read_paths yielded {type(item).__name__}"
    if isinstance(item, Rejected):
        assert item.where and item.reason, f"a rejection without a place or a reason: {item!r}"
        assert one_line(str(item)), f"a rejection on more than one line: {str(item)!r}"
        str(item).encode("utf-8")            # printable and storable: no lone surrogates
        return
    for name in ("id", "text", "title", "source", "url"):
        value = getattr(item, name)
        if isinstance(value, str):
            value.encode("utf-8")            # UnicodeEncodeError: a lone surrogate got through
            assert "\x00" not in value, f"a NUL character in {name}"
    assert item.id, "an article without an id"
    assert item.text.strip(), "an article whose text is blank"
    assert len(item.text) <= MAX_ARTICLE_CHARS
    assert item.published is None or MIN_YEAR <= item.published.year <= MAX_YEAR


def count_records(target: str, items: list) -> None:
    good = sum(isinstance(i, Article) for i in items)
    record(target, records=len(items), good=good, bad=len(items) - good)


# -- writing generated files -----------------------------------------------------------------------
def write_files(folder: bytes, specs: list[gen.FileSpec]) -> list[str]:
    """Write the files (names are bytes: they need not be UTF-8); their paths as the CLI gets them."""
    paths = []
    for index, spec in enumerate(specs):
        path = folder + b"/" + str(index).encode() + b"-" + spec.name
        with open(path, "wb") as fh:
            fh.write(spec.data)
        paths.append(os.fsdecode(path))
    return paths


SPECIALS = ["missing.txt", "", "nul\x00byte.txt", "fifo.txt", "dangling.txt", "loop.jsonl", "devnull.txt",
            "folder-without-articles", "/dev/null", "/dev/zero", "unsupported.pdf"]


def make_special(folder: str, name: str) -> str:
    """A path that is not a readable article file; each is refused once, never opened blindly."""
    path = os.path.join(folder, name) if name and not name.startswith("/") else name
    if name == "fifo.txt":
        os.mkfifo(path)
    elif name == "dangling.txt":
        os.symlink(os.path.join(folder, "nowhere.txt"), path)
    elif name == "loop.jsonl":
        os.symlink(path, path)
    elif name == "devnull.txt":
        os.symlink("/dev/null", path)
    elif name == "folder-without-articles":
        os.mkdir(path)
        Path(path, "notes.pdf").write_bytes(b"%PDF")
    elif name == "unsupported.pdf":
        Path(path).write_bytes(b"%PDF-1.4")
    return path


def stdin_of(data: bytes | None):
    return None if data is None else io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")


# -- the readers -------------------------------------------------------------------------------------
def check_file(spec: gen.FileSpec, items: list, path: str) -> tuple[int, int]:
    """What reading one generated file must give; (lost, duplicated) records."""
    if spec.kind in ("jsonl", "gz") and spec.expect == "lines":
        numbered = [(n, line) for n, line in enumerate(spec.lines, start=1) if line.expect != "blank"]
        lost, duplicated = max(0, len(numbered) - len(items)), max(0, len(items) - len(numbered))
        record("readers", lost=lost, duplicated=duplicated)
        assert (lost, duplicated) == (0, 0), (
            f"{len(numbered)} records in, {len(items)} items out: {[str(i)[:120] for i in items]}")
        for (n, line), item in zip(numbered, items):
            if isinstance(item, Rejected):
                assert item.where.endswith(f":{n}"), f"line {n} rejected as {item.where!r}"
            if line.expect == "good":
                assert isinstance(item, Article), f"good line {n} ({line.raw[:200]!r}) was refused: {item}"
                assert item.text == line.text, f"line {n}: the text changed"
                assert item.id == line.doc_id if line.doc_id is not None else item.id.endswith(f":{n}")
            elif line.expect == "bad":
                assert isinstance(item, Rejected), f"bad line {n} ({line.raw[:200]!r}) was read as an article"
        return lost, duplicated
    if spec.kind in ("jsonl", "gz"):                      # "one rejected": the whole file
        assert len(items) == 1 and isinstance(items[0], Rejected), \
            f"a file to refuse whole gave {[str(i)[:120] for i in items]}"
        return 0, 0
    if spec.kind == "feed":
        if spec.entries is not None:
            assert len(items) == spec.entries, f"{spec.entries} feed entries, {len(items)} items"
            for n, item in enumerate(items, start=1):
                assert isinstance(item, Article) or item.where.endswith(f"#{n}")
        else:
            assert items, "a feed file gave nothing, not even a reason"
        return 0, 0
    assert len(items) == 1, f"one {spec.kind} file, {len(items)} items: {[str(i)[:120] for i in items]}"
    item = items[0]
    if spec.kind == "txt":
        if spec.expect == "article":
            assert isinstance(item, Article), f"a good .txt file was refused: {item}"
            assert item.text == spec.text, "the text of a .txt file changed"
        else:
            assert isinstance(item, Rejected), "a .txt file that is not a text was read as an article"
    elif spec.kind == "html" and isinstance(item, Article):
        for word in spec.hidden:
            assert word not in item.text, f"hidden text ({word}) was read from an HTML page"
    elif spec.kind == "other":
        assert isinstance(item, Rejected)
    return 0, 0


def read_one(spec: gen.FileSpec, target: str = "readers") -> list:
    """Write one generated file, read it alone, check every item and what the file must give."""
    with tempfile.TemporaryDirectory() as tmp:
        (path,) = write_files(os.fsencode(tmp), [spec])
        items = list(read_paths([path]))
        for item in items:
            check_item(item)
        check_file(spec, items, path)
        count_records(target, items)
        return items


@fuzz(share=4)
@given(spec=gen.jsonl_file())
def test_read_jsonl_sets_aside_each_bad_line_and_reads_each_good_one(spec):
    with counted("readers"):
        read_one(spec)


@fuzz(share=2)
@given(spec=gen.txt_file())
def test_read_txt_takes_the_text_exactly_or_says_why_not(spec):
    with counted("readers"):
        read_one(spec)


@fuzz(share=1)
@given(spec=gen.html_file())
def test_read_html_gives_one_item_and_never_hidden_text(spec):
    with counted("readers"):
        read_one(spec)


@fuzz(share=0.5)
@given(spec=gen.feed_file())
def test_read_feeds_give_an_item_per_entry(spec):
    with counted("readers"):
        read_one(spec)


@fuzz(share=1)
@given(data=st.one_of(st.binary(max_size=300), gen.texts.map(lambda t: t.encode("utf-8")),
                      gen.txt_file().map(lambda f: f.data)))
def test_read_stdin_takes_the_text_exactly_or_says_why_not(data):
    with counted("readers"):
        items = list(read_paths(["-"], stdin=stdin_of(data)))
        assert len(items) == 1, f"stdin gave {items}"
        check_item(items[0])
        expected = gen.decode_like_the_contract(data)
        good = expected is not None and gen.valid(expected) and expected.replace("\x00", " ").strip() != ""
        assert isinstance(items[0], Article) == good, f"stdin {data[:80]!r} gave {items[0]}"
        if good:
            assert items[0].text == expected.replace("\x00", " ") and items[0].id == "stdin"
        count_records("readers", items)


@fuzz(share=0.3)
@given(specs=gen.files, specials=st.lists(st.sampled_from(SPECIALS), unique=True, max_size=4),
       stdin=st.one_of(st.none(), st.binary(max_size=100)), whole_folder=st.booleans())
def test_read_paths_in_any_mix_loses_duplicates_and_reorders_nothing(specs, specials, stdin, whole_folder):
    """Many paths at once (odd names, special files, stdin, the folder itself) give what each path
    gives alone, in input order; a special file (FIFO, link loop, device, missing) is refused once,
    never opened blindly; a folder gives what its supported files give, in sorted order."""
    with counted("readers"), tempfile.TemporaryDirectory() as tmp:
        paths = write_files(os.fsencode(tmp), specs)
        special_paths = [make_special(tmp, name) for name in specials]
        per_path: list[list] = []
        for path in paths:
            per_path.append(list(read_paths([path])))
        for path in special_paths:
            items = list(read_paths([path]))
            assert len(items) == 1 and isinstance(items[0], Rejected), f"{path!r} gave {items}"
            per_path.append(items)
        everything = paths + special_paths
        if stdin is not None:
            everything.append("-")
            per_path.append(list(read_paths(["-"], stdin=stdin_of(stdin))))
        together = list(read_paths(everything, stdin=stdin_of(stdin)))
        for item in together:
            check_item(item)
        want = [item for items in per_path for item in items]
        lost, duplicated = max(0, len(want) - len(together)), max(0, len(together) - len(want))
        record("readers", lost=lost, duplicated=duplicated)
        assert together == want, "read together, the paths give other items than one by one"
        count_records("readers", together)
        if whole_folder:
            folder_items = list(read_paths([tmp]))
            for item in folder_items:
                check_item(item)
            listed = [Path(p) for p, spec in zip(paths, specs) if spec.kind != "other"]
            listed += [Path(tmp, n) for n in specials if n in ("fifo.txt", "dangling.txt", "loop.jsonl",
                                                             "devnull.txt")]
            want = [item for p in sorted(listed) for item in read_paths([str(p)])]
            if not listed:
                assert len(folder_items) == 1 and isinstance(folder_items[0], Rejected)
            else:       # the same articles and refusals (a refusal's words may differ: "no such file"
                        # for a dangling link named, "cannot read file (No such file...)" listed)
                assert [i if isinstance(i, Article) else i.where for i in folder_items] == \
                    [i if isinstance(i, Article) else i.where for i in want], "a folder does not give what its files give"


@fuzz(share=0.4)
@given(big=st.sampled_from(["line", "txt", "text", "stdin", "at the limit", "gzip bomb"]), extra=st.integers(0, 3))
def test_readers_refuse_oversized_inputs_and_keep_the_rest(big, extra):
    """Past the documented limits (a JSONL line of over 6 MB, a .txt of over 4 MB, a text of over a
    million characters, stdin of over 4 MB): one rejected record, the next ones still read. A text
    of exactly a million characters (in 4-byte characters: a 4 MB .txt) is read."""
    with counted("readers"), tempfile.TemporaryDirectory() as tmp:
        if big == "at the limit":
            path = Path(tmp, "limit.txt")
            text = "\U0001F680" * (MAX_ARTICLE_CHARS - extra)
            path.write_bytes(text.encode("utf-8"))
            jsonl = Path(tmp, "limit.jsonl")
            jsonl.write_bytes(json.dumps({"text": "\u00e9" * (MAX_ARTICLE_CHARS - extra)}).encode() + b"\n")
            items = list(read_paths([str(path), str(jsonl)]))
            assert [type(i) for i in items] == [Article, Article], [str(i)[:200] for i in items]
            assert items[0].text == text and len(items[1].text) == MAX_ARTICLE_CHARS - extra
            count_records("readers", items)
            return
        good = json.dumps({"id": "after", "text": "Israel accused Hamas."}).encode()
        stdin = None
        if big == "line":
            path = Path(tmp, "huge.jsonl")
            path.write_bytes(b'{"text": "' + b"x" * (MAX_LINE_BYTES + extra) + b'"}\n' + good + b"\n")
        elif big == "txt":
            path = Path(tmp, "huge.txt")
            path.write_bytes(b"word " * (4 * MAX_ARTICLE_CHARS // 5 + 1 + extra))
        elif big == "gzip bomb":    # 40 MB of one line in a few KB
            path = Path(tmp, "bomb.jsonl.gz")
            path.write_bytes(gzip.compress(b'{"text": "' + b"\x00" * (40_000_000 + extra) + b'"}\n' + good + b"\n"))
        elif big == "text":
            path = Path(tmp, "long.jsonl")
            path.write_bytes(json.dumps({"text": "\u00e9" * (MAX_ARTICLE_CHARS + 1 + extra)}).encode() + b"\n"
                             + good + b"\n")
        else:
            path, stdin = "-", stdin_of(b"y" * (4 * MAX_ARTICLE_CHARS + 1 + extra))
        items = list(read_paths([str(path)], stdin=stdin))
        for item in items:
            check_item(item)
        assert isinstance(items[0], Rejected) and ("limit" in items[0].reason), items[0]
        if big in ("line", "text", "gzip bomb"):
            assert len(items) == 2 and isinstance(items[1], Article) and items[1].id == "after"
        else:
            assert len(items) == 1
        count_records("readers", items)


# -- the cleaner ------------------------------------------------------------------------------------
@fuzz(share=4)
@given(text=gen.texts)
@example(text="Photo: Reuters\r\nIsrael accused Hamas.\n\nBy John Smith\n")
@example(text="\n\r\n\u2028\x85")
def test_clean_text_keeps_length_newlines_and_every_kept_character(text):
    with counted("cleaner"):
        result = clean_text(text)
        out = result.text
        assert len(out) == len(text), f"length {len(text)} became {len(out)}"
        for i, (was, now) in enumerate(zip(text, out)):
            if was in "\n\r":
                assert now == was, f"line break at {i} changed to {now!r}"
            else:
                assert now in (was, " "), f"character {i} {was!r} became {now!r}"
        for span in result.dropped:
            assert 0 <= span.start <= span.end <= len(text)
            assert all(c == " " or c in "\n\r" for c in out[span.start:span.end])
        blanked = {i for i, (was, now) in enumerate(zip(text, out)) if was != now}
        assert all(result.is_dropped(i, i + 1) for i in blanked), "a blanked character outside every dropped span"
        for start, end in sentence_spans(out):    # a line break always ends a sentence
            assert 0 <= start < end <= len(out) and "\n" not in out[start:end]
        record("cleaner", records=1, good=1)


# -- the coder (the spaCy model: few examples) ------------------------------------------------------
coder_texts = st.one_of(gen.story(), gen.sentences(), gen.dated_sentence(),
                        st.lists(gen.dated_sentence(), min_size=2, max_size=8).map(" ".join), gen.long_sentence().map(lambda s: s[:20_000]),
                        st.sampled_from(gen.NON_ENGLISH), gen.whitespace, st.just(""), gen.any_text)
published_dates = st.one_of(st.none(), st.dates(gen.dt.date(1000, 1, 1), gen.dt.date(2999, 12, 31)),
                            st.sampled_from([gen.dt.date(1000, 1, 1), gen.dt.date(2999, 12, 31)]))


def check_span(span, text: str, what: str) -> None:
    if span is None or span.start is None:
        return
    assert 0 <= span.start <= span.end <= len(text), f"{what} offsets {span.start}-{span.end} outside the text"


@pytest.mark.model
@fuzz(examples=MODEL_EXAMPLES)
@given(text=coder_texts, published=published_dates)
@example(text="Israel accused Hamas on 0000-00-00 of firing rockets in year 99999.", published=None)
@example(text="Israel accused Hamas " * 2000, published=gen.dt.date(2999, 12, 31))
def test_coder_never_raises_and_its_offsets_point_into_the_text(coder, text, published):
    with counted("coder"):
        events = coder.code(text, published=published, doc_id="fuzz")
        assert isinstance(events, list)
        for event in events:
            assert isinstance(event, Event) and event.doc_id == "fuzz"
            Event.model_validate_json(event.model_dump_json())
            check_span(event.trigger, text, "trigger")
            assert text[event.trigger.start:event.trigger.end] == event.trigger.text, "trigger text != its offsets"
            for actor in event.source + event.target:
                check_span(actor, text, "actor")
            check_span(event.date, text, "date")
            check_span(event.location, text, "location")
        record("coder", records=1, good=1)


# -- the commands -------------------------------------------------------------------------------------
def no_traceback(result) -> bool:
    return (result.exception is None or isinstance(result.exception, SystemExit)) and \
        "Traceback" not in result.stdout + result.stderr


def cli_escaped(target: str, result) -> None:
    exc = result.exception
    if exc is None or isinstance(exc, SystemExit):
        exc = RuntimeError("a traceback was printed: " + (result.stdout + result.stderr).split("Traceback")[1][:200])
    escaped(target, exc)


def cli_inputs(specs, specials, stdin, tmp, published=None) -> tuple[list[str], list]:
    paths = write_files(os.fsencode(tmp), specs) + [make_special(tmp, n) for n in specials]
    if stdin is not None:
        paths.append("-")
    # the readers' own answer is the oracle here (they are fuzzed above): the commands must report
    # every rejection and code every article of it
    return paths, list(read_paths(paths, stdin=stdin_of(stdin), published=published))


cli_files = st.lists(st.one_of(gen.txt_file(), gen.jsonl_file(), gen.html_file(), gen.feed_file(),
                               gen.other_file()), min_size=1, max_size=4)
cli_specials = st.lists(st.sampled_from(["missing.txt", "fifo.txt", "dangling.txt", "unsupported.pdf"]),
                        unique=True, max_size=2)
cli_stdin = st.one_of(st.none(), st.none(), st.binary(max_size=100), gen.good_texts.map(str.encode))


def coded_ids(fmt: str, stdout: str) -> list[str] | None:
    """The doc_id of every event written (one event an article with ``OneEventCoder``); None for
    the table, which is for people (its titles wrap)."""
    if fmt == "jsonl":     # split at "\n" only: a JSON line may hold U+2028 or U+0085
        return [json.loads(line)["doc_id"] for line in stdout.split("\n") if line]
    if fmt == "csv":  # a row carries its article's title, which a feed may make very long
        csv.field_size_limit(max(csv.field_size_limit(), 1 << 30))
        return [row["doc_id"] for row in csv.DictReader(io.StringIO(stdout, newline=""))]
    return None


def check_cli_code(specs, specials, stdin, published, fmt: str) -> None:
    """``chronicle code PATHS --format FMT [--published D]``: exit 0, or 1 when something was
    skipped (2 for a bad --published: a usage error); no traceback; each bad record reported on
    one line naming it; every good record coded once, in order."""
    target = "cli code" if fmt != "table" else "cli code --format table"
    with counted(target), tempfile.TemporaryDirectory() as tmp:
        try:
            day = None if published is None else parse_date(published)
        except InputError:
            day = "bad"
        paths, items = cli_inputs(specs, specials, stdin, tmp, published=None if day == "bad" else day)
        command = ["code", *paths, "--format", fmt] + ([] if published is None else ["--published", published])
        with mock.patch("chronicle.pipeline.Coder", OneEventCoder):
            result = CliRunner().invoke(cli, command, input=stdin)
        if not no_traceback(result):
            cli_escaped(target, result)
        assert no_traceback(result), "".join(traceback.format_exception(result.exception)) + result.stderr
        if day == "bad":           # a usage error: exit 2, one line saying so, nothing read
            assert result.exit_code == 2, result.stderr
            errors = [line for line in result.stderr.split("\n") if line.startswith("Error:")]
            assert len(errors) == 1 and "--published" in errors[0] and not result.stdout, result.stderr
            record(target, runs=1)
            return
        rejected = [i for i in items if isinstance(i, Rejected)]
        articles = [i for i in items if isinstance(i, Article)]
        assert result.exit_code == (1 if rejected else 0), f"exit {result.exit_code}: {result.stderr}"
        skipped = [line for line in result.stderr.split("\n") if line.startswith("chronicle: skipped ")]
        assert skipped == [f"chronicle: skipped {r}" for r in rejected], "bad records not reported one a line"
        coded = coded_ids(fmt, result.stdout)
        if coded is None:
            coded = [a.id for a in articles] if articles and result.stdout.strip() else []
        lost, duplicated = max(0, len(articles) - len(coded)), max(0, len(coded) - len(articles))
        record(target, runs=1, records=len(items), good=len(articles), bad=len(rejected), lost=lost,
               duplicated=duplicated)
        assert coded == [a.id for a in articles], "the good records were not all coded, once, in order"


published_options = st.one_of(st.none(), gen.GOOD_DATES, st.sampled_from(gen.BAD_DATES))


@fuzz(share=1)
@given(specs=cli_files, specials=cli_specials, stdin=cli_stdin, published=published_options,
       fmt=st.sampled_from(["jsonl", "csv"]))
def test_cli_code_reports_each_bad_record_and_codes_the_good_ones(specs, specials, stdin, published, fmt):
    check_cli_code(specs, specials, stdin, published, fmt)


@fuzz(share=0.3)
@given(specs=cli_files, specials=cli_specials, stdin=cli_stdin, published=published_options)
def test_cli_code_table_reports_each_bad_record_and_prints_the_good_ones(specs, specials, stdin, published):
    """The table format too (it once passed ids to rich as markup: "[/x]" crashed it)."""
    check_cli_code(specs, specials, stdin, published, "table")


@fuzz(share=0.3)
@given(specs=cli_files, specials=cli_specials, stdin=cli_stdin, batch=st.integers(1, 5), dedupe=st.booleans())
def test_cli_ingest_quarantines_each_bad_record_and_stores_the_good_ones_once(specs, specials, stdin, batch, dedupe):
    import duckdb

    with counted("cli ingest"), tempfile.TemporaryDirectory() as tmp:
        paths, items = cli_inputs(specs, specials, stdin, tmp)
        rejected = [i for i in items if isinstance(i, Rejected)]
        articles = [i for i in items if isinstance(i, Article)]
        unique: dict[str, Article] = {}
        for article in articles:
            unique.setdefault(article.content_hash, article)
        db = os.path.join(tmp, "store.duckdb")
        make = lambda actor_files=(), batch_size=16, lexicon_files=(): OneEventCoder()  # noqa: E731
        with mock.patch("chronicle.cli.coding.make_coder", make):
            options = ["--batch-size", str(batch)] + ([] if dedupe else ["--no-dedupe"])
            runs = [CliRunner().invoke(cli, ["ingest", *paths, "--db", db, *options], input=stdin) for _ in range(2)]
        for result in runs:
            if not no_traceback(result):
                cli_escaped("cli ingest", result)
            assert no_traceback(result), "".join(traceback.format_exception(result.exception)) + result.stderr
            assert result.exit_code == (1 if rejected else 0), f"exit {result.exit_code}: {result.stderr}"
            quarantined = [line for line in result.stderr.split("\n") if line.startswith("chronicle: quarantined ")]
            assert quarantined == [f"chronicle: quarantined {r}" for r in rejected], "bad records not reported"
        first, again = runs
        assert first.stdout.startswith(f"chronicle: stored {len(unique)} articles ({len(unique)} events), skipped "
                                       f"{len(articles) - len(unique)} as duplicates, quarantined {len(rejected)}\n"), first.stdout
        assert again.stdout.startswith(f"chronicle: stored 0 articles (0 events), skipped {len(articles)} as "
                                       f"duplicates, quarantined {len(rejected)}\n"), again.stdout
        with duckdb.connect(db, read_only=True) as con:
            hashes = [r[0] for r in con.execute("SELECT content_hash FROM articles ORDER BY seq").fetchall()]
            events = con.execute("SELECT count(*), count(DISTINCT article_seq) FROM events").fetchone()
            where = [r[0] for r in con.execute('SELECT "where" FROM quarantine ORDER BY rowid').fetchall()]
        lost = len(set(unique) - set(hashes))
        duplicated = len(hashes) - len(set(hashes))
        record("cli ingest", runs=2, records=len(items), good=len(articles), bad=len(rejected), lost=lost,
               duplicated=duplicated)
        assert hashes == list(unique), "the stored articles are not the good records, each once, in order"
        assert events == (len(unique), len(unique)), "an article stored without its event, or twice"
        assert where == [r.where for r in rejected], "the quarantine does not hold each bad record once"
