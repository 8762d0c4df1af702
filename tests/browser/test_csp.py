"""The Content-Security-Policy (hooks/csp.py) holds on every page, and nothing it allows is missing.

Every page is opened in Chromium, then what readers do that runs code: instant navigation
between pages of different depth, search (a worker), a link preview, the palette switch,
the service worker. Any violation the browser reports, in the console or as a
`securitypolicyviolation` event, fails the test.
"""

from __future__ import annotations

import re

from browser_helpers import open_page, page_urls

RECORD = """window.__csp = [];
document.addEventListener('securitypolicyviolation',
    e => window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));"""
POLICY = "document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]')?.content ?? null"


def watched(context):
    page = context.new_page()
    page.messages = []
    page.on("console", lambda m: page.messages.append(m.text) if "Content Security Policy" in m.text else None)
    return page


def violations(page) -> list[str]:
    return page.messages + page.evaluate("window.__csp")


def test_every_page_carries_the_strict_policy_and_breaks_none_of_it(browser, served_real_site):
    context = browser.new_context()
    context.add_init_script(RECORD)
    page = watched(context)
    found, policies = {}, set()
    for url in page_urls() + ["404.html", "503.html"]:
        open_page(page, served_real_site + url)
        page.wait_for_load_state("networkidle")
        policies.add(page.evaluate(POLICY))
        if problems := violations(page):
            found[url or "/"] = problems
        page.messages.clear()
    assert not found, found
    (policy,) = policies  # the same policy on every page, and none without one
    assert policy and "default-src 'self'" in policy and "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    assert not re.search(r"https?:|\*", policy), "no other origin"
    context.close()


def test_reading_searching_and_navigating_break_none_of_it(browser, served_real_site):
    context = browser.new_context()
    context.add_init_script(RECORD)
    page = watched(context)
    open_page(page, served_real_site)  # depth 0; instant navigation then runs deeper pages' scripts under its policy
    page.evaluate("async () => { await navigator.serviceWorker.ready; }")
    page.locator("article a[data-preview][href$='/metoder/motiverende-intervju/']").first.click()
    page.wait_for_url(re.compile(r".*/metoder/motiverende-intervju/$"))
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
    assert not violations(page), violations(page)
    context.close()


def test_an_old_browser_without_resize_observer_asks_no_other_host(browser, served_real_site):
    """Material's bundle then adds a script from unpkg.com; the policy stops it before any request."""
    context = browser.new_context()
    context.add_init_script("delete window.ResizeObserver;" + RECORD)
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
