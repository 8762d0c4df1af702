"""The blocks and citation tags the build adds, told apart from the page's own text."""

from __future__ import annotations

from tilfriskning.added import mark, own_text, unmarked
from tilfriskning.citation_html import citation_html

PAGE = (
    "<p>Egen tekst.</p>\n"
    + mark('<div class="siter-side"><p id="siter-apa">Ref.</p></div>')
    + "\n<h2>Kilder</h2>\n"
    + mark('<ul class="kilder"><li>Hansen</li></ul>')
)


def test_own_text_leaves_only_the_page_s_own_text():
    assert own_text(PAGE) == "<p>Egen tekst.</p>\n<!--tf-lagt-til utelatt-->\n<h2>Kilder</h2>\n<!--tf-lagt-til utelatt-->"


def test_own_text_keeps_each_citation_s_text_without_its_tags():
    formatted = citation_html(
        '<span class="citation" data-cites="a b">(se <a href="#ref-a" role="doc-biblioref">Hansen, 2020, s. 2</a>; '
        '<a href="#ref-b" role="doc-biblioref"><abbr title="Arbeids- og velferdsetaten">NAV</abbr>, 2023</a>)</span>'
    )
    assert 'class="sitering footnote-ref"' in formatted, "the form the citation hook writes"
    page = f'<p>Tekst {formatted}. Se <a href="../x/">x</a> og <span class="tf-merke">y</span>.</p>'
    assert own_text(page) == (
        '<p>Tekst (se Hansen, 2020, s. 2; <abbr title="Arbeids- og velferdsetaten">NAV</abbr>, 2023). '
        'Se <a href="../x/">x</a> og <span class="tf-merke">y</span>.</p>'
    )
    in_code = "<code>&lt;span class=&quot;citation&quot; data-cites=&quot;a&quot;&gt;</code>"
    assert own_text(in_code) == in_code, "a citation shown as code stays for the backstop to find"


def test_unmarked_takes_out_only_the_marks():
    assert unmarked(PAGE) == (
        '<p>Egen tekst.</p>\n<div class="siter-side"><p id="siter-apa">Ref.</p></div>\n'
        '<h2>Kilder</h2>\n<ul class="kilder"><li>Hansen</li></ul>'
    )
    assert unmarked("<p>x</p>") == "<p>x</p>"
