"""Dask worker preload of the fault-injection runs (``--workers 1``): the worker codes with the fake
coder of ``support.install_fake_coder``. Dask imports this file by path in each worker process."""

import sys
from pathlib import Path

TESTS = str(Path(__file__).resolve().parents[1])
if TESTS not in sys.path:
    sys.path.insert(0, TESTS)

from reliability.support import install_fake_coder  # noqa: E402

install_fake_coder(worker=True)
