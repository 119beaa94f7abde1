"""The event record is a contract: the shipped JSON Schema matches the models, and output validates."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from chronicle.schema import PLOVER_TYPES, QUAD_CLASS, event_json_schema
from conftest import REPO, shared_path

SCHEMA = json.loads(resources.files("chronicle").joinpath("data", "event.schema.json").read_text())


def test_schema_file_is_up_to_date():
    assert SCHEMA == event_json_schema(), "run `python -m chronicle.schema` to regenerate event.schema.json"


def test_schema_names_the_contract_fields():
    props = SCHEMA["properties"]
    for name in ("id", "doc_id", "sentence_index", "sentence", "event_type", "mode", "contexts", "cameo",
                 "quad_class", "goldstein", "factuality", "source", "target", "reciprocal", "trigger",
                 "date", "location", "attribution", "size", "casualties", "confidence", "coder"):
        assert name in props, name
    actor = SCHEMA["$defs"]["Actor"]["properties"]
    for name in ("text", "start", "end", "name", "actor_id", "country", "sector", "role"):
        assert name in actor, name


def test_plover_types_and_quad_classes():
    assert len(PLOVER_TYPES) == 16
    assert {QUAD_CLASS[t] for t in PLOVER_TYPES} == {1, 2, 3, 4}


def _sample_files():
    return sorted((REPO / "samples").glob("*.txt"))


@pytest.mark.model
@pytest.mark.parametrize("path", _sample_files(), ids=lambda p: p.name)
def test_sample_output_validates(coder, path: Path):
    published = path.name[:10]
    events = coder.code(path.read_text(encoding="utf-8"), published=published, doc_id=path.name)
    assert events, f"{path.name} yields no events"
    for event in events:
        jsonschema.validate(json.loads(event.model_dump_json()), SCHEMA)


@pytest.mark.model
@pytest.mark.shared
def test_example_output_validates(coder):
    text = shared_path("examples", "fatah-hamas-cairo.txt").read_text(encoding="utf-8")
    events = coder.code(text, published="2017-10-12", doc_id="fatah-hamas-cairo.txt")
    for event in events:
        jsonschema.validate(json.loads(event.model_dump_json()), SCHEMA)
