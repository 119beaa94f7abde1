"""A user's own gold file for ``chronicle eval FILE.jsonl``, in the plover-dev JSON Lines format.

One sentence a line::

    {"id": "s1", "text": "Jordan and Britain agreed to hold joint exercises.",
     "relations": [{"event_type": "AGREE", "source_text": "Jordan", "target_text": "Britain"}],
     "published": "2024-05-09"}

``id``, ``text`` and ``relations`` are required; each relation needs an ``event_type`` (a PLOVER
type, or YIELD for CONCEDE and RETREAT together as plover-dev labels them); ``source_text`` and
``target_text`` may be missing or null; ``published`` (YYYY-MM-DD) is optional and anchors relative
dates and roles; other fields are ignored. ``"relations": []`` labels a sentence with no event.
CONCEDE and RETREAT are scored as YIELD on both sides, so a file may use either spelling.

A file that cannot be scored stops with one :class:`DatasetError` line naming the file, the line
and the field, before anything is coded: a typo found after an hour of coding is an hour lost.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path
from typing import get_args

from chronicle.errors import DatasetError
from chronicle.evaluate.gold import GoldRelation, GoldSentence
from chronicle.schema import EventType

TYPE_ALIASES = {"CONCEDE": "YIELD", "RETREAT": "YIELD"}
GOLD_LABELS = frozenset(get_args(EventType)) | {"YIELD"}


def looks_like_gold_file(name: str) -> bool:
    """Whether ``chronicle eval NAME`` means a file rather than a built-in dataset name."""
    return name.endswith((".jsonl", ".jsonl.gz", ".json")) or "/" in name or "\\" in name \
        or Path(name).exists()


def load_gold_file(path: str | Path) -> list[GoldSentence]:
    """Every sentence of a gold file, checked line by line (see the module docstring)."""
    path = Path(path)
    if not path.is_file():
        problem = "is a folder, not a file" if path.is_dir() else "not found"
        raise DatasetError(f"gold file {path}: {problem}")
    opener = gzip.open if path.name.endswith(".gz") else open
    sentences: list[GoldSentence] = []
    seen: dict[str, int] = {}
    try:
        with opener(path, "rt", encoding="utf-8") as fh:
            for number, line in enumerate(fh, 1):
                if line.strip():
                    sentences.append(_sentence(_json_object(line, path, number), path, number, seen))
    except (UnicodeDecodeError, gzip.BadGzipFile, EOFError) as exc:
        raise DatasetError(f"gold file {path}: not UTF-8 JSON Lines ({exc})") from exc
    except OSError as exc:
        raise DatasetError(f"gold file {path}: cannot be read ({exc.strerror or exc})") from exc
    if not sentences:
        raise DatasetError(f"gold file {path}: no sentences (expected one JSON object a line)")
    return sentences


def _json_object(line: str, path: Path, number: int) -> dict:
    try:
        record = json.loads(line)
    except ValueError as exc:
        raise DatasetError(f"gold file {path} line {number}: not JSON ({exc})") from exc
    if not isinstance(record, dict):
        raise DatasetError(f"gold file {path} line {number}: expected a JSON object, "
                           f"got {type(record).__name__}")
    return record


def _field(record: dict, name: str, kind: type, where: str):
    if name not in record:
        raise DatasetError(f"{where}: field '{name}' is missing")
    value = record[name]
    if not isinstance(value, kind) or (kind is str and not value.strip()):
        raise DatasetError(f"{where}: field '{name}' must be a non-empty "
                           f"{'string' if kind is str else 'list'}, got {json.dumps(value)[:60]}")
    return value


def _sentence(record: dict, path: Path, number: int, seen: dict[str, int]) -> GoldSentence:
    where = f"gold file {path} line {number}"
    if type(record.get("id")) is int:  # a numeric id is as good as a string one
        record = {**record, "id": str(record["id"])}
    sentence_id = _field(record, "id", str, where)
    if sentence_id in seen:
        raise DatasetError(f"{where}: id {sentence_id!r} already used on line {seen[sentence_id]}")
    seen[sentence_id] = number
    text = _field(record, "text", str, where)
    if "relations" not in record:
        raise DatasetError(f"{where}: field 'relations' is missing (use [] for a sentence with no event)")
    if not isinstance(record["relations"], list):
        raise DatasetError(f"{where}: field 'relations' must be a list")
    relations = [_relation(r, f"{where}: relations[{i}]") for i, r in enumerate(record["relations"])]
    return GoldSentence(id=sentence_id, text=text, relations=relations, noevent=not relations,
                        published=_published(record.get("published"), where))


def _relation(record, where: str) -> GoldRelation:
    if not isinstance(record, dict):
        raise DatasetError(f"{where}: expected an object with 'event_type'")
    label = _field(record, "event_type", str, where).strip().upper()
    label = TYPE_ALIASES.get(label, label)
    if label not in GOLD_LABELS:
        raise DatasetError(f"{where}: field 'event_type' {record['event_type']!r} is not a PLOVER "
                           f"type ({', '.join(sorted(GOLD_LABELS))})")
    sides = []
    for side in ("source_text", "target_text"):
        value = record.get(side)
        if value is not None and not isinstance(value, str):
            raise DatasetError(f"{where}: field '{side}' must be a string or null")
        sides.append(value or None)
    return GoldRelation(label, *sides)


def _published(value, where: str) -> str | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise DatasetError(f"{where}: field 'published' {value!r} is not a date (YYYY-MM-DD)") from None
