"""Article fact boxes and the research overview, read from the built fixture site."""

from __future__ import annotations

from bs4 import BeautifulSoup


def soup(project, url):
    return BeautifulSoup((project / "site" / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_article_has_reference_and_fact_box_after_ingress(built_fixture):
    article = soup(built_fixture, "forskning/testartikkel").select_one("article")
    box = article.select_one("div.admonition.info")
    assert box.find_previous_sibling("p") is not None, "the box follows the ingress"
    assert box.find_next_sibling("h2").get_text(strip=True).startswith("Sammendrag")
    reference = box.select_one("span.tf-referanse").get_text()
    assert reference.startswith("Biong, S. & Soggiu, A.-S. (2015).")
    assert box.select_one('a.kilde-litteratur[href="../../litteratur/#biong2015"]')
    assert box.select("span.kilde-merke") and not box.select("span.kilde-merke[title]"), "explained below Kilder"
    assert article.select_one("ul.kilder > li#kilde-biong2015"), "the work is in the page's Kilder list"
    facts = {dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(strip=True) for dt in box.select("dt")}
    assert facts == {
        "Formål": "Å teste faktaboksen.",
        "Metode": "Kvalitativ metode.",
        "Deltakere": "13 personer.",
        "Alder": "Ikke oppgitt",
        "Sentrale temaer": "testing",
    }


def test_overview_table_is_generated_from_article_front_matter(built_fixture):
    page = soup(built_fixture, "forskning")
    table = page.select_one("article table")
    assert [th.get_text(strip=True) for th in table.select("th")] == [
        "Artikkel",
        "Formål",
        "Metode",
        "Deltakere",
        "Alder",
        "Sentrale temaer",
    ]
    (row,) = table.select("tbody tr")
    cells = [td.get_text(strip=True) for td in row.select("td")]
    assert cells == ["Testartikkel", "Å teste faktaboksen.", "Kvalitativ metode.", "13 personer.", "Ikke oppgitt", "testing"]
    assert row.select_one("a")["href"] == "testartikkel/"
    assert "forskningstabell" not in str(page)
