"""Citation tags through Python-Markdown as single characters: the page comes out as if written as HTML."""

from __future__ import annotations

import markdown
import pytest

from tilfriskning.tag_mask import FIRST, TagMask

EXTENSIONS = ["abbr", "attr_list", "md_in_html", "toc", "smarty", "admonition", "pymdownx.superfences"]
CITATION = (
    '<span class="citation" data-cites="navhvaer">(<a class="sitering footnote-ref" href="#kilde-navhvaer" '
    'role="doc-biblioref">NAV, 2023</a>)</span>'
)
ABBREVIATION = "\n\n*[NAV]: Arbeids- og velferdsforvaltningen\n"


def both(text: str) -> tuple[str, str]:
    """The page written with the citation as HTML, and through the mask."""
    mask = TagMask()
    written = markdown.markdown(text.replace("CITE", CITATION), extensions=EXTENSIONS)
    masked = mask.unmask(markdown.markdown(text.replace("CITE", mask.mask(CITATION)), extensions=EXTENSIONS))
    return written, masked


@pytest.mark.parametrize(
    "text",
    [
        "Tekst om tjenestene CITE.",
        "CITE står først i avsnittet.",
        "- Et punkt CITE.\n- Et til CITE.",
        '!!! kort-fortalt "Kort fortalt"\n\n    - Et punkt i boksen CITE.',
        "| Tiltak | Kilde |\n|---|---|\n| Oppfølging | CITE |",
        "Tekst med fotnote.[^1]\n\n[^1]: Forklaringen CITE.",
        "Tekst om «tjenestene» -- og NAV CITE." + ABBREVIATION,
    ],
    ids=["avsnitt", "først", "liste", "boks", "tabell", "fotnote", "forkortelse-og-typografi"],
)
def test_a_page_comes_out_as_if_the_citation_were_written_as_html(text):
    written, masked = both(text)
    assert masked == written


def test_abbreviations_still_apply_inside_the_citation():
    _, masked = both("Tekst CITE." + ABBREVIATION)
    assert '<abbr title="Arbeids- og velferdsforvaltningen">NAV</abbr>, 2023</a>' in masked


def test_inside_code_and_attributes_the_tags_come_back_escaped():
    mask = TagMask()
    masked = mask.mask(CITATION)
    page = mask.unmask(f'<pre><code>{masked}</code></pre><img alt="Bilde {masked}" src="a.png"><p>{masked}</p>')
    assert '<pre><code>&lt;span class="citation" data-cites="navhvaer"&gt;(&lt;a ' in page
    assert 'alt="Bilde &lt;span class=&quot;citation&quot;' in page
    assert page.endswith(f"<p>{CITATION}</p>")


def test_an_editor_s_own_private_use_character_is_left_as_it_is():
    own = chr(FIRST)
    mask = TagMask([f"Et tegn {own} i teksten."])
    masked = mask.mask(CITATION)
    assert own not in masked
    assert mask.unmask(f"<p>{own} {masked}</p>") == f"<p>{own} {CITATION}</p>"


def test_the_table_of_contents_loses_the_tags_as_markdown_strips_them():
    mask = TagMask()
    assert mask.plain(f"Tjenestene {mask.mask(CITATION)}") == "Tjenestene (NAV, 2023)"
