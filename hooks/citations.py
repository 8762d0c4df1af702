"""Citations in Norsk APA 7, linked and previewed.

Adds to a page: each `[@key, s. 12]` becomes a parenthetical citation "(Forfatter, 2012,
s. 12)" whose works link to the page's reference list and show the full reference on
hover and keyboard focus; a "Kilder" list (alphabetical, unnumbered, each entry linked to
its place on the Litteratur page, incomplete and partly checked entries marked, and a
note when the works were read through the 2022 thesis); on `litteratur.md`, the full
bibliography with an anchor per key, what was read of each work, and the pages citing
it; wherever another hook leaves `<span class="tf-referanse" data-kilde="KEY"></span>`,
that work's full reference; and for `<span class="tf-sidereferanse" data-side="PATH">
</span>`, the Norsk APA reference of that page of this site (same engine, style and
cache, see citethis.py). Citation syntax inside code is left as written.

All citations of the site are formatted by `tilfriskning.citeproc`: one pandoc call
for all the citations (and a concurrent one for the page references), cached between
builds; the result is handed to the other hooks through the build's `Site`. mkdocs-bibtex
only puts the formatted text in place of each block, through `glue/bibtex.py`, the one
module that talks to it; the text's HTML tags go through Markdown as single characters
and come back after (tilfriskning.tag_mask), which Markdown converts much faster. The
nb-NO style file is derived from the installed package at each build.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from glue import bibtex, held
from glue.build import cache_dir, log, site
from tilfriskning.citation_html import (
    CitingPage,
    citation_html,
    download_paragraph,
    fill_page_references,
    fill_references,
    kilder_html,
    litteratur_html,
)
from tilfriskning.citeproc import CiteprocError, format_citations, prefetch
from tilfriskning.citethis import item_key, page_item, real_author
from tilfriskning.csl import write_derived_style
from tilfriskning.kinds import CONTENT_TYPES, before_generated_sections, section_heading
from tilfriskning.rules import LITTERATUR_PAGE as LITTERATUR
from tilfriskning.source import citation_blocks_in, resolve_link
from tilfriskning.tag_mask import TagMask

THESIS_KEY = "bacheloroppgave2022"
PUBLISHED_BIB = "bibliography.bib"  # published at the site root, linked from Litteratur
STYLE_FILE = "norsk-apa-manual-nb-NO.csl"
PANDOC_BIB = "bibliografi-for-pandoc.bib"  # titles in other languages marked (tilfriskning.languages)


@event_priority(100)  # before mkdocs-bibtex reads its options in its own on_config
def on_config(config):
    if bibtex.plugin(config) is not None:
        style = write_derived_style(cache_dir(config) / STYLE_FILE)
        facts = site(config)
        bibtex.prepare(config, style, facts.bibliography.data)
        # the slow pandoc call starts now, on the other core, while MkDocs collects and checks the files
        blocks = citation_blocks_in(Path(config.docs_dir))
        facts.early_citations = prefetch(blocks, _pandoc_bib(config, facts), style, cache_dir(config))
    return config


def _pandoc_bib(config, facts) -> Path:
    """The .bib pandoc formats from (the citation cache is keyed by its content); bibliography.bib
    itself is published as written."""
    path = cache_dir(config) / PANDOC_BIB
    path.write_text(facts.bibliography.for_pandoc(), encoding="utf-8")
    return path


def _page_items(facts, files, config) -> dict[str, dict]:
    """One CSL `webpage` item per content page, keyed by what its formatting depends on."""
    items = {}
    content = sorted(p for p in facts.pages if facts.page_type(p) in CONTENT_TYPES)
    for number, path in enumerate(content):
        meta = facts.pages[path].meta
        item = page_item(
            path,
            number,
            str(meta.get("title", "")),
            config.site_url + files.get_file_from_path(path).url,
            facts.dates[path].date,
            meta.get("forfattere"),
        )
        items[item_key(item)] = {**item, "tf_path": path}
    return items


def on_files(files, config):
    if bibtex.plugin(config) is None:
        return files
    facts = site(config, files)
    blocks = [block.raw for page in facts.pages.values() for block in page.citation_blocks]
    items = _page_items(facts, files, config)
    try:
        result = format_citations(
            blocks,
            cache_dir(config) / PANDOC_BIB,
            cache_dir(config) / STYLE_FILE,
            cache_dir(config),
            items,
            facts.early_citations,
        )
    except CiteprocError as error:
        raise PluginError(f"pandoc kunne ikke formatere siteringene: {error}") from None
    if result.pandoc_calls:
        log.info(
            "Siteringer: %d nye formatert med pandoc (%d kall samtidig; %d siteringer i alt).",
            result.new_blocks,
            result.pandoc_calls,
            len(set(blocks)),
        )
    else:
        log.info("Siteringer: alle %d hentet fra hurtigbufferen, ingen pandoc-kall.", len(set(blocks)))
    facts.formatted = result.formatted
    facts.page_references = {items[key]["tf_path"]: real_author(text) for key, text in result.formatted.pages.items()}
    files.append(File.generated(config, PUBLISHED_BIB, abs_src_path=str(bibtex.bib_file(config))))  # downloadable
    # each citation's tags go through Markdown as single characters (tilfriskning.tag_mask)
    texts = [p.front_matter + p.body for p in facts.pages.values()] + list(result.formatted.citations.values())
    facts.tag_mask = TagMask(texts)
    masked = {raw: facts.tag_mask.mask(citation_html(text)) for raw, text in result.formatted.citations.items()}
    bibtex.install(config, masked, facts.bibliography.data)
    return files


def _url(target_uri: str, page, files) -> str | None:
    target = files.get_file_from_path(target_uri)
    return target.url_relative_to(page.file) if target else None


def _litteratur(facts, page, config, files) -> str:
    """The whole bibliography, each entry with the pages citing or recommending it, below
    the link to download it (held apart: the link is searched, the list is not)."""
    citing: dict[str, list[CitingPage]] = {}
    recommending: dict[str, list[CitingPage]] = {}
    for uri in sorted(facts.pages, key=facts.title):
        entry = CitingPage(facts.title(uri), _url(uri, page, files))
        for key in facts.cited.get(uri, []):
            citing.setdefault(key, []).append(entry)
        links = filter(None, (resolve_link(uri, link.target) for link in facts.pages[uri].links))
        for key in sorted({anchor for target, anchor in links if target == LITTERATUR and anchor}):
            recommending.setdefault(key, []).append(entry)
    references, entries = facts.formatted.references, facts.bibliography.entries
    listing = litteratur_html(
        list(references), references, entries, citing, recommending, {key: entry.source for key, entry in entries.items()}
    )
    listing = held.hold(config, page, listing)
    download = _url(PUBLISHED_BIB, page, files)
    if download is None:
        return listing
    return held.hold(config, page, download_paragraph(download), searched=True) + "\n\n" + listing


@event_priority(100)  # before mkdocs-bibtex replaces citation blocks
def on_page_markdown(markdown, page, config, files):
    if bibtex.plugin(config) is None:
        return markdown
    facts = site(config)
    markdown = bibtex.protect_code(markdown)
    additions = []
    keys = facts.cited.get(page.file.src_uri, [])
    if keys:
        litteratur = _url(LITTERATUR, page, files)
        references = facts.formatted.references
        thesis = f"{litteratur}#{THESIS_KEY}" if litteratur and THESIS_KEY in references else None
        listed = kilder_html(keys, references, facts.bibliography.entries, litteratur, THESIS_KEY, thesis)
        additions.append(section_heading("Kilder") + "\n\n" + held.hold(config, page, listed))
    if page.file.src_uri == LITTERATUR:
        # the bibliography is this page's body: above the sections other hooks appended
        markdown = before_generated_sections(markdown, _litteratur(facts, page, config, files))
    if additions:
        markdown = markdown.rstrip("\n") + "\n\n" + "\n\n".join(additions) + "\n"
    return markdown


def _plain_toc(items, mask) -> None:
    for item in items:
        item.title = mask.plain(item.title)
        _plain_toc(item.children, mask)


@event_priority(200)  # the citations' tags and the held lists go back in before any other hook reads the page
def on_page_content(html, page, config, files):
    if bibtex.plugin(config) is None:
        return html
    facts = site(config)
    html = held.put_back(facts.tag_mask.unmask(html), page, config)
    _plain_toc(page.toc, facts.tag_mask)
    html = bibtex.restore_code(html, page.toc)
    if 'class="tf-referanse" data-kilde=' in html:
        html = fill_references(html, facts.formatted.references, facts.bibliography.entries, _url(LITTERATUR, page, files))
    if 'class="tf-sidereferanse" data-side=' in html:
        html = fill_page_references(html, facts.page_references)
    return html
