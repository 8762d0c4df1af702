import datetime as dt

from tilfriskning.site import Site
from tilfriskning.source import parse_page

ARTICLE = """---
title: En studie
type: artikkel
kilde: studie2020
faktaboks: {formål: x, metode: x, deltakere: x, alder: x, temaer: [x]}
---

Studien handler om noe [@annen2019].
"""


def test_an_article_page_cites_the_work_of_its_fact_box():
    """The fact box names the work without a citation block; the page's Kilder list must hold
    it all the same, since the sentences below that list explain the work's markers."""
    site = Site("docs/", bibliography=None, today=dt.date(2026, 12, 2))
    site.pages = {"forskning/studie.md": parse_page(ARTICLE), "begreper/b.md": parse_page("---\ntitle: B\n---\n\nTekst.\n")}
    cited = site.cited  # without pandoc's order (no `formatted`), in no particular order
    assert sorted(cited["forskning/studie.md"]) == ["annen2019", "studie2020"]
    assert cited["begreper/b.md"] == []
