"""axe-core (WCAG 2.0/2.1 A and AA) finds nothing on the fixture site, in both palettes."""

from __future__ import annotations

import pytest
from browser_helpers import axe_violations

PAGES = ["", "begreper/testbegrep/", "teorier/testteori/", "metoder/testmetode/",
         "forskning/testartikkel/", "temaer/testtema/", "litteratur/", "kunnskapskart/", "forskning/",
         "404.html"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_wcag_violations(browser, served_fixture, scheme):
    found = axe_violations(browser, served_fixture, PAGES, scheme)
    assert not found, found
