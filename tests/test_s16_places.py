"""Session 16: a town written with its state, province or country after a comma is that region's.

News writes "Kingston, Ont.", "Staunton, Va.", "Perth, Western Australia", "SPRINGFIELD, Ill. --":
the region decides which town of the name is meant (and so the event's place and the country the
story's unnamed police and suspects take), where the biggest town of the name would be abroad. The
rule must not read lists ("Russia, Georgia and Ukraine", "Texas, Georgia") as a town and its region.
All sentences are made up.
"""

from __future__ import annotations

import pytest

from chronicle import Coder
from chronicle.knowledge.gazetteer import Gazetteer

from tests.coding import events_of


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder()


@pytest.mark.parametrize("town, region, country, admin1, precision", [
    ("Kingston", "Ont.", "CAN", "Ontario", "city"),
    ("Kingston", "Jamaica", "JAM", None, "city"),
    ("London", "Ontario", "CAN", "Ontario", "city"),
    ("Victoria", "B.C.", "CAN", "British Columbia", "city"),
    ("Lebanon", "Pa.", "USA", "Pennsylvania", "city"),
    ("Moscow", "Idaho", "USA", "Idaho", "city"),
    ("Perth", "Western Australia", "AUS", "Western Australia", "city"),
    ("Perth", "Scotland", "GBR", "Scotland", "city"),
    ("Hyderabad", "Sindh", "PAK", "Sindh", "city"),
    ("Tbilisi", "Georgia", "GEO", None, "city"),
    ("Atlanta", "Georgia", "USA", "Georgia", "city"),
    # no town of that name in the region the data knows: the region itself, never the town abroad
    ("Bountiful", "B.C.", "CAN", "British Columbia", "admin1"),
    ("Loudoun County", "Va.", "USA", "Virginia", "admin1"),
])
def test_a_town_is_looked_up_in_the_region_written_after_it(gaz, town, region, country, admin1, precision):
    place = gaz.resolve(town, within=region)
    assert (place.country, place.admin1, place.precision) == (country, admin1, precision)


@pytest.mark.parametrize("first, second, country", [
    ("Russia", "Georgia", "RUS"),   # a list of countries
    ("Texas", "Georgia", "USA"),    # a list of states: Texas stays Texas
    ("Kyiv", "Russia", "UKR"),      # "in Kyiv, Russia said ...": no Kyiv in Russia, no change
])
def test_a_list_is_not_a_town_and_its_region(gaz, first, second, country):
    place = gaz.resolve(first, within=second)
    assert place.country == country and place.name == gaz.resolve(first).name


def test_words_that_name_no_region_change_nothing(gaz):
    assert gaz.scope("officials") == [] and gaz.scope("ill") == []
    assert gaz.resolve("Kingston", within="officials").country == "JAM"


def _located(coder, text):
    return [(e.event_type, e.location and (e.location.country, e.location.admin1),
             [a.country for a in e.source], [a.country for a in e.target])
            for e in events_of(coder, text) if e.factuality == "actual"]


def test_canadian_abbreviation_decides_the_town_and_the_police_country(coder):
    found = _located(coder, "Police in Kingston, Ont., detained a teacher on Wednesday after a raid.")
    assert ("COERCE", ("CAN", "Ontario"), ["CAN"], ["CAN"]) in found, found


def test_province_abbreviation_with_no_town_known_there_gives_the_province(coder):
    found = _located(coder, "Officers in Bountiful, B.C., detained two brothers on Friday.")
    assert found and found[0][1] == ("CAN", "British Columbia") and found[0][2] == ["CAN"], found


def test_dateline_state_abbreviation(coder):
    found = _located(coder, "LEBANON, Pa. — State police arrested the town's mayor on Monday.")
    assert found and found[0][1] == ("USA", "Pennsylvania"), found


def test_full_state_name_after_a_town(coder):
    found = _located(coder, "Demonstrators clashed with police in Perth, Western Australia, on Saturday.")
    assert found and all(f[1] == ("AUS", "Western Australia") for f in found), found


def test_a_town_alone_keeps_its_usual_reading(coder):
    found = _located(coder, "Police in Kingston detained a teacher on Wednesday after a raid.")
    assert found and found[0][1][0] == "JAM", found


def test_resolve_written_reads_the_region_after_the_span(gaz, coder):
    """``Gazetteer.resolve_written``: the actors stage's one look-up of a place span as news writes it
    (the town and the region after its comma), a given name in the span's stead, or a name alone."""
    doc = coder.nlp_stage.nlp("Officers in Kingston, Ont. said the man was held.")
    ent = next(e for e in doc.ents if e.text.startswith("Kingston"))
    assert gaz.resolve_written(ent).country == "CAN"
    assert gaz.resolve_written(ent, "Kingston").country == "CAN"  # the region still read from the span
    assert gaz.resolve_written(None, "Kingston").country == "JAM"  # no span: the usual reading
