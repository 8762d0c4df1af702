from tilfriskning.abbreviations import check_abbreviations


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
