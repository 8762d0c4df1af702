import random
import re
import xml.etree.ElementTree as ET

import map_graphs
import pytest

from tilfriskning.kinds import KINDS, RELATIONS
from tilfriskning.map_svg import (
    GAP,
    PAD_X,
    TEXT_COLOUR,
    TYPES,
    Edge,
    Node,
    edge_rows,
    layout,
    neighbourhood,
    render_svg,
    text_width,
    unique_edges,
)

SVG = "{http://www.w3.org/2000/svg}"
WORDS = "tillit makt recovery samtale motivasjon endring rus bolig arbeid nettverk «mestring» & <verdighet> æøå".split()


def url(path: str) -> str:
    return "/" + path.removesuffix(".md") + "/"


def node(path: str, type_: str = "begrep", title: str | None = None) -> Node:
    return Node(path, title or path.removesuffix(".md").capitalize(), type_, f"Om {path}.")


def random_graph(seed: int, n: int = 60, m: int = 120) -> tuple[list[Node], list[Edge]]:
    return map_graphs.random_graph(seed, n, m, WORDS, 7)


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # also proves the output is well-formed XML


def edge_paths(root: ET.Element) -> list[ET.Element]:
    group = next(g for g in root.iter(SVG + "g") if g.get("class") == "kart-kanter")
    return list(group.iter(SVG + "path"))


XLINK_HREF = "{http://www.w3.org/1999/xlink}href"


def links(root: ET.Element) -> list[ET.Element]:
    return list(root.iter(SVG + "a"))


def legend_classes(root: ET.Element) -> set[str]:
    legend = next(g for g in root.iter(SVG + "g") if g.get("class") == "kart-forklaring")
    return {e.get("class") for e in legend.iter() if e.get("class") and e is not legend}


MI, SDT, REC, NYM, TEMA = "metoder/mi.md", "teorier/sdt.md", "begreper/recovery.md", "forskning/nymoen.md", "temaer/rus.md"
SMALL_NODES = [
    Node(MI, "Motiverende intervju (MI)", "metode", "Samtalemetode for endring."),
    Node(SDT, "Selvbestemmelsesteori (Deci og Ryan)", "teori", "Teori om indre motivasjon."),
    Node(REC, "Personlig recovery", "begrep", "Å leve et meningsfullt liv."),
    Node(NYM, "Nymoen (2020)", "artikkel", "Studie av MI."),
    Node(TEMA, "Rus & <psykisk> helse", "tema", 'Tema med "sitat" og æøå.'),
]
SMALL_EDGES = [
    Edge(MI, SDT, "bygger_på"),
    Edge(MI, NYM, "støttes_av"),
    Edge(TEMA, MI, "brukes_i"),
    Edge(REC, MI, "relatert"),
    Edge(MI, REC, "relatert"),  # the same pair again, other way round
    Edge(MI, SDT, "bygger_på"),  # duplicate
    Edge(TEMA, REC, "bygger_på"),  # skips two layers
]


def test_layers_follow_type_order():
    lay = layout(SMALL_NODES, SMALL_EDGES)
    tops = [lay.boxes[p].y for p in (SDT, REC, MI, NYM, TEMA)]  # teori, begrep, metode, artikkel, tema
    assert tops == sorted(tops) and len(set(tops)) == 5
    nodes, edges = random_graph(1)
    lay = layout(nodes, edges)
    for upper, lower in zip(TYPES, TYPES[1:]):
        bottom = max(lay.boxes[n.path].y + lay.boxes[n.path].h for n in nodes if n.type == upper)
        assert bottom < min(lay.boxes[n.path].y for n in nodes if n.type == lower)
    assert [n.type for n in lay.nodes.values()] == sorted((n.type for n in nodes), key=TYPES.index)


def test_empty_layer_takes_no_space():
    with_begrep = layout([node("a.md", "teori"), node("b.md", "begrep")], [])
    skipping = layout([node("a.md", "teori"), node("b.md", "tema")], [])
    assert with_begrep.height == skipping.height
    assert with_begrep.boxes["b.md"].y == skipping.boxes["b.md"].y


def test_boxes_fit_wrapped_titles():
    title = "En svært lang norsk tittel om kjærlighet, tillit og å bli sett i hverdagen"
    lay = layout([Node("a.md", title, "tema", "")], [])
    lines = lay.lines["a.md"]
    assert len(lines) > 1 and all(len(line) <= 22 for line in lines)
    assert " ".join(lines) == title
    assert lay.boxes["a.md"].w >= max(map(text_width, lines)) + 2 * PAD_X


def overlap(a, b, margin: float) -> bool:
    return not (a.x + a.w + margin <= b.x or b.x + b.w + margin <= a.x or a.y + a.h + margin <= b.y or b.y + b.h + margin <= a.y)


@pytest.mark.parametrize("seed", range(5))
def test_no_boxes_overlap_in_random_graphs(seed):
    lay = layout(*random_graph(seed))
    boxes = list(lay.boxes.values())
    assert len(boxes) == 60
    for i, a in enumerate(boxes):
        assert a.x >= 0 and a.y >= 0 and a.x + a.w <= lay.width and a.y + a.h <= lay.height
        for b in boxes[i + 1 :]:
            assert not overlap(a, b, GAP - 1e-6), (a, b)


def on_border(point, box) -> bool:
    x, y = point
    return box.x <= x <= box.x + box.w and y in (box.y, box.y + box.h)


def crosses_interior(p, q, box, inset: float = 0.5) -> bool:
    """Does segment p-q pass through the box (shrunk by `inset`)? Liang-Barsky clipping."""
    lo, hi = 0.0, 1.0
    dx, dy = q[0] - p[0], q[1] - p[1]
    for d, start, low, high in (
        (dx, p[0], box.x + inset, box.x + box.w - inset),
        (dy, p[1], box.y + inset, box.y + box.h - inset),
    ):
        if d == 0:
            if not low < start < high:
                return False
            continue
        t1, t2 = sorted(((low - start) / d, (high - start) / d))
        lo, hi = max(lo, t1), min(hi, t2)
    return lo < hi


@pytest.mark.parametrize("seed", range(5))
def test_edges_start_and_end_on_borders_and_avoid_boxes(seed):
    nodes, edges = random_graph(seed)
    lay = layout(nodes, edges)
    assert len(lay.edges) == len(unique_edges({n.path: n for n in nodes}, edges))
    for edge, points in lay.edges:
        assert on_border(points[0], lay.boxes[edge.source]) and on_border(points[-1], lay.boxes[edge.target])
        for p, q in zip(points, points[1:]):
            for box in lay.boxes.values():
                assert not crosses_interior(p, q, box), (edge, p, q, box)


def segments_cross(p1, p2, q1, q2) -> bool:
    def side(a, b, c):
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])

    return side(p1, p2, q1) * side(p1, p2, q2) < 0 and side(q1, q2, p1) * side(q1, q2, p2) < 0


def test_ordering_removes_avoidable_crossing():
    # Alphabetical order would put A over Y's partner and B over X's: a crossing.
    nodes = [node("a.md", "teori", "A"), node("b.md", "teori", "B"), node("x.md", "metode", "X"), node("y.md", "metode", "Y")]
    lay = layout(nodes, [Edge("a.md", "y.md", "brukes_i"), Edge("b.md", "x.md", "brukes_i")])
    (_, first), (_, second) = lay.edges
    assert not segments_cross(first[0], first[-1], second[0], second[-1])
    assert lay.boxes["y.md"].x < lay.boxes["x.md"].x


def test_every_edge_drawn_once_with_its_marker():
    root = parse(render_svg(layout(SMALL_NODES, SMALL_EDGES), url, title="Kart"))
    paths = edge_paths(root)
    assert len(paths) == 5  # 7 given: one duplicate, one relatert pair given both ways
    relations = sorted(re.search(r"kart-kant--(\S+)", p.get("class")).group(1) for p in paths)
    assert relations == ["brukes_i", "bygger_pa", "bygger_pa", "relatert", "stottes_av"]
    marker_ids = {m.get("id") for m in root.iter(SVG + "marker")}
    assert marker_ids == {"kart-pil-bygger_pa", "kart-pil-stottes_av", "kart-pil-brukes_i"}
    for p in paths:
        relation = re.search(r"kart-kant--(\S+)", p.get("class")).group(1)
        if relation == "relatert":
            assert p.get("marker-end") is None and p.get("marker-start") is None
        else:
            assert p.get("marker-end") == f"url(#kart-pil-{relation})"
    tips = {p.find(SVG + "title").text for p in paths}
    assert "Motiverende intervju (MI) bygger på Selvbestemmelsesteori (Deci og Ryan)" in tips


def test_arrow_points_from_source_to_target():
    lay = layout([node("m.md", "metode"), node("t.md", "teori")], [Edge("m.md", "t.md", "bygger_på")])
    ((_, points),) = lay.edges
    assert points[0][1] == lay.boxes["m.md"].y  # leaves the method's top ...
    assert points[-1][1] == lay.boxes["t.md"].y + lay.boxes["t.md"].h  # ... ends (arrowhead) at the theory's bottom


def test_legend_lists_exactly_the_relations_and_types_present():
    nodes = [node("m.md", "metode"), node("t.md", "teori"), node("r.md", "metode")]
    edges = [Edge("m.md", "t.md", "bygger_på"), Edge("m.md", "r.md", "relatert")]
    root = parse(render_svg(layout(nodes, edges), url, title="Kart"))
    legend = legend_classes(root)
    assert {c for c in legend if c.startswith("kart-kant ")} == {
        "kart-kant kart-kant--bygger_pa",
        "kart-kant kart-kant--relatert",
    }
    assert {c for c in legend if c.startswith("kart-node--")} == {"kart-node--metode", "kart-node--teori"}
    texts = [t.text for t in root.find(f".//{SVG}g[@class='kart-forklaring']").iter(SVG + "text")]
    assert texts == ["Sidetyper:", "Teori", "Metode", "Relasjoner:", "bygger på", "relatert"]
    full = parse(render_svg(layout(SMALL_NODES, SMALL_EDGES), url, title="Kart"))
    texts = [t.text for t in full.find(f".//{SVG}g[@class='kart-forklaring']").iter(SVG + "text")]
    assert texts == [
        "Sidetyper:",
        "Teori",
        "Begrep",
        "Metode",
        "Forskning",
        "Tema",
        "Relasjoner:",
        "bygger på",
        "støttes av",
        "brukes i",
        "relatert",
    ]


def test_nodes_are_links_from_url_for_with_tooltips():
    root = parse(render_svg(layout(SMALL_NODES, SMALL_EDGES), url, title="Kart"))
    found = {a.get(XLINK_HREF): a for a in links(root)}
    assert set(found) == {url(n.path) for n in SMALL_NODES}
    mi = found["/metoder/mi/"]
    assert mi.get("class") == "kart-node kart-node--metode"
    assert mi.get("aria-label") == "Motiverende intervju (MI)"
    assert mi.find(SVG + "title").text == "Samtalemetode for endring."
    assert mi.find(SVG + "rect") is not None
    assert " ".join(t.text for t in mi.iter(SVG + "tspan")) == "Motiverende intervju (MI)"


def test_text_is_escaped():
    svg = render_svg(layout(SMALL_NODES, SMALL_EDGES), lambda p: f"/x?a=1&b=<{p}>", title="Kart & <kunnskap>")
    assert "<psykisk>" not in svg and "<kunnskap>" not in svg and "<metoder" not in svg
    root = parse(svg)
    assert root.find(SVG + "title").text == "Kart & <kunnskap>"
    tema = next(a for a in links(root) if a.get("aria-label") == "Rus & <psykisk> helse")
    assert tema.get(XLINK_HREF) == "/x?a=1&b=<temaer/rus.md>"
    assert tema.find(SVG + "title").text == 'Tema med "sitat" og æøå.'
    assert "".join(tema.find(SVG + "text").itertext()) == "Rus & <psykisk> helse"


def test_highlight_marks_the_centre():
    root = parse(render_svg(layout(SMALL_NODES, SMALL_EDGES), url, title="Kart", highlight=MI))
    current = [a.get(XLINK_HREF) for a in links(root) if a.get("aria-current") == "page"]
    assert current == ["/metoder/mi/"]
    assert ".kart-node[aria-current] .kart-boks{stroke-width:4px}" in root.find(SVG + "style").text
    with pytest.raises(ValueError):
        render_svg(layout(SMALL_NODES, SMALL_EDGES), url, title="Kart", highlight="nope.md")


def test_svg_root_is_accessible_and_scales():
    svg = render_svg(layout(SMALL_NODES, SMALL_EDGES), url, title="Kunnskapskart", id_prefix="nabo")
    root = parse(svg)
    assert root.get("role") == "group" and root.get("width") == "100%"
    assert root.get("aria-labelledby") == "nabo-tittel" and root.get("aria-describedby") == "nabo-beskrivelse"
    assert root.find(SVG + "title").get("id") == "nabo-tittel" and root.find(SVG + "desc").get("id") == "nabo-beskrivelse"
    assert "5 sider og 5 relasjoner" in root.find(SVG + "desc").text
    assert re.fullmatch(r"0 0 [\d.]+ [\d.]+", root.get("viewBox")) and root.get("height") is None
    assert "var(--kart-metode,#" in root.find(SVG + "style").text


def test_ids_are_prefixed_so_maps_can_share_a_page():
    lay = layout(SMALL_NODES, SMALL_EDGES)
    one, two = (render_svg(lay, url, title="Kart", id_prefix=p) for p in ("kart-1", "kart-2"))
    ids = [re.findall(r'\bid="([^"]+)"', svg) for svg in (one, two)]
    assert all(i.startswith("kart-1-") for i in ids[0]) and all(i.startswith("kart-2-") for i in ids[1])
    assert len(set(ids[0])) == len(ids[0]) and not set(ids[0]) & set(ids[1])
    assert set(re.findall(r"url\(#([^)]+)\)", one)) <= set(ids[0])
    with pytest.raises(ValueError):
        render_svg(lay, url, title="Kart", id_prefix='x" onload="y')


def test_output_is_deterministic_and_independent_of_input_order():
    nodes, edges = random_graph(7)
    centre = nodes[0].path
    first = render_svg(layout(nodes, edges), url, title="Kart", highlight=centre)
    assert render_svg(layout(nodes, edges), url, title="Kart", highlight=centre) == first
    rng = random.Random(3)
    rng.shuffle(nodes)
    rng.shuffle(edges)
    assert render_svg(layout(nodes, edges), url, title="Kart", highlight=centre) == first


def test_single_node_and_empty_graph_render():
    root = parse(render_svg(layout([SMALL_NODES[0]], []), url, title="Kart", highlight=MI))
    assert [a.get(XLINK_HREF) for a in links(root)] == ["/metoder/mi/"] and edge_paths(root) == []
    assert "Relasjoner:" not in "".join(root.itertext())
    assert root.find(SVG + "defs").findall(SVG + "marker") == []
    parse(render_svg(layout([], []), url, title="Tomt kart"))


def test_unknown_type_or_relation_is_an_error_and_dangling_edges_are_dropped():
    with pytest.raises(ValueError):
        layout([node("a.md", "bok")], [])
    with pytest.raises(ValueError):
        layout([node("a.md"), node("b.md")], [Edge("a.md", "b.md", "liker")])
    lay = layout([node("a.md")], [Edge("a.md", "mangler.md", "relatert"), Edge("a.md", "a.md", "relatert")])
    assert lay.edges == []


def test_neighbourhood_keeps_exactly_two_steps_either_direction():
    # chain a -> b <- c -> d -> e, plus f hanging off a; edge d-e lies outside, c-b inside.
    nodes = [node(f"{c}.md") for c in "abcdefg"]
    edges = [
        Edge("a.md", "b.md", "bygger_på"),
        Edge("c.md", "b.md", "bygger_på"),
        Edge("c.md", "d.md", "relatert"),
        Edge("d.md", "e.md", "brukes_i"),
        Edge("f.md", "a.md", "støttes_av"),
        Edge("f.md", "c.md", "relatert"),
    ]
    kept_nodes, kept_edges = neighbourhood(nodes, edges, "a.md")
    assert [n.path for n in kept_nodes] == ["a.md", "b.md", "c.md", "f.md"]
    assert kept_edges == [edges[0], edges[1], edges[4], edges[5]]
    assert [n.path for n in neighbourhood(nodes, edges, "a.md", depth=1)[0]] == ["a.md", "b.md", "f.md"]
    assert [n.path for n in neighbourhood(nodes, edges, "g.md")[0]] == ["g.md"]
    with pytest.raises(ValueError):
        neighbourhood(nodes, edges, "mangler.md")


def test_edge_rows_for_the_table_alternative():
    assert edge_rows(SMALL_NODES, SMALL_EDGES) == [
        ("Motiverende intervju (MI)", "bygger på", "Selvbestemmelsesteori (Deci og Ryan)"),
        ("Motiverende intervju (MI)", "støttes av", "Nymoen (2020)"),
        ("Motiverende intervju (MI)", "relatert", "Personlig recovery"),  # given both ways, listed once
        ("Rus & <psykisk> helse", "bygger på", "Personlig recovery"),
        ("Rus & <psykisk> helse", "brukes i", "Motiverende intervju (MI)"),
    ]
    nodes = [node("a.md", title="Åsen"), node("b.md", title="Ørnen"), node("c.md", title="Zebra")]
    rows = edge_rows(nodes, [Edge("a.md", "c.md", "relatert"), Edge("b.md", "c.md", "relatert")])
    assert [r[0] for r in rows] == ["Zebra", "Zebra"] and [r[2] for r in rows] == ["Ørnen", "Åsen"]


def luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_fallback_colours_have_enough_contrast():
    for fill, border in ((KINDS[t].map_fill, KINDS[t].map_border) for t in TYPES):
        assert contrast(TEXT_COLOUR, fill) >= 4.5
        assert contrast(border, "#ffffff") >= 3 and contrast(border, fill) >= 3
    for kind in RELATIONS.values():
        assert contrast(kind.colour, "#ffffff") >= 3


def test_400_nodes_and_800_edges_lay_out_without_overlap():
    """A site ten times today's size still gets a clean map (its speed is measured by scripts/bench)."""
    nodes, edges = random_graph(42, n=400, m=800)
    lay = layout(nodes, edges)
    parse(render_svg(lay, url, title="Kunnskapskart"))
    for layer in TYPES:
        row = sorted((b for p, b in lay.boxes.items() if lay.nodes[p].type == layer), key=lambda b: b.x)
        assert all(a.x + a.w + GAP - 1e-6 <= b.x for a, b in zip(row, row[1:])), layer


def test_each_relation_brings_its_dark_theme_colour_from_the_vocabulary():
    from tilfriskning.kinds import RELATION_KINDS
    from tilfriskning.map_svg import _style

    style = _style()
    dark = style[style.index('[data-md-color-scheme="slate"] .kart{') :]
    assert all(kind.dark_colour in dark and kind.colour not in dark for kind in RELATION_KINDS)
