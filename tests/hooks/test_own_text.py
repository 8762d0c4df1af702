"""Search reads the page's own text: the index and the pages come out as before, without marks."""

from __future__ import annotations

import json


def test_no_mark_of_the_added_blocks_reaches_a_reader(built_fixture):
    pages = list((built_fixture / "site").rglob("*.html"))
    assert pages
    assert not [p for p in pages if "tf-lagt-til" in p.read_text(encoding="utf-8")]


def test_search_indexes_the_page_s_own_text_and_the_bibtex_download(built_fixture):
    index = json.loads((built_fixture / "site" / "search" / "search_index_nb.json").read_text(encoding="utf-8"))
    text = " ".join(d["text"] for d in index["docs"])
    assert "tf-lagt-til" not in text
    litteratur = " ".join(d["text"] for d in index["docs"] if d["location"].startswith("litteratur/"))
    assert "Last ned hele bibliografien som BibTeX" in litteratur  # added by the build, and searched
