"""The whole site as one printable document.

Adds to a page: on the page holding `<!-- hele-nettstedet: fylles av hooks/print_view.py -->` (utskrift.md), every page
of the navigation in order, each with its heading, its text and its Kilder list, ids
made unique and links between pages turned into links inside the document. It is made
from the pages as rendered in this build, so it never drifts from them, and needs no
browser.
"""

from __future__ import annotations

from mkdocs.plugins import event_priority

from tilfriskning.print_view import PrintPage, assemble

MARKER = "<!-- hele-nettstedet: fylles av hooks/print_view.py -->"


@event_priority(-100)  # after every other hook has finished its page
def on_page_context(context, page, config, nav):
    if MARKER not in (page.content or ""):
        return context
    pages = [PrintPage(p.url, p.title, p.content or "") for p in nav.pages if p is not page and p.content]
    page.content = page.content.replace(MARKER, assemble(pages, page.url))
    return context
