"""Served under a sub-path, as a GitHub Pages project site is: links, assets, navigation, search."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlparse

import pytest
from bs4 import BeautifulSoup

from browser_helpers import open_page, served_build

PREFIX = "/tilfriskning/"


@pytest.fixture(scope="module")
def subpath_site(tmp_path_factory):
    with served_build(tmp_path_factory.mktemp("subpath"), prefix=PREFIX, fixture=None) as base:
        yield base


# One page at each depth of the site: what its scripts ask for as they run (the search worker,
# the service worker, Material's own files) is addressed relative to the page, so it can only
# differ with the depth.
PAGE_AT_EACH_DEPTH = ["", "litteratur/", "begreper/motivasjon/"]


def addresses_in(page_html: str) -> set[str]:
    """Every address a page names: links, scripts, style sheets, images and icons."""
    soup = BeautifulSoup(page_html, "html.parser")
    return {tag["href"] for tag in soup.find_all(["a", "link"], href=True)} | {tag["src"] for tag in soup.find_all(src=True)}


def test_every_link_and_asset_resolves_under_the_sub_path(page, subpath_site):
    """Every page reached from the front page through its links is read (over HTTP, without
    rendering it), and every address it names is asked for once; then one page at each depth
    runs in the browser, and nothing it asks for as it runs may fail."""
    failed, seen, queue, pages = [], set(), [subpath_site], 0
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        response = page.request.get(url)
        if response.status >= 400:
            failed.append((response.status, url))
            continue
        if "text/html" not in response.headers.get("content-type", ""):
            continue
        pages += 1
        for address in addresses_in(response.text()):
            target = urljoin(url, address).split("#")[0].split("?")[0]
            if urlparse(target).netloc == urlparse(subpath_site).netloc and target not in seen:
                assert target.startswith(subpath_site), f"{url} names an address outside the site: {target}"
                queue.append(target)
    assert pages >= 30
    page.on("response", lambda r: failed.append((r.status, r.url)) if r.status >= 400 else None)
    for url in PAGE_AT_EACH_DEPTH:
        page.goto(subpath_site + url)
        page.wait_for_load_state("networkidle")
    assert not failed, failed


def test_instant_navigation_and_search_under_the_sub_path(page, subpath_site):
    open_page(page, subpath_site + "begreper/motivasjon/")  # a click before Material is ready reloads the page
    page.evaluate("window.__stayed = true")
    page.locator("article a[href*='deci-og-ryan']").first.click()
    page.wait_for_url(re.compile(r".*/tilfriskning/teorier/deci-og-ryan/(#.*)?$"))
    assert page.evaluate("window.__stayed === true")
    page.click("input.md-search__input")
    page.locator("input.md-search__input").press_sequentially("erfaringskonsulentene", delay=15)
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length > 0", timeout=10000)
    href = page.locator(".md-search-result__item > .md-search-result__link").first.get_attribute("href")
    assert href.startswith(subpath_site) and "erfaringskonsulenter" in href


def test_service_worker_serves_the_sub_path_only_and_saves_the_front_page(page, subpath_site):
    open_page(page, subpath_site + "begreper/motivasjon/")
    scope = page.evaluate("async () => (await navigator.serviceWorker.ready).scope")
    assert scope == subpath_site
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    saved = page.evaluate(
        "async () => [await caches.match(location.origin + '/tilfriskning/'), await caches.match(location.href)]"
        ".map(r => r !== undefined)"
    )
    assert all(saved), "the front page saved up front, and the page that registered the worker"
