"""Wide tables on a phone: one card per row.

Adds to a page: on every Markdown table with four or more columns, the column heading
on each cell (`data-label`) and the attribute `data-tabell-kort`, so that below the phone
breakpoint each row shows as a card with the headings above the cells, and the table
never scrolls sideways (the comparison on «MI, recovery og erfaringskonsulenter
sammenlignet»). Wider screens see the table as it is.
"""

from __future__ import annotations

from tilfriskning.tables import cards_on_phones


def on_page_content(html, page, config, files):
    return cards_on_phones(html)
