"""Unit tests of each coding stage alone, on hand-built parses (tests/parses.py); no model needed."""
