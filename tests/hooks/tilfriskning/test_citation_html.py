from tilfriskning.citation_html import EntryStatus, citation_html, fill_references, kilder_html, litteratur_html


def test_citation_html_links_to_kilder_entry():
    html = citation_html('(<a href="#ref-a1" role="doc-biblioref">A, 2020</a>)')
    assert html == '(<a class="sitering footnote-ref" href="#kilde-a1" role="doc-biblioref">A, 2020</a>)'


def test_kilder_marks_and_notes():
    refs = {"a": "A. (2020).", "t": "T. (2022)."}
    statuses = {"a": EntryStatus(False, "no"), "t": EntryStatus(True, "yes")}
    html = kilder_html(["a", "t"], refs, statuses, "../litteratur/", None, "../litteratur/#t")
    assert '<li id="kilde-a" class="kilde">' in html
    assert "Ufullstendige opplysninger" in html.split('id="kilde-t"')[0]
    assert "Ufullstendige opplysninger" not in html.split('id="kilde-t"')[1].split("</li>")[0]
    assert "Ikke kontrollert mot originalen" in html  # mixed: unchecked entries are marked
    assert 'href="../litteratur/#a"' in html
    assert "Verkene merket «ikke kontrollert mot originalen» er gjengitt slik" in html


def test_kilder_explains_markers_in_text_not_tooltips():
    """A phone can't hover and a marker can't be focused: a sentence below the list explains
    each marker present, and no marker carries a tooltip."""
    refs = {"a": "A. (2020).", "p": "P. (2021).", "t": "T. (2022)."}
    statuses = {"a": EntryStatus(False, "no"), "p": EntryStatus(True, "partly"), "t": EntryStatus(True, "yes")}
    html = kilder_html(["a", "p", "t"], refs, statuses, None, "t", None)
    assert "title=" not in html
    notes = html.split("</ul>")[1]
    assert "«Ufullstendige opplysninger» betyr at noen bibliografiske opplysninger" in notes
    assert "«Delvis kontrollert mot originalen» betyr" in notes
    verified = kilder_html(["t"], {"t": "T."}, {"t": EntryStatus(True, "yes")}, None, None, None)
    assert "Ufullstendige" not in verified, "no explanation for a marker that isn't there"


def test_kilder_with_only_the_thesis_checked_uses_one_sentence():
    refs = {"a": "A. (2020).", "t": "T. (2022)."}
    statuses = {"a": EntryStatus(True, "no"), "t": EntryStatus(True, "yes")}
    html = kilder_html(["a", "t"], refs, statuses, None, "t", "../litteratur/#t")
    assert "Ikke kontrollert mot originalen" not in html
    assert (
        'Bortsett fra <a href="../litteratur/#t">bacheloroppgaven fra 2022</a> er verkene i listen '
        "gjengitt slik oppgaven beskriver dem, og ikke kontrollert mot originalene."
    ) in html


def test_kilder_without_the_thesis_names_it():
    html = kilder_html(["a"], {"a": "A."}, {"a": EntryStatus(True, "no")}, None, "t", None)
    assert (
        "Verkene i listen er gjengitt slik en bacheloroppgave i sosialt arbeid fra 2022 beskriver dem, "
        "og ikke kontrollert mot originalene."
    ) in html


def test_partly_checked_works_are_marked_and_explained():
    refs = {"a": "A. (2020).", "p": "P. (2021).", "t": "T. (2022)."}
    statuses = {"a": EntryStatus(True, "no"), "p": EntryStatus(True, "partly", "Sammendraget"), "t": EntryStatus(True, "yes")}
    html = kilder_html(["a", "p", "t"], refs, statuses, None, "t", None)
    entry_p = html.split('id="kilde-p"')[1].split("</li>")[0]
    entry_a = html.split('id="kilde-a"')[1].split("</li>")[0]
    assert "Delvis kontrollert mot originalen" in entry_p and "Ikke kontrollert" not in entry_p
    assert "Ikke kontrollert mot originalen" in entry_a, "a partly read work makes the others stand out"
    assert "bare en del av originalen er lest" in html


def test_kilder_without_unchecked_works_has_no_note():
    html = kilder_html(["t"], {"t": "T."}, {"t": EntryStatus(True, "yes")}, None, None, None)
    assert "kilder-merknad" not in html and "Litteratur" not in html


def test_litteratur_says_what_was_read():
    statuses = {"p": EntryStatus(True, "partly", "Sammendraget på <utgiverens> nettside"), "n": EntryStatus(False, "no")}
    html = litteratur_html(["p", "n"], {"p": "P.", "n": "N."}, statuses, {})
    assert "Lest i original: Sammendraget på &lt;utgiverens&gt; nettside" in html
    assert html.count("kilde-lest") == 1


def test_fact_box_reference_has_markers_without_tooltips():
    """As in the lists: the markers of an article's reference are explained below its Kilder list."""
    box = '<p><span class="tf-referanse" data-kilde="a"></span></p>'
    html = fill_references(box, {"a": "A. (2020)."}, {"a": EntryStatus(False, "partly")}, "../litteratur/")
    assert '<span class="tf-referanse">A. (2020).</span>' in html
    assert "Ufullstendige opplysninger" in html and "Delvis kontrollert mot originalen" in html
    assert "title=" not in html
