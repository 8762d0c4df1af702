from tilfriskning import markup
from tilfriskning.source import parse_page


def _found(finder, body: str):
    return finder(parse_page("---\ntitle: x\n---\n\n" + body).blanked, 5)


def test_indented_code_only_outside_lists_admonitions_and_footnotes():
    assert _found(markup.indented_code, "Tekst.\n\n    kode her\n    og her\n") == [(7, "kode her")]
    for container in ("- punkt", "1. punkt", '!!! note "x"', "[^1]: fotnote", ":   definisjon"):
        assert _found(markup.indented_code, f"{container}\n\n    fortsettelse\n") == [], container
    assert _found(markup.indented_code, "Tekst som\n    fortsetter (lat linje)\n") == []
    assert _found(markup.indented_code, "```\n\n    i et kodegjerde\n```\n") == []


def test_setext_headings_and_rules():
    assert _found(markup.setext_headings, "Tekst\n---\n") == [(5, "Tekst")]
    assert _found(markup.setext_headings, "Tekst\n\n---\n") == [] and _found(markup.setext_headings, "| a |\n|---|\n") == []


def test_lists_need_a_blank_line_and_four_spaces():
    assert _found(markup.lists_without_blank_line, "Tre ting:\n- en\n- to\n") == [(6, "- en")]
    assert _found(markup.lists_without_blank_line, "Tre ting:\n\n- en\n- to\n") == []
    assert _found(markup.lists_without_blank_line, "- en som\nfortsetter\n- to\n") == []
    assert _found(markup.shallow_sublists, "- en\n  - under\n") == [(6, "- under")]
    assert _found(markup.shallow_sublists, "- en\n    - under\n") == []


def test_html_tags_comments_and_markdown_inside_html():
    assert _found(markup.unbalanced_tags, "<div>\n\nx\n") == [(5, "<div")]
    assert _found(markup.unbalanced_tags, '<div markdown>\n\nx\n\n</div>\n<img src="a.png"/>\n') == []
    assert _found(markup.unclosed_comments, "<!-- lukket -->\n<!-- åpen\n") == [(6, "<!--")]
    assert _found(markup.markdown_in_html, "<div>\n**fet**\n</div>\n") == [(6, "<div>")]
    assert _found(markup.markdown_in_html, "<div markdown>\n\n**fet**\n\n</div>\n") == []


def test_links_footnotes_and_images():
    assert _found(markup.missing_footnotes, "En[^1] to[^2].\n\n[^1]: Ja.\n") == [(5, "2")]
    assert _found(markup.undefined_reference_links, "[a][b] og [c][]\n\n[b]: https://x.no\n") == [(5, "[c][]")]
    assert _found(markup.empty_links, "[a]() og [](b.md)\n") == [(5, "[](b.md)"), (5, "[a]()")]
    assert [(s, a, raw) for _, s, a, raw in _found(markup.images, '![](a.png) <img src="b.png">\n')] == [
        ("a.png", "", False),
        ("b.png", None, True),
    ]


def test_bare_keys_are_known_keys_or_look_like_keys():
    keys = frozenset({"hansen2020"})
    assert markup.bare_keys("Som @hansen2020 og @olsen2019 skriver, @brukernavn og a@b.no.", 1, keys) == [
        (1, "hansen2020"),
        (1, "olsen2019"),
    ]
    assert markup.bare_keys("[@hansen2020] og [se @hansen2020, s. 2]", 1, keys) == []


def test_citations_inside_parentheses():
    text = "Tekst (se [@a]) og [@b] (2014) [@c]."
    assert [markup.in_parentheses(text, text.index(k)) for k in ("[@a]", "[@b]", "[@c]")] == [True, False, False]
