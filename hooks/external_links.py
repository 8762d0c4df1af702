"""Links to other sites open safely.

Adds to a page: rel="noopener" on every link to another host (and keeps any rel the
link already had), so a page opened from here cannot reach back into this one.
"""

from __future__ import annotations

import re

EXTERNAL_A_RE = re.compile(r'<a\b(?=[^>]*\shref="(?:https?:)?//)[^>]*>', re.I)
REL_RE = re.compile(r'\srel="([^"]*)"', re.I)


def with_noopener(tag: str) -> str:
    match = REL_RE.search(tag)
    if match is None:
        return tag[:-1] + ' rel="noopener">'
    tokens = match.group(1).split()
    if "noopener" in tokens:
        return tag
    return tag[: match.start()] + f' rel="{" ".join(tokens + ["noopener"])}"' + tag[match.end() :]


def on_page_content(html, page, config, files):
    return EXTERNAL_A_RE.sub(lambda m: with_noopener(m.group(0)), html)
