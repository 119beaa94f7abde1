"""Read stage: turn files, directories and stdin into ``Article`` records.

Why it is shaped like this:

* A batch of thousands of articles must not stop at one bad record, so nothing here raises on
  input data. Each input yields either an ``Article`` or a ``Rejected`` that says where
  (``file.jsonl:7``) and what was wrong, and the caller decides how loudly to report it.
* Every later stage stores character offsets into ``Article.text``, so text is taken exactly as
  stored: bytes are decoded as UTF-8 and nothing is stripped, normalised or re-flowed (the one
  exception is HTML, where the text *is* what trafilatura extracts).
* Results come back lazily and in input order, so a large JSONL file streams instead of being
  loaded whole, and output lines can be matched back to input lines.
"""

from __future__ import annotations

import datetime as _dt
import gzip
import json
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from pydantic import ValidationError

from chronicle.errors import InputError
from chronicle.record import Rejected
from chronicle.schema import Article

SUPPORTED_SUFFIXES: tuple[str, ...] = (".txt", ".jsonl", ".jsonl.gz", ".html", ".htm", ".rss", ".atom", ".xml")
"""Suffixes read (compared case-insensitively); a directory yields only files with these."""

_SUPPORTED_HINT = "use .txt, .jsonl, .jsonl.gz, .html"
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATETIME_RE = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\S.*")
_OPTIONAL_STRINGS = ("title", "source", "url")


def parse_date(value: str, *, where: str = "published") -> _dt.date:
    """Parse ``YYYY-MM-DD`` or an ISO datetime (its date part is kept) into a ``date``.

    Strict on purpose: a guessed date silently shifts every relative date ("on Tuesday") in the
    article, so anything ambiguous is an ``InputError`` naming the value and the expected form.
    """
    text = value.strip()
    try:
        if _DATE_RE.fullmatch(text):
            return _dt.date.fromisoformat(text)
        if _DATETIME_RE.fullmatch(text):
            return _dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError as exc:
        raise InputError(where, f"impossible date {value!r} ({exc})") from None
    raise InputError(where, f"bad date {value!r} (use YYYY-MM-DD or an ISO datetime)")


def read_paths(
    paths: Iterable[str],
    *,
    published: _dt.date | None = None,
    stdin: TextIO | None = None,
) -> Iterator[Article | Rejected]:
    """Yield an ``Article`` or a ``Rejected`` for every record of every path, in input order.

    ``-`` reads one article from ``stdin`` (``sys.stdin`` when not given). ``published`` is the
    date for articles that carry none of their own; an article's own date always wins.
    """
    for raw in paths:
        if raw == "-":
            yield from _read_stdin(stdin if stdin is not None else sys.stdin, published)
            continue
        path = Path(raw)
        if not raw:
            yield Rejected("''", "no such file (empty path)")
        elif path.is_dir():
            children = _walk(path)
            if not children:
                yield Rejected(raw, f"directory holds no supported files ({_SUPPORTED_HINT})")
            for child in children:
                yield from _read_file(child, str(child), published)
        elif not path.exists():
            yield Rejected(raw, "no such file")
        else:
            yield from _read_file(path, raw, published)


def _walk(root: Path) -> list[Path]:
    """Supported files under ``root``, recursively, sorted; hidden files and folders skipped."""
    found = []
    for child in root.rglob("*"):
        rel = child.relative_to(root).parts
        if any(part.startswith(".") for part in rel) or not child.is_file():
            continue
        if _kind(child.name) is not None:
            found.append(child)
    return sorted(found)


def _kind(name: str) -> str | None:
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
    kind = _kind(path.name)
    if kind is None:
        suffix = _suffix(path.name)
        what = f"'{suffix}'" if suffix else "(no suffix)"
        yield Rejected(where, f"unsupported file type {what} ({_SUPPORTED_HINT})")
        return
    if kind == "jsonl":
        yield from _read_jsonl(path, where, published)
        return
    if kind == "feed":  # RSS / Atom: one article per entry (feedparser, imported only for feeds)
        from chronicle.io.feeds import read_feed

        yield from read_feed(path, where, published)
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield Rejected(where, f"cannot read file ({exc.strerror or exc})")
        return
    if kind == "txt":
        yield _text_article(data, path.name, where, published)
    else:
        yield _html_article(data, path.name, where, published)


def _read_stdin(stream: TextIO, published: _dt.date | None) -> Iterator[Article | Rejected]:
    try:
        text = stream.read()
    except UnicodeDecodeError:
        yield Rejected("stdin", "not UTF-8 text")
        return
    if not text.strip():
        yield Rejected("stdin", "no text on stdin")
        return
    yield Article(id="stdin", text=text, published=published)


def _text_article(
    data: bytes, doc_id: str, where: str, published: _dt.date | None
) -> Article | Rejected:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Rejected(where, f"not UTF-8 text (bad byte at offset {exc.start})")
    if not text.strip():
        return Rejected(where, "empty file (no text)")
    return Article(id=doc_id, text=text, published=published)


def _html_article(
    data: bytes, doc_id: str, where: str, published: _dt.date | None
) -> Article | Rejected:
    # Imported here: trafilatura is slow to import and only HTML input needs it.
    import trafilatura

    text = trafilatura.extract(data, include_comments=False)
    if not text or not text.strip():
        return Rejected(where, "no article text could be extracted from the HTML")
    title = None
    tree = trafilatura.load_html(data)
    if tree is not None:
        title = trafilatura.extract_metadata(tree).title or None
    return Article(id=doc_id, text=text, title=title, published=published)


def _read_jsonl(path: Path, where: str, published: _dt.date | None) -> Iterator[Article | Rejected]:
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    lineno = 0
    try:
        with opener(path, "rb") as handle:
            for lineno, raw in enumerate(handle, start=1):
                if raw.strip():
                    yield _json_line(raw, path.name, f"{where}:{lineno}", lineno, published)
    except (OSError, EOFError, zlib.error) as exc:
        # A damaged .gz can fail after good lines; those were already yielded.
        at = f"{where}:{lineno + 1}" if lineno else where
        if isinstance(exc, gzip.BadGzipFile) and not lineno:
            yield Rejected(at, "not a gzip file")
        else:
            yield Rejected(at, f"cannot read file ({getattr(exc, 'strerror', None) or exc})")


def _json_line(
    raw: bytes, file_name: str, where: str, lineno: int, published: _dt.date | None
) -> Article | Rejected:
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError:
        return Rejected(where, "not UTF-8 text")
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return Rejected(where, f"not JSON ({exc.msg} at column {exc.colno})")
    if not isinstance(record, dict):
        return Rejected(where, f"not a JSON object (got {type(record).__name__})")
    problem, fields = _fields(record)
    if problem:
        return Rejected(where, problem)
    fields.setdefault("id", f"{file_name}:{lineno}")
    if fields.get("published") is None:
        fields["published"] = published
    try:
        return Article(**fields)
    except ValidationError as exc:
        first = exc.errors()[0]
        return Rejected(where, f"invalid field {first['loc']}: {first['msg']}")


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
