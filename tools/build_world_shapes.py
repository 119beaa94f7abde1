"""Convert Natural Earth country shapes (world-atlas TopoJSON) into the web explorer's offline map.

The explorer's map must work without a tile server or any request to the internet, so the country
outlines ship with the project as pre-projected SVG paths::

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python -m tools.build_world_shapes package/countries-110m.json \\
        --out src/chronicle/api/static/data/world-110m.json

Input: ``countries-110m.json`` of the npm package ``world-atlas`` 2.0.2 (Mike Bostock, ISC licence),
a TopoJSON conversion of Natural Earth's 1:110m Admin 0 countries (public domain). Output: one JSON
file holding, per country, its ISO 3166-1 alpha-3 code (from the numeric id through pycountry, the
code Chronicle's actors and places carry), its name and an SVG path in an equirectangular projection
(x = longitude, y = -latitude, ``UNITS_PER_DEGREE`` units a degree, rounded to whole units, relative
line-to commands). The browser draws event places with the same two lines of arithmetic, so shapes
and points agree without a projection library. Antarctica is left out (no political events are
placed there and it would take a quarter of the map's height).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pycountry

UNITS_PER_DEGREE = 10
NORTH, SOUTH = 84.0, -58.0
"""Latitudes the map shows: Natural Earth's land reaches 83.6 N; south of 58 S is Antarctica only."""
LEFT_OUT = {"010"}
"""Numeric ids not drawn: Antarctica."""
CODES_BY_NAME = {"Kosovo": "XKX"}
"""Shapes without an ISO numeric id in world-atlas whose code Chronicle knows (countries.yaml uses XKX
for Kosovo); the others (N. Cyprus, Somaliland) are drawn as land without a code."""
SOURCE = ("Natural Earth 1:110m Admin 0 countries (public domain, naturalearthdata.com), as TopoJSON in "
          "the npm package world-atlas 2.0.2 (ISC licence, Mike Bostock); converted by "
          "tools/build_world_shapes.py")


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """The topology's arcs as lists of (longitude, latitude): TopoJSON stores them quantized and
    delta-encoded, so each position is the running sum times the transform's scale, plus its offset."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        if transform is None:
            arcs.append([(float(x), float(y)) for x, y, *_ in arc])
            continue
        (kx, ky), (dx, dy) = transform["scale"], transform["translate"]
        x = y = 0
        points = []
        for qx, qy, *_ in arc:
            x, y = x + qx, y + qy
            points.append((x * kx + dx, y * ky + dy))
        arcs.append(points)
    return arcs


def ring_points(ring: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    """One closed ring from its arc indexes: a negative index ``~i`` is arc ``i`` reversed, and each
    arc after the first starts where the previous ended, so its first point is dropped."""
    points: list[tuple[float, float]] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def unwrap(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The ring with longitudes made continuous: a step of more than 180 degrees (a ring crossing
    the antimeridian, as Russia's and Fiji's do) continues past +-180 instead of jumping back, which
    would draw a line across the whole map."""
    result = [points[0]]
    for lon, lat in points[1:]:
        previous = result[-1][0]
        while lon - previous > 180:
            lon -= 360
        while lon - previous < -180:
            lon += 360
        result.append((lon, lat))
    return result


def copies(points: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """An unwrapped ring, plus a copy shifted by 360 degrees where it runs past +-180, so both ends
    of the map show their part (the SVG's viewBox clips the rest)."""
    ring = unwrap(points)
    result = [ring]
    if max(lon for lon, _ in ring) > 180:
        result.append([(lon - 360, lat) for lon, lat in ring])
    if min(lon for lon, _ in ring) < -180:
        result.append([(lon + 360, lat) for lon, lat in ring])
    return result


def project(lon: float, lat: float) -> tuple[int, int]:
    """Equirectangular map units of a position; the browser's ``project`` in map.js is the same."""
    return round(lon * UNITS_PER_DEGREE), round(-lat * UNITS_PER_DEGREE)


def ring_path(points: list[tuple[float, float]]) -> str:
    """An SVG sub-path for a ring: an absolute move, relative line-tos, repeated points skipped."""
    projected = [project(lon, lat) for lon, lat in points]
    x0, y0 = projected[0]
    parts = [f"M{x0} {y0}"]
    last = (x0, y0)
    steps = []
    for x, y in projected[1:]:
        if (x, y) != last:
            steps.append(f"{x - last[0]} {y - last[1]}")
            last = (x, y)
    if len(steps) < 2:
        return ""
    parts.append("l" + " ".join(steps) + "z")
    return "".join(parts)


def geometry_path(geometry: dict, arcs: list[list[tuple[float, float]]]) -> str:
    """The SVG path of a Polygon or MultiPolygon geometry (all its rings, holes included: the
    browser fills with the even-odd rule)."""
    polygons = {"Polygon": [geometry.get("arcs", [])],
                "MultiPolygon": geometry.get("arcs", [])}.get(geometry["type"], [])
    return "".join(ring_path(copy) for polygon in polygons for ring in polygon
                   for copy in copies(ring_points(ring, arcs)))


def alpha3(numeric: str | None, name: str) -> str | None:
    """The ISO 3166-1 alpha-3 code of a world-atlas shape, or None when it has none."""
    if numeric is None:
        return CODES_BY_NAME.get(name)
    country = pycountry.countries.get(numeric=numeric)
    return country.alpha_3 if country else None


def convert(topology: dict) -> dict:
    """The explorer's map file from a world-atlas topology: countries sorted by name."""
    arcs = decode_arcs(topology)
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        numeric = geometry.get("id")
        if numeric in LEFT_OUT:
            continue
        name = geometry.get("properties", {}).get("name", "")
        path = geometry_path(geometry, arcs)
        if path:
            countries.append({"id": alpha3(numeric, name), "name": name, "d": path})
    countries.sort(key=lambda c: c["name"])
    top, height = round(-NORTH * UNITS_PER_DEGREE), round((NORTH - SOUTH) * UNITS_PER_DEGREE)
    return {"source": SOURCE, "projection": "equirectangular", "units_per_degree": UNITS_PER_DEGREE,
            "viewBox": [-180 * UNITS_PER_DEGREE, top, 360 * UNITS_PER_DEGREE, height], "countries": countries}


def main(argv: list[str] | None = None) -> int:
    """Command line: read the TopoJSON file, write the map file (compact JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("topojson", type=Path, help="world-atlas countries-110m.json")
    parser.add_argument("--out", type=Path, required=True, help="map file to write")
    args = parser.parse_args(argv)
    try:
        topology = json.loads(args.topojson.read_text(encoding="utf-8"))
        result = convert(topology)
    except (OSError, ValueError, KeyError) as exc:
        print(f"build_world_shapes: cannot convert {args.topojson}: {exc}", file=sys.stderr)
        return 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"build_world_shapes: {len(result['countries'])} countries -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
