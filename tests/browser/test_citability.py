"""Cite box copy button by keyboard, and how a page prints, in a real browser."""

from __future__ import annotations

from browser_helpers import open_page


def test_copy_button_works_with_the_keyboard(browser, served_fixture):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    open_page(page, served_fixture + "metoder/testmetode/")
    expected = page.locator("#siter-apa-tekst").inner_text()
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('siter-kopier')"):
            break
    else:
        raise AssertionError("the copy button is not reachable with Tab")
    page.keyboard.press("Enter")
    page.wait_for_function("async () => (await navigator.clipboard.readText()).trim().length > 0")
    assert page.evaluate("navigator.clipboard.readText()").strip() == expected.strip()
    assert expected.startswith("Tilfriskning. (")
    context.close()


def test_print_hides_navigation_keeps_kilder_and_shows_link_addresses(page, served_fixture):
    page.goto(served_fixture + "begreper/testbegrep/")
    page.emulate_media(media="print")
    hidden = page.evaluate("getComputedStyle(document.querySelector('.md-sidebar--primary')).display")
    assert hidden == "none"
    assert page.locator("#kilder").is_visible() and page.locator("ul.kilder").is_visible()
    after = page.evaluate("""() => getComputedStyle(
        document.querySelector('article a[href^="https://fontene.no"]'), '::after').content""")
    assert "https://fontene.no/" in after
    citation = page.evaluate("getComputedStyle(document.querySelector('a.sitering'), '::after').content")
    assert citation in ("none", "normal", '""'), "citations don't get their address printed"
