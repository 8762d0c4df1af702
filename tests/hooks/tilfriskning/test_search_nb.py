import re

import yaml

from helpers import ROOT
from tilfriskning.search_nb import (
    CONCEPT_BOOST,
    IDENTIFIER_FIELD,
    SEPARATOR,
    identifiers,
    split_index,
    use_our_worker,
)


def test_hyphenated_identifiers_with_a_digit_are_found_joined_by_underscores():
    html = "<p>Pasient- og brukerrettighetsloven § 2-5 og §§ 2-1 a, ROP-retningslinjen (IS-1948, 2011), ICD-10.</p>"
    assert identifiers(html) == ["2_5", "2_1", "is_1948", "icd_10", "2_1a"]
    assert identifiers("<p>ROP-retningslinjen og recovery-orientert praksis</p>") == []
    assert identifiers("<p>2-5</p> <p>2-5</p>") == ["2_5"]


def test_spans_with_an_en_dash_and_lettered_law_sections_are_identifiers_too():
    html = "<p>Prop. 75 L (2016–2017): helsepersonelloven § 10 a og en ny § 10 b, s. 18–20.</p>"
    assert identifiers(html) == ["2016_2017", "18_20", "10a", "10b"]
    # "i" after a section is the word, not a letter of the section
    assert identifiers("<p>§ 2-5 i pasient- og brukerrettighetsloven, § 4 og</p>") == ["2_5"]


def test_the_separator_keeps_numbers_and_identifiers_and_drops_punctuation():
    separator = re.compile(SEPARATOR)  # a JavaScript pattern, also valid in Python
    tokens = [t for t in separator.split("døde 363 personer i 2023. Koden F1x.2, § 2-5 og 113 (akutt).") if t]
    assert tokens == ["døde", "363", "personer", "i", "2023", "Koden", "F1x.2", "§", "2", "5", "og", "113", "akutt"]


def test_mkdocs_yml_gives_material_the_same_separator_and_no_pipeline():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    block = config[config.index("  - search:") : config.index("  - tags")]
    search = yaml.safe_load(block)[0]["search"]
    assert search["separator"] == SEPARATOR
    assert search["pipeline"] == [], "lunr's Norwegian trimmer drops numbers, its stop-word filter drops 'mi'"
    assert IDENTIFIER_FIELD in search["fields"]


def test_the_stub_has_no_documents_and_the_full_index_has_identifiers_and_page_tags_only():
    index = {
        "config": {"lang": ["no"]},
        "docs": [
            {"location": "begreper/rettigheter/", "title": "Rettigheter", "text": "<p>Se § 2-5.</p>", "tags": ["rett"]},
            {"location": "begreper/rettigheter/#plan", "title": "Plan", "text": "<p>IS-1948</p>", "tags": ["rett"]},
            {"location": "temaer/x/", "title": "X", "text": "<p>Ingen tall her.</p>", "tags": ["rett"]},
        ],
    }
    stub, full = split_index(index)
    assert stub == {"config": {"lang": ["no"]}, "docs": []}
    page, section, theme = full["docs"]
    assert page[IDENTIFIER_FIELD] == "2_5" and section[IDENTIFIER_FIELD] == "is_1948" and IDENTIFIER_FIELD not in theme
    assert "tags" not in section and page["tags"] == ["rett"]
    assert page["boost"] == section["boost"] == CONCEPT_BOOST and "boost" not in theme


def test_pages_name_our_worker_with_materials_as_engine():
    html = '<div data-md-component="search"></div><script id="__config">{"search": "../assets/javascripts/workers/search.a7633da7.min.js"}</script>'
    assert '"search": "../assets/javascripts/workers/search_nb.js?engine=search.a7633da7.min.js"' in use_our_worker(html)
    assert use_our_worker("<p>no search here</p>") == "<p>no search here</p>"
