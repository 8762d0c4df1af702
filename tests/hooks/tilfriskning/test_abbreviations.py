from tilfriskning.abbreviations import check_abbreviations, first_in_each_section


def test_good_lines_and_crlf_pass():
    assert check_abbreviations("*[MI]: Motiverende intervju\r\n\r\n*[ROP]: Rus og psykiske lidelser\r\n", "f.md") == []


def test_each_broken_line_is_named():
    lines = [
        "*[A] uten kolon",
        "[B]: uten stjerne",
        "* [C]: med mellomrom",
        "*[D]:",
        "*[E: uten klamme",
        " *[F]: innrykket",
        "tekst",
        "*[MI]: en",
        "*[MI]: to",
    ]
    found = check_abbreviations("\n".join(lines), "includes/forkortelser.md")
    assert [p.line for p in found] == list(range(1, 8)) + [9]
    assert {p.rule for p in found} == {"forkortelse"}
    assert "kolon" in found[0].message and "«*» foran «[»" in found[1].message and "også linje 8" in found[-1].message


MI = '<abbr title="Motiverende intervju">MI</abbr>'
ROP = '<abbr title="Rus og psykiske lidelser">ROP</abbr>'


def test_each_abbreviation_is_marked_once_in_each_section():
    html = (
        f"<p>{MI} og {MI}, {ROP}.</p><div><p>{MI} igjen</p></div>"
        f'<h2 id="a">Om {MI}</h2><p>{MI}, {ROP}</p>'
        f'<h3 id="b">Under</h3><p>{ROP} og {ROP}</p>'
    )
    assert first_in_each_section(html) == (
        f"<p>{MI} og MI, {ROP}.</p><div><p>MI igjen</p></div>"
        f'<h2 id="a">Om {MI}</h2><p>MI, {ROP}</p>'
        f'<h3 id="b">Under</h3><p>{ROP} og ROP</p>'
    )


def test_a_page_without_abbreviations_is_returned_as_it_is():
    html = "<h2>Tittel</h2><p>Ingen forkortelser, bare <abbr>egen</abbr> markering.</p>"
    assert first_in_each_section(html) is html
