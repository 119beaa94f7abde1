"""Importers that regenerate Chronicle's data files from published dictionaries (run from the repository
root as ``python -m tools.NAME``). They are not part of the installed package; tests cover them."""
