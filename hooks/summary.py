"""For the reader in a hurry: «Kort fortalt», «Til samtalen» and when the page was last reviewed.

Adds to a page: under the title of every content page, the «Kort fortalt» box from the
front matter's `kort_fortalt` (3-5 points, each ending with the citation that backs it in
the text, formatted like every other citation); after the ingress of a method or practice
page, the «Til samtalen» card from `til_samtalen`, with a link to the printable page of
all cards; on that page (the line `<!-- samtalekort: fylles av hooks/summary.py -->` in docs/samtalekort.md), every
card, titled with and linked to its page; «Sist faglig vurdert» from `faglig_vurdert`
beside «Sist oppdatert», and a calm notice on a page not reviewed for more than two
years. The fields are required by the front-matter schema and the page rules.
"""

from __future__ import annotations

from mkdocs.plugins import event_priority

from glue.build import site
from tilfriskning.gitdates import norwegian_date
from tilfriskning.research import insert_before_first_section
from tilfriskning.summary import (
    CARD_MARKER,
    CARD_PAGE,
    card,
    card_page,
    insert_at_top,
    review_date,
    review_due,
    review_notice,
    summary_box,
)


@event_priority(110)  # before the citation hook: the boxes' citations are formatted with the text's
def on_page_markdown(markdown, page, config, files):
    facts, path = site(config), page.file.src_uri
    source = facts.pages.get(path)
    if source is None:
        return markdown
    meta = source.meta
    if CARD_MARKER in markdown:
        markdown = markdown.replace(CARD_MARKER, card_page(facts.cards, path))
    if isinstance(meta.get("til_samtalen"), dict):
        has_card_page = files.get_file_from_path(CARD_PAGE) is not None
        markdown = insert_before_first_section(markdown, card(meta["til_samtalen"], path, has_card_page))
    if meta.get("kort_fortalt"):
        markdown = insert_at_top(markdown, summary_box(meta["kort_fortalt"]))
    reviewed = review_date(meta.get("faglig_vurdert"))
    if reviewed:
        page.meta["tf_faglig_vurdert"] = norwegian_date(reviewed)
        if review_due(reviewed, facts.today):
            markdown = insert_at_top(markdown, review_notice(norwegian_date(reviewed)))
    return markdown
