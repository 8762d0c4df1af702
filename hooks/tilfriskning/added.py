"""What the build adds to a page, told apart from the page's own text.

The hooks add finished HTML to pages (the cite box, Sammenhenger with its map, Sider som
lenker hit, Kilder, the Litteratur list; see hooks/glue/held.py). Each block goes into the
page between two comments (`mark`). Two readers of every page want only the page's own
text: Material's search plugin (whose index leaves those sections out anyway, but which
parsed all of them: a third of a page's tags and more) and the rendered-page backstop in
tilfriskning.rules (the blocks are made by tested code from checked sources). They read
`own_text(html)`, where each block is a short comment and each citation is its text
without the tags the citation hook put around it (`<span class="citation" …>`, a link per
work: half of a content page's tags, and none that either reader uses); `unmarked` takes
the comments out of the page readers get.
"""

from __future__ import annotations

import re

START, END = "<!--tf-lagt-til-->", "<!--/tf-lagt-til-->"
BLOCK_RE = re.compile(re.escape(START) + ".*?" + re.escape(END), re.S)
STAND_IN = "<!--tf-lagt-til utelatt-->"
# a citation as tilfriskning.citation_html writes it: the span pandoc makes, one link per work inside
CITATION_RE = re.compile(r'<span class="citation" data-cites="[^"<>]*">((?:(?!</?span\b).)*?)</span>', re.S)
CITATION_LINK_RE = re.compile(r'<a class="sitering footnote-ref" href="[^"<>]*" role="doc-biblioref">|</a>')


def mark(block: str) -> str:
    """A block the build adds, marked as such."""
    return START + block + END


def own_text(html: str) -> str:
    """The page with each added block as a comment and each citation as its text alone."""
    html = BLOCK_RE.sub(STAND_IN, html) if START in html else html
    if 'class="citation"' not in html:
        return html
    return CITATION_RE.sub(lambda m: CITATION_LINK_RE.sub("", m.group(1)), html)


def unmarked(html: str) -> str:
    """The page without the comments `mark` put around the added blocks."""
    return html.replace(START, "").replace(END, "") if START in html else html
