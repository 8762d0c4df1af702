"""The facts of one build, gathered once and handed to every hook that needs them.

The bibliography (parsed and checked once), every readable page's source, the date each
page last changed in git, the commit the site is built from, and what the citation
hook formatted. Relations, backlinks and article facts are derived from the pages once,
on first use. No MkDocs here: `hooks/glue/build.py` makes one `Site` per build.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass, field
from functools import cached_property

from .bib import Bibliography
from .citeproc import Formatted, Prefetch
from .gitdates import PageDate
from .kinds import CONTENT_TYPES
from .map_svg import Edge, Node
from .relations import backlinks, collect_relations
from .research import Article
from .rules import AnchorLink
from .source import SourcePage, parse_citations
from .summary import CARD_MARKER, Card, citation_blocks
from .tag_mask import TagMask


@dataclass
class Site:
    docs_prefix: str  # "docs/": how editors see the docs folder from the repository root
    bibliography: Bibliography
    today: dt.date
    commit: str | None = None  # the commit the site is built from
    pages: dict[str, SourcePage] = field(default_factory=dict)  # docs-relative path -> source
    dates: dict[str, PageDate] = field(default_factory=dict)  # docs-relative path -> last change
    bibliography_name: str = "bibliography.bib"  # as editors see it
    formatted: Formatted | None = None  # set by the citation hook
    early_citations: Prefetch | None = None  # the citation hook's head start, from on_config to on_files
    page_references: dict[str, str] = field(default_factory=dict)  # path -> how to cite that page
    anchor_links: list[AnchorLink] = field(default_factory=list)  # checked by validation once rendered
    rendered_ids: dict[str, set[str]] = field(default_factory=dict)  # path -> ids in its HTML
    rendered_problems: list = field(default_factory=list)  # what rendered pages would show wrong
    config_file: object = None  # mkdocs.yml as tilfriskning.config_file reads it (lines of nav entries, redirects)
    held: dict[str, dict[str, str]] = field(default_factory=dict)  # path -> placeholder -> HTML (glue/held.py)
    held_nonce: str = field(default_factory=lambda: secrets.token_hex(4))  # placeholders no page text can hold
    tag_mask: TagMask = field(default_factory=TagMask)  # the citations' tags while Markdown converts (citation hook)

    def title(self, path: str) -> str:
        return str(self.pages[path].meta.get("title", path))

    def page_type(self, path: str) -> str | None:
        page = self.pages.get(path)
        return page.meta.get("type") if page else None

    @cached_property
    def relations(self) -> list[Edge]:
        return collect_relations({p: page.meta.get("relations") for p, page in self.pages.items()})

    @cached_property
    def _relations_by_page(self) -> dict[str, list[int]]:
        """For each page, where in `relations` the relations to or from it stand."""
        found: dict[str, list[int]] = {}
        for number, edge in enumerate(self.relations):
            found.setdefault(edge.source, []).append(number)
            if edge.target != edge.source:
                found.setdefault(edge.target, []).append(number)
        return found

    def relations_near(self, paths: set[str]) -> list[Edge]:
        """The relations to or from any of `paths`, in `relations` order: what a page's own
        lists and map need, found without going through every relation of the site."""
        numbers = sorted({n for path in paths for n in self._relations_by_page.get(path, ())})
        return [self.relations[n] for n in numbers]

    @cached_property
    def _node_order(self) -> dict[str, int]:
        return {node.path: number for number, node in enumerate(self.nodes)}

    def nodes_of(self, paths: set[str]) -> list[Node]:
        """The content pages among `paths`, in `nodes` order."""
        return [self.nodes[n] for n in sorted(self._node_order[p] for p in paths if p in self._node_order)]

    @cached_property
    def backlinks(self) -> dict[str, list[str]]:
        """For each page, the pages whose text links to it."""
        return backlinks({p: [link.target for link in page.links] for p, page in self.pages.items()}, set(self.pages))

    @cached_property
    def nodes(self) -> list[Node]:
        """Every content page, as the knowledge map draws it."""
        return [
            Node(p, self.title(p), page.meta["type"], str(page.meta.get("description", "")))
            for p, page in sorted(self.pages.items())
            if page.meta.get("type") in CONTENT_TYPES
        ]

    @cached_property
    def articles(self) -> dict[str, Article]:
        return {
            p: Article(p, str(page.meta["title"]), str(page.meta["kilde"]), page.meta["faktaboks"])
            for p, page in self.pages.items()
            if page.meta.get("type") == "artikkel"
        }

    @cached_property
    def cards(self) -> list[Card]:
        """Every «Til samtalen» card, for the printable card page."""
        return [
            Card(p, self.title(p), page.meta["til_samtalen"])
            for p, page in sorted(self.pages.items())
            if isinstance(page.meta.get("til_samtalen"), dict)
        ]

    @cached_property
    def cited(self) -> dict[str, list[str]]:
        """Each page's cited keys, in reference-list order (needs `formatted`). The card page
        cites what its cards cite; an article page cites the work its fact box names (`kilde`),
        so the work is in its Kilder list, with the sentences explaining its markers."""
        order = {key: n for n, key in enumerate(self.formatted.order)} if self.formatted else {}
        keys = {p: {key for block in page.citation_blocks for key in block.keys} for p, page in self.pages.items()}
        for p, article in self.articles.items():
            keys[p].add(article.kilde)
        card_keys = {
            key
            for one in self.cards
            for items in one.parts.values()
            for item in (items if isinstance(items, list) else [])
            for block in citation_blocks(str(item))
            for key in _keys(block)
        }
        for p, page in self.pages.items():
            if CARD_MARKER in page.body:
                keys[p] |= card_keys
        return {p: sorted(found, key=lambda k: order.get(k, len(order))) for p, found in keys.items()}


def _keys(block: str) -> list[str]:
    return [c.key for c in parse_citations(block[1:-1])]
