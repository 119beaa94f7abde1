"""Hypothesis strategies for hostile inputs, each with what the documented contract says becomes of it.

A generated input file is a ``FileSpec``: its name (bytes: names need not be UTF-8), its bytes and
what reading it must give: for JSONL one expectation per line (``good`` article with its id and
text, ``bad`` record set aside with ``file:N``, ``any`` of the two, ``blank`` nothing), for the other
kinds the expectation of the whole file. The expectations follow the README and the docstring of
``chronicle.io.read``: text taken exactly as stored (UTF-8, or UTF-16/32 after a byte-order mark), NUL
characters become spaces, lone surrogates, empty texts, years outside 1000-2999, wrong types are
refused with a reason, and the good records around a bad one are still read.
"""

from __future__ import annotations

import codecs
import datetime as dt
import gzip
import json
import os
import re
from dataclasses import dataclass, field
from html import escape

from hypothesis import strategies as st

from chronicle.io.read import MAX_ARTICLE_CHARS, SUPPORTED_SUFFIXES

SUPPORTED = tuple(s.encode() for s in SUPPORTED_SUFFIXES)

SURROGATE = re.compile("[\ud800-\udfff]")
WHITESPACE = " \t\r\n\x0b\x0c\u00a0\u1680\u2000\u2003\u2028\u2029\u202f\u205f\u3000\x1c\x1d\x1e\x1f\x85"

WORDS = ("Israel", "Hamas", "accused", "attacked", "Fatah", "agreed", "talks", "in", "Cairo", "on", "Monday",
         "the", "prime", "minister", "said", "protesters", "police", "arrested", "40", "killed", "troops",
         "Russia", "Ukraine", "sanctions", "imposed", "Nairobi", "marched", "demanded", "of", "and", "by",
         "Reuters", "last", "week", "tomorrow", "0000-00-00", "99999", "year", "1e308", "-1", "NaN",
         "3,000,000,000,000,000,000", "Mr.", "U.S.", "Gen.", "who", "it", "they", "he", "her")
NON_ENGLISH = (
    "Израиль обвинил ХАМАС в обстреле.", "以色列指责哈马斯发射火箭。", "اتهمت إسرائيل حماس بإطلاق صواريخ.",
    "इज़राइल ने हमास पर रॉकेट दागने का आरोप लगाया।", "Το Ισραήλ κατηγόρησε τη Χαμάς.", "ישראל האשימה את חמאס.",
    "イスラエルはハマスを非難した。", "이스라엘은 하마스를 비난했다.", "Türkiye ve Yunanistan anlaştı.",
    "e\u0301\u0301\u0301 Zalgo t\u0336e\u0336x\u0336t", "\u202eRTL override\u202c and \u200f marks",
    "🇮🇱🚀💥 emoji 👨‍👩‍👧 family", "\ufeff BOM inside text", "ﬁ ligature Ｆｕｌｌｗｉｄｔｈ",
)
CAPTIONS = ("Photo: Reuters", "REUTERS/Mohamed Abd El Ghany", "By John Smith and Jane Doe", "Image caption Protesters",
            "(AFP Photo / Said Khatib)", "Follow him on Twitter", "Credit: AP", "CreditJoshua Roberts/Reuters",
            "Getty Images", "Advertisement", "Israel accused Hamas.", "Story continues below")
ODD_IDS = ("[/]", "[bold]x", "[/x]", "[link=https://x]a[/link]", "a\nb", "a\rb", " x ", "-", "--help",
           "x" * 5000, "𝕏", "\u202e", "stdin", "a.jsonl:1", "null", "' OR 1=1 --", '"; DROP TABLE articles; --',
           "%s%n", "{}", "\\", "CON", "../../etc/passwd")
"""Article ids that mean something to a terminal, a markup language, a shell or SQL."""
BAD_DATES = ("0000-00-00", "99999-01-01", "2017-02-30", "2017-13-01", "0999-12-31", "3000-01-01",
             "9999-12-31", "0001-01-01", "12/10/2017", "yesterday", "", " ", "2017-10-12T25:00",
             "+002017-10-12", "2017-1-1", "2017-10-12T10:00:00+99:00", "１９９９-０１-０１", "2017-10-12\x00")
GOOD_DATES = st.one_of(
    st.dates(dt.date(1000, 1, 1), dt.date(2999, 12, 31)).map(dt.date.isoformat),
    st.sampled_from(["1000-01-01", "2999-12-31", "2024-02-29", "2017-10-12T10:00:00Z",
                     "2017-10-12T23:59:59+14:00", "2017-10-12 08:00", "2999-12-31T23:00:00-12:00"]))
BAD_TYPES = st.one_of(st.integers(), st.floats(allow_nan=True), st.booleans(),
                      st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=3), st.integers(), max_size=2))


def valid(text: str) -> bool:
    return SURROGATE.search(text) is None


XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_ok(text: str) -> bool:
    """Characters XML 1.0 allows (else a feed is not well-formed and feedparser guesses)."""
    return XML_BAD.search(text) is None


# -- texts -------------------------------------------------------------------------------------------
def sentences(max_words: int = 60) -> st.SearchStrategy[str]:
    """News-like word salad, with or without punctuation."""
    return st.lists(st.sampled_from(WORDS), min_size=1, max_size=max_words).map(" ".join).flatmap(
        lambda s: st.sampled_from([s, s + ".", s.upper(), s + "!?…", f'"{s}," he said.']))


@st.composite
def long_sentence(draw) -> str:
    """Up to ~40,000 characters of words without one punctuation mark."""
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=20))
    return " ".join(words * draw(st.integers(1, 400)))


any_text = st.text(st.characters(codec="utf-8"), max_size=300)          # no surrogates
whitespace = st.text(st.sampled_from(WHITESPACE), max_size=20)
with_controls = st.text(st.characters(max_codepoint=0x9F, codec="utf-8"), max_size=100)


@st.composite
def story(draw) -> str:
    """An article text: lines of sentences, captions, non-English text, control characters, NULs."""
    parts = draw(st.lists(st.one_of(sentences(), st.sampled_from(NON_ENGLISH), st.sampled_from(CAPTIONS),
                                    any_text, with_controls, st.just("\x00"), whitespace),
                          min_size=1, max_size=12))
    seps = draw(st.lists(st.sampled_from(["\n", "\r\n", "\n\n", " ", "\r", "\u2028", "\t"]),
                         min_size=len(parts), max_size=len(parts)))
    return "".join(p + s for p, s in zip(parts, seps))


DATE_EXPRESSIONS = ("99999999999 days ago", "in 99999 years", "9999999999999999999999 weeks later", "on 0000-00-00",
                    "on 31/02/2017", "in the year 99999", "on February 30", "in 10000 BC", "next Thursday",
                    "on 9999-12-31", "3000 years from now", "on Monday 1 January 0001", "1e308 days ago",
                    "on the 99th", "in the 99999th century", "at 25:99", "on 12/10/99999", "2017-10-12T25:00")


@st.composite
def dated_sentence(draw) -> str:
    """An event with an impossible, huge or far-off date, size or casualty count."""
    who = draw(st.sampled_from(["Israel", "Russian troops", "The prime minister", "Hamas", "Police", "They"]))
    what = draw(st.sampled_from(["accused Hamas", "attacked Kharkiv", "arrested 99999999999999999999 protesters",
                                 "killed 1e308 civilians", "agreed to talks", "imposed sanctions on Iran"]))
    when = draw(st.sampled_from(DATE_EXPRESSIONS))
    return draw(st.sampled_from([f"{who} {what} {when}.", f"{when.capitalize()}, {who.lower()} {what}.",
                                 f'"{who} {what}," Reuters said {when}.']))


texts = st.one_of(story(), any_text, sentences(), long_sentence(), whitespace, st.sampled_from(NON_ENGLISH),
                  st.just(""))
"""Any text (valid Unicode): the cleaner's and the coder's inputs."""
good_texts = st.one_of(story(), sentences(), long_sentence(), st.sampled_from(NON_ENGLISH), any_text).filter(
    lambda t: t.replace("\x00", " ").strip() != "")
"""A text an article may have: something besides whitespace."""


@st.composite
def with_surrogate(draw, base=good_texts) -> str:
    text = draw(base)
    i = draw(st.integers(0, len(text)))
    return text[:i] + chr(draw(st.integers(0xD800, 0xDFFF))) + text[i:]


# -- JSONL -------------------------------------------------------------------------------------------
@dataclass
class Line:
    raw: bytes                          # without the newline
    expect: str                         # good, bad, any, blank
    doc_id: str | None = None           # good: the article's id (None: file.jsonl:N)
    text: str | None = None             # good: the article's text


def _dump(record, ascii_only: bool) -> bytes:
    return json.dumps(record, ensure_ascii=ascii_only).encode("utf-8", "surrogatepass")


optional_string = st.one_of(st.none(), any_text)


@st.composite
def good_line(draw) -> Line:
    text = draw(good_texts)
    record: dict = {"text": text}
    doc_id = draw(st.one_of(st.none(), any_text.filter(lambda s: s.replace("\x00", " ").strip() != ""),
                            st.sampled_from(ODD_IDS)))
    if doc_id is not None:
        record["id"] = doc_id
    for name in ("title", "source", "url"):
        if draw(st.booleans()):
            record[name] = draw(optional_string)
    if draw(st.booleans()):
        record["published"] = draw(st.one_of(st.none(), GOOD_DATES))
    if draw(st.booleans()):                      # other fields are ignored
        record[draw(st.sampled_from(["story", "lang", "tags", "x"]))] = draw(
            st.one_of(st.integers(-10**6, 10**6), st.lists(st.text(max_size=5), max_size=3), st.none()))
    keys = list(record)
    order = draw(st.permutations(keys))
    raw = _dump({k: record[k] for k in order}, draw(st.booleans()))
    raw = draw(st.sampled_from([b"", b" ", b"\t"])) + raw + draw(st.sampled_from([b"", b" ", b"\r"]))
    return Line(raw, "good", None if doc_id is None else doc_id.replace("\x00", " "), text.replace("\x00", " "))


@st.composite
def bad_line(draw) -> Line:
    """A line the reader must set aside, with every kind of wrong the brief lists."""
    kind = draw(st.sampled_from([
        "missing text", "text type", "blank text", "surrogate", "surrogate raw", "id type", "blank id",
        "field type", "published type", "bad date", "not object", "deep", "deep text", "huge int",
        "truncated", "nan", "bad utf8", "raw nul", "raw control", "too long"]))
    text = draw(good_texts)
    base = {"id": draw(st.text(min_size=1, max_size=10).filter(str.strip)), "text": text}
    ascii_only = draw(st.booleans())
    if kind == "missing text":
        record = {k: v for k, v in base.items() if k != "text"}
        if draw(st.booleans()):
            record["text"] = None
        raw = _dump(record, ascii_only)
    elif kind == "text type":
        raw = _dump({**base, "text": draw(BAD_TYPES)}, ascii_only)
    elif kind == "blank text":
        raw = _dump({**base, "text": draw(whitespace)}, ascii_only)
    elif kind == "surrogate":              # a JSON \udXXX escape: valid JSON, invalid Unicode
        where = draw(st.sampled_from(["text", "id", "title", "source", "url"]))
        raw = _dump({**base, where: draw(with_surrogate())}, True)
    elif kind == "surrogate raw":          # the surrogate's bytes themselves: not UTF-8
        raw = _dump({**base, "text": draw(with_surrogate())}, False)
    elif kind == "id type":
        raw = _dump({**base, "id": draw(BAD_TYPES)}, ascii_only)
    elif kind == "blank id":
        raw = _dump({**base, "id": draw(whitespace)}, ascii_only)
    elif kind == "field type":
        raw = _dump({**base, draw(st.sampled_from(["title", "source", "url"])): draw(BAD_TYPES)}, ascii_only)
    elif kind == "published type":
        raw = _dump({**base, "published": draw(BAD_TYPES)}, ascii_only)
    elif kind == "bad date":
        raw = _dump({**base, "published": draw(st.sampled_from(BAD_DATES))}, ascii_only)
    elif kind == "not object":
        raw = _dump(draw(st.one_of(st.lists(st.integers(), max_size=3), st.text(max_size=10), st.integers(),
                                   st.none(), st.booleans(), st.just([base]))), ascii_only)
    elif kind == "deep":
        depth = draw(st.integers(1000, 200_000))
        raw = draw(st.sampled_from([b"[" * depth + b"]" * depth, b'{"a":' * depth + b"1" + b"}" * depth,
                                    b"[" * depth]))
    elif kind == "deep text":
        depth = draw(st.integers(10, 100_000))
        raw = b'{"text": ' + b"[" * depth + b"]" * depth + b"}"
    elif kind == "huge int":
        raw = b'{"text": "x", "id": ' + b"9" * draw(st.integers(4301, 20_000)) + b"}"
    elif kind == "truncated":
        full = _dump(base, ascii_only)
        raw = full[:draw(st.integers(1, len(full) - 1))]
    elif kind == "nan":
        raw = b'{"text": ' + draw(st.sampled_from([b"NaN", b"Infinity", b"-Infinity", b"1e400"])) + b"}"
    elif kind == "bad utf8":
        full = _dump(base, ascii_only)
        i = draw(st.integers(0, len(full)))
        raw = full[:i] + draw(st.sampled_from([b"\xff", b"\xc0\xaf", b"\xed\xa0\x80", b"\xf8\x88\x80\x80\x80", b"\x80"])) + full[i:]
    elif kind == "raw nul":                # a raw NUL byte: not JSON
        full = _dump(base, ascii_only)
        i = draw(st.integers(0, len(full)))
        raw = full[:i] + b"\x00" + full[i:]
    elif kind == "raw control":            # raw control characters inside a JSON string are not JSON
        raw = b'{"text": "a' + draw(st.sampled_from([b"\x01", b"\x1f", b"\t", b"\x0b"])) + b'b"}'
    else:                                  # too long: one character over the limit
        raw = _dump({"text": "x" * (MAX_ARTICLE_CHARS + 1)}, True)
    return Line(raw, "bad")


json_values = st.recursive(st.none() | st.booleans() | st.floats() | st.integers() | st.text(max_size=20),
                           lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
                               st.sampled_from(["id", "text", "title", "published", "url", "source", "x"]),
                               inner, max_size=5), max_leaves=12)


@st.composite
def any_line(draw) -> Line:
    """Random bytes or random JSON: one item, an article or a reason."""
    raw = draw(st.one_of(st.binary(max_size=200), json_values.map(lambda v: json.dumps(v).encode())))
    raw = raw.replace(b"\n", b" ")
    if not raw.strip():
        return Line(raw, "blank")
    return Line(raw, "any")


blank_line = st.sampled_from([b"", b" ", b"\t", b"\r", b"  \r", b"\x0b\x0c"]).map(lambda raw: Line(raw, "blank"))
lines = st.lists(st.one_of(good_line(), bad_line(), any_line(), blank_line), max_size=14)


# -- files -------------------------------------------------------------------------------------------
@dataclass
class FileSpec:
    kind: str                          # txt, jsonl, gz, html, feed, other
    name: bytes
    data: bytes
    lines: list[Line] = field(default_factory=list)
    expect: str = "any"                # txt: article/rejected; jsonl, gz: lines/one rejected; html, feed: any
    text: str | None = None            # txt: the article's text
    hidden: list[str] = field(default_factory=list)   # html: words that must not be read
    entries: int | None = None         # feed: items it must give


ODD_STEMS = st.one_of(
    st.sampled_from(["news", "a b", "-dash", "--help", "new\nline", "tab\tname", "ünïcødé", "新闻", "خبر",
                     "\u202eevil", "quote'\"", "back\\slash", "star*", "q?", "emoji🚀", "%s%n", "$HOME", "~",
                     " lead", "trail ", "..dots", "x" * 200]).map(str.encode),
    st.binary(min_size=1, max_size=20).map(lambda b: b.replace(b"/", b"_").replace(b"\x00", b"_")),
    st.text(st.characters(codec="utf-8", exclude_characters="/\x00"), min_size=1, max_size=20).map(os.fsencode),
)


@st.composite
def file_name(draw, suffix: str) -> bytes:
    stem = draw(ODD_STEMS)[:200]
    if stem.startswith(b"."):
        stem = b"_" + stem
    cased = draw(st.sampled_from([suffix, suffix.upper(), suffix.capitalize()]))
    return stem + cased.encode()


def decode_like_the_contract(data: bytes) -> str | None:
    """UTF-8, or UTF-16/32 after its byte-order mark; None when the bytes are not that."""
    for bom, name in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                      (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(name)
            except UnicodeDecodeError:
                return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


@st.composite
def txt_file(draw) -> FileSpec:
    how = draw(st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "utf-16", "utf-16-le+bom", "utf-32",
                                "surrogate", "random", "random", "utf-16 odd"]))
    text = draw(texts)
    if how == "utf-8":
        data = text.encode("utf-8")
    elif how == "utf-8-sig":
        data = codecs.BOM_UTF8 + text.encode("utf-8")
    elif how in ("utf-16", "utf-32"):
        data = text.encode(how)
    elif how == "utf-16-le+bom":
        data = codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    elif how == "surrogate":
        data = draw(with_surrogate()).encode("utf-8", "surrogatepass")
    elif how == "utf-16 odd":           # a byte-order mark and then an odd number of bytes
        data = text.encode("utf-16") + b"\x00"
    else:
        data = draw(st.binary(max_size=400))
    decoded = decode_like_the_contract(data)
    ok = decoded is not None and valid(decoded) and decoded.replace("\x00", " ").strip() != "" \
        and len(decoded) <= MAX_ARTICLE_CHARS
    return FileSpec("txt", draw(file_name(".txt")), data, expect="article" if ok else "rejected",
                    text=decoded.replace("\x00", " ") if ok else None)


@st.composite
def jsonl_file(draw) -> FileSpec:
    body = draw(lines)
    end = draw(st.sampled_from([b"\n", b"\r\n"]))
    data = b"".join(line.raw + end for line in body)
    if body and draw(st.booleans()):
        data = data[:-len(end)]                     # no newline after the last line
    how = draw(st.sampled_from(["plain", "plain", "bom", "utf-16", "gz", "gz", "gz damaged", "gz cut", "not gz"]))
    expect = "lines"
    if how == "bom" and (not body or body[0].expect == "blank"):
        how = "plain"                    # a BOM and then a blank line is neither blank nor a record
    if body and body[0].raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and how != "bom":
        expect = "one rejected"          # random bytes that start like UTF-16: the file is refused
    if how == "bom":
        data = codecs.BOM_UTF8 + data
    elif how == "utf-16":
        data = data.decode("utf-8", "replace").encode("utf-16")
        expect = "one rejected"
    if how.startswith("gz") or how == "not gz":
        name = draw(file_name(".jsonl.gz"))
        if how == "not gz":
            data = draw(st.binary(min_size=2, max_size=100).filter(lambda b: not b.startswith(b"\x1f\x8b")))
            expect = "one rejected"
        else:
            data = gzip.compress(data, mtime=0)
            if how == "gz damaged":                 # a flipped bit in the CRC or length: always noticed
                i = len(data) - 1 - draw(st.integers(0, 7))
                data = data[:i] + bytes([data[i] ^ (1 << draw(st.integers(0, 7)))]) + data[i + 1:]
                expect = "one rejected"
            elif how == "gz cut":
                data = data[:draw(st.integers(1, len(data) - 1))]
                expect = "one rejected"
        return FileSpec("gz", name, data, body, expect=expect)
    return FileSpec("jsonl", draw(file_name(".jsonl")), data, body, expect=expect)


@st.composite
def html_file(draw) -> FileSpec:
    paragraphs = draw(st.lists(st.one_of(sentences(), st.sampled_from(NON_ENGLISH), any_text, long_sentence()),
                               max_size=6))
    marker = f"zqxhidden{draw(st.integers(0, 10**6))}"
    hidden_in = draw(st.sampled_from(["script", "style", "noscript", "template", "textarea"]))
    depth = draw(st.integers(0, 3000))
    title = draw(any_text)
    body = "".join(f"<p>{escape(p)}</p>\n" for p in paragraphs)
    how = draw(st.sampled_from(["page", "page", "nested", "broken", "random", "entities", "empty"]))
    if how == "nested":
        body = "<div>" * depth + body + "</div>" * depth
    elif how == "broken":
        body = body.replace("</p>", "")[: draw(st.integers(0, len(body)))] + "<p <div <<<"
    elif how == "entities":
        body += "&amp;" * draw(st.integers(0, 2000)) + "&#xD800;&#0;&#x110000;&bogus;"
    html = (f"<html><head><title>{escape(title)}</title></head><body><article>{body}"
            f"<{hidden_in}>{marker}</{hidden_in}></article></body></html>")
    if how == "empty":
        html = draw(st.sampled_from(["", "<html></html>", "<!-- only a comment -->", "   "]))
    data = html.encode(draw(st.sampled_from(["utf-8", "utf-8", "utf-16", "latin-1"])), "replace")
    if how == "random":
        data = draw(st.binary(max_size=300))
    # broken markup may make the hidden tag no tag at all ("<p <script>x" is a <p> with text x in a
    # browser too): only well-formed pages promise that its text is never read
    return FileSpec("html", draw(file_name(draw(st.sampled_from([".html", ".htm"])))), data,
                    hidden=[marker] if how in ("page", "nested", "entities") else [])


@st.composite
def feed_file(draw) -> FileSpec:
    items = draw(st.lists(st.tuples(any_text, st.one_of(good_texts, whitespace, any_text),
                                    st.one_of(st.sampled_from(BAD_DATES), GOOD_DATES,
                                              st.sampled_from(["Mon, 99 Foo 99999 99:99:99 GMT",
                                                               "Thu, 12 Oct 2017 10:00:00 GMT",
                                                               "Sat, 01 Jan 0001 00:00:00 +0000"]))),
                          max_size=5))
    how = draw(st.sampled_from(["rss", "rss", "atom", "nested", "random", "laughs"]))
    if how == "atom":
        entries = "".join(f"<entry><id>urn:e{i}</id><title>{escape(t)}</title><updated>{escape(d)}</updated>"
                          f"<content type='html'>{escape('<p>' + escape(x) + '</p>')}</content></entry>"
                          for i, (t, x, d) in enumerate(items))
        xml = f"<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'><title>F</title>{entries}</feed>"
    else:
        entries = "".join(f"<item><title>{escape(t)}</title><description>{escape(x)}</description>"
                          f"<pubDate>{escape(d)}</pubDate><guid>g{i}</guid></item>"
                          for i, (t, x, d) in enumerate(items))
        xml = f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>F</title>{entries}</channel></rss>"
    if how == "nested":
        depth = draw(st.integers(100, 5000))
        xml = xml.replace("<channel>", "<channel>" + "<x>" * depth + "</x>" * depth)
    elif how == "laughs":                  # entities of entities: 10**(levels + 1) characters if expanded
        levels = draw(st.integers(1, 8))
        top = f"&{chr(97 + levels)};"
        xml = ("<?xml version='1.0'?><!DOCTYPE rss [<!ENTITY a 'aaaaaaaaaa'>"
               + "".join(f"<!ENTITY {chr(98 + i)} '{('&' + chr(97 + i) + ';') * 10}'>" for i in range(levels))
               + f"]><rss version='2.0'><channel><title>{top}</title><item><description>{top}</description>"
                 "</item></channel></rss>")
    data = xml.encode("utf-8", "surrogatepass")
    if how == "random":
        data = draw(st.binary(max_size=300))
    wellformed = how in ("rss", "atom") and all(xml_ok(t + x + d) for t, x, d in items)
    return FileSpec("feed", draw(file_name(draw(st.sampled_from([".rss", ".atom", ".xml"])))), data,
                    entries=len(items) if wellformed and items else None)


@st.composite
def other_file(draw) -> FileSpec:
    """A file whose suffix the readers do not take: refused when named, skipped in a folder."""
    name = draw(file_name(draw(st.sampled_from([".pdf", ".json", ".txt.bak", ".csv", ".gz", ""])))
                .filter(lambda n: not n.lower().endswith(SUPPORTED)))
    return FileSpec("other", name, draw(st.binary(max_size=50)), expect="rejected")


files = st.lists(st.one_of(txt_file(), jsonl_file(), html_file(), feed_file(), other_file()),
                 min_size=1, max_size=6)
