"""Browser fixtures: a fixture site served on localhost, and Debian's Chromium via Playwright."""

from __future__ import annotations

import functools
import http.server
import os
import threading
from pathlib import Path

import pytest
from browser_helpers import free_port as _free_port
from helpers import build, make_project

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass




@pytest.fixture(scope="session")
def served_fixture(tmp_path_factory):
    """The fixture site built for, and served at, its own SITE_URL; yields that URL."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}/"
    project = make_project(tmp_path_factory.mktemp("served") / "project")
    result = build(project, env={"SITE_URL": url})
    assert result.returncode == 0, result.stderr
    handler = functools.partial(_QuietHandler, directory=str(project / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).is_file():
        pytest.fail(f"Nettlesertestene trenger Debian-pakken chromium ({CHROMIUM}); kjør «make test», som installerer den.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, served_fixture):
    context = browser.new_context()
    page = context.new_page()
    page.requests = []  # every URL the page asked for
    page.on("request", lambda request: page.requests.append(request.url))
    yield page
    context.close()


@pytest.fixture(scope="session")
def served_real_site(tmp_path_factory):
    """The real site built for, and served at, its own SITE_URL; yields that URL."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}/"
    project = make_project(tmp_path_factory.mktemp("served-real") / "project", fixture=None)
    result = build(project, env={"SITE_URL": url})
    assert result.returncode == 0, result.stderr
    handler = functools.partial(_QuietHandler, directory=str(project / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield url
    server.shutdown()
