"""The vocabulary table is the one source: the schema's enums and the old copies agree with it."""

import json

from helpers import ROOT
from tilfriskning.kinds import (
    CONTENT_TYPES,
    KINDS,
    MAP_TYPES,
    PAGE_KINDS,
    RELATION_KINDS,
    RELATIONS,
    ascii_letters,
    before_generated_sections,
    section_heading,
)

SCHEMA = json.loads((ROOT / "schema" / "frontmatter.schema.json").read_text(encoding="utf-8"))


def test_schema_page_types_are_the_table_in_order():
    assert SCHEMA["properties"]["type"]["enum"] == [kind.name for kind in PAGE_KINDS]
    content_rule = SCHEMA["allOf"][0]["if"]["properties"]["type"]["enum"]
    assert content_rule == list(CONTENT_TYPES), "content pages need tags and relations"


def test_schema_relation_types_are_the_table_in_order():
    assert SCHEMA["properties"]["relations"]["propertyNames"]["enum"] == [kind.name for kind in RELATION_KINDS]


def test_every_content_kind_is_complete():
    layers = sorted(KINDS[name].map_layer for name in CONTENT_TYPES)
    assert layers == list(range(len(CONTENT_TYPES))), "one map layer per content type"
    assert set(MAP_TYPES) == set(CONTENT_TYPES)
    for name in CONTENT_TYPES:
        kind = KINDS[name]
        assert kind.headings and kind.map_label and kind.map_fill and kind.map_border and kind.json_ld, name
        for item in kind.headings:
            for heading in item if isinstance(item, tuple) else (item,):
                assert heading in kind.hints, (name, heading)
    assert len({kind.folder for kind in PAGE_KINDS}) == len(PAGE_KINDS)


def test_relations_are_told_apart_without_colour():
    assert len({kind.dash for kind in RELATIONS.values()}) == len(RELATIONS)
    assert [kind.name for kind in RELATION_KINDS if not kind.directed] == ["relatert"]


def test_one_ascii_rule_as_documented():
    assert ascii_letters("Sjursæther Møller Åkerblom") == "Sjursaether Moller Akerblom"
    assert ascii_letters("støttes_av bygger_på") == "stottes_av bygger_pa"
    assert ascii_letters("Müller kafé") == "Muller kafe"


def test_a_body_block_goes_before_the_generated_sections():
    backlinks = section_heading("Sider som lenker hit") + "\n\n- a\n"
    page = "Intro.\n\n" + backlinks
    assert before_generated_sections(page, "BODY") == "Intro.\n\nBODY\n\n" + backlinks
    assert before_generated_sections("Intro.\n", "BODY") == "Intro.\n\nBODY\n"
    kilder = section_heading("Kilder") + "\n"
    assert before_generated_sections(page + "\n" + kilder, "B") == "Intro.\n\nB\n\n" + backlinks + "\n" + kilder
