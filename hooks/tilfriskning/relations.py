"""Typed relations and backlinks between pages (pure functions).

Relations come from front matter (`relations:`); each is shown on its own page with
its label and on the target page with the inverse label. Backlinks come from links in
the page text only (not navigation or generated lists).
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from .kinds import RELATION_KINDS, SYMMETRIC
from .map_svg import Edge, sort_key
from .source import resolve_link


@dataclass(frozen=True)
class PageInfo:
    title: str
    description: str
    url: str  # relative to the page that shows the link


def collect_relations(relations_by_page: dict[str, dict]) -> list[Edge]:
    """All declared relations; a `relatert` pair declared on both pages counts once."""
    found: list[Edge] = []
    seen_related: set[frozenset[str]] = set()
    for source in sorted(relations_by_page):
        for name, targets in (relations_by_page[source] or {}).items():
            for target in targets or []:
                if name == SYMMETRIC:
                    pair = frozenset((source, target))
                    if pair in seen_related:
                        continue
                    seen_related.add(pair)
                found.append(Edge(source, str(target), name))
    return found


def groups_for(page: str, relations: list[Edge]) -> list[tuple[str, list[str]]]:
    """(Norwegian label, target pages) for one page, outgoing before inverse, in RELATION_KINDS order."""
    groups: dict[str, list[str]] = {}
    for kind in RELATION_KINDS:
        for rel in relations:
            if rel.relation != kind.name:
                continue
            if rel.source == page:
                groups.setdefault(kind.label, []).append(rel.target)
            elif rel.target == page:
                groups.setdefault(kind.inverse_label, []).append(rel.source)
    order = [label for kind in RELATION_KINDS for label in (kind.label, kind.inverse_label)]
    return [(label, sorted(set(groups[label]))) for label in dict.fromkeys(order) if label in groups]


def backlinks(links_by_page: dict[str, list[str]], pages: set[str]) -> dict[str, list[str]]:
    """For each page, the other pages whose text links to it (targets resolved, anchors dropped)."""
    result: dict[str, set[str]] = {}
    for source, targets in links_by_page.items():
        for target in targets:
            resolved = (resolve_link(source, target) or ("", ""))[0]
            if resolved in pages and resolved != source:
                result.setdefault(resolved, set()).add(source)
    return {page: sorted(sources) for page, sources in result.items()}


def _link(info: PageInfo) -> str:
    return (
        f'<a href="{html.escape(info.url, quote=True)}" title="{html.escape(info.description, quote=True)}">'
        f"{html.escape(info.title)}</a>"
    )


def relations_html(groups: list[tuple[str, list[str]]], info: dict[str, PageInfo]) -> str:
    """The 'Sammenhenger' box: one labelled list per relation group."""
    rows = []
    for label, targets in groups:
        items = "".join(f"<li>{_link(info[t])}</li>" for t in sorted(targets, key=lambda t: sort_key(info[t].title)))
        rows.append(f'<div class="sammenheng"><h3 class="sammenheng__type">{label}</h3><ul>{items}</ul></div>')
    return '<div class="sammenhenger">' + "".join(rows) + "</div>"


def backlinks_html(sources: list[str], info: dict[str, PageInfo]) -> str:
    items = "".join(f"<li>{_link(info[s])}</li>" for s in sorted(sources, key=lambda s: sort_key(info[s].title)))
    return f'<ul class="lenker-hit">{items}</ul>'
