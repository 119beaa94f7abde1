"""Coded errors: each says what happened and what to do next.

The library raises these; only the CLI turns them into a one-line message and an exit status.
"""

from __future__ import annotations


class ChronicleError(Exception):
    """Base of every error Chronicle raises on purpose."""

    code = "E000"

    def __init__(self, message: str):
        super().__init__(f"[{self.code}] {message}")
        self.message = message


class InputError(ChronicleError):
    """An input (file, line, field) cannot be read as an article."""

    code = "E001"

    def __init__(self, where: str, problem: str):
        super().__init__(f"{where}: {problem}")
        self.where = where
        self.problem = problem


class DataFileError(ChronicleError):
    """A data file (actors, lexicon, gazetteer additions) is malformed."""

    code = "E002"

    def __init__(self, path: str, problem: str):
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class ModelNotInstalledError(ChronicleError):
    """The spaCy English pipeline package is missing."""

    code = "E003"


class DatasetError(ChronicleError):
    """An evaluation dataset is missing or unreadable."""

    code = "E004"


def coding_failure(exc: BaseException) -> str:
    """One line saying why an article could not be coded (the exception's type and first line), for
    the message and the quarantine record that set the article aside. A Chronicle error (a worker's
    report of a failure, say) already says it in its message."""
    if isinstance(exc, ChronicleError):
        return exc.message.strip().splitlines()[0][:300] if exc.message.strip() else type(exc).__name__
    lines = str(exc).strip().splitlines()
    first = lines[0] if lines else ""
    return f"{type(exc).__name__}: {first}"[:300] if first else type(exc).__name__
