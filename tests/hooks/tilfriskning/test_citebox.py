import datetime as dt
import json

from tilfriskning.citebox import citation_meta, cite_box, json_ld, secondary_example


def test_secondary_example_from_a_citation():
    assert (
        secondary_example('(<a href="#k">Skjefstad, 2012, s. 56</a>)', 2026) == "(Skjefstad, 2012, sitert i Tilfriskning, 2026)"
    )
    assert secondary_example("(se Nesvåg et al., 2019)", 2026) == "(Nesvåg et al., 2019, sitert i Tilfriskning, 2026)"
    assert secondary_example("(Berg, u.å.)", 2026) == "(Berg, u.å., sitert i Tilfriskning, 2026)"
    assert secondary_example("(2014, s. 184)", 2026) is None  # narrative citation: no author in it


def test_cite_box_parts():
    box = cite_box(
        "a.md",
        "@online{x}",
        "4. mars 2026",
        "https://git/blob/abc1234567/docs/a.md",
        "abc1234567",
        "(X, 2020, sitert i Tilfriskning, 2026)",
    )
    assert '<span class="tf-sidereferanse" data-side="a.md"></span>' in box
    assert 'data-clipboard-target="#siter-apa-tekst"' in box and '<button type="button"' in box
    assert "kildefilen ved versjon abc1234" in box and "<pre><code>@online{x}</code></pre>" in box
    assert "sitert i" in box
    assert "kildefilen" not in cite_box("a.md", "x", "d", None, None, None)


def test_citation_meta_and_json_ld():
    day = dt.date(2026, 3, 4)
    tags = {(n, c) for _, n, c in citation_meta("T", None, day, "https://x/", "D")}
    assert {
        ("citation_title", "T"),
        ("citation_author", "Tilfriskning"),
        ("citation_publication_date", "2026/03/04"),
        ("citation_language", "no"),
        ("og:description", "D"),
        ("og:locale", "nb_NO"),
    } <= tags
    concept = json.loads(json_ld("begrep", "T", "D", "https://x/", day, None, ["a"], ["R."]))
    assert concept["@type"] == "DefinedTerm" and concept["subjectOf"]["dateModified"] == "2026-03-04"
    method = json.loads(json_ld("metode", "T", "D", "https://x/", day, ["Hansen, Kari"], [], []))
    assert method["@type"] == "Article" and method["genre"] == "metode" and method["author"][0]["name"] == "Hansen, Kari"
    assert json.loads(json_ld("side", "T", "</script>", "https://x/", day, None, [], []))["@type"] == "WebPage"
    assert "</script>" not in json_ld("side", "T", "</script>", "https://x/", day, None, [], [])
