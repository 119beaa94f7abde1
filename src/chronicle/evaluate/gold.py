"""The gold shape every reader returns, and where the shared data is found at run time.

The labelled sets carry licences that forbid redistribution, so they are never copied into the
project: they live under ``$CHRONICLE_SHARED/eval-data`` or the ``shared`` folder beside the
repository, and a missing set raises :class:`DatasetError` that says where it was looked for.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from chronicle.errors import DatasetError


@dataclass(frozen=True)
class GoldRelation:
    """One labelled source -> event -> target relation; ``None`` where the set does not say."""

    event_type: str
    source_text: str | None
    target_text: str | None
    cameo: str | None = None
    source_code: str | None = None
    target_code: str | None = None


@dataclass
class GoldSentence:
    """A sentence with its gold labels.

    ``label`` is the sentence-level class where a set has one (ConfliBERT quad class 0-4);
    ``noevent`` is true where the set asserts that no event should be coded; ``spans`` holds
    role -> actor texts for sets that mark actors without pairing them into relations;
    ``published`` is the article's publication date (ISO) where the set gives one, which the coder
    needs to resolve dates and the role a person held.
    """

    id: str
    text: str
    relations: list[GoldRelation] = field(default_factory=list)
    label: int | None = None
    noevent: bool = False
    spans: dict[str, list[str]] = field(default_factory=dict)
    meta: dict[str, str] = field(default_factory=dict)
    published: str | None = None


@dataclass(frozen=True)
class DatasetInfo:
    name: str
    folder: str
    loader: Callable[[], list[GoldSentence]]
    description: str


# --------------------------------------------------------------------------- locating the data

def candidate_roots() -> list[Path]:
    """Where ../shared may be: $CHRONICLE_SHARED alone when set, else beside the project or the
    current folder (tests, eval and training read the labelled sets there, never a copy)."""
    env = os.environ.get("CHRONICLE_SHARED")
    if env:  # an explicit setting is obeyed alone, so a typo is reported rather than bypassed
        return [Path(env).expanduser()]
    import chronicle

    # chronicle/__init__.py -> chronicle -> src -> <repo>; the shared folder sits beside the repo.
    repo = Path(chronicle.__file__).resolve().parents[2]
    roots = [repo.parent / "shared", Path.cwd().resolve().parent / "shared"]
    return list(dict.fromkeys(roots))


def _bases() -> list[Path]:
    # CHRONICLE_SHARED may name the shared folder or its eval-data/ subfolder.
    return [root if root.name == "eval-data" else root / "eval-data" for root in candidate_roots()]


def eval_data_root() -> Path | None:
    """The ``eval-data`` folder, or ``None`` if no candidate location has one."""
    return next((base for base in _bases() if base.is_dir()), None)


def dataset_dir(name: str, folder: str) -> Path:
    """The folder of one dataset, or a :class:`DatasetError` that says where it was looked for."""
    searched = [base / folder for base in _bases()]
    for path in searched:
        if path.is_dir():
            return path
    raise DatasetError(
        f"dataset {name} not found at {' or '.join(map(str, searched))}; "
        "set CHRONICLE_SHARED to the folder that holds eval-data/"
    )


def dataset_file(name: str, folder: str, *parts: str) -> Path:
    """A file of one dataset; a missing file is a :class:`DatasetError` too."""
    path = dataset_dir(name, folder).joinpath(*parts)
    if not path.is_file():
        raise DatasetError(f"dataset {name}: file {path} is missing")
    return path


def read_jsonl(path, dataset: str, convert: Callable[[dict], object]) -> Iterator:
    """``convert(record)`` for each non-blank line of a JSON Lines file; a line that is not JSON or
    that ``convert`` rejects (KeyError, TypeError, ValueError) raises DatasetError naming the line."""
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                yield convert(json.loads(line))
            except (ValueError, KeyError, TypeError) as exc:
                raise DatasetError(f"dataset {dataset}: {path} line {number}: {exc}") from exc
