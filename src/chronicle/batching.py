"""How a stream of articles is cut into batches: by the single-process ingest, the Dask runner
and recode alike, so all of them store the same batches in the same order."""

from __future__ import annotations

import itertools
from typing import Iterable, Iterator, TypeVar

T = TypeVar("T")


def batch_sizes(batch_size: int, ramp_up: bool = False) -> Iterator[int]:
    """The sizes of the batches an ingest writes, one transaction each: ``batch_size`` forever,
    preceded with ``ramp_up`` by the powers of two below it (1, 2, 4, 8 for 16).

    Doubling keeps the extra batches (and transactions, and cluster tasks) to a handful while the
    first one holds a single article.
    """
    size = 1 if ramp_up else batch_size
    while size < batch_size:
        yield size
        size *= 2
    yield from itertools.repeat(max(1, batch_size))


def batched(items: Iterable[T], sizes: Iterable[int]) -> Iterator[list[T]]:
    """Consecutive lists of ``items`` as long as ``sizes`` says, the last one maybe shorter."""
    stream = iter(items)
    for size in sizes:
        batch = list(itertools.islice(stream, size))
        if not batch:
            return
        yield batch
