"""«Gå til innhold» goes to the start of the text.

Adds to a page: an id on the article (`__innhold`) and Material's skip link pointed at it.
Material points the link at the first heading in the table of contents; our pages have no
`#` heading in the text (the title comes from front matter), so that was the first `##`
heading, and the link skipped the title, the ingress and «Kort fortalt», and on pages
whose only heading is a generated one (Kunnskapskart, Litteratur) all of the text.
"""

from __future__ import annotations

import re

TARGET = "__innhold"
SKIP_RE = re.compile(r'(<a href=")[^"]*(" class="md-skip">)')
ARTICLE = '<article class="md-content__inner md-typeset">'


def with_skip_to_article(html: str) -> str:
    """`html` with the skip link pointing at the article (unchanged if either is missing)."""
    if ARTICLE not in html or not SKIP_RE.search(html):
        return html
    html = html.replace(ARTICLE, f'<article id="{TARGET}" class="md-content__inner md-typeset">', 1)
    return SKIP_RE.sub(rf"\g<1>#{TARGET}\g<2>", html, count=1)


def on_post_page(output, page, config):
    return with_skip_to_article(output)
