"""Parse the YAML data files with libyaml's C parser when PyYAML was built with it.

The built-in actor, lexicon and cue files are about 2 MB of YAML; PyYAML's pure-Python parser
took about 4 s of the 6 s a Coder needed to start, which every CLI call, every test session and
every Dask worker pays. The C parser reads the same YAML subset into the same values, and its
errors are the same ``yaml.YAMLError`` types, so callers' error messages do not change.
"""

from __future__ import annotations

import yaml

SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str):
    """``yaml.safe_load``, faster."""
    return yaml.load(text, Loader=SAFE_LOADER)
