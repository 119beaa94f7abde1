"""Read stage: turn files, directories and stdin into ``Article`` records.

Why it is shaped like this:

* A batch of thousands of articles must not stop at one bad record, so nothing here raises on
  input data. Each input yields either an ``Article`` or a ``Rejected`` that says where
  (``file.jsonl:7``) and, in one line, what was wrong, and the caller decides how loudly to report
  it. The good records of an input are still read around its bad ones.
* Every later stage stores character offsets into ``Article.text``, so text is taken exactly as
  stored: bytes are decoded as UTF-8 and nothing is stripped, normalised or re-flowed. The
  exceptions: HTML, where the text *is* what trafilatura extracts; a file that starts with a UTF-16
  (or UTF-32) byte-order mark, decoded as such; and NUL characters, which become spaces (same
  length, so offsets hold) because C libraries downstream stop at them.
* Results come back lazily and in input order, so a large JSONL file streams instead of being
  loaded whole, and output lines can be matched back to input lines.

Limits, so that no hostile input can crash or stall a read (each is a ``Rejected`` naming the size):

* ``MAX_ARTICLE_CHARS`` (1,000,000): the longest article text, spaCy's own ``max_length``; applies
  to .txt, .html, JSONL records, stdin and feed entries.
* ``MAX_ARTICLE_BYTES`` (4 x that, the most UTF-8 can need): a .txt or .html file, or stdin, larger
  than this is refused from its size, without being read.
* ``MAX_LINE_BYTES`` (6 x ``MAX_ARTICLE_CHARS`` + 64 KiB, room for a text written with ``\\uXXXX``
  escapes, as ``json.dumps`` does by default, plus its other fields): a longer JSONL line is one
  rejected record, skipped in chunks without holding it (also bounds a gzip bomb).
* ``MAX_FEED_BYTES`` (16 MB): an RSS/Atom file is parsed whole, so it is bounded as a whole.
* Only regular files are opened: a FIFO, socket, device or a link to one is refused from ``stat``
  before opening (opening a FIFO blocks; /dev/zero never ends).
* A .jsonl.gz is read to its end once, checking its CRC, before any line is yielded: a damaged
  archive is one ``Rejected`` and no article, rather than articles followed by an error.
* Publication dates must lie in the years ``MIN_YEAR``-``MAX_YEAR`` (1000-2999), which later date
  arithmetic can handle; ``parse_date`` (shared with ``--published``) enforces it.
"""

from __future__ import annotations

import codecs
import datetime as _dt
import gzip
import json
import os
import re
import stat
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, TextIO

from pydantic import ValidationError

from chronicle.errors import InputError
from chronicle.io.feeds import drop_hidden, read_feed
from chronicle.record import Rejected
from chronicle.schema import Article

SUPPORTED_SUFFIXES: tuple[str, ...] = (".txt", ".jsonl", ".jsonl.gz", ".html", ".htm", ".rss", ".atom", ".xml")
"""Suffixes read (compared case-insensitively); a directory yields only files with these."""

MAX_ARTICLE_CHARS = 1_000_000
"""Longest article text read, in characters: spaCy's default ``nlp.max_length``."""
MAX_ARTICLE_BYTES = 4 * MAX_ARTICLE_CHARS
"""Largest .txt / .html file or stdin read (UTF-8 needs at most 4 bytes a character)."""
MAX_LINE_BYTES = 6 * MAX_ARTICLE_CHARS + 64 * 1024
"""Longest JSONL line read: a longest text in ``\\uXXXX`` escapes (6 bytes each) plus 64 KiB of fields."""
MAX_FEED_BYTES = 4 * MAX_ARTICLE_BYTES
"""Largest RSS / Atom file read (feedparser holds the whole document)."""
MAX_JSON_DEPTH = 500
"""Deepest nesting of a JSONL line read. Python's decoder gives up at a depth that depends on the
version (about 1,000 on 3.11, 1,500 on 3.12, 10,000 on 3.13): a fixed limit below all of them makes
the same line an article, or "JSON nested too deep", on every Python."""
MIN_YEAR, MAX_YEAR = 1000, 2999
"""Publication years accepted; outside them date arithmetic downstream is not meaningful."""

_SUPPORTED_HINT = "use .txt, .jsonl, .jsonl.gz, .html"
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_DATETIME_RE = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\S.*", re.ASCII)
_OPTIONAL_STRINGS = ("title", "source", "url")
_STRING_FIELDS = ("text", "id", "title", "source", "url")
_SURROGATE = re.compile("[\ud800-\udfff]")
_CHUNK = 1 << 20
_O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_FILE_TYPES = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"),
               (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))


def parse_date(value: str, *, where: str = "published") -> _dt.date:
    """Parse ``YYYY-MM-DD`` or an ISO datetime (its date part is kept) into a ``date``.

    Strict on purpose: a guessed date silently shifts every relative date ("on Tuesday") in the
    article, so anything ambiguous is an ``InputError`` naming the value and the expected form. A
    year outside ``MIN_YEAR``-``MAX_YEAR`` is refused too: it is a typo or a placeholder (0001-01-01,
    9999-12-31), and later date arithmetic overflows on it.
    """
    text = value.strip()
    try:
        if _DATE_RE.fullmatch(text):
            day = _dt.date.fromisoformat(text)
        elif _DATETIME_RE.fullmatch(text):
            day = _dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
        else:
            raise InputError(where, f"bad date {_shown(value)} (use YYYY-MM-DD or an ISO datetime)")
    except ValueError as exc:
        raise InputError(where, f"impossible date {_shown(value)} ({exc})") from None
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise InputError(where, f"date {_shown(text)} is outside the years {MIN_YEAR}-{MAX_YEAR}")
    return day


def _shown(value: str, width: int = 60) -> str:
    """``repr`` of a value for a message, cut short so that a hostile value keeps the message short."""
    if len(value) <= width:
        return repr(value)
    return f"{value[:width]!r}... ({len(value):,} characters)"


def read_paths(
    paths: Iterable[str],
    *,
    published: _dt.date | None = None,
    stdin: TextIO | None = None,
) -> Iterator[Article | Rejected]:
    """Yield an ``Article`` or a ``Rejected`` for every record of every path, in input order.

    ``-`` reads one article from ``stdin`` (``sys.stdin`` when not given). ``published`` is the
    date for articles that carry none of their own (they are marked ``published_assumed``); an
    article's own date always wins.
    """
    for item in paths:
        raw = os.fsdecode(item)
        if raw == "-":
            yield from _read_stdin(stdin if stdin is not None else sys.stdin, published)
            continue
        where = _printable(raw)
        if not raw:
            yield Rejected("''", "no such file (empty path)")
            continue
        try:
            is_dir = stat.S_ISDIR(os.stat(raw).st_mode)
        except (FileNotFoundError, NotADirectoryError):
            yield Rejected(where, "no such file")
            continue
        except (OSError, ValueError) as exc:  # ValueError: a NUL in the path
            yield Rejected(where, f"cannot read file ({_os_problem(exc)})")
            continue
        if is_dir:
            yield from _read_dir(Path(raw), where, published)
        else:
            yield from _read_file(Path(raw), where, published)


def _printable(text: str) -> str:
    """``text`` safe to print on one line, for a ``where`` or an id taken from a file name.

    A file name that is not UTF-8 comes from the OS with surrogate escapes, which cannot be encoded
    when the message is printed or stored; its bad bytes are shown as ``\\xff`` instead, and control
    characters (a newline in a name) as escapes, so a reason stays one line.
    """
    if text.isprintable():
        return text
    try:
        data = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        data = text.encode("utf-8", "backslashreplace")
    text = data.decode("utf-8", "backslashreplace")
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


def _os_problem(exc: Exception) -> str:
    """The OS's one-line words for an error (``Permission denied``), else the exception's own."""
    if isinstance(exc, ValueError) and "null" in str(exc):  # 3.13: "stat: embedded null character in path"
        return "embedded null byte"
    return getattr(exc, "strerror", None) or _one_line(exc)


def _one_line(problem: object) -> str:
    """The first line of an exception's message (its class name when it has none)."""
    text = str(problem).strip().splitlines()
    return text[0] if text else type(problem).__name__


def _read_dir(root: Path, where: str, published: _dt.date | None) -> Iterator[Article | Rejected]:
    """Every supported file under ``root`` in sorted order; an unreadable folder is one ``Rejected``."""
    entries = _walk(root)
    if not entries:
        yield Rejected(where, f"directory holds no supported files ({_SUPPORTED_HINT})")
    for path, problem in entries:
        at = _printable(str(path))
        if problem:
            yield Rejected(at, problem)
        else:
            yield from _read_file(path, at, published)


def _walk(root: Path) -> list[tuple[Path, str | None]]:
    """Supported files under ``root``, recursively, sorted; hidden files and folders skipped.

    Iterative (a deep tree cannot exhaust the stack) and without following links to folders (a link
    cannot make a loop). Anything with a supported suffix that is not a folder is listed, so a FIFO
    named ``x.txt`` is reported by ``_read_file`` rather than silently dropped. A folder that cannot
    be listed comes back with the reason.
    """
    found: list[tuple[Path, str | None]] = []
    folders = [root]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as entries:
                for entry in entries:
                    if entry.name.startswith("."):
                        continue
                    if _is_folder(entry):
                        folders.append(folder / entry.name)
                    elif _kind(entry.name) is not None:
                        found.append((folder / entry.name, None))
        except OSError as exc:
            found.append((folder, f"cannot read folder ({_os_problem(exc)})"))
    return sorted(found, key=lambda item: item[0])


def _is_folder(entry: os.DirEntry) -> bool:
    """True for a real folder (not a link to one); False when the entry cannot even be looked at."""
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


def _kind(name: str) -> str | None:
    """The reader for a file name from its suffix (``txt``, ``jsonl``, ``html``, ``feed``), or None."""
    lower = name.lower()
    for suffix in SUPPORTED_SUFFIXES:
        if lower.endswith(suffix):
            return {".htm": "html", ".jsonl.gz": "jsonl", ".rss": "feed", ".atom": "feed",
                    ".xml": "feed"}.get(suffix, suffix[1:])
    return None


def _suffix(name: str) -> str:
    """The suffix to name in an error: ``.pdf``, ``.json.gz``; '' when there is none."""
    parts = Path(name).suffixes
    if not parts:
        return ""
    if parts[-1].lower() == ".gz" and len(parts) > 1:
        return "".join(parts[-2:])
    return parts[-1]


def _read_file(path: Path, where: str, published: _dt.date | None) -> Iterator[Article | Rejected]:
    """The records of one file, by its suffix; a file that cannot be opened safely is one ``Rejected``."""
    kind = _kind(path.name)
    name = _printable(path.name)
    if kind is None:
        suffix = _suffix(name)
        what = f"'{suffix}'" if suffix else "(no suffix)"
        yield Rejected(where, f"unsupported file type {what} ({_SUPPORTED_HINT})")
        return
    limit = {"jsonl": None, "feed": MAX_FEED_BYTES}.get(kind, MAX_ARTICLE_BYTES)
    handle = _open_regular(path, limit)
    if isinstance(handle, str):
        yield Rejected(where, handle)
        return
    with handle:
        if kind == "jsonl":
            yield from _read_jsonl(handle, name, where, published)
            return
        try:
            data = _read_upto(handle, limit)
        except OSError as exc:
            yield Rejected(where, f"cannot read file ({_os_problem(exc)})")
            return
    if len(data) > limit:  # the file grew after it was measured
        yield Rejected(where, f"file is over the {limit:,}-byte limit")
    elif kind == "feed":
        # the feed reader leaves an entry without a date undated; the fallback is applied here
        yield from read_feed(data, where, name, None,
                             lambda fields, at, empty: _article(_dated(fields, published), at, empty))
    elif kind == "txt":
        yield _text_article(data, name, where, published)
    else:
        yield _html_article(data, name, where, published)


def _open_regular(path: Path, limit: int | None) -> IO[bytes] | str:
    """``path`` opened for reading if it is a regular file of at most ``limit`` bytes, else why not.

    Checked with ``stat`` *before* opening: opening a FIFO blocks until someone writes to it, and a
    device such as /dev/zero never ends. Opened non-blocking and checked again with ``fstat``, in
    case the file was swapped between the two calls; a sparse 5 GB file is refused from its size.
    """
    try:
        problem = _not_regular(os.stat(path), limit)
        if problem:
            return problem
        fd = os.open(path, os.O_RDONLY | _O_NONBLOCK | getattr(os, "O_BINARY", 0))
    except (OSError, ValueError) as exc:
        return f"cannot read file ({_os_problem(exc)})"
    try:
        problem = _not_regular(os.fstat(fd), limit)
        if not problem and _O_NONBLOCK:
            os.set_blocking(fd, True)
    except OSError as exc:
        problem = f"cannot read file ({_os_problem(exc)})"
    if problem:
        os.close(fd)
        return problem
    return os.fdopen(fd, "rb")


def _not_regular(info: os.stat_result, limit: int | None) -> str | None:
    """Why a file with this ``stat`` must not be read (not a regular file, too large), or None."""
    if not stat.S_ISREG(info.st_mode):
        what = next((name for test, name in _FILE_TYPES if test(info.st_mode)), "a special file")
        return f"not a regular file ({what})"
    if limit is not None and info.st_size > limit:
        return f"file is {info.st_size:,} bytes, over the {limit:,}-byte limit"
    return None


def _read_upto(stream: IO[Any], limit: int, empty: Any = b"") -> Any:
    """At most ``limit + 1`` bytes (or characters) of ``stream``: one more than allowed tells the
    caller the input is too long without reading the rest of it. Loops, as a raw stream or a pipe
    may return less than asked for."""
    chunks, size = [], 0
    while size <= limit:
        chunk = stream.read(min(_CHUNK, limit + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return empty.join(chunks)


def _decode(data: bytes) -> tuple[str | None, str | None]:
    """(text, None), or (None, why not): UTF-8, or UTF-16/32 when the bytes start with its BOM."""
    encoding = next((name for bom, name in _BOMS if data.startswith(bom)), "utf-8")
    try:
        return data.decode(encoding), None
    except UnicodeDecodeError as exc:
        if encoding == "utf-8":
            return None, f"not UTF-8 text (bad byte at offset {exc.start})"
        what = f"not {encoding.upper()} text despite its byte-order mark"
        return None, f"{what} (bad data at offset {exc.start})"


def _read_stdin(stream: TextIO, published: _dt.date | None) -> Iterator[Article | Rejected]:
    """One article from stdin, read as bytes (``stream.buffer``) and decoded like a file.

    The text layer of ``sys.stdin`` may decode with the locale's codec or with surrogate escapes,
    which lets undecodable bytes through to crash a later encode; the bytes are decoded here instead,
    and no more than ``MAX_ARTICLE_BYTES`` + 1 of them are read.
    """
    buffer = getattr(stream, "buffer", None)
    try:
        if buffer is not None:
            data = _read_upto(buffer, MAX_ARTICLE_BYTES)
        else:  # a text stream without bytes underneath (io.StringIO)
            data = _read_upto(stream, MAX_ARTICLE_CHARS, empty="")
    except UnicodeDecodeError:
        yield Rejected("stdin", "not UTF-8 text")
        return
    except (OSError, ValueError) as exc:
        yield Rejected("stdin", f"cannot read stdin ({_os_problem(exc)})")
        return
    text = data
    if len(data) > (MAX_ARTICLE_BYTES if isinstance(data, bytes) else MAX_ARTICLE_CHARS):
        unit = "bytes" if isinstance(data, bytes) else "characters"
        yield Rejected("stdin", f"stdin holds over {len(data) - 1:,} {unit}, the limit for one article")
        return
    if isinstance(data, bytes):
        text, problem = _decode(data)
        if problem:
            yield Rejected("stdin", problem)
            return
    yield _article(_dated({"id": "stdin", "text": text}, published), "stdin", "no text on stdin")


def _dated(fields: dict[str, Any], published: _dt.date | None) -> dict[str, Any]:
    """``fields`` with the ``--published`` fallback when they carry no date of their own, marked
    ``published_assumed``: the date then says when the user thinks the article appeared, not when
    it did, and later steps (dedup) must not treat it as the article's own."""
    if fields.get("published") is None and published is not None:
        fields["published"] = published
        fields["published_assumed"] = True
    return fields


def _article(fields: dict[str, Any], where: str, empty: str) -> Article | Rejected:
    """The ``Article`` for ``fields``, or why it cannot be one; every reader ends here.

    One place checks what later stages cannot cope with: text longer than ``MAX_ARTICLE_CHARS``
    (spaCy's limit), lone surrogates in any string (from a JSON ``\\ud800`` escape; they crash the
    first encode), an empty text (``empty`` is the reader's own words), a publication year outside
    ``MIN_YEAR``-``MAX_YEAR``. NUL characters become spaces (same length, offsets unchanged).
    """
    text = fields["text"]
    if len(text) > MAX_ARTICLE_CHARS:
        return Rejected(where, f"text is {len(text):,} characters, over the limit of {MAX_ARTICLE_CHARS:,}")
    for name in _STRING_FIELDS:
        value = fields.get(name)
        if isinstance(value, str):
            bad = _SURROGATE.search(value)
            if bad:
                problem = f"lone surrogate at character {bad.start()}"
                return Rejected(where, f"{name} is not valid Unicode: {problem}")
            if "\x00" in value:
                fields[name] = value.replace("\x00", " ")
    if not fields["text"].strip():
        return Rejected(where, empty)
    day = fields.get("published")
    if isinstance(day, _dt.date) and not MIN_YEAR <= day.year <= MAX_YEAR:
        return Rejected(where, f"published date {day.isoformat()} is outside the years {MIN_YEAR}-{MAX_YEAR}")
    try:
        return Article(**fields)
    except ValidationError as exc:
        first = exc.errors()[0]
        return Rejected(where, f"invalid field {first['loc']}: {first['msg']}")


def _text_article(
    data: bytes, doc_id: str, where: str, published: _dt.date | None
) -> Article | Rejected:
    """A .txt file is one article, its id the file name."""
    text, problem = _decode(data)
    if problem:
        return Rejected(where, problem)
    return _article(_dated({"id": doc_id, "text": text}, published), where, "empty file (no text)")


def _html_article(
    data: bytes, doc_id: str, where: str, published: _dt.date | None
) -> Article | Rejected:
    """The main text of an HTML page (trafilatura), without text the reader never sees.

    ``<script>``, ``<style>``, ``<noscript>``, ``<template>`` and ``<textarea>`` are removed before
    extraction, so hidden text is never coded. A parser failure on a hostile page is a ``Rejected``,
    not a stopped batch.
    """
    # Imported here: trafilatura is slow to import and only HTML input needs it.
    import trafilatura

    nothing = "no article text could be extracted from the HTML"
    try:
        tree = trafilatura.load_html(data)
        if tree is None:
            return Rejected(where, nothing)
        title = trafilatura.extract_metadata(tree).title or None
        drop_hidden(tree)
        text = trafilatura.extract(tree, include_comments=False)
    except Exception as exc:  # noqa: BLE001 - one page a third-party parser chokes on must not stop the batch
        return Rejected(where, f"HTML could not be parsed ({type(exc).__name__}: {_one_line(exc)})")
    if not text:
        return Rejected(where, nothing)
    return _article(_dated({"id": doc_id, "text": text, "title": title}, published), where, nothing)


def _read_jsonl(
    handle: IO[bytes], name: str, where: str, published: _dt.date | None
) -> Iterator[Article | Rejected]:
    """One record per line of a .jsonl (or, checked whole first, .jsonl.gz) file.

    Lines are read with a length limit, so a line of gigabytes (or a gzip bomb) is one rejected
    record and memory stays flat; a line that is not UTF-8 or not JSON is one rejected record too.
    """
    stream: IO[bytes] = handle
    if name.lower().endswith(".gz"):
        problem = _gzip_problem(handle)
        if problem:
            yield Rejected(where, problem)
            return
        handle.seek(0)
        stream = gzip.GzipFile(fileobj=handle, mode="rb")
    lineno = 0
    try:
        for lineno, raw in enumerate(_lines(stream), start=1):
            at = f"{where}:{lineno}"
            if isinstance(raw, int):
                yield Rejected(at, f"line is {raw:,} bytes, over the {MAX_LINE_BYTES:,}-byte limit")
            elif lineno == 1 and raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                yield Rejected(where, "not UTF-8 (UTF-16 byte-order mark); save the file as UTF-8")
                return
            elif raw.strip():
                yield _json_line(raw.removeprefix(codecs.BOM_UTF8) if lineno == 1 else raw,
                                 name, at, lineno, published)
    except (OSError, EOFError, zlib.error) as exc:  # a read error, or a file changed after its check
        yield Rejected(f"{where}:{lineno + 1}", f"cannot read file ({_os_problem(exc)})")


def _gzip_problem(handle: IO[bytes]) -> str | None:
    """Why the gzip file in ``handle`` cannot be trusted, or None when it is whole.

    Decompressed once to the end, keeping nothing, so that a bit flip or a cut (found only by the
    CRC and length at the end) rejects the file before any of its lines is yielded and stored.
    """
    magic = handle.read(2)
    handle.seek(0)
    if not magic:
        return None  # an empty file: no lines, like an empty .jsonl
    if magic != b"\x1f\x8b":
        return "not a gzip file"
    try:
        with gzip.GzipFile(fileobj=handle, mode="rb") as stream:
            while stream.read(_CHUNK):
                pass
    except (OSError, EOFError, zlib.error) as exc:
        return f"damaged gzip file ({_one_line(exc)}); none of its lines were read"
    return None


def _lines(stream: IO[bytes]) -> Iterator[bytes | int]:
    """The lines of ``stream``; a line over ``MAX_LINE_BYTES`` comes back as its length (an ``int``),
    read and dropped in 1 MiB pieces so that it is never held whole."""
    while True:
        raw = stream.readline(MAX_LINE_BYTES + 1)
        if not raw:
            return
        if raw.endswith(b"\n") or len(raw) <= MAX_LINE_BYTES:
            yield raw
            continue
        size = len(raw)
        while raw and not raw.endswith(b"\n"):
            raw = stream.readline(_CHUNK)
            size += len(raw)
        yield size - raw.endswith(b"\n")  # the newline is not part of the line


def _depth(value: object) -> int:
    """How deeply a decoded JSON value nests lists and objects (without recursion)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, (dict, list)):
            deepest = max(deepest, depth)
            stack.extend((v, depth + 1) for v in (value.values() if isinstance(value, dict) else value))
    return deepest


def _json_line(
    raw: bytes, file_name: str, where: str, lineno: int, published: _dt.date | None
) -> Article | Rejected:
    """One JSONL line as an ``Article`` (its id ``file.jsonl:N`` when it has none), or why not."""
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Rejected(where, f"not UTF-8 text (bad byte at offset {exc.start})")
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return Rejected(where, f"not JSON ({exc.msg} at column {exc.colno})")
    except RecursionError:
        return Rejected(where, "JSON nested too deep")
    except ValueError as exc:  # e.g. an integer of more than 4,300 digits
        return Rejected(where, f"not JSON ({_one_line(exc).split(':')[0]})")
    if line.count("[") + line.count("{") > MAX_JSON_DEPTH and _depth(record) > MAX_JSON_DEPTH:
        return Rejected(where, "JSON nested too deep")
    if not isinstance(record, dict):
        return Rejected(where, f"not a JSON object (got {type(record).__name__})")
    problem, fields = _fields(record)
    if problem:
        return Rejected(where, problem)
    fields.setdefault("id", f"{file_name}:{lineno}")
    return _article(_dated(fields, published), where, "field 'text' is empty")


def _fields(record: dict[str, Any]) -> tuple[str | None, dict[str, Any]]:
    """Check one JSON object; return (problem, fields for ``Article``)."""
    text = record.get("text")
    if not isinstance(text, str):
        return ("missing field 'text'" if text is None else "field 'text' is not a string"), {}
    if not text.strip():
        return "field 'text' is empty", {}
    fields: dict[str, Any] = {"text": text}
    if record.get("id") is not None:
        doc_id = record["id"]
        if not isinstance(doc_id, str):
            return f"field 'id' must be a string (got {type(doc_id).__name__})", {}
        if not doc_id.strip():
            return "field 'id' is empty", {}
        fields["id"] = doc_id
    for name in _OPTIONAL_STRINGS:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            return f"field '{name}' must be a string or null (got {type(value).__name__})", {}
        fields[name] = value
    value = record.get("published")
    if value is not None:
        if not isinstance(value, str):
            kind = type(value).__name__
            return f"field 'published' must be a date string or null (got {kind})", {}
        try:
            fields["published"] = parse_date(value)
        except InputError as exc:
            return f"field 'published': {exc.problem}", {}
    return None, fields
