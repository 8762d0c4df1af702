"""The citation pipeline, end to end: the fixture site is built and its HTML read."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from helpers import build, formatting_calls, make_project, pandoc_counter, tree_digest


def page(project: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((project / "site" / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def text(node) -> str:
    return " ".join(node.get_text().split())


@pytest.fixture(scope="module")
def begrep(built_fixture):
    return page(built_fixture, "begreper/testbegrep")


def citations(soup) -> list[str]:
    return [text(span) for span in soup.select("article span.citation")]


def test_exact_citation_forms(begrep):
    found = citations(begrep)
    assert "(Skjefstad, 2012, s. 56)" in found
    assert "(Biong & Soggiu, 2015; Sjursæther & Lundberg, 2021)" in found
    assert "(Hansen & Olsen, 2020, s. 18–20)" in found
    assert "(Berg, u.å.)" in found
    assert "(se Skjefstad, 2012, s. 55, 59)" in found
    prose = text(begrep.select_one("article"))
    assert "Ulleberg (2014, s. 184) skriver" in prose


def test_same_author_same_year_is_disambiguated(built_fixture):
    found = citations(page(built_fixture, "temaer/testtema"))
    assert "(Lillemyr, 2007a, s. 13; 2007b, s. 199)" in found


def test_reference_list_terms_comma_rule_and_dashes(built_fixture, begrep):
    kilder = text(begrep.select_one("ul.kilder"))
    assert (
        "Hansen, K. & Olsen, P. (2020). Et testkapittel. I L. Dahl & P. Lie (Red.), Testboka (2. utg., s. 45–67). Testforlaget."
        in kilder
    )
    assert "Berg, A. (u.å.). Et verk uten årstall." in kilder
    assert "Tidsskrift for psykisk helsearbeid, (1), 51–60." in kilder, "an issue without a volume is not printed as a volume"
    metode = text(page(built_fixture, "metoder/testmetode").select_one("ul.kilder"))
    assert "Borg, M., Sjåfjell, T. L., Ogundipe, E. & Bjørlykhaug, K. I. (2017)." in metode
    assert "(4. utg.)" in metode


def test_citations_link_to_their_entry_without_superscripts(begrep):
    article = begrep.select_one("article")
    links = article.select("span.citation a")
    assert links, "no citation links"
    ids = {li["id"] for li in article.select("ul.kilder > li")}
    for link in links:
        assert link["href"].startswith("#kilde-") and link["href"][1:] in ids
        assert "footnote-ref" in link["class"], "Material's footnote tooltips show the reference on hover and focus"
    assert not article.select("sup"), "citations must not be superscript numbers"
    assert not article.select("div.footnote"), "no footnote list"
    assert [a.get_text() for a in article.select('span.citation[data-cites="biong2015 sjursaether2021"] a')] == [
        "Biong & Soggiu, 2015",
        "Sjursæther & Lundberg, 2021",
    ]


def test_footnote_tooltips_are_switched_on(begrep):
    config = json.loads(begrep.select_one("#__config").get_text())
    assert {"content.footnote.tooltips", "content.tooltips"} <= set(config["features"])
    assert "navigation.instant.preview" not in config["features"], "would add a second popup to citations"
    previews = [a["href"] for a in begrep.select("article a[data-preview]")]
    assert "../../metoder/testmetode/" in previews, "links to other pages get previews"
    assert not begrep.select("a.sitering[data-preview]")


def test_kilder_is_alphabetical_unnumbered_and_last(begrep):
    article = begrep.select_one("article")
    heading = article.select("h2")[-1]
    assert heading["id"] == "kilder" and heading.get_text(strip=True).startswith("Kilder")
    assert heading.find_next_sibling().name == "ul"
    names = [text(li.select_one(".kilde-tekst")) for li in article.select("ul.kilder > li")]
    assert names[0].startswith("Berg") and names[1].startswith("Biong") and names[-1].startswith("Ulleberg")
    assert names == sorted(names, key=str.casefold)
    assert not article.select("ol")


def test_kilder_entries_link_to_litteratur(built_fixture, begrep):
    litteratur = page(built_fixture, "litteratur")
    for link in begrep.select("ul.kilder a.kilde-litteratur"):
        target = link["href"]
        assert target.startswith("../../litteratur/#")
        assert litteratur.select_one(f"li#{target.split('#')[1]}") is not None


def test_incomplete_entries_are_marked(begrep, built_fixture):
    assert "Ufullstendige opplysninger" in text(begrep.select_one("#kilde-skjefstad2012"))
    assert "Ufullstendige opplysninger" not in text(begrep.select_one("#kilde-biong2015"))
    litteratur = page(built_fixture, "litteratur")
    assert "Ufullstendige opplysninger" in text(litteratur.select_one("li#skjefstad2012"))
    kilder = begrep.select_one("ul.kilder")
    assert kilder.select("span.kilde-merke") and not kilder.select("span.kilde-merke[title]"), "explained in text"
    notes = " ".join(text(note) for note in begrep.select("p.kilder-merknad"))
    assert "«Ufullstendige opplysninger» betyr at noen bibliografiske opplysninger om verket mangler" in notes


def test_unchecked_note(built_fixture, begrep):
    note = begrep.select_one("p.kilder-merknad")
    assert note is not None and "ikke kontrollert mot originalene" in text(note)
    teori_notes = page(built_fixture, "teorier/testteori").select("p.kilder-merknad")
    assert not any("kontrollert" in text(n) for n in teori_notes), "only checked works"
    tema = page(built_fixture, "temaer/testtema")
    assert text(tema.select_one("p.kilder-merknad")).startswith(
        "Bortsett fra bacheloroppgaven fra 2022 er verkene i listen gjengitt slik oppgaven beskriver dem"
    )
    assert "Ikke kontrollert" not in text(tema.select_one("ul.kilder")), "the thesis alone: one sentence, no markers"


def test_litteratur_lists_every_entry_with_anchor_and_citing_pages(built_fixture):
    bib = (built_fixture / "bibliography.bib").read_text(encoding="utf-8")
    keys = re.findall(r"^@\w+\{(\w+),", bib, re.MULTILINE)
    litteratur = page(built_fixture, "litteratur")
    items = litteratur.select("ul.litteratur > li")
    assert sorted(li["id"] for li in items) == sorted(keys)
    biong = litteratur.select_one("li#biong2015 .sitert-pa")
    assert {a.get_text() for a in biong.select("a")} == {"Testbegrep", "Testmetode", "Testartikkel", "Samtalekort"}
    assert biong.select_one("a")["href"].endswith("/")
    assert text(items[-1]).startswith("Ulleberg")
    assert text(litteratur.select_one("li#testvidere .sitert-pa")) == "Anbefalt som videre lesning på: Testteori."
    assert text(litteratur.select_one("li#testudatert .sitert-pa")) == "Sitert på: Testbegrep."


def test_litteratur_lists_the_bibliography_above_the_pages_linking_to_it(built_fixture):
    article = page(built_fixture, "litteratur").select_one("article")
    order = [el.get("id") or el.get("class")[0] for el in article.select("ul.litteratur, h2#sider-som-lenker-hit")]
    assert order == ["litteratur", "sider-som-lenker-hit"]


def test_the_bibliography_on_litteratur_is_not_searched(built_fixture):
    index = json.loads((built_fixture / "site" / "search" / "search_index_nb.json").read_text(encoding="utf-8"))
    litteratur = " ".join(d["text"] for d in index["docs"] if d["location"].startswith("litteratur/"))
    assert "Alle verkene i bibliografien for testene." in litteratur  # the page's own text is searched
    assert "Ulleberg" not in litteratur and "Anbefalt som videre lesning" not in litteratur


def test_citation_syntax_in_code_and_bare_at_words_stay_as_written(begrep):
    article = begrep.select_one("article")
    code = article.select_one("pre").get_text()
    assert "@book{eksempel2020," in code and "[@skjefstad2012]" in code
    assert "[@biong2015]" in [c.get_text() for c in article.select("p code")]
    prose = text(article)
    assert "En bar @brukernavn i teksten er bare tekst" in prose
    assert "epost@example.org" in prose
    assert "\ue000" not in str(article)


def test_norwegian_heading_ids(begrep):
    assert begrep.select_one("h2#kjaerlighet-og-a-bli-sett") is not None


def test_one_pandoc_call_cold_none_warm_and_sources_untouched(tmp_path):
    project = make_project(tmp_path / "project")
    env, log = pandoc_counter(tmp_path)
    before = tree_digest(project / "docs", project / "bibliography.bib")
    cold = build(project, env=env)
    assert cold.returncode == 0, cold.stderr
    assert formatting_calls(log) == 2, "one pandoc for all citations, one for the page references, at the same time"
    warm = build(project, env=env)
    assert warm.returncode == 0, warm.stderr
    assert formatting_calls(log) == 2, "a warm build must not start pandoc to format"
    assert "ingen pandoc-kall" in warm.stderr
    assert tree_digest(project / "docs", project / "bibliography.bib") == before
