"""Wide tables that become one card per row on a phone (pure).

A Markdown table with four or more columns can't be read at 360 px without scrolling the
table sideways. Each of its data cells gets the heading of its column as `data-label`,
and the table the attribute `data-tabell-kort`; below the phone breakpoint the style sheet shows
every row as a card, with the label above each cell (overrides/assets/stylesheets).
"""

from __future__ import annotations

import html
import re

MIN_COLUMNS = 4
CARD_ATTRIBUTE = "data-tabell-kort"  # not a class: Material styles only tables without one
TABLE_RE = re.compile(r"<table>(.*?)</table>", re.S)
HEAD_RE = re.compile(r"<thead>(.*?)</thead>", re.S)
HEADER_CELL_RE = re.compile(r"<th\b[^>]*>(.*?)</th>", re.S)
ROW_RE = re.compile(r"<tr>(.*?)</tr>", re.S)
DATA_CELL_RE = re.compile(r"<td\b")
TAG_RE = re.compile(r"<[^>]+>")


def _label(cell_html: str) -> str:
    return html.escape(" ".join(html.unescape(TAG_RE.sub("", cell_html)).split()), quote=True)


def _labelled_table(match: re.Match) -> str:
    inner = match.group(1)
    head = HEAD_RE.search(inner)
    labels = [_label(cell) for cell in HEADER_CELL_RE.findall(head.group(1))] if head else []
    if len(labels) < MIN_COLUMNS:
        return match.group(0)

    def label_row(row: re.Match) -> str:
        cells = iter(labels)
        body = DATA_CELL_RE.sub(lambda cell: f'<td data-label="{next(cells, "")}"', row.group(1))
        return f"<tr>{body}</tr>"

    body = inner[head.end() :]
    return f"<table {CARD_ATTRIBUTE}>{inner[: head.end()]}{ROW_RE.sub(label_row, body)}</table>"


def cards_on_phones(page_html: str) -> str:
    """The page with every table of MIN_COLUMNS or more columns labelled for the phone layout."""
    return TABLE_RE.sub(_labelled_table, page_html)
