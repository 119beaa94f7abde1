"""Rough sentence boundaries of raw text, found without parsing.

The screen decides by sentence what to parse, and events are numbered by the sentence that holds
them, before anything is parsed; both need the same cheap, regular-expression split. It is never
used for output text: when unsure it does not split (a missed boundary costs only parsing time).
"""

from __future__ import annotations

import re

SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n+")

ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\b[A-Za-z](?:\.[A-Za-z])+|\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Maj|Capt|Cpt|Sgt|Cpl|Adm|Cmdr|Brig|"
    r"Gov|Sen|Rep|Pres|Rev|Hon|St|Jr|Sr|Mt|Ft|Inc|Ltd|Co|Corp|Bros|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|"
    r"Dec|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun|No|Nos|Vol|Fig|approx|etc|vs|no|nos|incl|est|ca|gov|govt))\.$")
"""A period that ends "Gen.", "Mr.", "U.S.", "Jan." or "approx." does not end the sentence; one
that ends "Gaza." or "Iran." does."""


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Rough sentence boundaries: good enough to decide what to parse, never used for output.
    When unsure it does not split: a missed boundary only costs parsing time."""
    spans, start = [], 0
    for match in SENTENCE_END.finditer(text):
        before = text[max(start, match.start() - 12):match.start()]
        if "\n" not in match.group() and ABBREVIATION.search(before.rstrip("\"'”’)")):
            continue
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]
