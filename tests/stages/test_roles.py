"""The roles stage alone: code people again with the role they held on the event's date.

The actors stage coded every person as of the publication date; an article of 2024 that recalls
what Biden did in 2012 must code him as the vice president he then was, not as the president he
was when it was written. Only people are recoded (a country or an organisation has no dated
roles); events dated only by their publication keep their codes; a year or month date counts from
its first day; and a mention shared by two drafts of different dates is copied, never changed in
place, so each draft gets its own role. People come from the shipped knowledge base
(``data/actors/people.yaml``) and from the user's actor files handed over by the ``StageContext``.

Each case is a draft built by hand with hand-built actors and a hand-set date.
"""

from __future__ import annotations

import pytest

from chronicle.knowledge.lexicon import TriggerEntry
from chronicle.record import ActorMention, Draft, Work
from chronicle.schema import Article, EventDate, Span
from chronicle.stages.base import StageContext
from chronicle.stages.roles import RolesStage
from tests.parses import parsed

TEXT = "Biden criticized Kenya."
TABLE = """
    Biden       Biden      PROPN NNP nsubj 1 B-PERSON
    criticized  criticize  VERB  VBD ROOT  1 O
    Kenya       Kenya      PROPN NNP dobj  1 B-GPE
    .           .          PUNCT .   punct 1 O
"""


@pytest.fixture(scope="module")
def stage() -> RolesStage:
    roles = RolesStage()
    roles.initialize(StageContext())
    return roles


def biden() -> ActorMention:
    """Biden as the actors stage codes him in an article published in 2024."""
    return ActorMention(text="Biden", start=0, end=5, name="Joe Biden", actor_id="joe-biden", country="USA",
                        sector="GOV", role="president", kind="person", method="knowledge-base:role",
                        confidence=0.9, head_i=0)


def kenya() -> ActorMention:
    return ActorMention(text="Kenya", start=17, end=22, name="Kenya", actor_id="ken", country="KEN", sector="GOV",
                        kind="country", method="country", confidence=0.8, head_i=2)


def dated(value: str | None, method: str = "expression") -> EventDate | None:
    if value is None:
        return None
    precision = {1: "year", 2: "month", 3: "day"}[len(value.split("-"))]
    return EventDate(value=value, precision=precision, method=method)


def draft(date: EventDate | None, source: list[ActorMention], target: list[ActorMention]) -> Draft:
    doc = parsed(TEXT, TABLE)
    trigger = doc[1]
    return Draft(sentence_index=0, sentence=doc[0:len(doc)], trigger=trigger,
                 trigger_span=Span(text=trigger.text, start=trigger.idx, end=trigger.idx + len(trigger)),
                 entry=TriggerEntry(lemma="criticize", pos="VERB", event_type="ACCUSE", cameo="111"),
                 event_type="ACCUSE", cameo="111", source=source, target=target, date=date)


def run(stage: RolesStage, *drafts: Draft) -> list[Draft]:
    work = Work(article=Article(id="t", text=TEXT), drafts=list(drafts))
    return stage(work).drafts


@pytest.mark.parametrize("date, role, sector, method", [
    ("2012-05-01", "vice president", "GOV", "knowledge-base:role"),
    ("2023-06", "president", "GOV", "knowledge-base:role"),
    ("1990", "senator", "LEG", "knowledge-base:role"),
    # a year counts from its first day: on 2009-01-01 he was still a senator, not yet vice president
    ("2009", "senator", "LEG", "knowledge-base:role"),
    # before any dated role: the person's default code, never the government
    ("1965-03-10", None, "PTY", "knowledge-base:default"),
])
def test_a_person_is_recoded_with_the_role_held_on_the_event_date(stage, date, role, sector, method):
    (out,) = run(stage, draft(dated(date), [biden()], [kenya()]))
    (person,) = out.source
    assert (person.role, person.country, person.sector, person.method) == (role, "USA", sector, method)
    assert (person.text, person.start, person.end, person.actor_id) == ("Biden", 0, 5, "joe-biden")


@pytest.mark.parametrize("date", [None, dated("2012-05-01", method="publication")])
def test_an_event_dated_only_by_publication_keeps_its_codes(stage, date):
    person = biden()
    (out,) = run(stage, draft(date, [person], []))
    assert out.source == [person] and out.source[0] is person
    assert out.source[0].role == "president"


def test_countries_organisations_and_unknown_actors_are_not_recoded(stage):
    country = kenya()
    party = ActorMention(text="the Democrats", start=0, end=13, actor_id="democratic-party", country="USA",
                         sector="PTY", kind="organisation", method="knowledge-base", confidence=0.9)
    stranger = ActorMention(text="Mr Okafor", start=0, end=9, name="Mr Okafor", kind="person", method="ner")
    (out,) = run(stage, draft(dated("1990-01-01"), [party, stranger], [country]))
    assert out.source[0] is party and out.source[1] is stranger and out.target[0] is country


def test_a_mention_shared_by_drafts_of_different_dates_gets_each_drafts_role(stage):
    shared = biden()
    early, late = run(stage, draft(dated("2012-05-01"), [shared], []), draft(dated("2022-05-01"), [], [shared]))
    assert early.source[0].role == "vice president"
    assert late.target[0].role == "president"
    assert shared.role == "president" and shared.method == "knowledge-base:role"  # copied, not changed


def test_people_from_the_users_actor_files_are_recoded(tmp_path):
    user = tmp_path / "people.yaml"
    user.write_text(
        "- id: ilse-varnholt\n"
        "  kind: person\n"
        "  name: Ilse Varnholt\n"
        "  country: DEU\n"
        "  sector: PTY\n"
        "  roles:\n"
        "    - {role: mayor, country: DEU, sector: GOV, start: 2011-05-01, end: 2019-05-01}\n"
        "    - {role: member of parliament, country: DEU, sector: LEG, start: 2021-10-26, end: null}\n",
        encoding="utf-8")
    stage = RolesStage()
    stage.initialize(StageContext(actor_files=(str(user),)))
    person = ActorMention(text="Varnholt", start=0, end=8, name="Ilse Varnholt", actor_id="ilse-varnholt",
                          country="DEU", sector="LEG", role="member of parliament", kind="person",
                          method="knowledge-base:role", confidence=0.9)
    (out,) = run(stage, draft(dated("2015-07-04"), [person], []))
    assert (out.source[0].role, out.source[0].sector, out.source[0].country) == ("mayor", "GOV", "DEU")
    (out,) = run(stage, draft(dated("2020-01-01"), [person], []))
    assert (out.source[0].role, out.source[0].sector) == (None, "PTY")  # between offices: the default code
