"""Hostile input to the read stage: nothing crashes or stalls, each bad record is one ``Rejected``
with a one-line reason naming where it was, and the good records around it are still read in order.
Resource limits are checked without reading the whole input (every test here runs in well under 2 s).
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import os
import socket
import threading
import time
import tracemalloc
from pathlib import Path

import pytest
from click.testing import CliRunner

from chronicle.errors import InputError
from chronicle.io import read
from chronicle.io.feeds import html_to_text
from chronicle.io.read import (
    MAX_ARTICLE_BYTES, MAX_ARTICLE_CHARS, MAX_FEED_BYTES, MAX_LINE_BYTES, parse_date, read_paths,
)
from chronicle.record import Rejected
from chronicle.schema import Article

GOOD = json.dumps({"id": "before", "text": "Police arrested 45 people."})
AFTER = json.dumps({"id": "after", "text": "Troops left the town."})


def read_all(*paths, **kwargs) -> list[Article | Rejected]:
    return list(read_paths([os.fsdecode(p) for p in paths], **kwargs))


def sandwich(path: Path, middle: bytes | str) -> list[Article | Rejected]:
    """Read a JSONL file whose line 2 is ``middle`` between two good records; check the good ones."""
    middle = middle.encode("utf-8") if isinstance(middle, str) else middle
    path.write_bytes(GOOD.encode() + b"\n" + middle + b"\n" + AFTER.encode() + b"\n")
    results = read_all(path)
    assert [type(r).__name__ for r in results] == ["Article", "Rejected", "Article"], results
    assert (results[0].id, results[2].id) == ("before", "after")
    return results


def assert_one_line(item: Rejected) -> None:
    text = str(item)
    assert "\n" not in text and text.isprintable(), text
    text.encode("utf-8")  # no lone surrogate left to crash a writer


def finishes(function, seconds: float = 2.0):
    """Run ``function`` in a thread; fail (instead of hanging the suite) if it blocks."""
    box = {}
    thread = threading.Thread(target=lambda: box.update(value=function()), daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "the read blocked"
    return box["value"]


# 1. lone surrogates ------------------------------------------------------------------------------

@pytest.mark.parametrize("field", ["text", "id", "title", "source", "url"])
def test_lone_surrogate_in_any_string_field_is_rejected(tmp_path, field):
    record = {"text": "Police arrested 45 people."}
    record[field] = "ab\ud800cd"
    results = sandwich(tmp_path / "s.jsonl", json.dumps(record))
    assert results[1] == Rejected(f"{tmp_path / 's.jsonl'}:2",
                                  f"{field} is not valid Unicode: lone surrogate at character 2")


def test_surrogate_pair_escape_is_fine(tmp_path):
    path = tmp_path / "pair.jsonl"
    path.write_text('{"text": "Flag \\ud83c\\uddf0\\ud83c\\uddea of Kenya."}\n')
    [article] = read_all(path)
    assert article.text == "Flag \U0001F1F0\U0001F1EA of Kenya."


def test_lone_surrogate_on_a_text_stdin_is_rejected():
    assert read_all("-", stdin=io.StringIO("x\udc80y")) == [
        Rejected("stdin", "text is not valid Unicode: lone surrogate at character 1")]


# 2. deep JSON and other JSON the decoder chokes on ------------------------------------------------

@pytest.mark.parametrize(("line", "reason"), [
    ("[" * 100_000, "JSON nested too deep"),
    ('{"text": "Story.", "extra": ' + "[" * 5000 + "]" * 5000 + "}", "JSON nested too deep"),
    ('{"text": "Story.", "n": ' + "7" * 5000 + "}",
     "not JSON (Exceeds the limit (4300 digits) for integer string conversion)"),
])
def test_json_the_decoder_cannot_take_is_one_rejected_line(tmp_path, line, reason):
    path = tmp_path / "deep.jsonl"
    assert sandwich(path, line)[1] == Rejected(f"{path}:2", reason)


# 3. text over MAX_ARTICLE_CHARS ---------------------------------------------------------------------

def test_limits_are_the_documented_ones():
    assert MAX_ARTICLE_CHARS == 1_000_000
    assert MAX_ARTICLE_BYTES == 4 * MAX_ARTICLE_CHARS
    assert MAX_LINE_BYTES == 6 * MAX_ARTICLE_CHARS + 64 * 1024
    assert "MAX_ARTICLE_CHARS" in read.__doc__ and "1,000,000" in read.__doc__


def test_txt_at_the_limit_is_read_and_over_it_rejected(tmp_path):
    fits, over = tmp_path / "fits.txt", tmp_path / "over.txt"
    fits.write_text("a" * MAX_ARTICLE_CHARS, encoding="utf-8")
    over.write_text("\u00e9" * (MAX_ARTICLE_CHARS + 1), encoding="utf-8")  # 2 MB: under the byte limit
    first, second = read_all(fits, over)
    assert isinstance(first, Article) and len(first.text) == MAX_ARTICLE_CHARS
    assert second == Rejected(str(over), "text is 1,000,001 characters, over the limit of 1,000,000")


def test_jsonl_record_over_the_limit_keeps_its_neighbours(tmp_path):
    path = tmp_path / "big.jsonl"
    results = sandwich(path, json.dumps({"text": "a" * (MAX_ARTICLE_CHARS + 5)}))
    assert results[1] == Rejected(f"{path}:2", "text is 1,000,005 characters, over the limit of 1,000,000")


def test_longest_text_in_unicode_escapes_fits_in_one_line(tmp_path):
    """json.dumps escapes non-ASCII as \\uXXXX: 6 bytes a character must still fit a line."""
    path = tmp_path / "arabic.jsonl"
    path.write_text(json.dumps({"text": "\u0634" * MAX_ARTICLE_CHARS}) + "\n", encoding="utf-8")
    [article] = read_all(path)
    assert isinstance(article, Article) and len(article.text) == MAX_ARTICLE_CHARS


def test_stdin_over_the_limit_is_rejected():
    assert read_all("-", stdin=io.StringIO("a" * (MAX_ARTICLE_CHARS + 10))) == [
        Rejected("stdin", "stdin holds over 1,000,000 characters, the limit for one article")]


def test_html_and_feed_text_over_the_limit_are_rejected(tmp_path, monkeypatch):
    monkeypatch.setattr(read, "MAX_ARTICLE_CHARS", 100)
    page = tmp_path / "long.html"
    paragraphs = "".join(f"<p>Police arrested {i} people in district {i} on Monday, officials said.</p>"
                         for i in range(20))
    page.write_text(f"<html><body><article>{paragraphs}</article></body></html>", encoding="utf-8")
    feed = tmp_path / "long.rss"
    feed.write_text(rss_item(f"<description>{'word ' * 40}</description>")
                    + rss_item("<description>Short story.</description>"), encoding="utf-8")
    page_result, long_entry, short_entry = read_all(page, feed)
    assert isinstance(page_result, Rejected) and page_result.where == str(page)
    assert page_result.reason.startswith("text is ") and page_result.reason.endswith(" over the limit of 100")
    assert long_entry == Rejected(f"{feed}#1", "text is 199 characters, over the limit of 100")
    assert isinstance(short_entry, Article) and short_entry.text == "Short story."


def rss_item(*items: str) -> str:
    body = "".join(f"<item><title>t</title>{item}</item>" for item in items)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{body}</channel></rss>'


# 4. bytes that are not UTF-8 (stdin and files) ------------------------------------------------------

class Endless(io.RawIOBase):
    """A stdin that never ends (like ``yes | chronicle code -``)."""

    def readable(self):
        return True

    def readinto(self, buffer):
        buffer[:] = b"a" * len(buffer)
        return len(buffer)


def test_stdin_bytes_that_are_not_utf8_are_rejected():
    # a C-locale stdin decodes with surrogate escapes: the bytes must be read, not the text layer
    stream = io.TextIOWrapper(io.BytesIO(b"Caf\xe9 talks."), encoding="utf-8", errors="surrogateescape")
    assert read_all("-", stdin=stream) == [Rejected("stdin", "not UTF-8 text (bad byte at offset 3)")]


def test_endless_stdin_is_cut_at_the_byte_limit():
    stream = io.TextIOWrapper(io.BufferedReader(Endless()), encoding="utf-8")
    assert finishes(lambda: read_all("-", stdin=stream)) == [
        Rejected("stdin", "stdin holds over 4,000,000 bytes, the limit for one article")]


def test_stdin_utf16_with_bom_is_decoded():
    stream = io.TextIOWrapper(io.BytesIO("Troops left Kharkiv.".encode("utf-16")), encoding="utf-8")
    assert read_all("-", stdin=stream) == [Article(id="stdin", text="Troops left Kharkiv.")]


def test_jsonl_undecodable_line_is_one_record(tmp_path):
    path = tmp_path / "latin1.jsonl"
    assert sandwich(path, '{"text": "Caf\u00e9"}'.encode("latin-1"))[1] == Rejected(
        f"{path}:2", "not UTF-8 text (bad byte at offset 13)")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32"])
def test_txt_with_a_utf16_or_utf32_bom_is_decoded(tmp_path, encoding):
    path = tmp_path / "wide.txt"
    bom = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff", "utf-32": b""}[encoding]
    path.write_bytes(bom + "Fatah and Hamas met in Cairo.\n".encode(encoding))
    [article] = read_all(path)
    assert article.text == "Fatah and Hamas met in Cairo.\n"


def test_broken_utf16_and_utf16_jsonl_are_rejected(tmp_path):
    odd = tmp_path / "odd.txt"
    odd.write_bytes(b"\xff\xfeA\x00\x00\xd8")  # BOM, "A", then a lone high surrogate
    wide = tmp_path / "wide.jsonl"
    wide.write_bytes(GOOD.encode("utf-16"))
    assert read_all(odd, wide) == [
        Rejected(str(odd), "not UTF-16 text despite its byte-order mark (bad data at offset 4)"),
        Rejected(str(wide), "not UTF-8 (UTF-16 byte-order mark); save the file as UTF-8"),
    ]


def test_jsonl_utf8_bom_on_the_first_line_is_skipped(tmp_path):
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD.encode() + b"\n")
    assert [a.id for a in read_all(path)] == ["before"]


# 5. file names that are not UTF-8 -------------------------------------------------------------------

def make(folder: Path, name: bytes, data: bytes) -> None:
    with open(os.fsencode(folder) + b"/" + name, "wb") as handle:
        handle.write(data)


def test_folder_with_undecodable_and_control_names_does_not_crash(tmp_path):
    make(tmp_path, b"bad\xfe.txt", b"Police arrested 45 people.")
    make(tmp_path, b"bad\xff.txt", b"   ")
    make(tmp_path, b"two\nlines.txt", b"")
    results = read_all(tmp_path)
    assert [type(r).__name__ for r in results] == ["Article", "Rejected", "Rejected"]
    assert results[0].id == "bad\\xfe.txt"
    assert results[0].id.encode("utf-8")
    assert results[1] == Rejected(f"{tmp_path}/bad\\xff.txt", "empty file (no text)")
    assert results[2] == Rejected(f"{tmp_path}/two\\nlines.txt", "empty file (no text)")
    for item in results[1:]:
        assert_one_line(item)


def test_undecodable_path_argument_is_printable(tmp_path):
    missing = os.fsdecode(os.fsencode(tmp_path) + b"/gone\xff.txt")
    [item] = read_all(missing)
    assert item == Rejected(f"{tmp_path}/gone\\xff.txt", "no such file")
    assert_one_line(item)


@pytest.mark.parametrize(("make_path", "reason"), [
    (lambda tmp: tmp / ("a" * 5000 + ".txt"), "cannot read file (File name too long)"),
    (lambda tmp: f"{tmp}/nul\x00.txt", "cannot read file (embedded null byte)"),
    (lambda tmp: tmp / "file.txt" / "inside.txt", "no such file"),
])
def test_odd_paths_are_rejected(tmp_path, make_path, reason):
    (tmp_path / "file.txt").write_text("Story.")
    [item] = read_all(make_path(tmp_path))
    assert item.reason == reason
    assert_one_line(item)


# 6. bounded resources ---------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["zero.txt", "zero.jsonl", "zero.html", "zero.rss"])
def test_link_to_dev_zero_is_refused_before_reading(tmp_path, name):
    link = tmp_path / name
    link.symlink_to("/dev/zero")
    assert finishes(lambda: read_all(link)) == [Rejected(str(link), "not a regular file (a character device)")]


@pytest.mark.parametrize("name", ["pipe.txt", "pipe.jsonl"])
def test_fifo_is_refused_without_blocking(tmp_path, name):
    fifo = tmp_path / name
    os.mkfifo(fifo)
    assert finishes(lambda: read_all(fifo)) == [Rejected(str(fifo), "not a regular file (a FIFO)")]


def test_fifo_in_a_folder_is_reported_and_the_rest_read(tmp_path):
    (tmp_path / "a.txt").write_text("Police arrested 45 people.")
    os.mkfifo(tmp_path / "b.txt")
    (tmp_path / "c.txt").write_text("Troops left the town.")
    results = finishes(lambda: read_all(tmp_path))
    assert [getattr(r, "id", None) for r in results] == ["a.txt", None, "c.txt"]
    assert results[1] == Rejected(str(tmp_path / "b.txt"), "not a regular file (a FIFO)")


def test_socket_is_refused(tmp_path):
    path = tmp_path / "s.txt"
    if len(str(path)) > 100:
        pytest.skip("temporary path too long for a Unix socket")
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        assert read_all(path) == [Rejected(str(path), "not a regular file (a socket)")]


@pytest.mark.parametrize(("name", "limit"), [
    ("huge.txt", MAX_ARTICLE_BYTES), ("huge.html", MAX_ARTICLE_BYTES), ("huge.rss", MAX_FEED_BYTES)])
def test_sparse_5gb_file_is_refused_from_its_size(tmp_path, name, limit):
    path = tmp_path / name
    with open(path, "wb") as handle:
        handle.truncate(5_000_000_000)
    start = time.monotonic()
    assert read_all(path) == [Rejected(str(path), f"file is 5,000,000,000 bytes, over the {limit:,}-byte limit")]
    assert time.monotonic() - start < 0.5


def test_jsonl_line_over_the_limit_is_skipped_and_the_next_read(tmp_path):
    path = tmp_path / "long.jsonl"
    line = b'{"text": "' + b"a" * (MAX_LINE_BYTES + 10) + b'"}'
    results = sandwich(path, line)
    assert results[1] == Rejected(f"{path}:2", f"line is {len(line):,} bytes, over the {MAX_LINE_BYTES:,}-byte limit")


def test_last_line_over_the_limit_without_newline(tmp_path):
    path = tmp_path / "tail.jsonl"
    path.write_bytes(GOOD.encode() + b"\n" + b"x" * (MAX_LINE_BYTES + 1))
    first, second = read_all(path)
    assert first.id == "before"
    assert second == Rejected(f"{path}:2", f"line is {MAX_LINE_BYTES + 1:,} bytes, over the {MAX_LINE_BYTES:,}-byte limit")


def test_gzip_bomb_line_is_bounded_and_memory_stays_flat(tmp_path):
    """A 100 MiB line compressed to ~100 KB: one rejected line, and never held in memory."""
    mib = gzip.compress(b"a" * (1 << 20), compresslevel=1)
    path = tmp_path / "bomb.jsonl.gz"
    path.write_bytes(gzip.compress(GOOD.encode() + b'\n{"text": "') + mib * 100
                     + gzip.compress(b'"}\n' + AFTER.encode() + b"\n"))
    tracemalloc.start()
    try:
        results = read_all(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    size = 10 + 100 * (1 << 20) + 2
    assert [getattr(r, "id", None) for r in results] == ["before", None, "after"]
    assert results[1] == Rejected(f"{path}:2", f"line is {size:,} bytes, over the {MAX_LINE_BYTES:,}-byte limit")
    assert peak < 3 * MAX_LINE_BYTES < size


def test_many_blank_lines_are_counted_not_stored(tmp_path):
    path = tmp_path / "many.jsonl"
    path.write_bytes(b"\n" * 300_000 + json.dumps({"text": "Story."}).encode() + b"\n")
    [article] = read_all(path)
    assert article.id == "many.jsonl:300001"


# 7. damaged .jsonl.gz: verified whole before any line -------------------------------------------------

def gz_batch(count: int = 200) -> bytes:
    lines = b"".join(json.dumps({"id": f"a{i}", "text": f"Story number {i}."}).encode() + b"\n"
                     for i in range(count))
    return gzip.compress(lines)


@pytest.mark.parametrize(("damage", "reason_start"), [
    (lambda data: data[: len(data) // 2], "damaged gzip file (Compressed file ended before the end-of-stream"),
    (lambda data: data[:-8] + bytes([data[-8] ^ 0xFF]) + data[-7:], "damaged gzip file (CRC check failed"),
    (lambda data: data[:-4] + bytes([data[-4] ^ 0x01]) + data[-3:], "damaged gzip file (Incorrect length"),
    (lambda data: data + b"trailing junk", "damaged gzip file (Not a gzipped file"),
    (lambda data: data[:200] + bytes([data[200] ^ 0x10]) + data[201:], "damaged gzip file ("),
])
def test_damaged_gzip_yields_one_rejected_and_no_article(tmp_path, damage, reason_start):
    path = tmp_path / "batch.jsonl.gz"
    path.write_bytes(damage(gz_batch()))
    [item] = read_all(path)
    assert isinstance(item, Rejected) and item.where == str(path)
    assert item.reason.startswith(reason_start) and item.reason.endswith("; none of its lines were read")
    assert_one_line(item)


def test_whole_gzip_and_empty_gzip_are_read(tmp_path):
    whole, empty = tmp_path / "whole.jsonl.gz", tmp_path / "empty.jsonl.gz"
    whole.write_bytes(gz_batch(3))
    empty.write_bytes(b"")
    assert [a.id for a in read_all(whole, empty)] == ["a0", "a1", "a2"]


# 8. HTML: text the reader never sees is not coded -------------------------------------------------------

HIDDEN = """<html><head><title>Rivals agree</title><style>p {color: red} SECRETSTYLE</style></head><body>
<article><p>Fatah and Hamas have reached a reconciliation agreement following talks in Cairo, the political
bureau chief of Hamas announced on Thursday morning in a statement to reporters.</p>
<template><p>SECRETTEMPLATE: rebels attacked the capital and killed forty soldiers at dawn on Monday.</p></template>
<textarea>SECRETTEXTAREA: rebels attacked the capital and killed forty soldiers at dawn on Monday.</textarea>
<noscript><p>SECRETNOSCRIPT: rebels attacked the capital and killed forty soldiers at dawn on Monday.</p></noscript>
<script>var SECRETSCRIPT = "rebels attacked the capital";</script>
<p>The details of the agreement are expected to be revealed during a press conference in the
afternoon, officials from both factions told reporters waiting outside the building.</p>
</article></body></html>"""


def test_html_hidden_elements_are_not_extracted(tmp_path):
    path = tmp_path / "hidden.html"
    path.write_text(HIDDEN, encoding="utf-8")
    [article] = read_all(path)
    assert isinstance(article, Article), article
    assert "reconciliation agreement" in article.text and "press conference" in article.text
    assert "SECRET" not in article.text
    assert article.title == "Rivals agree"


def test_feed_html_hidden_elements_are_dropped():
    markup = ("<p>Talks ended.</p><template>T</template><textarea>X</textarea>"
              "<noscript><script>s()</script>N</noscript>tail<style>p{}</style>")
    assert html_to_text(markup) == "Talks ended.\n\ntail"


def test_html_parser_failure_is_a_rejected_page(tmp_path, monkeypatch):
    import trafilatura

    def explode(*args, **kwargs):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(trafilatura, "extract", explode)
    path = tmp_path / "bad.html"
    path.write_text(HIDDEN, encoding="utf-8")
    assert read_all(path) == [
        Rejected(str(path), "HTML could not be parsed (RecursionError: maximum recursion depth exceeded)")]


# 9. publication dates the later stages can compute with -------------------------------------------------

@pytest.mark.parametrize(("value", "reason"), [
    ("0001-01-01", "field 'published': date '0001-01-01' is outside the years 1000-2999"),
    ("9999-12-31", "field 'published': date '9999-12-31' is outside the years 1000-2999"),
    ("0999-12-31", "field 'published': date '0999-12-31' is outside the years 1000-2999"),
    ("3000-01-01T00:00:00Z", "field 'published': date '3000-01-01T00:00:00Z' is outside the years 1000-2999"),
    ("\u0662\u0660\u0661\u0667-01-01",
     "field 'published': bad date '\u0662\u0660\u0661\u0667-01-01' (use YYYY-MM-DD or an ISO datetime)"),
    ("2017-01-01" + "x" * 200,
     "field 'published': bad date '2017-01-01xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'... "
     "(210 characters) (use YYYY-MM-DD or an ISO datetime)"),
])
def test_published_outside_the_years_is_rejected(tmp_path, value, reason):
    path = tmp_path / "dates.jsonl"
    assert sandwich(path, json.dumps({"text": "Story.", "published": value}))[1] == Rejected(f"{path}:2", reason)


@pytest.mark.parametrize("value", ["1000-01-01", "2999-12-31"])
def test_published_at_the_edges_is_accepted(value):
    assert parse_date(value) == dt.date.fromisoformat(value)


def test_published_option_has_the_same_limit():
    with pytest.raises(InputError) as info:
        parse_date("0001-01-01", where="--published")
    assert (info.value.where, info.value.problem) == ("--published", "date '0001-01-01' is outside the years 1000-2999")
    from chronicle.cli import cli

    result = CliRunner().invoke(cli, ["code", "-", "--published", "9999-12-31"], input="Story.")
    assert result.exit_code == 2
    assert "date '9999-12-31' is outside the years 1000-2999" in result.output


def test_default_published_outside_the_years_is_rejected(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Story.")
    assert read_all(path, published=dt.date(1, 1, 1)) == [
        Rejected(str(path), "published date 0001-01-01 is outside the years 1000-2999")]


def test_feed_dates_out_of_range_or_unreadable(tmp_path):
    path = tmp_path / "dates.rss"
    path.write_text(rss_item("<pubDate>Fri, 31 Dec 9999 10:00:00 GMT</pubDate><description>One.</description>",
                             "<pubDate>0000-00-00</pubDate><description>Two.</description>",
                             "<description>Three.</description>"), encoding="utf-8")
    first, second, third = read_all(path, published=dt.date(2020, 5, 1))
    assert first == Rejected(f"{path}#1", "published date 9999-12-31 is outside the years 1000-2999")
    assert (second.text, second.published) == ("Two.", dt.date(2020, 5, 1))
    assert third.text == "Three."


# also: empty text, NUL characters --------------------------------------------------------------------------

def test_nul_characters_become_spaces_keeping_offsets(tmp_path):
    txt = tmp_path / "nul.txt"
    txt.write_bytes(b"Police\x00arrested 45\x00people.")
    jsonl = tmp_path / "nul.jsonl"
    jsonl.write_text(json.dumps({"id": "n\x00", "text": "Troops\x00left.", "title": "T\x00"}) + "\n")
    first, second = read_all(txt, jsonl)
    assert first.text == "Police arrested 45 people."
    assert (second.id, second.text, second.title) == ("n ", "Troops left.", "T ")
    assert read_all("-", stdin=io.StringIO("a\x00b")) == [Article(id="stdin", text="a b")]


@pytest.mark.parametrize("data", [b"", b" \n\t ", b"\x00\x00\n"])
def test_empty_whitespace_or_nul_only_text_is_rejected(tmp_path, data):
    txt = tmp_path / "blank.txt"
    txt.write_bytes(data)
    jsonl = tmp_path / "blank.jsonl"
    results = sandwich(jsonl, json.dumps({"text": data.decode()}))
    assert results[1] == Rejected(f"{jsonl}:2", "field 'text' is empty")
    assert read_all(txt) == [Rejected(str(txt), "empty file (no text)")]
