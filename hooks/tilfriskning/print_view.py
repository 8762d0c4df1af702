"""One document with every page, for printing and offline reading (pure functions).

Each page's rendered HTML gets its ids prefixed (so #kilder of one page is not #kilder
of the next, SVG markers and ARIA references included), and links to other pages of the
site become links inside the document.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass

ID_ATTR_RE = re.compile(r'(\s(?:id|for))="([^"]+)"')
ARIA_RE = re.compile(r'(\saria-(?:labelledby|describedby|controls))="([^"]+)"')
LOCAL_REF_RE = re.compile(r'(\s(?:href|data-clipboard-target)="|url\()#([^")]+)')
HREF_RE = re.compile(r'(<a\b[^>]*?\s(?:xlink:)?href=")([^"#:]*?)(#[^"]*)?"')  # SVG links use xlink:href
HEADING_RE = re.compile(r"<(/?)h([1-5])\b")


@dataclass(frozen=True)
class PrintPage:
    url: str  # site-relative, e.g. "metoder/motiverende-intervju/"
    title: str
    content: str  # rendered HTML of the page body


def anchor_for(number: int) -> str:
    return f"side-{number}"


def prefix_ids(content: str, prefix: str) -> str:
    """Make every id in one page's HTML unique in the combined document."""
    content = ID_ATTR_RE.sub(lambda m: f'{m.group(1)}="{prefix}-{m.group(2)}"', content)
    content = ARIA_RE.sub(lambda m: f'{m.group(1)}="' + " ".join(f"{prefix}-{i}" for i in m.group(2).split()) + '"', content)
    return LOCAL_REF_RE.sub(lambda m: f"{m.group(1)}#{prefix}-{m.group(2)}", content)


def rewrite_links(content: str, page_url: str, pages: dict[str, int], print_url: str) -> str:
    """Relative links to pages in the document point inside it; other relative links are
    re-based so they still work from the print page's address."""

    def target(match: re.Match) -> str:
        start, path, fragment = match.group(1), match.group(2), match.group(3) or ""
        if not path:
            return match.group(0)
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page_url + "x"), path))
        resolved = "" if resolved == "." else resolved
        key = resolved.rstrip("/") + "/" if resolved and not posixpath.splitext(resolved)[1] else resolved
        if key in pages or (key == "" and "" in pages):
            number = pages[key]
            inner = f"{anchor_for(number)}-{fragment[1:]}" if fragment else anchor_for(number)
            return f'{start}#{inner}"'
        rebased = posixpath.relpath(resolved or ".", posixpath.dirname(print_url + "x") or ".")
        return f'{start}{rebased}{"/" if path.endswith("/") and not rebased.endswith("/") else ""}{fragment}"'

    return HREF_RE.sub(target, content)


def demote_headings(content: str) -> str:
    """h2 -> h3 and so on, so each page's sections sit under the page's own heading."""
    return HEADING_RE.sub(lambda m: f"<{m.group(1)}h{int(m.group(2)) + 1}", content)


def assemble(pages: list[PrintPage], print_url: str) -> str:
    """The whole site in order: a list of contents, then each page under its own heading."""
    numbers = {page.url: n for n, page in enumerate(pages, start=1)}
    toc = "".join(f'<li><a href="#{anchor_for(n)}">{html.escape(p.title)}</a></li>' for p, n in zip(pages, numbers.values()))
    parts = [f'<nav class="utskrift-innhold" aria-label="Innhold"><h2 id="innhold">Innhold</h2><ol>{toc}</ol></nav>']
    for page in pages:
        number = numbers[page.url]
        body = demote_headings(rewrite_links(prefix_ids(page.content, anchor_for(number)), page.url, numbers, print_url))
        parts.append(
            f'<section class="utskrift-side" id="{anchor_for(number)}" aria-labelledby="{anchor_for(number)}-tittel">'
            f'<h2 class="utskrift-tittel" id="{anchor_for(number)}-tittel">{html.escape(page.title)}</h2>'
            f"{body}</section>"
        )
    return "\n".join(parts)
