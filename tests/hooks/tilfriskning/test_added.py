"""The blocks the build adds, told apart from the page's own text and put back exactly."""

from __future__ import annotations

from tilfriskning.added import mark, own_text, unmarked, with_added

PAGE = (
    "<p>Egen tekst.</p>\n"
    + mark('<div class="siter-side"><p id="siter-apa">Ref.</p></div>')
    + "\n<h2>Kilder</h2>\n"
    + mark('<ul class="kilder"><li>Hansen</li></ul>')
)


def test_own_text_leaves_only_the_page_s_own_text():
    own, blocks = own_text(PAGE)
    assert own == "<p>Egen tekst.</p>\n<!--tf-lagt-til 0-->\n<h2>Kilder</h2>\n<!--tf-lagt-til 1-->"
    assert len(blocks) == 2 and "siter-apa" in blocks[0] and "Hansen" in blocks[1]


def test_with_added_puts_every_block_back_even_after_the_text_changed_around_them():
    own, blocks = own_text(PAGE)
    changed = own.replace("Egen tekst.", "Endret tekst.")
    assert with_added(changed, blocks) == PAGE.replace("Egen tekst.", "Endret tekst.")


def test_a_stand_in_without_its_block_stays_as_it_was_written():
    assert with_added("<!--tf-lagt-til 3-->", ["<p>a</p>"]) == "<!--tf-lagt-til 3-->"
    assert with_added("<p>a</p>", []) == "<p>a</p>"


def test_unmarked_takes_out_only_the_marks():
    assert unmarked(PAGE) == (
        '<p>Egen tekst.</p>\n<div class="siter-side"><p id="siter-apa">Ref.</p></div>\n'
        '<h2>Kilder</h2>\n<ul class="kilder"><li>Hansen</li></ul>'
    )
    assert unmarked("<p>x</p>") == "<p>x</p>"
