"""Guard rails: stop the build with one clear Norwegian line per editor mistake.

Adds nothing to a page. Runs before anything else reads the input, in stages, each one
stopping the build before the next reads what it found wrong: the engine is one this
project is tested on, the files beside the pages (mkdocs.yml, the abbreviations, the list
of published addresses) are UTF-8 and free of merge conflicts, the abbreviation lines are
well formed, and the .bib is checked before anything uses it (on_config, the .bib through
`glue.build.site`, which parses it once for the whole build); the files in docs/ are
UTF-8 pages or images, and then every page's front matter, page rules, citations,
links, its place in the navigation and the published addresses (none may disappear
without a redirect) before any page is rendered (on_files); #anchors, and what a
rendered page would still show wrong, once all pages are rendered but before any is
written (on_env). An error no rule foresaw still ends in one Norwegian line, not a
traceback (on_build_error).

It marks every page it has checked; overrides/main.html refuses to render a page
without that mark, so an engine that skips hooks cannot build the site silently. The
rules themselves live in `tilfriskning.inputs`, `.abbreviations`, `.config_file`,
`.bib` and `.rules`; this module only feeds them and reports. Sources are only read,
never written.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import Abort, BuildError
from mkdocs.plugins import event_priority

from glue.build import check_engine, docs_prefix, log, project_dir, shown_path, site, stop_build
from tilfriskning.abbreviations import check_abbreviations
from tilfriskning.added import own_text
from tilfriskning.config_file import read_config
from tilfriskning.inputs import TextFile, check_docs_files, check_input_files
from tilfriskning.problems import Problem
from tilfriskning.rules import LITTERATUR_PAGE, SiteSources, check_anchors, check_rendered, check_site, read_published, site_index

ID_RE = re.compile(r'\sid="([^"]+)"')
PUBLISHED_LIST = "publiserte-adresser.txt"
CHECKED = "tf_checked"  # page.meta mark that overrides/main.html requires
SNIPPETS = "pymdownx.snippets"


def _text_file(config, path: Path) -> TextFile:
    return TextFile(path, shown_path(config, path))


def _before_the_bib(config):
    """mkdocs.yml as we read it, the files pymdownx.snippets appends to every page (the
    abbreviations) and the list of published addresses: readable, without a conflict, each
    abbreviation line well formed. Returns mkdocs.yml read with its lines, and the problems."""
    root = project_dir(config)
    config_file, problems = read_config(Path(config.config_file_path), shown_path(config, Path(config.config_file_path)))
    appended = [_text_file(config, root / name) for name in config.mdx_configs.get(SNIPPETS, {}).get("auto_append", [])]
    published = [_text_file(config, root / PUBLISHED_LIST)]
    texts, read_problems = check_input_files([f for f in appended + published if f.path.is_file()])
    problems = problems or read_problems
    return config_file, problems or [
        p for f in appended if f.shown in texts for p in check_abbreviations(texts[f.shown], f.shown)
    ]


@event_priority(100)  # before mkdocs-bibtex and the citation hook look at the .bib
def on_config(config):
    check_engine()
    config_file, problems = _before_the_bib(config)
    if problems:
        stop_build(problems)
    facts = site(config)
    facts.config_file = config_file  # nav entries and redirects with their lines, for on_files
    work = facts.bibliography.work_items()
    if work:
        log.info(
            "Kildestatus: %d av %d oppføringer i %s har ufullstendige opplysninger (arbeidsliste: scripts/kildestatus).",
            len(work),
            len(facts.bibliography.entries),
            facts.bibliography_name,
        )
    return config


def _docs_files(files, config) -> list[TextFile]:
    docs = Path(config.docs_dir).resolve()
    return [
        TextFile(Path(f.abs_src_path), f.src_uri)
        for f in files
        if f.abs_src_path and Path(f.abs_src_path).resolve().is_relative_to(docs) and not f.generated_by
    ]


@event_priority(50)  # before the citation hook formats anything
def on_files(files, config):
    prefix = docs_prefix(config)
    texts, problems = check_docs_files(_docs_files(files, config), prefix)
    if problems:
        stop_build(problems)
    facts = site(config, files)
    pages = {f.src_uri: texts[f.src_uri] if f.src_uri in texts else f.content_string for f in files.documentation_pages()}
    others = frozenset(f.src_uri for f in files if not f.is_documentation_page())
    index = site_index(pages, others, frozenset(facts.bibliography.entries), facts.today, tuple(config.theme.dirs))
    config_file = facts.config_file
    published = project_dir(config) / PUBLISHED_LIST
    sources = SiteSources(
        pages,
        index,
        config_file.nav if config.nav is not None else None,
        config_file.redirects,
        read_published(published.read_text(encoding="utf-8")) if published.is_file() else None,
        prefix,
        PUBLISHED_LIST,
    )
    problems, anchors = check_site(sources)
    if problems:
        stop_build(problems)
    facts.anchor_links = anchors
    return files


def on_page_markdown(markdown, page, config, files):
    page.meta[CHECKED] = True
    return markdown


@event_priority(-100)  # after every other hook has added to the page: this is what readers get
def on_page_content(html, page, config, files):
    facts = site(config)
    path = page.file.src_uri
    facts.rendered_ids[path] = set(ID_RE.findall(html))
    keys = frozenset(facts.bibliography.entries)
    # what the page's source became: the blocks and the citation tags the hooks add are theirs, and tested
    facts.rendered_problems += check_rendered(facts.docs_prefix + path, own_text(html), page.file.content_string, keys)
    return html


def on_env(env, config, files):
    facts = site(config)
    ids = facts.rendered_ids
    if LITTERATUR_PAGE in ids:  # its entries are anchored by key, whoever renders them
        ids[LITTERATUR_PAGE] |= set(facts.bibliography.entries)
    problems = check_anchors(facts.anchor_links, ids, facts.docs_prefix) + facts.rendered_problems
    if problems:
        stop_build(problems)
    return env


def on_build_error(error):
    """An error no rule foresaw (a template, an extension) ends in one Norwegian line, not a traceback."""
    if isinstance(error, BuildError):
        return
    if isinstance(error, Abort) and "strict mode" in str(error):
        stop_build(
            [
                Problem(
                    "bygget",
                    None,
                    "MkDocs stoppet det strenge bygget på en advarsel (linjen med WARNING over, på engelsk, sier hvilken "
                    "fil og lenke det gjelder); rett lenken eller filnavnet den nevner",
                    "advarsel",
                )
            ]
        )
    where = f"{type(error).__module__}.{type(error).__name__}"
    stop_build(
        [
            Problem(
                "bygget",
                None,
                f"stoppet av en feil ingen regel kjenner ({where}: {error}); rett det du sist endret, eller skriv "
                "feilmeldingen i pull requesten så hjelper en utvikler deg",
                "uventet",
            )
        ]
    )
