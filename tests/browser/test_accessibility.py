"""axe-core (WCAG 2.0/2.1 A and AA) finds nothing on the fixture site, in both palettes."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

PAGES = ["", "begreper/testbegrep/", "teorier/testteori/", "metoder/testmetode/",
         "forskning/testartikkel/", "temaer/testtema/", "litteratur/", "kunnskapskart/", "forskning/",
         "404.html"]
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_wcag_violations(browser, served_fixture, scheme):
    axe = Axe()
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    found = {}
    for url in PAGES:
        page.goto(served_fixture + url)
        page.wait_for_load_state("networkidle")
        violations = axe.run(page, options=WCAG_AA).response["violations"]
        if violations:
            found[url or "/"] = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations]
    context.close()
    assert not found, found
