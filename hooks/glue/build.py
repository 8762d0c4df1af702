"""The MkDocs knowledge the hooks share: where things are, the facts of this build, how to stop it.

`site(config, files)` gives the one `tilfriskning.site.Site` of the running build: the
.bib parsed and checked once (a problem there stops the build before anything else
reads it), and, once the files are known, every page's source, its git date and the
built commit. It lives on the build's config object, which MkDocs (and ProperDocs)
make anew for every build, `mkdocs serve` rebuilds included, so nothing carries over
from one build to the next and no hook keeps module-level state.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from pathlib import Path

import mkdocs
from mkdocs.exceptions import PluginError

from glue import bibtex
from tilfriskning.bib import check_bibliography
from tilfriskning.gitdates import head_commit, last_changed
from tilfriskning.inputs import TextFile, check_input_files
from tilfriskning.problems import Problem, problem_order
from tilfriskning.site import Site
from tilfriskning.source import FrontMatterError, SourcePage, parse_page

log = logging.getLogger("mkdocs.hooks.tilfriskning")
SITE_ATTRIBUTE = "_tilfriskning_site"
# The engines this project is built and tested with (CI runs both): MkDocs 1.6 and its
# maintained continuation ProperDocs 1.6, which runs the same plugins and hooks.
ENGINES = {"mkdocs": "1.6.", "properdocs": "1.6."}


def project_dir(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def docs_prefix(config) -> str:
    """'docs/': how editors see the docs folder from the repository root."""
    return os.path.relpath(config.docs_dir, project_dir(config)).replace(os.sep, "/") + "/"


def cache_dir(config) -> Path:
    return project_dir(config) / ".cache" / "tilfriskning"


def shown_path(config, path: Path) -> str:
    """A path as editors see it: relative to the repository root where it lies inside."""
    root = project_dir(config)
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


class ContentProblems(PluginError):
    """The build stopped on mistakes in the sources; `lines` are the lines it printed."""

    def __init__(self, lines: list[str]):
        super().__init__(f"Bygget stoppet: {len(lines)} feil i innholdet (se linjene over). Rett dem og bygg på nytt.")
        self.lines = lines


def stop_build(problems: list[Problem]) -> None:
    """Print each problem on its own line and stop the build without a traceback."""
    lines = [str(p) for p in sorted(set(problems), key=problem_order)]
    for line in lines:
        log.error(line)
    raise ContentProblems(lines)


def check_engine() -> None:
    """Refuse an engine this project is not tested on (its hooks may not run as written)."""
    name, version = mkdocs.__name__, getattr(mkdocs, "__version__", "?")
    if not version.startswith(ENGINES.get(name, "-")):
        stop_build(
            [
                Problem(
                    "mkdocs.yml",
                    None,
                    f"nettstedet bygges med MkDocs 1.6 eller ProperDocs 1.6, ikke {name} {version}; installer med «make install»",
                    "motor",
                )
            ]
        )


def parsed_pages(files) -> dict[str, SourcePage]:
    """Every documentation page whose front matter can be read, by its docs-relative path.

    Pages that can't be read are left out: the validation hook reports them and stops the
    build before any other hook uses this.
    """
    pages = {}
    for file in files.documentation_pages():
        try:
            pages[file.src_uri] = parse_page(file.content_string)
        except FrontMatterError:
            continue
    return pages


def _start(config) -> Site:
    path = bibtex.bib_file(config)
    shown = shown_path(config, path)
    if not path.is_file():
        stop_build([Problem(shown, None, "fant ikke bibliografien; sjekk bib_file i mkdocs.yml", "bib-fil")])
    texts, problems = check_input_files([TextFile(path, shown)])
    if problems:
        stop_build(problems)
    bibliography, problems = check_bibliography(texts[shown], shown)
    if problems:
        stop_build(problems)
    return Site(
        docs_prefix(config),
        bibliography,
        dt.date.today(),
        os.environ.get("GITHUB_SHA") or head_commit(project_dir(config)),
        bibliography_name=shown,
    )


def site(config, files=None) -> Site:
    """The facts of this build; with `files`, the pages and their dates are read (once)."""
    found = getattr(config, SITE_ATTRIBUTE, None)
    if found is None:
        found = _start(config)
        setattr(config, SITE_ATTRIBUTE, found)
    if files is not None and not found.pages:
        found.pages = parsed_pages(files)
        found.dates = last_changed(project_dir(config), found.docs_prefix.rstrip("/"), sorted(found.pages), found.today)
    return found
