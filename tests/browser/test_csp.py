"""The Content-Security-Policy (hooks/csp.py) holds on every page, and nothing it allows is missing.

Every page is opened in Chromium, then what readers do that runs code: instant navigation
between pages of different depth, search (a worker), a link preview, the palette switch,
the service worker. Any violation the browser reports, in the console or as a
`securitypolicyviolation` event, fails the test.
"""

from __future__ import annotations

import re

from browser_helpers import RECORD_CSP, csp_violations, open_page, watched


def test_every_page_carries_the_strict_policy_and_breaks_none_of_it(real_site_visit):
    found = {url: problems for url, problems in real_site_visit.csp.items() if problems}
    assert not found, found
    (policy,) = set(real_site_visit.policies.values())  # the same policy on every page, and none without one
    assert policy and "default-src 'self'" in policy and "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    assert not re.search(r"https?:|\*", policy), "no other origin"


def test_reading_searching_and_navigating_break_none_of_it(browser, served_real_site):
    context = browser.new_context()
    context.add_init_script(RECORD_CSP)
    page = watched(context)
    open_page(page, served_real_site)  # depth 0; instant navigation then runs deeper pages' scripts under its policy
    page.evaluate("async () => { await navigator.serviceWorker.ready; }")
    page.locator("article a[data-preview][href$='/metoder/motiverende-intervju/']").first.click()
    # under load the front page may still shift as the click lands, on a link to a heading of the same page
    page.wait_for_url(re.compile(r".*/metoder/motiverende-intervju/(#.*)?$"))
    link = page.locator("article a[data-preview][href$='/teorier/deci-og-ryan/']").first
    link.hover()
    page.wait_for_selector(".md-tooltip2--active")
    link.click()
    page.wait_for_url(re.compile(r".*/teorier/[a-z-]+/(#.*)?$"))
    page.locator("form[data-md-component=palette] label:visible").first.click()
    page.click("input.md-search__input")
    page.locator("input.md-search__input").press_sequentially("motivasjon", delay=15)
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length > 0", timeout=10000)
    page.locator(".md-search-result__item a").first.click()
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__csp !== undefined"), "instant navigation: still the first document"
    assert not csp_violations(page), csp_violations(page)
    context.close()


def test_an_old_browser_without_resize_observer_asks_no_other_host(browser, served_real_site):
    """Material's bundle then adds a script from unpkg.com; the policy stops it before any request."""
    context = browser.new_context()
    context.add_init_script("delete window.ResizeObserver;" + RECORD_CSP)
    page = watched(context)
    answered, stopped = [], []
    page.on("response", lambda r: answered.append(r.url))
    page.on("requestfailed", lambda r: stopped.append((r.url, r.failure)))
    page.goto(served_real_site + "begreper/motivasjon/")
    page.wait_for_load_state("networkidle")
    assert not [u for u in answered if not u.startswith(served_real_site)], answered
    assert stopped == [("https://unpkg.com/resize-observer-polyfill", "csp")], "blocked by the policy, not by the network"
    assert any("unpkg.com" in v for v in page.evaluate("window.__csp")), "the bundle did ask, and was stopped"
    assert page.locator("article h1").inner_text() == "Motivasjon", "the text is still there to read"
    context.close()
