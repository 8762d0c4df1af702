"""Served under a sub-path, as a GitHub Pages project site is: links, assets, navigation, search."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlparse

import pytest

from browser_helpers import open_page, served_build

PREFIX = "/tilfriskning/"


@pytest.fixture(scope="module")
def subpath_site(tmp_path_factory):
    with served_build(tmp_path_factory.mktemp("subpath"), prefix=PREFIX, fixture=None) as base:
        yield base


def test_every_link_and_asset_resolves_under_the_sub_path(page, subpath_site):
    failed = []
    page.on("response", lambda r: failed.append((r.status, r.url)) if r.status >= 400 else None)
    seen, queue = set(), [subpath_site]
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        page.goto(url)
        for href in page.evaluate("[...document.querySelectorAll('a[href]')].map(a => a.href)"):
            target = urljoin(url, href).split("#")[0].split("?")[0]
            if urlparse(target).netloc == urlparse(subpath_site).netloc and target not in seen:
                assert target.startswith(subpath_site), f"{url} links outside the site: {target}"
                if target.endswith("/") or target.endswith(".html"):
                    queue.append(target)
                else:  # a file (the .bib, a card sheet): asked for once
                    seen.add(target)
                    status = page.request.get(target).status
                    if status >= 400:
                        failed.append((status, target))
    assert len([url for url in seen if url.endswith("/")]) >= 30
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
