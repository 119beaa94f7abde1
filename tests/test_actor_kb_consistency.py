"""The shipped actor knowledge base tells one consistent history of who held which office.

A person is coded by the role held on the event's date, so the dated roles must be sound: every date
parses as a date, every term ends after it starts, and no office one person holds at a time (heads of
state and government, the main ministers: ``single_holder_offices`` in ``data/actor_cues.yaml``) has
two holders in one country on the same day. The checks themselves are tested on small hand-made
knowledge bases, so a broken check cannot pass the shipped data by saying nothing.
"""

from __future__ import annotations

import datetime as dt

import pytest

from chronicle.knowledge.actor_audit import misordered_roles, overlapping_terms, role_conflicts
from chronicle.knowledge.actors import ActorKB, builtin_actor_files, load_actor_kb
from chronicle.knowledge.yamlfile import read_yaml


def kb_of(*people: dict) -> ActorKB:
    kb = ActorKB()
    for number, person in enumerate(people, 1):
        kb._add_item("test.yaml", number, {"kind": "person", **person}, False)
    return kb


def pm(ident: str, start, end, country: str = "GBR", role: str = "prime minister") -> dict:
    return {"id": ident, "name": ident.title(), "country": country,
            "roles": [{"role": role, "country": country, "sector": "GOV", "start": start, "end": end}]}


def test_the_shipped_roles_are_consistent():
    assert role_conflicts(load_actor_kb()) == []


@pytest.mark.parametrize("path", builtin_actor_files(), ids=lambda p: p.name)
def test_every_role_date_in_the_shipped_files_is_a_date(path):
    raw = read_yaml(str(path)) or []
    bad = [(item.get("id"), role.get("role"), key, role.get(key))
           for item in raw if isinstance(item, dict) for role in item.get("roles") or []
           for key in ("start", "end") if role.get(key) is not None and not isinstance(role[key], dt.date)]
    assert bad == []


def test_two_prime_ministers_at_once_are_found():
    kb = kb_of(pm("alpha", "2001-01-01", None), pm("beta", "2005-06-01", "2007-01-01"))
    assert overlapping_terms(kb) == [
        "prime minister of GBR: alpha (2001-01-01 to now) overlaps beta (2005-06-01 to 2007-01-01)"]


def test_a_successor_starting_the_day_the_term_ends_is_no_overlap():
    kb = kb_of(pm("alpha", "2001-01-01", "2005-06-01"), pm("beta", "2005-06-01", None))
    assert role_conflicts(kb) == []


def test_the_same_office_in_two_countries_is_no_overlap():
    kb = kb_of(pm("alpha", "2001-01-01", None), pm("beta", "2001-01-01", None, country="IRL"))
    assert overlapping_terms(kb) == []


def test_an_office_held_by_several_at_once_is_not_checked():
    # a minister of state is one of many; Bosnia's presidency has three members by design
    kb = kb_of(pm("alpha", "2001-01-01", None, role="minister of state"),
               pm("beta", "2002-01-01", None, role="minister of state"),
               pm("gamma", "2001-01-01", None, country="BIH", role="president"),
               pm("delta", "2001-01-01", None, country="BIH", role="president"))
    assert overlapping_terms(kb) == []


def test_a_term_listed_twice_for_one_person_is_found():
    person = pm("alpha", "2001-01-01", "2004-01-01")
    person["roles"].append({**person["roles"][0], "start": "2003-01-01", "end": "2006-01-01"})
    assert len(overlapping_terms(kb_of(person))) == 1


def test_a_term_that_ends_the_day_it_starts_is_found():
    kb = kb_of(pm("alpha", "2011-04-07", "2011-04-07"))
    assert misordered_roles(kb) == ["alpha: prime minister 2011-04-07 to 2011-04-07 ends on or before it starts"]


def test_a_one_day_phoenix_post_ends_the_next_day():
    from tools.phoenix import convert, parse_actor_text

    text = "JANE_KRASNIQA_ # CountryInfo.txt\n+SPEAKER_JANE_KRASNIQA_\n\t[XKXGOV 110407-110407]\n"
    [entry] = convert(parse_actor_text(text, "countries", "Test.actors.txt"),
                      vocab=(frozenset(), frozenset()))
    [role] = entry["roles"]
    assert (role["start"], role["end"]) == (dt.date(2011, 4, 7), dt.date(2011, 4, 8))
    assert entry["source"] == "Test.actors.txt line 1"
