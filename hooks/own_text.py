"""Search reads the page's own text, not what the build added to it.

Adds nothing to a page. Material's search plugin parses each page's HTML to index it, and
leaves out the sections the build adds (Kilder, Sammenhenger with its map, Siter denne
siden, Sider som lenker hit, the Litteratur list: all marked `data-search-exclude`), but
it parsed every tag of them, more than half of what it read on a content page. Just
before it reads a page, each added block (marked by hooks/glue/held.py) becomes a short
comment, and just after, the blocks go back in place: the index and the page come out
the same. The marks come out of the page as it is written.
"""

from __future__ import annotations

from mkdocs.plugins import CombinedEvent, event_priority

from tilfriskning.added import own_text, unmarked, with_added

ADDED_BLOCKS = "tf_lagt_til"  # on the page object, between the two events


@event_priority(10)  # before Material's search plugin (priority 0) indexes the page
def _before_search(context, page, config, nav):
    if page.content:
        page.content, blocks = own_text(page.content)
        setattr(page, ADDED_BLOCKS, blocks)
    return context


@event_priority(-10)  # after it, and before the print view (-100) reads the pages
def _after_search(context, page, config, nav):
    blocks = getattr(page, ADDED_BLOCKS, None)
    if blocks:
        page.content = with_added(page.content, blocks)
        setattr(page, ADDED_BLOCKS, None)
    return context


on_page_context = CombinedEvent(_before_search, _after_search)


def on_post_page(output, page, config):
    return unmarked(output)
