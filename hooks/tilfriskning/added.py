"""What the build adds to a page, told apart from the page's own text.

The hooks add finished HTML to pages (the cite box, Sammenhenger with its map, Sider som
lenker hit, Kilder, the Litteratur list; see hooks/glue/held.py). Each block goes into the
page between two comments (`mark`). Two readers of every page want only the page's own
text: Material's search plugin (whose index leaves those sections out anyway, but which
parsed all of them: a third of a page's tags and more) and the rendered-page backstop in
tilfriskning.rules (the blocks are made by tested code from checked sources). They read
`own_text(html)`, where each block is a numbered comment; `with_added` puts the blocks back
exactly as they were, and `unmarked` takes the comments out of the page readers get.
"""

from __future__ import annotations

import re

START, END = "<!--tf-lagt-til-->", "<!--/tf-lagt-til-->"
BLOCK_RE = re.compile(re.escape(START) + ".*?" + re.escape(END), re.S)
STAND_IN = "<!--tf-lagt-til {}-->"
STAND_IN_RE = re.compile(re.escape(STAND_IN).replace(r"\{\}", r"(\d+)"))


def mark(block: str) -> str:
    """A block the build adds, marked as such."""
    return START + block + END


def own_text(html: str) -> tuple[str, list[str]]:
    """The page with each added block replaced by a numbered comment, and the blocks."""
    blocks: list[str] = []

    def stand_in(match: re.Match) -> str:
        blocks.append(match.group(0))
        return STAND_IN.format(len(blocks) - 1)

    return BLOCK_RE.sub(stand_in, html), blocks


def with_added(text: str, blocks: list[str]) -> str:
    """`own_text` undone: every block back in its place."""
    if not blocks:
        return text
    return STAND_IN_RE.sub(lambda m: blocks[int(m.group(1))] if int(m.group(1)) < len(blocks) else m.group(0), text)


def unmarked(html: str) -> str:
    """The page without the comments `mark` put around the added blocks."""
    return html.replace(START, "").replace(END, "") if START in html else html
