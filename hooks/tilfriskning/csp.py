"""A strict Content-Security-Policy for every page, as a <meta http-equiv> (pure functions).

Everything the pages load comes from the site itself (`default-src 'self'`), and no other
origin is named, so a browser that follows the policy sends no request to another host,
whatever a script asks for (Material's bundle would fetch a ResizeObserver polyfill from
unpkg.com on browsers without one; the policy stops it). Inline scripts and styles run
only when their SHA-256 hash is listed: Material's inline scripts differ with a page's depth
(`__md_scope=new URL("../..",location)`), and instant navigation runs a new page's scripts
under the policy of the page first opened, so the policy lists the hashes of all inline
scripts and styles of the whole site, and every page carries the same policy.

A <meta> policy can't set `frame-ancestors` or report violations (both need HTTP headers,
which GitHub Pages doesn't let a site set); it applies from where it stands, so it goes
first in <head>, before any script.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable

_SCRIPT_RE = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_STYLE_RE = re.compile(r"<style\b[^>]*>(.*?)</style\s*>", re.IGNORECASE | re.DOTALL)
_TYPE_RE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
_SRC_RE = re.compile(r"\bsrc\s*=", re.IGNORECASE)
_META_RE = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">\n?', re.IGNORECASE)
_CHARSET_RE = re.compile(r"<meta\s+charset=[^>]*>", re.IGNORECASE)
_HEAD_RE = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
# Types a browser runs as script (HTML's JavaScript MIME types, and modules); others are data.
SCRIPT_TYPES = {"", "module", "text/javascript", "application/javascript", "application/ecmascript", "text/ecmascript"}


def source_hash(text: str) -> str:
    """The CSP hash source of an inline script's or style's text, as the browser sees it
    (HTML turns CR LF and CR into LF before it parses)."""
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    return "'sha256-" + base64.b64encode(hashlib.sha256(normalised.encode("utf-8")).digest()).decode("ascii") + "'"


def inline_hashes(html: str) -> tuple[set[str], set[str]]:
    """Hashes of a page's inline scripts that run (not JSON data, not `src=` scripts) and of its <style>s."""
    scripts = set()
    for attributes, text in _SCRIPT_RE.findall(html):
        kind = _TYPE_RE.search(attributes)
        if not _SRC_RE.search(attributes) and (kind.group(1).lower() if kind else "") in SCRIPT_TYPES:
            scripts.add(source_hash(text))
    return scripts, {source_hash(text) for text in _STYLE_RE.findall(html)}


def policy(script_hashes: Iterable[str], style_hashes: Iterable[str]) -> str:
    """The policy: the site itself only, inline code by hash, images also as data: URLs (Material's icons)."""
    scripts = " ".join(["'self'", *sorted(script_hashes)])
    styles = " ".join(["'self'", *sorted(style_hashes)])
    return (
        f"default-src 'self'; script-src {scripts}; style-src {styles}; img-src 'self' data:; "
        "object-src 'none'; base-uri 'self'; form-action 'self'"
    )


def with_policy(html: str, content: str) -> str:
    """`html` with the policy as the first thing in <head> after the charset (an older one replaced)."""
    html = _META_RE.sub("", html)
    anchor = _CHARSET_RE.search(html) or _HEAD_RE.search(html)
    if anchor is None:
        return html  # not a page
    meta = f'\n    <meta http-equiv="Content-Security-Policy" content="{content}">'
    return html[: anchor.end()] + meta + html[anchor.end() :]


def allowing_last_script(html: str) -> str:
    """`html` whose policy also lets its last inline script run, by its hash: the live-reload
    script `mkdocs serve` adds to every page it answers (it differs with each answer, so it
    cannot be hashed at build time). Only the local preview uses this."""
    scripts = list(_SCRIPT_RE.finditer(html))
    meta = _META_RE.search(html)
    if not scripts or meta is None:
        return html
    allowed = meta.group(0).replace("script-src 'self'", f"script-src 'self' {source_hash(scripts[-1].group(2))}", 1)
    return html[: meta.start()] + allowed + html[meta.end() :]
