"""axe-core (WCAG 2.0/2.1/2.2 A and AA) on one page of each type, in both palettes: the fast lane.

The whole real site is checked in tests/browser/test_reader.py.
"""

from __future__ import annotations

from browser_helpers import COLOUR_RULES, WCAG_AA, axe_violations, open_page

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
    "503.html",
]


def test_no_wcag_violations_on_one_page_of_each_type(browser, served_fixture):
    found = axe_violations(browser, served_fixture, PAGES, "light", WCAG_AA)
    assert not found, found


def test_no_contrast_violations_in_the_dark_palette(browser, served_fixture):
    found = axe_violations(browser, served_fixture, PAGES, "dark", COLOUR_RULES)
    assert not found, found


def test_the_wcag_22_rule_and_the_feedback_link_are_really_checked(browser, served_fixture):
    """target-size is off in axe-core unless asked for: the tag list must switch it on, and it must
    find something to check (a rule never applied would pass in silence). The fixture is built with
    a feedback address, so the runs above check the mail link under the text and in the footer."""
    from axe_playwright_python.sync_playwright import Axe

    page = browser.new_page()
    open_page(page, served_fixture + "begreper/testbegrep/")
    assert page.locator("p.tilbakemelding a[href^='mailto:']").count() == 1
    assert page.locator("footer a[href='mailto:post@eksempel.no']").count() == 1
    response = Axe().run(page, options={**WCAG_AA, "resultTypes": ["violations"]}).response
    page.close()
    applied = {rule["id"]: len(rule["nodes"]) for kind in ("passes", "incomplete", "violations") for rule in response[kind]}
    assert applied.get("target-size"), sorted(applied)
