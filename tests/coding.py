"""Coding one made-up article in a test: the events a coder finds in ``text``.

One helper instead of a copy per test module; modules that want a fixed publication date or outlet
bind them with ``functools.partial`` (a date anchors relative dates and date-aware roles, an outlet
the attribution).
"""

from __future__ import annotations

from chronicle.schema import Article, Event


def events_of(coder, text: str, published: str | None = None, **article) -> list[Event]:
    """The events ``coder`` codes in one article of ``text`` (id ``t``; other Article fields as given)."""
    (pair,) = list(coder.pipe([Article(id="t", text=text, published=published, **article)]))
    return pair[1]


def actual_with_actors(coder, text: str, published: str | None = None) -> list[tuple[str, str, list[str], list[str]]]:
    """(type, trigger, source texts, target texts) of each actual event ``coder.code`` finds in ``text``."""
    return [(e.event_type, e.trigger.text, [a.text for a in e.source], [a.text for a in e.target])
            for e in coder.code(text, published=published) if e.factuality == "actual"]
