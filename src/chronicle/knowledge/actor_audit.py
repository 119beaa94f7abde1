"""Checks that the dated roles of the actor knowledge base tell one consistent history.

A person is coded by the role held on the event's date, so a wrong date is a wrong actor: a term
that ends before it starts holds on no day, and two prime ministers of one country on the same day
mean one of them is coded as the government when they were not. The offices one person holds at a
time are listed in ``data/actor_cues.yaml`` (``single_holder_offices``, with the countries whose
office is shared by design under ``shared_offices``); ``tests/test_actor_kb_consistency.py`` runs
these checks over the shipped data, and a user can run them over a knowledge base with their files.
"""

from __future__ import annotations

import datetime as dt
from itertools import combinations

from chronicle.knowledge.actors import ActorKB, load_actor_cues

_EARLIEST, _LATEST = dt.date.min, dt.date.max


def _span(start: dt.date | None, end: dt.date | None) -> str:
    return f"{start or '…'} to {end or 'now'}"


def misordered_roles(kb: ActorKB) -> list[str]:
    """Roles whose end is not after their start (the end is exclusive, so such a role holds on no
    day), one line each."""
    return [f"{entry.id}: {role.role} {_span(role.start, role.end)} ends on or before it starts"
            for entry in kb.entries.values() for role in entry.roles
            if role.start is not None and role.end is not None and role.end <= role.start]


def overlapping_terms(kb: ActorKB) -> list[str]:
    """Terms of one single-holder office in one country that overlap: two holders at once, or one
    holder's term listed twice. One line per overlapping pair."""
    cues = load_actor_cues()
    terms: dict[tuple[str, str | None], list[tuple[dt.date, dt.date, str]]] = {}
    for entry in kb.entries.values():
        for role in entry.roles:
            office, country = role.role.lower(), role.country or entry.country
            if office not in cues.single_holder_offices or office in cues.shared_offices.get(country or "", ()):
                continue
            terms.setdefault((office, country), []).append(
                (role.start or _EARLIEST, role.end or _LATEST, entry.id))
    found = []
    for (office, country), held in sorted(terms.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        for first, second in combinations(sorted(held), 2):
            if first[0] < second[1] and second[0] < first[1]:
                found.append(f"{office} of {country}: {first[2]} ({_show(first)}) overlaps "
                             f"{second[2]} ({_show(second)})")
    return found


def _show(term: tuple[dt.date, dt.date, str]) -> str:
    start, end, _ = term
    return _span(None if start == _EARLIEST else start, None if end == _LATEST else end)


def role_conflicts(kb: ActorKB) -> list[str]:
    """Every inconsistency of the knowledge base's dated roles, one line each (none: consistent)."""
    return misordered_roles(kb) + overlapping_terms(kb)
