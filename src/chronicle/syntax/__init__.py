"""Shared language helpers below the stages: the spaCy pipeline loader, the rough sentence splitter,
and parse-tree helpers that several stages use (actors of a phrase, the reporting verb, spans).
Stages import from here, never from each other."""
