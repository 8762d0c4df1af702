"""Abbreviations: explained once in each section, not at every occurrence.

Python-Markdown's abbr extension (with includes/forkortelser.md appended to every page by
pymdownx.snippets) marks each occurrence of «MI», «ROP», «NAV» with its explanation. This
hook keeps the mark on the first occurrence in each section of a page, from one heading to
the next (tilfriskning.abbreviations.first_in_each_section says why).
"""

from __future__ import annotations

from tilfriskning.abbreviations import first_in_each_section


def on_page_content(html, page, config, files):
    return first_in_each_section(html)
