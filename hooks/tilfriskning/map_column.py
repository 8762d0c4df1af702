"""The whole site's knowledge map as one column of pages with their relations beside it (pure).

A layered drawing of every page and every relation is a tangle on a laptop and unreadable
on a phone. This layout puts the pages in one column, grouped by type in the map's order
(teori, begrep, metode, artikkel, tema) under a heading per group, alphabetically within a
group, and draws each relation in a lane of its own to the right of the column: out of
its page's right side, along its lane, and into the other page's right side, with an
arrowhead there when the relation has a direction. Shorter relations take the lanes
nearest the column, so lanes nest instead of crossing. The lanes share the room a 360 px
phone leaves, so the text there stays at least 12 px (PHONE_TEXT, with a little to spare)
until the lanes would be closer than LANE allows; the map is then wider, and
`render_svg(..., follow=True)` keeps it from shrinking below 12 px (it scrolls sideways)
and lets a reader show one page's relations at a time.
"""

from __future__ import annotations

import textwrap
from collections import defaultdict
from collections.abc import Iterable

from .kinds import KINDS
from .map_svg import TYPES, Box, Edge, Layout, Node, Point, sort_key, text_width, unique_edges

FONT, LINE_H = 16, 20  # px: large, so the map can shrink to a phone's width and stay legible
WRAP = 20  # characters per title line; long words are not broken
PAD_X, PAD_Y = 10, 8  # inside a box
GAP, HEADING = 8, 34  # between boxes; room for a group's heading above it
MARGIN, STUB, PORT, ARROW = 12, 12, 5, 7  # outer; box to first lane; between ends on a box; arrowhead
LANE = (2.0, 4.0)  # least and most room between two lanes
PHONE_COLUMN, PHONE_TEXT = 328, 12.5  # CSS px of text column at 360 px, and the text size to keep there


def column_order(nodes: Iterable[Node]) -> list[Node]:
    """Pages by type in the map's order, then alphabetically (Norwegian order)."""
    return sorted(nodes, key=lambda n: (TYPES.index(n.type), sort_key(n.title), n.path))


def assign_lanes(spans: list[tuple[int, int]]) -> list[int]:
    """A lane per span (first and last row, first <= last) such that spans sharing a lane
    don't meet, not even at a row; shorter spans get the lanes nearest the column."""
    lanes: list[list[tuple[int, int]]] = []
    found = [0] * len(spans)
    for i in sorted(range(len(spans)), key=lambda i: (spans[i][1] - spans[i][0], spans[i])):
        lo, hi = spans[i]
        k = next((k for k, taken in enumerate(lanes) if all(hi < a or lo > b for a, b in taken)), len(lanes))
        if k == len(lanes):
            lanes.append([])
        lanes[k].append((lo, hi))
        found[i] = k
    return found


def column_layout(nodes: Iterable[Node], edges: Iterable[Edge], *, wrap: int = WRAP) -> Layout:
    """Place the pages in a column and route every relation in its own lane (module docstring)."""
    order = column_order(nodes)
    if len({n.path for n in order}) != len(order):
        raise ValueError("two nodes with the same path")
    for n in order:
        if n.type not in TYPES:
            raise ValueError(f"unknown type {n.type!r} for {n.path}")
    by_path = {n.path: n for n in order}
    row = {n.path: i for i, n in enumerate(order)}
    kept = unique_edges(by_path, edges)
    spans = [tuple(sorted((row[e.source], row[e.target]))) for e in kept]
    lane = assign_lanes(spans)
    lines = {n.path: tuple(textwrap.wrap(n.title, wrap, break_long_words=False)) or ("",) for n in order}
    box_w = max((text_width(line, FONT) for ls in lines.values() for line in ls), default=0) + 2 * PAD_X

    # Ends on each box's right side, top to bottom: relations going up (inner lanes first),
    # then those going down (outer lanes first), so no two relations of one page cross there.
    ends: dict[str, list[tuple[int, int, int]]] = defaultdict(list)  # path -> (side, order, edge)
    for i, e in enumerate(kept):
        for here, there in ((e.source, e.target), (e.target, e.source)):
            down = row[there] > row[here]
            ends[here].append((int(down), -lane[i] if down else lane[i], i))
    boxes, headings, y = {}, [], float(MARGIN)
    for n in order:
        if not headings or headings[-1][0] != n.type:
            y += HEADING if headings else HEADING - GAP
            headings.append((n.type, KINDS[n.type].nav_section, float(MARGIN), y - 10))
        h = max(len(lines[n.path]) * LINE_H + 2 * PAD_Y, (len(ends[n.path]) + 1) * PORT)
        boxes[n.path] = Box(MARGIN, y, box_w, h)
        y += h + GAP
    port: dict[tuple[str, int], float] = {}
    for path, taken in ends.items():
        b = boxes[path]
        for k, (_, _, i) in enumerate(sorted(taken)):
            port[path, i] = b.y + b.h * (k + 1) / (len(taken) + 1)
    right, count = MARGIN + box_w, max(lane, default=0)
    room = PHONE_COLUMN * FONT / PHONE_TEXT - right - STUB - MARGIN
    step = min(LANE[1], max(LANE[0], room / count)) if count else 0
    drawn = []
    for i, e in enumerate(kept):
        x = right + STUB + lane[i] * step
        a, b = port[e.source, i], port[e.target, i]
        points: tuple[Point, ...] = ((right, a), (x, a), (x, b), (right, b))
        drawn.append((e, points))
    width = right + STUB + count * step + MARGIN
    return Layout(
        by_path,
        boxes,
        lines,
        drawn,
        width,
        y - GAP + MARGIN,
        font=FONT,
        line_height=LINE_H,
        arrow=ARROW,
        headings=tuple(headings),
    )
