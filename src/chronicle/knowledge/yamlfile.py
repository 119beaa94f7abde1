"""Parse the YAML data files with libyaml's C parser when PyYAML was built with it.

The built-in actor, lexicon and cue files are about 2 MB of YAML; PyYAML's pure-Python parser
took about 4 s of the 6 s a Coder needed to start, which every CLI call, every test session and
every Dask worker pays. The C parser reads the same YAML subset into the same values, and its
errors are the same ``yaml.YAMLError`` types, so callers' error messages do not change.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from chronicle.errors import DataFileError

SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str):
    """``yaml.safe_load``, faster."""
    return yaml.load(text, Loader=SAFE_LOADER)


def read_yaml(path: str, *, missing: str | None = None):
    """A data file's YAML, or a DataFileError naming the file and the problem in one line (the
    lexicon, actor and table loaders share these messages). ``missing``, when given, is the message
    for a file that does not exist; otherwise that is reported like any unreadable file."""
    try:
        return parse_yaml(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise DataFileError(path, missing or f"cannot read: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(path, f"cannot read: {exc}") from None
    except yaml.YAMLError as exc:
        raise DataFileError(path, f"not valid YAML: {str(exc).splitlines()[0]}") from None
