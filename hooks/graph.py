"""Typed knowledge graph: why a method works and what evidence backs it.

Adds to a page: on every content page, a "Sammenhenger" section with the typed
relations from its front matter and their inverses from other pages, grouped and
labelled in Norwegian (bygger på / grunnlag for, støttes av / gir støtte til, ...), each
item linking to its page with the page's description as tooltip; and on every page a
"Sider som lenker hit" list of the pages whose text links to it (computed from the
page sources, so navigation, generated lists and Kilder don't count). Both stand
before the Kilder list, which stays last.
"""

from __future__ import annotations

from mkdocs.plugins import event_priority
from tilfriskning.pages import CONTENT_TYPES
from tilfriskning.relations import (
    PageInfo, backlinks, backlinks_html, collect_relations, groups_for, relations_html,
)
from tilfriskning.source import FrontMatterError, SourcePage, parse_page


class _Graph:
    def __init__(self):
        self.pages: dict[str, SourcePage] = {}
        self.relations = []
        self.backlinks: dict[str, list[str]] = {}
        self.files = None


_graph = _Graph()


def on_files(files, config):
    global _graph
    _graph = _Graph()
    _graph.files = files
    for file in files.documentation_pages():
        try:
            _graph.pages[file.src_uri] = parse_page(file.content_string)
        except FrontMatterError:  # pragma: no cover - the validation hook stops the build first
            continue
    _graph.relations = collect_relations({p: page.meta.get("relations") for p, page in _graph.pages.items()})
    _graph.backlinks = backlinks(
        {p: [link.target for link in page.links] for p, page in _graph.pages.items()}, set(_graph.pages)
    )
    return files


def _info(paths, current) -> dict[str, PageInfo]:
    info = {}
    for path in paths:
        meta = _graph.pages[path].meta
        url = _graph.files.get_file_from_path(path).url_relative_to(current.file)
        info[path] = PageInfo(str(meta.get("title", path)), str(meta.get("description", "")), url)
    return info


@event_priority(110)  # before the citation hook appends the Kilder list, so Kilder stays last
def on_page_markdown(markdown, page, config, files):
    path = page.file.src_uri
    source = _graph.pages.get(path)
    if source is None:
        return markdown
    sections = []
    if source.meta.get("type") in CONTENT_TYPES:
        groups = groups_for(path, _graph.relations)
        if groups:
            info = _info({p for _, targets in groups for p in targets}, page)
            sections.append("## Sammenhenger {#sammenhenger}\n\n" + relations_html(groups, info))
    sources = _graph.backlinks.get(path)
    if sources:
        sections.append("## Sider som lenker hit {#sider-som-lenker-hit}\n\n" + backlinks_html(sources, _info(sources, page)))
    if sections:
        markdown = markdown.rstrip("\n") + "\n\n" + "\n\n".join(sections) + "\n"
    return markdown
