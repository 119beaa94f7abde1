"""End to end on the first article a user codes: ../shared/examples/fatah-hamas-cairo.txt.

Every row its codebook marks "required" must come out with the right type, actors' countries,
factuality, date and place; the photo caption and credit lines must yield nothing.
"""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import shared_path

pytestmark = [pytest.mark.model, pytest.mark.shared]


@pytest.fixture(scope="module")
def article():
    return shared_path("examples", "fatah-hamas-cairo.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def events(coder, article):
    return coder.code(article, published="2017-10-12", doc_id="fatah-hamas-cairo.txt")


def actor_keys(actors):
    return {(a.actor_id or a.text) for a in actors}


def countries(actors):
    return {a.country for a in actors}


def parties(event):
    return event.source + event.target


def find(events, event_type, **checks):
    found = [e for e in events if e.event_type == event_type and all(check(e) for check in checks.values())]
    return found


def test_required_1_agreement_reached_in_cairo(events):
    found = find(events, "AGREE", actual=lambda e: e.factuality == "actual",
                 today=lambda e: e.date is not None and e.date.value == "2017-10-12")
    assert found, [e.model_dump(include={"event_type", "factuality", "date"}) for e in events]
    event = found[0]
    assert event.reciprocal
    assert {"fatah", "hamas"} <= actor_keys(parties(event))
    assert countries(parties(event)) == {"PSE"}
    assert event.location is not None and event.location.name == "Cairo" and event.location.country == "EGY"
    assert event.attribution is not None and event.attribution.speaker is not None
    assert event.attribution.speaker.country == "PSE"
    assert event.mentions >= 2  # the lead and the body report the same agreement
    assert len(event.repeats) == event.mentions - 1  # each later report keeps its own words
    assert all(r.start > event.trigger.start for r in event.repeats)


def test_required_2_talks_between_the_factions_in_cairo(events):
    found = find(events, "CONSULT", actual=lambda e: e.factuality == "actual",
                 both=lambda e: {"fatah", "hamas"} <= actor_keys(parties(e)))
    assert found
    assert any(e.location is not None and e.location.name == "Cairo" for e in found)
    assert all(e.reciprocal for e in found)


def test_required_4_agreement_of_2014(events):
    found = find(events, "AGREE", year=lambda e: e.date is not None and e.date.value == "2014")
    assert len(found) == 1
    event = found[0]
    assert event.date.precision == "year" and event.date.text == "2014"
    assert event.factuality == "actual"
    assert countries(parties(event)) == {"PSE"}
    assert {"fatah", "hamas"} <= actor_keys(parties(event))


def test_required_5_government_never_formed_is_no_positive_event(events):
    for event in events:
        if "no such government" in event.sentence and event.trigger.text in ("formed", "form"):
            assert event.factuality == "negated"
    assert not [e for e in events if e.trigger.text == "formed" and e.factuality == "actual"]


def test_required_6_netanyahu_warns(events):
    found = find(events, "ACCUSE", source=lambda e: any(a.actor_id == "benjamin-netanyahu" for a in e.source))
    assert found
    event = found[0]
    assert event.factuality == "actual"
    netanyahu = event.source[0]
    assert (netanyahu.country, netanyahu.sector) == ("ISR", "GOV")
    assert netanyahu.role == "prime minister"
    assert dt.date.fromisoformat(event.date.value) <= dt.date(2017, 10, 12)


def test_required_7_israel_demands_demilitarization_of_hamas(events):
    found = find(events, "REQUEST", src=lambda e: countries(e.source) == {"ISR"})
    assert found
    event = found[0]
    assert event.factuality == "actual"
    assert event.source[0].sector == "GOV"
    assert "hamas" in actor_keys(event.target)


def test_required_9_security_cooperation_is_hypothetical(events):
    in_sentence = [e for e in events if "3,000" in e.sentence]
    assert in_sentence
    assert all(e.factuality == "hypothetical" for e in in_sentence)
    assert any(e.event_type in ("COOPERATE", "MOBILIZE") for e in in_sentence)
    sized = [e for e in in_sentence if e.size is not None]
    assert sized and sized[0].size.count == 3000
    assert any(e.location is not None and e.location.country == "PSE" for e in in_sentence)


def test_caption_and_credit_yield_nothing(events, article):
    caption_start = article.index("Members of Fatah and Hamas in Cairo")
    credit_end = article.index("Photo Credit: EPA") + len("Photo Credit: EPA")
    for event in events:
        assert not (caption_start <= event.trigger.start < credit_end)
        for actor in parties(event):
            assert not (caption_start <= actor.start < credit_end), actor


def test_every_field_has_evidence_in_the_text(events, article):
    for event in events:
        assert article[event.trigger.start:event.trigger.end] == event.trigger.text
        for actor in parties(event):
            assert article[actor.start:actor.end] == actor.text
        if event.date is not None and event.date.text is not None:
            assert article[event.date.start:event.date.end] == event.date.text
        if event.location is not None and event.location.text is not None:
            assert article[event.location.start:event.location.end] == event.location.text
