"""RSS and Atom feed files (``.rss``, ``.atom``, ``.xml``): one ``Article`` per entry.

Read with feedparser from the file's bytes (nothing is fetched over the network). For each entry:

* ``id``: the entry's id (``<guid>`` / ``<id>``), else its link, else ``feed.rss#3`` (entry number);
* ``text``: the entry's full content if it has one, else its summary, with HTML reduced to text by
  lxml (paragraphs and line breaks kept as blank lines / newlines; scripts, styles, ``<noscript>``,
  ``<template>`` and ``<textarea>`` dropped with their text, as nobody reads them as the story);
* ``title``, ``url`` (the entry link), ``source`` (the feed's title);
* ``published``: the entry's published (or updated) date *as written in the feed* (its own time
  zone, not UTC), else the ``published`` default given to the reader.

As everywhere in the read stage nothing raises on input data: a file that is not a feed, or an entry
with no text, becomes a ``Rejected`` naming ``file`` or ``file#N`` and the problem. The reader
(``chronicle.io.read``) opens the file, bounds its size (``MAX_FEED_BYTES``) and checks every entry
with the limits all articles meet (text length, valid Unicode, publication year).
"""

from __future__ import annotations

import datetime as _dt
import email.utils
import re
import time
from typing import Any, Callable, Iterator

FEED_SUFFIXES: tuple[str, ...] = (".rss", ".atom", ".xml")

_BLOCKS = ("p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
           "table", "tr", "section", "article", "header", "footer", "figure", "figcaption", "dd", "dt")
HIDDEN_ELEMENTS: tuple[str, ...] = ("script", "style", "noscript", "template", "textarea")
"""Elements whose text a reader of the page never sees as the story: dropped before extraction."""
_SPACES = re.compile(r"[ \t\f\v\u00a0]+")
_BLANKS = re.compile(r"\n{3,}")


def read_feed(
    data: bytes, where: str, name: str, published: _dt.date | None,
    build: Callable[[dict[str, Any], str, str], Any],
) -> Iterator[Any]:
    """Yield an ``Article`` or ``Rejected`` for every entry of the feed document ``data``.

    The caller (``chronicle.io.read``) has opened and size-checked the file and passes ``build``,
    its one checker of article fields (size, Unicode, dates), so feed entries meet the same limits as
    every other input without this module importing the reader. ``name`` is the file name for ids.
    """
    import feedparser

    from chronicle.record import Rejected

    try:
        parsed = feedparser.parse(data)
    except Exception as exc:  # noqa: BLE001 - one file a third-party parser chokes on must not stop the batch
        yield Rejected(where, f"not an RSS or Atom feed ({type(exc).__name__}: {_one_line(exc)})")
        return
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        detail = f" ({_one_line(problem)})" if problem else ""
        yield Rejected(where, f"not an RSS or Atom feed{detail}")
        return
    if not parsed.entries:
        yield Rejected(where, "feed has no entries")
        return
    source = _clean_title(parsed.feed.get("title"))
    for number, entry in enumerate(parsed.entries, start=1):
        fields = {
            "id": entry.get("id") or entry.get("link") or f"{name}#{number}",
            "text": html_to_text(_body(entry)), "title": _clean_title(entry.get("title")),
            "published": entry_date(entry) or published, "source": source, "url": entry.get("link") or None,
        }
        yield build(fields, f"{where}#{number}", "feed entry has no text (no content or summary)")


def _body(entry) -> str:
    """The entry's longest content block, else its summary ('' when it has neither)."""
    contents = [c.get("value") or "" for c in entry.get("content") or []]
    best = max(contents, key=len, default="")
    return best if best.strip() else entry.get("summary") or ""


def html_to_text(markup: str) -> str:
    """Text of an HTML fragment: block elements end in a blank line, ``<br>`` in a newline."""
    if "<" not in markup:
        return _tidy(markup)
    import lxml.etree
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (lxml.etree.LxmlError, ValueError):
        return _tidy(markup)
    drop_hidden(root)
    for node in root.iter("br"):
        node.tail = "\n" + (node.tail or "")
    for node in root.iter(*_BLOCKS):
        node.tail = "\n\n" + (node.tail or "")
    return _tidy(root.text_content())


def drop_hidden(root) -> None:
    """Remove the ``HIDDEN_ELEMENTS`` (and their text) from an lxml tree, keeping the text after them.

    Text in ``<template>``, ``<textarea>``, ``<noscript>``, scripts and styles is not part of what a
    reader sees; left in, an extractor would code events from it.
    """
    for node in list(root.iter(*HIDDEN_ELEMENTS)):
        if node.getparent() is not None:
            node.drop_tree()


def _tidy(text: str) -> str:
    lines = [_SPACES.sub(" ", line).strip() for line in text.replace("\r\n", "\n").split("\n")]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()


def _clean_title(value: str | None) -> str | None:
    if not value:
        return None
    return _tidy(html_to_text(value)).replace("\n", " ") or None


def entry_date(entry) -> _dt.date | None:
    """The date the entry was published (else updated), in the feed's own time zone.

    A date that cannot be read is skipped (the next key, else None: the reader's default); a date
    that can, however odd its year, is returned for the reader to accept or reject with a reason.
    """
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if not raw:
            continue
        day = _parse_date(raw)
        if day is not None:
            return day
        parsed = entry.get(f"{key}_parsed")
        if isinstance(parsed, time.struct_time):
            try:
                return _dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
            except (ValueError, OverflowError):  # feedparser's guess at "0000-00-00"
                continue
    return None


def _parse_date(raw: str) -> _dt.date | None:
    """An ISO or RFC 2822 date as written (its own time zone), or None when it is neither."""
    text = raw.strip()
    try:
        return _dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _one_line(problem: object) -> str:
    """The first line of an exception's message (its class name when it has none)."""
    text = str(problem).strip().splitlines()
    return text[0] if text else type(problem).__name__
