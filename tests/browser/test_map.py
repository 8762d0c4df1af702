"""The whole-site knowledge map on Kunnskapskart, read on a phone and on a laptop."""

from __future__ import annotations

import pytest

from browser_helpers import open_page

# Each label of the map as drawn: its CSS font size times the scale the map is shown at.
LABELS = """() => [...document.querySelectorAll('article svg.kart--hele text')].map(t => {
    const m = t.getScreenCTM();
    return [t.textContent, parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b)];
})"""
# Each page's label inside its box, as laid out by the browser's own font.
OVERFLOW = """() => [...document.querySelectorAll('article svg.kart--hele a.kart-node')].filter(a => {
    const box = a.querySelector('rect').getBoundingClientRect(), text = a.querySelector('text').getBoundingClientRect();
    return text.left < box.left || text.right > box.right || text.top < box.top || text.bottom > box.bottom;
}).map(a => a.getAttribute('aria-label'))"""
# Which pages and relations are drawn at full strength, and which are dimmed.
BRIGHT = """() => {
    const bright = e => parseFloat(getComputedStyle(e).opacity) > 0.9;
    const map = document.querySelector('article svg.kart--hele');
    const nodes = [...map.querySelectorAll('a.kart-node')], edges = [...map.querySelectorAll('.kart-kanter path')];
    return {nodes: nodes.filter(bright).map(a => a.getAttribute('aria-label')),
            dimmed: nodes.filter(a => !bright(a)).length,
            edges: edges.filter(bright).map(p => p.querySelector('title').textContent),
            faint: edges.filter(p => parseFloat(getComputedStyle(p).opacity) < 0.2).length};
}"""


def relations_in_table(page) -> list[tuple[str, str, str]]:
    return page.evaluate(
        "[...document.querySelectorAll('table.kart-tabell tbody tr')].map(r => [...r.cells].map(c => c.textContent))"
    )


@pytest.mark.parametrize("width", [360, 1280])
def test_every_label_is_at_least_12_px_and_fits_its_box(browser, served_real_site, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    open_page(page, served_real_site + "kunnskapskart/")
    labels = page.evaluate(LABELS)
    assert len(labels) > 30, "page labels, group headings and the legend"
    small = [(text, round(size, 1)) for text, size in labels if size < 12]
    assert not small, small
    assert not page.evaluate(OVERFLOW)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    context.close()


def test_focus_or_hover_shows_one_pages_relations_and_dims_the_rest(page, served_real_site):
    open_page(page, served_real_site + "kunnskapskart/")
    rows = relations_in_table(page)
    at_rest = page.evaluate(BRIGHT)
    assert at_rest["dimmed"] == 0 and at_rest["faint"] == 0
    # keyboard: Tab from the help text above the map onto its first page, then on to the second
    page.locator("article .kart-hjelp").click()
    page.keyboard.press("Tab")
    first = page.evaluate("document.activeElement.getAttribute('aria-label')")
    page.keyboard.press("Tab")
    second = page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert first != second
    for title in (second, "Motivasjon"):
        if title == "Motivasjon":  # and the mouse
            page.locator("article svg.kart--hele a.kart-node[aria-label='Motivasjon']").hover()
            page.evaluate("document.activeElement.blur()")
        page.wait_for_function("() => document.getAnimations().length === 0")  # the fade has ended
        shown = page.evaluate(BRIGHT)
        related = [r for r in rows if title in (r[0], r[2])]
        assert related, title
        assert set(shown["nodes"]) == {title} | {r[0] for r in related} | {r[2] for r in related}
        assert len(shown["edges"]) == len(related)
        assert all(title in tip for tip in shown["edges"])
        assert shown["faint"] == len(rows) - len(related) and shown["dimmed"] > 0
