"""Citability: cite this page, dates, metadata for reference managers and search engines.

Adds to a page: on every content page a "Siter denne siden" section with the page's
Norsk APA 7 reference (formatted by the citation hook with the same style and engine
as the bibliography), a keyboard-usable copy button, the same reference as BibTeX, a
plain link to the page's source at the exact commit the site was built from (when
REPO_URL is set), and the "sitert i" advice when the page cites works not read in the
original; on every page "Sist oppdatert" (last git change, Norwegian date), and in the
<head> `citation_*`, Open Graph and schema.org JSON-LD data (via overrides/main.html).
Without git history the dates fall back to the build date; with REQUIRE_GIT_HISTORY=1
(the hosted build) that stops the build instead.
"""

from __future__ import annotations

import datetime as dt
import os

from mkdocs.plugins import event_priority
from tilfriskning.citebox import citation_meta, cite_box, json_ld, secondary_example
from tilfriskning.citeproc import plain_text
from tilfriskning.citethis import bibtex_online
from tilfriskning.gitdates import PageDate, head_commit, last_changed, norwegian_date
from tilfriskning.glue import citation_plugin, docs_prefix, log, parsed_pages, project_dir, stop_build
from tilfriskning.kinds import CONTENT_TYPES, section_heading
from tilfriskning.problems import Problem
from tilfriskning.source import SourcePage


class _State:
    def __init__(self):
        self.pages: dict[str, SourcePage] = {}
        self.dates: dict[str, PageDate] = {}
        self.commit: str | None = None
        self.today = dt.date.today()


_state = _State()


def on_files(files, config):
    global _state
    _state = _State()
    _state.pages = parsed_pages(files)
    folder = docs_prefix(config).rstrip("/")
    _state.dates = last_changed(project_dir(config), folder, sorted(_state.pages), _state.today)
    _state.commit = os.environ.get("GITHUB_SHA") or head_commit(project_dir(config))
    without_history = sorted(p for p, d in _state.dates.items() if not d.from_git)
    if without_history:
        if os.environ.get("REQUIRE_GIT_HISTORY") == "1":
            stop_build([Problem(docs_prefix(config) + p, None, "mangler git-historikk for «sist oppdatert»; bygg fra en "
                                "klon med hele historikken (fetch-depth: 0)", "git-historikk") for p in without_history])
        log.info("Sist oppdatert: %d sider uten git-historikk får byggedatoen.", len(without_history))
    return files


def _unchecked_example(path: str, page: SourcePage, config) -> str | None:
    """A 'sitert i' example built from the first citation of a work not read in the original."""
    plugin = citation_plugin(config)
    if plugin is None:
        return None
    entries, formatted = plugin.registry.bib_data.entries, getattr(plugin.registry, "citations", {})
    for block in page.citation_blocks:
        if len(block.keys) == 1 and str(entries[block.keys[0]].fields.get("source_checked")) != "yes":
            example = secondary_example(formatted.get(block.raw, ""), _state.dates[path].date.year)
            if example:
                return example
    return None


@event_priority(120)  # before the graph and citation hooks append their sections: this box comes first
def on_page_markdown(markdown, page, config, files):
    path = page.file.src_uri
    source = _state.pages.get(path)
    if source is None:
        return markdown
    meta, date = source.meta, _state.dates[path].date
    url = config.site_url + page.file.url
    title, description = str(meta.get("title", "")), str(meta.get("description", ""))
    authors = meta.get("forfattere")
    plugin = citation_plugin(config)
    references = getattr(plugin.registry, "references", {}) if plugin else {}
    keys = dict.fromkeys(key for block in source.citation_blocks for key in block.keys)
    cited = [plain_text(references[key]) for key in keys if key in references]
    page.meta["tf_sist_oppdatert"] = norwegian_date(date)
    page.meta["tf_metadata"] = citation_meta(title, authors, date, url, description)
    page.meta["tf_json_ld"] = json_ld(str(meta.get("type", "side")), title, description, url, date, authors,
                                      list(meta.get("tags") or []), cited)
    if meta.get("type") not in CONTENT_TYPES:
        return markdown
    repository = config.extra.get("repository")
    source_url = f"{repository}/blob/{_state.commit}/{docs_prefix(config)}{path}" if repository and _state.commit else None
    box = cite_box(path, bibtex_online(path, title, url, date, _state.today, authors), norwegian_date(date),
                   source_url, _state.commit, _unchecked_example(path, source, config))
    return markdown.rstrip("\n") + "\n\n" + section_heading("Siter denne siden") + "\n\n" + box + "\n"
