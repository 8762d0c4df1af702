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

import os

from mkdocs.plugins import event_priority

from glue import held
from glue.build import log, site, stop_build
from tilfriskning.citebox import citation_meta, cite_box, json_ld, secondary_example
from tilfriskning.citeproc import plain_text
from tilfriskning.citethis import bibtex_online
from tilfriskning.gitdates import norwegian_date
from tilfriskning.kinds import CONTENT_TYPES, section_heading
from tilfriskning.problems import Problem
from tilfriskning.summary import preview


def on_files(files, config):
    facts = site(config, files)
    without_history = sorted(p for p, d in facts.dates.items() if not d.from_git)
    if without_history:
        if os.environ.get("REQUIRE_GIT_HISTORY") == "1":
            stop_build(
                [
                    Problem(
                        facts.docs_prefix + p,
                        None,
                        "mangler git-historikk for «sist oppdatert»; bygg fra en klon med hele historikken (fetch-depth: 0)",
                        "git-historikk",
                    )
                    for p in without_history
                ]
            )
        log.info("Sist oppdatert: %d sider uten git-historikk får byggedatoen.", len(without_history))
    return files


def _unchecked_example(facts, path: str) -> str | None:
    """A 'sitert i' example built from the first citation of a work not read in the original."""
    if facts.formatted is None:
        return None
    entries = facts.bibliography.entries
    for block in facts.pages[path].citation_blocks:
        if len(block.keys) == 1 and entries[block.keys[0]].checked != "yes":
            example = secondary_example(facts.formatted.citations.get(block.raw, ""), facts.dates[path].date.year)
            if example:
                return example
    return None


def _metadata(facts, path: str, page, config) -> None:
    """What the page template puts in <head> and under the text (overrides/main.html)."""
    meta, date = facts.pages[path].meta, facts.dates[path].date
    url = config.site_url + page.file.url
    title, description = str(meta.get("title", "")), str(meta.get("description", ""))
    summary = preview(meta["kort_fortalt"]) if meta.get("kort_fortalt") else description  # the link preview
    references = facts.formatted.references if facts.formatted else {}
    keys = dict.fromkeys(key for block in facts.pages[path].citation_blocks for key in block.keys)
    cited = [plain_text(references[key]) for key in keys if key in references]
    page.meta["tf_sist_oppdatert"] = norwegian_date(date)
    page.meta["tf_metadata"] = citation_meta(title, meta.get("forfattere"), date, url, summary)
    page.meta["tf_json_ld"] = json_ld(
        str(meta.get("type", "side")), title, description, url, date, meta.get("forfattere"), list(meta.get("tags") or []), cited
    )


@event_priority(120)  # before the relations and citation hooks append their sections: this box comes first
def on_page_markdown(markdown, page, config, files):
    facts, path = site(config), page.file.src_uri
    if path not in facts.pages:
        return markdown
    _metadata(facts, path, page, config)
    meta, date = facts.pages[path].meta, facts.dates[path].date
    if meta.get("type") not in CONTENT_TYPES:
        return markdown
    repository, commit = config.extra.get("repository"), facts.commit
    source_url = f"{repository}/blob/{commit}/{facts.docs_prefix}{path}" if repository and commit else None
    bibtex = bibtex_online(
        path, str(meta.get("title", "")), config.site_url + page.file.url, date, facts.today, meta.get("forfattere")
    )
    box = cite_box(path, bibtex, norwegian_date(date), source_url, commit, _unchecked_example(facts, path))
    return markdown.rstrip("\n") + "\n\n" + section_heading("Siter denne siden") + "\n\n" + held.hold(config, page, box) + "\n"


@event_priority(200)  # before anything reads the page: the box goes back in first
def on_page_content(html, page, config, files):
    return held.put_back(html, page, config)
