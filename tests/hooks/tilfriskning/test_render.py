from tilfriskning.render import EntryStatus, citation_html, kilder_html


def test_citation_html_links_to_kilder_entry():
    html = citation_html('(<a href="#ref-a1" role="doc-biblioref">A, 2020</a>)')
    assert html == '(<a class="sitering footnote-ref" href="#kilde-a1" role="doc-biblioref">A, 2020</a>)'


def test_kilder_marks_and_notes():
    refs = {"a": "A. (2020).", "t": "T. (2022)."}
    statuses = {"a": EntryStatus(False, False), "t": EntryStatus(True, True)}
    html = kilder_html(["a", "t"], refs, statuses, "../litteratur/", None, "../litteratur/#t")
    assert '<li id="kilde-a" class="kilde">' in html
    assert "Ufullstendige opplysninger" in html.split('id="kilde-t"')[0]
    assert "Ufullstendige opplysninger" not in html.split('id="kilde-t"')[1]
    assert "Ikke kontrollert mot originalen" in html  # mixed: unchecked entries are marked
    assert 'href="../litteratur/#a"' in html
    assert "verkene merket «ikke kontrollert mot originalen»" in html


def test_kilder_with_only_the_thesis_checked_uses_one_sentence():
    refs = {"a": "A. (2020).", "t": "T. (2022)."}
    statuses = {"a": EntryStatus(True, False), "t": EntryStatus(True, True)}
    html = kilder_html(["a", "t"], refs, statuses, None, "t", None)
    assert "Ikke kontrollert mot originalen" not in html
    assert "Det siden sier om de andre verkene enn oppgaven selv, bygger på" in html


def test_kilder_without_unchecked_works_has_no_note():
    html = kilder_html(["t"], {"t": "T."}, {"t": EntryStatus(True, True)}, None, None, None)
    assert "kilder-merknad" not in html and "Litteratur" not in html
