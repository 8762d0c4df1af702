"""Knowledge maps as inline SVG without JavaScript (pure functions).

Draws pages (nodes) in layers by type, top to bottom teori, begrep, metode, artikkel,
tema, joined by their typed relations (edges): the whole site's map, or one page's
neighbourhood. `layout` is a small layered (Sugiyama-style) layout: nodes ordered within
a layer by barycenter sweeps, edges that skip a layer run through reserved gaps in it,
edges within a layer as brackets above it; no edge crosses a box. `render_svg` draws
the links, tooltips and legends; `edge_rows` lists the relations for a table alternative.
`render_svg(..., follow=True)` adds what lets a reader follow one page's relations on a
large map: pointing at a node or giving it keyboard focus shows its relations and its
neighbours and dims the rest, in CSS alone (`:has()`); `map_column.py` lays such a map out.
No inline style attributes: the page's Content-Security-Policy allows none.
"""

from __future__ import annotations

import html
import math
import re
import textwrap
from bisect import bisect_right, insort
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .kinds import KINDS, MAP_TYPES, RELATIONS, ascii_letters

TYPES = MAP_TYPES  # layer order, top to bottom (kinds.PAGE_KINDS: map_layer)
TEXT_COLOUR = "#1b1b1b"
FONT, LINE_H, WRAP = 14, 18, 22  # px, px, characters per title line
PAD_X, PAD_Y, MIN_W = 12, 10, 96  # inside a box
GAP, SLOT, MARGIN = 28, 16, 16  # between boxes, width of an edge's gap in a layer, outer
LAYER_GAP, BRACKET_STEP = 72, 10  # between layers, between stacked same-layer brackets
MIN_TEXT_PX = 12  # the smallest a follow map's text may be shown at (CSS px)
_ACTIVE = ":is(:hover,:focus)"

Point = tuple[float, float]


@dataclass(frozen=True)
class Node:
    path: str  # docs-relative, unique id
    title: str
    type: str  # one of TYPES
    description: str


@dataclass(frozen=True)
class Edge:
    source: str  # arrow from source to target
    target: str
    relation: str  # key of RELATIONS


@dataclass(frozen=True)
class Box:
    x: float  # left
    y: float  # top
    w: float
    h: float


@dataclass(frozen=True)
class Layout:
    nodes: dict[str, Node]  # by path, in drawing (and tab) order
    boxes: dict[str, Box]
    lines: dict[str, tuple[str, ...]]  # wrapped title
    edges: list[tuple[Edge, tuple[Point, ...]]]  # polyline from source border to target border
    width: float
    height: float
    font: float = FONT  # px in the map's own units
    line_height: float = LINE_H
    arrow: float = 10  # arrowhead length
    headings: tuple[tuple[str, str, float, float], ...] = ()  # (type, label, x, baseline) over a group of nodes


def sort_key(text: str) -> str:
    """Norwegian alphabetical order (æ, ø, å after z), ignoring case."""
    return text.casefold().translate(_NORWEGIAN_ORDER)


_NORWEGIAN_ORDER = str.maketrans({"æ": "{", "ø": "|", "å": "}"})


def text_width(text: str, size: float = FONT) -> float:
    """An upper estimate of `text`'s width in common sans-serif fonts (DejaVu Sans is widest)."""
    narrow, wide = "fijlrtI.,:;'!|()[]/-", "mwMWÆæ&<>%@"
    return size * sum(
        0.32 if c == " " else 0.4 if c in narrow else 1.0 if c in wide else 0.8 if c.isupper() else 0.64 for c in text
    )


def unique_edges(nodes: dict[str, Node], edges: Iterable[Edge]) -> list[Edge]:
    """Sorted edges between known nodes: no self-loops or repeats; `relatert` once per pair."""
    seen: dict[tuple[str, str, str], Edge] = {}
    for e in edges:
        if e.relation not in RELATIONS:
            raise ValueError(f"unknown relation {e.relation!r} ({e.source} -> {e.target})")
        if e.source != e.target and e.source in nodes and e.target in nodes:
            s, t = (e.source, e.target) if RELATIONS[e.relation].directed else sorted((e.source, e.target))
            seen.setdefault((s, t, e.relation), Edge(s, t, e.relation))
    return [seen[k] for k in sorted(seen)]


def layout(nodes: Iterable[Node], edges: Iterable[Edge], *, wrap: int = WRAP, sweeps: int = 4) -> Layout:
    """Place nodes in type layers and route every edge (see the module docstring)."""
    by_path: dict[str, Node] = {}
    for n in nodes:
        if n.type not in TYPES:
            raise ValueError(f"unknown type {n.type!r} for {n.path}")
        if n.path in by_path:
            raise ValueError(f"two nodes with path {n.path}")
        by_path[n.path] = n
    kept = unique_edges(by_path, edges)
    present = [t for t in TYPES if any(n.type == t for n in by_path.values())]
    level = {p: present.index(n.type) for p, n in by_path.items()}
    lines = {p: tuple(textwrap.wrap(n.title, wrap)) or ("",) for p, n in by_path.items()}
    width = {p: max(MIN_W, max(map(text_width, ls)) + 2 * PAD_X) for p, ls in lines.items()}
    half = {p: (w + GAP) / 2 for p, w in width.items()}  # neighbours' centres are >= half + half apart
    key = {p: (sort_key(n.title), p) for p, n in by_path.items()}
    layers = [sorted((p for p in by_path if level[p] == i), key=key.__getitem__) for i in range(len(present))]
    up: dict[str, list[str]] = defaultdict(list)  # neighbours in the layer above
    down: dict[str, list[str]] = defaultdict(list)  # ... and below
    chains = []  # per edge: its end nodes and the gaps between, top to bottom
    for i, e in enumerate(kept):
        a, b = sorted((e.source, e.target), key=level.__getitem__)
        chain = [a, *(f"\0{i}.{lv}" for lv in range(level[a] + 1, level[b])), b]
        for lv, d in enumerate(chain[1:-1], level[a] + 1):
            layers[lv].append(d)
            level[d], half[d], key[d] = lv, SLOT / 2, ("", d)
        if level[a] != level[b]:
            for u, v in zip(chain, chain[1:]):
                up[v].append(u)
                down[u].append(v)
        chains.append(chain)

    # Order within layers: barycenter sweeps down and up, keeping the order with fewest crossings.
    pos = {v: i for layer in layers for i, v in enumerate(layer)}
    best, fewest = [list(layer) for layer in layers], _crossings(layers, down, pos)
    for _ in range(sweeps):
        for levels, nbrs in ((range(1, len(layers)), up), (range(len(layers) - 2, -1, -1), down)):
            for lv in levels:
                layers[lv].sort(key=lambda v: (_mean(nbrs[v], pos, pos[v]), key[v]))
                pos.update((v, i) for i, v in enumerate(layers[lv]))
            if (count := _crossings(layers, down, pos)) < fewest:
                best, fewest = [list(layer) for layer in layers], count
    layers = best

    # x: pack each layer, then pull items towards their neighbours' mean x, keeping the order.
    x: dict[str, float] = {}
    for layer in layers:
        _place(layer, [0.0] * len(layer), half, x)
    for _ in range(3):
        for levels, nbrs in ((range(1, len(layers)), up), (range(len(layers) - 2, -1, -1), down)):
            for lv in levels:
                _place(layers[lv], [_mean(nbrs[v], x, x[v]) for v in layers[lv]], half, x)
    shift = MARGIN - min((x[v] - (width[v] / 2 if v in by_path else 0) for v in x), default=0)
    x = {v: x[v] + shift for v in x}

    # y: uniform box height per layer; room above a layer for the brackets of its own edges.
    lifts: dict[int, float] = {}
    above = [float(MARGIN)] + [float(LAYER_GAP)] * (len(layers) - 1)
    for lv in range(len(layers)):
        stacked: list[list[tuple[float, float]]] = []  # per bracket height: spans taken
        spans = [(_span(chains[i], x, width), i) for i in range(len(kept)) if level[chains[i][0]] == level[chains[i][-1]] == lv]
        for (lo, hi), i in sorted(spans, key=lambda s: (s[0][1] - s[0][0], s)):
            k = next((k for k, row in enumerate(stacked) if all(hi < a or lo > b for a, b in row)), len(stacked))
            if k == len(stacked):
                stacked.append([])
            stacked[k].append((lo, hi))
            lifts[i] = BRACKET_STEP * (k + 1)
        if stacked:
            above[lv] = max(above[lv], BRACKET_STEP * len(stacked) + 20)
    tops, heights, y = [], [], 0.0
    for lv, layer in enumerate(layers):
        tops.append(y + above[lv])
        heights.append(max(len(lines[p]) * LINE_H + 2 * PAD_Y for p in layer if p in by_path))
        y = tops[-1] + heights[-1]
    boxes = {
        p: Box(x[p] - width[p] / 2, tops[lv], width[p], heights[lv])
        for lv, layer in enumerate(layers)
        for p in layer
        if p in by_path
    }

    # Ports: a box side's edges spread along it, in the order of where they go.
    ends: dict[tuple[str, bool], list[tuple[float, int]]] = defaultdict(list)  # (path, bottom?)
    for i, c in enumerate(chains):
        flat = level[c[0]] == level[c[-1]]
        ends[c[0], not flat].append((x[c[1]], i))
        ends[c[-1], False].append((x[c[-2]], i))
    port: dict[tuple[str, int], float] = {}
    for (p, _), taken in ends.items():
        for k, (_, i) in enumerate(sorted(taken)):
            port[p, i] = boxes[p].x + boxes[p].w * (k + 1) / (len(taken) + 1)
    drawn = []
    for i, (e, c) in enumerate(zip(kept, chains)):
        a, b = boxes[c[0]], boxes[c[-1]]
        if level[c[0]] == level[c[-1]]:
            top = a.y - lifts[i]
            pts = [(port[c[0], i], a.y), (port[c[0], i], top), (port[c[-1], i], top), (port[c[-1], i], b.y)]
        else:
            pts = [(port[c[0], i], a.y + a.h)]
            for d in c[1:-1]:
                pts += [(x[d], tops[level[d]]), (x[d], tops[level[d]] + heights[level[d]])]
            pts.append((port[c[-1], i], b.y))
        drawn.append((e, tuple(pts if e.source == c[0] else reversed(pts))))
    order = [p for layer in layers for p in layer if p in by_path]
    right = max((x[v] + (width[v] / 2 if v in by_path else 0) for v in x), default=0)
    return Layout(
        {p: by_path[p] for p in order},
        {p: boxes[p] for p in order},
        {p: lines[p] for p in order},
        drawn,
        right + MARGIN,
        y + MARGIN,
    )


def _mean(items: list[str], value: dict[str, float], default: float) -> float:
    return sum(value[v] for v in items) / len(items) if items else default


def _span(chain: list[str], x: dict[str, float], width: dict[str, float]) -> tuple[float, float]:
    a, b = sorted((chain[0], chain[-1]), key=x.__getitem__)
    return x[a] - width[a] / 2, x[b] + width[b] / 2


def _crossings(layers: list[list[str]], down: dict[str, list[str]], pos: dict[str, int]) -> int:
    """Edge crossings between adjacent layers (inversion count)."""
    total = 0
    for layer in layers[:-1]:
        seen: list[int] = []
        for u in layer:
            targets = [pos[v] for v in down[u]]
            total += sum(len(seen) - bisect_right(seen, t) for t in targets)
            for t in targets:
                insort(seen, t)
    return total


def _place(layer: list[str], desired: list[float], half: dict[str, float], x: dict[str, float]) -> None:
    """Centres closest to `desired` (least squares) keeping order and spacing: isotonic regression."""
    offsets, acc = [], 0.0
    for i, v in enumerate(layer):
        acc += half[layer[i - 1]] + half[v] if i else 0.0
        offsets.append(acc)
    blocks: list[list[float]] = []  # [sum, count] of pooled (desired - offset)
    for d, o in zip(desired, offsets):
        blocks.append([d - o, 1])
        while len(blocks) > 1 and blocks[-2][0] * blocks[-1][1] > blocks[-1][0] * blocks[-2][1]:
            s, c = blocks.pop()
            blocks[-1][0] += s
            blocks[-1][1] += c
    i = 0
    for s, c in blocks:
        for _ in range(int(c)):
            x[layer[i]] = s / c + offsets[i]
            i += 1


def _slug(name: str) -> str:
    return ascii_letters(name)


def _n(v: float) -> str:
    s = f"{v:.1f}".rstrip("0").rstrip(".")
    return "0" if s == "-0" else s


def _style() -> str:
    rules = [
        ".kart{font-size:14px}",
        ".kart-boks{stroke-width:1.5px}",
        f".kart-tekst{{fill:var(--kart-tekst,{TEXT_COLOUR})}}",
        ".kart-node:hover .kart-tekst,.kart-node:focus .kart-tekst{text-decoration:underline}",
        ".kart-node:focus-visible{outline:3px solid var(--kart-fokus,currentColor);outline-offset:3px}",
        ".kart-node[aria-current] .kart-boks{stroke-width:4px}",
        ".kart-kant{fill:none;stroke-width:2px}",
        ".kart-forklaring{fill:var(--kart-forklaring,currentColor)}",
        ".kart-overskrift{fill:var(--kart-forklaring,currentColor);font-weight:bold}",
        ".kart--hele .kart-kant{stroke-width:1.5px}",
        "@media (prefers-reduced-motion:no-preference){.kart--hele :is(.kart-node,.kart-kant){transition:opacity .15s}}",
        f".kart--hele:has(.kart-node{_ACTIVE}) .kart-node{{opacity:.35}}",
        f".kart--hele:has(.kart-node{_ACTIVE}) .kart-kanter .kart-kant{{opacity:.08}}",
    ]
    for t in TYPES:
        fill, stroke = KINDS[t].map_fill, KINDS[t].map_border
        rules.append(f".kart-node--{t} .kart-boks{{fill:var(--kart-{t},{fill});stroke:var(--kart-{t}-kant,{stroke})}}")
    for r, kind in RELATIONS.items():
        s = _slug(r)
        cap = "" if kind.directed else ";stroke-linecap:round"
        rules.append(
            f".kart-kant--{s}{{stroke:var(--kart-{s.replace('_', '-')},{kind.colour})"
            f"{f';stroke-dasharray:{kind.dash}' if kind.dash else ''}{cap}}}"
        )
        rules.append(f".kart-pil--{s}{{fill:var(--kart-{s.replace('_', '-')},{kind.colour})}}")
    dark = ";".join(f"--kart-{_slug(r).replace('_', '-')}:{kind.dark_colour}" for r, kind in RELATIONS.items())
    rules.append(f'[data-md-color-scheme="slate"] .kart{{{dark}}}')
    return "<style>" + "".join(rules) + "</style>"


def _legend(layout: Layout, types: list[str], rels: list[str]) -> tuple[list[tuple], float, float]:
    """Legend entries placed below the map: node types on one row, relation types on the
    next, wrapping when narrow. Returns (label, key, swatch, x, y) per entry, the width used
    and the height of map and legend."""
    groups = [[("Sidetyper:", "", 0)] + [(KINDS[t].map_label, t, 28) for t in types]]
    if rels:
        groups.append([("Relasjoner:", "", 0)] + [(RELATIONS[r].phrase, r, 44) for r in rels])
    room, row = max(layout.width - 2 * MARGIN, 300), layout.font + 12
    placed, y, used = [], layout.height, 0.0
    for group in groups:
        cx = 0.0
        for label, k, swatch in group:
            w = swatch + text_width(label, layout.font) + 16
            if cx and cx + w > room:
                cx, y = 0.0, y + row
            placed.append((label, k, swatch, cx, y))
            cx += w
            used = max(used, cx)
        y += row
    return placed, used, y + MARGIN


def _edges_svg(layout: Layout, p: str, follow: bool) -> list[str]:
    out, number = [], {path: i for i, path in enumerate(layout.nodes)}
    for e, pts in layout.edges:
        label, directed = RELATIONS[e.relation].phrase, RELATIONS[e.relation].directed
        d = "M" + "L".join(f"{_n(px)},{_n(py)}" for px, py in pts)
        marker = f' marker-end="url(#{p}-pil-{_slug(e.relation)})"' if directed else ""
        a, b = layout.nodes[e.source].title, layout.nodes[e.target].title
        tip = f"{a} {label} {b}" if directed else f"{a} og {b} er {label}"
        ends = f' data-ender="{number[e.source]} {number[e.target]}"' if follow else ""
        out.append(
            f'<path class="kart-kant kart-kant--{_slug(e.relation)}" d="{d}"{marker}{ends}>'
            f"<title>{html.escape(tip)}</title></path>"
        )
    return out


def _nodes_svg(layout: Layout, url_for: Callable[[str], str], highlight: str | None, follow: bool) -> list[str]:
    esc, out, line_h = html.escape, [], layout.line_height
    headings = {t: (label, hx, hy) for t, label, hx, hy in layout.headings}
    for i, (path, node) in enumerate(layout.nodes.items()):
        if node.type in headings:  # a group's heading, read before its first node
            label, hx, hy = headings.pop(node.type)
            out.append(f'<text class="kart-overskrift" x="{_n(hx)}" y="{_n(hy)}">{esc(label)}</text>')
        b, lines = layout.boxes[path], layout.lines[path]
        current = ' aria-current="page"' if path == highlight else ""
        current += f' data-n="{i}"' if follow else ""
        baseline = b.y + (b.h - len(lines) * line_h) / 2 + line_h / 2 + 0.35 * layout.font
        dys = [""] + [f' dy="{_n(line_h)}"'] * (len(lines) - 1)
        spans = "".join(f'<tspan x="{_n(b.x + b.w / 2)}"{dy}>{esc(line)}</tspan>' for dy, line in zip(dys, lines))
        # xlink:href, not href: Material's link previews rewrite every [href] of a fetched page
        # and fail on SVG links, whose href property is read-only
        out.append(
            f'<a class="kart-node kart-node--{node.type}" xlink:href="{esc(url_for(path))}" aria-label="{esc(node.title)}"'
            f"{current}><title>{esc(node.description or node.title)}</title>"
            f'<rect class="kart-boks" x="{_n(b.x)}" y="{_n(b.y)}" width="{_n(b.w)}" height="{_n(b.h)}" rx="6"/>'
            f'<text class="kart-tekst" y="{_n(baseline)}" text-anchor="middle">{spans}</text></a>'
        )
    return out


def _legend_svg(placed: list[tuple], used: float, width: float, p: str, font: float = FONT) -> list[str]:
    out = []
    for label, k, swatch, lx, ly in placed:
        lx, mid = lx + MARGIN + (width - used - 2 * MARGIN) / 2, ly + font / 2 + 6
        if k in TYPES:
            out.append(
                f'<g class="kart-node--{k}"><rect class="kart-boks" x="{_n(lx)}" y="{_n(mid - 7)}" '
                'width="20" height="14" rx="3"/></g>'
            )
        elif k:
            marker = f' marker-end="url(#{p}-pil-{_slug(k)})"' if RELATIONS[k].directed else ""
            out.append(f'<path class="kart-kant kart-kant--{_slug(k)}" d="M{_n(lx)},{_n(mid)}h36"{marker}/>')
        weight = "" if k else ' font-weight="bold"'
        out.append(f'<text x="{_n(lx + swatch)}" y="{_n(mid + 0.35 * font)}"{weight}>{html.escape(label)}</text>')
    return out


def render_svg(
    layout: Layout,
    url_for: Callable[[str], str],
    *,
    title: str,
    highlight: str | None = None,
    id_prefix: str = "kart",
    desc: str | None = None,
    follow: bool = False,
) -> str:
    """The layout as an inline <svg>: node links, relation edges, legends; same input, same string.
    With `follow`, hovering or focusing a node shows only its relations (see the module docstring);
    such a map is drawn at its own size, never smaller than keeps its text at MIN_TEXT_PX."""
    if highlight is not None and highlight not in layout.nodes:
        raise ValueError(f"highlight {highlight!r} is not in the map")
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]*", id_prefix):
        raise ValueError(f"id_prefix {id_prefix!r} is not a plain id")
    esc, p = html.escape, id_prefix
    rels = [r for r in RELATIONS if any(e.relation == r for e, _ in layout.edges)]
    types = [t for t in TYPES if any(n.type == t for n in layout.nodes.values())]
    if desc is None:
        n, m = len(layout.nodes), len(layout.edges)
        desc = (
            f"{n} {'side' if n == 1 else 'sider'} og {m} {'relasjon' if m == 1 else 'relasjoner'}. "
            f"Sidene står i lag etter type, ovenfra: {', '.join(KINDS[t].map_label for t in types)}. "
            "Pilene går fra en side til siden den har en relasjon til."
        )
    placed, used, height = _legend(layout, types, rels)
    width = max(layout.width, used + 2 * MARGIN)
    dx = (width - layout.width) / 2
    size = f'width="{_n(width)}" height="{_n(height)}"' if follow else 'width="100%"'
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f'class="kart{" kart--hele" if follow else ""}" role="group" aria-labelledby="{p}-tittel" '
        f'aria-describedby="{p}-beskrivelse" viewBox="0 0 {_n(width)} {_n(height)}" {size}>',
        f'<title id="{p}-tittel">{esc(title)}</title><desc id="{p}-beskrivelse">{esc(desc)}</desc>',
        _style(),
        _follow_style(layout, width) if follow else "",
        "<defs>",
    ]
    a = _n(layout.arrow)
    for r in rels:
        if RELATIONS[r].directed:
            out.append(
                f'<marker id="{p}-pil-{_slug(r)}" class="kart-pil kart-pil--{_slug(r)}" viewBox="0 0 10 10" '
                f'refX="10" refY="5" markerWidth="{a}" markerHeight="{a}" markerUnits="userSpaceOnUse" '
                'orient="auto"><path d="M0,0L10,5L0,10z"/></marker>'
            )
    out.append(f'</defs><g transform="translate({_n(dx)},0)"><g class="kart-kanter" aria-hidden="true">')
    out += _edges_svg(layout, p, follow)
    out.append('</g><g class="kart-noder">')
    out += _nodes_svg(layout, url_for, highlight, follow)
    out.append('</g></g><g class="kart-forklaring" aria-hidden="true">')
    out += _legend_svg(placed, used, width, p, layout.font)
    out.append("</g></svg>")
    return "".join(out)


def _follow_style(layout: Layout, width: float) -> str:
    """Per node: while it is hovered or focused, it, its neighbours and its edges stay bright
    (the rest is dimmed by _style); and the map never shrinks below legible text."""
    number = {path: i for i, path in enumerate(layout.nodes)}
    neighbours: dict[int, set[int]] = defaultdict(set)
    for e, _ in layout.edges:
        neighbours[number[e.source]].add(number[e.target])
        neighbours[number[e.target]].add(number[e.source])
    smallest = math.ceil(width * MIN_TEXT_PX / layout.font)
    rules = [f".kart--hele{{font-size:{_n(layout.font)}px}}", f".md-typeset .kart-ramme>svg.kart--hele{{min-width:{smallest}px}}"]
    for i in range(len(layout.nodes)):
        active = f'.kart--hele:has([data-n="{i}"]{_ACTIVE})'
        bright = ",".join(f'[data-n="{k}"]' for k in sorted(neighbours[i] | {i}))
        rules.append(f"{active} :is({bright}){{opacity:1}}")
        rules.append(f'{active} .kart-kanter [data-ender~="{i}"]{{opacity:1;stroke-width:3.5px}}')
    return "<style>" + "".join(rules) + "</style>"


def neighbourhood(nodes: Iterable[Node], edges: Iterable[Edge], centre: str, depth: int = 2) -> tuple[list[Node], list[Edge]]:
    """`centre`, the nodes up to `depth` relations away (either direction), and the edges among them."""
    nodes, edges = list(nodes), list(edges)
    paths = {n.path for n in nodes}
    if centre not in paths:
        raise ValueError(f"{centre} is not a node")
    adjacent: dict[str, set[str]] = defaultdict(set)
    for e in edges:
        if e.source in paths and e.target in paths:
            adjacent[e.source].add(e.target)
            adjacent[e.target].add(e.source)
    kept, frontier = {centre}, {centre}
    for _ in range(depth):
        frontier = {m for v in frontier for m in adjacent[v]} - kept
        kept |= frontier
    return [n for n in nodes if n.path in kept], [e for e in edges if e.source in kept and e.target in kept]


def ordered_edges(nodes: Iterable[Node], edges: Iterable[Edge]) -> list[Edge]:
    """Drawn edges in Norwegian alphabetical order; an undirected pair reads alphabetically."""
    by_path = {n.path: n for n in nodes}
    rows = []
    for e in unique_edges(by_path, edges):
        if not RELATIONS[e.relation].directed and sort_key(by_path[e.target].title) < sort_key(by_path[e.source].title):
            e = Edge(e.target, e.source, e.relation)
        rows.append((sort_key(by_path[e.source].title), list(RELATIONS).index(e.relation), sort_key(by_path[e.target].title), e))
    return [row[-1] for row in sorted(rows, key=lambda r: r[:3])]


def edge_rows(nodes: Iterable[Node], edges: Iterable[Edge]) -> list[tuple[str, str, str]]:
    """(source title, relation label, target title) per drawn edge, in Norwegian alphabetical order."""
    nodes = list(nodes)
    by_path = {n.path: n for n in nodes}
    return [(by_path[e.source].title, RELATIONS[e.relation].phrase, by_path[e.target].title) for e in ordered_edges(nodes, edges)]
