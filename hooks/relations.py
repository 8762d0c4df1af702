"""Typed knowledge graph: why a method works and what evidence backs it.

Adds to a page: on every content page, a "Sammenhenger" section with the typed
relations from its front matter and their inverses from other pages, grouped and
labelled in Norwegian (bygger på / grunnlag for, støttes av / gir støtte til, ...), each
item linking to its page with the page's description as tooltip, followed by a small map
of the page and its direct relations; on every page a "Sider som lenker hit" list of the
pages whose text links to it (computed from the page sources, so navigation, generated
lists and Kilder don't count); and on a page holding `<!-- kunnskapskart: fylles av hooks/relations.py -->`, the whole
graph as an inline SVG map (no JavaScript): the pages in one column by type, each relation
in a lane beside it, and pointing at a page or tabbing to it shows only its relations; then
the same relations as a table for screen readers and print. All of it stands before the
Kilder list, which stays last.
"""

from __future__ import annotations

import html

from mkdocs.plugins import event_priority

from glue import held
from glue.build import site
from tilfriskning.kinds import CONTENT_TYPES, KINDS, MAP_TYPES, RELATIONS, section_heading
from tilfriskning.map_column import column_layout
from tilfriskning.map_svg import layout, neighbourhood, ordered_edges, render_svg
from tilfriskning.relations import PageInfo, backlinks_html, groups_for, relations_html

MAP_MARKER = "<!-- kunnskapskart: fylles av hooks/relations.py -->"
FOLLOW_HINT = (
    "Pek på en side i kartet, eller gå til den med tabulatortasten, for å se bare dens relasjoner "
    "og sidene den henger sammen med; resten blir blekere."
)


def _url_for(current, files):
    return lambda path: files.get_file_from_path(path).url_relative_to(current.file)


def _info(facts, paths, current, files) -> dict[str, PageInfo]:
    url = _url_for(current, files)
    return {p: PageInfo(facts.title(p), str(facts.pages[p].meta.get("description", "")), url(p)) for p in paths}


def _map(nodes, edges, current, files, *, title, highlight=None, id_prefix="kart") -> str:
    svg = render_svg(layout(nodes, edges), _url_for(current, files), title=title, highlight=highlight, id_prefix=id_prefix)
    return f'<div class="kart-ramme">{svg}</div>'


def _whole_map(facts, current, files) -> str:
    """Every page and relation, in one column (tilfriskning.map_column), with a hint how to follow one page."""
    groups = ", ".join(KINDS[t].nav_section.lower() for t in MAP_TYPES)
    drawn = column_layout(facts.nodes, facts.relations)
    n, m = len(drawn.nodes), len(drawn.edges)
    svg = render_svg(
        drawn,
        _url_for(current, files),
        title="Kunnskapskart: alle sidene og relasjonene mellom dem",
        desc=(
            f"{n} sider og {m} relasjoner. Sidene står under hverandre i grupper etter type, ovenfra: {groups}; "
            "relasjonene går som linjer til høyre for sidene, med pil mot siden relasjonen peker på."
        ),
        follow=True,
    )
    # Left out of search: the table below says the same in words, and the map's own texts (an edge's
    # title, the legend) would reach the index run together («er relatertStigma og skam»).
    return f'<p class="kart-hjelp">{FOLLOW_HINT}</p>\n<div data-search-exclude><div class="kart-ramme">{svg}</div></div>'


def _table(facts, current, files) -> str:
    """Every relation as a row, linked, for screen readers and print. A line break between cells,
    so search reads «Anerkjennelse bygger på Honneths …», not the cells run together."""
    by_path = {n.path: n for n in facts.nodes}
    url = _url_for(current, files)
    body = "\n".join(
        f'<tr><td><a href="{url(e.source)}">{html.escape(by_path[e.source].title)}</a></td>\n'
        f"<td>{RELATIONS[e.relation].phrase}</td>\n"
        f'<td><a href="{url(e.target)}">{html.escape(by_path[e.target].title)}</a></td></tr>'
        for e in ordered_edges(facts.nodes, facts.relations)
    )
    return (
        '<table class="kart-tabell">\n<caption>Alle relasjoner mellom sidene, som i kartet over</caption>\n'
        '<thead><tr><th scope="col">Side</th>\n<th scope="col">Relasjon</th>\n<th scope="col">Til side</th></tr></thead>\n'
        f"<tbody>\n{body}\n</tbody></table>"
    )


def _connections(facts, path, page, files, config) -> str | None:
    """The "Sammenhenger" section: the page's relations both ways, and its neighbourhood map."""
    own = facts.relations_near({path})
    groups = groups_for(path, own)
    if not groups:
        return None
    info = _info(facts, {p for _, targets in groups for p in targets}, page, files)
    around = {path} | {e.source for e in own} | {e.target for e in own}  # all a map one relation deep can hold
    nodes, edges = neighbourhood(facts.nodes_of(around), facts.relations_near(around), path, depth=1)
    local_map = _map(
        nodes,
        edges,
        page,
        files,
        highlight=path,
        id_prefix="naerkart",
        title=f"Kart over {facts.pages[path].meta.get('title', path)} og sidene den henger sammen med",
    )
    lists = held.hold(config, page, relations_html(groups, info))
    return section_heading("Sammenhenger") + "\n\n" + lists + "\n\n" + held.hold(config, page, local_map)


@event_priority(110)  # before the citation hook appends the Kilder list, so Kilder stays last
def on_page_markdown(markdown, page, config, files):
    facts, path = site(config), page.file.src_uri
    if path not in facts.pages:
        return markdown
    sections = []
    if facts.page_type(path) in CONTENT_TYPES:
        sections.append(_connections(facts, path, page, files, config))
    sources = facts.backlinks.get(path)
    if sources:
        listed = held.hold(config, page, backlinks_html(sources, _info(facts, sources, page, files)))
        sections.append(section_heading("Sider som lenker hit") + "\n\n" + listed)
    sections = [s for s in sections if s]
    if sections:
        markdown = markdown.rstrip("\n") + "\n\n" + "\n\n".join(sections) + "\n"
    if MAP_MARKER in markdown:
        markdown = markdown.replace(MAP_MARKER, _whole_map(facts, page, files) + "\n\n" + _table(facts, page, files))
    return markdown


@event_priority(200)  # before anything reads the page: the held lists and map go back in first
def on_page_content(html, page, config, files):
    return held.put_back(html, page, config)
