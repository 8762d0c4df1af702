"""The service worker in a built site: written at the root, saving what exists, notice in every page."""

from __future__ import annotations

import json

from tilfriskning.offline import NOTICE_HIDDEN


def settings(site) -> dict:
    source = (site / "service-worker.js").read_text(encoding="utf-8")
    return json.loads(source[len("const SETTINGS = ") : source.index("};") + 1])


def test_the_worker_saves_existing_files_the_front_page_search_and_the_not_saved_page(built_fixture):
    site = built_fixture / "site"
    found = settings(site)
    assert found["precache"][0] == "" and {"search/search_index.json", "sitemap.xml", "503.html"} <= set(found["precache"])
    for name in found["precache"]:
        assert (site / name / "index.html" if name == "" or name.endswith("/") else site / name).is_file(), name
    assert any(name.startswith("assets/javascripts/bundle.") for name in found["precache"])


def test_every_page_registers_the_worker_and_carries_the_hidden_notice(built_fixture):
    for page in (built_fixture / "site").rglob("index.html"):
        text = page.read_text(encoding="utf-8")
        assert NOTICE_HIDDEN in text and "assets/javascripts/offline.js" in text, page
    not_saved = (built_fixture / "site" / "503.html").read_text(encoding="utf-8")
    assert "Siden er ikke lagret på denne enheten" in not_saved and 'href="/assets/' in not_saved
