"""Writers for coded events: a readable table, JSON Lines (the contract), a flat CSV, or a long CSV
of actors. Every row carries the article it came from (``chronicle.io.rows``).

Every writer flushes after each article, so events written before a crash are kept.
"""

from __future__ import annotations

import datetime as _dt
import json
import sys
from contextlib import contextmanager
from typing import IO, Iterator

from chronicle.io.rows import ACTOR_COLUMNS, FLAT_COLUMNS, ArticleInfo, actor_rows, flat_row, json_row
from chronicle.schema import Article, Event

FORMATS = ("table", "jsonl", "csv", "csv-actors")

CSV_COLUMNS = list(FLAT_COLUMNS)
"""The CSV columns (``chronicle/data/schema/events.schema.json`` lists and types them)."""


def _info(article: Article | ArticleInfo | None) -> ArticleInfo | None:
    if article is None or isinstance(article, ArticleInfo):
        return article
    return ArticleInfo.of(article)


def csv_cell(value) -> str:
    """One CSV cell: text always quoted (so a CAMEO code '030' stays text for readers that honour
    quotes: DuckDB, Frictionless), numbers, dates and booleans bare (``true``/``false``),
    None an empty unquoted cell (null for every reader)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    return '"' + str(value).replace('"', '""') + '"'


def csv_line(values) -> str:
    """One CSV record (RFC 4180 line end)."""
    return ",".join(csv_cell(v) for v in values) + "\r\n"


class JsonlWriter:
    """The event records as JSON Lines, each with its ``article`` object: every line has the same
    keys and the same JSON types (null where absent, lists always lists)."""

    def __init__(self, stream: IO[str]):
        self.stream = stream

    def write(self, article: Article | ArticleInfo | None, events: list[Event]) -> None:
        """Write one article's events."""
        info = _info(article)
        for event in events:
            self.stream.write(json.dumps(json_row(event, info), ensure_ascii=False,
                                         separators=(",", ":")) + "\n")
        self.stream.flush()

    def close(self) -> None:
        """Nothing to finish: every article's events are flushed as they are written."""
        pass


class CsvWriter:
    """The flat CSV of events (columns and types: the Table Schema ``events.schema.json``)."""

    columns: tuple[str, ...] = FLAT_COLUMNS

    def __init__(self, stream: IO[str]):
        self.stream = stream
        self.stream.write(csv_line(self.columns))

    def rows(self, event: Event, article: ArticleInfo | None) -> list[dict]:
        """The rows of one event."""
        return [flat_row(event, article)]

    def write(self, article: Article | ArticleInfo | None, events: list[Event]) -> None:
        """Write one article's events."""
        info = _info(article)
        for event in events:
            for row in self.rows(event, info):
                self.stream.write(csv_line(row[c] for c in self.columns))
        self.stream.flush()

    def close(self) -> None:
        """Nothing to finish: every article's events are flushed as they are written."""
        pass


class CsvActorsWriter(CsvWriter):
    """The long CSV of actors: one row per event and actor (Table Schema ``actors.schema.json``)."""

    columns = ACTOR_COLUMNS

    def rows(self, event: Event, article: ArticleInfo | None) -> list[dict]:
        """One row per source and target actor of the event."""
        return actor_rows(event, article)


def _actor_label(actors) -> str:
    parts = []
    for a in actors:
        code = "".join(x for x in (a.country or "???", a.sector or "") if x)
        parts.append(f"{a.name or a.text} [{code}]")
    return ", ".join(parts) or "-"


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


WRITERS = {"jsonl": JsonlWriter, "csv": CsvWriter, "csv-actors": CsvActorsWriter, "table": TableWriter}


@contextmanager
def open_writer(fmt: str, out: str | None) -> Iterator:
    """A writer for ``fmt`` on the file ``out`` (or stdout)."""
    stream = open(out, "w", encoding="utf-8", newline="") if out else sys.stdout
    writer = WRITERS[fmt](stream)
    try:
        yield writer
    finally:
        writer.close()
        if out:
            stream.close()
