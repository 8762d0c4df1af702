"""Titles in another language marked for pandoc (WCAG 3.1.2)."""

from tilfriskning.bib import check_bibliography
from tilfriskning.languages import for_pandoc, language_of

BIB = """@book{honneth1996,
  author          = {Honneth, Axel},
  title           = {The struggle for {R}ecognition},
  subtitle        = "The moral grammar of \\{social\\} conflicts",
  publisher       = {MIT Press},
  langid          = {english},
  year            = 1996,
  metadata_status = {verified},
  source_checked  = {partly},
  source_note     = {Forlagets side, der det står title = {Kampen} om den norske utgaven}
}

@article{ryan2000, author = {Ryan, Richard M.}, title = {Self-determination theory}, journal = {American Psychologist}, booktitle = {X}, year = {2000}, langid = {English}, metadata_status = {partial}, source_checked = {no}}

@book{fekjaer2016,
  author          = {Fekjær, Hans Olav},
  title           = {Rus},
  publisher       = {Gyldendal},
  langid          = {norsk},
  year            = {2016},
  metadata_status = {verified},
  source_checked  = {no}
}
"""


def test_language_names_are_biblatex_s():
    assert language_of("english") == language_of(" English ") == "en"
    assert (language_of("nynorsk"), language_of("swedish"), language_of("norsk")) == ("nn", "sv", "nb")
    assert language_of("en") is None


def test_the_title_fields_of_entries_in_another_language_are_wrapped_and_nothing_else_changes():
    bibliography, problems = check_bibliography(BIB)
    assert problems == []
    text = bibliography.for_pandoc()
    assert "title           = {\\foreignlanguage{english}{The struggle for {R}ecognition}}," in text
    assert "subtitle        = {\\foreignlanguage{english}{The moral grammar of \\{social\\} conflicts}}," in text
    assert "author          = {Honneth, Axel}," in text and "publisher       = {MIT Press}," in text
    assert "source_note     = {Forlagets side, der det står title = {Kampen} om" in text, "inside a value is no field"
    assert "title = {\\foreignlanguage{english}{Self-determination theory}}" in text
    assert "journal = {\\foreignlanguage{english}{American Psychologist}}" in text
    assert "booktitle = {\\foreignlanguage{english}{X}}" in text
    assert "title           = {Rus}," in text, "Bokmål, the site's language, is left alone"
    assert for_pandoc(BIB, {}) == BIB


def test_an_unknown_langid_stops_the_build_with_what_to_write():
    _, problems = check_bibliography(BIB.replace("{english}", "{en}"))
    assert [p.rule for p in problems] == ["bib-sprak"]
    assert "langid = {english}" in problems[0].message and problems[0].line == 1
