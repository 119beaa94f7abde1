"""The web explorer in headless Chromium, against the real app on a store of real articles.

Set-up, once per session: a store coded from a few articles of ``../shared/corpus`` (two BASIL
stories told by three outlets each, so events have other reports, and BBC politics articles with
foreign actors, for the map and the network); the real app (``chronicle.api.app.create_app``) with a
token, served by uvicorn in a thread on a free loopback port; Chromium driven by selenium at
1366x768. Chromium and its driver are Debian's ``chromium`` and ``chromium-driver``: when they are
absent the set-up installs them with apt-get (as root), else the tests skip and say why.
Screenshots go to ``test-artifacts/`` at the repository root.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import socket
import subprocess
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import REPO, shared_path

ARTIFACTS = REPO / "test-artifacts"
TOKEN = "browser-test-token"
WINDOW = (1366, 768)
BASIL_STORIES = ("2b95d2cf", "45bd61bc")
"""BASIL stories (three outlets each): Michael Steele's Afghanistan remarks, the Ground Zero mosque."""
BBC_ARTICLES = ("bbc-politics-058", "bbc-politics-149", "bbc-politics-189", "bbc-politics-209",
                "bbc-politics-229")
"""BBC politics articles with foreign actors (China, Israel, Palestinians, Iraq, the US)."""
BBC_PUBLISHED = dt.date(2005, 3, 1)
"""The BBC set carries no dates; its articles are from 2004-2005."""


def chosen_articles() -> list[dict]:
    """The corpus articles of the test store, in a fixed order."""
    basil = [json.loads(line) for line in shared_path("corpus", "basil", "basil.jsonl").open(encoding="utf-8")]
    bbc = [json.loads(line) for line in shared_path("corpus", "bbc-news", "bbc-news.jsonl").open(encoding="utf-8")]
    chosen = [a for a in basil if a["story"][:8] in BASIL_STORIES]
    chosen += [a for a in bbc if a["id"] in BBC_ARTICLES]
    assert len(chosen) == 3 * len(BASIL_STORIES) + len(BBC_ARTICLES), "the corpus changed: pick other articles"
    return chosen


def _chromium_paths() -> tuple[str | None, str | None]:
    return (shutil.which("chromium") or shutil.which("chromium-browser"),
            shutil.which("chromedriver") or ("/usr/lib/chromium/chromedriver" if Path("/usr/lib/chromium/chromedriver").exists() else None))


def ensure_chromium() -> tuple[str, str]:
    """Paths of Chromium and its driver; installs Debian's packages when absent and root, else skips."""
    browser, driver = _chromium_paths()
    if browser and driver:
        return browser, driver
    if os.name != "posix" or os.geteuid() != 0 or not shutil.which("apt-get"):
        pytest.skip("headless Chromium is absent (install Debian's 'chromium' and 'chromium-driver'; "
                    "the tests install them only when run as root with apt-get)")
    for command in (["apt-get", "update"], ["apt-get", "install", "-y", "chromium", "chromium-driver"]):
        done = subprocess.run(command, capture_output=True, text=True, timeout=900,
                              env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
        if done.returncode != 0:
            pytest.skip(f"could not install Chromium ({' '.join(command)}: {done.stderr.strip()[-200:]})")
    browser, driver = _chromium_paths()
    if not (browser and driver):
        pytest.skip("apt-get installed chromium and chromium-driver but they are not on PATH")
    return browser, driver


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ServerThread:
    """A uvicorn server of ``app`` in a daemon thread on a free loopback port."""

    def __init__(self, app):
        import uvicorn

        self.port = free_port()
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning",
                                                    lifespan="off"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        """The server's base URL."""
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> "ServerThread":
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError(f"the test server did not start on port {self.port}")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="session")
def store_path(tmp_path_factory, coder) -> Path:
    """A store coded from real corpus articles, with its merged events."""
    from chronicle.dedup.store import merge_new
    from chronicle.io.read import read_paths
    from chronicle.store import Store, ingest

    folder = tmp_path_factory.mktemp("browser-store")
    source = folder / "articles.jsonl"
    source.write_text("".join(json.dumps(a) + "\n" for a in chosen_articles()), encoding="utf-8")
    path = folder / "explorer.duckdb"
    with Store(path) as store:
        stats = ingest(store, read_paths([str(source)], published=BBC_PUBLISHED), coder, batch_size=8)
        assert stats.stored == len(chosen_articles()), stats.summary()
        merge_new(store)
    return path


def _serve(db: Path, token: str | None):
    from chronicle.api.app import ApiSettings, create_app

    # A browser page makes a burst of requests (meta, map shapes, stats): no rate limit in tests.
    return ServerThread(create_app(ApiSettings(db=str(db), token=token, rate=0)))


@pytest.fixture(scope="session")
def server(store_path):
    """The real app with a token (reviews allowed), served on loopback."""
    with _serve(store_path, TOKEN) as running:
        yield running


@pytest.fixture(scope="session")
def read_only_server(tmp_path_factory, store_path):
    """The real app without a token (read-only) over a copy of the store."""
    copy = tmp_path_factory.mktemp("read-only") / "explorer.duckdb"
    shutil.copy(store_path, copy)
    with _serve(copy, None) as running:
        yield running


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium at 1366x768 (a laptop screen), driven by selenium."""
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.chrome.service import Service

    binary, driver_path = ensure_chromium()
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     f"--window-size={WINDOW[0]},{WINDOW[1]}", "--lang=en-GB"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    try:
        driver = webdriver.Chrome(service=Service(driver_path), options=options)
    except WebDriverException as exc:
        pytest.skip(f"Chromium did not start: {exc.msg.splitlines()[0] if exc.msg else exc}")
    driver.set_window_size(*WINDOW)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def token() -> str:
    """The token the test server requires for writes."""
    return TOKEN


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """The folder of screenshots (created)."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
