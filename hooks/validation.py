"""Guard rails: stop the build with one clear Norwegian line per editor mistake.

Adds nothing to a page. Runs before anything else reads the input: the .bib is checked
before mkdocs-bibtex parses it (on_config), every page's front matter, page rules,
citations, links, its place in the navigation and the published addresses (none may
disappear without a redirect) before any page is rendered (on_files), and #anchors
once all pages are rendered but before any is written (on_env). The rules themselves live in
`tilfriskning.bib` and `tilfriskning.pages`; this module only feeds them and reports.
Sources are only read, never written.
"""

from __future__ import annotations

import re
from dataclasses import replace

from mkdocs.plugins import event_priority
from tilfriskning.bib import check_bibliography
from tilfriskning.glue import bib_path, docs_prefix, log, parsed_pages, project_dir, stop_build
from tilfriskning.rules import (
    LITTERATUR_PAGE, AnchorLink, SiteIndex, check_anchors, check_navigation, check_page, check_published_addresses,
    check_relation_pairs, read_published,
)
from tilfriskning.problems import Problem

ID_RE = re.compile(r'\sid="([^"]+)"')
PUBLISHED_LIST = "publiserte-adresser.txt"

_bib_keys: frozenset[str] = frozenset()
_anchors: list[AnchorLink] = []
_ids: dict[str, set[str]] = {}


@event_priority(100)  # before mkdocs-bibtex parses the .bib in its own on_config
def on_config(config):
    global _bib_keys
    path = bib_path(config)
    shown = path.relative_to(project_dir(config)).as_posix() if path.is_relative_to(project_dir(config)) else str(path)
    if not path.is_file():
        stop_build([Problem(shown, None, "fant ikke bibliografien; sjekk bib_file i mkdocs.yml", "bib-fil")])
    bibliography, problems = check_bibliography(path.read_text(encoding="utf-8"), shown)
    if problems:
        stop_build(problems)
    work = bibliography.work_items()
    if work:
        log.info(
            "Kildestatus: %d av %d oppføringer i %s har ufullstendige opplysninger (arbeidsliste: scripts/kildestatus).",
            len(work), len(bibliography.entries), shown,
        )
    _bib_keys = frozenset(bibliography.entries)
    return config


@event_priority(50)  # before the citation hook formats anything
def on_files(files, config):
    global _anchors
    _ids.clear()
    prefix = docs_prefix(config)
    pages = {f.src_uri: f for f in files.documentation_pages()}
    parsed = parsed_pages(files)
    page_types = {uri: str(parsed[uri].meta.get("type", "")) if uri in parsed else "" for uri in pages}
    index = SiteIndex(
        page_types=page_types,
        files=frozenset(f.src_uri for f in files if not f.is_documentation_page()),
        bib_keys=_bib_keys,
    )
    problems: list[Problem] = []
    anchors: list[AnchorLink] = []
    for src_uri, file in sorted(pages.items()):
        page_problems, page_anchors = check_page(src_uri, file.content_string, index)
        problems += [replace(p, file=prefix + p.file) for p in page_problems]
        anchors += page_anchors
    problems += check_navigation(sorted(pages), config.nav, "mkdocs.yml", prefix)
    problems += check_relation_pairs(parsed, prefix)
    published = project_dir(config) / PUBLISHED_LIST
    if published.is_file():
        redirects = config.plugins["redirects"].config.get("redirect_maps") if "redirects" in config.plugins else {}
        problems += check_published_addresses(read_published(published.read_text(encoding="utf-8")),
                                              set(pages), dict(redirects or {}), PUBLISHED_LIST)
    if problems:
        stop_build(problems)
    _anchors = anchors
    return files


def on_page_content(html, page, config, files):
    _ids[page.file.src_uri] = set(ID_RE.findall(html))
    return html


def on_env(env, config, files):
    if LITTERATUR_PAGE in _ids:  # its entries are anchored by key, whoever renders them
        _ids[LITTERATUR_PAGE] |= _bib_keys
    problems = check_anchors(_anchors, _ids, docs_prefix(config))
    if problems:
        stop_build(problems)
    return env
