"""Writers for coded events: a readable table, JSON Lines (the contract), or flat CSV.

Every writer flushes after each article, so events written before a crash are kept.
"""

from __future__ import annotations

import csv
import sys
from contextlib import contextmanager
from typing import IO, Iterator

from chronicle.schema import Article, Event

FORMATS = ("table", "jsonl", "csv")

CSV_COLUMNS = [
    "id", "doc_id", "sentence_index", "event_type", "mode", "cameo", "quad_class", "goldstein",
    "factuality", "source", "source_country", "source_sector", "target", "target_country",
    "target_sector", "reciprocal", "trigger", "date", "date_precision", "location", "location_country",
    "lat", "lon", "speaker", "channel", "size", "killed", "injured", "arrested", "mentions",
    "confidence", "sentence",
]


def _join(values) -> str:
    return "; ".join("" if v is None else str(v) for v in values)


def flat_row(event: Event) -> dict:
    """One CSV row: lists of actors joined with '; ', nested fields flattened."""
    loc, att, date = event.location, event.attribution, event.date
    cas = event.casualties
    return {
        "id": event.id, "doc_id": event.doc_id, "sentence_index": event.sentence_index,
        "event_type": event.event_type, "mode": event.mode or "", "cameo": event.cameo or "",
        "quad_class": event.quad_class, "goldstein": "" if event.goldstein is None else event.goldstein,
        "factuality": event.factuality,
        "source": _join(a.name or a.text for a in event.source),
        "source_country": _join(a.country for a in event.source),
        "source_sector": _join(a.sector for a in event.source),
        "target": _join(a.name or a.text for a in event.target),
        "target_country": _join(a.country for a in event.target),
        "target_sector": _join(a.sector for a in event.target),
        "reciprocal": event.reciprocal, "trigger": event.trigger.text,
        "date": date.value if date else "", "date_precision": date.precision if date else "",
        "location": loc.name if loc else "", "location_country": (loc.country or "") if loc else "",
        "lat": "" if not loc or loc.lat is None else loc.lat, "lon": "" if not loc or loc.lon is None else loc.lon,
        "speaker": (att.speaker.name or att.speaker.text) if att and att.speaker else "",
        "channel": (att.channel or "") if att else "",
        "size": event.size.count if event.size else "",
        "killed": "" if not cas or cas.killed is None else cas.killed,
        "injured": "" if not cas or cas.injured is None else cas.injured,
        "arrested": "" if not cas or cas.arrested is None else cas.arrested,
        "mentions": event.mentions, "confidence": event.confidence, "sentence": event.sentence,
    }


def _actor_label(actors) -> str:
    parts = []
    for a in actors:
        code = "".join(x for x in (a.country or "???", a.sector or "") if x)
        parts.append(f"{a.name or a.text} [{code}]")
    return ", ".join(parts) or "-"


class JsonlWriter:
    def __init__(self, stream: IO[str]):
        self.stream = stream

    def write(self, article: Article, events: list[Event]) -> None:
        """Write one article's events."""
        for event in events:
            self.stream.write(event.model_dump_json() + "\n")
        self.stream.flush()

    def close(self) -> None:
        """Nothing to finish: every article's events are flushed as they are written."""
        pass


class CsvWriter:
    def __init__(self, stream: IO[str]):
        self.stream = stream
        self.writer = csv.DictWriter(stream, fieldnames=CSV_COLUMNS)
        self.writer.writeheader()

    def write(self, article: Article, events: list[Event]) -> None:
        """Write one article's events."""
        for event in events:
            self.writer.writerow(flat_row(event))
        self.stream.flush()

    def close(self) -> None:
        """Nothing to finish: every article's events are flushed as they are written."""
        pass


class TableWriter:
    """One readable table per article (rich), for people reading the terminal."""

    def __init__(self, stream: IO[str]):
        from rich.console import Console

        self.console = Console(file=stream, width=160 if not stream.isatty() else None)

    def write(self, article: Article, events: list[Event]) -> None:
        """Write one article's events."""
        from rich.table import Table
        from rich.text import Text

        title = f"{article.id}" + (f" ({article.published})" if article.published else "") + f": {len(events)} events"
        # Text objects, never markup: an id or a sentence may hold "[/x]", which rich would parse.
        table = Table(title=Text(title), title_justify="left", show_lines=False)
        for column in ("#", "type", "cameo", "source", "target", "fact.", "date", "place", "said by", "trigger"):
            table.add_column(column, overflow="fold")
        for event in events:
            arrow = "<->" if event.reciprocal else ""
            att = event.attribution
            speaker = ""
            if att is not None:
                who = (att.speaker.name or att.speaker.text) if att.speaker else ""
                speaker = " ".join(part for part in (who, f"via {att.channel}" if att.channel else "") if part)
            table.add_row(*(Text(cell) for cell in (
                str(event.sentence_index), event.event_type + (f"/{event.mode}" if event.mode else ""),
                event.cameo or "", _actor_label(event.source), (arrow + " " if arrow else "") + _actor_label(event.target),
                event.factuality, event.date.value if event.date else "",
                f"{event.location.name} ({event.location.country})" if event.location else "",
                speaker, event.trigger.text + (f" x{event.mentions}" if event.mentions > 1 else ""),
            )))
        self.console.print(table)

    def close(self) -> None:
        """Nothing to finish: every article's events are flushed as they are written."""
        pass


@contextmanager
def open_writer(fmt: str, out: str | None) -> Iterator:
    """A writer for ``fmt`` on the file ``out`` (or stdout)."""
    stream = open(out, "w", encoding="utf-8", newline="") if out else sys.stdout
    writer = {"jsonl": JsonlWriter, "csv": CsvWriter, "table": TableWriter}[fmt](stream)
    try:
        yield writer
    finally:
        writer.close()
        if out:
            stream.close()
