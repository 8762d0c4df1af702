"""A citation shows its full reference on hover and on keyboard focus, in a real browser."""

from __future__ import annotations

from browser_helpers import open_page

ACTIVE_TOOLTIPS = "[...document.querySelectorAll('.md-tooltip2--active')].map(t => t.innerText)"


def test_hover_shows_the_full_reference_once(page, served_fixture):
    open_page(page, served_fixture + "begreper/testbegrep/")
    # Material rewrites hrefs to absolute URLs once the page runs, hence [href$=...].
    page.locator('a.sitering[href$="#kilde-biong2015"]').first.hover()
    page.wait_for_selector(".md-tooltip2--active")
    tooltips = page.evaluate(ACTIVE_TOOLTIPS)
    assert len(tooltips) == 1, tooltips
    assert "Biong, S. & Soggiu, A.-S. (2015)." in tooltips[0]
    assert "Tidsskrift for psykisk helsearbeid" in tooltips[0]


def test_keyboard_focus_shows_the_full_reference(page, served_fixture):
    open_page(page, served_fixture + "begreper/testbegrep/")
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('sitering')"):
            break
    else:
        raise AssertionError("no citation link is reachable with Tab")
    page.wait_for_selector(".md-tooltip2--active")
    (tooltip,) = page.evaluate(ACTIVE_TOOLTIPS)
    assert tooltip.startswith("Skjefstad. (2012).")
    assert "Ufullstendige opplysninger" in tooltip, "the incomplete marker shows in the tooltip too"


def test_escape_closes_the_tooltip_without_moving_pointer_or_focus(page, served_fixture):
    """WCAG 1.4.13: content shown on hover or focus can be dismissed; the next hover shows it again."""
    open_page(page, served_fixture + "begreper/testbegrep/")
    citation = page.locator('a.sitering[href$="#kilde-biong2015"]').first
    citation.focus()
    page.wait_for_selector(".md-tooltip2--active")
    page.keyboard.press("Escape")
    page.wait_for_function("() => !document.querySelector('.md-tooltip2--active')")
    assert page.evaluate("document.activeElement.classList.contains('sitering')"), "focus stays where it was"
    page.evaluate("document.activeElement.blur()")
    citation.hover()
    page.wait_for_selector(".md-tooltip2--active")
    page.keyboard.press("Escape")
    page.wait_for_function("() => !document.querySelector('.md-tooltip2--active')")
    page.locator("a.sitering:not([href$='#kilde-biong2015'])").first.hover()  # elsewhere, then back
    page.wait_for_function("() => !/Biong/.test(document.querySelector('.md-tooltip2--active')?.innerText ?? 'Biong')")
    citation.hover()
    page.wait_for_function("() => /Biong/.test(document.querySelector('.md-tooltip2--active')?.innerText ?? '')")


def test_citation_page_makes_no_request_to_another_host(page, served_fixture):
    page.goto(served_fixture + "begreper/testbegrep/")
    page.wait_for_load_state("networkidle")
    assert page.requests and all(url.startswith(served_fixture) for url in page.requests), page.requests
