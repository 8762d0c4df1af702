"""Fact boxes and the research overview table, as Markdown, from article front matter."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

TABLE_MARKER = "<!-- forskningstabell: fylles av hooks/research.py -->"
FIELDS = (("formål", "Formål"), ("metode", "Metode"), ("deltakere", "Deltakere"), ("alder", "Alder"))


@dataclass(frozen=True)
class Article:
    path: str  # docs-relative
    title: str
    kilde: str
    faktaboks: dict


def _inline(value) -> str:
    """One line of Markdown-safe text (table cells and definition lists)."""
    text = " ".join(str(value).split())
    return re.sub(r"([\\|*_\[\]<>`])", r"\\\1", text)


def fact_box(article: Article) -> str:
    """An info box with the full reference (filled in by the citation hook) and the facts."""
    lines = [
        '!!! info "Om studien"',
        "",
        f'    <span class="tf-referanse" data-kilde="{article.kilde}"></span>',
        "",
    ]
    for key, label in FIELDS:
        lines += [f"    {label}", f"    :   {_inline(article.faktaboks[key])}", ""]
    themes = ", ".join(_inline(t) for t in article.faktaboks["temaer"])
    lines += ["    Sentrale temaer", f"    :   {themes}", ""]
    return "\n".join(lines)


def insert_before_first_section(markdown: str, block: str) -> str:
    """Put `block` after the ingress, before the first `## ` heading (or at the end)."""
    match = re.search(r"^## ", markdown, re.MULTILINE)
    at = match.start() if match else len(markdown)
    return markdown[:at].rstrip("\n") + "\n\n" + block + "\n\n" + markdown[at:]


def overview_table(articles: list[Article], from_path: str) -> str:
    """A Markdown table of all articles side by side, linked relative to `from_path`."""
    header = "| Artikkel | " + " | ".join(label for _, label in FIELDS) + " | Sentrale temaer |"
    rule = "|" + "---|" * (len(FIELDS) + 2)
    rows = [header, rule]
    for article in sorted(articles, key=lambda a: a.title):
        link = posixpath.relpath(article.path, posixpath.dirname(from_path) or ".")
        cells = [f"[{_inline(article.title)}]({link})"]
        cells += [_inline(article.faktaboks[key]) for key, _ in FIELDS]
        cells.append(", ".join(_inline(t) for t in article.faktaboks["temaer"]))
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)
