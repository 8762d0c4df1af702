from tilfriskning.relations import (
    PageInfo,
    backlinks,
    backlinks_html,
    collect_relations,
    groups_for,
    relations_html,
)

RELATIONS = {
    "metoder/m.md": {"bygger_på": ["teorier/t.md"], "støttes_av": ["forskning/a.md"]},
    "begreper/b.md": {"brukes_i": ["metoder/m.md"], "relatert": ["teorier/t.md"]},
    "teorier/t.md": {"relatert": ["begreper/b.md"]},
    "forskning/a.md": None,
}


def test_relatert_declared_twice_counts_once():
    relations = collect_relations(RELATIONS)
    assert sum(r.relation == "relatert" for r in relations) == 1
    assert len(relations) == 4


def test_groups_show_relations_and_their_inverses():
    relations = collect_relations(RELATIONS)
    assert groups_for("metoder/m.md", relations) == [
        ("Bygger på", ["teorier/t.md"]),
        ("Støttes av", ["forskning/a.md"]),
        ("Bruker", ["begreper/b.md"]),
    ]
    assert groups_for("teorier/t.md", relations) == [("Grunnlag for", ["metoder/m.md"]), ("Relatert", ["begreper/b.md"])]
    assert groups_for("forskning/a.md", relations) == [("Gir støtte til", ["metoder/m.md"])]
    assert groups_for("begreper/b.md", relations) == [("Brukes i", ["metoder/m.md"]), ("Relatert", ["teorier/t.md"])]


def test_backlinks_resolve_relative_links_and_ignore_the_rest():
    links = {
        "begreper/b.md": ["../metoder/m.md#x", "b.md", "https://example.org", "../litteratur.md#k"],
        "index.md": ["metoder/m.md", "finnes-ikke.md"],
    }
    pages = {"begreper/b.md", "metoder/m.md", "index.md", "litteratur.md"}
    assert backlinks(links, pages) == {"metoder/m.md": ["begreper/b.md", "index.md"], "litteratur.md": ["begreper/b.md"]}


def test_html_escapes_and_sorts_norwegian():
    info = {"a.md": PageInfo("Å styrke & støtte", "Om <makt>", "../a/"), "b.md": PageInfo("Zebra", "z", "../b/")}
    html = relations_html([("Relatert", ["a.md", "b.md"])], info)
    assert html.index("Zebra") < html.index("Å styrke &amp; støtte")
    assert 'title="Om &lt;makt&gt;"' in html and '<h3 class="sammenheng__type">Relatert</h3>' in html
    assert backlinks_html(["b.md", "a.md"], info).index("Zebra") < backlinks_html(["b.md", "a.md"], info).index("Å")
    from tilfriskning.map_svg import sort_key

    assert sort_key("Zebra") < sort_key("Ærlig") < sort_key("Ørn") < sort_key("Åpen")
