"""Small helpers for the browser tests: a free port, a built site served on localhost, axe runs."""

from __future__ import annotations

import contextlib
import functools
import http.server
import socket
import threading
from pathlib import Path

from helpers import ROOT, build, make_project

# WCAG 2.0, 2.1 and 2.2, levels A and AA. The axe-core that axe-playwright-python bundles (4.12)
# has no rule tagged wcag22a and one tagged wcag22aa, target-size (2.5.8 Target Size), which is
# off by default and runs because its tag is asked for (test_accessibility.py proves it does).
# 2.4.11 Focus Not Obscured has its own test (test_reader.py); the other new criteria need none
# here (no dragging, no sign-in, no forms but search).
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
WCAG_AA = {"runOnly": {"type": "tag", "values": WCAG_TAGS}}
# The only rules whose result depends on the colour scheme: the dark palette is checked for these.
COLOUR_RULES = {"runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]}}
# Material assigns these once its scripts have set up the page (instant navigation, tooltips, search).
MATERIAL_READY = "() => window.component$ !== undefined && window.location$ !== undefined"


def open_page(page, url: str) -> None:
    """Go to `url` and wait until Material has initialised, instead of sleeping."""
    page.goto(url)
    page.wait_for_function(MATERIAL_READY)


def page_urls() -> list[str]:
    """Every page's address in the real site, from the docs' source files."""
    urls = []
    for path in sorted((ROOT / "docs").rglob("*.md")):
        rel = path.relative_to(ROOT / "docs").as_posix()[:-3]
        urls.append("" if rel == "index" else (rel[:-5] if rel.endswith("/index") else rel + "/"))
    return urls


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class SubPathHandler(QuietHandler):
    """Serves the built site only under `prefix`; everything else is 404, as on GitHub Pages."""

    prefix = "/"

    def translate_path(self, path):
        if not path.startswith(self.prefix):
            return "/nonexistent-outside-prefix"
        return super().translate_path("/" + path[len(self.prefix) :])


@contextlib.contextmanager
def served_build(workdir: Path, prefix: str = "/", env: dict[str, str] | None = None, **project_options):
    """Build a project for http://127.0.0.1:<port><prefix>, serve it there, and yield that URL."""
    port = free_port()
    url = f"http://127.0.0.1:{port}{prefix}"
    project = make_project(workdir / "project", **project_options)
    result = build(project, env={**(env or {}), "SITE_URL": url})
    assert result.returncode == 0, result.stderr
    handler_class = type("Handler", (SubPathHandler,), {"prefix": prefix})
    handler = functools.partial(handler_class, directory=str(project / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield url
    finally:
        server.shutdown()


# The print view repeats every page, each already checked on its own: axe checks its frame and
# its first three sections (same code for all), which keeps a run of the whole site near 1½ min.
PRINT_VIEW = "utskrift/"
PRINT_VIEW_CONTEXT = {"exclude": [["section.utskrift-side:nth-of-type(n+4)"]]}


def axe_violations(browser, base: str, urls: list[str], scheme: str, options: dict = WCAG_AA) -> dict:
    """WCAG 2.0/2.1/2.2 A and AA violations per page, found by axe-core in the given colour scheme."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    found = {}
    options = {**options, "resultTypes": ["violations"]}  # no details of what passed: a third faster
    for url in urls:
        open_page(page, base + url)
        where = PRINT_VIEW_CONTEXT if url == PRINT_VIEW else None
        violations = axe.run(page, context=where, options=options).response["violations"]
        if violations:
            found[url or "/"] = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations]
    context.close()
    return found
