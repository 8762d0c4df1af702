"""Guard rails: stop the build with one clear Norwegian line per editor mistake.

Adds nothing to a page. Runs before anything else reads the input: the engine is one
this project is tested on, and the .bib is checked before anything uses it (on_config,
through `glue.build.site`, which parses it once for the whole build); every page's front
matter, page rules, citations, links, its place in the navigation and the published
addresses (none may disappear without a redirect) before any page is rendered
(on_files); #anchors once all pages are rendered but before any is written (on_env).
It marks every page it has checked; overrides/main.html refuses to render a page
without that mark, so an engine that skips hooks cannot build the site silently. The
rules themselves live in `tilfriskning.bib` and `tilfriskning.rules`; this module
only feeds them and reports. Sources are only read, never written.
"""

from __future__ import annotations

import re
from dataclasses import replace

from mkdocs.plugins import event_priority

from glue.build import check_engine, log, project_dir, site, stop_build
from tilfriskning.problems import Problem
from tilfriskning.rules import (
    LITTERATUR_PAGE,
    AnchorLink,
    SiteIndex,
    check_anchors,
    check_navigation,
    check_page,
    check_published_addresses,
    check_relation_pairs,
    read_published,
)

ID_RE = re.compile(r'\sid="([^"]+)"')
PUBLISHED_LIST = "publiserte-adresser.txt"
CHECKED = "tf_checked"  # page.meta mark that overrides/main.html requires


@event_priority(100)  # before mkdocs-bibtex and the citation hook look at the .bib
def on_config(config):
    check_engine()
    facts = site(config)
    work = facts.bibliography.work_items()
    if work:
        log.info(
            "Kildestatus: %d av %d oppføringer i %s har ufullstendige opplysninger (arbeidsliste: scripts/kildestatus).",
            len(work),
            len(facts.bibliography.entries),
            facts.bibliography_name,
        )
    return config


def _page_problems(files, facts, index: SiteIndex) -> tuple[list[Problem], list[AnchorLink]]:
    problems: list[Problem] = []
    anchors: list[AnchorLink] = []
    for file in sorted(files.documentation_pages(), key=lambda f: f.src_uri):
        page_problems, page_anchors = check_page(file.src_uri, file.content_string, index)
        problems += [replace(p, file=facts.docs_prefix + p.file) for p in page_problems]
        anchors += page_anchors
    return problems, anchors


@event_priority(50)  # before the citation hook formats anything
def on_files(files, config):
    facts = site(config, files)
    pages = sorted(f.src_uri for f in files.documentation_pages())
    index = SiteIndex(
        page_types={uri: str(facts.page_type(uri) or "") for uri in pages},
        files=frozenset(f.src_uri for f in files if not f.is_documentation_page()),
        bib_keys=frozenset(facts.bibliography.entries),
        today=facts.today,
    )
    problems, anchors = _page_problems(files, facts, index)
    problems += check_navigation(pages, config.nav, "mkdocs.yml", facts.docs_prefix)
    problems += check_relation_pairs(facts.pages, facts.docs_prefix)
    published = project_dir(config) / PUBLISHED_LIST
    if published.is_file():
        redirects = config.plugins["redirects"].config.get("redirect_maps") if "redirects" in config.plugins else {}
        problems += check_published_addresses(
            read_published(published.read_text(encoding="utf-8")), set(pages), dict(redirects or {}), PUBLISHED_LIST
        )
    if problems:
        stop_build(problems)
    facts.anchor_links = anchors
    return files


def on_page_markdown(markdown, page, config, files):
    page.meta[CHECKED] = True
    return markdown


def on_page_content(html, page, config, files):
    site(config).rendered_ids[page.file.src_uri] = set(ID_RE.findall(html))
    return html


def on_env(env, config, files):
    facts = site(config)
    ids = facts.rendered_ids
    if LITTERATUR_PAGE in ids:  # its entries are anchored by key, whoever renders them
        ids[LITTERATUR_PAGE] |= set(facts.bibliography.entries)
    problems = check_anchors(facts.anchor_links, ids, facts.docs_prefix)
    if problems:
        stop_build(problems)
    return env
