"""The real site: configuration, privacy, footer, repository links, 404 page."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote, unquote

import pytest
import yaml
from bs4 import BeautifulSoup

from helpers import ROOT, build, make_project

REPO = "https://github.com/eksempel/tilfriskning"
FEEDBACK = "tilbakemelding@eksempel.no"
EXTERNAL_ASSET_RES = [
    re.compile(r"<(?:script|img|iframe|source|video|audio)\b[^>]*\ssrc=[\"'](?:https?:)?//", re.I),
    re.compile(
        r"<link\b[^>]*\srel=[\"'](?:stylesheet|preload|preconnect|dns-prefetch|icon|manifest|modulepreload)[\"'][^>]*\shref=[\"'](?:https?:)?//",
        re.I,
    ),
    re.compile(
        r"<link\b[^>]*\shref=[\"'](?:https?:)?//[^>]*\srel=[\"'](?:stylesheet|preload|preconnect|dns-prefetch|icon|manifest|modulepreload)[\"']",
        re.I,
    ),
]


class _Loader(yaml.SafeLoader):
    pass


_Loader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node))


@pytest.fixture(scope="module")
def config() -> dict:
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506


@pytest.fixture(scope="module")
def real_site(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("real") / "project", fixture=None)
    result = build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="module")
def real_site_with_repo(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("repo") / "project", fixture=None)
    env = {"REPO_URL": REPO, "FEEDBACK_EMAIL": FEEDBACK, "SITE_URL": "https://eksempel.github.io/tilfriskning/"}
    result = build(project, env=env)
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_config_choices(config):
    theme = config["theme"]
    assert theme["language"] == "nb"
    assert theme["font"] is False, "no Google Fonts"
    assert "repo_url" not in config and "edit_uri" not in config, "repo_url makes browsers call the GitHub API"
    assert config["site_url"] == ["SITE_URL", "http://127.0.0.1:8000/"]
    assert {p["scheme"] for p in theme["palette"]} == {"default", "slate"}
    assert {
        "navigation.instant",
        "search.suggest",
        "search.highlight",
        "content.tooltips",
        "content.footnote.tooltips",
        "toc.follow",
        "navigation.top",
        "navigation.prune",  # each menu holds its own section only: build time grows with pages, not pages × menu
    } <= set(theme["features"])
    assert "navigation.instant.preview" not in theme["features"], "it doubles the citation tooltips"
    assert set(config["validation"].values()) == {"warn"}
    extensions = {next(iter(e)) if isinstance(e, dict) else e: e for e in config["markdown_extensions"]}
    assert extensions["material.extensions.preview"]["material.extensions.preview"]["targets"]["include"] == ["*"]
    assert extensions["smarty"]["smarty"]["smart_dashes"] is True
    assert "Tilbake" in extensions["footnotes"]["footnotes"]["BACKLINK_TITLE"]
    assert "Lenke" in extensions["toc"]["toc"]["permalink_title"]


def test_every_page_menu_reaches_every_section(real_site, config):
    """With navigation.prune a page's menu lists its own section's pages; every other
    section stands in it as a link to that section's first page (its index page if any)."""
    sections = [title for entry in config["nav"] if isinstance(entry, dict) for title in entry]
    checked = 0
    for html in real_site.rglob("index.html"):
        menu = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").select_one("nav.md-nav--primary > ul")
        if menu is None:
            continue  # a redirect page
        checked += 1
        shown = {
            " ".join(item.select_one(".md-nav__link").get_text().split())
            for item in menu.find_all("li", recursive=False)
            if "md-nav__item--nested" in item.get("class", [])
        }
        active = menu.select("li.md-nav__item--active.md-nav__item--nested")
        pruned = menu.select("li.md-nav__item--pruned > a.md-nav__link[href]")
        assert shown == set(sections), f"{html.relative_to(real_site)}: {shown}"
        assert len(pruned) == len(sections) - len(active), f"{html.relative_to(real_site)}: a section is neither open nor a link"
    assert checked == len(list((ROOT / "docs").rglob("*.md")))


def test_no_page_loads_anything_from_another_host(real_site):
    for html in real_site.rglob("*.html"):
        content = html.read_text(encoding="utf-8")
        for pattern in EXTERNAL_ASSET_RES:
            assert not pattern.search(content), f"{html.relative_to(real_site)} loads from another host"
        assert "fonts.googleapis" not in content and "fonts.gstatic" not in content
        assert "md-source" not in content, "repository widget calls the GitHub API"
    for css in real_site.rglob("*.css"):
        assert not re.search(r"url\(\s*[\"']?(?:https?:)?//", css.read_text(encoding="utf-8")), css.name
        assert "@import" not in css.read_text(encoding="utf-8")


def test_pages_are_norwegian_with_licence_and_help_in_footer(real_site):
    soup = BeautifulSoup((real_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.html["lang"] == "nb"
    footer = soup.select_one("footer").get_text(" ", strip=True)
    assert "CC BY-SA 4.0" in footer and "MIT" in footer
    assert "RUSinfo" in footer
    assert "08588" not in footer, "the phone number is not verified"
    assert soup.select_one('footer a[href="https://creativecommons.org/licenses/by-sa/4.0/deed.no"]')


def test_repository_links_only_when_repo_url_is_set(real_site, real_site_with_repo):
    without = (real_site / "index.html").read_text(encoding="utf-8")
    assert "github.com" not in without and 'href=""' not in without
    with_repo = BeautifulSoup((real_site_with_repo / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert with_repo.select_one(f'footer a[href="{REPO}"]') is not None
    assert "md-source" not in str(with_repo)
    assert with_repo.select_one('link[rel="canonical"]')["href"].startswith("https://eksempel.github.io/tilfriskning/")


def soup_of(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def feedback_section(site: Path):
    """The accessibility statement's «Meld fra» part: its first paragraph, and the list of channels if any."""
    heading = soup_of(site, "om/nettstedet/index.html").select_one("h3#meld-fra-om-brudd-pa-kravene")
    return heading.find_next_sibling("p"), heading.find_next_sibling("ul")


def test_no_feedback_address_is_invented_when_none_is_set(real_site):
    text, channels = feedback_section(real_site)
    assert channels is None or not channels.select("a[href^='mailto:'], a[href*='/issues']")
    assert "bygget uten en adresse for tilbakemeldinger" in text.find_next_sibling("p").get_text()
    for path in ("index.html", "om/nettstedet/index.html", "begreper/motivasjon/index.html", "404.html"):
        assert "mailto:" not in (real_site / path).read_text(encoding="utf-8"), path
    assert soup_of(real_site, "begreper/motivasjon/index.html").select_one("p.tilbakemelding") is None


def test_feedback_without_an_account_when_feedback_email_is_set(real_site_with_repo):
    _, channels = feedback_section(real_site_with_repo)
    hrefs = [a["href"] for a in channels.select("a")]
    assert hrefs == [f"mailto:{FEEDBACK}?subject=" + quote("Tilgjengelighet på Tilfriskning", safe=""), f"{REPO}/issues"]
    assert "ingen konto" in channels.get_text() and "krever en GitHub-konto" in channels.get_text()
    footer = soup_of(real_site_with_repo, "index.html").footer
    assert footer.select_one(f'a[href="mailto:{FEEDBACK}"]') is not None
    assert footer.select_one('a[href$="om/nettstedet/#tilgjengelighetserklaering"]') is not None
    # every page has a mail link whose subject names it, so the reader need not say which page
    link = soup_of(real_site_with_repo, "begreper/motivasjon/index.html").select_one("p.tilbakemelding a")
    address, subject = link["href"].removeprefix("mailto:").split("?subject=")
    page_url = "https://eksempel.github.io/tilfriskning/begreper/motivasjon/"
    assert address == FEEDBACK and unquote(subject) == f"Tilbakemelding om «Motivasjon» ({page_url})"
    assert soup_of(real_site_with_repo, "404.html").footer.select_one(f'a[href="mailto:{FEEDBACK}"]') is not None


def test_skip_link_goes_to_the_start_of_the_text(real_site):
    for path in ("index.html", "begreper/motivasjon/index.html", "kunnskapskart/index.html", "litteratur/index.html"):
        soup = soup_of(real_site, path)
        target = soup.select_one("a.md-skip")["href"]
        assert target.startswith("#") and soup.select_one(target).name == "article", path


def test_norwegian_404(real_site):
    soup = BeautifulSoup((real_site / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.select_one("article h1").get_text(strip=True) == "Fant ikke siden"
    assert "Not found" not in soup.get_text()


def test_litteratur_holds_the_whole_bibliography(real_site):
    keys = re.findall(r"^@\w+\{(\w+),", (ROOT / "bibliography.bib").read_text(encoding="utf-8"), re.MULTILINE)
    soup = BeautifulSoup((real_site / "litteratur" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert sorted(li["id"] for li in soup.select("ul.litteratur > li")) == sorted(keys)
    assert soup.select("ul.litteratur > li")[-1]["id"] == "akerblom2021", "Norwegian order: Å last"


def test_titles_in_another_language_are_marked_with_it(real_site):
    """WCAG 3.1.2: each work with a langid has its title marked, on Litteratur and in the Kilder lists."""
    from tilfriskning.bib import check_bibliography
    from tilfriskning.languages import language_of

    bibliography, _ = check_bibliography((ROOT / "bibliography.bib").read_text(encoding="utf-8"))
    marked = {k: language_of(e.fields["langid"]) for k, e in bibliography.entries.items() if "langid" in e.fields}
    assert marked.get("honneth1996") == "en" and marked.get("prop75l2017") == "nn", "the bibliography says which"
    soup = BeautifulSoup((real_site / "litteratur" / "index.html").read_text(encoding="utf-8"), "html.parser")
    for key, lang in marked.items():
        entry = soup.select_one(f"ul.litteratur > li[id='{key}']")
        titles = [span.get_text() for span in entry.select(f"span[lang='{lang}']")]
        assert titles, f"{key}: no title marked lang={lang}"
        assert bibliography.entries[key].fields["title"].split(":")[0][:20] in " ".join(titles), (key, titles)
    assert not soup.select("ul.litteratur > li[id='fekjaer2016'] span[lang]"), "a Norwegian title is not marked"
    kilder = BeautifulSoup((real_site / "teorier" / "deci-og-ryan" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert kilder.select("ul.kilder span[lang='en']"), "the Kilder list and its tooltips carry the marks too"


def test_docs_hold_only_real_pages():
    pages = sorted(p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*") if p.is_file())
    assert all(p.endswith(".md") for p in pages)
    assert all(re.fullmatch(r"[a-z0-9-]+(/[a-z0-9-]+)*\.md", p) for p in pages), "address rules: lowercase ASCII"
    assert not any("test" in p for p in pages)


def test_abbreviations_get_tooltips(built_fixture):
    soup = BeautifulSoup(
        (built_fixture / "site" / "begreper" / "testbegrep" / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    assert soup.select_one('article abbr[title="Motiverende intervju"]').get_text() == "MI"


def test_an_abbreviation_is_marked_once_in_each_section_of_a_real_page(real_site):
    page = BeautifulSoup((real_site / "metoder" / "motiverende-intervju" / "index.html").read_text("utf-8"), "html.parser")
    article = page.select_one("article")
    sections, current = [], []
    for element in article.find_all(["h2", "h3", "h4", "abbr"]):
        if element.name == "abbr":
            current.append(element.get_text())
        else:
            sections.append(current)
            current = []
    sections.append(current)
    assert sum(map(len, sections)) >= 5, "the page still explains MI"
    assert all(len(found) == len(set(found)) for found in sections), sections
    assert article.get_text().count("MI") > 30, "the other occurrences stay, as plain text"


def test_tags_link_to_the_tag_index(real_site):
    page = BeautifulSoup(
        (real_site / "metoder" / "erfaringskonsulenter" / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    tag = next(t for t in page.select("a.md-tag") if t.get_text(strip=True) == "likeperson")
    assert tag["href"] == "../../stikkord/#tag:likeperson"
    index = BeautifulSoup((real_site / "stikkord" / "index.html").read_text(encoding="utf-8"), "html.parser")
    section = index.find(id="tag:likeperson")
    assert section is not None
    assert "Erfaringskonsulenter" in section.find_next("ul").get_text()


def test_tags_stand_after_the_text_under_stikkord_and_the_title_comes_first(real_site):
    """On a phone 27 tags above the title filled the first screen; they now follow the page's text."""
    page = soup_of(real_site, "begreper/rettigheter/index.html")
    article = page.select_one("article")
    first = article.find(["h1", "nav"])
    assert first.name == "h1" and first.get_text(strip=True) == "Rettigheter i klartekst"
    label = article.select_one("p.sidens-stikkord")
    assert label.get_text() == "Stikkord:"
    assert label.find_next_sibling() is article.select_one("nav.md-tags")
    assert label.find_previous("h2")["id"] == "kilder"  # after the page's last section, which stays last
    without_tags = soup_of(real_site, "stikkord/index.html")
    assert without_tags.select_one(".sidens-stikkord") is None  # no label over nothing


def test_suggest_change_links_to_the_page_source_only_with_repo_url(real_site, real_site_with_repo):
    with_repo = BeautifulSoup(
        (real_site_with_repo / "metoder" / "motiverende-intervju" / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    link = with_repo.select_one("p.foresla-endring a")
    assert link["href"] == f"{REPO}/edit/main/docs/metoder/motiverende-intervju.md"
    assert link.get_text() == "Foreslå endring"
    without = (real_site / "metoder" / "motiverende-intervju" / "index.html").read_text(encoding="utf-8")
    assert "foresla-endring" not in without


def test_bibliography_forms_follow_norsk_apa_7(real_site):
    """The reference forms the review found wrong, each as Norsk APA 7 wants it."""
    soup = BeautifulSoup((real_site / "litteratur" / "index.html").read_text(encoding="utf-8"), "html.parser")

    def entry(key: str) -> str:
        return soup.select_one(f"li#{key} .kilde-tekst").decode_contents()

    # an issue without a volume is shown as an issue, not as a volume
    assert "<em>Tidsskrift for psykisk helsearbeid</em>, (1), 51–60." in entry("biong2015")
    # encyclopedia entries: capitalised entry title, "I *Leksikon*", and the address where known
    assert "(2022). Rusmiddel. I <em>Store norske leksikon</em>." in entry("brettevillejensen2022")
    assert 'Rusmidler. I <em>Store medisinske leksikon</em>. <a href="https://sml.snl.no/rusmidler"' in entry("dietrichs2021")
    assert 'Validitet. I <em>Store norske leksikon</em>. <a href="https://snl.no/validitet"' in entry("gronmo2021")
    # a chapter of a report series: no semicolon between series and publisher
    skogen = entry("skogen2019")
    assert ";" not in skogen and "I <em>Folkehelserapporten</em>. Folkehelseinstituttet." in skogen
    # a work with no known journal says so, instead of printing no container
    assert "[Tidsskriftartikkel; tidsskriftet er ikke kjent]" in entry("nymoen2020")
    # the thesis says in its brackets what it is and that the institution is unknown
    assert "[Upublisert bacheloroppgave i sosialt arbeid, lærested ikke oppgitt]" in entry("bacheloroppgave2022")
    # what was read of a partly checked work is on Litteratur
    assert "Sammendraget" in soup.select_one("li#sjursaether2021 .kilde-lest").get_text()


def test_fact_box_markers_are_explained_in_text_on_the_page(real_site):
    """A research summary's fact box marks its work as the Kilder lists do, without a tooltip
    (a phone can't hover a marker, a keyboard can't focus it): the sentences below the page's
    Kilder list say what each marker means."""
    meaning = {
        "ufullstendig": "«ufullstendige opplysninger» betyr",
        "delvis": "«delvis kontrollert mot originalen» betyr",
        "ukontrollert": "ikke kontrollert mot original",
    }
    boxes = 0
    for path in (real_site / "forskning").glob("*/index.html"):
        article = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one("article")
        box = article.select_one("div.admonition.info")
        if box is None or not box.select_one("span.tf-referanse"):
            continue
        boxes += 1
        notes = " ".join(p.get_text(" ", strip=True) for p in article.select("p.kilder-merknad")).lower()
        for marker in box.select("span.kilde-merke"):
            assert not marker.has_attr("title"), path
            kind = next(c.split("--")[1] for c in marker["class"] if "--" in c)
            assert meaning[kind] in notes, (path, kind)
    assert boxes >= 3
