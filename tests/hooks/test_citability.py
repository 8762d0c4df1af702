"""Cite this page, dates, metadata, downloads and the print view, from built HTML."""

from __future__ import annotations

import datetime as dt
import json
from html.parser import HTMLParser
from pathlib import Path

from bs4 import BeautifulSoup

from helpers import build, git, make_project
from tilfriskning.gitdates import MONTHS_NB, norwegian_date

REPO = "https://github.com/eksempel/tilfriskning"


def soup(project: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((project / "site" / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def apa_date(day: dt.date) -> str:
    return f"({day.year}, {day.day}. {MONTHS_NB[day.month - 1]})"


class HighwireTags(HTMLParser):
    """What Zotero's and Google Scholar's translators read: <meta name="citation_*">."""

    def __init__(self):
        super().__init__()
        self.tags: dict[str, list[str]] = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and attrs.get("name", "").startswith("citation_"):
            self.tags.setdefault(attrs["name"], []).append(attrs["content"])


def test_every_content_page_has_the_cite_box_and_one_exact_reference(built_fixture):
    today = dt.date.today()  # the fixture copy has no git history: the build date is used
    for url in ["begreper/testbegrep", "teorier/testteori", "metoder/testmetode", "forskning/testartikkel", "temaer/testtema"]:
        box = soup(built_fixture, url).select_one("article .siter-side")
        assert box is not None, url
        assert box.select_one("button[data-clipboard-target='#siter-apa-tekst']") is not None
        assert box.select_one("details pre code").get_text().startswith("@online{tilfriskning")
    apa = soup(built_fixture, "metoder/testmetode").select_one("#siter-apa-tekst").get_text()
    assert apa == f"Tilfriskning. {apa_date(today)}. Testmetode. http://127.0.0.1:8000/metoder/testmetode/"
    assert soup(built_fixture, "").select_one(".siter-side") is None, "side pages have no cite box"


def test_sitert_i_advice_only_where_works_were_not_read_in_the_original(built_fixture):
    year = dt.date.today().year
    advice = soup(built_fixture, "begreper/testbegrep").select_one(".siter-sitert-i").get_text()
    assert f"(Skjefstad, 2012, sitert i Tilfriskning, {year})" in advice
    assert soup(built_fixture, "teorier/testteori").select_one(".siter-sitert-i") is None


def test_reference_manager_reads_title_authors_date_and_language(built_fixture):
    head = (built_fixture / "site" / "metoder" / "testmetode" / "index.html").read_text(encoding="utf-8").split("</head>")[0]
    parser = HighwireTags()
    parser.feed(head)
    today = dt.date.today()
    assert parser.tags["citation_title"] == ["Testmetode"]
    assert parser.tags["citation_author"] == ["Tilfriskning"]
    assert parser.tags["citation_publication_date"] == [today.strftime("%Y/%m/%d")]
    assert parser.tags["citation_language"] == ["no"]


def test_open_graph_canonical_and_json_ld(built_fixture):
    page = soup(built_fixture, "begreper/testbegrep")
    assert page.select_one('meta[property="og:description"]')["content"] == (
        "Testbegrepet handler om anerkjennelse i tre former. Punktet om relasjoner bygger på en studie. "
        "Nettstedets vurdering: Testsiden viser at et punkt kan være nettstedets egen vurdering."
    ), "a link preview shows «Kort fortalt» without its citations"
    assert (
        page.select_one('meta[name="description"]')["content"]
        == "Et begrep som viser alle former for sitering som byggetestene sjekker."
    )
    assert page.select_one('link[rel="canonical"]')["href"] == "http://127.0.0.1:8000/begreper/testbegrep/"
    data = json.loads(page.select_one('script[type="application/ld+json"]').get_text())
    assert data["@type"] == "DefinedTerm" and data["name"] == "Testbegrep"
    assert any(c.startswith("Skjefstad. (2012).") for c in data["citation"])
    article = json.loads(soup(built_fixture, "metoder/testmetode").select_one('script[type="application/ld+json"]').get_text())
    assert article["@type"] == "Article" and article["genre"] == "metode"


def test_last_updated_date_is_shown(built_fixture):
    shown = soup(built_fixture, "begreper/testbegrep").select_one("p.sist-oppdatert").get_text()
    assert shown == (
        f"Sist oppdatert {norwegian_date(dt.date.today())}. Sist faglig vurdert 1. desember 2026 "
        "(da ble påstandene sist kontrollert mot kildene)."
    )


def test_dates_and_source_link_come_from_git(tmp_path):
    project = make_project(tmp_path / "project")
    git(project, "init", "-q")
    git(project, "add", ".")
    git(project, "commit", "-qm", "innhold")
    commit = git(project, "rev-parse", "HEAD").strip()
    result = build(project, env={"REPO_URL": REPO, "REQUIRE_GIT_HISTORY": "1"})
    assert result.returncode == 0, result.stderr
    page = soup(project, "metoder/testmetode")
    assert page.select_one("p.sist-oppdatert").get_text().startswith("Sist oppdatert 4. mars 2025. Sist faglig vurdert ")
    assert page.select_one("#siter-apa-tekst").get_text().startswith("Tilfriskning. (2025, 4. mars). Testmetode.")
    link = page.select_one(".siter-info a")
    assert link["href"] == f"{REPO}/blob/{commit}/docs/metoder/testmetode.md"
    assert commit[:7] in link.get_text()


def test_hosted_build_refuses_dates_without_git_history(tmp_path):
    project = make_project(tmp_path / "project")  # not a git repository
    result = build(project, env={"REQUIRE_GIT_HISTORY": "1"})
    assert result.returncode != 0
    assert "docs/metoder/testmetode.md: mangler git-historikk for «sist oppdatert»" in result.stderr
    assert "Traceback" not in result.stderr


def test_bibliography_is_published_and_each_entry_has_its_bibtex(built_fixture):
    assert (built_fixture / "site" / "bibliography.bib").read_bytes() == (built_fixture / "bibliography.bib").read_bytes()
    litteratur = soup(built_fixture, "litteratur")
    assert litteratur.select_one(".litteratur-last-ned a")["href"] == "../bibliography.bib"
    button = litteratur.select_one("li#testredigert button.litteratur-bibtex")
    code = button["data-clipboard-text"]
    assert code.startswith("@incollection{testredigert,") and code.rstrip().endswith("}")
    assert "metadata_status" in code and button.get_text() == "Kopier BibTeX"


def test_print_view_holds_every_page_in_navigation_order(built_fixture):
    view = soup(built_fixture, "utskrift")
    titles = [h.get_text() for h in view.select("section.utskrift-side > h2.utskrift-tittel")]
    assert titles[:2] == ["Forside", "Testbegrep"] and titles[-1] == "Litteratur"
    assert len(titles) == len(list((built_fixture / "docs").rglob("*.md"))) - 1  # all but the print page itself
    assert view.select("section.utskrift-side h3[id$='-kilder']"), "every page keeps its Kilder"
    ids = [e["id"] for e in view.select("article [id]")]
    assert len(ids) == len(set(ids))
    for link in view.select("article a[href^='#']"):
        assert view.find(id=link["href"][1:]) is not None, link["href"]
