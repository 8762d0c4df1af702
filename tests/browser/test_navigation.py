"""The menu takes a reader from the front page to any section and page, on a phone and on a laptop.

Each page's menu holds only its own section's pages (Material's navigation.prune, which keeps
the build time growing with the pages instead of with pages × menu); every other section is
one link to its first page (or its index page), where that section's pages are listed.
"""

from __future__ import annotations

import re

import yaml

from browser_helpers import MATERIAL_READY, open_page
from helpers import ROOT

DRAWER_BUTTON = 'label.md-header__button[for="__drawer"]'
MENU = "nav.md-nav--primary"


class _Loader(yaml.SafeLoader):
    pass


_Loader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node))


def _url(path: str) -> str:
    path = path.removesuffix(".md")
    return "" if path == "index" else path.removesuffix("index") if path.endswith("/index") else path + "/"


def menu_sections() -> list[tuple[str, list[str]]]:
    """(section title, its pages' addresses) from mkdocs.yml's nav, in menu order."""
    nav = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)["nav"]  # noqa: S506
    return [(title, [_url(p) for p in pages]) for entry in nav if isinstance(entry, dict) for title, pages in entry.items()]


def arrived(page, base: str, url: str) -> None:
    """At `url`, with its menu: instant navigation changes the address before it puts the new
    page in place, and puts the page's <head> in after its content, so the canonical link says when."""
    page.wait_for_url(re.compile(re.escape(base + url) + r"(#.*)?$"))
    page.wait_for_function(MATERIAL_READY)
    page.wait_for_function("url => document.querySelector('link[rel=canonical]')?.href === url", arg=base + url)


def tap_link_to(page, base: str, url: str) -> None:
    """Tap the menu's link to `url`, found by the address its href resolves to (relative or not)."""
    hrefs = page.evaluate(f"() => [...document.querySelectorAll('{MENU} a')].map(a => [a.getAttribute('href'), a.href])")
    written = next(attr for attr, absolute in hrefs if absolute == base + url)
    page.locator(f'{MENU} a[href="{written}"]').first.click(timeout=5000)
    arrived(page, base, url)


def open_drawer_at_top(page) -> None:
    """Open the phone's menu and, if it opened inside the current section, go back to all sections."""
    page.click(DRAWER_BUTTON)
    section = page.locator(f"{MENU} > ul > li.md-nav__item--active > input.md-nav__toggle:checked")
    if section.count():
        page.locator(f'{MENU} label.md-nav__title[for="{section.get_attribute("id")}"]').click()


def test_phone_drawer_reaches_every_section_and_every_page(browser, served_real_site):
    # reduced motion: the drawer opens without Material's transition, so a tap waits for nothing
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True, reduced_motion="reduce")
    page = context.new_page()
    open_page(page, served_real_site)
    for title, urls in menu_sections():
        open_drawer_at_top(page)
        tap_link_to(page, served_real_site, urls[0])  # the section's link leads to its first page
        page.click(DRAWER_BUTTON)  # opens inside this section: its pages are listed, each a link to tap
        shown = page.evaluate(
            f"() => [...document.querySelectorAll('{MENU} a')].filter(a => a.checkVisibility()).map(a => a.href)"
        )
        others = {served_real_site + url for url in urls[1:]}  # besides the page it is on
        assert others <= set(shown), f"{title}: not every page is in the open drawer: {sorted(others - set(shown))}"
        tap_link_to(page, served_real_site, urls[-1])  # every built page's menu is checked in tests/test_site.py
    context.close()


def test_laptop_sidebar_shows_the_section_and_reaches_the_others(browser, served_real_site):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    open_page(page, served_real_site)
    sections = dict(menu_sections())
    sidebar = page.locator(f".md-sidebar--primary {MENU}")
    sidebar.get_by_role("link", name="Teorier", exact=True).click()
    arrived(page, served_real_site, sections["Teorier"][0])
    listed = page.evaluate(f"() => [...document.querySelectorAll('.md-sidebar--primary {MENU} a')].map(a => a.href)")
    assert {served_real_site + url for url in sections["Teorier"]} <= set(listed), "the section's pages are in the sidebar"
    for title in sections:
        if title != "Teorier":
            assert sidebar.get_by_role("link", name=title, exact=True).is_visible(), f"{title} is not reachable"
    tap_link_to(page, served_real_site, sections["Teorier"][-1])
    sidebar.get_by_role("link", name="Forskning", exact=True).click()
    arrived(page, served_real_site, sections["Forskning"][0])  # a section with an index page opens on it
    page.close()


def _tab_to(page, url: str, limit: int = 300) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => document.activeElement?.closest('{MENU}') && document.activeElement.href") == url:
            return
    raise AssertionError(f"the menu's link to {url} is not reachable with Tab")


def test_keyboard_reaches_a_page_in_another_section_through_the_menu(browser, served_real_site):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    open_page(page, served_real_site)
    sections = dict(menu_sections())
    for url in (sections["Metoder"][0], sections["Metoder"][-1]):
        _tab_to(page, served_real_site + url)
        page.keyboard.press("Enter")
        arrived(page, served_real_site, url)
    page.close()
