"""Generated HTML held out of the Markdown comes out exactly as if it had been written into it."""

from __future__ import annotations

from types import SimpleNamespace

import markdown
import pytest

from glue import held
from glue.build import SITE_ATTRIBUTE, ContentProblems
from tilfriskning.added import own_text, unmarked

EXTENSIONS = ["abbr", "attr_list", "md_in_html", "toc", "smarty", "pymdownx.superfences"]
BLOCKS = [
    '<div class="siter-side"><p id="siter-apa">Tilfriskning. (2026). <em>Side</em>.</p></div>',
    '<div class="kart-ramme"><svg viewBox="0 0 10 10"><title id="naerkart-tittel">Kart</title></svg></div>',
    '<ul class="kilder"><li id="kilde-hansen2020">Hansen, A. (2020). <em>Bok</em>. Forlaget.</li></ul>',
]


def build_of(blocks_at_end: bool):
    facts = SimpleNamespace(held={}, held_nonce="0a1b2c3d", docs_prefix="docs/")
    config = SimpleNamespace(**{SITE_ATTRIBUTE: facts})
    page = SimpleNamespace(file=SimpleNamespace(src_uri="side.md"), present_anchor_ids={"bakgrunn"})
    text = "# Side\n\nTekst om MI.\n\n## Kilder {#kilder data-search-exclude}\n\n"
    tail = "" if blocks_at_end else "\n\nSiste avsnitt.\n"
    return config, page, text, tail


@pytest.mark.parametrize("blocks_at_end", [True, False])
def test_put_back_gives_the_html_markdown_gave_for_raw_blocks(blocks_at_end):
    config, page, text, tail = build_of(blocks_at_end)
    written = markdown.markdown(text + "\n\n".join(BLOCKS) + tail, extensions=EXTENSIONS)
    placeholders = "\n\n".join(held.hold(config, page, block) for block in BLOCKS)
    converted = markdown.markdown(text + placeholders + tail, extensions=EXTENSIONS)
    assert unmarked(held.put_back(converted, page, config)) == written
    assert {"siter-apa", "naerkart-tittel", "kilde-hansen2020", "bakgrunn"} <= page.present_anchor_ids


def test_a_block_inside_html_an_editor_left_open_comes_out_as_before():
    config, page, text, _ = build_of(True)
    opened = text + '<div class="x">\n\n'
    written = markdown.markdown(opened + BLOCKS[0], extensions=EXTENSIONS)
    converted = markdown.markdown(opened + held.hold(config, page, BLOCKS[0]), extensions=EXTENSIONS)
    assert unmarked(held.put_back(converted, page, config)) == written


def test_blocks_come_back_marked_as_added_unless_searched():
    config, page, text, _ = build_of(True)
    placeholders = held.hold(config, page, BLOCKS[0]) + "\n\n" + held.hold(config, page, "<p>Last ned</p>", searched=True)
    html = held.put_back(markdown.markdown(text + placeholders, extensions=EXTENSIONS), page, config)
    assert f"<!--tf-lagt-til-->{BLOCKS[0]}<!--/tf-lagt-til-->" in html
    own = own_text(html)
    assert "siter-apa" not in own and "<p>Last ned</p>" in own and "Tekst om MI." in own


def test_a_lost_placeholder_stops_the_build():
    config, page, text, _ = build_of(True)
    held.hold(config, page, BLOCKS[0])
    with pytest.raises(ContentProblems):
        held.put_back(markdown.markdown(text, extensions=EXTENSIONS), page, config)
