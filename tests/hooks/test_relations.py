"""Relations box and backlinks, checked against the fixture site's front matter and text."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from tilfriskning.kinds import RELATIONS

INVERSE = {name: kind.inverse_label for name, kind in RELATIONS.items()}
LABEL = {name: kind.label for name, kind in RELATIONS.items()}


def front_matters(project: Path) -> dict[str, dict]:
    out = {}
    for md in (project / "docs").rglob("*.md"):
        text = md.read_text(encoding="utf-8")
        out[md.relative_to(project / "docs").as_posix()] = yaml.safe_load(text.split("---")[1])
    return out


def html_of(project: Path, path: str) -> BeautifulSoup:
    url = path[:-3] + "/index.html" if not path.endswith("index.md") else path[:-8] + "index.html"
    return BeautifulSoup((project / "site" / url).read_text(encoding="utf-8"), "html.parser")


def expected_groups(metas: dict[str, dict], page: str) -> dict[str, set[str]]:
    groups: dict[str, set[str]] = {}
    for source, meta in metas.items():
        for name, targets in (meta.get("relations") or {}).items():
            for target in targets:
                if source == page:
                    groups.setdefault(LABEL[name], set()).add(metas[target]["title"])
                if target == page:
                    groups.setdefault(INVERSE[name], set()).add(metas[source]["title"])
    return groups


def test_every_content_page_shows_its_relations_and_their_inverses(built_fixture):
    metas = front_matters(built_fixture)
    for path, meta in metas.items():
        if meta["type"] == "side":
            continue
        box = html_of(built_fixture, path).select_one("article .sammenhenger")
        assert box is not None, path
        shown = {
            group.select_one("h3").get_text(): {a.get_text() for a in group.select("a")} for group in box.select(".sammenheng")
        }
        assert shown == expected_groups(metas, path), path
        for link in box.select("a"):
            assert link["title"], "each item shows the target's description on hover and focus"


def test_backlinks_match_the_links_in_the_text(built_fixture):
    metas = front_matters(built_fixture)
    linked_from: dict[str, set[str]] = {}
    for path in metas:
        text = (built_fixture / "docs" / path).read_text(encoding="utf-8").split("---", 2)[2]
        for target in re.findall(r"\]\(([^)#]+\.md)", text):
            resolved = (Path(path).parent / target).as_posix()
            resolved = _norm(resolved)
            if resolved != path:
                linked_from.setdefault(resolved, set()).add(metas[path]["title"])
    for path in metas:
        page = html_of(built_fixture, path)
        own = [ul for ul in page.select("article ul.lenker-hit") if not ul.find_parent("section", class_="utskrift-side")]
        listed = [a for ul in own for a in ul.select("a")]
        assert {a.get_text() for a in listed} == linked_from.get(path, set()), path


def _norm(path: str) -> str:
    parts: list[str] = []
    for part in path.split("/"):
        if part == "..":
            parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return "/".join(parts)


def test_sections_order_kilder_last(built_fixture):
    headings = [h["id"] for h in html_of(built_fixture, "metoder/testmetode.md").select("article h2")]
    assert headings[-3:] == ["sammenhenger", "sider-som-lenker-hit", "kilder"]


def test_knowledge_map_links_every_content_page_and_table_holds_every_edge(built_fixture):
    metas = front_matters(built_fixture)
    content = {path: meta for path, meta in metas.items() if meta["type"] != "side"}
    page = html_of(built_fixture, "kunnskapskart.md")
    svg = page.select_one("article .kart-ramme svg")
    assert svg is not None and "kunnskapskart" not in str(page.select_one("article p:last-of-type"))
    linked = {a["aria-label"] for a in svg.select("a.kart-node")}
    assert linked == {meta["title"] for meta in content.values()}
    edges = set()
    for source, meta in content.items():
        for name, targets in (meta.get("relations") or {}).items():
            for target in targets:
                pair = (metas[source]["title"], metas[target]["title"])
                if not RELATIONS[name].directed:  # symmetric: the table lists the pair once, alphabetically
                    pair = tuple(sorted(pair, key=str.casefold))
                edges.add((pair[0], LABEL[name].lower(), pair[1]))
    rows = {tuple(td.get_text() for td in tr.select("td")) for tr in page.select("article table.kart-tabell tbody tr")}
    assert rows == edges
    assert len(svg.select("path.kart-kant")) >= len(edges)


def test_search_reads_the_whole_map_s_table_in_words_and_not_the_map(built_fixture):
    """The table's cells come apart into words; the drawn map (edge titles, legend) is not indexed."""
    index = json.loads((built_fixture / "site" / "search" / "search_index_nb.json").read_text(encoding="utf-8"))
    text = " ".join(d["text"] for d in index["docs"] if d["location"].startswith("kunnskapskart/"))
    page = html_of(built_fixture, "kunnskapskart.md")
    rows = [[td.get_text() for td in tr.select("td")] for tr in page.select("article table.kart-tabell tbody tr")]
    assert rows and all(re.search(r"\s+".join(map(re.escape, row)), text) for row in rows)
    drawn = [t.get_text() for t in page.select("article svg.kart > desc, article svg.kart path.kart-kant > title")]
    symmetric = [t for t in drawn if t.endswith(" er relatert")]  # the table says «A relatert B»
    assert symmetric and not [t for t in [drawn[0], *symmetric] if t in text]
    assert "Sidetyper:" not in text


def test_every_content_page_has_its_neighbourhood_map(built_fixture):
    metas = front_matters(built_fixture)
    for path, meta in metas.items():
        if meta["type"] == "side":
            continue
        svg = html_of(built_fixture, path).select_one("article #sammenhenger ~ .kart-ramme svg")
        assert svg is not None, path
        current = svg.select('a[aria-current="page"]')
        assert [a["aria-label"] for a in current] == [meta["title"]], path
