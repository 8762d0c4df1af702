"""Offline on the phone: the service worker (hooks/offline.py) with the network turned off.

Two tests change a file of the served real site and put it back, as a new version of a page and
a new deployment would (tests/browser/conftest.py, real_site_and_files).
"""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from browser_helpers import open_page

MONTHS = "januar februar mars april mai juni juli august september oktober november desember".split()
# Resolves once the worker is installed (everything saved up front) and controls the page.
CONTROLLED = """async () => { await navigator.serviceWorker.ready;
    while (!navigator.serviceWorker.controller) await new Promise(r => setTimeout(r, 50));
    return navigator.serviceWorker.controller.scriptURL; }"""
CACHES = """async () => { const found = {};
    for (const name of await caches.keys()) found[name] = (await (await caches.open(name)).keys()).map(r => r.url);
    return found; }"""
NOTICE = "document.querySelector('article .lagret-kopi')"


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    yield page, context
    context.close()


def until(page, condition: str, seconds: float = 20) -> None:
    """Wait until an async JavaScript condition holds (wait_for_function does not await it)."""
    page.evaluate(
        f"""async () => {{ const end = Date.now() + {seconds * 1000};
        while (!(await ({condition})())) {{
            if (Date.now() > end) throw new Error("timed out: " + {json.dumps(condition)});
            await new Promise(r => setTimeout(r, 50)); }} }}"""
    )


def notice(page) -> str | None:
    """The saved-copy notice's text when it shows, else None."""
    return page.evaluate(f"{NOTICE} && !{NOTICE}.hidden ? {NOTICE}.textContent.replace(/\\s+/g, ' ') : null")


def today() -> str:
    day = dt.date.today()
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


def test_pages_read_once_and_the_practice_pages_open_offline_and_say_they_are_copies(phone, real_site_and_files):
    page, context = phone
    base, _ = real_site_and_files
    open_page(page, base + "begreper/motivasjon/")  # a first visit, to a page not saved up front
    page.evaluate(CONTROLLED)
    assert notice(page) is None, "with network: the page itself, no notice"
    page.locator("article a[href*='deci-og-ryan']").first.click()  # read a second page, by instant navigation
    page.wait_for_url(re.compile(r".*/teorier/deci-og-ryan/(#.*)?$"))
    until(page, "async () => (await caches.match(location.href.split('#')[0])) !== undefined")

    context.set_offline(True)
    open_page(page, base + "begreper/motivasjon/")
    text = notice(page)
    assert text and "uten nett" in text and today() in text, text
    assert page.locator("article h1").inner_text() == "Motivasjon"

    page.evaluate("window.__stayed = true")  # instant navigation still works offline
    page.locator("article a[href*='deci-og-ryan']").first.click()
    page.wait_for_url(re.compile(r".*/teorier/deci-og-ryan/(#.*)?$"))
    page.wait_for_function(f"() => {NOTICE} && !{NOTICE}.hidden")
    assert page.evaluate("window.__stayed === true")

    for url, title in [("", "Tilfriskning"), ("metoder/overdose/", "Overdose"), ("samtalekort/", "Samtalekort")]:
        open_page(page, base + url)  # saved up front, never opened
        assert title in page.title() and today() in notice(page), url

    page.click('label.md-header__button[for="__search"]')  # the search works offline
    page.locator("input.md-search__input").press_sequentially("nalokson", delay=15)
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length > 0", timeout=10000)
    assert "overdose" in page.locator(".md-search-result__item a").first.get_attribute("href")

    response = page.goto(base + "teorier/honneth/")  # never read: says so calmly, with what can be read
    assert response.status == 503
    assert page.locator("article h1").inner_text() == "Siden er ikke lagret på denne enheten"
    assert page.locator("article a[href$='metoder/overdose/']").count() == 1


def test_with_network_a_page_is_never_the_saved_copy(phone, real_site_and_files):
    page, _ = phone
    base, site = real_site_and_files
    open_page(page, base + "metoder/overdose/")
    page.evaluate(CONTROLLED)
    assert page.evaluate("async () => (await caches.match(location.href)) !== undefined"), "saved up front"
    file = site / "metoder" / "overdose" / "index.html"
    original = file.read_text(encoding="utf-8")
    try:
        file.write_text(original.replace("</h1>", " (ny versjon)</h1>", 1), encoding="utf-8")
        page.reload()
        page.wait_for_function("() => window.component$ !== undefined")
        assert page.locator("article h1").inner_text().endswith("(ny versjon)")
        assert notice(page) is None
    finally:
        file.write_text(original, encoding="utf-8")


def test_a_new_deployment_replaces_the_old_cache_and_keeps_the_pages_read(phone, real_site_and_files):
    page, context = phone
    base, site = real_site_and_files
    open_page(page, base + "begreper/recovery/")
    page.evaluate(CONTROLLED)
    (old,) = page.evaluate(CACHES)
    worker = site / "service-worker.js"
    original = worker.read_text(encoding="utf-8")
    version = re.search(r'"version": "(\w+)"', original).group(1)
    try:
        worker.write_text(original.replace(version, "0123456789abcdef"), encoding="utf-8")  # as a new build would
        page.evaluate("async () => (await navigator.serviceWorker.ready).update()")
        until(
            page,
            "async () => { const k = await caches.keys(); return k.length === 1 && k[0] === 'tilfriskning-0123456789abcdef'; }",
        )
        (saved,) = page.evaluate(CACHES).values()
        assert base + "begreper/recovery/" in saved, "the page read before the deployment is saved again"
        assert old == f"tilfriskning-{version}"
        context.set_offline(True)
        open_page(page, base + "begreper/recovery/")
        assert notice(page)
    finally:
        worker.write_text(original, encoding="utf-8")
