"""The little MkDocs knowledge the hooks share: where things are, and how to stop a build."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.exceptions import PluginError

from .problems import Problem
from .source import FrontMatterError, SourcePage, parse_page

log = logging.getLogger("mkdocs.hooks.tilfriskning")
PLUGIN_NAME = "bibtex"
DEFAULT_BIB = "bibliography.bib"


def project_dir(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def docs_prefix(config) -> str:
    """'docs/': how editors see the docs folder from the repository root."""
    return os.path.relpath(config.docs_dir, project_dir(config)).replace(os.sep, "/") + "/"


def cache_dir(config) -> Path:
    return project_dir(config) / ".cache" / "tilfriskning"


def citation_plugin(config):
    """The mkdocs-bibtex plugin instance, or None when it is switched off."""
    return config.plugins.get(PLUGIN_NAME)


def bib_path(config) -> Path:
    plugin = citation_plugin(config)
    name = plugin.config.bib_file if plugin is not None and plugin.config.bib_file else DEFAULT_BIB
    return (project_dir(config) / name).resolve()


def stop_build(problems: list[Problem]) -> None:
    """Print each problem on its own line and stop the build without a traceback."""
    for problem in sorted(set(problems), key=lambda p: (p.file, p.line or 0, p.message)):
        log.error(str(problem))
    raise PluginError(f"Bygget stoppet: {len(set(problems))} feil i innholdet (se linjene over). Rett dem og bygg på nytt.")


def parsed_pages(files) -> dict[str, SourcePage]:
    """Every documentation page whose front matter can be read, by its docs-relative path.

    Pages that can't be read are left out: the validation hook reports them and stops the
    build before any other hook uses this. Parsing is cached by text, so each hook may ask.
    """
    pages = {}
    for file in files.documentation_pages():
        try:
            pages[file.src_uri] = parse_page(file.content_string)
        except FrontMatterError:
            continue
    return pages
