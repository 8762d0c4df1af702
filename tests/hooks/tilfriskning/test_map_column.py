import math
import random
import re
import xml.etree.ElementTree as ET

import map_graphs
import pytest

from tilfriskning.kinds import KINDS
from tilfriskning.map_column import FONT, LANE, PAD_X, assign_lanes, column_layout, column_order
from tilfriskning.map_svg import MIN_TEXT_PX, Edge, Node, render_svg, text_width, unique_edges

SVG = "{http://www.w3.org/2000/svg}"
WORDS = "tillit makt recovery samtale motivasjon erfaringskonsulenter rusmiddelavhengighet «mestring» & æøå".split()


def url(path: str) -> str:
    return "/" + path.removesuffix(".md") + "/"


def random_graph(seed: int, n: int = 30, m: int = 90) -> tuple[list[Node], list[Edge]]:
    return map_graphs.random_graph(seed, n, m, WORDS, 6)


def test_pages_stand_by_type_then_alphabetically_with_a_heading_per_group():
    nodes = [
        Node("t.md", "Tema", "tema", ""),
        Node("b2.md", "Ærlighet", "begrep", ""),
        Node("b1.md", "anerkjennelse", "begrep", ""),
        Node("b3.md", "Zebra", "begrep", ""),
        Node("x.md", "Teori", "teori", ""),
    ]
    assert [n.path for n in column_order(nodes)] == ["x.md", "b1.md", "b3.md", "b2.md", "t.md"]
    lay = column_layout(nodes, [])
    assert list(lay.nodes) == ["x.md", "b1.md", "b3.md", "b2.md", "t.md"]
    assert [(t, label) for t, label, _, _ in lay.headings] == [(t, KINDS[t].nav_section) for t in ("teori", "begrep", "tema")]
    for t, _, _, baseline in lay.headings:
        first = next(lay.boxes[p] for p, n in lay.nodes.items() if n.type == t)
        assert baseline < first.y
        above = [b for p, b in lay.boxes.items() if b.y < first.y]
        assert all(b.y + b.h < baseline - FONT for b in above), "the heading has room between the groups"


def test_lanes_never_share_a_row_and_short_spans_lie_inside():
    spans = [(0, 5), (1, 2), (2, 3), (4, 5), (0, 1)]
    lanes = assign_lanes(spans)
    for i, (a, b) in enumerate(spans):
        for j, (c, d) in enumerate(spans):
            if i < j and lanes[i] == lanes[j]:
                assert b < c or d < a
    assert lanes[0] == max(lanes), "the longest span goes outside"
    assert assign_lanes([]) == []


@pytest.mark.parametrize("seed", range(5))
def test_boxes_form_one_column_and_fit_their_titles_unbroken(seed):
    nodes, edges = random_graph(seed)
    lay = column_layout(nodes, edges)
    boxes = list(lay.boxes.values())
    assert len({b.x for b in boxes}) == 1 and len({b.w for b in boxes}) == 1
    for a, b in zip(boxes, boxes[1:]):
        assert a.y + a.h < b.y
    for path, lines in lay.lines.items():
        assert " ".join(lines) == lay.nodes[path].title
        assert lay.boxes[path].w >= max(text_width(line, FONT) for line in lines) + 2 * PAD_X - 1e-6
    words = {w for n in nodes for w in n.title.split()}
    assert all(line in words or " " in line for lines in lay.lines.values() for line in lines if len(line) > 20)


@pytest.mark.parametrize("seed", range(5))
def test_every_relation_runs_in_its_own_lane_between_the_two_right_sides(seed):
    nodes, edges = random_graph(seed)
    lay = column_layout(nodes, edges)
    assert len(lay.edges) == len(unique_edges({n.path: n for n in nodes}, edges))
    right = next(iter(lay.boxes.values())).x + next(iter(lay.boxes.values())).w
    verticals = []
    for edge, points in lay.edges:
        (x0, y0), (x1, y1), (x2, y2), (x3, y3) = points
        source, target = lay.boxes[edge.source], lay.boxes[edge.target]
        assert x0 == x3 == right and x1 == x2 > right and y0 == y1 and y2 == y3
        assert source.y < y0 < source.y + source.h and target.y < y3 < target.y + target.h
        assert x1 <= lay.width
        verticals.append((x1, min(y1, y2), max(y1, y2)))
    for i, (x, lo, hi) in enumerate(verticals):
        for x_, lo_, hi_ in verticals[i + 1 :]:
            assert x != x_ or hi < lo_ or hi_ < lo, "two relations on top of each other"
    ends = [(p, y) for e, pts in lay.edges for p, y in ((e.source, pts[0][1]), (e.target, pts[-1][1]))]
    assert len(ends) == len(set(ends)), "every relation has its own point on a box"


@pytest.mark.parametrize("seed", range(5))
def test_a_pages_relations_do_not_cross_each_other_at_that_page(seed):
    nodes, edges = random_graph(seed)
    lay = column_layout(nodes, edges)
    at: dict[str, list[tuple]] = {}
    for e, pts in lay.edges:
        at.setdefault(e.source, []).append((pts[0][1], pts[1][0], pts[2][1]))  # (y here, lane x, y there)
        at.setdefault(e.target, []).append((pts[3][1], pts[1][0], pts[0][1]))
    for path, rels in at.items():
        for y, x, far in rels:
            for y_, x_, far_ in rels:
                # the other one's stub at y_ reaches lane x_ > x: it must not cut this one's vertical
                if x_ > x:
                    assert not (min(y, far) < y_ < max(y, far)), (path, (y, x, far), (y_, x_, far_))


def test_the_real_sized_map_fits_a_phone_with_twelve_pixel_text():
    """30 pages and 90 relations, like the site today: 12 px text at a 328 px wide column (360 px phone)."""
    lay = column_layout(*random_graph(1))
    svg = render_svg(lay, url, title="Kart", follow=True)
    width = float(re.search(r'viewBox="0 0 ([\d.]+)', svg).group(1))
    assert FONT * 328 / width >= MIN_TEXT_PX


def test_a_denser_map_keeps_its_lanes_apart_and_grows_wider_instead():
    lay = column_layout(*random_graph(1, m=400))
    lanes = sorted({pts[1][0] for _, pts in lay.edges})
    assert min(b - a for a, b in zip(lanes, lanes[1:])) >= LANE[0] - 1e-9
    assert FONT * 328 / lay.width < MIN_TEXT_PX, "then the floor in render_svg's style keeps 12 px (and it scrolls)"


def test_follow_map_marks_nodes_and_edges_and_brightens_exactly_the_neighbours():
    nodes = [Node("a.md", "A", "teori", ""), Node("b.md", "B", "begrep", ""), Node("c.md", "C", "tema", "")]
    edges = [Edge("b.md", "a.md", "bygger_på"), Edge("c.md", "b.md", "relatert")]
    lay = column_layout(nodes, edges)
    svg = render_svg(lay, url, title="Kart", follow=True)
    root = ET.fromstring(svg)
    assert root.get("class") == "kart kart--hele" and root.get("width") and root.get("height")
    assert [a.get("data-n") for a in root.iter(SVG + "a")] == ["0", "1", "2"]
    ends = sorted(p.get("data-ender") for p in root.iter(SVG + "path") if p.get("data-ender"))
    assert ends == ["1 0", "1 2"], "undirected: in either order"
    style = "".join(s.text for s in root.iter(SVG + "style"))
    assert ':has([data-n="0"]:is(:hover,:focus)) :is([data-n="0"],[data-n="1"]){opacity:1}' in style
    assert ':has([data-n="1"]:is(:hover,:focus)) :is([data-n="0"],[data-n="1"],[data-n="2"]){opacity:1}' in style
    assert ':has([data-n="2"]:is(:hover,:focus)) .kart-kanter [data-ender~="2"]{opacity:1;' in style
    floor = math.ceil(float(root.get("width")) * MIN_TEXT_PX / FONT)
    assert f"svg.kart--hele{{min-width:{floor}px}}" in style
    assert [t.text for t in root.iter(SVG + "text") if t.get("class") == "kart-overskrift"] == ["Teorier", "Begreper", "Temaer"]
    assert ' style="' not in svg


def test_column_layout_is_deterministic_and_checks_its_input():
    nodes, edges = random_graph(4)
    first = render_svg(column_layout(nodes, edges), url, title="Kart", follow=True)
    rng = random.Random(2)
    rng.shuffle(nodes)
    rng.shuffle(edges)
    assert render_svg(column_layout(nodes, edges), url, title="Kart", follow=True) == first
    with pytest.raises(ValueError):
        column_layout([Node("a.md", "A", "side", "")], [])
    with pytest.raises(ValueError):
        column_layout([Node("a.md", "A", "tema", ""), Node("a.md", "B", "tema", "")], [])
    assert render_svg(column_layout([], []), url, title="Tomt", follow=True).startswith("<svg")
