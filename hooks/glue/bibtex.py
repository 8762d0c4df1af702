"""The one seam to mkdocs-bibtex 4.4.0: no other module imports it or reads its objects.

What the project keeps of the plugin: in each page it finds the citation blocks, asks a
registry for their text and puts that text in their place (its `on_page_markdown`); it
also knows where the .bib is (`bib_file` in mkdocs.yml). Everything else is ours: the
.bib is read and checked once by `tilfriskning.bib`, all citations are formatted by
`tilfriskning.citeproc` in one pandoc call, the reference lists are ours.

The seam, in the order a build meets it:

1. `prepare(config, style, bib_data)` (before the plugin's own on_config): point it at
   the derived nb-NO style, switch off its footnote lists and its bare-@word references,
   and give it the .bib we parsed, so it does not parse the file a second time (it skips
   its parse when `last_configured` is newer than the .bib: its own rebuild shortcut).
2. `install(config, citations)` (in on_files): its registry serves our formatted text.
   It keeps one block per way of writing it in the plugin's list (the plugin validates and
   then replaces the same list), so each is replaced in one pass over the page.
3. `protect_code(markdown)` / `restore_code(html, toc)`: it replaces citations inside
   code too, so the "@" in code is masked while it runs.

tests/hooks/glue/test_bibtex.py pins each of these behaviours of the installed plugin,
and that our citation syntax (tilfriskning/source.py) finds exactly what it finds. An
upgrade or a replacement of the plugin touches this file and that test.
"""

from __future__ import annotations

import time
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs_bibtex.registry import ReferenceRegistry

from tilfriskning.source import replace_in_code

PLUGIN_NAME = "bibtex"
DEFAULT_BIB = "bibliography.bib"
AT_MASK = "\ue000"  # stands in for "@" inside code while the plugin looks for citations


class SiteRegistry(ReferenceRegistry):
    """Serves pre-formatted citations to mkdocs-bibtex; formats nothing per page."""

    def __init__(self, bib_data, citations: dict[str, str]):  # noqa: D107 - no super(): it would parse the .bib
        self.bib_data = bib_data
        self.footnote_format = "{key}"
        self.citations = citations  # block as written -> HTML

    def validate_citation_blocks(self, citation_blocks) -> None:
        """Also leaves each block written the same way once in the plugin's list: it replaces
        every block by a `str.replace` over the whole page, which already replaces all its
        copies, so a large page with many repeated citations no longer costs size × citations."""
        citation_blocks[:] = {str(b): b for b in citation_blocks}.values()
        missing = [str(b) for b in citation_blocks if str(b) not in self.citations]
        if missing:
            raise PluginError(f"Sitering uten formatert tekst: {', '.join(missing[:3])}")

    def validate_inline_references(self, inline_references):
        return set()

    def inline_text(self, citation_block) -> str:
        return self.citations[str(citation_block)]

    def reference_text(self, citation) -> str:
        return ""


def plugin(config):
    """The mkdocs-bibtex plugin instance, or None when it is switched off."""
    return config.plugins.get(PLUGIN_NAME)


def bib_file(config) -> Path:
    found = plugin(config)
    name = found.config.bib_file if found is not None and found.config.bib_file else DEFAULT_BIB
    return (Path(config.config_file_path).resolve().parent / name).resolve()


def prepare(config, style: Path, bib_data) -> bool:
    """Configure the plugin before its own on_config; False when it is switched off."""
    found = plugin(config)
    if found is None:
        return False
    found.config.csl_file = str(style)
    found.config.bib_by_default = False  # the Kilder list is ours (no footnotes)
    found.config.enable_inline_citations = False  # a bare @word in prose stays text
    found.registry = SiteRegistry(bib_data, {})
    found.last_configured = time.time()  # the .bib is older: the plugin keeps this registry
    return True


def install(config, citations: dict[str, str], bib_data) -> None:
    """From here on the plugin replaces each citation block by `citations[block]`."""
    plugin(config).registry = SiteRegistry(bib_data, citations)


def protect_code(markdown: str) -> str:
    return replace_in_code(markdown, lambda chunk: chunk.replace("@", AT_MASK))


def _unmask_toc(items) -> None:
    for item in items:
        item.title = item.title.replace(AT_MASK, "@")
        _unmask_toc(item.children)


def restore_code(html: str, toc) -> str:
    if AT_MASK not in html:
        return html
    _unmask_toc(toc)
    return html.replace(AT_MASK, "@")
