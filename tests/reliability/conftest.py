"""Writes the figures the reliability tests recorded (``support.record``) to
``$CHRONICLE_RELIABILITY_STATS`` at the end of the session, for ``bench/reliability.py``, and gives
the fault-injection runs a folder for their copy of the package."""

from __future__ import annotations

import os
import resource

import pytest


@pytest.fixture(scope="session", autouse=True)
def _frozen_source_folder(tmp_path_factory):
    """The fault-injection subprocesses run a copy of the package made in pytest's own temporary
    folder (``faults.frozen_source``), which pytest removes with its old runs."""
    from reliability import faults

    faults.SOURCE_PARENT[:] = [tmp_path_factory.mktemp("frozen-source")]
    yield


def pytest_sessionfinish(session, exitstatus):
    path = os.environ.get("CHRONICLE_RELIABILITY_STATS")
    if not path:
        return
    from reliability import support

    support.NOTES["peak_rss_mb"] = [{
        "pytest": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "largest_subprocess": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}]
    support.dump(path)
