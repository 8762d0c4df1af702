"""The real site as readers use it: privacy, accessibility, phones, keyboard, navigation."""

from __future__ import annotations

import re

import pytest

from browser_helpers import MATERIAL_READY, open_page


def test_no_page_makes_a_request_to_another_host(real_site_visit, served_real_site):
    assert len(real_site_visit.axe) > 30, "every page was opened"
    outside = [u for u in real_site_visit.requests if not u.startswith(served_real_site) and not u.startswith("data:")]
    assert not outside, outside


def test_axe_finds_no_wcag_aa_violation_on_any_page(real_site_visit):
    """The slow lane: every page of the real site, light palette. The dark palette changes
    only colours; its contrast is checked on one page of each type (test_accessibility.py)."""
    found = {url: violations for url, violations in real_site_visit.axe.items() if violations}
    assert not found, found


def test_phone_width_has_no_sideways_scrolling(real_site_visit):
    """Every page at 360 px on a phone; the drawer is proven in test_navigation.py."""
    wide = {url: width for url, width in real_site_visit.phone_width.items() if width > 360}
    assert len(real_site_visit.phone_width) > 30 and not wide, wide


def test_keyboard_skip_link_focus_visible_and_everything_reachable(page, served_real_site):
    open_page(page, served_real_site + "metoder/motiverende-intervju/")
    page.keyboard.press("Tab")
    first = page.evaluate("[document.activeElement.textContent.trim(), document.activeElement.getAttribute('href')]")
    assert first[0] == "Gå til innhold" and "#" in first[1]
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "focus must be visible"
    page.keyboard.press("Enter")
    # instant navigation answers the skip link by loading the page again; number the
    # elements of that page, not of the one it replaces
    page.wait_for_load_state("networkidle")
    page.wait_for_function(MATERIAL_READY)
    # the text starts where the skip link leads: the next Tab stays in the article, before the
    # ingress and «Kort fortalt», instead of jumping past them to the first ## heading
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('article')?.id") == "__innhold"
    assert page.evaluate("""() => { const a = document.activeElement, h = a.closest('article').querySelector('h2');
        return (a.compareDocumentPosition(h) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0; }"""), "before the first ##"
    # number every visible interactive element of the article once, then Tab through the page
    # and collect the numbers reached: each element counts once, however often it is reached
    total = page.evaluate("""() => { let n = 0;
        for (const e of document.querySelectorAll(
            'article a[href], article button, article summary, article input, article [tabindex]:not([tabindex="-1"])'))
          if (e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden'
              && !e.closest('details:not([open]) > :not(summary)')) e.dataset.tfNr = n++;
        return n; }""")
    # the page notes each numbered element that gets the focus; read every ten keys, not after each
    page.evaluate("""() => { window.__reached = new Set();
        document.addEventListener('focusin', e => {
            const n = e.target.closest('[data-tf-nr]')?.dataset.tfNr; if (n !== undefined) window.__reached.add(+n); }); }""")
    for _ in range((total * 2 + 100) // 10):
        for _ in range(10):
            page.keyboard.press("Tab")
        if page.evaluate("window.__reached.size") == total:
            break
    missing = sorted(set(range(total)) - set(page.evaluate("[...window.__reached]")))
    assert total > 20 and not missing, f"not reachable with Tab: {missing} of {total}"


def test_palette_choice_is_remembered_across_pages(page, served_real_site):
    open_page(page, served_real_site)
    before = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    page.locator("form[data-md-component=palette] label:visible").first.click()
    after = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert after != before
    page.goto(served_real_site + "begreper/motivasjon/")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == after


def test_instant_navigation_and_link_previews(page, served_real_site):
    open_page(page, served_real_site + "begreper/motivasjon/")
    page.evaluate("window.__stayed = true")
    link = page.locator("article a[data-preview][href*='deci-og-ryan']").first
    link.hover()
    page.wait_for_selector(".md-tooltip2--active")
    assert "Deci og Ryan" in page.locator(".md-tooltip2--active").first.inner_text()
    link.click()
    page.wait_for_url(re.compile(r".*/teorier/deci-og-ryan/(#.*)?$"))
    assert page.evaluate("window.__stayed === true"), "instant navigation keeps the page alive"


def test_abbreviations_show_their_meaning_on_hover(page, served_real_site):
    open_page(page, served_real_site + "metoder/motiverende-intervju/")
    abbr = page.locator("article abbr", has_text="MI").first
    abbr.hover()
    page.wait_for_selector(".md-tooltip2--active")
    assert "Motiverende intervju" in page.locator(".md-tooltip2--active").first.inner_text()


def test_source_markers_are_never_larger_than_the_reference_they_mark(page, served_real_site):
    """A marker is a note on a reference: in a Kilder list (16 px text) and in a fact box
    (12.8 px) alike it stands a little smaller than the reference, not larger."""
    open_page(page, served_real_site + "forskning/nymoen-2020/")
    pairs = page.evaluate("""() => [...document.querySelectorAll('article .kilde-merke')].map(m => {
        const ref = m.parentElement.querySelector('.tf-referanse, .kilde-tekst');
        return [parseFloat(getComputedStyle(m).fontSize), parseFloat(getComputedStyle(ref).fontSize)]; })""")
    assert len(pairs) >= 3, "markers in the fact box and in Kilder"
    assert all(marker <= reference for marker, reference in pairs), pairs


# The focused element, when nothing of it can be seen: outside the window or under something
# else (the sticky header, the «Til toppen» button, a menu drawer moved off the screen).
# Each line box of it is tried, so a link broken over two lines counts where its text is.
HIDDEN_FOCUS = """() => {
    const a = document.activeElement;
    if (!a || a === document.body || a.closest('.md-header')) return null;
    const seen = [...a.getClientRects()].some(r => r.width && r.height && [[.1, .5], [.5, .5], [.9, .5]].some(([fx, fy]) => {
        const x = r.left + fx * r.width, y = r.top + fy * r.height;
        if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return false;
        // the topmost thing there that can be seen: a tooltip fading out (opacity 0) hides nothing
        const top = document.elementsFromPoint(x, y).find(e => {
            for (let n = e; n; n = n.parentElement) if (getComputedStyle(n).opacity === '0') return false;
            return true; });
        return top !== undefined && (a === top || a.contains(top) || top.contains(a));
    }));
    return seen || !a.getClientRects().length ? null : (a.textContent.trim() || a.outerHTML).slice(0, 60);
}"""
# Come to rest: no transition running, and the scroll position and the focused element's place the
# same three frames running (the page may scroll, or a tooltip open, a frame after the key).
SETTLED = """() => { const a = document.activeElement, r = a ? a.getBoundingClientRect() : {};
    const now = [scrollY, r.top, r.left].join(), was = window.__rest ?? {};
    window.__rest = {at: now, frames: was.at === now ? was.frames + 1 : 0};
    return window.__rest.frames >= 3 && document.getAnimations().every(a => a.playState !== 'running'); }"""


@pytest.mark.parametrize("width", [360, 1280])
def test_keyboard_focus_is_never_hidden_under_the_header_or_off_screen(browser, served_real_site, width):
    """WCAG 2.2, 2.4.11 Focus Not Obscured (Minimum): from the skip link into the text, then back up
    past its start through the menu (a drawer on a phone) to the header, checked where things come to rest.
    The reader here prefers reduced motion, which Material answers by leaving out its transitions:
    things come to rest at once, where they would after a transition (a quarter second a key otherwise)."""
    context = browser.new_context(viewport={"width": width, "height": 740}, reduced_motion="reduce")
    page = context.new_page()
    open_page(page, served_real_site + "metoder/motiverende-intervju/")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # the skip link; instant navigation answers it with the page again
    page.wait_for_load_state("networkidle")
    page.wait_for_function(MATERIAL_READY)
    hidden = []
    for key in ["Tab"] * 40 + ["Shift+Tab"] * 70:
        page.evaluate("window.__rest = undefined")
        page.keyboard.press(key)
        page.wait_for_function(SETTLED)
        if found := page.evaluate(HIDDEN_FOCUS):
            hidden.append((key, found))
    assert not hidden, hidden
    context.close()
