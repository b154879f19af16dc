"""Browser tests: Debian's Chromium driven by Playwright, against the app served by
gunicorn on 127.0.0.1, with JavaScript on and off. Never `playwright install`."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from person import CHROMIUM, Person, launch

ROOT = Path(__file__).resolve().parents[2]
ARTEFACTS = ROOT / "test-artefacts"


def pytest_collection_modifyitems(config, items):
    """Mark every test in this folder, so `pytest -m "not browser"` skips them."""
    here = Path(__file__).parent
    for item in items:
        if Path(item.fspath).parent == here:
            item.add_marker(pytest.mark.browser)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def server_database(tmp_path_factory) -> str:
    """The browser tests' server's own SQLite database (tests add partners to it)."""
    return f"sqlite:///{tmp_path_factory.mktemp('db') / 'navigator.db'}"


@pytest.fixture(scope="session")
def server(server_database):
    """The app under a real WSGI server (gunicorn, 2 workers) on a free local port,
    with its own SQLite database (both workers migrate it on first use, under a lock)."""
    port = _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": server_database,
        "NAVIGATOR_SECRET_KEY": "browser-tests-only",
        "NAVIGATOR_QUICK_EXIT_URL": "https://neutral.invalid/",  # answered in the browser
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-b", f"127.0.0.1:{port}", "-w", "2", "wsgi:app"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(base + "/", timeout=2) as response:
                if response.status == 200:
                    break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"gunicorn did not start: {proc.stderr.read().decode()[-2000:]}")
            time.sleep(0.3)
    yield base
    proc.terminate()
    proc.wait(timeout=15)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"{CHROMIUM} is missing: run scripts/install.sh --test (apt-get install chromium)"
        )
    with launch() as chromium:
        yield chromium


def _person(browser, server, tmp_path, *, js: bool, width: int = 1280, height: int = 900):
    person = Person(browser, server, tmp_path, js=js, width=width, height=height)
    yield person
    person.close()
    foreign = sorted(person.foreign_requests())
    ARTEFACTS.mkdir(exist_ok=True)
    with (ARTEFACTS / "requests.txt").open("a") as log:  # figures for the issue notes
        log.write(f"{len(person.requests)} requests, {len(foreign)} to other hosts\n")
    assert foreign == [], f"requests left the host: {foreign}"


@pytest.fixture(params=[True, False], ids=["js", "no-js"])
def person(request, browser, server, tmp_path):
    """A person at a desktop browser, with JavaScript on and then off."""
    yield from _person(browser, server, tmp_path, js=request.param)


@pytest.fixture()
def js_person(browser, server, tmp_path):
    """A person at a desktop browser with JavaScript on (axe and keyboard tests)."""
    yield from _person(browser, server, tmp_path, js=True)


@pytest.fixture()
def desktop_person(browser, server, tmp_path):
    """A person at a desktop browser with JavaScript off."""
    yield from _person(browser, server, tmp_path, js=False)


@pytest.fixture()
def phone_person(browser, server, tmp_path):
    """A person on a 360x740 phone with JavaScript off (Tor Browser's safest mode)."""
    yield from _person(browser, server, tmp_path, js=False, width=360, height=740)


@pytest.fixture(scope="session")
def artefacts() -> Path:
    path = ARTEFACTS / "screenshots"
    path.mkdir(parents=True, exist_ok=True)
    return path
