import json
import shutil
import subprocess

import pytest

from helpers import ROOT
from tilfriskning.offline import (
    CACHE_PREFIX,
    DATE_SLOT,
    NOTICE_HIDDEN,
    NOTICE_SHOWN,
    expand,
    page_url,
    precache_list,
    referenced_assets,
    section_pages,
    site_version,
    worker_source,
)


def test_page_urls_are_mkdocs_directory_urls():
    assert page_url("index.md") == ""
    assert page_url("forskning/index.md") == "forskning/"
    assert page_url("metoder/overdose.md") == "metoder/overdose/"
    assert page_url("samtalekort.md") == "samtalekort/"


def test_section_pages_reads_nested_and_titled_entries_of_one_section():
    nav = [
        "index.md",
        {"For praksis": ["a.md", {"Tittel": "b.md"}, {"Under": ["c.md"]}, {"Ute": "https://x.no/"}]},
        {"Begreper": ["d.md"]},
    ]
    assert section_pages(nav, "For praksis") == ["a.md", "b.md", "c.md"]
    assert section_pages(nav, "Finnes ikke") == [] and section_pages(None, "For praksis") == []


def test_the_real_navigation_has_the_practice_section():
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    nav = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)["nav"]
    pages = section_pages(nav, "For praksis")
    assert len(pages) >= 5 and all((ROOT / "docs" / p).is_file() for p in pages)


def test_referenced_assets_are_the_pages_own_files_site_relative():
    html = (
        '<link rel="icon" href="../../assets/images/favicon.png"><link rel="canonical" href="https://x.no/">'
        '<link rel="stylesheet" href="../../assets/a.css"><link rel="stylesheet" href="https://cdn.example/x.css">'
        '<script src="../../assets/b.js"></script><script>inline()</script><a href="../../c/">c</a>'
    )
    assert referenced_assets(html, "metoder/mi/") == ["assets/images/favicon.png", "assets/a.css", "assets/b.js"]


@pytest.fixture
def site(tmp_path):
    for name, text in {
        "index.html": '<link rel="stylesheet" href="assets/main.1234abcd.min.css">',
        "p/index.html": '<link rel="stylesheet" href="../assets/main.1234abcd.min.css"><script src="../assets/x.js"></script>',
        "assets/main.1234abcd.min.css": "body{}",
        "assets/x.js": "x()",
        "search/search_index.json": "{}",
        "sitemap.xml": "<urlset/>",
    }.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_precache_holds_pages_what_they_load_search_and_the_sitemap_once_each(site):
    files, unmatched = precache_list(site, ["", "p/"], search=["search/*.json", "pagefind/*.js"])
    assert files == ["", "assets/main.1234abcd.min.css", "p/", "assets/x.js", "search/search_index.json", "sitemap.xml"]
    assert unmatched == ["pagefind/*.js"], "a stale search list is reported"
    assert expand(site, ["assets/*"]) == (["assets/main.1234abcd.min.css", "assets/x.js"], [])


def test_version_changes_with_any_file_but_not_with_the_worker(site):
    first = site_version(site)
    (site / "service-worker.js").write_text("x", encoding="utf-8")
    assert site_version(site) == first
    (site / "p" / "index.html").write_text("changed", encoding="utf-8")
    assert site_version(site) != first and len(first) == 16


def test_worker_source_carries_the_settings_and_parses():
    source = worker_source("abc123", ["", "sitemap.xml"])
    settings = json.loads(source[len("const SETTINGS = ") : source.index("};") + 1])
    assert settings["cache"] == CACHE_PREFIX + "abc123" and settings["precache"] == ["", "sitemap.xml"]
    assert settings["notice"] == {"hidden": NOTICE_HIDDEN, "shown": NOTICE_SHOWN, "slot": DATE_SLOT}
    if shutil.which("node"):
        checked = subprocess.run(["node", "--check", "-"], input=source, capture_output=True, text=True)
        assert checked.returncode == 0, checked.stderr


def test_every_page_template_carries_the_hidden_notice_the_worker_shows():
    template = (ROOT / "overrides" / "main.html").read_text(encoding="utf-8")
    assert NOTICE_HIDDEN in template and DATE_SLOT in template
    assert NOTICE_SHOWN == NOTICE_HIDDEN.replace(" hidden>", ">")
