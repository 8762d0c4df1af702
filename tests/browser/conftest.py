"""Browser fixtures: a fixture site served on localhost, and Debian's Chromium via Playwright."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from browser_helpers import page_urls, served_build, visit_every_page

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items):
    """Every test here runs in a browser: `make check` leaves them out (-m "not browser")."""
    for item in items:
        if "tests/browser/" in item.nodeid:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def served_fixture(tmp_path_factory):
    """The fixture site built for, and served at, its own SITE_URL; yields that URL. It has a
    feedback address, so axe also checks the mail link on each page and in the footer."""
    with served_build(tmp_path_factory.mktemp("served"), env={"FEEDBACK_EMAIL": "post@eksempel.no"}) as url:
        yield url


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
def real_site_and_files(tmp_path_factory):
    """The real site built for, and served at, its own SITE_URL; yields that URL and the folder
    served. Built once for every test that reads it: the offline tests change a served file and put
    it back, as a new version of a page and a new deployment would (each browser context has its
    own service worker and caches, so no other test sees the change)."""
    workdir = tmp_path_factory.mktemp("served-real")
    with served_build(workdir, fixture=None) as url:
        yield url, workdir / "project" / "site"


@pytest.fixture(scope="session")
def served_real_site(real_site_and_files):
    """The real site's URL (see real_site_and_files)."""
    return real_site_and_files[0]


@pytest.fixture(scope="session")
def real_site_visit(browser, served_real_site):
    """Every page of the real site opened once (and the error pages): what the whole-site checks
    of the slow lane (policy, axe, other hosts, width on a phone) read, instead of each opening
    every page again."""
    return visit_every_page(browser, served_real_site, page_urls() + ["404.html", "503.html"])
