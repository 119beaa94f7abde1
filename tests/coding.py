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


def actual_types(coder, text: str, published: str | None = None) -> set[str]:
    """The PLOVER types of the actual events ``coder.code`` finds in ``text``."""
    return {e.event_type for e in coder.code(text, published=published) if e.factuality == "actual"}


def actual_with_countries(coder, text: str, published: str | None = None) -> list[tuple]:
    """(type, trigger, [(source text, country)], [(target text, country)]) of each actual event ``coder``
    codes in one article of ``text``: for tests of whom an event names and of which country."""
    return [(e.event_type, e.trigger.text, [(a.text, a.country) for a in e.source],
             [(a.text, a.country) for a in e.target])
            for e in events_of(coder, text, published) if e.factuality == "actual"]


def assert_coded(found: list[tuple[str, str, list[str], list[str]]], event_type: str, trigger: str,
                 source: str | None = None, target: str | None = None) -> None:
    """The first of ``found`` (``actual_with_actors`` rows) of ``event_type`` is triggered by
    ``trigger`` and has ``source`` and ``target`` among its actors' texts (None: not checked)."""
    events = [e for e in found if e[0] == event_type]
    assert events, found
    _, word, sources, targets = events[0]
    assert word == trigger, events
    assert source is None or source in sources, events
    assert target is None or target in targets, events


def has_event(found: list[tuple[str, str, list[str], list[str]]], event_type: str, trigger: str,
              target: str | None = None, source: str | None = None) -> bool:
    """Whether one of ``found`` (``actual_with_actors`` rows) is ``event_type`` triggered by ``trigger``
    with ``target`` and ``source`` among its actors' texts (None: not checked). Unlike
    :func:`assert_coded`, any event of the type may match, not only the first."""
    return any(t == event_type and trig == trigger and (target is None or target in tgt)
               and (source is None or source in src) for t, trig, src, tgt in found)


def actors_of(coder, text: str, published: str) -> dict[str, tuple]:
    """Each source and target actor of the events in ``text``: its text without a leading article ->
    (country, sector, role)."""
    found = {}
    for event in events_of(coder, text, published):
        for actor in [*event.source, *event.target]:
            name = actor.text[4:] if actor.text.lower().startswith("the ") else actor.text
            found[name] = (actor.country, actor.sector, actor.role)
    return found
