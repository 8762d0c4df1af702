import datetime as dt

from tilfriskning.summary import (
    CARD_MARKER,
    Card,
    card,
    card_page,
    citation_blocks,
    insert_at_top,
    plain,
    preview,
    review_date,
    review_due,
    review_notice,
    summary_box,
)

POINTS = [
    "Recovery handler om egne ressurser [@larsen2012].",
    "Ifølge rådet *bør* ansatte se helheten [@hdirrecovery2025; @biong2015, s. 55].",
    "Nettstedets vurdering: Dette er sidens eget syn.",
]
PARTS = {"gjør": ["Kilden beskriver å lytte [@biong2015]."], "unngå": ["Kilden advarer mot press [@nymoen2020]."]}


def test_citation_blocks_are_found_as_written():
    assert citation_blocks(POINTS[1]) == ["[@hdirrecovery2025; @biong2015, s. 55]"]
    assert citation_blocks("Se [lenke](x.md) og e-post [per@example.no].") == []


def test_plain_text_drops_citations_and_emphasis():
    assert plain(POINTS[1]) == "Ifølge rådet bør ansatte se helheten."
    assert plain("Se [lenken](x.md) her [sic].") == "Se lenken her [sic].", "a link is its text in a meta tag"


def test_preview_joins_points_and_cuts_at_a_word():
    assert preview(POINTS[:1]) == "Recovery handler om egne ressurser."
    long = preview(["ord " * 200 + "[@a]."], limit=50)
    assert len(long) <= 50 and long.endswith("…") and "  " not in long


def test_summary_box_is_an_admonition_with_the_points_as_a_list():
    box = summary_box(POINTS)
    assert box.startswith('!!! kort-fortalt "Kort fortalt"\n\n')
    assert "    - Recovery handler om egne ressurser [@larsen2012]." in box.split("\n")
    assert insert_at_top("\n\nIngress.", box).startswith("!!! kort-fortalt") and box + "\n\nIngress." == insert_at_top(
        "\n\nIngress.", box
    )


def test_card_has_its_parts_in_order_and_links_the_card_page_relative_to_the_page():
    text = card({**PARTS, "spør": ["Spør hva personen vil [@nymoen2020]."]}, "metoder/mi.md")
    lines = text.split("\n")
    assert lines[0] == '!!! samtalekort "Til samtalen"'
    order = [
        lines.index(f"    **{h}**")
        for h in ("Det kildene beskriver at fagfolk gjør", "Spørsmål fra kildene", "Det kildene advarer mot")
    ]
    assert order == sorted(order)
    assert "    [Alle samtalekortene, klare til utskrift](../samtalekort.md)" in lines
    assert "samtalekort.md" not in card(PARTS, "metoder/mi.md", card_page_exists=False)
    assert "Spørsmål fra kildene" not in card(PARTS, "metoder/mi.md")


def test_card_page_lists_every_card_by_title_inside_the_print_sheet():
    cards = [Card("temaer/b.md", "Bb", PARTS), Card("metoder/a.md", "Aa", PARTS)]
    page = card_page(cards)
    assert page.startswith('<div class="samtalekort-ark" markdown>') and page.endswith("</div>")
    assert page.index("Til samtalen: Aa") < page.index("Til samtalen: Bb")
    assert "Fra siden [Aa](metoder/a.md)." in page
    assert CARD_MARKER not in page


def test_review_date_and_when_it_is_due():
    assert review_date(dt.date(2026, 12, 1)) == dt.date(2026, 12, 1)
    assert review_date("2026-12-01") == dt.date(2026, 12, 1)
    assert review_date("2026-02-30") is None and review_date("i fjor") is None
    today = dt.date(2026, 12, 1)
    assert not review_due(dt.date(2024, 12, 2), today)
    assert review_due(dt.date(2024, 11, 30), today)
    assert "1. januar 2020" in review_notice("1. januar 2020") and review_notice("x").startswith("!!! note")
