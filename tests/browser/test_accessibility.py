"""axe-core (WCAG 2.0/2.1 A and AA) on one page of each type, in both palettes: the fast lane.

The whole real site is checked in tests/browser/test_reader.py.
"""

from __future__ import annotations

from browser_helpers import COLOUR_RULES, WCAG_AA, axe_violations

PAGES = [
    "",
    "begreper/testbegrep/",
    "teorier/testteori/",
    "metoder/testmetode/",
    "forskning/testartikkel/",
    "temaer/testtema/",
    "litteratur/",
    "kunnskapskart/",
    "forskning/",
    "404.html",
]


def test_no_wcag_violations_on_one_page_of_each_type(browser, served_fixture):
    found = axe_violations(browser, served_fixture, PAGES, "light", WCAG_AA)
    assert not found, found


def test_no_contrast_violations_in_the_dark_palette(browser, served_fixture):
    found = axe_violations(browser, served_fixture, PAGES, "dark", COLOUR_RULES)
    assert not found, found
