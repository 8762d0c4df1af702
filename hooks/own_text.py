"""Search reads the page's own text, not what the build added to it.

Adds nothing to a page. Material's search plugin parses each page's HTML to index it, and
leaves out the sections the build adds (Kilder, Sammenhenger with its map, Siter denne
siden, Sider som lenker hit, the Litteratur list: all marked `data-search-exclude`), but
it parsed every tag of them, more than half of what it read on a content page, and the
tags around every citation, which it drops. Just before it reads a page, the page is its
own text (tilfriskning.added: each added block, marked by hooks/glue/held.py, a short
comment; each citation its text alone), and just after, the page is put back as it was:
the index and the page come out the same. The marks come out of the page as it is written.
"""

from __future__ import annotations

from mkdocs.plugins import CombinedEvent, event_priority

from tilfriskning.added import own_text, unmarked

WHOLE_PAGE = "tf_hele_siden"  # on the page object, between the two events


@event_priority(10)  # before Material's search plugin (priority 0) indexes the page
def _before_search(context, page, config, nav):
    if page.content:
        setattr(page, WHOLE_PAGE, page.content)
        page.content = own_text(page.content)
    return context


@event_priority(-10)  # after it, and before the print view (-100) reads the pages
def _after_search(context, page, config, nav):
    whole = getattr(page, WHOLE_PAGE, None)
    if whole is not None:
        page.content = whole
        setattr(page, WHOLE_PAGE, None)
    return context


on_page_context = CombinedEvent(_before_search, _after_search)


def on_post_page(output, page, config):
    return unmarked(output)
