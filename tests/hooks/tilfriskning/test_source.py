import pytest

from tilfriskning.source import (
    FrontMatterError,
    blank_code,
    code_regions,
    find_citation_blocks,
    find_headings,
    find_links,
    line_at,
    parse_page,
    resolve_link,
    split_front_matter,
)

PAGE = """---
title: Test
type: side
---

Intro [@a, s. 1].

## Heading {#custom}

```python
x = "[@b]"
```

Text `[@c]` and [link](other.md#anchor) and [@d; @e, s. 2-3].
"""


def test_split_front_matter_returns_body_and_its_first_line():
    meta, body, line, _ = split_front_matter(PAGE)
    assert meta == {"title": "Test", "type": "side"}
    assert body.startswith("Intro")
    assert line == 6


def test_missing_front_matter_is_reported_on_line_1():
    with pytest.raises(FrontMatterError) as error:
        split_front_matter("# Tittel\n")
    assert error.value.line == 1
    assert "mangler front matter" in error.value.message


def test_unclosed_front_matter():
    with pytest.raises(FrontMatterError, match="ikke lukket"):
        split_front_matter("---\ntitle: x\n\nText\n")


def test_tab_indented_yaml_names_line_and_tab():
    with pytest.raises(FrontMatterError) as error:
        split_front_matter("---\ntitle: x\ntags:\n\t- a\n---\n")
    assert error.value.line == 4
    assert "tabulator" in error.value.message


def test_colon_in_value_is_explained():
    with pytest.raises(FrontMatterError) as error:
        split_front_matter("---\ntitle: Motivasjon: indre og ytre\n---\n")
    assert error.value.line == 2
    assert "anførselstegn" in error.value.message


def test_duplicate_key_is_refused():
    with pytest.raises(FrontMatterError, match="to ganger"):
        split_front_matter("---\ntitle: a\ntitle: b\n---\n")


def test_code_regions_cover_fences_and_inline_code():
    text = "a `x` b\n```\n@c\n```\n`` y ` z ``\n"
    spans = [text[s:e] for s, e in code_regions(text)]
    assert spans == ["`x`", "```\n@c\n```\n", "`` y ` z ``"]
    assert code_regions("a [@x] b\n\n~~ ikke en gjerde\n") == []


def test_unclosed_fence_runs_to_the_end():
    text = "a\n~~~\n[@x]\n"
    assert blank_code(text) == "a\n   \n    \n"


def test_inline_code_does_not_span_paragraphs():
    assert code_regions("a ` b\n\nc ` d") == []


def test_citations_outside_code_only_with_lines():
    page = parse_page(PAGE)
    assert [(b.raw, b.line) for b in page.citation_blocks] == [
        ("[@a, s. 1]", 6),
        ("[@d; @e, s. 2-3]", 14),
    ]
    assert page.citation_blocks[1].keys == ("d", "e")
    assert page.citation_blocks[1].citations[1].suffix.strip() == "s. 2-3"


def test_headings_strip_attribute_lists():
    assert [(h.level, h.text, h.line) for h in parse_page(PAGE).headings] == [(2, "Heading", 8)]


def test_headings_inside_code_are_ignored():
    assert find_headings(blank_code("```\n# comment\n```\n## Real\n")) == find_headings("\n\n\n## Real\n")


def test_links_inline_reference_and_html():
    text = '[a](x.md) ![b](img.png)\n\n[ref]: y.md#z\n<a href="w.md">w</a>\n'
    links = find_links(text)
    assert [(link.target, link.line, link.image) for link in links] == [
        ("x.md", 1, False),
        ("img.png", 1, True),
        ("y.md#z", 3, False),
        ("w.md", 4, False),
    ]


def test_citation_in_link_text_is_flagged():
    (block,) = find_citation_blocks("[se @a](https://example.org)")
    assert block.in_link_text


def test_citation_split_over_lines_is_found():
    page = parse_page("---\ntitle: t\n---\n\nText [@a;\n@b] end.\n")
    assert page.split_citation_lines == (5,)


def test_email_in_brackets_is_not_a_citation():
    assert find_citation_blocks("[post@example.org]") == ()


def test_resolve_link_gives_file_and_anchor_for_relative_links_only():
    assert resolve_link("begreper/a.md", "../teorier/t.md#kjaerlighet") == ("teorier/t.md", "kjaerlighet")
    assert resolve_link("begreper/a.md", "b.md?x=1") == ("begreper/b.md", "")
    assert resolve_link("index.md", "../x.md") == ("../x.md", "")
    for target in ("https://example.org/a.md", "mailto:a@b.no", "/abs.md", "#anker", " "):
        assert resolve_link("begreper/a.md", target) is None


def test_line_at_counts_the_lines_before_an_index_from_the_first_line():
    text = "a\nbb\n\nccc"
    assert [line_at(text, i) for i in range(len(text))] == [1, 1, 2, 2, 2, 3, 4, 4, 4]
    assert line_at(text, text.index("ccc"), first_line=10) == 13
    assert line_at("", 0) == 1


def test_citation_blocks_in_reads_every_page_and_passes_over_what_it_cannot_read(tmp_path):
    from tilfriskning.source import citation_blocks_in

    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "side.md").write_text("---\ntitle: A\n---\n\nTekst [@hansen2020, s. 2].\n\n`[@ikke]`\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("\ufeff---\ntitle: B\n---\n\nMer [@berg2019a; @berg2019b].\n", encoding="utf-8")
    (tmp_path / "latin1.md").write_bytes("---\ntitle: Æ\n---\n\n[@x]\n".encode("latin-1"))
    (tmp_path / "uten-slutt.md").write_text("---\ntitle: C\n\n[@y]\n", encoding="utf-8")
    (tmp_path / "notat.txt").write_text("[@z]\n", encoding="utf-8")
    assert citation_blocks_in(tmp_path) == ["[@hansen2020, s. 2]", "[@berg2019a; @berg2019b]"]
