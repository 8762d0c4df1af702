"""Citations in Norsk APA 7, linked and previewed.

Adds to a page: each `[@key, s. 12]` becomes a parenthetical citation "(Forfatter, 2012,
s. 12)" whose works link to the page's reference list and show the full reference on
hover and keyboard focus; a "Kilder" list (alphabetical, unnumbered, each entry linked to
its place on the Litteratur page, incomplete and partly checked entries marked, and a
note when the works were read through the 2022 thesis); on `litteratur.md`, the full
bibliography with an anchor per key, what was read of each work, and the pages citing it; wherever another hook leaves
`<span class="tf-referanse" data-kilde="KEY"></span>`, that work's full reference; and
for `<span class="tf-sidereferanse" data-side="PATH"></span>`, the Norsk APA reference
of that page of this site (same engine, style and cache, see citethis.py).
Citation syntax inside code is left as written.

How it sits on mkdocs-bibtex: the plugin keeps its job of finding citation blocks in
each page and replacing them (and of loading the .bib named in mkdocs.yml), but it is
given a registry (its own extension point, `ReferenceRegistry`) that serves citations
formatted by `tilfriskning.citeproc`: one pandoc call for all the citations of the site
(and a concurrent one for the page references), cached between builds. The nb-NO style file the plugin is pointed at is derived from the installed
package at each build.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs_bibtex.registry import ReferenceRegistry
from tilfriskning.bib import entry_sources
from tilfriskning.citeproc import CiteprocError, format_citations
from tilfriskning.citethis import item_key, page_item, real_author
from tilfriskning.csl import write_derived_style
from tilfriskning.gitdates import last_changed
from tilfriskning.glue import bib_path, cache_dir, citation_plugin, docs_prefix, log, parsed_pages, project_dir
from tilfriskning.kinds import CONTENT_TYPES, section_heading
from tilfriskning.rules import LITTERATUR_PAGE as LITTERATUR
from tilfriskning.render import (
    CitingPage, EntryStatus, citation_html, fill_page_references, fill_references, kilder_html, litteratur_html,
)
from tilfriskning.source import replace_in_code, resolve_link

THESIS_KEY = "bacheloroppgave2022"
PUBLISHED_BIB = "bibliography.bib"  # published at the site root, linked from Litteratur
AT_MASK = "\ue000"  # stands in for "@" inside code while mkdocs-bibtex looks for citations


class SiteRegistry(ReferenceRegistry):
    """Serves pre-formatted citations to mkdocs-bibtex; formats nothing per page."""

    def __init__(self, bib_data, citations: dict[str, str], references: dict[str, str]):  # noqa: D107 - no super()
        self.bib_data = bib_data  # (super().__init__ would re-parse the .bib)
        self.footnote_format = "{key}"
        self.citations = citations  # block -> linked HTML
        self.references = references  # key -> formatted reference (HTML)

    def validate_citation_blocks(self, citation_blocks) -> None:
        missing = [str(b) for b in citation_blocks if str(b) not in self.citations]
        if missing:
            raise PluginError(f"Sitering uten formatert tekst: {', '.join(missing[:3])}")

    def validate_inline_references(self, inline_references):
        return set()

    def inline_text(self, citation_block) -> str:
        return self.citations[str(citation_block)]

    def reference_text(self, citation) -> str:
        return ""


class _State:
    def __init__(self):
        self.references: dict[str, str] = {}
        self.statuses: dict[str, EntryStatus] = {}
        self.cited: dict[str, list[str]] = {}  # src_uri -> keys in reference-list order
        self.recommended: dict[str, set[str]] = {}  # src_uri -> keys it links to on Litteratur
        self.titles: dict[str, str] = {}
        self.page_references: dict[str, str] = {}  # src_uri -> how to cite that page
        self.bibtex: dict[str, str] = {}  # key -> the entry's text in the .bib
        self.files = None


_state = _State()


@event_priority(100)  # before mkdocs-bibtex reads csl_file in its own on_config
def on_config(config):
    plugin = citation_plugin(config)
    if plugin is None:
        return config
    style = write_derived_style(cache_dir(config) / "norsk-apa-manual-nb-NO.csl")
    plugin.config.csl_file = str(style)
    plugin.config.bib_by_default = False  # the Kilder list is ours (no footnotes)
    plugin.config.enable_inline_citations = False  # a bare @word in prose stays text
    return config


def on_files(files, config):
    global _state
    plugin = citation_plugin(config)
    if plugin is None:
        return files
    _state = _State()
    _state.files = files
    blocks: list[str] = []
    keys_by_page: dict[str, set[str]] = {}
    metas = {}
    for path, page in parsed_pages(files).items():
        _state.titles[path] = str(page.meta.get("title", path))
        metas[files.get_file_from_path(path)] = page.meta
        keys_by_page[path] = {key for block in page.citation_blocks for key in block.keys}
        blocks += [block.raw for block in page.citation_blocks]
        _state.recommended[path] = {
            anchor for target, anchor in filter(None, (resolve_link(path, link.target) for link in page.links))
            if target == LITTERATUR and anchor
        }
    items = _page_items(metas, config)
    try:
        result = format_citations(blocks, bib_path(config), Path(plugin.config.csl_file), cache_dir(config), items)
    except CiteprocError as error:
        raise PluginError(f"pandoc kunne ikke formatere siteringene: {error}") from None
    formatted = result.formatted
    _state.page_references = {items[key]["tf_path"]: real_author(text) for key, text in formatted.pages.items()}
    if result.pandoc_calls:
        log.info("Siteringer: %d nye formatert med pandoc (%d kall samtidig; %d siteringer i alt).",
                 result.new_blocks, result.pandoc_calls, len(set(blocks)))
    else:
        log.info("Siteringer: alle %d hentet fra hurtigbufferen, ingen pandoc-kall.", len(set(blocks)))
    _state.references = formatted.references
    order = {key: n for n, key in enumerate(formatted.order)}
    _state.cited = {uri: sorted(keys, key=order.__getitem__) for uri, keys in keys_by_page.items()}
    entries = plugin.registry.bib_data.entries
    _state.statuses = {
        key: EntryStatus(
            verified=str(entry.fields.get("metadata_status", "")) == "verified",
            checked=str(entry.fields.get("source_checked", "")),
            note=" ".join(str(entry.fields.get("source_note", "")).split()),
        )
        for key, entry in entries.items()
    }
    bib = bib_path(config)
    _state.bibtex = entry_sources(bib.read_text(encoding="utf-8"))
    files.append(File.generated(config, PUBLISHED_BIB, abs_src_path=str(bib)))  # downloadable with the site
    plugin.registry = SiteRegistry(
        plugin.registry.bib_data,
        {raw: citation_html(text) for raw, text in formatted.citations.items()},
        formatted.references,
    )
    return files


def _page_items(metas: dict, config) -> dict[str, dict]:
    """One CSL `webpage` item per content page, keyed by what its formatting depends on."""
    content = {file: meta for file, meta in metas.items() if meta.get("type") in CONTENT_TYPES}
    dates = last_changed(project_dir(config), docs_prefix(config).rstrip("/"),
                         [f.src_uri for f in content], dt.date.today())
    items = {}
    for number, (file, meta) in enumerate(sorted(content.items(), key=lambda fm: fm[0].src_uri)):
        item = page_item(file.src_uri, number, str(meta.get("title", "")), config.site_url + file.url,
                         dates[file.src_uri].date, meta.get("forfattere"))
        items[item_key(item)] = {**item, "tf_path": file.src_uri}
    return items


def _url(target_uri: str, page) -> str | None:
    target = _state.files.get_file_from_path(target_uri) if _state.files else None
    return target.url_relative_to(page.file) if target else None


@event_priority(100)  # before mkdocs-bibtex replaces citation blocks
def on_page_markdown(markdown, page, config, files):
    if citation_plugin(config) is None:
        return markdown
    markdown = replace_in_code(markdown, lambda chunk: chunk.replace("@", AT_MASK))
    additions = []
    keys = _state.cited.get(page.file.src_uri, [])
    if keys:
        litteratur = _url(LITTERATUR, page)
        thesis = f"{litteratur}#{THESIS_KEY}" if litteratur and THESIS_KEY in _state.references else None
        additions.append(section_heading("Kilder") + "\n\n" + kilder_html(
            keys, _state.references, _state.statuses, litteratur, THESIS_KEY, thesis))
    if page.file.src_uri == LITTERATUR:
        citing: dict[str, list[CitingPage]] = {}
        recommending: dict[str, list[CitingPage]] = {}
        for uri in sorted(_state.titles, key=_state.titles.get):
            entry = CitingPage(_state.titles[uri], _url(uri, page))
            for key in _state.cited.get(uri, []):
                citing.setdefault(key, []).append(entry)
            for key in sorted(_state.recommended.get(uri, set())):
                recommending.setdefault(key, []).append(entry)
        additions.append(litteratur_html(list(_state.references), _state.references, _state.statuses, citing,
                                         recommending, _state.bibtex, _url(PUBLISHED_BIB, page)))
    if additions:
        markdown = markdown.rstrip("\n") + "\n\n" + "\n\n".join(a.replace("@", AT_MASK) for a in additions) + "\n"
    return markdown


def _unmask_toc(items) -> None:
    for item in items:
        item.title = item.title.replace(AT_MASK, "@")
        _unmask_toc(item.children)


def on_page_content(html, page, config, files):
    if AT_MASK in html:
        html = html.replace(AT_MASK, "@")
        _unmask_toc(page.toc)
    if 'class="tf-referanse" data-kilde=' in html:
        html = fill_references(html, _state.references, _state.statuses, _url(LITTERATUR, page))
    if 'class="tf-sidereferanse" data-side=' in html:
        html = fill_page_references(html, _state.page_references)
    return html
