"""RSS and Atom feed files: one article per entry, read through read_paths like any other input."""

from __future__ import annotations

import datetime as dt

from chronicle.schema import Article
from chronicle.io.feeds import html_to_text
from chronicle.record import Rejected
from chronicle.io.read import read_paths
from chronicle.store import Store, ingest

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Example World News</title>
  <link>https://news.example/</link>
  <description>World news</description>
  <item>
    <title>Rivals agree in Cairo</title>
    <link>https://news.example/cairo</link>
    <guid isPermaLink="false">urn:news:1001</guid>
    <pubDate>Thu, 12 Oct 2017 23:30:00 -0500</pubDate>
    <description>Short teaser.</description>
    <content:encoded><![CDATA[<p>Fatah and Hamas reached an agreement in <b>Cairo</b> on Thursday.</p>
<p>The talks ended after two days.<br/>Officials said so.</p><script>track()</script>]]></content:encoded>
  </item>
  <item>
    <title>Police disperse protest</title>
    <link>https://news.example/nairobi</link>
    <description>&lt;p&gt;Kenyan police fired tear gas at protesters in Nairobi.&lt;/p&gt;</description>
  </item>
  <item>
    <title>Photo gallery</title>
    <link>https://news.example/gallery</link>
  </item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Atom Wire</title>
  <id>urn:wire</id>
  <updated>2024-05-06T10:00:00Z</updated>
  <entry>
    <title>Troops shell Kharkiv</title>
    <id>tag:wire.example,2024:77</id>
    <link href="https://wire.example/77"/>
    <updated>2024-05-06T10:00:00Z</updated>
    <summary type="html">&lt;p&gt;Russian troops shelled Kharkiv on Monday.&lt;/p&gt;</summary>
  </entry>
</feed>
"""


def test_rss_entries_become_articles(tmp_path):
    path = tmp_path / "world.rss"
    path.write_text(RSS, encoding="utf-8")
    first, second, third = read_paths([str(path)], published=dt.date(2017, 10, 1))
    assert isinstance(first, Article)
    assert first.id == "urn:news:1001"
    assert first.text == ("Fatah and Hamas reached an agreement in Cairo on Thursday.\n\n"
                          "The talks ended after two days.\nOfficials said so.")
    assert (first.title, first.url, first.source) == ("Rivals agree in Cairo", "https://news.example/cairo",
                                                      "Example World News")
    assert first.published == dt.date(2017, 10, 12)       # the feed's own day, not UTC's 13th
    assert second.id == "https://news.example/nairobi"    # no guid: the link
    assert second.text == "Kenyan police fired tear gas at protesters in Nairobi."
    assert second.published == dt.date(2017, 10, 1)       # no date: the default
    assert third == Rejected(f"{path}#3", "feed entry has no text (no content or summary)")


def test_atom_feed_and_folder_walk(tmp_path):
    (tmp_path / "feeds").mkdir()
    (tmp_path / "feeds" / "wire.atom").write_text(ATOM, encoding="utf-8")
    (tmp_path / "feeds" / "world.xml").write_text(RSS, encoding="utf-8")
    items = list(read_paths([str(tmp_path)]))
    assert [type(i).__name__ for i in items] == ["Article", "Article", "Article", "Rejected"]
    wire = items[0]
    assert (wire.id, wire.url, wire.source, wire.published) == (
        "tag:wire.example,2024:77", "https://wire.example/77", "Atom Wire", dt.date(2024, 5, 6))
    assert wire.text == "Russian troops shelled Kharkiv on Monday."


def test_xml_that_is_not_a_feed_is_rejected(tmp_path):
    path = tmp_path / "records.xml"
    path.write_text("<?xml version='1.0'?><Sentences><Sentence id='1'>x</Sentence></Sentences>")
    [item] = read_paths([str(path)])
    assert isinstance(item, Rejected) and item.where == str(path)
    assert item.reason.startswith("not an RSS or Atom feed")
    broken = tmp_path / "broken.rss"
    broken.write_bytes(b"\x00\x01 not xml at all")
    [item] = read_paths([str(broken)])
    assert isinstance(item, Rejected) and item.reason.startswith("not an RSS or Atom feed")


def test_html_to_text():
    assert html_to_text("plain  text ") == "plain text"
    assert html_to_text("<ul><li>one</li><li>two</li></ul><style>p{}</style>") == "one\n\ntwo"
    assert html_to_text("<p>a &amp; b</p>") == "a & b"


def test_feed_ingest_quarantines_empty_entries_and_is_idempotent(tmp_path):
    from test_store import FakeCoder

    path = tmp_path / "world.rss"
    path.write_text(RSS, encoding="utf-8")
    with Store(tmp_path / "c.duckdb") as store:
        stats = ingest(store, read_paths([str(path)]), FakeCoder(), batch_size=8)
        again = ingest(store, read_paths([str(path)]), FakeCoder(), batch_size=8)
        rows = store.conn.execute("SELECT id, url, source FROM articles ORDER BY seq").fetchall()
        quarantine = store.quarantined()
    assert (stats.stored, stats.quarantined) == (2, 1)
    assert (again.stored, again.duplicates) == (0, 2)
    assert rows == [("urn:news:1001", "https://news.example/cairo", "Example World News"),
                    ("https://news.example/nairobi", "https://news.example/nairobi", "Example World News")]
    assert quarantine == [(f"{path}#3", "feed entry has no text (no content or summary)", None)]
