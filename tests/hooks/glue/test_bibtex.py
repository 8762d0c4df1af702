"""What glue/bibtex.py relies on in mkdocs-bibtex 4.4.0, pinned, so an upgrade or a swap shows here.

If one of these fails after changing the plugin, glue/bibtex.py is the file to adapt.
"""

from __future__ import annotations

import logging
import re
import time

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs_bibtex import citation as plugin_citation
from mkdocs_bibtex.plugin import BibTexPlugin

from glue import bibtex
from helpers import FIXTURES, ROOT
from tilfriskning.bib import check_bibliography
from tilfriskning.source import blank_code, find_citation_blocks, split_front_matter

IMPORT_RE = re.compile(r"^\s*(?:from|import) mkdocs_bibtex\b", re.MULTILINE)
PAGES = sorted((ROOT / "docs").rglob("*.md")) + sorted((FIXTURES / "site" / "docs").rglob("*.md"))


@pytest.mark.parametrize("path", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_our_citation_syntax_finds_what_the_plugin_finds(path):
    _, body, _, _ = split_front_matter(path.read_text(encoding="utf-8"))
    blanked = blank_code(body)
    ours = [(b.raw, [(c.key, c.prefix, c.suffix) for c in b.citations]) for b in find_citation_blocks(blanked)]
    theirs = [
        (str(b), [(c.key, c.prefix, c.suffix) for c in b.citations]) for b in plugin_citation.CitationBlock.from_markdown(blanked)
    ]
    assert ours == theirs


def plugin_for(tmp_path, bib_text: str) -> tuple[BibTexPlugin, MkDocsConfig]:
    (tmp_path / "refs.bib").write_text(bib_text, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    (tmp_path / "docs").mkdir()
    config = MkDocsConfig(config_file_path=str(tmp_path / "mkdocs.yml"))
    config.load_dict({"site_name": "x", "plugins": [{"bibtex": {"bib_file": "refs.bib"}}]})
    errors, _ = config.validate()
    assert not errors, errors
    return config.plugins["bibtex"], config


BIB = "@book{a2020, author = {A, B}, title = {T}, year = {2020}, metadata_status = {partial}, source_checked = {no}}\n"


def test_prepared_plugin_keeps_our_registry_and_parses_nothing(tmp_path, caplog, monkeypatch):
    plugin, config = plugin_for(tmp_path, BIB)
    data = check_bibliography(BIB)[0].data
    monkeypatch.setattr("mkdocs_bibtex.registry.parse_file", lambda *a, **k: pytest.fail("the plugin parsed the .bib"))
    time.sleep(0.01)  # the .bib must be older than the moment prepare() records (it is, in a build)
    assert bibtex.prepare(config, tmp_path / "style.csl", data)
    with caplog.at_level(logging.INFO):
        plugin.on_config(config)
    assert isinstance(plugin.registry, bibtex.SiteRegistry) and plugin.registry.bib_data is data
    assert plugin.config.bib_by_default is False and plugin.config.enable_inline_citations is False


def test_the_plugin_puts_the_registry_text_in_place_of_each_block_and_nothing_else(tmp_path):
    plugin, config = plugin_for(tmp_path, BIB)
    data = check_bibliography(BIB)[0].data
    bibtex.prepare(config, tmp_path / "style.csl", data)
    plugin.on_config(config)
    bibtex.install(config, {"[@a2020, s. 3]": "(A, 2020, s. 3)"}, data)
    markdown = bibtex.protect_code("Tekst [@a2020, s. 3]. Kode: `[@a2020]`, og @a2020 i teksten.\n")
    out = plugin.on_page_markdown(markdown, None, config, None)
    assert out.startswith("Tekst (A, 2020, s. 3). Kode: `[\ue000a2020]`, og @a2020 i teksten.")
    assert "[^" not in out, "no footnote list of its own"
    with pytest.raises(Exception, match="Sitering uten formatert tekst"):
        plugin.on_page_markdown("[@a2020, s. 9]", None, config, None)


def test_a_block_written_many_times_is_replaced_in_one_pass_over_the_page(tmp_path, monkeypatch):
    plugin, config = plugin_for(tmp_path, BIB)
    data = check_bibliography(BIB)[0].data
    bibtex.prepare(config, tmp_path / "style.csl", data)
    plugin.on_config(config)
    bibtex.install(config, {"[@a2020, s. 3]": "(A, 2020, s. 3)", "[@a2020]": "(A, 2020)"}, data)
    replaced = []

    class Page(str):  # counts the plugin's replace calls over the page
        def replace(self, old, new, *args):
            replaced.append(old)
            return Page(str.replace(self, old, new, *args))

    out = plugin.on_page_markdown(Page("Tekst [@a2020, s. 3]. [@a2020] og [@a2020, s. 3].\n" * 50), None, config, None)
    assert out.count("(A, 2020, s. 3)") == 100 and out.count("(A, 2020)") == 50
    assert replaced.count("[@a2020, s. 3]") == 1 and replaced.count("[@a2020]") == 1


def test_only_the_seam_imports_the_plugin():
    importers = [
        p.relative_to(ROOT).as_posix()
        for p in sorted((ROOT / "hooks").rglob("*.py")) + sorted((ROOT / "scripts").glob("*"))
        if p.is_file() and IMPORT_RE.search(p.read_text(encoding="utf-8"))
    ]
    assert importers == ["hooks/glue/bibtex.py"]
