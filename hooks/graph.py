"""Typed knowledge graph: why a method works and what evidence backs it.

Adds to a page: on every content page, a "Sammenhenger" section with the typed
relations from its front matter and their inverses from other pages, grouped and
labelled in Norwegian (bygger på / grunnlag for, støttes av / gir støtte til, ...), each
item linking to its page with the page's description as tooltip, followed by a small map
of the page and its direct relations; on every page a "Sider som lenker hit" list of the
pages whose text links to it (computed from the page sources, so navigation, generated
lists and Kilder don't count); and on a page holding `<!-- kunnskapskart -->`, the whole
graph as an inline SVG map (no JavaScript) and the same relations as a table for screen
readers and print. All of it stands before the Kilder list, which stays last.
"""

from __future__ import annotations

import html

from mkdocs.plugins import event_priority
from tilfriskning.glue import parsed_pages
from tilfriskning.graph import Node, layout, neighbourhood, ordered_edges, render_svg
from tilfriskning.kinds import CONTENT_TYPES, RELATIONS, section_heading
from tilfriskning.relations import (
    PageInfo, backlinks, backlinks_html, collect_relations, groups_for, relations_html,
)
from tilfriskning.source import SourcePage

MAP_MARKER = "<!-- kunnskapskart -->"


class _Graph:
    def __init__(self):
        self.pages: dict[str, SourcePage] = {}
        self.relations = []
        self.backlinks: dict[str, list[str]] = {}
        self.nodes: list[Node] = []
        self.files = None


_graph = _Graph()


def on_files(files, config):
    global _graph
    _graph = _Graph()
    _graph.files = files
    _graph.pages = parsed_pages(files)
    _graph.relations = collect_relations({p: page.meta.get("relations") for p, page in _graph.pages.items()})
    _graph.nodes = [
        Node(p, str(page.meta.get("title", p)), page.meta["type"], str(page.meta.get("description", "")))
        for p, page in sorted(_graph.pages.items()) if page.meta.get("type") in CONTENT_TYPES
    ]
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


def _url_for(current):
    return lambda path: _graph.files.get_file_from_path(path).url_relative_to(current.file)


def _map(nodes, edges, current, *, title, highlight=None, id_prefix="kart") -> str:
    svg = render_svg(layout(nodes, edges), _url_for(current), title=title, highlight=highlight, id_prefix=id_prefix)
    return f'<div class="kart-ramme">{svg}</div>'


def _table(current) -> str:
    """Every relation as a row, linked, for screen readers and print."""
    by_path = {n.path: n for n in _graph.nodes}
    url = _url_for(current)
    body = "".join(
        f'<tr><td><a href="{url(e.source)}">{html.escape(by_path[e.source].title)}</a></td>'
        f"<td>{RELATIONS[e.relation].phrase}</td>"
        f'<td><a href="{url(e.target)}">{html.escape(by_path[e.target].title)}</a></td></tr>'
        for e in ordered_edges(_graph.nodes, _graph.relations)
    )
    return ('<table class="kart-tabell"><caption>Alle relasjoner mellom sidene, som i kartet over</caption>'
            '<thead><tr><th scope="col">Side</th><th scope="col">Relasjon</th><th scope="col">Til side</th></tr></thead>'
            f"<tbody>{body}</tbody></table>")


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
            nodes, edges = neighbourhood(_graph.nodes, _graph.relations, path, depth=1)
            local_map = _map(nodes, edges, page, title=f"Kart over {source.meta.get('title', path)} og sidene den henger sammen med",
                             highlight=path, id_prefix="naerkart")
            sections.append(section_heading("Sammenhenger") + "\n\n" + relations_html(groups, info) + "\n\n" + local_map)
    sources = _graph.backlinks.get(path)
    if sources:
        sections.append(section_heading("Sider som lenker hit") + "\n\n" + backlinks_html(sources, _info(sources, page)))
    if sections:
        markdown = markdown.rstrip("\n") + "\n\n" + "\n\n".join(sections) + "\n"
    if MAP_MARKER in markdown:
        full = _map(_graph.nodes, _graph.relations, page, title="Kunnskapskart: alle sidene og relasjonene mellom dem")
        markdown = markdown.replace(MAP_MARKER, full + "\n\n" + _table(page))
    return markdown
