"""`make serve` in a browser: a mistake shows its lines instead of a hanging page, the page comes
back by itself once it is fixed, and an edit of bibliography.bib alone is picked up."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from browser_helpers import free_port
from helpers import ENGINE, make_project

PAGE = "docs/begreper/testbegrep.md"
GOOD_CITATION = "[@skjefstad2012, s. 56]"
BAD_CITATION = "[@skjefstad2021, s. 56]"
WAIT_MS = 90_000  # a rebuild on a busy machine


def _replace(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _wait_until_served(url: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert process.poll() is None, "the server stopped: " + process.stdout.read()
        try:
            urllib.request.urlopen(url, timeout=5)  # noqa: S310 - localhost
            return
        except urllib.error.HTTPError:
            return  # it answers (the error page is served as 404)
        except OSError:
            time.sleep(0.5)
    pytest.fail("the server did not answer")


@pytest.fixture
def served_with_a_mistake(tmp_path):
    """A fixture site with an unknown citation key, served as `make serve` does; yields (project, url)."""
    project = make_project(tmp_path / "project")
    _replace(project / PAGE, GOOD_CITATION, BAD_CITATION)
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", ENGINE, "serve", "-f", "mkdocs.yml", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # its own process group, ended below by its id
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        _wait_until_served(url, process)
        yield project, url
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=30)


def test_the_browser_shows_the_mistake_then_the_page_and_follows_the_bib(browser, served_with_a_mistake):
    project, url = served_with_a_mistake
    page = browser.new_page()
    page.goto(url + "begreper/testbegrep/")
    error = page.locator("main ol li").first
    error.wait_for(timeout=WAIT_MS)
    assert page.locator("html").get_attribute("lang") == "nb"
    assert error.inner_text().startswith("docs/begreper/testbegrep.md:13: ukjent kildenøkkel «skjefstad2021»")
    assert error.inner_text().endswith("[ukjent-kilde]")

    _replace(project / PAGE, BAD_CITATION, GOOD_CITATION)  # fixed: the page comes back by itself
    page.locator("article h1", has_text="Testbegrep").wait_for(timeout=WAIT_MS)
    assert page.locator("article").inner_text().count("Et testkapittel") >= 1

    _replace(project / "bibliography.bib", "{Et testkapittel}", "{Et endret testkapittel}")  # only the .bib
    page.locator("article", has_text="Et endret testkapittel").wait_for(timeout=WAIT_MS)

    _replace(project / "bibliography.bib", "  year            = {2020},", "  year            = {2020a},")
    page.locator("main ol li", has_text="bibliography.bib:").wait_for(timeout=WAIT_MS)
    assert "year = {2020a}" in page.locator("main ol li").first.inner_text()
    page.close()
