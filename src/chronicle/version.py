"""The package version and the version of its shipped data, apart from everything else so any
module (the assemble stage, the store, the Dask workers) can read them without importing the
package's public API."""

from __future__ import annotations

__version__ = "0.2.0"
DATA_RELEASE = "2026.11.29"


def _data_digest() -> str:
    """A digest of the shipped data files (lexicons, actors, cues, gazetteer additions).

    Stored events carry the data version that coded them, and ``chronicle recode`` re-codes the
    events of any other version: with the digest in it, any edit of a data file makes the stored
    events stale, without anyone having to remember to bump ``DATA_RELEASE``."""
    import hashlib
    from importlib import resources

    digest = hashlib.sha256()
    root = resources.files("chronicle").joinpath("data")
    stack = [root]
    files = []
    while stack:
        for entry in stack.pop().iterdir():
            if entry.is_dir():
                stack.append(entry)
            elif entry.name.endswith((".yaml", ".txt", ".tsv", ".jsonl", ".json")):
                files.append(entry)
    for entry in sorted(files, key=lambda e: str(e)):
        digest.update(entry.name.encode("utf-8"))
        digest.update(entry.read_bytes())
    return digest.hexdigest()[:8]


DATA_VERSION = f"{DATA_RELEASE}+{_data_digest()}"
