"""Tests for the read stage: every format, and bad records rejected without stopping the batch."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
from pathlib import Path

import pytest

from chronicle.errors import InputError
from chronicle.schema import Article
from chronicle.record import Rejected
from chronicle.io.read import parse_date, read_paths

SAMPLES = Path(__file__).resolve().parents[1] / "samples"

STORY = "Fatah and Hamas reached an agreement in Cairo.\r\n\nThe talks ended on Thursday.  \n"
HTML = """<html><head><title>Rivals agree in Cairo</title></head><body>
<nav>Home | World | Sport</nav>
<article><h1>Rivals agree in Cairo</h1>
<p>Fatah and Hamas have reached a reconciliation agreement following talks in Cairo, the political
bureau chief of Hamas announced on Thursday morning in a statement to reporters.</p>
<p>The details of the agreement are expected to be revealed during a press conference in the
afternoon, officials from both factions told reporters waiting outside the building.</p>
</article><footer>Copyright 2017</footer></body></html>"""


def read_all(*paths: str | Path, **kwargs) -> list[Article | Rejected]:
    return list(read_paths([str(p) for p in paths], **kwargs))


def write_jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_read_txt_keeps_text_exactly(tmp_path):
    path = tmp_path / "fatah-hamas-cairo.txt"
    path.write_bytes(STORY.encode("utf-8"))
    [article] = read_all(path)
    assert isinstance(article, Article)
    assert article.id == "fatah-hamas-cairo.txt"
    assert article.text == STORY  # \r\n, blank lines and trailing spaces untouched
    assert article.published is None


def test_read_txt_not_utf8_is_rejected(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Caf\xe9 talks in Bogot\xe1.".encode("latin-1"))
    [result] = read_all(path)
    assert isinstance(result, Rejected)
    assert result.where == str(path)
    assert result.reason.startswith("not UTF-8 text")


def test_read_txt_empty_is_rejected(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("  \n\n", encoding="utf-8")
    [result] = read_all(path)
    assert result == Rejected(str(path), "empty file (no text)")


@pytest.mark.parametrize("compressed", [False, True], ids=["jsonl", "jsonl.gz"])
def test_read_jsonl_fields(tmp_path, compressed):
    record = {
        "id": "a1", "text": "Police arrested 45 people.", "title": "Arrests",
        "published": "2023-08-16", "source": "Wire", "url": "https://example.org/a1", "extra": 1,
    }
    data = (json.dumps(record) + "\n").encode("utf-8")
    path = tmp_path / ("in.jsonl.gz" if compressed else "in.jsonl")
    path.write_bytes(gzip.compress(data) if compressed else data)
    [article] = read_all(path)
    assert article == Article(
        id="a1", text="Police arrested 45 people.", title="Arrests",
        published=dt.date(2023, 8, 16), source="Wire", url="https://example.org/a1",
    )


def test_read_jsonl_bad_line_keeps_the_good_ones(tmp_path):
    path = write_jsonl(tmp_path / "batch.jsonl", [
        json.dumps({"id": "one", "text": "First story."}),
        "{not json",
        "",
        json.dumps({"text": "Third story without id."}),
    ])
    results = read_all(path)
    assert [type(r).__name__ for r in results] == ["Article", "Rejected", "Article"]
    assert results[0].id == "one"
    assert results[1].where == f"{path}:2"
    assert results[1].reason.startswith("not JSON")
    assert results[2].id == "batch.jsonl:4"  # blank line 3 skipped but counted


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('["a list"]', "not a JSON object (got list)"),
        ('{"id": "x"}', "missing field 'text'"),
        ('{"text": ""}', "field 'text' is empty"),
        ('{"text": 42}', "field 'text' is not a string"),
        ('{"id": 7, "text": "Story."}', "field 'id' must be a string (got int)"),
        ('{"text": "Story.", "title": ["x"]}', "field 'title' must be a string or null (got list)"),
        ('{"text": "Story.", "published": "2017-02-30"}',
         "field 'published': impossible date '2017-02-30' (day is out of range for month)"),
        ('{"text": "Story.", "published": "last Tuesday"}',
         "field 'published': bad date 'last Tuesday' (use YYYY-MM-DD or an ISO datetime)"),
        ('{"text": "Story.", "published": 20170212}',
         "field 'published' must be a date string or null (got int)"),
    ],
)
def test_read_jsonl_rejects_bad_record(tmp_path, line, reason):
    path = write_jsonl(tmp_path / "x.jsonl", [json.dumps({"text": "Good."}), line])
    good, bad = read_all(path)
    assert isinstance(good, Article)
    assert bad == Rejected(f"{path}:2", reason)


def test_read_jsonl_not_gzip_is_rejected(tmp_path):
    path = tmp_path / "fake.jsonl.gz"
    path.write_text('{"text": "plain"}\n', encoding="utf-8")
    assert read_all(path) == [Rejected(str(path), "not a gzip file")]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2017-10-12", dt.date(2017, 10, 12)),
        ("2017-10-12T08:30:00", dt.date(2017, 10, 12)),
        ("2017-10-12T08:30:00Z", dt.date(2017, 10, 12)),
        ("2017-10-12 08:30:00+03:00", dt.date(2017, 10, 12)),
        (" 2017-10-12 ", dt.date(2017, 10, 12)),
    ],
)
def test_parse_date_accepts(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("2017-02-30", "impossible date '2017-02-30' (day is out of range for month)"),
        ("2017-13-01", "impossible date '2017-13-01' (month must be in 1..12)"),
        ("12/10/2017", "bad date '12/10/2017' (use YYYY-MM-DD or an ISO datetime)"),
        ("2017-10", "bad date '2017-10' (use YYYY-MM-DD or an ISO datetime)"),
        ("", "bad date '' (use YYYY-MM-DD or an ISO datetime)"),
    ],
)
def test_parse_date_rejects(value, problem):
    with pytest.raises(InputError) as info:
        parse_date(value, where="--published")
    assert info.value.where == "--published"
    assert info.value.problem == problem


def test_read_html_extracts_main_text(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(HTML, encoding="utf-8")
    [article] = read_all(path)
    assert isinstance(article, Article), article
    assert article.id == "page.html"
    assert "reached a reconciliation agreement" in article.text
    assert "Home | World" not in article.text
    assert article.title == "Rivals agree in Cairo"


@pytest.mark.parametrize("name", ["empty.html", "shell.htm"])
def test_read_html_without_text_is_rejected(tmp_path, name):
    path = tmp_path / name
    html = "<html><body><script>var a = 1;</script><img src='x.png'></body></html>"
    path.write_text(html, encoding="utf-8")
    assert read_all(path) == [Rejected(str(path), "no article text could be extracted from the HTML")]


def test_read_stdin():
    [article] = read_all("-", stdin=io.StringIO(STORY), published=dt.date(2017, 10, 12))
    assert article == Article(id="stdin", text=STORY, published=dt.date(2017, 10, 12), published_assumed=True)


def test_the_published_fallback_is_marked_as_assumed(tmp_path):
    """--published dates only the articles that carry no date, and says so; an article's own date
    (JSONL field, feed entry) is never marked."""
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"text": "x", "published": "2020-01-02"}\n{"text": "y"}\n',
                                      encoding="utf-8")
    (tmp_path / "c.rss").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>'
        "<item><title>t</title><description>Undated entry</description></item>"
        "<item><title>u</title><pubDate>Mon, 06 Jan 2020 10:00:00 GMT</pubDate>"
        "<description>Dated entry</description></item></channel></rss>", encoding="utf-8")
    fallback = dt.date(2021, 5, 5)
    got = {a.id: (a.published, a.published_assumed) for a in read_all(tmp_path, published=fallback)}
    assert got == {"a.txt": (fallback, True), "b.jsonl:1": (dt.date(2020, 1, 2), False),
                   "b.jsonl:2": (fallback, True), "c.rss#1": (fallback, True),
                   "c.rss#2": (dt.date(2020, 1, 6), False)}
    without = {a.id: (a.published, a.published_assumed) for a in read_all(tmp_path)}
    assert without["a.txt"] == without["c.rss#1"] == (None, False)


def test_read_stdin_empty_is_rejected():
    assert read_all("-", stdin=io.StringIO("\n")) == [Rejected("stdin", "no text on stdin")]


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("notes.pdf", "unsupported file type '.pdf' (use .txt, .jsonl, .jsonl.gz, .html)"),
        ("dump.json.gz", "unsupported file type '.json.gz' (use .txt, .jsonl, .jsonl.gz, .html)"),
        ("README", "unsupported file type (no suffix) (use .txt, .jsonl, .jsonl.gz, .html)"),
    ],
)
def test_read_unsupported_type(tmp_path, name, reason):
    path = tmp_path / name
    path.write_bytes(b"%PDF-1.4")
    assert read_all(path) == [Rejected(str(path), reason)]


def test_read_missing_file_keeps_going(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("A story.", encoding="utf-8")
    missing = tmp_path / "nope.txt"
    results = read_all(missing, good)
    assert results[0] == Rejected(str(missing), "no such file")
    assert isinstance(results[1], Article) and results[1].id == "good.txt"


def test_read_directory_recursive_sorted(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Two.", encoding="utf-8")
    (tmp_path / "a" / "one.txt").write_text("One.", encoding="utf-8")
    (tmp_path / "a" / "skip.pdf").write_bytes(b"%PDF")
    (tmp_path / ".hidden" / "secret.txt").write_text("Hidden.", encoding="utf-8")
    write_jsonl(tmp_path / "c.jsonl", [json.dumps({"id": "three", "text": "Three."})])
    results = read_all(tmp_path)
    assert [(r.id, r.text) for r in results] == [("one.txt", "One."), ("two.txt", "Two."), ("three", "Three.")]


def test_read_empty_directory_is_reported(tmp_path):
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    assert read_all(tmp_path) == [
        Rejected(str(tmp_path), "directory holds no supported files (use .txt, .jsonl, .jsonl.gz, .html)")
    ]


def test_read_paths_keeps_input_order(tmp_path):
    first, second = tmp_path / "z.txt", tmp_path / "a.txt"
    first.write_text("Z.", encoding="utf-8")
    second.write_text("A.", encoding="utf-8")
    assert [r.id for r in read_all(first, second)] == ["z.txt", "a.txt"]


@pytest.mark.parametrize(
    ("own", "given", "expected"),
    [
        ("2019-03-05", dt.date(2020, 1, 1), dt.date(2019, 3, 5)),  # the article's own date wins
        (None, dt.date(2020, 1, 1), dt.date(2020, 1, 1)),  # null: the command line's date
        ("absent", dt.date(2020, 1, 1), dt.date(2020, 1, 1)),
        (None, None, None),
    ],
)
def test_read_published_precedence(tmp_path, own, given, expected):
    record = {"text": "Story."}
    if own != "absent":
        record["published"] = own
    path = write_jsonl(tmp_path / "p.jsonl", [json.dumps(record)])
    [article] = read_all(path, published=given)
    assert article.published == expected


def test_read_txt_gets_published_from_command_line(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Story.", encoding="utf-8")
    [article] = read_all(path, published=dt.date(2017, 10, 12))
    assert article.published == dt.date(2017, 10, 12)


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="samples/ folder not present")
def test_read_samples_jsonl_matches_txt_files():
    from_jsonl = {a.id: a for a in read_all(SAMPLES / "articles.jsonl")}
    from_txt = {a.id: a for a in read_all(*sorted(SAMPLES.glob("*.txt")))}
    assert len(from_jsonl) == 4
    assert set(from_jsonl) == set(from_txt)
    for doc_id, article in from_jsonl.items():
        assert isinstance(article, Article)
        assert article.text == from_txt[doc_id].text
        assert article.published is not None and 2015 <= article.published.year <= 2025
        assert 150 <= len(article.text.split()) <= 300
