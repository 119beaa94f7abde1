"""The corpus store: an embedded DuckDB database of articles, events and refused inputs.

>>> from chronicle.store import Store, ingest, iter_events
>>> with Store("chronicle.duckdb") as store:
...     stats = ingest(store, read_paths(["news/"]), coder, batch_size=32)
...     for event in iter_events(store, since=datetime.date(2024, 1, 1)):
...         ...
"""

from chronicle.store.db import SCHEMA_VERSION, Store, StoreError, store_error
from chronicle.store.ingest import IngestStats, RecodeStats, coder_info, ingest, recode
from chronicle.store.query import ArticleRef, EventFilter, copy_parquet, iter_events, iter_records
from chronicle.store.sqlite_export import write_sqlite
from chronicle.store.stats import store_stats

__all__ = [
    "SCHEMA_VERSION", "Store", "StoreError", "store_error", "IngestStats", "RecodeStats", "coder_info", "ingest",
    "recode", "ArticleRef", "EventFilter", "copy_parquet", "iter_events", "iter_records", "write_sqlite",
    "store_stats",
]
