"""Reading without network: what the service worker saves, and the worker itself (pure functions).

The service worker (`service_worker.js` beside this file, with this build's settings put
in front of it) answers every request for a page from the network first, so a reader
with network never sees an old page, and keeps a copy of every page read. Without network
it answers with that copy, and the copy says so: the hidden notice in every page
(`NOTICE_HIDDEN`, in overrides/main.html) is shown with the date it was saved. Files
whose name carries a version (Material's `bundle.a5f9d56c.min.js`) come from the saved
copy first; they never change under the same name. When it is installed it saves the
front page, the practice pages, the search files and everything those pages load; a new
build gets a new version, and the worker of a new version replaces the old saved copies
with fresh ones of the same pages.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from urllib.parse import urljoin, urlsplit

# The files the site's search needs, as globs under the built site. Material's lunr search
# today: Material's stub and our index, our worker and Material's, and the two Norwegian
# language files the worker loads.
# Another search (Pagefind: "pagefind/pagefind*.js", "pagefind/pagefind-entry.json",
# "pagefind/wasm.*", "pagefind/index/*", "pagefind/fragment/*" ...) changes only this list.
# A pattern that matches nothing stops a strict build, so a stale list is noticed.
SEARCH_FILES: tuple[str, ...] = (
    "search/search_index.json",
    "search/search_index_nb.json",  # the documents, loaded on first focus (hooks/search_nb.py)
    "assets/javascripts/workers/search_nb.js",  # our worker; it loads Material's below
    "assets/javascripts/workers/search.*.min.js",
    "assets/javascripts/lunr/min/lunr.stemmer.support.min.js",
    "assets/javascripts/lunr/min/lunr.no.min.js",
)
PRACTICE_SECTION = "For praksis"  # the navigation section whose pages are saved up front
ALWAYS = ("sitemap.xml", "503.html")  # instant navigation reads the sitemap; 503.html: a page not saved
WORKER = "service-worker.js"  # at the site's root: its scope is the whole site
CACHE_PREFIX = "tilfriskning-"
NOTICE_HIDDEN = '<p class="lagret-kopi" hidden>'
NOTICE_SHOWN = '<p class="lagret-kopi">'
DATE_SLOT = "<time data-lagret></time>"

_ASSET_RE = re.compile(
    r'<link\b[^>]*\brel="(?:stylesheet|icon)"[^>]*\bhref="([^"]+)"|<script\b[^>]*\bsrc="([^"]+)"', re.IGNORECASE
)


def page_url(src_path: str) -> str:
    """A page's address relative to the site root, as MkDocs writes it with directory URLs:
    'index.md' -> '', 'forskning/index.md' -> 'forskning/', 'metoder/mi.md' -> 'metoder/mi/'."""
    path = PurePosixPath(src_path)
    parts = path.parent.parts if path.stem in ("index", "README") else (*path.parent.parts, path.stem)
    return "".join(p + "/" for p in parts)


def section_pages(nav: list | None, title: str) -> list[str]:
    """The source paths under the navigation section `title` (mkdocs.yml `nav:`), in order."""
    found: list[str] = []

    def paths(items) -> Iterable[str]:
        for item in items if isinstance(items, list) else [items]:
            if isinstance(item, str):
                yield item
            elif isinstance(item, dict):
                for value in item.values():
                    yield from paths(value)

    for item in nav or []:
        if isinstance(item, dict) and title in item:
            found += [p for p in paths(item[title]) if p.endswith(".md") and "://" not in p]
    return found


def referenced_assets(html: str, url: str) -> list[str]:
    """The stylesheets, icon and scripts a page at `url` (site-relative) loads, site-relative."""
    found = []
    for match in _ASSET_RE.finditer(html):
        target = urljoin("/" + url, match.group(1) or match.group(2))
        if urlsplit(target).netloc:
            continue  # another host: not ours to save (and the CSP forbids it)
        found.append(urlsplit(target).path.lstrip("/"))
    return found


def expand(site: Path, patterns: Iterable[str]) -> tuple[list[str], list[str]]:
    """The site files matching each glob, and the patterns that match none."""
    files, unmatched = [], []
    for pattern in patterns:
        matches = sorted(p.relative_to(site).as_posix() for p in site.glob(pattern) if p.is_file())
        files += matches
        if not matches:
            unmatched.append(pattern)
    return files, unmatched


def site_version(site: Path, skip: str = WORKER) -> str:
    """A short hash of every file of the built site: any change makes a new version."""
    digest = hashlib.sha256()
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        name = path.relative_to(site).as_posix()
        if name != skip:
            digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def precache_list(site: Path, page_urls: Iterable[str], search: Iterable[str] = SEARCH_FILES) -> tuple[list[str], list[str]]:
    """What the worker saves when it is installed: the pages, what they load, the search
    files and ALWAYS; and the search patterns that matched nothing."""
    wanted: list[str] = []
    for url in page_urls:
        wanted.append(url)
        wanted += referenced_assets((site / url / "index.html").read_text(encoding="utf-8"), url)
    search_files, unmatched = expand(site, search)
    wanted += search_files + [name for name in ALWAYS if (site / name).is_file()]
    return list(dict.fromkeys(wanted)), unmatched


def worker_source(version: str, precache: list[str]) -> str:
    """service-worker.js: this build's settings, then the worker (service_worker.js)."""
    settings = {
        "version": version,
        "cache": CACHE_PREFIX + version,
        "cachePrefix": CACHE_PREFIX,
        "precache": precache,
        "notice": {"hidden": NOTICE_HIDDEN, "shown": NOTICE_SHOWN, "slot": DATE_SLOT},
    }
    body = (Path(__file__).with_name("service_worker.js")).read_text(encoding="utf-8")
    return f"const SETTINGS = {json.dumps(settings, ensure_ascii=False, indent=1)};\n\n{body}"


def sizes(site: Path, files: Iterable[str]) -> tuple[int, int]:
    """Bytes of the given site files (a page: its index.html), raw and gzip-compressed."""
    raw = packed = 0
    for name in files:
        path = site / name / "index.html" if name == "" or name.endswith("/") else site / name
        data = path.read_bytes()
        raw, packed = raw + len(data), packed + len(gzip.compress(data, 6))
    return raw, packed
