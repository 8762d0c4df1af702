from tilfriskning.error_page import error_page


def test_the_page_lists_the_lines_escaped_and_reloads_itself():
    page = error_page(["docs/a.md:3: «<div>» har ingen partner [html-tagg]"])
    assert '<html lang="nb">' in page and "&lt;div&gt;" in page and "<div>»" not in page
    assert "location.reload()" in page and 'name="tf-feil"' in page
    assert error_page(["a"]) != error_page(["b"]), "the marker changes with the lines, so a new mistake reloads"
