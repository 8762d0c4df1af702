"""The printable card page: four cards to an A4 sheet, two to an A5 sheet, nothing cut off, readable on a phone."""

from __future__ import annotations

import math
import re

from browser_helpers import open_page

NO_MARGINS = {"top": "0", "bottom": "0", "left": "0", "right": "0"}
# Everything but the cards hidden, through the CSSOM (the strict CSP blocks an added <style>)
ONLY_CARDS = """() => document.querySelectorAll('.md-content__inner > :not(.samtalekort-ark), .md-footer')
    .forEach(e => e.style.setProperty('display', 'none', 'important'))"""


def _pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def test_cards_print_four_to_an_a4_and_two_to_an_a5_sheet_with_nothing_cut_off(page, served_real_site):
    open_page(page, served_real_site + "samtalekort/")
    cards = page.locator(".samtalekort-ark > .admonition.samtalekort").count()
    assert cards >= 9
    page.evaluate(ONLY_CARDS)
    for margins in (NO_MARGINS, None):  # «ingen marger», and the browser's own margins
        pdf = page.pdf(format="A4", **({"margin": margins} if margins else {}))
        # the sheet starts on a new page, so the first page is the (here hidden) introduction
        assert _pdf_pages(pdf) == 1 + math.ceil(cards / 4), margins
        pdf = page.pdf(format="A5", landscape=True, **({"margin": margins} if margins else {}))
        assert _pdf_pages(pdf) == 1 + math.ceil(cards / 2), ("A5", margins)  # two A6 cards per A5 sheet
    page.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi, no margins
    page.emulate_media(media="print")
    sizes = page.evaluate(
        """() => [...document.querySelectorAll('.samtalekort-ark > .samtalekort')].map(e => {
            const r = e.getBoundingClientRect();
            return [r.width, r.height, e.scrollHeight - e.clientHeight, e.scrollWidth - e.clientWidth]; })"""
    )
    mm = 96 / 25.4
    for width, height, overflow_y, overflow_x in sizes:
        assert abs(width - 105 * mm) < 1 and abs(height - 147 * mm) < 1, (width, height)
        assert overflow_y <= 0 and overflow_x <= 0, "a card's text must fit on the card"


def test_card_page_and_a_card_work_on_a_phone(browser, served_real_site):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    phone = context.new_page()
    for url in ("samtalekort/", "metoder/overdose/"):
        phone.goto(served_real_site + url)
        assert phone.evaluate("document.documentElement.scrollWidth") <= 360, url
        card = phone.locator("article .admonition.samtalekort").first
        assert card.is_visible()
        assert card.bounding_box()["width"] <= 360
    context.close()


def test_comparison_table_is_one_card_per_row_on_a_phone_and_a_table_on_a_laptop(browser, served_real_site):
    url = served_real_site + "temaer/metodene-sammenlignet/"
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    phone = context.new_page()
    phone.goto(url)
    table = phone.locator("article table[data-tabell-kort]")
    assert table.evaluate("t => getComputedStyle(t).display") == "block"
    assert table.evaluate("t => t.scrollWidth <= t.clientWidth + 1 && t.getBoundingClientRect().right <= 360")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    label = phone.locator("article table[data-tabell-kort] tbody tr").first.locator("td").nth(1)
    assert phone.evaluate("e => getComputedStyle(e, '::before').content", label.element_handle()) == '"Motiverende intervju (MI)"'
    context.close()
    laptop = browser.new_page(viewport={"width": 1280, "height": 800})
    laptop.goto(url)
    # Material styles it as every other table (its styles skip tables with a class)
    assert laptop.locator("article table[data-tabell-kort]").evaluate("t => getComputedStyle(t).display") == "inline-block"
    laptop.close()
