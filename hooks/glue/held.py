"""Finished HTML kept out of a page's Markdown while it is converted, and put back after.

The hooks add finished HTML to pages: the cite box, the Sammenhenger lists and their map,
Sider som lenker hit, Kilder and the Litteratur list. Written into the Markdown, each was
read there by two HTML parsers (MkDocs's collector of raw-HTML ids and md_in_html), though
none of it is Markdown: for a page of this site that was more than half of what
Python-Markdown spent on it. A hook now writes `hold(...)`, a placeholder paragraph, where
the HTML goes, and the first `on_page_content` puts the HTML in its place (`put_back`),
before any other hook, plugin or the guard rails read the page, marked as added
(tilfriskning.added) so that Material's search and the rendered-page backstop can read
the page without it (hooks/own_text.py). The page comes out the same, and MkDocs's own
anchor check still knows the ids in the HTML.
"""

from __future__ import annotations

import html as html_escape
import re

from glue.build import site, stop_build
from tilfriskning.added import mark
from tilfriskning.problems import Problem

LOST = (
    "det som bygget legger til nederst på siden (kilder, sammenhenger, siteringsboksen), forsvant da siden ble "
    "gjort om til HTML; skriv feilmeldingen i pull requesten så hjelper en utvikler deg"
)
ID_RE = re.compile(r"""\sid=(?:"([^"]*)"|'([^']*)')""")


def hold(config, page, block: str, *, searched: bool = False) -> str:
    """A placeholder, on a line of its own, for the HTML `block` (put back by `put_back`),
    marked as added unless it is to be `searched` (most of it is in a section search leaves out)."""
    facts = site(config)
    held = facts.held.setdefault(page.file.src_uri, {})
    token = f"tfholdt{facts.held_nonce}n{len(held)}"
    held[token] = block if searched else mark(block)
    return token


def put_back(html: str, page, config) -> str:
    """Every block held for this page, each where its placeholder paragraph came out."""
    facts = site(config)
    held = facts.held.pop(page.file.src_uri, None)
    if not held:
        return html
    for token, block in held.items():
        paragraph = f"<p>{token}</p>"
        if paragraph in html:
            html = html.replace(paragraph, block + "\n", 1)  # as Python-Markdown ends a raw HTML block
        elif token in html:  # inside raw HTML an editor left open, which takes the block in as it is
            html = html.replace(token, block, 1)
        else:
            stop_build([Problem(facts.docs_prefix + page.file.src_uri, None, LOST, "visning")])
        if page.present_anchor_ids is not None:  # as MkDocs found ids in raw HTML in the Markdown
            page.present_anchor_ids |= {html_escape.unescape(a or b) for a, b in ID_RE.findall(block)}
    return html.rstrip()  # Python-Markdown strips the end of the page, a raw HTML block there too
