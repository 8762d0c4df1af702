"""«Gå til innhold» pointed at the article, the start of the text (pure functions; hooks/skip_link.py
explains why)."""

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
