"""«Kort fortalt», «Til samtalen» and «Sist faglig vurdert» as readers get them (hooks/summary.py)."""

from __future__ import annotations

import re

import yaml
from bs4 import BeautifulSoup

from helpers import ROOT, build, make_project

CONTENT = ("begreper", "teorier", "metoder", "forskning", "temaer")


def soup(project, path: str) -> BeautifulSoup:
    return BeautifulSoup((project / "site" / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def front_matter(path) -> dict:
    return yaml.safe_load(re.match(r"^---\n(.*?\n)---\n", path.read_text(encoding="utf-8"), re.S).group(1))


def test_every_content_page_opens_with_kort_fortalt_whose_points_cite_or_say_they_are_the_sites_own(built_fixture):
    page = soup(built_fixture, "begreper/testbegrep")
    first = page.select_one("article h1").find_next_sibling()
    assert "kort-fortalt" in first["class"], "the box stands right under the title"
    points = first.select("li")
    assert len(points) == 3
    assert points[0].select_one("a.sitering").get_text() == "Skjefstad, 2012, s. 56"
    assert points[2].get_text().startswith("Nettstedets vurdering:") and not points[2].select("a.sitering")


def test_method_and_practice_pages_carry_the_card_after_the_ingress_with_a_link_to_all_cards(built_fixture):
    page = soup(built_fixture, "metoder/testmetode")
    card = page.select_one(".admonition.samtalekort")
    assert card.select_one(".admonition-title").get_text() == "Til samtalen"
    assert [s.get_text() for s in card.select("p > strong")] == [
        "Det kildene beskriver at fagfolk gjør",
        "Spørsmål fra kildene",
        "Det kildene advarer mot",
    ]
    assert card.find_previous_sibling("p") is not None, "after the ingress"
    assert card.find_next_sibling("h2").get_text().startswith("Verdier og prinsipper")
    assert card.select_one("a[href='../../samtalekort/']")
    assert not soup(built_fixture, "begreper/testbegrep").select(".samtalekort")


def test_card_page_holds_every_card_linked_to_its_page_and_lists_their_sources(built_fixture):
    page = soup(built_fixture, "samtalekort")
    cards = page.select(".samtalekort-ark > .admonition.samtalekort")
    assert [c.select_one(".admonition-title").get_text() for c in cards] == [
        "Til samtalen: Testmetode",
        "Til samtalen: Testtema",
    ]
    assert cards[0].select_one("a[href='../metoder/testmetode/']")
    kilder = page.select_one("#kilder").find_next_sibling("ul")
    assert "Fekjær" in kilder.get_text() and "Kandidat 7129" in kilder.get_text()


def test_review_date_is_shown_and_an_old_review_gets_a_calm_notice(built_fixture):
    article = soup(built_fixture, "forskning/testartikkel")
    assert "Sist faglig vurdert 15. januar 2020" in article.select_one("p.sist-oppdatert").get_text()
    notice = article.select_one("article .admonition.note")
    assert notice.select_one(".admonition-title").get_text() == "Eldre gjennomgang"
    assert "15. januar 2020, for mer enn to år siden" in notice.get_text()
    assert not soup(built_fixture, "begreper/testbegrep").select("article .admonition.note")


def test_link_previews_use_kort_fortalt_without_citations(built_fixture):
    meta = soup(built_fixture, "metoder/testmetode").select_one('meta[property="og:description"]')["content"]
    assert meta.startswith("En testmetode er en måte å teste på, ifølge en lærebok. Verdiene bak")
    assert "[@" not in meta and "(" not in meta


def test_the_real_site_has_kort_fortalt_on_every_content_page_and_a_card_on_every_method_and_practice_page():
    missing, cards = [], []
    for folder in CONTENT:
        for path in sorted((ROOT / "docs" / folder).glob("*.md")):
            meta = front_matter(path)
            if meta["type"] == "side":
                continue
            if not 3 <= len(meta.get("kort_fortalt") or []) <= 5 or not meta.get("faglig_vurdert"):
                missing.append(path.name)
            if meta["type"] in ("metode", "tema"):
                cards.append(path.name) if meta.get("til_samtalen") else missing.append(path.name)
    assert not missing, missing
    assert len(cards) >= 9


def test_a_point_whose_citation_is_not_in_the_text_stops_the_build(tmp_path):
    project = make_project(tmp_path / "project")
    page = project / "docs" / "begreper" / "testbegrep.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(
        text.replace("anerkjennelse i tre former [@skjefstad2012, s. 56]", "anerkjennelse [@skjefstad2012, s. 57]"),
        encoding="utf-8",
    )
    result = build(project)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert (
        "docs/begreper/testbegrep.md:13: siteringen [@skjefstad2012, s. 57] i punkt 1 i «kort_fortalt» står ikke i sidens tekst"
        in result.stderr
    )
    assert page.read_text(encoding="utf-8") != text  # our own edit; the build changed nothing else
