import datetime as dt

from tilfriskning.citethis import bibtex_online, item_id, item_key, page_item, real_author

DAY = dt.date(2026, 3, 4)


def test_site_as_author_gets_a_private_alias_and_no_container():
    item = page_item("metoder/mi.md", 7, "MI", "https://x.no/metoder/mi/", DAY, None)
    assert item["id"] == "tilfriskning-metoder-mi" and item["type"] == "webpage" and item["issued"] == "2026-03-04"
    assert "container-title" not in item, "APA: the site name is not repeated when it is the author"
    assert real_author(item["author"][0]["literal"] + ". (2026).") == "Tilfriskning. (2026)."


def test_named_authors_and_the_site_as_container():
    item = page_item("a.md", 1, "A", "https://x.no/a/", DAY, ["Hansen, Kari", "Gruppe X"])
    assert item["author"] == [{"family": "Hansen", "given": "Kari"}, {"literal": "Gruppe X"}]
    assert item["container-title"] == "Tilfriskning"


def test_cache_key_ignores_the_alias_number():
    a = page_item("a.md", 1, "A", "https://x.no/a/", DAY, None)
    b = page_item("a.md", 2, "A", "https://x.no/a/", DAY, None)
    assert item_key(a) == item_key(b)
    assert item_key(a) != item_key(page_item("a.md", 1, "A", "https://x.no/a/", dt.date(2026, 3, 5), None))


def test_bibtex_online():
    entry = bibtex_online("begreper/a-b.md", "Å b", "https://x.no/begreper/a-b/", DAY, dt.date(2026, 11, 1), None)
    assert entry.startswith("@online{tilfriskningbegreperab,\n")
    assert "author       = {{Tilfriskning}}" in entry and "urldate      = {2026-11-01}" in entry
    assert "date         = {2026-03-04}" in entry and entry.endswith("\n}")
    assert item_id("begreper/a-b.md") == "tilfriskning-begreper-a-b"
