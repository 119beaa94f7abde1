"""``chronicle`` for the fault-injection runs: ``python run_chronicle.py ingest ...``.

With ``CHRONICLE_FAKE_CODER=1`` the store commands code with ``support.SlowFakeCoder`` (deterministic
events, ``CHRONICLE_FAKE_DELAY`` seconds an article) instead of loading spaCy; ``--workers`` runs
get it through the Dask workers' preload (``fake_preload.py``, set by the caller in
``DASK_DISTRIBUTED__WORKER__PRELOAD``). Without it this is the real command.
"""

import os
import sys
from pathlib import Path

TESTS = str(Path(__file__).resolve().parents[1])
if TESTS not in sys.path:
    sys.path.insert(0, TESTS)

if __name__ == "__main__":  # not in a Dask worker, which multiprocessing starts from this file
    if os.environ.get("CHRONICLE_FAKE_CODER"):
        from reliability.support import install_fake_coder

        install_fake_coder()

    from chronicle.cli import cli

    cli(prog_name="chronicle")
