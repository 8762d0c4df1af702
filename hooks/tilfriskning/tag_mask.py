"""Citation HTML carried through Python-Markdown as single characters, and put back after.

mkdocs-bibtex writes each citation into the page's Markdown as finished HTML
(`<span class="citation" ...>(<a ...>Hansen, 2020</a>)</span>`). Every tag of it was then
read by Python-Markdown's raw-HTML machinery (md_in_html's HTML parser over the whole
page, the HTML stash, MkDocs's id collector): for a page with a handful of citations
more than formatting them cost. `TagMask.mask` writes each distinct tag as one character
from Unicode's private use area, which Markdown leaves alone, and `unmask` puts the tags
back in the converted HTML, escaped where Markdown would have escaped them (inside code,
inside an attribute). The citation's text stays text, so abbreviations and typography
apply to it as before, and the page comes out the same.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

FIRST, LAST = 0xE100, 0xF8FF  # U+E000 is the @ mask of glue/bibtex.py
MASKED_RE = re.compile(f"[{chr(FIRST)}-{chr(LAST)}]")
TAG_RE = re.compile(r"<[^<>]+>")
CODE_RE = re.compile(r"<code\b[^>]*>.*?</code>", re.S)
IN_TAG_RE = re.compile(f"<[^<>]*[{chr(FIRST)}-{chr(LAST)}][^<>]*>")


class TagMask:
    """The tags of one build, each with its own character; none that the pages' `texts`
    hold (an editor's own private-use character stays what it is), and when the range
    runs out the rest stay HTML."""

    def __init__(self, texts=()) -> None:
        self.chars: dict[str, str] = {}
        self.tags: dict[str, str] = {}
        taken = {char for text in texts for char in MASKED_RE.findall(text)}
        self._free = (chr(c) for c in range(FIRST, LAST + 1) if chr(c) not in taken)

    def _char(self, match: re.Match) -> str:
        tag = match.group(0)
        char = self.chars.get(tag)
        if char is None:
            char = next(self._free, None)
            if char is None:
                return tag
            self.chars[tag], self.tags[char] = char, tag
        return char

    def mask(self, fragment: str) -> str:
        """`fragment` with each tag as its character."""
        return TAG_RE.sub(self._char, fragment)

    def _tag(self, escape: Callable[[str], str]) -> Callable[[re.Match], str]:
        return lambda match: escape(self.tags[match.group(0)]) if match.group(0) in self.tags else match.group(0)

    def unmask(self, page_html: str) -> str:
        """The converted page with every masked tag back: as HTML in the text, as text in code
        (escaped as Markdown escapes code) and in attribute values (escaped with its quotes)."""
        if not self.tags or not MASKED_RE.search(page_html):
            return page_html
        as_code = self._tag(lambda tag: tag.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
        page_html = CODE_RE.sub(lambda m: MASKED_RE.sub(as_code, m.group(0)), page_html)
        as_value = self._tag(lambda tag: html.escape(tag, quote=True))
        page_html = IN_TAG_RE.sub(lambda m: MASKED_RE.sub(as_value, m.group(0)), page_html)
        return MASKED_RE.sub(self._tag(lambda tag: tag), page_html)

    def plain(self, text: str) -> str:
        """`text` (a heading in the table of contents) without the masked tags, as Markdown strips tags there."""
        return MASKED_RE.sub(lambda m: "" if m.group(0) in self.tags else m.group(0), text)
