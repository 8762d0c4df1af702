"""Small helpers for the browser tests: a free port, a built site served on localhost, axe runs."""

from __future__ import annotations

import contextlib
import dataclasses
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
# its first three sections (same code for all). The others are taken out of the page first:
# excluded from axe's context they still cost it 10 s (1.8 MB of HTML), out of the page 1 s.
PRINT_VIEW = "utskrift/"
TRIM_PRINT_VIEW = "document.querySelectorAll('section.utskrift-side:nth-of-type(n+4)').forEach(s => s.remove())"


def ready_for_axe(page, url: str) -> None:
    """The page as axe reads it: the print view with its first three sections only."""
    if url == PRINT_VIEW:
        page.evaluate(TRIM_PRINT_VIEW)


def axe_violations(browser, base: str, urls: list[str], scheme: str, options: dict = WCAG_AA) -> dict:
    """WCAG 2.0/2.1/2.2 A and AA violations per page, found by axe-core in the given colour scheme."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    found = {}
    for url in urls:
        open_page(page, base + url)
        if violations := axe_found(axe, page, url, options):
            found[url or "/"] = violations
    context.close()
    return found


def axe_found(axe, page, url: str, options: dict = WCAG_AA) -> list:
    """axe's violations on the open page at `url`: each rule with up to three of its places."""
    ready_for_axe(page, url)
    options = {**options, "resultTypes": ["violations"]}  # no details of what passed: a third faster
    violations = axe.run(page, options=options).response["violations"]
    return [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations]


# Content-Security-Policy violations as the page reports them (the console says the same in words).
RECORD_CSP = """window.__csp = [];
document.addEventListener('securitypolicyviolation',
    e => window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));"""


def watched(context):
    """A new page whose console messages about the policy are kept in `page.messages`."""
    page = context.new_page()
    page.messages = []
    page.on("console", lambda m: page.messages.append(m.text) if "Content Security Policy" in m.text else None)
    return page


def csp_violations(page) -> list[str]:
    return page.messages + page.evaluate("window.__csp")


@dataclasses.dataclass
class SiteVisit:
    """What one visit to every page of a site found: per page its policy, its CSP violations,
    axe's violations and its width on a phone, and every address any page asked for."""

    policies: dict[str, str | None] = dataclasses.field(default_factory=dict)
    csp: dict[str, list[str]] = dataclasses.field(default_factory=dict)
    axe: dict[str, list] = dataclasses.field(default_factory=dict)
    phone_width: dict[str, int] = dataclasses.field(default_factory=dict)
    requests: list[str] = dataclasses.field(default_factory=list)


POLICY = "document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]')?.content ?? null"
PHONE = {"width": 360, "height": 740, "deviceScaleFactor": 1, "mobile": True}
LAPTOP = {"width": 1280, "height": 720, "deviceScaleFactor": 1, "mobile": False}


def width_on_a_phone(page, cdp) -> int:
    """The page's width laid out as on a 360 px phone (Chromium's own device emulation, as a
    Playwright phone context has: the viewport meta honoured, touch), then back to the laptop.
    Measured side by side on every page of the real site: the same widths as a second visit in
    a phone context, in 10 s instead of 26 s."""
    cdp.send("Emulation.setDeviceMetricsOverride", PHONE)
    cdp.send("Emulation.setTouchEmulationEnabled", {"enabled": True})
    width = page.evaluate("document.documentElement.scrollWidth")
    cdp.send("Emulation.setDeviceMetricsOverride", LAPTOP)
    cdp.send("Emulation.setTouchEmulationEnabled", {"enabled": False})
    return width


def visit_every_page(browser, base: str, urls: list[str]) -> SiteVisit:
    """Open every page once (light palette) and record what the whole-site tests check: the
    policy and its violations (test_csp.py), axe, the hosts asked and the width on a phone
    (test_reader.py). One visit instead of four: the slow lane's longest part. (Two pages
    running axe by turns were slower, not faster: axe keeps a core busy.)"""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    context = browser.new_context(color_scheme="light", viewport={"width": 1280, "height": 720})
    context.add_init_script(RECORD_CSP)
    page = watched(context)
    cdp = context.new_cdp_session(page)
    visit = SiteVisit()
    page.on("request", lambda request: visit.requests.append(request.url))
    for url in urls:
        key = url or "/"
        open_page(page, base + url)
        visit.policies[key] = page.evaluate(POLICY)
        visit.phone_width[key] = width_on_a_phone(page, cdp)  # the whole page, before axe's trim
        visit.axe[key] = axe_found(axe, page, url)
        # read after axe's run: the page's late work (the service worker) is done by then
        visit.csp[key] = csp_violations(page)
        page.messages.clear()
    page.wait_for_load_state("networkidle")  # what the last page still does late
    visit.csp[key] = sorted(set(visit.csp[key] + csp_violations(page)))
    context.close()
    return visit
