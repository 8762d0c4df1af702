from tilfriskning.print_view import PrintPage, assemble, demote_headings, prefix_ids, rewrite_links


def test_prefix_ids_covers_ids_anchors_svg_and_aria():
    html = (
        '<h2 id="kilder">K</h2><a href="#kilder">x</a><svg aria-labelledby="t d"><title id="t"/>'
        '<path marker-end="url(#pil)"/></svg><button data-clipboard-target="#apa">'
    )
    out = prefix_ids(html, "side-3")
    assert 'id="side-3-kilder"' in out and 'href="#side-3-kilder"' in out
    assert 'aria-labelledby="side-3-t side-3-d"' in out and "url(#side-3-pil)" in out
    assert 'data-clipboard-target="#side-3-apa"' in out


def test_links_to_pages_become_in_document_links():
    pages = {"": 1, "begreper/a/": 2, "litteratur/": 3}
    html = (
        '<a href="../../litteratur/#fekjaer2016">L</a><a href="../a/">A</a><a href="../../bibliography.bib">B</a>'
        '<a href="https://x.no/">X</a>'
    )
    out = rewrite_links(html, "begreper/b/", pages, "utskrift/")
    assert '<a href="#side-3-fekjaer2016">' in out and '<a href="#side-2">' in out
    assert '<a href="../bibliography.bib">' in out and '<a href="https://x.no/">' in out
    assert '<a href="#side-2">' in rewrite_links('<a href="begreper/a/">A</a>', "", pages, "utskrift/")
    assert '<a class="kart-node" xlink:href="#side-2">' in rewrite_links(
        '<a class="kart-node" xlink:href="../a/">', "begreper/b/", pages, "utskrift/"
    )


def test_assemble_orders_pages_with_contents_and_demoted_headings():
    doc = assemble([PrintPage("", "Forside", "<h2 id='x'>Del</h2>"), PrintPage("a/", "A", "<p>a</p>")], "utskrift/")
    assert doc.index('href="#side-1">Forside') < doc.index('href="#side-2">A')
    assert '<section class="utskrift-side" id="side-1"' in doc and "<h3" in doc and "<h2 id='x'>" not in doc
    assert demote_headings("<h5>x</h5><h6>y</h6>") == "<h6>x</h6><h6>y</h6>"
