"""Shared fixtures: the Coder is built once per test session (loading spaCy takes a second)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CHRONICLE_SHARED", REPO.parent / "shared"))


def shared_path(*parts: str) -> Path:
    """A file under ../shared, or a skip naming what is missing."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared is not beside the project; set CHRONICLE_SHARED)")
    return path


@pytest.fixture(scope="session")
def coder():
    from chronicle import Coder

    return Coder()
