"""The offline map's data: tools/build_world_shapes.py and the file it wrote for the explorer.

No browser and no model: these run in ``make test-fast``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pycountry
import pytest

from tools import build_world_shapes as shapes

REPO = Path(__file__).resolve().parents[2]
SHIPPED = REPO / "src" / "chronicle" / "api" / "static" / "data" / "world-110m.json"


def topology(arcs, geometries, transform=None) -> dict:
    result = {"type": "Topology", "arcs": arcs, "objects": {"countries": {"type": "GeometryCollection",
                                                                          "geometries": geometries}}}
    if transform:
        result["transform"] = transform
    return result


def test_quantized_arcs_are_delta_decoded_and_scaled():
    topo = topology([[[0, 0], [10, 0], [0, 20], [-10, -20]]], [],
                    {"scale": [0.5, 0.25], "translate": [-180, -90]})
    assert shapes.decode_arcs(topo) == [[(-180.0, -90.0), (-175.0, -90.0), (-175.0, -85.0), (-180.0, -90.0)]]


def test_a_ring_joins_its_arcs_and_reverses_negative_ones():
    arcs = [[(0, 0), (10, 0), (10, 10)], [(0, 0), (0, 10), (10, 10)]]
    # arc 0 forward, then arc 1 reversed (~1 == -2): the shared end point is kept once
    assert shapes.ring_points([0, ~1], arcs) == [(0, 0), (10, 0), (10, 10), (0, 10), (0, 0)]


def test_a_ring_becomes_a_compact_relative_path():
    path = shapes.ring_path([(0, 0), (10, 0), (10, 0), (10, 10), (0, 0)])
    assert path == "M0 0l100 0 0 -100 -100 100z"  # 10 units a degree, north is up, repeats dropped


def test_a_ring_across_the_antimeridian_is_drawn_on_both_sides_without_a_line_across_the_map():
    ring = [(170.0, 60.0), (-170.0, 60.0), (-170.0, 70.0), (170.0, 70.0), (170.0, 60.0)]
    drawn = shapes.copies(ring)
    assert len(drawn) == 2
    for copy in drawn:
        steps = [abs(b[0] - a[0]) for a, b in zip(copy, copy[1:])]
        assert max(steps) <= 20
    assert drawn[0][1] == (190.0, 60.0) and drawn[1][0] == (-190.0, 60.0)


def test_convert_codes_countries_by_iso_alpha3_and_leaves_out_antarctica():
    square = [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]
    topo = topology([square], [
        {"type": "Polygon", "arcs": [[0]], "id": "250", "properties": {"name": "France"}},
        {"type": "Polygon", "arcs": [[0]], "id": "010", "properties": {"name": "Antarctica"}},
        {"type": "Polygon", "arcs": [[0]], "properties": {"name": "Kosovo"}},
        {"type": "Polygon", "arcs": [[0]], "properties": {"name": "Somaliland"}},
    ])
    result = shapes.convert(topo)
    assert [(c["id"], c["name"]) for c in result["countries"]] == [("FRA", "France"), ("XKX", "Kosovo"),
                                                                    (None, "Somaliland")]
    assert result["projection"] == "equirectangular" and result["units_per_degree"] == 10
    assert "Natural Earth" in result["source"] and "world-atlas" in result["source"]


def test_main_reports_a_file_it_cannot_read_in_one_line(tmp_path, capsys):
    bad = tmp_path / "broken.json"
    bad.write_text("{not json", encoding="utf-8")
    assert shapes.main([str(bad), "--out", str(tmp_path / "out.json")]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"build_world_shapes: cannot convert {bad}:") and err.count("\n") == 1


@pytest.fixture(scope="module")
def shipped() -> dict:
    return json.loads(SHIPPED.read_text(encoding="utf-8"))


def test_the_shipped_map_names_its_source_and_holds_the_worlds_countries(shipped):
    assert "Natural Earth" in shipped["source"] and "public domain" in shipped["source"]
    assert (SHIPPED.parent / "README.md").read_text(encoding="utf-8").count("Natural Earth") >= 2
    codes = [c["id"] for c in shipped["countries"] if c["id"]]
    assert len(codes) == len(set(codes)) >= 170
    assert {"USA", "RUS", "CHN", "ISR", "PSE", "UKR", "SYR", "FJI", "XKX"} <= set(codes)
    assert all(code == "XKX" or pycountry.countries.get(alpha_3=code) for code in codes)
    assert "ATA" not in codes


def test_the_shipped_paths_stay_on_the_map(shipped):
    """Every path is well formed, and no step crosses more than half the map (the line an
    antimeridian crossing draws when it is not cut)."""
    width = shipped["viewBox"][2]
    for country in shipped["countries"]:
        for sub in re.findall(r"M(-?\d+) (-?\d+)l([^z]*)z", country["d"]):
            numbers = [int(n) for n in sub[2].split()]
            assert len(numbers) % 2 == 0, country["name"]
            assert all(abs(dx) < width / 2 for dx in numbers[0::2]), country["name"]
        assert country["d"].count("M") == country["d"].count("z") >= 1, country["name"]
