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


@pytest.fixture(scope="session")
def rules():
    """The rules alone (``Coder(learned=False)``): what a rule test asserts does not move when the
    learned model is retrained."""
    from chronicle import Coder

    return Coder(learned=False)


def pytest_configure(config):
    """Under ``make test-fast`` (CHRONICLE_TEST_FAST=1) loading the spaCy model is an error: a test
    that needs it must be marked ``model``, so the fast target stays fast and honest."""
    if os.environ.get("CHRONICLE_TEST_FAST"):
        from chronicle.syntax import model

        def refuse(name: str):
            raise RuntimeError(f"test-fast: the spaCy model {name!r} is not loaded here; mark the test 'model'")

        model._load_model = refuse
